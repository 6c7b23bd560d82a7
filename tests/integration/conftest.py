"""Integration tier: real SQLite files and a real PostgreSQL server; no mocks of our code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import unkink.bootstrap
from tests.fakes import ManualClock, ManualWallClock
from unkink.bootstrap import App
from unkink.settings import load_settings


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
