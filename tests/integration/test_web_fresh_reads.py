"""What the web app remembers between requests never outlives a write, nor crosses people.

The plan memo, the catalogue's serialised JSON and the one-read safety status (issue 10)
are checked here by behaviour: a write is seen by the very next read, and two people with
different health answers, served by one process, each get their own preview.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tests.integration.test_session_cli import screened
from tests.integration.test_web import make_client
from unkink.bootstrap import App, build
from unkink.settings import load_settings

if TYPE_CHECKING:
    from starlette.testclient import TestClient

PLAN = "/plan?area=lower&where=floor&minutes=10"
PREGNANT = {"conditions": [{"code": "pregnancy", "weeks": 30}]}


def test_a_new_condition_changes_the_next_plan_preview_and_home(
    screened_client: TestClient,
) -> None:
    assert "prone_extension" in screened_client.get(PLAN).text
    assert "prone_extension" in screened_client.get(PLAN).text  # the memo's answer, the same
    home = screened_client.get("/").text
    assert screened_client.post("/api/conditions", json=PREGNANT).status_code == 200
    assert "prone_extension" not in screened_client.get(PLAN).text
    assert screened_client.get("/").text != home
    assert screened_client.post("/api/conditions", json={"conditions": []}).status_code == 200
    assert "prone_extension" in screened_client.get(PLAN).text


def test_two_people_served_by_one_process_get_their_own_preview(app: App, tmp_path: Path) -> None:
    other = build(load_settings(database_url=f"sqlite:///{tmp_path / 'other.db'}"),
                  wall_clock=app.wall_clock)  # fmt: skip
    other.__dict__["catalogue"] = app.catalogue  # the same catalogue object: one memo entry
    for person in (app, other):
        screened(person)
    with make_client(app) as one, make_client(other) as two:
        assert one.post("/api/conditions", json=PREGNANT).status_code == 200
        assert "prone_extension" in two.get(PLAN).text
        assert "prone_extension" not in one.get(PLAN).text
        assert "prone_extension" in two.get(PLAN).text
    other.engine.dispose()


def test_status_shows_a_crack_and_a_new_screening_at_once(screened_client: TestClient) -> None:
    before = screened_client.get("/api/status").json()
    assert before["gate"]["allowed"] and not before["intended_use_needed"]
    assert screened_client.post("/api/cracks", json={"where": "upper"}).status_code == 201
    after = screened_client.get("/api/status").json()
    assert after["cracks"] != before["cracks"]
    red_flag = {"answers": {"age": 40, "bladder_change_new": True}}
    assert screened_client.post("/api/screenings", json=red_flag).status_code == 200
    assert not screened_client.get("/api/status").json()["gate"]["allowed"]


def test_the_catalogue_json_has_an_etag_and_the_same_body_either_way(
    screened_client: TestClient, app: App
) -> None:
    from unkink.catalogue.serialize import exercise_as_dict

    plain = screened_client.get("/api/exercises", headers={"Accept-Encoding": "identity"})
    zipped = screened_client.get("/api/exercises", headers={"Accept-Encoding": "gzip"})
    expected = [exercise_as_dict(e) for e in app.catalogue]
    assert plain.json() == zipped.json() == expected
    assert plain.headers.get("content-encoding") is None
    assert zipped.headers["content-encoding"] == "gzip"
    tag = plain.headers["etag"]
    assert tag == zipped.headers["etag"]
    again = screened_client.get("/api/exercises", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["content-security-policy"]  # the security headers on a 304 too
    other = screened_client.get("/api/exercises", headers={"If-None-Match": 'W/"something-else"'})
    assert other.status_code == 200 and other.json() == expected
