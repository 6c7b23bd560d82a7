"""Integration tier: real SQLite files and a real PostgreSQL server; no mocks of our code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import unkink.bootstrap
from tests.fakes import ManualClock, ManualWallClock
from unkink.bootstrap import App
from unkink.settings import load_settings

if TYPE_CHECKING:
    from starlette.testclient import TestClient


@pytest.fixture
def cli_app(
    tmp_path: Path,
    manual_clock: ManualClock,
    wall_clock: ManualWallClock,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[App]:
    """Every command in the test gets an App on one SQLite file with the manual clocks."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    made = unkink.bootstrap.build(
        load_settings(database_url=url), clock=manual_clock, wall_clock=wall_clock
    )
    monkeypatch.setattr(unkink.bootstrap, "build", lambda *a, **k: made)
    yield made
    if "engine" in made.__dict__:  # built only for a new file (the sqlite3 adapter does the rest)
        made.engine.dispose()


@pytest.fixture
def screened_client(app: App) -> Iterator[TestClient]:
    """The web app (Starlette's TestClient) for a person who has answered the safety questions
    (age 40, no warning signs) and accepted the intended use."""
    from tests.integration.test_session_cli import screened
    from tests.integration.test_web import make_client

    screened(app)
    with make_client(app) as c:
        yield c
