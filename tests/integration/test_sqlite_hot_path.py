"""Everyday commands on an up-to-date SQLite file run on the standard library's sqlite3 alone.

Real processes on real files: each command runs in a fresh interpreter that reports, as it
exits, which heavy packages it imported. A new file, or one behind the newest layout, still
goes through Alembic (SQLAlchemy) once, and then the next command needs neither.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.imports import imported_by
from unkink.storage.engine import make_engine
from unkink.storage.migrate import HEAD, upgrade

HEAVY = ("sqlalchemy", "alembic")
EVERYDAY = [
    ["crack", "--where", "upper"],
    ["cracks"],
    ["history"],
    ["plan", "--area", "lower", "--where", "floor", "--minutes", "10"],
    ["db", "where"],
]


def _run(db: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    return imported_by(HEAVY, "--db", str(db), *args)


@pytest.fixture
def screened_file(tmp_path: Path) -> Path:
    db = tmp_path / "everyday.db"
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"age": 40, "pain_area": "low_back"}))
    done, imported = _run(db, "check", "--answers", str(answers), "--save", "--accept-intended-use")
    assert done.returncode == 0, done.stderr
    assert "sqlalchemy" in imported  # a new file: Alembic made the layout
    return db


@pytest.mark.parametrize("args", EVERYDAY, ids=lambda a: "-".join(a[:2]))
def test_everyday_commands_never_import_sqlalchemy(screened_file: Path, args: list[str]) -> None:
    done, imported = _run(screened_file, *args)
    assert done.returncode == 0, done.stderr
    assert imported == set(), f"unkink {args[0]} imported {imported}"


def test_a_file_behind_the_newest_layout_is_upgraded_once_then_sqlite3_alone(
    tmp_path: Path,
) -> None:
    db = tmp_path / "older.db"
    engine = make_engine(f"sqlite:///{db}")
    upgrade(engine, "0004")
    engine.dispose()
    done, imported = _run(db, "crack", "--where", "upper")
    assert done.returncode == 0, done.stderr
    assert "sqlalchemy" in imported and "alembic" in imported
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
    done, imported = _run(db, "cracks")
    assert done.returncode == 0 and imported == set(), done.stderr
    assert "1 session(s)" in done.stdout or "fine" in done.stdout
