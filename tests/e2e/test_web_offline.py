"""Offline and installable: after one visit the player works with no network, and catches up."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Playwright, expect

from tests.e2e import flows
from tests.e2e.conftest import PHONE, Server
from unkink.browser import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.e2e


def test_the_player_works_offline_after_a_first_visit(browser: Browser, server: Server) -> None:
    flows.screened_via_api(server)
    session_id = flows.start_via_api(server)
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.clock.install()
    page.goto(server.at(f"/session/{session_id}"))
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now the worker controls the page and keeps a copy of it
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    expect(page.locator("#figure")).to_have_js_property("complete", True)

    context.set_offline(True)
    page.reload()
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible()
    page.get_by_role("button", name="Start", exact=True).click()
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    page.clock.run_for(20_000)
    outbox = page.evaluate("JSON.parse(localStorage.getItem('unkink.outbox') || '[]').length")
    assert outbox >= 1, "cues wait in the outbox while offline"

    context.set_offline(False)
    page.wait_for_function(
        "() => JSON.parse(localStorage.getItem('unkink.outbox') || '[]').length === 0"
    )
    state = httpx.get(server.at(f"/api/sessions/{session_id}")).json()
    assert state["position_s"] > 0, "the cues shown offline reached the server"
    context.close()


def test_chromium_finds_the_app_installable(
    playwright_instance: Playwright, server: Server, tmp_path: Path
) -> None:
    """Chromium's own check (what enables "Install app"); a persistent profile, not incognito."""
    context = playwright_instance.chromium.launch_persistent_context(
        tmp_path / "profile", executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS), headless=True
    )
    try:
        page = context.new_page()
        page.goto(server.at("/"))
        page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
        cdp = context.new_cdp_session(page)
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        manifest = httpx.get(server.at("/manifest.webmanifest")).json()
        assert {"192x192", "512x512"} <= {icon["sizes"] for icon in manifest["icons"]}
    finally:
        context.close()
