"""Start-up time of unkink commands as ratios to bare Python, measured in the same run.

Includes ``unkink crack``, which must log "in well under a second" (issue #4).

Each command runs several times, round robin; the median wall time is compared with
``python -c pass`` on the same interpreter (and the system ``python3``, for reference).

    .venv/bin/python bench/startup.py [--repeat 9]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOALS = {
    "unkink --help": 6,
    "unkink exercises": 8,
    "unkink show": 8,
    "unkink crack": 12,
    "unkink cracks": 12,
    "unkink history": 12,
    "unkink plan": 12,
}
"""Issue 10's goals, as ratios to ``python -c pass`` on the same interpreter."""


TERMINAL = " (terminal)"
"""Cases whose name ends so run with a pseudo-terminal as their output, as a person sees
them: commands that fold and style their tables on a terminal and print whole lines to a pipe
are timed both ways."""


def _time_s(argv: list[str], *, terminal: bool = False) -> float:
    if not terminal:
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - start
    import os
    import pty

    leader, follower = pty.openpty()
    try:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=follower, stderr=follower, env=_wide())
        os.close(follower)
        while True:  # drain what it draws, as a terminal would
            try:
                if not os.read(leader, 65536):
                    break
            except OSError:  # the child closed the terminal
                break
        if child.wait() != 0:
            raise subprocess.CalledProcessError(child.returncode, argv)
        return time.perf_counter() - start
    finally:
        os.close(leader)


def _wide() -> dict[str, str]:
    import os

    return {**os.environ, "COLUMNS": "100", "LINES": "50"}


def _medians(cases: dict[str, list[str]], repeat: int) -> dict[str, float]:
    """Round robin (one run of each command per round), so a busy spell hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(repeat):
        for name, argv in cases.items():
            times[name].append(_time_s(argv, terminal=name.endswith(TERMINAL)))
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument(
        "--no-compile",
        action="store_true",
        help="measure without compiling unkink's sources to .pyc first",
    )
    args = parser.parse_args()
    unkink = str(Path(sys.executable).with_name("unkink"))
    if not args.no_compile:
        # An installed unkink has .pyc files; an editable one on a machine that sets
        # PYTHONDONTWRITEBYTECODE compiles every module on every start. Compile once, as pip would.
        import compileall

        import unkink as package

        compileall.compile_dir(Path(package.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        answers = Path(tmp) / "answers.json"
        answers.write_text(json.dumps({"age": 40, "pain_area": "low_back"}))
        subprocess.run(
            [unkink, "--db", url, "check", "--answers", str(answers), "--save",
             "--accept-intended-use"],
            check=True, capture_output=True,
        )  # fmt: skip
        cases = {
            "python -c pass (venv)": [sys.executable, "-c", "pass"],
            "unkink --help": [unkink, "--help"],
            "unkink exercises": [unkink, "exercises"],
            "unkink plan --area lower --where floor --minutes 10": [
                unkink, "--db", url, "plan", "--area", "lower", "--where", "floor",
                "--minutes", "10",
            ],
            "unkink crack --where upper": [unkink, "--db", url, "crack", "--where", "upper"],
            "unkink show cat_camel": [unkink, "show", "cat_camel"],
            "unkink cracks": [unkink, "--db", url, "cracks"],
            "unkink history": [unkink, "--db", url, "history"],
            "unkink insights": [unkink, "--db", url, "insights"],
            "unkink remind --help": [unkink, "remind", "--help"],
            "unkink report --help": [unkink, "report", "--help"],
            "unkink measures --help": [unkink, "measures", "--help"],
        }  # fmt: skip
        for name in (
            "python -c pass (venv)",
            "unkink exercises",
            "unkink show cat_camel",
            "unkink plan --area lower --where floor --minutes 10",
            "unkink history",
        ):
            cases[name + TERMINAL] = cases[name]  # fmt: skip
        system = shutil.which("python3")
        if system:
            cases["python3 -c pass (system)"] = [system, "-c", "pass"]
        for name, argv in cases.items():  # warm the file cache
            _time_s(argv, terminal=name.endswith(TERMINAL))
        medians = _medians(cases, args.repeat)
    base = medians["python -c pass (venv)"]
    base_terminal = medians["python -c pass (venv)" + TERMINAL]
    compiled = "without" if args.no_compile else "with"
    print(f"Median of {args.repeat} runs each, round robin in one run, {compiled} .pyc files.\n")
    print("| command | median ms | × bare Python | goal |")
    print("|---|---|---|---|")
    for name, seconds in medians.items():
        goal = next((f"≤ {g}×" for prefix, g in GOALS.items() if name.startswith(prefix)), "")
        ratio = seconds / (base_terminal if name.endswith(TERMINAL) else base)
        print(f"| `{name}` | {seconds * 1000:.0f} | {ratio:.1f} | {goal} |")
    print(f"\nRows marked{TERMINAL} ran on a pseudo-terminal, against python -c pass on one.")


if __name__ == "__main__":
    main()
