"""axe-core on every page, light and dark, phone and desktop: no serious or critical violations."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page

from tests.e2e import flows
from tests.e2e.conftest import DESKTOP, PHONE, Server

pytestmark = pytest.mark.e2e

BLOCKING = {"serious", "critical"}


def _violations(page: Page) -> list[dict[str, Any]]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    found: list[dict[str, Any]] = results.response["violations"]
    return [
        {
            "page": page.url,
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in found
        if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_serious_accessibility_problems(
    browser: Browser, server: Server, scheme: str
) -> None:
    problems: list[dict[str, Any]] = []
    for viewport in (PHONE, DESKTOP):
        context = browser.new_context(viewport=viewport, color_scheme=scheme)
        page = context.new_page()
        if viewport is PHONE:
            page.goto(server.at("/welcome"))
            problems += _violations(page)
            httpx.post(server.at("/api/intended-use")).raise_for_status()
            page.goto(server.at("/screening"))
            page.wait_for_selector("#answer input")
            problems += _violations(page)
        context.close()

    flows.screened_via_api(server)
    httpx.post(server.at("/api/cracks"), json={"where": "lower"}).raise_for_status()
    finished = flows.start_via_api(server)
    for moment, scores in (("before", (6, 3)), ("after", (3, 1))):  # "after" once it ended
        if moment == "after":
            httpx.post(server.at(f"/api/sessions/{finished}/finish"), json={}).raise_for_status()
        httpx.post(
            server.at(f"/api/sessions/{finished}/ratings"),
            json={"moment": moment, "stiffness": scores[0], "pain": scores[1]},
        ).raise_for_status()
    running = flows.start_via_api(server)

    pages = [
        "/",
        "/conditions",
        "/plan?area=lower&where=floor&minutes=10",
        f"/session/{running}",
        f"/session/{running}/after",
        f"/session/{finished}/after",
        "/history",
        "/cracks",
        "/exercises",
        "/no-such-page",
    ]
    for viewport in (PHONE, DESKTOP):
        context = browser.new_context(viewport=viewport, color_scheme=scheme)
        page = context.new_page()
        for path in pages:
            page.goto(server.at(path))
            problems += _violations(page)
        page.goto(server.at(f"/session/{running}"))
        page.get_by_role("button", name="This hurts").click()
        problems += _violations(page)
        context.close()
    assert not problems, problems
