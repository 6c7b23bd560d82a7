"""The web app in-process (TestClient on a real SQLite file): pages, API validation, security."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from unkink.bootstrap import App
from unkink.web.app import create_app

if TYPE_CHECKING:
    from starlette.testclient import TestClient

BASE = "http://127.0.0.1:8765"


def make_client(app: App) -> TestClient:
    """Starlette's TestClient; it warns at import that plain httpx is deprecated there."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from starlette.testclient import TestClient

    return TestClient(create_app(app), base_url=BASE)


@pytest.fixture
def client(app: App) -> Iterator[TestClient]:
    with make_client(app) as c:
        yield c


def test_exercises_page_lists_every_exercise(client: TestClient, app: App) -> None:
    response = client.get("/exercises")
    assert response.status_code == 200
    for exercise in app.catalogue:
        assert exercise.name in response.text


def test_api_lists_exercises_in_the_catalogue_json_shape(client: TestClient, app: App) -> None:
    from unkink.catalogue.serialize import exercise_as_dict

    response = client.get("/api/exercises")
    assert response.json() == [exercise_as_dict(e) for e in app.catalogue]


def test_unknown_exercise_is_a_clear_404(client: TestClient) -> None:
    response = client.get("/api/exercises/cat_camle")
    assert response.status_code == 404
    assert "cat_camel" in response.json()["detail"]


def test_unknown_page_is_a_friendly_404(client: TestClient) -> None:
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "could not find" in response.text


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.nip.io", "192.168.1.9:8765", ""])
def test_a_foreign_host_is_rejected(client: TestClient, host: str) -> None:
    response = client.get("/api/exercises", headers={"Host": host})
    assert response.status_code == 400


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765", "[::1]:8765"])
def test_loopback_hosts_are_accepted(client: TestClient, host: str) -> None:
    assert client.get("/api/exercises", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://127.0.0.1:9999"},
        {"Sec-Fetch-Site": "cross-site"},
    ],
)
def test_a_write_from_another_origin_is_forbidden(
    client: TestClient, headers: dict[str, str]
) -> None:
    response = client.post("/api/cracks", json={}, headers=headers)
    assert response.status_code == 403


def test_a_read_from_another_origin_gets_no_cors_headers(client: TestClient) -> None:
    response = client.get("/api/exercises", headers={"Origin": "http://evil.example"})
    assert not any(h.lower().startswith("access-control-") for h in response.headers)


def test_security_headers_are_on_every_response(client: TestClient) -> None:
    for path in ("/exercises", "/api/exercises", "/static/app.css", "/no-such-page"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1]
        assert "frame-ancestors 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert "camera=()" in headers["permissions-policy"]


def test_pages_load_nothing_from_other_hosts(client: TestClient) -> None:
    text = client.get("/exercises").text
    assert "http://" not in text.replace(BASE, "") and "https://" not in text
    assert "<script>" not in text  # no inline script: only <script type="module" src=...>


def test_service_worker_and_manifest_are_served_from_the_root(client: TestClient) -> None:
    sw = client.get("/sw.js")
    assert sw.status_code == 200 and "javascript" in sw.headers["content-type"]
    manifest = client.get("/manifest.webmanifest").json()
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone"
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200


