"""Steps a person takes, written once for the browser tests: answer the questions, plan, start."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.e2e.conftest import Server

SAFE_ANSWERS: dict[str, Any] = {
    "age": 38,
    "sex": "male",
    "main_symptom": "stiffness",
    "pain_area": "low_back",
    "duration_days": 10,
    "trauma": "none",
    "onset": "gradual",
    "leg_numbness_or_tingling": "none",
    "leg_weakness": "none",
    "cancer_history": "none",
    "pain_trend": "improving",
    "pain_pattern": "mechanical",
    "night_pain": "none",
    "age_at_onset": 37,
}


def answer_screening(
    page: Page, overrides: dict[str, Any] | None = None, ticks: dict[str, list[str]] | None = None
) -> str:
    """Answer every screen on /screening as the wizard asks; return the result's urgency.

    Checklist screens get "None of these" unless ``ticks`` names what to tick on that screen.
    """
    answers = {**SAFE_ANSWERS, **(overrides or {})}
    result = page.locator("#result-box")
    for _ in range(60):
        page.wait_for_function(
            "() => !document.getElementById('result').hidden ||"
            " document.querySelector('#answer input') !== null"
        )
        if result.is_visible():
            break
        first = page.locator("#answer input").first
        field = first.get_attribute("name") or ""
        kind = first.get_attribute("type")
        before = page.locator("#question-count").inner_text()
        value = answers.get(field, "no" if kind == "radio" else None)
        if kind == "checkbox":
            for token in (ticks or {}).get(field) or ["__none__"]:
                page.locator(f'#answer input[value="{token}"]').check()
        elif kind == "number":
            first.fill(str(value))
        elif kind == "radio":
            page.locator(f'#answer input[value="{value}"]').check()
        page.get_by_role("button", name="Next").click()
        page.wait_for_function(
            "(before) => !document.getElementById('result').hidden ||"
            " document.getElementById('question-count').textContent !== before",
            arg=before,
        )
    return result.get_attribute("data-urgency") or ""


def first_run(
    page: Page,
    server: Server,
    overrides: dict[str, Any] | None = None,
    ticks: dict[str, list[str]] | None = None,
) -> str:
    page.goto(server.at("/"))
    page.wait_for_url(re.compile(r"/welcome$"))
    page.get_by_role("button", name="I understand, go on").click()
    page.wait_for_url(re.compile(r"/screening$"))
    return answer_screening(page, overrides, ticks)


def screened_via_api(server: Server, answers: dict[str, Any] | None = None) -> None:
    reply = httpx.post(
        server.at("/api/screenings"),
        json={"answers": answers or SAFE_ANSWERS, "accept_intended_use": True},
    )
    reply.raise_for_status()


def start_via_api(server: Server, *, minutes: int = 3, where: str = "desk") -> int:
    reply = httpx.post(
        server.at("/api/sessions"), json={"area": "lower", "where": where, "minutes": minutes}
    )
    reply.raise_for_status()
    return int(reply.json()["id"])


def session_total_s(server: Server, session_id: int) -> int:
    reply = httpx.get(server.at(f"/api/sessions/{session_id}"))
    reply.raise_for_status()
    return int(reply.json()["timeline"]["total_s"])


def history(server: Server) -> list[dict[str, Any]]:
    return list(httpx.get(server.at("/api/history")).json())
