"""Walking POST /api/screening/next as a browser does (issue 11 and issue 9): the healthy
path is at most 15 screens, every emergency answer ends the questions on the next reply,
and the quick re-check asks the emergency checklist again, then shows a summary."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from tests.integration.test_web import make_client
from unkink.bootstrap import App
from unkink.domain.safety.screens import SCREENS

if TYPE_CHECKING:
    from starlette.testclient import TestClient

HEALTHY_NUMBERS = {"age": 35, "duration_days": 200, "age_at_onset": 30, "pregnancy_weeks": 20}


@pytest.fixture
def client(app: App) -> Iterator[TestClient]:
    with make_client(app) as c:
        yield c


def reply_for(question: dict[str, Any], tick: list[str] | None = None) -> dict[str, Any]:
    """What a browser sends for one screen: "None of these" unless told what to tick."""
    kind = question["kind"]
    if kind == "checklist":
        values = dict(question["defaults"])
        for token, _ in question["options"]:
            if token in (tick or []):
                field, _, value = token.partition("=")
                values[field] = value or True
        return values
    field = question["field"]
    if kind == "yes_no":
        return {field: False}
    if kind == "many":
        return {field: tick or []}
    if kind == "number":
        return {field: HEALTHY_NUMBERS.get(field, 30)}
    pick = {"sex": "female", "pain_trend": "stable", "main_symptom": "stiffness"}
    return {field: pick.get(field, question["options"][0][0])}


def walk(client: TestClient, tick: dict[str, list[str]] | None = None, **body: Any) -> Any:
    answers: dict[str, Any] = {}
    screens = 0
    while True:
        reply = client.post("/api/screening/next", json={"answers": answers, **body})
        assert reply.status_code == 200, reply.text
        out = reply.json()
        if out["done"]:
            return screens, out, answers
        screens += 1
        question = out["question"]
        answers.update(reply_for(question, (tick or {}).get(question["id"])))


def test_the_healthy_path_is_at_most_15_screens(client: TestClient) -> None:
    screens, out, answers = walk(client)
    assert screens <= 15, screens
    assert not out["emergency"]
    saved = client.post("/api/screenings", json={"answers": answers}).json()
    assert saved["urgency"] == "self_care_ok"


EMERGENCY_TICKS = [
    (q.field, token)
    for q in SCREENS
    if q.emergency_signs and q.kind.value == "checklist"
    for token, _ in q.options
    if token.endswith(("both_legs", "one_leg_worsening")) or "=" not in token or "major" in token
]


@pytest.mark.parametrize(("screen_id", "token"), EMERGENCY_TICKS)
def test_after_any_emergency_answer_the_walk_is_done(
    client: TestClient, screen_id: str, token: str
) -> None:
    screens, out, answers = walk(client, tick={screen_id: [token]})
    assert out["done"] and out["emergency"] and out["question"] is None
    assert screens <= 2  # the emergency signs come first
    saved = client.post("/api/screenings", json={"answers": answers}).json()
    assert saved["urgency"] == "emergency"


def test_the_pregnancy_warning_signs_end_the_walk_at_once(client: TestClient) -> None:
    answers: dict[str, Any] = {}
    for _ in range(8):
        out = client.post("/api/screening/next", json={"answers": answers}).json()
        q = out["question"]
        if q["id"] == "pregnancy_warning_signs":
            answers[q["field"]] = True
            break
        answers.update({q["field"]: True} if q["id"] == "pregnant" else reply_for(q))
    out = client.post("/api/screening/next", json={"answers": answers}).json()
    assert out["done"] and out["emergency"]


def test_the_re_check_asks_the_emergency_signs_then_a_summary(client: TestClient) -> None:
    _, _, first = walk(client)
    client.post("/api/screenings", json={"answers": first, "accept_intended_use": True})
    out = client.post("/api/screening/next", json={"answers": {}, "recheck": True}).json()
    checklist = out["question"]
    assert checklist["kind"] == "checklist" and "saddle_numbness" in checklist["fields"]
    answers = reply_for(checklist)
    out = client.post("/api/screening/next", json={"answers": answers, "recheck": True}).json()
    summary = out["question"]
    assert summary["kind"] == "summary"
    assert any("Age: 35" in label for _, label in summary["options"])
    out = client.post(
        "/api/screening/next", json={"answers": answers, "recheck": True, "changed": ["age"]}
    ).json()
    assert out["question"]["field"] == "age"
    answers["age"] = 36
    out = client.post(
        "/api/screening/next", json={"answers": answers, "recheck": True, "changed": ["age"]}
    ).json()
    assert out["done"] and not out["emergency"]
    saved = client.post(
        "/api/screenings", json={"answers": answers, "recheck": True, "changed": ["age"]}
    ).json()
    assert saved["urgency"] == "self_care_ok"
    assert "age" not in saved["confirmed"] and "pain_area" in saved["confirmed"]
    profile = client.get("/api/status").json()
    assert profile["gate"]["step"] == "session"


def test_a_re_check_emergency_clears_only_when_the_sign_is_gone(client: TestClient) -> None:
    client.post(
        "/api/screenings", json={"answers": {"saddle_numbness": True}, "accept_intended_use": True}
    )
    out = client.post("/api/screening/next", json={"answers": {}, "recheck": True}).json()
    answers = reply_for(out["question"])
    out = client.post("/api/screening/next", json={"answers": answers, "recheck": True}).json()
    assert not out["done"] and out["question"]["kind"] == "summary"
