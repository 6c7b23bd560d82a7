"""A person's journeys through the web app in real Chromium, holds fast-forwarded by the clock."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e import flows
from tests.e2e.conftest import Server

pytestmark = pytest.mark.e2e


def test_first_run_screening_plan_session_ratings_history(page: Page, server: Server) -> None:
    page.clock.install()
    assert flows.first_run(page, server) == "self_care_ok"
    page.get_by_role("link", name="Go on").click()
    page.wait_for_url(re.compile(r"/conditions$"))
    page.get_by_role("link", name="Skip for now").click()
    page.wait_for_url(re.compile(r"/plan$"))

    page.get_by_label("Lower").check()
    page.get_by_label("At my desk").check()
    page.get_by_label("3", exact=True).check()
    page.get_by_role("button", name="Show the plan").click()
    expect(page.get_by_text("Why:").first).to_be_visible()
    page.get_by_role("button", name="Start this session").click()
    page.wait_for_url(re.compile(r"/session/\d+$"))
    session_id = int(page.url.rsplit("/", 1)[1])
    total_s = flows.session_total_s(server, session_id)

    page.locator('input[name="stiffness"][value="6"]').check(force=True)
    page.locator('input[name="pain"][value="3"]').check(force=True)
    page.get_by_role("button", name="Start", exact=True).click()
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    expect(page.get_by_role("timer")).to_be_visible()
    page.clock.run_for(8_000)
    expect(page.locator("#announcer")).not_to_be_empty()
    page.clock.run_for((total_s + 5) * 1000)
    page.wait_for_url(re.compile(rf"/session/{session_id}/after$"))

    page.locator('input[name="stiffness"][value="3"]').check(force=True)
    page.locator('input[name="pain"][value="1"]').check(force=True)
    page.get_by_label("Chair twist").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator('[data-rating="stiffness"]')).to_have_text("6 → 3")
    expect(page.locator('[data-rating="pain"]')).to_have_text("3 → 1")

    page.get_by_role("link", name="See your history").click()
    row = page.locator("#sessions tbody tr").first
    expect(row).to_contain_text("Finished")
    expect(row).to_contain_text("6 → 3")
    expect(row).to_contain_text("Chair twist")
    (entry,) = flows.history(server)
    assert entry["status"] == "completed"
    assert entry["minutes_done"] >= total_s / 60 - 0.2


def test_this_hurts_can_carry_on_or_stop_the_session(page: Page, server: Server) -> None:
    flows.screened_via_api(server)
    session_id = flows.start_via_api(server)
    page.clock.install()
    page.goto(server.at(f"/session/{session_id}"))
    page.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(10_000)

    page.get_by_role("button", name="This hurts").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    dialog.locator('input[name="score"][value="4"]').check(force=True)
    dialog.get_by_role("button", name="Tell unkink").click()
    expect(dialog.locator("#decision-text")).to_contain_text("smaller")
    dialog.get_by_role("button", name="Carry on gently").click()
    expect(page.get_by_role("button", name="Pause")).to_be_visible()

    page.get_by_role("button", name="This hurts").click()
    dialog.locator('input[name="score"][value="7"]').check(force=True)
    dialog.get_by_label("Is the pain sharp, stabbing or catching?").check()
    dialog.get_by_role("button", name="Tell unkink").click()
    expect(dialog.locator("#decision-text")).to_contain_text("Stop the session now")
    dialog.get_by_role("link", name="Answer the safety questions").click()
    page.wait_for_url(re.compile(r"/screening$"))

    (entry,) = flows.history(server)
    assert (entry["status"], entry["stop_reason"]) == ("stopped", "pain")
    page.goto(server.at("/plan"))
    expect(page.locator('[data-gate="blocked"]')).to_contain_text("safety questions again")
    expect(page.get_by_role("button", name="Start this session")).to_have_count(0)


def test_reload_mid_session_resumes_where_it_was(page: Page, server: Server) -> None:
    flows.screened_via_api(server)
    session_id = flows.start_via_api(server, minutes=5)
    page.clock.install()
    page.goto(server.at(f"/session/{session_id}"))
    page.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(40_000)
    step_text = page.locator("#cue-text").inner_text()
    page.wait_for_timeout(500)  # let the last cue reach the server

    page.reload()
    expect(page.get_by_role("button", name="Resume")).to_be_visible()
    expect(page.get_by_text("Welcome back")).to_be_visible()
    expect(page.locator("#cue-text")).to_have_text(step_text)
    page.get_by_role("button", name="Resume").click()
    expect(page.get_by_role("button", name="Pause")).to_be_visible()


def test_an_emergency_screening_blocks_the_plan_page(page: Page, server: Server) -> None:
    urgency = flows.first_run(page, server, ticks={"urgent_signs": ["saddle_numbness"]})
    assert urgency == "emergency"
    expect(page.locator("#result-box")).to_contain_text("emergency")
    page.goto(server.at("/plan"))
    expect(page.locator('[data-gate="blocked"]')).to_contain_text("Get help now")
    expect(page.get_by_role("button", name="Start this session")).to_have_count(0)
    page.goto(server.at("/"))
    expect(page.get_by_role("button", name="Start", exact=True)).to_have_count(0)


def test_a_whole_session_with_the_keyboard_alone(page: Page, server: Server) -> None:
    flows.screened_via_api(server)
    session_id = flows.start_via_api(server)
    total_s = flows.session_total_s(server, session_id)
    page.clock.install()
    page.goto(server.at(f"/session/{session_id}"))

    def tab_to(selector: str) -> None:
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate(f"document.activeElement.matches({selector!r})"):
                return
        raise AssertionError(f"Tab never reached {selector}")

    tab_to('input[name="stiffness"]')
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")  # 1: not very stiff
    tab_to("#start")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Pause")).to_be_focused()
    page.clock.run_for(3_000)
    page.keyboard.press("k")
    expect(page.get_by_role("button", name="Resume")).to_be_visible()
    page.keyboard.press("k")
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    page.keyboard.press("v")
    expect(page.get_by_role("button", name="Voice: on")).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("v")
    page.clock.run_for((total_s + 5) * 1000)
    page.wait_for_url(re.compile(rf"/session/{session_id}/after$"))

    tab_to('input[name="stiffness"]')
    page.keyboard.press("Space")
    tab_to('input[name="helped"]')
    page.keyboard.press("Space")
    tab_to('button[type="submit"]')
    page.keyboard.press("Enter")
    expect(page.locator('[data-rating="stiffness"]')).to_have_text("1 → 0")


def test_voice_choice_is_remembered(page: Page, server: Server) -> None:
    flows.screened_via_api(server)
    session_id = flows.start_via_api(server)
    page.goto(server.at(f"/session/{session_id}"))
    page.get_by_role("button", name="Voice: off").click()
    page.reload()
    expect(page.get_by_role("button", name="Voice: on")).to_have_attribute("aria-pressed", "true")


def test_one_tap_logs_a_crack_and_shows_the_status(page: Page, server: Server) -> None:
    page.goto(server.at("/cracks"))
    page.get_by_role("button", name="Log a crack now").click()
    expect(page.locator("#crack-result")).to_contain_text("Logged")
    expect(page.locator("#crack-status")).to_contain_text("1 crack session in the last 30 days")
    page.get_by_text("Add where and when").click()
    page.get_by_label("Neck").check()
    page.get_by_role("button", name="Log a crack now").click()
    expect(page.locator("#crack-result")).to_contain_text("never coaches neck cracking")


def test_reduced_motion_shows_still_figures(browser: Browser, server: Server) -> None:
    flows.screened_via_api(server)
    session_id = flows.start_via_api(server)
    for motion, expected in (("no-preference", "animated.svg"), ("reduce", "step-0.svg")):
        context = browser.new_context(reduced_motion=motion)
        page = context.new_page()
        page.goto(server.at(f"/session/{session_id}"))
        expect(page.locator("#figure")).to_have_attribute("src", re.compile(expected))
        context.close()


def test_the_back_button_returns_to_the_last_answer(page: Page, server: Server) -> None:
    httpx.post(server.at("/api/intended-use")).raise_for_status()
    page.goto(server.at("/screening"))
    question = page.locator("#question-text")
    for _ in range(2):  # the two checklists of warning signs: none of these
        shown = question.inner_text()
        page.get_by_label("None of these").check()
        page.get_by_role("button", name="Next").click()
        expect(question).not_to_have_text(shown)  # the next screen is in before we answer it
    expect(page.locator("#question-text")).to_have_text("How old are you?")
    page.get_by_role("spinbutton").fill("44")
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("What is your sex?")).to_be_visible()
    page.get_by_label("Female", exact=True).check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Are you pregnant?")).to_be_visible()
    page.get_by_role("button", name="Back").click()
    expect(page.get_by_label("Female", exact=True)).to_be_checked()
    page.get_by_label("Male", exact=True).check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Are you pregnant?")).to_have_count(0)
    expect(page.locator("#question-count")).to_have_text("Question 5")


def test_conditions_change_the_plan(page: Page, server: Server) -> None:
    flows.screened_via_api(server)
    page.goto(server.at("/plan?area=lower&where=floor&minutes=10"))
    expect(page.get_by_role("heading", name=re.compile("Lying back bend"))).to_be_visible()

    page.goto(server.at("/conditions"))
    page.get_by_label("I am pregnant").check()
    page.get_by_label("How many weeks?").fill("20")
    page.get_by_role("button", name="Save and go on").click()
    page.wait_for_url(re.compile(r"/plan$"))
    page.goto(server.at("/plan?area=lower&where=floor&minutes=10"))
    expect(page.get_by_text("Changed for you:").first).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Lying back bend"))).to_have_count(0)


def test_what_was_done_for_a_condition_is_saved_and_shown_back(page: Page, server: Server) -> None:
    flows.screened_via_api(server)
    page.goto(server.at("/conditions"))
    what = page.get_by_label(
        re.compile(r"^What was done\? \(optional, for example microdiscectomy\)")
    )
    expect(what).to_be_hidden()  # shown once the condition is ticked
    page.get_by_label("Back surgery in the last 6 months").check()
    page.get_by_label("Weeks since the operation").first.fill("30")
    what.fill("  microdiscectomy ")
    page.get_by_role("button", name="Save and go on").click()
    page.wait_for_url(re.compile(r"/plan$"))
    page.goto(server.at("/conditions"))
    expect(what).to_have_value("microdiscectomy")
