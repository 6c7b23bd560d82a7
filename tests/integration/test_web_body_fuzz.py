"""Hypothesis over every JSON body of the API: never a 5xx, never the input echoed back.

Bodies are the real ones with one field swapped for something nasty (NaN, Infinity, 1e309,
lone surrogates, huge integers, deep nesting, wrong types), or nasty JSON text on its own.
The app runs on its own SQLite file, with a screening and a running session stored first.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unkink.bootstrap import build
from unkink.settings import Settings
from unkink.web.app import create_app

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")

BODIES: dict[str, dict[str, Any]] = {
    "/api/sessions/1/cues": {"index": 0, "position_s": 0.0, "elapsed_s": 0.0},
    "/api/sessions/1/events": {"kind": "pause", "position_s": 1.0, "elapsed_s": 1.0},
    "/api/sessions/1/ratings": {"moment": "before", "stiffness": 3, "pain": 2},
    "/api/sessions/1/pain": {"score": 3},
    "/api/sessions/1/helped": {"exercise_id": None},
    "/api/sessions/1/finish": {"completed": False, "elapsed_s": 1.0},
    "/api/cracks": {"where": "upper", "relief": 5},
    "/api/sessions": {"area": "lower", "where": "desk", "minutes": 3},
    "/api/plans": {"area": "lower", "where": "desk", "minutes": 3},
    "/api/screenings": {"answers": {"age": 40}, "accept_intended_use": True},
    "/api/screening/next": {"answers": {"age": 40}},
    "/api/conditions": {"conditions": [{"code": "osteoporosis"}]},
    "/api/next-morning": {"session_id": 1, "worse": False},
    "/api/measures": {"pain": 3, "psfs": {}, "skip": False},
    "/api/goal": {"sessions_per_week": 3},
    "/api/place": {"where": "desk"},
}
RAW = [b"NaN", b"Infinity", b"-Infinity", b"1e309", b'"\\ud800"', b"9" * 5000, b"[" * 2000]

nasty_scalars = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.text(st.characters(codec=None, categories=["Cs", "Lu", "Nd", "Zs", "Cc"]), max_size=20),
    st.booleans(),
    st.none(),
)
nasty = st.recursive(
    nasty_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    folder = Path(tempfile.mkdtemp(prefix="unkink-bodies-"))
    app = build(
        Settings(
            data_dir=folder,
            catalogue_dir=folder / "exercises",
            database_url=f"sqlite:///{folder / 'fuzz.db'}",
        )
    )
    web = create_app(app, extra_hosts=("testserver",))
    with TestClient(web, base_url="http://127.0.0.1") as c:
        c.post("/api/screenings", json=BODIES["/api/screenings"]).raise_for_status()
        c.post("/api/sessions", json=BODIES["/api/sessions"]).raise_for_status()
        yield c
    app.engine.dispose()
    shutil.rmtree(folder, ignore_errors=True)


def test_every_body_route_is_covered(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    with_bodies = {
        path.replace("{session_id}", "1")
        for path, item in schema["paths"].items()
        for operation in item.values()
        if "requestBody" in operation
    }
    assert with_bodies <= set(BODIES), with_bodies - set(BODIES)


def _check(response: Any, sent: bytes) -> None:
    assert response.status_code < 500, response.text
    assert response.headers["content-type"].startswith("application/json")
    if response.status_code == 422:
        assert len(response.content) < 4096  # never the whole input


@pytest.mark.parametrize("path", list(BODIES))  # the running session's routes first
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_nasty_field_never_makes_a_server_error(
    client: TestClient, path: str, data: st.DataObject
) -> None:
    body = dict(BODIES[path])
    key = data.draw(st.sampled_from([*body, "extra"]))
    body[key] = data.draw(nasty)
    sent = json.dumps(body, allow_nan=True).encode()
    response = client.post(path, content=sent, headers={"content-type": "application/json"})
    _check(response, sent)


@pytest.mark.parametrize("path", list(BODIES))
@pytest.mark.parametrize("raw", RAW, ids=lambda raw: raw[:12].decode())
def test_nasty_json_text_is_a_400(client: TestClient, path: str, raw: bytes) -> None:
    for sent in (raw, b'{"where": ' + raw + b"}"):
        response = client.post(path, content=sent, headers={"content-type": "application/json"})
        _check(response, sent)
        assert response.status_code == 400, response.text


def test_a_big_body_is_refused_before_it_is_read(client: TestClient) -> None:
    big = b'{"where": "' + b"x" * (200 * 1024) + b'"}'
    response = client.post("/api/cracks", content=big, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert "64 KiB" in response.json()["detail"]


def test_a_422_lists_where_and_what_but_not_the_input(client: TestClient) -> None:
    body = {"area": "lower", "where": "desk", "minutes": "x" * 30000}
    response = client.post("/api/sessions", json=body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "minutes"]
    assert "xxxx" not in response.text
