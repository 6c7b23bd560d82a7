"""The web's plan page and home suggestion start from what the person said, as the terminal
does (issue 11): the area from the screening's pain area, the place they chose and unkink
remembered (``services.profile.plan_choice``)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.integration.test_web import BASE, make_client
from unkink.bootstrap import App

if TYPE_CHECKING:
    from starlette.testclient import TestClient


@pytest.fixture
def client(app: App) -> Iterator[TestClient]:
    from unkink.services import screening

    screening.save_screening(
        uow=app.uow,
        answers={"pain_area": "mid_upper_back", "main_symptom": "stiffness"},
        now=app.now(),
        source="file",
        accept_intended_use=True,
    )
    with make_client(app) as c:
        yield c


def _checked(page: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="(\w+)" checked', page)
    assert found, f"no {name} chosen"
    return found.group(1)


def _suggested(page: str) -> dict[str, object]:
    found = re.search(r"data-post=\"/api/sessions\" data-body='([^']*)'", page)
    assert found, "no suggestion on the home page"
    return json.loads(found.group(1))  # type: ignore[no-any-return]


def test_plan_page_and_home_follow_the_pain_area_and_the_remembered_place(
    client: TestClient, app: App
) -> None:
    page = client.get("/plan").text
    assert (_checked(page, "area"), _checked(page, "where")) == ("upper", "desk")
    assert "unkink remembers it" in page  # nobody has said where yet
    suggested = _suggested(client.get("/").text)
    assert (suggested["area"], suggested["where"]) == ("upper", "desk")

    reply = client.post("/api/place", json={"where": "floor"}, headers={"Origin": BASE})
    assert reply.status_code == 204
    page = client.get("/plan").text
    assert (_checked(page, "area"), _checked(page, "where")) == ("upper", "floor")
    assert "unkink remembers it" not in page
    suggested = _suggested(client.get("/").text)
    assert (suggested["area"], suggested["where"]) == ("upper", "floor")

    from unkink.cli.plan_defaults import resolve

    terminal = resolve(app, None, None, None, may_ask=False)
    assert terminal == ("upper", "floor", suggested["minutes"])  # the terminal agrees


def test_a_choice_in_the_address_wins_and_a_bad_place_is_refused(client: TestClient) -> None:
    page = client.get("/plan?area=lower&where=floor").text
    assert (_checked(page, "area"), _checked(page, "where")) == ("lower", "floor")
    reply = client.post("/api/place", json={"where": "sofa"}, headers={"Origin": BASE})
    assert reply.status_code == 422


def test_home_the_plan_page_and_the_terminal_plan_the_last_sessions_length(
    client: TestClient, app: App
) -> None:
    """One rule (``profile.plan_choice``): the usual 10 minutes first, then the last length."""
    from unkink.cli.plan_defaults import resolve

    assert _suggested(client.get("/").text)["minutes"] == 10
    started = client.post("/api/sessions", json={"area": "whole", "where": "floor", "minutes": 5})
    assert started.status_code == 201, started.text
    last = round(client.get("/api/history").json()[0]["planned_minutes"])
    assert last != 10
    assert _suggested(client.get("/").text)["minutes"] == last
    assert _checked(client.get("/plan?where=floor").text, "minutes") == str(last)
    assert resolve(app, None, "floor", None, may_ask=False)[2] == last
    assert resolve(app, None, "floor", 20, may_ask=False)[2] == 20  # what is typed wins
