"""Storage a person can point anywhere: every URL or path either works or says plainly why not.

Real processes on real files (and a real PostgreSQL server where marked); no mocks.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from unkink.bootstrap import build
from unkink.settings import load_settings
from unkink.storage.migrate import HEAD

CRACK = ["crack", "--where", "upper"]


def unkink(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "unkink", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def plain(done: subprocess.CompletedProcess[str]) -> str:
    """The error text, checked to be one of our plain messages (no traceback, no crash)."""
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "went wrong inside unkink" not in done.stderr
    assert done.stderr.startswith("unkink: ")
    return done.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_plain_file_path_is_a_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "mine.db"
    done = unkink("--db", str(path), *CRACK)
    assert done.returncode == 0, done.stderr
    assert sqlite3.connect(path).execute("SELECT count(*) FROM crack_events").fetchone() == (1,)


def test_a_missing_folder_is_refused_not_created(tmp_path: Path) -> None:
    for db in (f"sqlite:///{tmp_path}/no/such/x.db", str(tmp_path / "no" / "x.db")):
        message = plain(unkink("--db", db, *CRACK))
        assert "does not exist" in message and "server" not in message
    assert not (tmp_path / "no").exists()


def test_the_default_data_folder_is_created(tmp_path: Path) -> None:
    done = unkink(*CRACK, env={"UNKINK_DATA_DIR": str(tmp_path / "new" / "data")})
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "new" / "data" / "unkink.db").is_file()


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///", "sqlite:///:memory:"])
def test_in_memory_urls_are_refused_for_storing(url: str) -> None:
    message = plain(unkink("--db", url, *CRACK))
    assert "in-memory" in message and "Logged" not in message


def test_a_corrupt_file_is_not_an_unkink_database(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(os.urandom(8192))
    message = plain(unkink("--db", str(bad), *CRACK))
    assert "is not an unkink database" in message
    assert "server" not in message


def test_postgresql_down_says_where(tmp_path: Path) -> None:
    port = _free_port()
    message = plain(unkink("--db", f"postgresql://me@127.0.0.1:{port}/unkink", *CRACK))
    assert f"cannot connect to PostgreSQL at 127.0.0.1:{port}: " in message
    assert "server is running" in message


def test_a_database_from_a_newer_unkink_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    assert unkink("--db", str(path), *CRACK).returncode == 0
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    for args in (CRACK, ["db", "upgrade"], ["cracks"]):
        message = plain(unkink("--db", str(path), *args))
        assert "newer unkink" in message and "Can't locate" not in message
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999",)


def test_a_data_folder_under_a_file_is_a_plain_message(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("")
    message = plain(unkink(*CRACK, env={"UNKINK_DATA_DIR": str(tmp_path / "a-file" / "sub")}))
    assert "can't create the data folder" in message and "UNKINK_DATA_DIR" in message


def _race(url: str, processes: int = 5) -> list[subprocess.CompletedProcess[str]]:
    with ThreadPoolExecutor(processes) as pool:
        return list(pool.map(lambda _: unkink("--db", url, *CRACK), range(processes)))


def _no_race_errors(runs: list[subprocess.CompletedProcess[str]]) -> None:
    for done in runs:
        assert done.returncode == 0, done.stderr
    # every process logged its crack, on one schema and one profile
    assert all("Logged a crack" in done.stdout for done in runs)


def test_first_use_by_five_processes_at_once_sqlite(tmp_path: Path) -> None:
    for attempt in range(4):
        url = f"sqlite:///{tmp_path / f'race{attempt}.db'}"
        _no_race_errors(_race(url))
        with sqlite3.connect(tmp_path / f"race{attempt}.db") as conn:
            assert conn.execute("SELECT count(*) FROM crack_events").fetchone() == (5,)
            assert conn.execute("SELECT count(*) FROM profiles").fetchone() == (1,)
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)


@pytest.mark.postgres
@pytest.mark.parametrize("attempt", range(3))
def test_first_use_by_five_processes_at_once_postgres(postgres_url: str, attempt: int) -> None:
    from sqlalchemy import text

    _no_race_errors(_race(postgres_url))
    app = build(load_settings(database_url=postgres_url))
    with app.uow() as u:
        count = u.connection.execute(text("SELECT count(*) FROM crack_events")).scalar()
        profiles = u.connection.execute(text("SELECT count(*) FROM profiles")).scalar()
    app.engine.dispose()
    assert (count, profiles) == (5, 1)
