"""Requests per second of unkink's web app beside a bare FastAPI app, on the same uvicorn.

Loopback only, bounded: each server listens on 127.0.0.1 in a thread of this process, and one
kept-alive client sends ``--requests`` requests per route, one after another. The bare app
answers a small JSON object; the ratio is unkink's requests/s over the bare app's. With
``--proto0`` the listening sockets are made as ``unkink serve`` made them before (protocol 0,
so asyncio never sets TCP_NODELAY), to show the delayed-ACK stall.

    .venv/bin/python bench/web_load.py [--requests 200] [--rounds 5] [--days 1095] [--proto0]
                                       [--fresh]

Read pages are kept once rendered, under the database's stamp (``web/page_memo.py``), so a
repeated request is answered from the copy. ``--fresh`` takes the stamp away, so every page is
read and rendered again: what the first read after a write costs, and every read on PostgreSQL.

``--days`` seeds that much daily use first (as ``bench/history.py`` does, through the
services). Bare and unkink are measured in alternating rounds, since this machine's load
changes from one second to the next; the ratio is the median of the rounds' ratios.

Goal (issue 10): every read route >= 0.5x the bare app. Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI

from unkink.bootstrap import build
from unkink.settings import Settings
from unkink.web.app import create_app

ROUTES = [
    "/api/exercises",
    "/api/status",
    "/api/cracks",
    "/api/history",
    "/",
    "/history",
    # not named in issue 10, but reads all the same
    "/cracks",
    "/exercises",
    "/plan",
]


def _serve(web: Any, *, proto0: bool) -> tuple[str, uvicorn.Server]:
    proto = 0 if proto0 else socket.IPPROTO_TCP
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(web, log_level="warning", access_log=False))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.02)
    return f"http://127.0.0.1:{port}", server


def _rate(client: httpx.Client, path: str, requests: int) -> float:
    start = time.perf_counter()
    for _ in range(requests):
        client.get(path).raise_for_status()
    return requests / (time.perf_counter() - start)


def _side_by_side(
    bare: httpx.Client, ours: httpx.Client, path: str, requests: int, rounds: int
) -> tuple[float, float, float]:
    """Bare and unkink in alternating rounds, so a change in the machine's load hits both:
    the median bare and unkink requests/s, and the median of the per-round ratios."""
    for client, target in ((bare, "/bare"), (ours, path)):
        for _ in range(5):  # warm up: first planner run, caches, connection
            client.get(target).raise_for_status()
    per_round = max(1, requests // rounds)
    pairs = [(_rate(bare, "/bare", per_round), _rate(ours, path, per_round)) for _ in range(rounds)]
    return (
        statistics.median(b for b, _ in pairs),
        statistics.median(o for _, o in pairs),
        statistics.median(o / b for b, o in pairs),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="per route and per app")
    parser.add_argument("--rounds", type=int, default=5, help="alternations of bare and unkink")
    parser.add_argument("--days", type=int, default=0, help="seed this many days of use first")
    parser.add_argument("--proto0", action="store_true", help="sockets as before the fix")
    parser.add_argument("--fresh", action="store_true", help="no kept pages: render every time")
    parser.add_argument("--routes", nargs="*", default=ROUTES)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = datetime(2023, 1, 2, 8, 0)
        app = build(
            Settings(
                data_dir=folder,
                catalogue_dir=folder / "exercises",
                database_url=f"sqlite:///{folder / 'load.db'}",
            ),
            wall_clock=lambda: start + timedelta(days=args.days),
        )
        if args.days:
            sys.path.insert(0, str(Path(__file__).parent))
            from history import seed

            seed(app, args.days)
        if args.fresh:
            app.data_stamp = lambda: None  # type: ignore[method-assign]  # as on PostgreSQL
        web = create_app(app)
        bare = FastAPI()
        bare.get("/bare")(lambda: {"ok": True})
        unkink_url, one = _serve(web, proto0=args.proto0)
        bare_url, two = _serve(bare, proto0=args.proto0)
        if not args.days:
            httpx.post(
                f"{unkink_url}/api/screenings",
                json={"answers": {"age": 40}, "accept_intended_use": True},
            ).raise_for_status()
        sockets = "protocol 0 (before)" if args.proto0 else "IPPROTO_TCP (TCP_NODELAY)"
        data = f"{args.days} days of use" if args.days else "a screening, no sessions"
        data += "; pages rendered afresh every time" if args.fresh else "; read pages kept"
        print(
            f"{args.requests} kept-alive requests per route and app in {args.rounds} alternating"
            f" rounds; sockets: {sockets}; data: {data}. Medians over the rounds.\n"
        )
        print("| route | bare req/s | unkink req/s | × bare FastAPI | goal |")
        print("|---|---|---|---|---|")
        with (
            httpx.Client(base_url=bare_url, timeout=30) as bare_client,
            httpx.Client(base_url=unkink_url, timeout=30) as ours,
        ):
            for path in args.routes:
                b, o, ratio = _side_by_side(bare_client, ours, path, args.requests, args.rounds)
                print(f"| `{path}` | {b:.0f} | {o:.0f} | {ratio:.2f} | ≥ 0.5 |")
        one.should_exit = two.should_exit = True
        app.engine.dispose()


if __name__ == "__main__":
    main()
