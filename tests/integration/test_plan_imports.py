"""``unkink plan`` to a pipe imports only what planning needs (issue 10: its start-up time).

Each command runs in a fresh interpreter that reports, as it exits, which of the watched
modules it imported. Never a timing: which modules load is what decides it.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.imports import imported_by

NOT_FOR_PLAN = (
    "rich",  # the session player's, never a plan's table
    "unkink.domain.session.run",  # the player's (unkink start)
    "unkink.domain.session.timeline",
    "unkink.services.session_history",  # unkink history
    "unkink.services.cracks",  # the safety services a plan does not ask
    "unkink.services.screening",
    "unkink.domain.safety.referral",
    "zipfile",  # importlib.resources, for a catalogue that is not a plain folder
    "zoneinfo",  # the App's zone, read when the crack log asks for it
)


def _run(db: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    return imported_by(NOT_FOR_PLAN, "--db", str(db), *args)


def test_plan_to_a_pipe_prints_plain_lines_without_rich(tmp_path: Path) -> None:
    db = tmp_path / "plan.db"
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"age": 40, "pain_area": "low_back"}))
    done, _ = _run(db, "check", "--answers", str(answers), "--save", "--accept-intended-use")
    assert done.returncode == 0, done.stderr
    args = ("plan", "--area", "lower", "--where", "floor", "--minutes", "10")
    _run(db, *args)  # the first start may fill the catalogue cache (that reads the files)
    done, imported = _run(db, *args)
    assert done.returncode == 0, done.stderr
    assert imported == set(), f"unkink plan imported {sorted(imported)}"
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Your routine: about ")
    assert lines[1].split() == ["#", "stretch,", "and", "why", "dose", "time"]
    assert "You get down to the floor once." in lines
    assert lines[-1] == "Start it with: unkink start --area lower --where floor --minutes 10"
    assert not any(ch in done.stdout for ch in "│┃━")


def test_history_to_a_pipe_does_not_import_rich(tmp_path: Path) -> None:
    db = tmp_path / "history.db"
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"age": 40, "pain_area": "low_back"}))
    done, _ = _run(db, "check", "--answers", str(answers), "--save", "--accept-intended-use")
    assert done.returncode == 0, done.stderr
    from unkink.bootstrap import build
    from unkink.domain.session.planner import parse_request
    from unkink.services.sessions import plan_and_start
    from unkink.settings import load_settings

    app = build(load_settings(database_url=str(db)))
    request = parse_request(area="lower", where="floor", minutes=5)
    plan_and_start(uow=app.uow, catalogue=app.catalogue, request=request, now=app.now())
    done, imported = imported_by(("rich",), "--db", str(db), "history")
    assert done.returncode == 0, done.stderr
    assert imported == set(), f"unkink history imported {sorted(imported)}"
    assert done.stdout.splitlines()[0] == "Your sessions"  # the table's plain lines
