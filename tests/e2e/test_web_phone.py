"""The player on a phone propped on the mat, and offline from the first visit (issue 13)."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e import flows
from tests.e2e.conftest import Server

pytestmark = pytest.mark.e2e


def _player(browser: Browser, server: Server, width: int, height: int) -> tuple[Page, int]:
    flows.screened_via_api(server)
    session_id = flows.start_via_api(server, minutes=5, where="floor")
    context = browser.new_context(
        viewport={"width": width, "height": height}, service_workers="block"
    )
    page = context.new_page()
    page.clock.install()
    page.goto(server.at(f"/session/{session_id}"))
    page.wait_for_selector("body[data-ready]")
    return page, session_id


def _in_view(page: Page, selector: str) -> bool:
    return bool(
        page.evaluate(
            """(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
            return r.width > 0 && r.top >= 0 && r.bottom <= innerHeight; }""",
            selector,
        )
    )


@pytest.mark.parametrize("size", [(360, 640), (1280, 720)])
def test_start_is_in_view_and_the_countdown_is_big(
    browser: Browser, server: Server, size: tuple[int, int]
) -> None:
    page, _ = _player(browser, server, *size)
    assert _in_view(page, "#start"), "Start is visible without scrolling"
    if size[0] < 500:
        font = page.evaluate(
            "parseFloat(getComputedStyle(document.getElementById('seconds')).fontSize)"
        )
        assert font >= 0.25 * size[0], f"countdown digits {font}px on a {size[0]}px phone"
    page.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(30_000)
    assert _in_view(page, "#progress-text"), "the progress line stays on screen"
    lines = page.evaluate(
        "(() => { const e = document.getElementById('next');"
        " return e.getBoundingClientRect().height"
        " / parseFloat(getComputedStyle(e).lineHeight); })()"
    )
    assert lines < 1.5, "one 'next' line"
    page.get_by_role("button", name="Pause").click()
    expect(page.locator("#cue-kind")).to_have_text("Paused")
    assert _in_view(page, "#resume")
    page.context.close()


def test_this_hurts_fits_a_phone_and_escape_goes_back_to_the_session(
    browser: Browser, server: Server
) -> None:
    page, _ = _player(browser, server, 360, 640)
    page.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(3_000)
    page.get_by_role("button", name="This hurts").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    fits = page.evaluate(
        """(() => { const d = document.getElementById('hurts-dialog');
        const r = d.getBoundingClientRect();
        return d.scrollHeight <= d.clientHeight + 1
          && r.top >= 0 && r.bottom <= innerHeight; })()"""
    )
    assert fits, "the dialog fits 360x640 without scrolling"
    expect(dialog.get_by_role("button", name="Back to the session")).to_be_in_viewport()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("button", name="Pause")).to_be_visible()  # resumed
    expect(page.get_by_role("button", name="This hurts")).to_be_focused()
    page.context.close()


def test_a_step_shows_its_moving_figure_anew_each_time(browser: Browser, server: Server) -> None:
    page, _ = _player(browser, server, 390, 844)
    page.get_by_role("button", name="Start", exact=True).click()
    figure = page.locator("#figure")
    seen: set[str] = set()
    for _ in range(12):  # through get ready into the steps, a few seconds at a time
        page.clock.run_for(4_000)
        src = figure.get_attribute("src") or ""
        if "/moving-" in src:
            seen.add(src)
    assert seen, "a step shows /figures/ID/moving-N.svg"
    assert all(re.search(r"/moving-\d+\.svg\?(side=\w+&)?shown=\d+$", s) for s in seen), seen
    expect(figure).to_have_js_property("complete", True)
    assert page.evaluate("document.getElementById('figure').naturalWidth") > 0
    page.context.close()


def test_reduced_motion_keeps_steps_still(browser: Browser, server: Server) -> None:
    flows.screened_via_api(server)
    session_id = flows.start_via_api(server, minutes=5, where="floor")
    context = browser.new_context(reduced_motion="reduce", service_workers="block")
    page = context.new_page()
    page.clock.install()
    page.goto(server.at(f"/session/{session_id}"))
    page.get_by_role("button", name="Start", exact=True).click()
    for _ in range(6):
        page.clock.run_for(4_000)
        src = page.locator("#figure").get_attribute("src") or ""
        assert "/moving-" not in src and "animated" not in src, src
    assert re.search(r"/step-\d+\.svg", src), src
    context.close()


def test_the_keyboard_shortcuts_summary_shows_its_disclosure_marker(
    browser: Browser, server: Server
) -> None:
    page, _ = _player(browser, server, 1280, 800)
    summary = page.locator("details.keys > summary")
    style = summary.evaluate(
        "e => [getComputedStyle(e).display, getComputedStyle(e).listStyleType]"
    )
    assert style[0] == "list-item" and style[1] != "none", style  # the ▶ / ▼ marker is drawn
    assert summary.bounding_box()["height"] >= 44  # type: ignore[index]
    summary.click()
    expect(page.locator("details.keys")).to_have_attribute("open", "")
    page.context.close()


def test_no_sideways_scrolling_at_320_px(browser: Browser, server: Server) -> None:
    page, session_id = _player(browser, server, 320, 640)
    for path in ("/", "/plan", f"/session/{session_id}", "/history", "/exercises", "/cracks"):
        page.goto(server.at(path))
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= 320, f"{path} is {wide}px wide at 320"
    page.context.close()


def test_chimes_play_and_mute_is_remembered(browser: Browser, server: Server) -> None:
    page, _ = _player(browser, server, 390, 844)
    expect(page.get_by_role("button", name="Sound: on")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="Start", exact=True).click()
    expect(page.locator("body")).to_have_attribute("data-last-chime", "step")
    page.get_by_role("button", name="Sound: on").click()
    page.reload()
    expect(page.get_by_role("button", name="Sound: off")).to_have_attribute("aria-pressed", "false")
    page.context.close()


def test_the_player_reloads_offline_after_one_visit(browser: Browser, server: Server) -> None:
    flows.screened_via_api(server)
    session_id = flows.start_via_api(server)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server.at(f"/session/{session_id}"))  # one visit, no reload before going offline
    page.wait_for_function("() => document.documentElement.dataset.offlineReady === 'true'")
    page.wait_for_function(
        "(paths) => caches.open('unkink-' + document.querySelector('link[rel=stylesheet]')"
        ".href.split('v=')[1]).then((c) => Promise.all(paths.map((p) => c.match(p))))"
        ".then((hits) => hits.every(Boolean))",
        arg=[f"/session/{session_id}", "/", "/history", "/exercises"],
    )
    context.set_offline(True)
    page.reload()
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible()
    expect(page.locator("#offline-note")).to_be_visible()
    expect(page.locator("#figure")).to_have_js_property("complete", True)
    for path in ("/", "/history", "/exercises"):
        page.goto(server.at(path))
        expect(page.locator("#offline-banner")).to_be_visible()
    context.set_offline(False)
    context.close()


def test_static_files_are_cached_by_version(server: Server) -> None:
    version = httpx.get(server.at("/sw.js")).text.split('const CACHE = "unkink-')[1].split('"')[0]
    long = httpx.get(server.at(f"/static/app.css?v={version}"))
    assert "immutable" in long.headers["cache-control"]
    assert httpx.get(server.at("/static/api.js")).headers["cache-control"] == "no-cache"