def test_openapi_document_describes_the_api(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    assert all(path.startswith("/api/") for path in doc["paths"])


def test_first_visit_goes_to_the_welcome_page(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/welcome"
    assert "not a doctor" in client.get("/welcome").text


NO_SIGNS = {
    **{f: False for f in ("saddle_numbness", "bladder_change_new", "bowel_change_new")},
    **{f: False for f in ("sexual_sensation_change_new", "walking_unsteady_new")},
    **{f: False for f in ("chest_or_abdominal_pain_or_fainting", "neck_warning_symptoms")},
    "leg_pain": "none",
    "leg_numbness_or_tingling": "none",
    "leg_weakness": "none",
}


def test_screening_questions_come_one_at_a_time_with_skip_rules(client: TestClient) -> None:
    first = client.post("/api/screening/next", json={"answers": {}}).json()
    assert first["question"]["kind"] == "checklist" and not first["done"]
    assert "saddle_numbness" in first["question"]["fields"] and first["question"]["field"] is None
    after_male = client.post(
        "/api/screening/next", json={"answers": {"age": 40, "sex": "male", **NO_SIGNS}}
    ).json()
    assert after_male["question"]["field"] == "main_symptom"


def test_an_emergency_screening_closes_the_gate(client: TestClient) -> None:
    reply = client.post(
        "/api/screenings",
        json={"answers": {"saddle_numbness": True}, "accept_intended_use": True},
    )
    assert reply.status_code == 200 and reply.json()["urgency"] == "emergency"
    status = client.get("/api/status").json()
    assert status["gate"]["allowed"] is False
    assert "emergency" in client.get("/").text.lower()


@pytest.mark.parametrize(
    "answers",
    [
        {"agee": 3},
        {"age": "old"},
        {"leg_weakness": "both"},
        {"saddle_numbness": "maybe"},
        {"age": 40, "age_at_onset": 50},  # each fine, not together
    ],
)
def test_bad_screening_answers_are_a_clear_400(client: TestClient, answers: object) -> None:
    reply = client.post("/api/screenings", json={"answers": answers})
    assert reply.status_code == 400
    assert reply.json()["detail"]


def test_malformed_bodies_are_422(client: TestClient) -> None:
    assert client.post("/api/screenings", json={"answers": [1]}).status_code == 422
    assert client.post("/api/cracks", json={"relief": 11}).status_code == 422
    assert client.post("/api/cracks", json={"where": "knee"}).status_code == 422
    assert client.post("/api/conditions", json={"conditions": [{"kode": "x"}]}).status_code == 422


def test_conditions_are_validated_and_change_the_precautions(client: TestClient) -> None:
    bad = client.post("/api/conditions", json={"conditions": [{"code": "broken_toe"}]})
    assert bad.status_code == 400 and "code" in bad.json()["detail"]
    good = client.post(
        "/api/conditions", json={"conditions": [{"code": "pregnancy", "weeks": 20}]}
    ).json()
    assert "prone_extension" in good["precautions"]["must_not_offer"]
    assert good["conditions"] == [{"code": "pregnancy", "weeks": 20.0}]


def test_what_was_done_is_kept_and_shown_back_on_the_conditions_page(client: TestClient) -> None:
    assert 'name="spinal_surgery.procedure"' in client.get("/conditions").text
    saved = client.post(
        "/api/conditions",
        json={
            "conditions": [
                {"code": "spinal_surgery", "weeks_since": 30, "procedure": "microdiscectomy"}
            ]
        },
    ).json()
    assert saved["conditions"][0]["procedure"] == "microdiscectomy"
    page = client.get("/conditions").text
    assert 'name="spinal_surgery.procedure" value="microdiscectomy"' in page
    assert "What was done? (optional, for example microdiscectomy)" in page


def test_logging_a_crack_updates_the_status(client: TestClient) -> None:
    reply = client.post("/api/cracks", json={"where": "lower"})
    assert reply.status_code == 201
    assert reply.json()["sessions_30_days"] == 1
    assert client.post("/api/cracks", json={"where": "neck"}).json()["neck_warning"]
    page = client.get("/cracks").text
    assert "2 crack sessions" in page or "1 crack session" in page


def test_a_crack_in_the_future_is_refused(client: TestClient) -> None:
    reply = client.post("/api/cracks", json={"at": "2099-01-01T10:00:00"})
    assert reply.status_code == 400


def test_exercises_page_shows_figures_and_the_persons_changes(client: TestClient) -> None:
    client.post("/api/conditions", json={"conditions": [{"code": "osteoporosis"}]})
    client.post("/api/conditions", json={"conditions": [{"code": "pregnancy", "weeks": 20}]})
    page = client.get("/exercises").text
    assert 'src="/figures/cat_camel/held.svg"' in page  # thumbnails show the held pose
    assert "Not for you right now" in page  # belly-lying after 13 weeks of pregnancy
    assert "Changed for you" in page


def test_figures_are_served_as_svg_with_their_own_strict_policy(client: TestClient) -> None:
    reply = client.get("/figures/bridge/step-0.svg", headers={"Accept-Encoding": "gzip"})
    assert reply.status_code == 200 and reply.headers["content-type"].startswith("image/svg")
    assert reply.headers["content-security-policy"].startswith("default-src 'none'")
    assert "<script" not in reply.text
    assert client.get("/figures/bridge/step-40.svg").status_code == 404
    assert client.get("/figures/bridge/step-99.svg").status_code == 422
    assert client.get("/figures/nope/animated.svg").status_code == 404
    held = client.get("/figures/bridge/held.svg")
    assert held.status_code == 200 and "the held pose" in held.text


def test_an_explicit_host_is_accepted_besides_loopback(app: App) -> None:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from starlette.testclient import TestClient

    web = create_app(app, bind_host="192.168.1.5")
    with TestClient(web, base_url="http://192.168.1.5:8765") as c:
        assert c.get("/api/exercises").status_code == 200
        assert c.get("/api/exercises", headers={"Host": "evil.example"}).status_code == 400
        assert c.get("/api/exercises", headers={"Host": "127.0.0.1:8765"}).status_code == 200


def test_templates_and_scripts_need_no_inline_code_or_styles() -> None:
    import re
    from pathlib import Path

    web = Path(create_app.__code__.co_filename).parent
    for path in [*web.glob("templates/*.html"), *web.glob("static/*.js")]:
        text = path.read_text("utf-8")
        assert not re.search(r"\son[a-z]+=", text), f"{path.name}: inline event handler"
        assert 'style="' not in text, f"{path.name}: inline style (blocked by the CSP)"
        for tag in re.findall(r"<script[^>]*>", text):
            assert "src=" in tag or 'type="application/json"' in tag, f"{path.name}: {tag}"
        assert "http://" not in text and "https://" not in text, f"{path.name}: another host"


def test_the_questions_come_after_the_intended_use(client: TestClient) -> None:
    first = client.get("/screening", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/welcome"
    assert client.post("/api/intended-use").status_code == 204
    assert client.get("/screening").status_code == 200
    client.post("/api/screenings", json={"answers": {"age": 30}})
    assert client.get("/api/status").json()["gate"]["allowed"] is True


def test_page_data_cannot_break_out_of_its_script_tag() -> None:
    import json

    from unkink.web.pages_sessions import _script_json

    text = _script_json({"text": "</script><script>alert(1)</script> <!-- & >"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["text"].startswith("</script>")


def test_home_asks_about_the_morning_after_and_the_answer_shapes_the_plan(
    client: TestClient, app: App
) -> None:
    from tests.fakes import ManualWallClock
    from unkink.domain.exercises import Place
    from unkink.domain.session.planner import Area, PlanRequest
    from unkink.services import safety, session_log
    from unkink.services import sessions as svc

    safety.acknowledge_intended_use(uow=app.uow, now=app.now())
    safety.save_screening(uow=app.uow, answers={}, now=app.now(), source="file")
    request = PlanRequest(area=Area.UPPER, where=Place.DESK, minutes=3)
    _, started = svc.plan_and_start(
        uow=app.uow, catalogue=app.catalogue, request=request, now=app.now()
    )
    for cue in started.timeline.cues:
        session_log.record_cue(
            uow=app.uow, catalogue=app.catalogue, session_id=started.session_id,
            cue_index=cue.index, elapsed_s=cue.planned_s, at=app.now(),
        )  # fmt: skip
    session_log.finish(
        uow=app.uow, session_id=started.session_id, reached_end=True,
        elapsed_s=started.timeline.total_s, at=app.now(),
    )  # fmt: skip
    assert "How was the morning after?" not in client.get("/").text  # same day: not yet
    assert isinstance(app.wall_clock, ManualWallClock)
    app.wall_clock.tick(days=1)
    page = client.get("/").text
    assert "How was the morning after?" in page
    reply = client.post(
        "/api/next-morning",
        json={"session_id": started.session_id, "worse": True},
        headers={"Origin": BASE},
    )
    assert reply.status_code == 200, reply.text
    assert any("smaller range" in m for m in reply.json()["messages"])
    assert "How was the morning after?" not in client.get("/").text  # asked once
    again = client.post(
        "/api/next-morning",
        json={"session_id": started.session_id, "worse": False},
        headers={"Origin": BASE},
    )
    assert again.status_code == 409
    precautions = safety.current_precautions(uow=app.uow, today=app.today())
    done = {i.exercise.id for i in started.routine.items}
    assert {precautions.mark_for(e).value for e in done} == {"modify"}


def test_the_closing_page_shows_the_weeks_desk_breaks_and_no_praise_for_a_skipped_session(
    client: TestClient, app: App
) -> None:
    from unkink.domain.exercises import Place
    from unkink.domain.session.planner import Area, PlanRequest
    from unkink.services import reminders, safety, session_log
    from unkink.services import sessions as svc

    safety.acknowledge_intended_use(uow=app.uow, now=app.now())
    safety.save_screening(uow=app.uow, answers={}, now=app.now(), source="file")
    for kind in ("started", "away", "snoozed"):  # two breaks; a snooze is not one
        reminders.record_event(uow=app.uow, at=app.now(), kind=kind, sitting_s=600.0)
    request = PlanRequest(area=Area.LOWER, where=Place.DESK, minutes=3)
    _, started = svc.plan_and_start(
        uow=app.uow, catalogue=app.catalogue, request=request, now=app.now()
    )
    session_log.finish(
        uow=app.uow, session_id=started.session_id, reached_end=True, elapsed_s=5.0,
        at=app.now(),
    )  # fmt: skip
    session_log.rate(
        uow=app.uow, session_id=started.session_id, moment="after", stiffness=3, pain=1,
        at=app.now(),
    )  # fmt: skip
    page = client.get(f"/session/{started.session_id}/after").text
    assert "2 desk breaks this week" in page
    assert "<h1>Your session ended</h1>" in page and "Well done" not in page
