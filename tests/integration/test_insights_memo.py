"""``services.insights.insights`` keeps what it computed under the database's revision
(``outcomes.revision()``): every write that can change insights changes the revision, so the
next read recomputes. Write, then read, for each kind of write (inserts and the UPDATEs of a
session: finishing, stopping, progress, helped most), on every backend; the read equals a fresh
computation with the memo emptied. Never timed here (bench/history.py times the reads)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest

from tests.insights_factory import HELPFUL, NOT_HELPFUL, seed_history
from unkink.bootstrap import App
from unkink.domain.session.status import Moment, SessionStatus
from unkink.services import insights as service

AT = datetime(2026, 3, 1, 18, 0)  # the day before the fixtures' wall clock (2026-03-02)
PLAN = {
    "area": "upper",
    "where": "desk",
    "minutes_requested": 3,
    "total_s": 200.0,
    "exercises": [{"id": NOT_HELPFUL}],
}


def _oldest(u: Any) -> int:
    return int(u.sessions.list_sessions(limit=100_000)[-1].id)


def _newest(u: Any) -> int:
    return int(u.sessions.list_sessions(limit=1)[0].id)


def _helped(u: Any) -> Any:
    """The newest session with a stretch picked as helped most (an UPDATE of an old row)."""
    return next(r for r in u.sessions.list_sessions(limit=100_000) if r.helped_most)


def _pick_other(u: Any) -> None:
    row = _helped(u)
    u.sessions.set_helped_most(row.id, next(e for e in HELPFUL if e != row.helped_most))


def _new_session(u: Any) -> None:
    u.sessions.add_session(routine_id=u.sessions.find_session(_newest(u)).routine_id, started_at=AT)


WRITES: dict[str, Callable[[Any], object]] = {
    "add_routine": lambda u: u.sessions.add_routine(plan=PLAN, created_at=AT),
    "add_session": _new_session,
    "rate_before": lambda u: u.sessions.add_rating(
        _oldest(u), moment=Moment.BEFORE, stiffness=10, pain=9, at=AT
    ),
    "rate_after": lambda u: u.sessions.add_rating(
        _oldest(u), moment=Moment.AFTER, stiffness=0, pain=0, at=AT
    ),
    "end_session": lambda u: u.sessions.end_session(
        _oldest(u), status=SessionStatus.STOPPED, reason="pain", at=AT, elapsed_s=12.0
    ),
    "stop_running": lambda u: (_new_session(u), u.sessions.stop_running(reason="quit", at=AT)),
    "save_progress": lambda u: u.sessions.save_progress(_oldest(u), cue_index=1, elapsed_s=7.0),
    "save_elapsed": lambda u: u.sessions.save_elapsed(_oldest(u), elapsed_s=9.0),
    "helped_most": lambda u: u.sessions.set_helped_most(_oldest(u), NOT_HELPFUL),
    "helped_most_other": _pick_other,
    "helped_most_none": lambda u: u.sessions.set_helped_most(_helped(u).id, None),
    "crack": lambda u: u.safety.add_crack(at=AT, region="upper", relief=5, logged_at=AT),
    "check": lambda u: u.outcomes.add_check(at=AT, pain=1, scores={"walking": 9}, skipped=False),
    "goal": lambda u: u.outcomes.set_goal(at=AT, sessions=6, desk_breaks=2),
    "reminder": lambda u: u.reminders.add_event(at=AT, kind="started"),
}
CHANGES_INSIGHTS = {
    "rate_before", "rate_after", "helped_most", "helped_most_other", "helped_most_none", "crack",
    "check", "goal", "reminder",
}  # fmt: skip
"""Writes whose effect shows in the insights themselves (the others may, or may not)."""


@pytest.fixture
def seeded(db_app: App) -> App:
    seed_history(db_app)
    service.forget()
    return db_app


def _read(app: App) -> service.Insights:
    return service.insights(
        uow=app.uow, today=app.today(), names={e.id: e.name for e in app.catalogue}
    )


def _fresh(app: App) -> service.Insights:
    service.forget()
    return _read(app)


def _revision(app: App) -> tuple[object, ...]:
    with app.uow() as u:
        return u.outcomes.revision()


@pytest.mark.parametrize("write", sorted(WRITES))
def test_every_write_changes_the_revision_and_the_next_read_sees_it(
    seeded: App, write: str
) -> None:
    first = _read(seeded)
    assert _read(seeded) is first  # nothing written: the memo answers
    revision = _revision(seeded)
    with seeded.uow() as u:
        WRITES[write](u)
        u.commit()
    assert _revision(seeded) != revision
    after = _read(seeded)
    assert after == _fresh(seeded)
    if write in CHANGES_INSIGHTS:
        assert after != first


def test_a_write_not_committed_changes_nothing(seeded: App) -> None:
    first = _read(seeded)
    with seeded.uow() as u:
        WRITES["helped_most"](u)  # rolled back on exit
    assert _read(seeded) is first


def test_another_day_or_other_names_are_read_afresh(seeded: App) -> None:
    first = _read(seeded)
    names = {e.id: e.name.upper() for e in seeded.catalogue}
    renamed = service.insights(uow=seeded.uow, today=seeded.today(), names=names)
    assert renamed != first and renamed.headline != first.headline
    later = service.insights(
        uow=seeded.uow, today=seeded.today() + timedelta(weeks=3), names=dict(names)
    )
    assert later.weeks != first.weeks
    assert _read(seeded) is first


def test_the_memo_holds_a_few_entries(seeded: App) -> None:
    for days in range(service.MEMO_SIZE + 3):
        service.insights(uow=seeded.uow, today=seeded.today() + timedelta(days=days), names={})
        assert 1 <= len(service._memo) <= service.MEMO_SIZE


def test_a_write_while_reading_is_not_kept_even_if_undone_later(
    seeded: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    with seeded.uow() as u:
        row = _helped(u)
        repository = type(u.sessions)
    other = next(e for e in HELPFUL if e != row.helped_most)
    real = repository.session_points

    def write_meanwhile(self: Any) -> Any:  # another process writes after the revision is read
        with seeded.uow() as w:
            w.sessions.set_helped_most(row.id, other)
            w.commit()
        return real(self)

    monkeypatch.setattr(repository, "session_points", write_meanwhile)
    during = _read(seeded)  # the new pick, read under the revision of the old one
    monkeypatch.setattr(repository, "session_points", real)
    assert service._memo == {}  # the revision moved while reading: nothing kept
    with seeded.uow() as u:
        u.sessions.set_helped_most(row.id, row.helped_most)  # undone: the first revision again
        u.commit()
    assert _read(seeded) == _fresh(seeded) != during
