"""Read times of every history page and API route after three years of daily use.

Seeds a SQLite file through the services, as real use writes it: one planned, started,
cued, rated and finished session a day for ``--days`` days (1,095 by default), plus a crack
every third day. Then each read route is timed in-process (Starlette's test client, no
network): the median of ``--repeat`` requests, beside a bare route of the same app.

    .venv/bin/python bench/history.py [--days 1095] [--repeat 15]

Goal (issue 10): every page and API read <= 15 ms. Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import warnings
from datetime import datetime, timedelta
from pathlib import Path

from unkink.bootstrap import build
from unkink.domain.session.planner import parse_request
from unkink.services import safety, session_after, session_log, sessions
from unkink.settings import Settings
from unkink.web.app import create_app

ROUTES = [
    "/api/history",
    "/history",
    "/api/status",
    "/api/cracks",
    "/api/exercises",
    "/",
    "/cracks",
    # not named in issue 10, but page and API reads all the same
    "/api/conditions",
    "/api/follow-up",
    "/api/insights",
    "/exercises",
    "/plan",
    "/conditions",
    "/insights",
    "/summary",
]


def seed(app: object, days: int) -> None:
    from unkink.domain.safety.answers import ScreeningAnswers

    start = datetime(2023, 1, 2, 8, 0)
    uow = app.uow  # type: ignore[attr-defined]
    safety.acknowledge_intended_use(uow=uow, now=start)
    safety.save_screening(uow=uow, answers=ScreeningAnswers(age=40), now=start, source="file")
    request = parse_request(area="lower", where="floor", minutes=5)
    planned = sessions.plan(uow=app.uow, catalogue=app.catalogue, request=request, now=start)  # type: ignore[attr-defined]
    for day in range(days):
        now = start + timedelta(days=day)
        started = sessions.start_session(
            uow=uow, catalogue=app.catalogue, routine_id=planned.routine_id, now=now  # type: ignore[attr-defined]
        )  # fmt: skip
        sid = started.session_id
        session_after.rate(uow=uow, session_id=sid, moment="before", stiffness=4, pain=2, at=now)
        for index in range(min(5, len(started.timeline.cues))):
            session_log.record_cue(
                uow=uow, catalogue=app.catalogue, session_id=sid,  # type: ignore[attr-defined]
                cue_index=index, elapsed_s=float(index), at=now,
            )  # fmt: skip
        end = now + timedelta(minutes=5)
        session_after.finish(
            uow=uow, session_id=sid, reached_end=True, at=end, elapsed_s=planned.routine.total_s
        )
        session_after.rate(uow=uow, session_id=sid, moment="after", stiffness=2, pain=1, at=end)
        if day % 3 == 0:
            safety.log_crack(uow=uow, at=now, now=now, where="upper", relief=5)


def _older_pages(client: object) -> list[str]:
    """Page 2 of history (the first page's ``next``) and page 10 (the cursor after 450)."""
    reply = client.get("/api/history")  # type: ignore[attr-defined]
    link = reply.headers.get("link", "")
    if not link:
        return []
    second = link[link.index("<") + 1 : link.index(">")]
    deep = client.get("/api/history", params={"limit": 450}).json()  # type: ignore[attr-defined]
    tenth = f"before={deep[-1]['session']}" if len(deep) == 450 else ""
    pages = [second, second.replace("/api/history", "/history").split("&")[0]]
    if tenth:
        pages += [f"/api/history?{tenth}", f"/history?{tenth}"]
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=3 * 365)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        app = build(
            Settings(
                data_dir=folder,
                catalogue_dir=folder / "exercises",
                database_url=f"sqlite:///{folder / 'history.db'}",
            ),
            wall_clock=lambda: datetime(2023, 1, 2, 8, 0) + timedelta(days=args.days),
        )
        began = time.perf_counter()
        seed(app, args.days)
        seeded = time.perf_counter() - began
        web = create_app(app)
        web.add_api_route("/bench-bare", lambda: {"ok": True}, include_in_schema=False)
        with TestClient(web, base_url="http://127.0.0.1") as client:
            print(f"{args.days} days seeded through the services in {seeded:.0f} s.")
            print(f"Median of {args.repeat} in-process requests each.\n")
            print("| route | median ms | goal |")
            print("|---|---|---|")
            routes = [*ROUTES, *_older_pages(client)]
            for path in ["/bench-bare", *routes]:
                client.get(path).raise_for_status()  # warm
                times = []
                for _ in range(args.repeat):
                    t = time.perf_counter()
                    client.get(path).raise_for_status()
                    times.append(time.perf_counter() - t)
                goal = "" if path == "/bench-bare" else "≤ 15"
                print(f"| `{path}` | {statistics.median(times) * 1000:.1f} | {goal} |")
        app.engine.dispose()


if __name__ == "__main__":
    main()
