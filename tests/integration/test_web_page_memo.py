"""Kept pages (``web/page_memo.py``) never outlive a write, wherever it came from, nor a minute.

Every read page is asked twice (the second answer is the kept copy), then something is written
through the web API, through another connection to the same file, or by ``unkink crack`` in
another process, and the very next read must show it. On PostgreSQL nothing is kept.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.fakes import ManualWallClock
from tests.integration.test_session_cli import screened
from tests.integration.test_web import make_client
from unkink.bootstrap import App, build
from unkink.settings import load_settings
from unkink.web.page_memo import page_memo

if TYPE_CHECKING:
    from starlette.testclient import TestClient

READ_PAGES = (
    "/",
    "/plan?area=lower&where=floor&minutes=10",
    "/history",
    "/cracks",
    "/cracks/status",
    "/exercises",
    "/insights",
    "/summary",
    "/conditions",
    "/measures",
    "/screening",
)


def _sessions_in_30_days(page: str) -> int:
    found = re.search(r"(\d+) crack sessions? in the last 30 days", page)
    assert found, "the crack status is on the page"
    return int(found.group(1))


def test_every_read_page_is_kept_once_and_answered_alike(screened_client: TestClient) -> None:
    memo = page_memo(screened_client.app)
    first = {path: screened_client.get(path) for path in READ_PAGES}
    assert all(r.status_code == 200 for r in first.values()), {
        p: r.status_code for p, r in first.items() if r.status_code != 200
    }
    assert len(memo) == len(READ_PAGES)
    for path, response in first.items():
        again = screened_client.get(path)
        assert again.text == response.text, path
        assert again.headers["content-type"] == response.headers["content-type"]
        assert again.headers["content-security-policy"]  # the middleware's headers on copies too
    assert len(memo) == len(READ_PAGES)  # answered from the copies, nothing new kept


def test_a_kept_page_comes_gzipped_or_plain_as_asked(screened_client: TestClient) -> None:
    plain = screened_client.get("/exercises", headers={"Accept-Encoding": "identity"})
    zipped = screened_client.get("/exercises", headers={"Accept-Encoding": "gzip"})
    again = screened_client.get("/exercises", headers={"Accept-Encoding": "identity"})
    assert zipped.headers.get("content-encoding") == "gzip"
    assert plain.headers.get("content-encoding") is None
    assert again.headers.get("content-encoding") is None
    assert plain.text == zipped.text == again.text


def _log_crack(c: TestClient) -> None:
    assert c.post("/api/cracks", json={"where": "upper"}).status_code == 201


def _set_conditions(c: TestClient) -> None:
    body = {"conditions": [{"code": "pregnancy", "weeks": 30}]}
    assert c.post("/api/conditions", json=body).status_code == 200


def _red_flag(c: TestClient) -> None:
    red = {"answers": {"age": 40, "bladder_change_new": True}}
    assert c.post("/api/screenings", json=red).status_code == 200


def _weekly_check(c: TestClient) -> None:
    form = {"pain": "4", "activity1": "Sitting", "score1": "6"}
    assert c.post("/measures", data=form, follow_redirects=False).status_code == 303


def _finish_a_session(c: TestClient) -> None:
    plan = {"area": "lower", "where": "floor", "minutes": 5}
    started = c.post("/api/sessions", json=plan)
    assert started.status_code == 201, started.text
    sid = started.json()["id"]
    finished = c.post(f"/api/sessions/{sid}/finish", json={"elapsed_s": 60})
    assert finished.status_code == 200, finished.text


WRITES: dict[str, tuple[Callable[[TestClient], Any], tuple[str, ...]]] = {
    "crack": (_log_crack, ("/cracks", "/cracks/status", "/")),
    "conditions": (_set_conditions, ("/conditions", "/exercises", READ_PAGES[1])),
    "red flag": (_red_flag, ("/", READ_PAGES[1])),  # /screening shows no result: alike
    "weekly check": (_weekly_check, ("/measures",)),
    "session": (_finish_a_session, ("/history", "/", "/insights")),
}


@pytest.mark.parametrize("write", sorted(WRITES))
def test_a_write_through_the_web_shows_on_the_next_read(
    screened_client: TestClient, write: str
) -> None:
    do, pages = WRITES[write]
    before = {path: screened_client.get(path).text for path in pages}
    assert {path: screened_client.get(path).text for path in pages} == before  # kept
    do(screened_client)
    for path in pages:
        assert screened_client.get(path).text != before[path], f"{path} after a {write}"


def test_a_write_by_another_connection_shows_on_the_next_read(
    screened_client: TestClient, app: App, wall_clock: ManualWallClock
) -> None:
    from unkink.services.cracks import log_crack

    other = build(app.settings, wall_clock=wall_clock)  # its own store: its own connections
    assert other.lite_store is not app.lite_store
    before = _sessions_in_30_days(screened_client.get("/cracks").text)
    log_crack(uow=other.uow, at=None, now=other.now(), where="upper", relief=None)
    assert _sessions_in_30_days(screened_client.get("/cracks").text) == before + 1
    assert other.lite_store is not None
    other.lite_store.close()


def test_a_crack_logged_by_unkink_in_another_process_shows_on_the_next_read(
    tmp_path: Path,
) -> None:
    """Real clocks here: the command logs at the real time, and the page counts from it."""
    database = tmp_path / "shared.db"
    app = build(load_settings(database_url=f"sqlite:///{database}"))
    screened(app)
    with make_client(app) as web:
        before = _sessions_in_30_days(web.get("/cracks").text)
        assert _sessions_in_30_days(web.get("/cracks").text) == before  # kept
        done = subprocess.run(
            [sys.executable, "-m", "unkink", "--db", str(database), "crack", "--where", "upper"],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "UNKINK_DATA_DIR": str(tmp_path / "data")},
        )
        assert done.returncode == 0, done.stderr
        assert _sessions_in_30_days(web.get("/cracks").text) == before + 1


def test_the_next_minute_renders_afresh_and_the_same_minute_does_not(
    screened_client: TestClient, wall_clock: ManualWallClock
) -> None:
    wall_clock.set(wall_clock.now.replace(second=5))
    page = screened_client.get("/cracks").text
    assert f'max="{wall_clock.now:%Y-%m-%dT%H:%M}"' in page
    wall_clock.tick(seconds=40)
    assert screened_client.get("/cracks").text == page
    wall_clock.tick(seconds=20)
    moved = screened_client.get("/cracks").text
    assert f'max="{wall_clock.now:%Y-%m-%dT%H:%M}"' in moved
    assert moved != page


def test_a_page_that_failed_is_not_kept(
    screened_client: TestClient, app: App, tmp_path: Path
) -> None:
    """A database that can't be read answers 503, and the next good read is fresh."""
    memo = page_memo(screened_client.app)
    assert app.lite_store is not None
    good = screened_client.get("/history")
    assert good.status_code == 200
    kept = len(memo)
    database = Path(app.lite_store.file)
    moved = tmp_path / "away.db"
    app.lite_store.close()
    database.rename(moved)
    database.mkdir()  # a folder where the file was: nothing can open it
    try:
        broken = build(app.settings, wall_clock=app.wall_clock)
        with make_client(broken) as other:
            assert other.get("/history").status_code == 503
            assert len(page_memo(other.app)) == 0
    finally:
        database.rmdir()
        moved.rename(database)
    assert len(memo) == kept


@pytest.mark.postgres
def test_on_postgresql_every_page_is_read_afresh(postgres_url: str) -> None:
    app = build(load_settings(database_url=postgres_url))
    screened(app)
    try:
        assert app.data_stamp() is None
        with make_client(app) as web:
            for path in READ_PAGES:
                assert web.get(path).status_code == 200, path
            assert len(page_memo(web.app)) == 0
            before = _sessions_in_30_days(web.get("/cracks").text)
            _log_crack(web)
            assert _sessions_in_30_days(web.get("/cracks").text) == before + 1
    finally:
        app.engine.dispose()
