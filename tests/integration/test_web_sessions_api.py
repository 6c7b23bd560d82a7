"""The session API answers with the services' rules: numbers bounded by what they mean,
writes refused in a state that does not accept them, each refusal with its category's status.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.integration.test_session_cli import screened
from tests.integration.test_web import BASE, make_client
from unkink.bootstrap import App

HEADERS = {"Origin": BASE}


@pytest.fixture
def started(app: App) -> Any:
    screened(app)
    app.wall_clock.tick(minutes=1)  # type: ignore[attr-defined]
    with make_client(app) as client:
        reply = client.post(
            "/api/sessions", json={"area": "upper", "where": "desk", "minutes": 1},
            headers=HEADERS,
        )  # fmt: skip
        assert reply.status_code == 201, reply.text
        yield client, reply.json()["id"]


def test_a_boolean_is_not_a_score(started: Any) -> None:
    client, sid = started
    reply = client.post(f"/api/sessions/{sid}/ratings",
                        json={"moment": "before", "stiffness": True}, headers=HEADERS)  # fmt: skip
    assert reply.status_code == 422
    history = client.get("/api/history").json()
    assert history[0]["before"] == {"stiffness": None, "pain": None}


def test_a_day_of_elapsed_time_on_a_one_minute_plan_is_refused(started: Any) -> None:
    client, sid = started
    reply = client.post(f"/api/sessions/{sid}/finish", json={"elapsed_s": 86_400},
                        headers=HEADERS)  # fmt: skip
    assert reply.status_code == 400 and "this routine lasts" in reply.json()["detail"]
    assert client.get("/api/history").json()[0]["status"] == "running"


def test_a_next_morning_rating_waits_for_the_end(started: Any) -> None:
    client, sid = started
    body = {"moment": "next_morning", "stiffness": 2, "pain": 1}
    assert (
        client.post(f"/api/sessions/{sid}/ratings", json=body, headers=HEADERS).status_code == 409
    )
    client.post(f"/api/sessions/{sid}/finish", json={"completed": False, "reason": "quit"},
                headers=HEADERS)  # fmt: skip
    assert (
        client.post(f"/api/sessions/{sid}/ratings", json=body, headers=HEADERS).status_code == 204
    )
    before = {"moment": "before", "stiffness": 2, "pain": 1}
    assert (
        client.post(f"/api/sessions/{sid}/ratings", json=before, headers=HEADERS).status_code == 409
    )


def test_a_cue_outside_the_timeline_and_a_stranger_session(started: Any) -> None:
    client, sid = started
    cue = {"index": 10_000, "elapsed_s": 1}
    assert client.post(f"/api/sessions/{sid}/cues", json=cue, headers=HEADERS).status_code == 400
    assert client.post("/api/sessions/999/cues", json=cue, headers=HEADERS).status_code == 404


def test_finishing_tells_the_status_the_server_decided(started: Any) -> None:
    client, sid = started
    reply = client.post(f"/api/sessions/{sid}/finish", json={"elapsed_s": 5}, headers=HEADERS)
    assert reply.status_code == 200
    assert reply.json() == {"status": "stopped", "reason": "skipped_most", "minutes_done": 0.1}


def test_carrying_on_in_the_browser_needs_the_gate_open_as_in_the_terminal(
    app: App, started: Any
) -> None:
    client, sid = started
    timeline = client.get(f"/api/sessions/{sid}").json()["timeline"]
    for cue in timeline["cues"][:6]:
        shown = {"index": cue["n"], "position_s": cue["planned_s"], "elapsed_s": cue["planned_s"]}
        assert client.post(f"/api/sessions/{sid}/cues", json=shown, headers=HEADERS).is_success
    assert client.get(f"/session/{sid}").status_code == 200
    app.wall_clock.tick(days=31)  # type: ignore[attr-defined]  # the safety check is too old
    page = client.get(f"/session/{sid}")
    assert page.status_code == 409 and "unkink check" in page.text
