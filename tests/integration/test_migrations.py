"""Migrations: up from empty on real SQLite and PostgreSQL, matching the tables exactly."""

from __future__ import annotations

from datetime import datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select

from unkink.storage.engine import make_engine
from unkink.storage.migrate import HEAD, current_revision, ensure_current, script_head, upgrade
from unkink.storage.tables import metadata, profiles
from unkink.storage.unit_of_work import SqlUnitOfWork


def test_head_constant_matches_the_newest_migration() -> None:
    assert script_head() == HEAD


def test_upgrade_from_empty_creates_every_table_as_declared(database_url: str) -> None:
    engine = make_engine(database_url)
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == HEAD
    with engine.connect() as conn:
        assert set(metadata.tables) <= set(inspect(conn).get_table_names())
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []
    engine.dispose()


def test_ensure_current_is_idempotent(database_url: str) -> None:
    engine = make_engine(database_url)
    ensure_current(engine)
    ensure_current(engine)
    assert current_revision(engine) == HEAD
    engine.dispose()


def test_unit_of_work_commits_only_when_asked(database_url: str) -> None:
    engine = make_engine(database_url)
    ensure_current(engine)
    now = datetime(2026, 3, 2, 9, 0)
    with SqlUnitOfWork(engine) as uow:
        uow.ensure_profile(now=now)  # no commit: rolled back on exit
    with SqlUnitOfWork(engine) as uow:
        assert uow.connection.execute(select(profiles.c.id)).all() == []
        uow.ensure_profile(now=now)
        uow.commit()
    with SqlUnitOfWork(engine) as uow:
        assert uow.connection.execute(select(profiles.c.created_at)).scalar() == now
    engine.dispose()


def test_sqlite_has_foreign_keys_and_wal_on(tmp_path: pytest.TempPathFactory) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/x.db")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    engine.dispose()
