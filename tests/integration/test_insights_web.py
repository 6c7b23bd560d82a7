"""Insights, weekly check and Summary pages in-process (TestClient, real SQLite): empty and
seeded, the plain forms, and the download that goes only to this browser."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.insights_factory import seed_history
from tests.integration.test_web import BASE, make_client
from unkink.bootstrap import App

if TYPE_CHECKING:
    from starlette.testclient import TestClient

FORM = {"content-type": "application/x-www-form-urlencoded", "origin": BASE}


@pytest.fixture
def client(app: App) -> Iterator[TestClient]:
    with make_client(app) as c:
        yield c


@pytest.mark.parametrize("path", ["/insights", "/summary", "/api/insights"])
def test_empty_history_says_not_enough_data(client: TestClient, path: str) -> None:
    reply = client.get(path)
    assert reply.status_code == 200 and "not enough data yet" in reply.text.lower()


def test_seeded_pages_show_the_sentences_charts_and_tables(client: TestClient, app: App) -> None:
    seed_history(app)
    page = client.get("/insights").text
    assert "no clear difference" in page and page.count('<svg class="chart"') == 7
    assert "<table" in page and "Knee to chest" in page
    summary = client.get("/summary").text
    assert "What the file holds" in summary and "Nothing is sent anywhere" in summary


def test_weekly_check_goal_and_download_forms(client: TestClient, app: App) -> None:
    body = "pain=4&activity1=Sitting+for+an+hour&score1=3&activity2=&score2="
    reply = client.post("/measures", content=body, headers=FORM, follow_redirects=False)
    assert reply.status_code == 303
    checks = client.get("/api/measures").json()
    assert checks["due"] is False and checks["checks"][0]["psfs"] == {"Sitting for an hour": 3}
    reply = client.post(
        "/insights/goal", content="sessions=4", headers=FORM, follow_redirects=False
    )
    assert reply.status_code == 303
    assert client.get("/api/insights").json()["goal"]["sessions_per_week"] == 4
    for fmt, start in (("pdf", b"%PDF"), ("csv", b"record,"), ("json", b"{")):
        reply = client.post("/summary/download", content=f"format={fmt}&question=Hi", headers=FORM)
        assert reply.status_code == 200 and reply.content.startswith(start)
        assert "attachment" in reply.headers["content-disposition"]
    bad = client.post("/measures", content="pain=11", headers=FORM)
    assert bad.status_code == 400
