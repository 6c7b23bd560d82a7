"""The safety questions in real Chromium (issues 9 and 11): an emergency answer shows "Get help
now" on the very next screen, and after a pain stop the re-check shows the emergency checklist
and then a summary of the last answers."""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING

import httpx

from tests.e2e import flows

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

    from tests.e2e.conftest import Server


def test_an_emergency_answer_shows_get_help_now_right_after_it(page: Page, server: Server) -> None:
    page.goto(server.at("/"))
    page.wait_for_url(re.compile(r"/welcome$"))
    page.get_by_role("button", name="I understand, go on").click()
    page.wait_for_url(re.compile(r"/screening$"))
    page.wait_for_selector("#answer input")
    page.locator('#answer input[value="saddle_numbness"]').check()
    page.get_by_role("button", name="Next").click()
    box = page.locator("#result-box")
    box.wait_for(state="visible")
    assert box.get_attribute("data-urgency") == "emergency"
    assert "Get help now" in box.inner_text()
    assert page.locator("#wizard").is_hidden()


def test_the_healthy_first_run_is_at_most_15_screens(page: Page, server: Server) -> None:
    screens: list[str] = []
    page.on(
        "request",
        lambda r: screens.append(r.url) if r.url.endswith("/api/screening/next") else None,
    )
    assert flows.first_run(page, server) == "self_care_ok"
    assert len(screens) - 1 <= 15  # one request per screen, plus the one that says done


def test_after_a_pain_stop_the_re_check_shows_the_checklist_then_a_summary(
    page: Page, server: Server
) -> None:
    flows.screened_via_api(server)
    session_id = flows.start_via_api(server)
    stop = httpx.post(
        server.at(f"/api/sessions/{session_id}/pain"), json={"score": 8, "sharp_or_catching": True}
    )
    assert stop.status_code == 200 and stop.json()["rescreen"]
    time.sleep(1.1)  # times are stored to the second; a person is never this fast (see docs)
    page.goto(server.at("/"))
    page.get_by_role("link", name="Do the quick re-check").click()
    page.wait_for_url(re.compile(r"/screening$"))
    page.wait_for_selector("#answer input")
    assert "quick re-check" in page.locator("#question-text").inner_text().lower()
    page.locator('#answer input[value="__none__"]').check()
    page.get_by_role("button", name="Next").click()
    page.wait_for_function(
        "() => document.getElementById('question-text').textContent.includes('last time')"
    )
    summary = page.locator("#answer").inner_text()
    assert "Age: 38" in summary and "Where: Lower back" in summary
    page.locator('#answer input[value="__none__"]').check()
    page.get_by_role("button", name="Next").click()
    box = page.locator("#result-box")
    box.wait_for(state="visible")
    assert box.get_attribute("data-urgency") == "self_care_ok"
    status = httpx.get(server.at("/api/status")).json()
    assert status["gate"]["allowed"] and status["gate"]["step"] == "session"


_LAYOUT_SHIFTS = """() => new Promise((done) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => done(total), 500);
})"""


def _answer_markup(page: Page) -> str:
    return page.eval_on_selector("#answer", "el => el.innerHTML")


def test_the_first_screen_comes_with_the_page_and_nothing_moves(
    browser: Browser, server: Server
) -> None:
    """Lighthouse found the page jumping (CLS 0.25 on a phone, 0.58 on a desktop) while the
    script fetched the first question. Now the server draws it; the script must draw the same
    boxes, and the page must not move as it takes over, on a full run and a re-check."""
    httpx.post(server.at("/api/intended-use")).raise_for_status()
    for path in ("/screening", "/screening?recheck"):
        if path.endswith("recheck"):
            flows.screened_via_api(server)
            path = "/screening"
        static = browser.new_context(java_script_enabled=False)
        plain = static.new_page()
        plain.goto(server.at(path))
        drawn_by_server = _answer_markup(plain)
        legend = plain.locator("#question-text").inner_text()
        static.close()
        assert "<input" in drawn_by_server and legend.strip()

        live = browser.new_context(viewport={"width": 1280, "height": 800})
        page = live.new_page()
        page.goto(server.at(path))
        page.wait_for_load_state("networkidle")
        shift = page.evaluate(_LAYOUT_SHIFTS)
        assert _answer_markup(page) == drawn_by_server  # render() redrew the same boxes
        assert page.locator("#question-text").inner_text() == legend
        assert shift < 0.01, f"{path}: the page moved by {shift:.3f} while loading"
        page.locator("#answer input").first.check()
        page.get_by_role("button", name="Next").click()
        page.wait_for_function(
            "() => document.getElementById('question-count').textContent !== 'Question 1'"
            " || !document.getElementById('result').hidden"
        )
        live.close()
