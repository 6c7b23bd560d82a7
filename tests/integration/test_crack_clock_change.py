"""``unkink crack --at`` across the clock changes, through the real CLI on a real SQLite file.

The App's zone is Europe/London here, as ``TZ=Europe/London`` gives it (checked below); the
manual wall clock stands at the moment the test needs (its ``fold`` says which pass)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from tests.fakes import ManualWallClock
from unkink.bootstrap import App
from unkink.cli.main import app as cli

runner = CliRunner()
LONDON = ZoneInfo("Europe/London")


def test_the_zone_comes_from_tz() -> None:
    code = "from unkink.bootstrap import build; print(build().zone)"
    env = {"TZ": "Europe/London", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "Europe/London", out.stderr


def test_a_crack_in_the_repeated_hour_is_logged_today(
    cli_app: App, wall_clock: ManualWallClock
) -> None:
    cli_app.zone = LONDON
    wall_clock.set(datetime(2026, 10, 25, 1, 30, fold=1))  # the second 01:30 (GMT)
    result = runner.invoke(cli, ["crack", "--at", "01:45", "--where", "upper"])
    assert result.exit_code == 0, result.output
    assert "Logged a crack at 2026-10-25 01:45" in result.output
    shown = runner.invoke(cli, ["cracks", "--json"])
    assert shown.exit_code == 0, shown.output
    assert [s["start"] for s in json.loads(shown.stdout)["sessions"]] == ["2026-10-25T01:45:00"]


@pytest.mark.parametrize("at", ["01:30", "2026-03-29T01:30"])
def test_a_time_the_clocks_skipped_is_refused_and_nothing_is_stored(
    cli_app: App, wall_clock: ManualWallClock, at: str
) -> None:
    cli_app.zone = LONDON
    wall_clock.set(datetime(2026, 3, 29, 9, 0))
    result = runner.invoke(cli, ["crack", "--at", at])
    assert result.exit_code != 0
    assert "never showed on the clock" in result.stderr
    assert "Traceback" not in result.output
    shown = runner.invoke(cli, ["cracks", "--json"])
    assert json.loads(shown.stdout)["sessions"] == []
