"""Parity (issue 9): each safety scenario through the CLI (click's CliRunner) and through the
HTTP API (TestClient) gives the same outcome, on SQLite and on PostgreSQL. Both front ends call
the same services, so they cannot drift again."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner

from tests.fakes import ManualWallClock
from tests.integration.test_web import make_client
from unkink.bootstrap import App
from unkink.cli.context import AppRef
from unkink.cli.main import app as cli
from unkink.services import safety, screening

if TYPE_CHECKING:
    from starlette.testclient import TestClient

Outcome = tuple[Any, ...]
runner = CliRunner()

# One reply per screen, as typed in the terminal and as the browser sends it.
HEALTHY_KEYS = ["0", "0", "40", "2", "1", "1", "10", "0", "1", "0", "0"]
EMERGENCY_KEYS = ["0", "7"]  # legs: "Both legs feel weak" (E5) on the second screen


def cli_check(a: App, keys: list[str]) -> Outcome:
    result = runner.invoke(
        cli, ["check"], input="\n".join(["y", *keys, ""]) + "\n", obj=AppRef(_app=a)
    )
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    latest = screening.latest_screening(uow=a.uow)
    assert latest is not None
    asked = len(re.findall(r"^\d+\. ", result.stdout, re.M))  # "3. How old are you?"
    return _outcome(a, str(latest.urgency), asked)


def web_check(a: App, client: TestClient, keys: list[str]) -> Outcome:
    client.post("/api/intended-use").raise_for_status()
    answers: dict[str, Any] = {}
    asked = 0
    for key in keys:
        out = client.post("/api/screening/next", json={"answers": answers}).json()
        if out["done"]:
            break
        asked += 1
        answers.update(_browser_reply(out["question"], key))
    out = client.post("/api/screening/next", json={"answers": answers}).json()
    assert out["done"]
    saved = client.post("/api/screenings", json={"answers": answers}).json()
    return _outcome(a, saved["urgency"], asked)


def _browser_reply(q: dict[str, Any], key: str) -> dict[str, Any]:
    """What the page sends when the person picks option number ``key`` (0 = None of these)."""
    if q["kind"] == "checklist":
        values = dict(q["defaults"])
        if key != "0":
            field, _, value = q["options"][int(key) - 1][0].partition("=")
            values[field] = value or True
        return values
    if q["kind"] == "number":
        return {q["field"]: int(key)}
    return {q["field"]: q["options"][int(key) - 1][0]}


def _outcome(a: App, urgency: str, asked: int) -> Outcome:
    gate = safety.check_gate(uow=a.uow, today=a.today())
    return urgency, asked, str(gate.step), safety.person(uow=a.uow)


def cli_crack(a: App, minutes_ahead: int) -> Outcome:
    at = (a.now() + timedelta(minutes=minutes_ahead)).isoformat(timespec="minutes")
    result = runner.invoke(cli, ["crack", "--at", at], obj=AppRef(_app=a))
    message = result.stderr.strip().removeprefix("unkink: --at: ") if result.exit_code else ""
    return result.exit_code == 0, message


def web_crack(a: App, client: TestClient, minutes_ahead: int) -> Outcome:
    at = (a.now() + timedelta(minutes=minutes_ahead)).isoformat(timespec="minutes")
    reply = client.post("/api/cracks", json={"at": at})
    return reply.status_code == 201, "" if reply.status_code == 201 else reply.json()["detail"]


SCENARIOS: dict[str, tuple[Callable[..., Outcome], Callable[..., Outcome], tuple[Any, ...]]] = {
    "emergency answer mid-questionnaire": (cli_check, web_check, (EMERGENCY_KEYS,)),
    "healthy run": (cli_check, web_check, (HEALTHY_KEYS,)),
    "a crack a minute ahead": (cli_crack, web_crack, (1,)),
    "a crack two minutes ahead": (cli_crack, web_crack, (2,)),
}
EXPECTED = {
    "emergency answer mid-questionnaire": ("emergency", 2, "get_help", (None, None)),
    "healthy run": ("self_care_ok", 11, "session", (40, "male")),
    "a crack a minute ahead": (True, ""),
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_cli_and_http_api_agree(name: str, db_app: App, wall_clock: ManualWallClock) -> None:
    via_cli, via_web, args = SCENARIOS[name]
    in_terminal = via_cli(db_app, *args)
    with make_client(db_app) as client:
        in_browser = via_web(db_app, client, *args)
    assert in_terminal == in_browser
    if name in EXPECTED:
        assert in_terminal == EXPECTED[name]
    if name == "a crack two minutes ahead":
        assert not in_terminal[0] and "in the future" in in_terminal[1]
