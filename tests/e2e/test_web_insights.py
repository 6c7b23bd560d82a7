"""Insights and Summary pages in real Chromium, as a new user and with six weeks of records:
phone (390x844) and desktop (1280x800), axe without serious violations, and the download.

Set UNKINK_SHOTS=/tmp/insights-shots to keep screenshots (docs/insights.md).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.e2e.conftest import PHONE, start_server
from tests.e2e.test_web_a11y import _violations
from tests.insights_factory import recent_start, seed_history
from unkink.bootstrap import build
from unkink.settings import load_settings

pytestmark = pytest.mark.e2e
DESKTOP_800 = {"width": 1280, "height": 800}
SHOTS = os.environ.get("UNKINK_SHOTS", "")


def _seeded_db(tmp_path: Path) -> Path:
    db = tmp_path / "seeded.db"
    app = build(load_settings(database_url=f"sqlite:///{db}"))
    seed_history(app, start=recent_start(app.now()))
    app.engine.dispose()
    return db


def _shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("seeded", [False, True], ids=["empty", "six-weeks"])
def test_insights_and_summary_read_well_and_pass_axe(
    browser: Browser, tmp_path: Path, seeded: bool
) -> None:
    db = _seeded_db(tmp_path) if seeded else tmp_path / "empty.db"
    server = start_server(db, tmp_path)
    try:
        problems = []
        for viewport in (PHONE, DESKTOP_800):
            context = browser.new_context(viewport=viewport, accept_downloads=True)
            page = context.new_page()
            size = f"{viewport['width']}x{viewport['height']}"
            tag = "seeded" if seeded else "empty"
            for path in ("/insights", "/summary"):
                page.goto(server.at(path))
                text = page.locator("main").inner_text()
                if seeded:
                    assert "no clear difference" in text.lower() or path == "/summary"
                else:
                    assert "not enough data yet" in text.lower()
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= viewport["width"], f"{path} scrolls sideways at {size}"
                problems += _violations(page)
                _shot(page, f"{path[1:]}-{tag}-{size}")
            page.goto(server.at("/summary"))
            page.get_by_label("What I want to ask (optional)").fill("Is daily stretching OK?")
            with page.expect_download() as info:
                page.get_by_role("button", name="Download the summary").click()
            download = info.value
            assert download.suggested_filename.endswith(".pdf")
            assert Path(download.path()).read_bytes().startswith(b"%PDF")
            context.close()
        assert not problems, problems
    finally:
        server.process.terminate()
        server.process.wait(timeout=10)
        if server.process.stdout:
            server.process.stdout.close()
