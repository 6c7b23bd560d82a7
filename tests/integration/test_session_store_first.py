"""Store first, then show; and a held write lock never ends a session (issue 10).

Real ``unkink start --no-input --json-events`` processes on a real SQLite file. Each cue is
committed before its line is printed, so a kill -9 the moment a line appears never loses
it. Another process holding SQLite's write lock for 15 s only delays the writes: they wait
their turn, in order, the session runs to its end, and the player says saving is waiting.
Real time: about 25 s for the kills and 70 s for the lock.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.integration.test_session_cli import screened
from unkink.bootstrap import build
from unkink.domain.session.status import SessionStatus
from unkink.settings import load_settings

PLAN = ["--area", "upper", "--where", "desk", "--minutes", "1"]
ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}


def _start(url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "unkink", "--db", url, "start", "--no-input", "--json-events",
         *PLAN],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
    )  # fmt: skip


def _cues_stored(url: str) -> list[int]:
    app = build(load_settings(database_url=url))
    with app.uow() as u:
        [latest, *_] = u.sessions.list_sessions(limit=1)
        events = u.sessions.events(latest.id)
    app.engine.dispose()
    return [int(e.detail["cue"]) for e in events if e.detail and "cue" in e.detail]


@pytest.mark.parametrize("kill_at_line", [1, 2, 4, 5, 6])
def test_a_cue_that_was_shown_is_stored_whenever_the_process_is_killed(
    tmp_path: Path, kill_at_line: int
) -> None:
    url = f"sqlite:///{tmp_path / 'kill.db'}"
    screened(build(load_settings(database_url=url)))
    shown = []
    with _start(url) as process:
        assert process.stdout is not None and process.stderr is not None
        for line in process.stdout:
            shown.append(json.loads(line))
            if len(shown) == kill_at_line:
                os.kill(process.pid, signal.SIGKILL)  # the moment the line appears
                break
        process.wait(timeout=10)
        assert len(shown) == kill_at_line, process.stderr.read()
    stored = _cues_stored(url)
    assert stored[: len(shown)] == list(range(len(shown)))


def test_a_write_lock_held_for_15_seconds_does_not_end_the_session(tmp_path: Path) -> None:
    db = tmp_path / "locked.db"
    url = f"sqlite:///{db}"
    screened(build(load_settings(database_url=url)))
    with _start(url) as process:
        assert process.stdout is not None and process.stderr is not None
        first = json.loads(process.stdout.readline())
        with _hold_lock(db) as holder:  # from the first cue on, for 15 s
            rest = [first, *(json.loads(line) for line in process.stdout)]
            errors = process.stderr.read()
            assert process.wait(timeout=120) == 0, errors
            holder.wait(timeout=30)
    cues = rest[:-1]
    assert rest[-1]["done"] is True and cues[-1]["cue"] == "done"
    assert first["cue"] == "get_ready"
    assert "Saving is waiting for the database" in errors
    assert "locked" not in errors
    assert _cues_stored(url) == list(range(len(cues)))  # every cue, in order
    app = build(load_settings(database_url=url))
    with app.uow() as u:
        [session] = u.sessions.list_sessions(limit=1)
    assert session.status is SessionStatus.COMPLETED


@contextmanager
def _hold_lock(db: Path) -> Iterator[subprocess.Popen[str]]:
    """Another program takes SQLite's write lock and keeps it for 15 s."""
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys, time\n"
         "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "c.execute('BEGIN IMMEDIATE')\n"
         "print('locked', flush=True)\n"
         "time.sleep(15)\n"
         "c.execute('COMMIT')\n", str(db)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    with holder:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield holder
