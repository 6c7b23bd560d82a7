"""Shared fixtures: a manual clock, settings on a real SQLite file, a composed App, databases.

PostgreSQL comes from UNKINK_TEST_POSTGRES_URL (``.ci/run`` always sets it, starting a
throw-away server on loopback). Without it, PostgreSQL tests skip with a reason, except in
CI (CI=true), where a missing server fails the run and any skipped test fails the session.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest

from tests.fakes import ManualClock, ManualWallClock
from unkink.bootstrap import App, build
from unkink.settings import Settings, load_settings

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
POSTGRES_URL = os.environ.get("UNKINK_TEST_POSTGRES_URL", "")


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's real data, config or colour settings."""
    for name in list(os.environ):
        if name.startswith("UNKINK_") and name != "UNKINK_TEST_POSTGRES_URL":
            monkeypatch.delenv(name)
    monkeypatch.setenv("UNKINK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("UNKINK_CATALOGUE_DIR", str(tmp_path / "user-exercises"))
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")


@pytest.fixture
def manual_clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def wall_clock() -> ManualWallClock:
    return ManualWallClock(datetime(2026, 3, 2, 9, 0, 0))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(database_url=f"sqlite:///{tmp_path / 'unkink.db'}")


@pytest.fixture
def app(settings: Settings, manual_clock: ManualClock, wall_clock: ManualWallClock) -> App:
    return build(settings, clock=manual_clock, wall_clock=wall_clock)


def _postgres_database() -> Iterator[str]:
    if not POSTGRES_URL:
        if IN_CI:
            pytest.fail("UNKINK_TEST_POSTGRES_URL is not set; .ci/run must start PostgreSQL")
        pytest.skip("no PostgreSQL: set UNKINK_TEST_POSTGRES_URL (scripts/test does)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from unkink.storage.engine import normalise_url

    admin_url = normalise_url(POSTGRES_URL)
    name = f"unkink_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    yield from _postgres_database()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Each repository test runs on a real SQLite file and on a real PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'repo.db'}"
    else:
        yield from _postgres_database()


BACKENDS = (
    "lite-sqlite",
    "sqlalchemy-sqlite",
    pytest.param("sqlalchemy-postgresql", marks=pytest.mark.postgres),
)
"""Each storage adapter on each database it serves: the standard library's sqlite3 adapter
(what a local file uses), SQLAlchemy on SQLite (its cold path), SQLAlchemy on PostgreSQL."""


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """(backend name, database URL): a new SQLite file, or a new PostgreSQL database."""
    name = str(request.param)
    if name.endswith("-sqlite"):
        yield name, f"sqlite:///{tmp_path / 'repo.db'}"
    else:
        with contextmanager(_postgres_database)() as url:
            yield name, url


def backend_app(
    name: str, url: str, *, clock: ManualClock | None = None, wall: ManualWallClock | None = None
) -> App:
    """An App whose ``uow`` is the adapter ``name`` names (see ``BACKENDS``)."""
    app = build(load_settings(database_url=url), clock=clock, wall_clock=wall)
    app.sqlite_on_sqlalchemy = name == "sqlalchemy-sqlite"
    return app


@pytest.fixture
def db_app(
    backend: tuple[str, str], manual_clock: ManualClock, wall_clock: ManualWallClock
) -> Iterator[App]:
    """An App on each backend (migrated on first use): every repository test runs on all."""
    app = backend_app(*backend, clock=manual_clock, wall=wall_clock)
    yield app
    if "engine" in app.__dict__:
        app.engine.dispose()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI nothing may skip: a skipped test means a missing part (PostgreSQL, Chromium)."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if IN_CI and reporter is not None and reporter.stats.get("skipped"):
        reporter.write_line("CI: tests were skipped; every tier must run in CI.", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
