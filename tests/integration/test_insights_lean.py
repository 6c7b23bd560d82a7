"""Insights read every session through ``session_points`` (the few facts insights use, no whole
plans): on every backend it gives what the history path gave (``history`` entries turned into
points, as ``services.insights`` did before), and so the same insights, on the six seeded weeks
plus the awkward rows (a stretch twice in a plan, a re-rated session, a running one, a stop,
a next-morning rating, a session without ratings)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import pytest

from tests.insights_factory import seed_history
from unkink.bootstrap import App
from unkink.domain.insights.records import SessionPoint
from unkink.domain.session.status import Moment, SessionStatus
from unkink.services.insights import insights
from unkink.services.session_history import HistoryEntry, history

AT = datetime(2026, 2, 23, 18, 0)
PLAN = {
    "area": "upper",
    "where": "desk",
    "minutes_requested": 3,
    "total_s": 200.0,
    "exercises": [{"id": "chair_twist"}, {"id": "butterfly"}, {"id": "chair_twist"}],
}


def _old_points(entries: Sequence[HistoryEntry]) -> list[SessionPoint]:
    """What ``services.insights.session_points`` built from history entries before."""
    return [
        SessionPoint(
            started_at=e.started_at,
            place=e.where,
            exercises=tuple(dict.fromkeys(e.exercises)),
            before=e.before,
            after=e.after,
            helped_most=e.helped_most,
            status=e.status,
            stop_reason=e.stop_reason,
            minutes=round(e.done_s / 60, 1),
        )
        for e in sorted(entries, key=lambda e: (e.started_at, e.session_id))
    ]


def _awkward_rows(app: App) -> None:
    with app.uow() as u:
        s = u.sessions
        routine = s.add_routine(plan=PLAN, created_at=AT)
        rerated = s.add_session(routine_id=routine, started_at=AT)
        s.add_rating(rerated, moment=Moment.BEFORE, stiffness=7, pain=3, at=AT)
        s.add_rating(rerated, moment=Moment.BEFORE, stiffness=6, pain=None, at=AT)
        s.add_rating(rerated, moment=Moment.AFTER, stiffness=None, pain=1, at=AT)
        s.add_rating(rerated, moment=Moment.NEXT_MORNING, stiffness=2, pain=2, at=AT)
        s.end_session(rerated, status=SessionStatus.COMPLETED, reason=None, at=AT, elapsed_s=187.4)
        s.set_helped_most(rerated, "butterfly")
        stopped = s.add_session(routine_id=routine, started_at=AT)  # same start: id decides
        s.end_session(stopped, status=SessionStatus.STOPPED, reason="pain", at=AT, elapsed_s=31.0)
        s.add_session(routine_id=routine, started_at=AT + timedelta(hours=1))  # running, unrated
        u.commit()


@pytest.fixture
def seeded(db_app: App) -> App:
    seed_history(db_app)
    _awkward_rows(db_app)
    return db_app


def test_session_points_are_the_history_paths_points(seeded: App) -> None:
    with seeded.uow() as u:
        lean = u.sessions.session_points()
    old = _old_points(history(uow=seeded.uow, limit=100_000))
    assert len(lean) == len(old) > 30
    assert lean == old
    assert [p.status for p in lean] == [str(p.status) for p in old]
    assert ("chair_twist", "butterfly") in {p.exercises for p in lean}


def test_insights_are_those_of_the_history_path(
    seeded: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = {e.id: e.name for e in seeded.catalogue}
    today = seeded.today()
    lean = insights(uow=seeded.uow, today=today, names=names)
    old = _old_points(history(uow=seeded.uow, limit=100_000))
    with seeded.uow() as u:
        repository = type(u.sessions)
    monkeypatch.setattr(repository, "session_points", lambda self: old)
    assert insights(uow=seeded.uow, today=today, names=names) == lean
    assert lean.sessions == len(old) and lean.enough_data and lean.weeks
    assert lean.as_dict()["stretches"]


def test_no_sessions_no_points(db_app: App) -> None:
    with db_app.uow() as u:
        u.ensure_profile(now=AT)
        u.commit()
    with db_app.uow() as u:
        assert u.sessions.session_points() == []


def test_the_summary_reads_every_rating_of_every_session(seeded: App) -> None:
    from unkink.services.report import gather

    data = gather(uow=seeded.uow, catalogue=seeded.catalogue, today=seeded.today())
    with seeded.uow() as u:
        each = {e.session_id: tuple(u.sessions.ratings(e.session_id)) for e in data.entries}
    assert data.ratings == each and len(each) == data.insights.sessions
    assert any(len(r) > 2 for r in each.values())  # the re-rated one, with its next morning
