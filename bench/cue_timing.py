"""Cue timing: the real player against a naive sleep(1)-per-second loop, in the same run.

Runs ``unkink start --no-input --json-events`` (a real session of about a minute, writing every
cue to a SQLite file) in a subprocess while, in this process, a naive loop sleeps one second per
tick and shows each cue when its second comes round, doing the same per-cue work (a JSON line
and a committed SQLite insert). Prints lateness p50/p99/max and end drift for both, and for a
control: a bare sleeper with deadlines and no work, which shows how late this machine wakes any
program right now.

    .venv/bin/python bench/cue_timing.py [--minutes 1]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UNKINK = [sys.executable, "-m", "unkink"]
ANSWERS = {"age": 40, "pain_area": "low_back"}


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _row(name: str, lateness_s: list[float], drift_s: float) -> str:
    ms = [v * 1000 for v in lateness_s]
    return (
        f"| {name} | {len(ms)} | {statistics.median(ms):.2f} | {_pct(ms, 0.99):.2f} | "
        f"{max(ms):.2f} | {drift_s * 1000:.2f} |"
    )


def naive_loop(cues: list[dict[str, object]], db: Path, out: dict[str, object]) -> None:
    """The way not to do it: sleep(1), count a second, show what is due."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")  # the same settings as unkink's own SQLite
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE IF NOT EXISTS e (kind TEXT, planned REAL, actual REAL)")
    lateness: list[float] = []
    pending = sorted(cues, key=lambda c: float(c["planned_s"]))  # type: ignore[arg-type]
    start = time.monotonic()
    second = 0
    drift = 0.0
    while pending:
        while pending and float(pending[0]["planned_s"]) <= second:  # type: ignore[arg-type]
            cue = pending.pop(0)
            actual = time.monotonic() - start
            late = actual - float(cue["planned_s"])  # type: ignore[arg-type]
            lateness.append(late)
            json.dumps(cue)
            conn.execute("INSERT INTO e VALUES (?, ?, ?)", (cue["cue"], cue["planned_s"], actual))
            conn.commit()
            if cue["cue"] == "done":
                drift = late
        if pending:
            time.sleep(1)
            second += 1
    conn.close()
    out["lateness"] = lateness
    out["drift"] = drift


def control_loop(seconds: float, out: dict[str, object]) -> None:
    """A bare sleeper with deadlines every 0.5 s and no work: how late the machine wakes us."""
    start = time.monotonic()
    lateness: list[float] = []
    for n in range(1, int(seconds * 2) + 1):
        deadline = start + n / 2
        time.sleep(max(deadline - time.monotonic(), 0))
        lateness.append(time.monotonic() - deadline)
    out["lateness"] = lateness
    out["drift"] = lateness[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", default="1")
    args = parser.parse_args()
    plan = ["--area", "lower", "--where", "floor", "--minutes", args.minutes]
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        answers = Path(tmp) / "answers.json"
        answers.write_text(json.dumps(ANSWERS))
        subprocess.run(
            [*UNKINK, "--db", url, "check", "--answers", str(answers), "--save",
             "--accept-intended-use"],
            check=True, capture_output=True,
        )  # fmt: skip
        planned = json.loads(
            subprocess.run(
                [*UNKINK, "--db", url, "plan", *plan, "--json"],
                check=True, capture_output=True, text=True,
            ).stdout
        )  # fmt: skip
        from unkink.catalogue.loader import load_catalogue
        from unkink.domain.session.routines import routine_from_dict
        from unkink.domain.session.timeline import build_timeline

        routine = routine_from_dict(load_catalogue(None), planned)
        cues = [
            {"cue": str(c.kind), "planned_s": c.planned_s} for c in build_timeline(routine).cues
        ]
        naive: dict[str, object] = {}
        control: dict[str, object] = {}
        thread = threading.Thread(target=naive_loop, args=(cues, Path(tmp) / "naive.db", naive))
        seconds = float(cues[-1]["planned_s"])  # type: ignore[arg-type]
        watcher = threading.Thread(target=control_loop, args=(seconds, control))
        player = subprocess.Popen(
            [*UNKINK, "--db", url, "start", "--no-input", "--json-events", *plan],
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        thread.start()
        watcher.start()
        stdout, _ = player.communicate()
        thread.join()
        watcher.join()
    lines = [json.loads(line) for line in stdout.splitlines()]
    summary = lines[-1]
    engine = [c["actual_s"] - c["planned_s"] for c in lines[:-1]]
    total = lines[-2]["planned_s"]
    print(f"Session of {total} s ({len(engine)} cues), both run at the same time.\n")
    print("| loop | cues | p50 ms | p99 ms | max ms | end drift ms |")
    print("|---|---|---|---|---|---|")
    print(_row("unkink player (deadlines)", engine, summary["drift_ms"] / 1000))
    print(_row("naive sleep(1) per second", naive["lateness"], naive["drift"]))  # type: ignore[arg-type]
    print(_row("control: bare sleep, no work", control["lateness"], control["drift"]))  # type: ignore[arg-type]
    print(f"\nplayer's own summary line: {json.dumps(summary)}")


if __name__ == "__main__":
    main()
