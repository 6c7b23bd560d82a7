"""History a page at a time in real Chromium: the "Older sessions" link leads to the next
50 sessions and back, on a phone, without axe violations (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.conftest import PHONE, start_server
from tests.e2e.test_web_a11y import _violations
from tests.integration.test_web_history_pages import _newest_first, _seed
from unkink.bootstrap import build
from unkink.services.session_history import HISTORY_PAGE
from unkink.settings import load_settings

pytestmark = pytest.mark.e2e
SESSIONS = HISTORY_PAGE + 5


def test_older_sessions_link_pages_back_and_returns(browser: Browser, tmp_path: Path) -> None:
    db = tmp_path / "history.db"
    app = build(load_settings(database_url=f"sqlite:///{db}"))
    ids = _newest_first(_seed(app, SESSIONS))
    app.engine.dispose()
    server = start_server(db, tmp_path)
    try:
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        page.goto(server.at("/history"))
        rows = page.locator("#sessions tbody tr")
        expect(rows).to_have_count(HISTORY_PAGE)
        assert rows.first.get_attribute("data-session") == str(ids[0])
        page.get_by_role("link", name="Older sessions").click()
        expect(page.get_by_role("heading", name="Older sessions", level=1)).to_be_visible()
        expect(rows).to_have_count(SESSIONS - HISTORY_PAGE)
        shown = [rows.nth(i).get_attribute("data-session") for i in range(rows.count())]
        assert shown == [str(i) for i in ids[HISTORY_PAGE:]]
        expect(page.get_by_role("link", name="Older sessions")).to_have_count(0)
        problems = _violations(page)
        page.get_by_role("link", name="Back to the newest sessions and the charts").click()
        expect(rows).to_have_count(HISTORY_PAGE)
        expect(page.get_by_role("heading", name="Sessions per week")).to_be_visible()
        assert not problems, problems
        context.close()
    finally:
        server.process.terminate()
        server.process.wait(timeout=10)
        if server.process.stdout:
            server.process.stdout.close()
