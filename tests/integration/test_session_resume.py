"""Resume after kill -9: a real ``unkink start --no-input`` process, killed mid-way, then resumed.

Real time (about a minute in all): the first process runs ~10 s of a one-minute routine and is
killed; ``--resume`` runs the rest. Timing quality is measured by ``bench/cue_timing.py``, not
asserted here: this test checks that nothing logged is lost and the session completes.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.integration.test_session_cli import screened
from unkink.bootstrap import build
from unkink.settings import load_settings

PLAN = ["--area", "lower", "--where", "floor", "--minutes", "1"]


def _unkink(url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "unkink", "--db", url, *args]


def test_resume_after_kill_loses_nothing_logged(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kill.db'}"
    app = build(load_settings(database_url=url))
    screened(app)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    first = subprocess.Popen(
        _unkink(url, "start", "--no-input", "--json-events", *PLAN),
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert first.stdout is not None
    printed = []
    for line in first.stdout:
        printed.append(json.loads(line))
        if printed[-1]["planned_s"] >= 10:
            break
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=10)
    first.stdout.close()

    with app.uow() as u:
        [session] = u.sessions.list_sessions(limit=5)
        before = u.sessions.events(session.id)
    assert session.status == "running"
    assert len([e for e in before if e.planned_s is not None]) >= len(printed) - 1

    resumed = subprocess.run(
        _unkink(url, "start", "--resume", "--no-input", "--json-events"),
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert resumed.returncode == 0, resumed.stderr
    lines = [json.loads(line) for line in resumed.stdout.splitlines()]
    summary = lines[-1]
    assert summary["done"] is True
    assert {"lateness_p99_ms", "drift_ms"} <= summary.keys()
    assert lines[0]["planned_s"] <= printed[-1]["planned_s"]  # picks up the unfinished step

    with app.uow() as u:
        after = u.sessions.events(session.id)
        row = u.sessions.get_session(session.id)
    app.engine.dispose()
    assert after[: len(before)] == before  # nothing logged was lost
    assert row.status == "completed"
    shown = {e.detail["cue"] for e in after if e.detail and "cue" in e.detail}
    total = lines[-2]["planned_s"]
    assert lines[-2]["cue"] == "done" and 51 <= total <= 69
    assert shown == set(range(max(shown) + 1))  # every cue was shown at least once
    assert "resume_session" in [e.kind for e in after]
