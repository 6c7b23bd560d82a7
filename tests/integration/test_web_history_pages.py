"""History a page at a time: ``/history?before=ID`` and ``/api/history``'s ``Link: rel=next``.

Every session appears once across the pages, in the list's order (newest first, ties on the
start time broken by id); a session started while someone pages back does not shift the next
page; a write is seen by the next read.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

import pytest

from tests.integration.test_session_cli import screened
from tests.integration.test_web import BASE, make_client
from unkink.bootstrap import App
from unkink.domain.session.planner import parse_request
from unkink.services import session_after, sessions
from unkink.services.session_history import HISTORY_PAGE

SESSIONS = 2 * HISTORY_PAGE + 23
START = datetime(2026, 1, 1, 8, 0)


def _seed(app: App, count: int = SESSIONS) -> list[int]:
    """``count`` finished sessions, one a day but two on the same minute (a tie on time)."""
    screened(app)
    request = parse_request(area="upper", where="desk", minutes=1)
    planned = sessions.plan(uow=app.uow, catalogue=app.catalogue, request=request, now=START)
    assert planned.routine_id is not None
    ids = []
    for day in range(count):
        at = START + timedelta(days=min(day, count - 2))  # the last two start together
        started = sessions.start_session(
            uow=app.uow, catalogue=app.catalogue, routine_id=planned.routine_id, now=at
        )
        session_after.finish(
            uow=app.uow, session_id=started.session_id, reached_end=True, at=at, elapsed_s=30
        )
        ids.append(started.session_id)
    return ids


def _newest_first(ids: list[int]) -> list[int]:
    *earlier, tie_a, tie_b = ids
    return [max(tie_a, tie_b), min(tie_a, tie_b), *reversed(earlier)]


def _next(reply: Any) -> str | None:
    link = reply.headers.get("link")
    if link is None:
        return None
    found = re.fullmatch(r'<([^>]+)>; rel="next"', link)
    assert found, link
    return found.group(1)


def _rows(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'<tr data-session="(\d+)">', html)]


def _older_link(html: str) -> str | None:
    found = re.search(r'id="older" rel="next" href="([^"]+)"', html)
    return found.group(1).replace("&amp;", "&") if found else None


@pytest.fixture
def seeded(app: App) -> Any:
    ids = _seed(app)
    with make_client(app) as client:
        yield client, _newest_first(ids)


def test_the_api_pages_through_every_session_once_in_order(seeded: Any) -> None:
    client, expected = seeded
    seen: list[int] = []
    sizes = []
    url: str | None = "/api/history"
    while url is not None:
        reply = client.get(url)
        assert reply.status_code == 200, reply.text
        page = [e["session"] for e in reply.json()]
        sizes.append(len(page))
        seen += page
        url = _next(reply)
    assert sizes == [HISTORY_PAGE, HISTORY_PAGE, SESSIONS - 2 * HISTORY_PAGE]
    assert seen == expected  # nothing lost, nothing repeated, the tie in id order


def test_the_api_page_size_can_be_chosen(seeded: Any) -> None:
    client, expected = seeded
    first = client.get("/api/history", params={"limit": 7})
    assert [e["session"] for e in first.json()] == expected[:7]
    url = _next(first)
    assert url is not None and "limit=7" in url
    assert [e["session"] for e in client.get(url).json()] == expected[7:14]
    everything = client.get("/api/history", params={"limit": 500})
    assert len(everything.json()) == SESSIONS and _next(everything) is None


def test_the_history_page_links_to_the_next_older_page(seeded: Any) -> None:
    client, expected = seeded
    first = client.get("/history").text
    assert _rows(first) == expected[:HISTORY_PAGE]
    assert "Sessions per week" in first  # the charts stay on the first page
    seen = _rows(first)
    url = _older_link(first)
    while url is not None:
        html = client.get(url).text
        assert "Older sessions" in html and 'href="/history"' in html
        assert "Sessions per week" not in html
        seen += _rows(html)
        url = _older_link(html)
    assert seen == expected


def test_a_session_started_while_paging_does_not_shift_the_next_page(app: App) -> None:
    ids = _newest_first(_seed(app, HISTORY_PAGE + 5))
    with make_client(app) as client:
        first = client.get("/api/history")
        url = _next(first)
        assert url is not None
        app.wall_clock.tick(minutes=1)  # type: ignore[attr-defined]
        reply = client.post(
            "/api/sessions", json={"area": "upper", "where": "desk", "minutes": 1},
            headers={"Origin": BASE},
        )  # fmt: skip
        assert reply.status_code == 201, reply.text
        new = reply.json()["id"]
        assert [e["session"] for e in client.get(url).json()] == ids[HISTORY_PAGE:]
        # and the write is read back at once, on both the API and the page
        assert client.get("/api/history").json()[0]["session"] == new
        assert _rows(client.get("/history").text)[0] == new


def test_an_unknown_cursor_is_not_found_and_a_bad_size_is_refused(seeded: Any) -> None:
    client, _ = seeded
    assert client.get("/api/history", params={"before": 999_999}).status_code == 404
    assert client.get("/history", params={"before": 999_999}).status_code == 404
    assert client.get("/api/history", params={"limit": 0}).status_code == 422
    assert client.get("/api/history", params={"limit": 501}).status_code == 422


def test_the_last_page_has_no_next_link(app: App) -> None:
    ids = _newest_first(_seed(app, 3))
    with make_client(app) as client:
        reply = client.get("/api/history")
        assert [e["session"] for e in reply.json()] == ids and _next(reply) is None
        assert _older_link(client.get("/history").text) is None


def test_history_since_keeps_only_the_sessions_from_then_on(app: App) -> None:
    ids = _newest_first(_seed(app, 40))  # one a day; the last two on the same day
    last_day = START + timedelta(days=38)
    assert [e.session_id for e in sessions.history_since(uow=app.uow, since=last_day)] == ids[:2]
    week = sessions.history_since(uow=app.uow, since=last_day - timedelta(days=9))
    assert [e.session_id for e in week] == ids[:11]
    assert len(sessions.history_since(uow=app.uow, since=START)) == 40


def test_the_service_pages_alike_on_every_backend(db_app: App) -> None:
    """The keyset is the storage's own order on SQLite and PostgreSQL alike."""
    expected = _newest_first(_seed(db_app, 2 * 7 + 3))
    seen: list[int] = []
    before = None
    while True:
        page = sessions.history_page(uow=db_app.uow, before=before, size=7)
        seen += [e.session_id for e in page.entries]
        if page.older is None:
            break
        before = page.older
    assert seen == expected
