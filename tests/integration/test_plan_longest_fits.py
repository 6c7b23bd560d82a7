"""Lower back at the desk, the most common first run, has no 10-minute routine (about 6 minutes
at most). Without --minutes, unkink plans the longest that fits and says so; a number the
person typed is still refused with the limit; Home suggests the routine instead of nothing."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from tests.integration.test_web import BASE, make_client
from unkink.bootstrap import App
from unkink.cli.main import app as cli
from unkink.cli.main import run
from unkink.domain.errors import PlanTooLong
from unkink.domain.session.planner import parse_request
from unkink.services import screening
from unkink.services.sessions import plan, preview_plan

runner = CliRunner()


def _low_back(app: App) -> None:
    screening.save_screening(
        uow=app.uow,
        answers={"pain_area": "low_back", "main_symptom": "stiffness"},
        now=app.now(),
        source="file",
        accept_intended_use=True,
    )


def test_the_service_fits_only_when_told(app: App) -> None:
    _low_back(app)
    request = parse_request(area="lower", where="desk", minutes=10)
    refused = preview_plan(uow=app.uow, catalogue=app.catalogue, request=request, today=app.today())
    assert refused.routine is None and "7 minutes or fewer" in refused.problem
    fitted = plan(uow=app.uow, catalogue=app.catalogue, request=request, now=app.now(), fit=True)
    assert fitted.routine is not None and fitted.routine_id is not None
    assert fitted.shortened_to == 7 and fitted.routine.total_s <= 7 * 60
    try:
        plan(uow=app.uow, catalogue=app.catalogue, request=request, now=app.now())
    except PlanTooLong as exc:
        assert exc.most_minutes == 7
    else:
        raise AssertionError("10 minutes at the desk was planned without fit")


def test_plan_without_minutes_plans_the_longest_and_says_so(
    cli_app: App, capsys: pytest.CaptureFixture[str]
) -> None:
    _low_back(cli_app)
    result = runner.invoke(cli, ["plan", "--where", "desk"])
    assert result.exit_code == 0, result.output
    assert "Planned the longest routine for your lower back at the desk" in result.stderr
    assert "unkink start --area lower --where desk --minutes 7" in result.stdout
    with pytest.raises(SystemExit) as typed:  # the console script's own error handling
        run(["plan", "--where", "desk", "--minutes", "10"])
    assert typed.value.code == 2 and "ask for 7 minutes or fewer" in capsys.readouterr().err
    as_json = runner.invoke(cli, ["plan", "--where", "desk", "--json"])
    assert json.loads(as_json.stdout)["minutes_requested"] == 7


def test_start_without_minutes_runs_the_longest(cli_app: App) -> None:
    _low_back(cli_app)
    result = runner.invoke(cli, ["start", "--where", "desk", "--no-input", "--json-events"])
    assert result.exit_code == 0, result.output
    assert "Planned the longest routine" in result.stderr


def test_home_suggests_the_longest_routine_that_fits(app: App) -> None:
    _low_back(app)
    with make_client(app) as client:
        page = client.get("/").text
    found = re.search(r"data-post=\"/api/sessions\" data-body='([^']*)'", page)
    assert found, "no suggestion on the home page"
    body = json.loads(found.group(1))
    assert body["where"] == "desk" and body["minutes"] == 7
    with make_client(app) as client:  # what its Start button posts is planned and started
        started = client.post("/api/sessions", json=body, headers={"Origin": BASE})
    assert started.status_code == 201, started.text


def test_the_plan_page_without_minutes_fits_and_counts_its_stretches_in_words(app: App) -> None:
    """As the terminal: no length asked for at the desk fits the longest routine (asked as 7
    minutes: the chair twist alone), checks that length, and says '1 stretch', not '1 stretches'."""
    _low_back(app)
    with make_client(app) as client:
        page = client.get("/plan?area=lower&where=desk").text
        one = client.get("/plan?area=lower&where=desk&minutes=1").text
    assert re.search(r'name="minutes" value="7" checked', page)
    assert "Your routine: 1 stretch, about" in page
    assert "Your routine: 1 stretch, about 1 minute" in one
    assert "stretches, about" not in page + one


def test_home_after_a_one_minute_session_suggests_1_minute_in_words(app: App) -> None:
    _low_back(app)
    with make_client(app) as client:
        body = {"area": "lower", "where": "desk", "minutes": 1}
        started = client.post("/api/sessions", json=body, headers={"Origin": BASE})
        assert started.status_code == 201, started.text
        home = client.get("/").text
    assert "1 minute for your lower back" in home
    assert "1 minutes" not in home
