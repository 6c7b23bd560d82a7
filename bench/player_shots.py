"""Screenshots of the web player and its pages, to look at (not a test, not committed).

Serves unkink on loopback with a fresh database, answers the safety questions and records two
sessions through the API, then photographs home, plan, the player (ready, playing, paused,
"This hurts"), the closing screen and history at 360x640, 390x844 and 1280x800, light and dark.

    .venv/bin/python bench/player_shots.py --out /tmp/player-shots/after

Each picture is what fits in the viewport (what a person sees without scrolling); files named
``{page}-{width}x{height}-{scheme}.png``. Also prints where Start and the countdown sit.
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn
from playwright.sync_api import Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests' own answers, below

from tests.e2e.flows import SAFE_ANSWERS as ANSWERS  # noqa: E402

from unkink.bootstrap import build
from unkink.browser import launch_chromium
from unkink.settings import Settings
from unkink.web.app import create_app

VIEWPORTS = ((360, 640), (390, 844), (1280, 800))
SCHEMES = ("light", "dark")


def _serve(folder: Path) -> tuple[str, uvicorn.Server]:
    app = build(
        Settings(
            data_dir=folder,
            catalogue_dir=folder / "exercises",
            database_url=f"sqlite:///{folder / 'shots.db'}",
        )
    )
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    server = uvicorn.Server(uvicorn.Config(create_app(app), log_level="warning"))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.02)
    return f"http://127.0.0.1:{sock.getsockname()[1]}", server


def _prepare(url: str) -> int:
    """Screened, one finished session with ratings; returns its id."""
    with httpx.Client(base_url=url) as http:
        http.post(
            "/api/screenings", json={"answers": ANSWERS, "accept_intended_use": True}
        ).raise_for_status()
        plan = {"area": "lower", "where": "floor", "minutes": 5}
        done = int(http.post("/api/sessions", json=plan).json()["id"])
        timeline = http.get(f"/api/sessions/{done}").json()["timeline"]
        total = timeline["total_s"]
        http.post(
            f"/api/sessions/{done}/ratings", json={"moment": "before", "stiffness": 6, "pain": 4}
        )
        for cue in timeline["cues"]:  # played through, as the browser posts each cue
            at = cue["planned_s"]
            http.post(
                f"/api/sessions/{done}/cues", json={"index": cue["n"], "elapsed_s": at}
            ).raise_for_status()
        http.post(
            f"/api/sessions/{done}/finish", json={"completed": True, "elapsed_s": total}
        ).raise_for_status()
        http.post(
            f"/api/sessions/{done}/ratings", json={"moment": "after", "stiffness": 3, "pain": 2}
        )
        return done


def _new_session(url: str) -> int:
    reply = httpx.post(
        f"{url}/api/sessions", json={"area": "lower", "where": "floor", "minutes": 5}
    )
    reply.raise_for_status()
    return int(reply.json()["id"])


def _where(page: Page, selector: str) -> str:
    box = page.locator(selector).first.bounding_box()
    return (
        "hidden" if box is None else f"y={box['y']:.0f} h={box['height']:.0f} w={box['width']:.0f}"
    )


def shoot(url: str, out: Path, done_id: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = launch_chromium(p)
        for width, height in VIEWPORTS:
            for scheme in SCHEMES:
                context = browser.new_context(
                    viewport={"width": width, "height": height},
                    color_scheme=scheme,  # type: ignore[arg-type]
                    service_workers="block",
                )
                page = context.new_page()
                page.clock.install()
                tag = f"{width}x{height}-{scheme}"

                def snap(name: str, tag: str = tag, page: Page = page) -> None:
                    page.screenshot(path=str(out / f"{name}-{tag}.png"))

                for name, path in (("home", "/"), ("plan", "/plan"), ("history", "/history")):
                    page.goto(url + path)
                    snap(name)
                page.goto(f"{url}/session/{done_id}/after")
                snap("after")
                page.screenshot(path=str(out / f"after-full-{tag}.png"), full_page=True)
                page.goto(f"{url}/session/{_new_session(url)}")
                page.wait_for_selector("body[data-ready]")
                snap("player-ready")
                print(tag, "Start", _where(page, "#start"), "seconds", _where(page, "#seconds"))
                page.locator("#start").click()
                page.clock.run_for(12_000)
                snap("player-playing")
                print(tag, "progress", _where(page, "#progress-text"))
                page.locator("#pause").click()
                snap("player-paused")
                page.locator("#hurts").click()
                page.wait_for_timeout(100)
                snap("player-dialog")
                page.keyboard.press("Escape")
                context.close()
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/player-shots/after"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url, server = _serve(Path(folder))
        try:
            shoot(url, args.out, _prepare(url))
        finally:
            server.should_exit = True
    print(f"screenshots in {args.out}")


if __name__ == "__main__":
    main()
