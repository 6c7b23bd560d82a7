"""The reminder daemon's footprint beside Workrave and Safe Eyes, measured side by side.

All run at once for the same window, under one Xvfb display and one session bus (dunst, when
installed, as the notification server): steady RSS (VmRSS, summed over child processes),
CPU share over the window, and wakeups per minute (context switches of all threads). A bare
``python3 -c 'sleep'`` runs beside them as the interpreter's floor. Figures are ratios to
Workrave's (the baseline that the goal in issue 12 names); nothing here asserts a time.

    .venv/bin/python bench/remind.py [--seconds 300]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")
TICK = os.sysconf("SC_CLK_TCK")


def _tree(pid: int) -> list[int]:
    """The process and its descendants."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            kids = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except OSError:
            continue
        todo += [int(k) for k in kids]
    return found


def _sample(pid: int) -> dict[str, float]:
    rss = cpu = switches = 0.0
    for p in _tree(pid):
        try:
            status = Path(f"/proc/{p}/status").read_text()
            stat = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        rss += next(
            int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS")
        )
        cpu += (int(stat[11]) + int(stat[12])) / TICK
        for task in Path(f"/proc/{p}/task").iterdir():
            try:
                for line in (task / "status").read_text().splitlines():
                    if line.startswith(("voluntary_ctxt", "nonvoluntary_ctxt")):
                        switches += int(line.split()[1])
            except OSError:
                continue
    return {"rss_mib": rss / 1024, "cpu_s": cpu, "switches": switches}


def _start(argv: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        argv,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=300, help="measuring window")
    parser.add_argument("--settle", type=float, default=30, help="seconds before measuring")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="unkink-bench-remind-"))
    env = {
        **os.environ,
        "HOME": str(tmp),
        "XDG_CONFIG_HOME": str(tmp / "config"),
        "XDG_DATA_HOME": str(tmp / "data"),
        "UNKINK_DATA_DIR": str(tmp / "unkink"),
    }
    notes: list[str] = []
    helpers: list[subprocess.Popen[bytes]] = []
    if shutil.which("Xvfb"):
        display = f":{200 + os.getpid() % 300}"
        helpers.append(_start(["Xvfb", display, "-nolisten", "tcp"], env))
        env["DISPLAY"] = display
        time.sleep(1.5)
    else:
        notes.append("no Xvfb: the desktop apps cannot run headless here")
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert bus.stdout is not None
    env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
    if shutil.which("dunst"):
        helpers.append(_start(["dunst"], env))
    db = f"sqlite:///{tmp / 'bench.db'}"
    setup = (
        "import sys\nfrom unkink.bootstrap import build\n"
        "from unkink.settings import load_settings\n"
        "from unkink.domain.safety.answers import ScreeningAnswers\n"
        "from unkink.services.safety import acknowledge_intended_use\n"
        "from unkink.services.screening import save_screening\n"
        "app = build(load_settings(database_url=sys.argv[1]))\n"
        "acknowledge_intended_use(uow=app.uow, now=app.now())\n"
        "save_screening(uow=app.uow, answers=ScreeningAnswers(age=40), now=app.now(),"
        " source='file')\n"
    )
    subprocess.run([sys.executable, "-c", setup, db], check=True, env=env)
    cases = {
        # --every 2700: the default 45 minutes, at any hour, so it counts as in work hours
        "unkink remind": [
            sys.executable,
            "-m",
            "unkink",
            "--db",
            db,
            "remind",
            "run",
            "--every",
            "2700",
        ],
        "python sleep (floor)": [sys.executable, "-c", "import time; time.sleep(10**6)"],
    }
    for name, argv in (("workrave", ["workrave"]), ("safeeyes", ["safeeyes"])):
        if shutil.which(argv[0]) and "DISPLAY" in env:
            cases[name] = argv
        else:
            notes.append(f"{name}: not installed or no display; not measured")
    procs = {name: _start(argv, env) for name, argv in cases.items()}
    time.sleep(args.settle)
    first = {n: _sample(p.pid) for n, p in procs.items() if p.poll() is None}
    start = time.monotonic()
    time.sleep(args.seconds)
    window = time.monotonic() - start
    rows = {}
    for name, proc in procs.items():
        if proc.poll() is not None or name not in first:
            notes.append(f"{name}: exited early (code {proc.returncode}); cannot run headless here")
            continue
        last = _sample(proc.pid)
        rows[name] = {
            "rss_mib": round(last["rss_mib"], 1),
            "cpu_percent": round(100 * (last["cpu_s"] - first[name]["cpu_s"]) / window, 3),
            "wakeups_per_min": round(60 * (last["switches"] - first[name]["switches"]) / window, 1),
        }
    for proc in [*procs.values(), *helpers, bus]:
        proc.terminate()
    for proc in [*procs.values(), *helpers, bus]:
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    base = rows.get("workrave")
    print(f"window {window:.0f} s after {args.settle:.0f} s settling; Workrave is the baseline")
    print(f"{'process':<22}{'RSS MiB':>9}{'CPU %':>9}{'wakeups/min':>13}{'RSS ratio':>11}")
    for name, r in rows.items():
        ratio = f"{r['rss_mib'] / base['rss_mib']:.2f}" if base else "-"
        print(
            f"{name:<22}{r['rss_mib']:>9}{r['cpu_percent']:>9}{r['wakeups_per_min']:>13}{ratio:>11}"
        )
    for note in notes:
        print("note:", note)
    print(json.dumps({"window_s": round(window), "results": rows, "notes": notes}))
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
