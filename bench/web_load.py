"""Requests per second of unkink's web app beside a bare FastAPI app, on the same uvicorn.

Loopback only, bounded: each server listens on 127.0.0.1 in a thread of this process, and one
kept-alive client sends ``--requests`` requests per route, one after another. The bare app
answers a small JSON object; the ratio is unkink's requests/s over the bare app's. With
``--proto0`` the listening sockets are made as ``unkink serve`` made them before (protocol 0,
so asyncio never sets TCP_NODELAY), to show the delayed-ACK stall.

    .venv/bin/python bench/web_load.py [--requests 200] [--proto0]

Goal (issue 10): every read route >= 0.5x the bare app. Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI

from unkink.bootstrap import build
from unkink.settings import Settings
from unkink.web.app import create_app

ROUTES = ["/api/exercises", "/api/status", "/api/cracks", "/api/history", "/", "/history"]


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


def _rate(base: str, path: str, requests: int) -> float:
    with httpx.Client(base_url=base, timeout=30) as client:
        for _ in range(5):  # warm up: first planner run, caches, connection
            client.get(path).raise_for_status()
        start = time.perf_counter()
        for _ in range(requests):
            client.get(path).raise_for_status()
        return requests / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--proto0", action="store_true", help="sockets as before the fix")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        app = build(
            Settings(
                data_dir=folder,
                catalogue_dir=folder / "exercises",
                database_url=f"sqlite:///{folder / 'load.db'}",
            )
        )
        web = create_app(app)
        with httpx.Client(base_url="http://127.0.0.1") as _:
            pass
        bare = FastAPI()
        bare.get("/bare")(lambda: {"ok": True})
        unkink_url, one = _serve(web, proto0=args.proto0)
        bare_url, two = _serve(bare, proto0=args.proto0)
        httpx.post(
            f"{unkink_url}/api/screenings",
            json={"answers": {"age": 40}, "accept_intended_use": True},
        ).raise_for_status()
        baseline = _rate(bare_url, "/bare", args.requests)
        sockets = "protocol 0 (before)" if args.proto0 else "IPPROTO_TCP (TCP_NODELAY)"
        print(f"{args.requests} kept-alive requests per route, sockets: {sockets}.\n")
        print("| route | requests/s | × bare FastAPI | goal |")
        print("|---|---|---|---|")
        print(f"| bare FastAPI `/bare` | {baseline:.0f} | 1.00 | |")
        for path in ROUTES:
            rate = _rate(unkink_url, path, args.requests)
            print(f"| `{path}` | {rate:.0f} | {rate / baseline:.2f} | ≥ 0.5 |")
        one.should_exit = two.should_exit = True
        app.engine.dispose()


if __name__ == "__main__":
    main()
