"""Benchmark the web player: page weight of a first visit and time to the first cue shown.

Headless Debian Chromium on loopback, against the real app served by uvicorn in this process.
Each run uses a fresh browser context (empty cache). Reported side by side with a baseline:
an empty HTML page served by the same server. Medians of several runs.

    .venv/bin/python bench/web_player.py [--runs 9]

Targets (issue 6): player page weight <= 150 KB, navigation to first cue <= 300 ms.
Not a timed test: numbers depend on the machine. docs/web.md records a run.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi.responses import HTMLResponse
from playwright.sync_api import BrowserContext, sync_playwright

from unkink.bootstrap import build
from unkink.browser import launch_chromium
from unkink.settings import Settings
from unkink.web.app import create_app

EMPTY = "<!doctype html><html lang=en><title>empty</title><body></body></html>"


def _serve(folder: Path) -> tuple[str, uvicorn.Server]:
    app = build(
        Settings(
            data_dir=folder,
            catalogue_dir=folder / "exercises",
            database_url=f"sqlite:///{folder / 'bench.db'}",
        )
    )
    web = create_app(app)
    web.add_api_route("/bench-empty", lambda: HTMLResponse(EMPTY), include_in_schema=False)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)  # TCP_NODELAY
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(web, log_level="warning", access_log=False))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.02)
    return f"http://127.0.0.1:{port}", server


def _visit(context: BrowserContext, url: str, *, ready: str) -> dict[str, float]:
    sizes: list[int] = []

    def count(request: Any) -> None:
        s = request.sizes()
        sizes.append(s["responseBodySize"] + s["responseHeadersSize"])

    context.on("requestfinished", count)
    page = context.new_page()
    page.goto(url, wait_until="load")
    if ready == "cue":
        page.wait_for_function("() => performance.getEntriesByName('unkink:first-cue').length > 0")
        ready_ms = page.evaluate("performance.getEntriesByName('unkink:first-cue')[0].startTime")
    else:
        ready_ms = page.evaluate(
            "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
        )
    page.wait_for_load_state("networkidle")
    fcp = page.evaluate(
        "(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: NaN}).startTime"
    )
    load_ms = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    page.close()
    return {
        "kb": sum(sizes) / 1024,
        "requests": len(sizes),
        "ready_ms": ready_ms,
        "fcp_ms": fcp,
        "load_ms": load_ms,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory(prefix="unkink-bench-") as tmp:
        base, server = _serve(Path(tmp))
        httpx.post(
            f"{base}/api/screenings", json={"answers": {"age": 40}, "accept_intended_use": True}
        ).raise_for_status()
        reply = httpx.post(
            f"{base}/api/sessions", json={"area": "whole", "where": "floor", "minutes": 10}
        )
        reply.raise_for_status()
        player = f"{base}/session/{reply.json()['id']}"
        results: dict[str, list[dict[str, float]]] = {
            "empty page": [],
            "player": [],
            "player + offline copy": [],
        }
        with sync_playwright() as p:
            browser = launch_chromium(p)
            for _ in range(runs):
                for name, url, ready, workers in (
                    ("empty page", f"{base}/bench-empty", "dom", "block"),
                    ("player", player, "cue", "block"),
                    ("player + offline copy", player, "cue", "allow"),
                ):
                    context = browser.new_context(
                        viewport={"width": 390, "height": 844}, service_workers=workers
                    )
                    results[name].append(_visit(context, url, ready=ready))
                    context.close()
            browser.close()
        server.should_exit = True

    def med(name: str, key: str) -> float:
        return statistics.median(r[key] for r in results[name])

    print(f"unkink web player benchmark: {runs} runs, medians, headless Chromium, loopback")
    print(f"{'':24}{'bytes (KB)':>11}{'requests':>10}{'ready (ms)':>12}{'FCP (ms)':>10}")
    for name in results:
        fcp = med(name, "fcp_ms")
        print(
            f"{name:24}{med(name, 'kb'):>11.1f}{med(name, 'requests'):>10.0f}"
            f"{med(name, 'ready_ms'):>12.0f}{'–' if fcp != fcp else f'{fcp:.0f}':>10}"
        )
    print("ready: empty page = DOMContentLoaded; player = first cue on screen.")
    print("player + offline copy: the service worker also stores the files for offline use.")
    print("targets: player <= 150 KB, first cue <= 300 ms")


if __name__ == "__main__":
    main()
