"""The closing service: the stretches done (one rule for "which helped most?" in the terminal
and the web) and the closing facts both front ends draw."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from tests.fakes import FakeScreening, FakeUnitOfWork
from unkink.catalogue.loader import load_builtin
from unkink.domain.errors import NotFound
from unkink.domain.exercises import Place
from unkink.domain.safety.urgency import Urgency
from unkink.domain.session.planner import Area, PlanRequest
from unkink.domain.session.status import SessionStatus, StopReason
from unkink.domain.session.timeline import CueKind
from unkink.services import closing
from unkink.services import session_log as log
from unkink.services import sessions as svc
from unkink.services.session_history import HistoryEntry

NOW = datetime(2026, 3, 4, 9, 0, 0)  # a Wednesday
CATALOGUE = load_builtin()


@pytest.fixture
def uow() -> FakeUnitOfWork:
    fake = FakeUnitOfWork()
    fake.committed.acknowledged_at = NOW - timedelta(days=1)
    fake.committed.screening = FakeScreening(NOW - timedelta(days=1), Urgency.SELF_CARE_OK)
    return fake


def _started(uow: FakeUnitOfWork) -> svc.StartedSession:
    request = PlanRequest(area=Area.LOWER, where=Place.FLOOR, minutes=5)
    _, started = svc.plan_and_start(uow=uow, catalogue=CATALOGUE, request=request, now=NOW)
    assert len(started.routine.items) >= 2
    return started


def _show(uow: FakeUnitOfWork, started: svc.StartedSession, upto: int) -> None:
    """Store cues 0..upto as a player does."""
    for cue in started.timeline.cues[: upto + 1]:
        log.record_cue(
            uow=uow, catalogue=CATALOGUE, session_id=started.session_id, cue_index=cue.index,
            position_s=cue.planned_s, elapsed_s=cue.planned_s, at=NOW,
        )  # fmt: skip


def test_only_stretches_with_a_step_shown_are_done(uow: FakeUnitOfWork) -> None:
    started = _started(uow)
    first, second = started.routine.items[0].exercise, started.routine.items[1].exercise
    cues = started.timeline.cues
    step = next(c for c in cues if c.kind is CueKind.STEP)
    assert step.exercise_id == first.id
    _show(uow, started, 0)  # "get ready" names the first stretch: not done yet
    assert closing.stretches_done(uow=uow, catalogue=CATALOGUE, session_id=1) == []
    # up to the announcement of the second stretch ("next up" or "get ready" for it)
    announce = next(c for c in cues if c.exercise_id == second.id)
    _show(uow, started, announce.index)
    done = closing.stretches_done(uow=uow, catalogue=CATALOGUE, session_id=started.session_id)
    assert done == [closing.Stretch(first.id, first.name)]


def test_the_closing_facts_come_from_the_stored_session(uow: FakeUnitOfWork) -> None:
    started = _started(uow)
    _show(uow, started, len(started.timeline.cues) - 1)
    log.finish(uow=uow, session_id=started.session_id, reached_end=True, at=NOW, elapsed_s=120.0)
    log.rate(uow=uow, session_id=1, moment="after", stiffness=3, pain=None, at=NOW)
    facts = closing.closing(uow=uow, catalogue=CATALOGUE, session_id=1, today=NOW.date())
    assert [s.exercise_id for s in facts.stretches] == [
        i.exercise.id for i in started.routine.items
    ]
    assert facts.done_s == 120.0 and facts.week_sessions == 1 and facts.streak_days == 1
    assert [d.done for d in facts.week] == [False, False, True, False, False, False, False]
    assert facts.before_after_text == "stiffness – → 3" and not facts.rest_today


def test_an_unknown_session_is_not_found(uow: FakeUnitOfWork) -> None:
    with pytest.raises(NotFound):
        closing.stretches_done(uow=uow, catalogue=CATALOGUE, session_id=99)


def _entry(day: date, done_s: float = 60.0, reason: str | None = None) -> HistoryEntry:
    at = datetime.combine(day, datetime.min.time()) + timedelta(hours=8)
    return HistoryEntry(
        1, at, "lower", "floor", ("cat_camel",), 300.0, done_s, SessionStatus.COMPLETED,
        reason, (None, None), (None, None), None,
    )  # fmt: skip


def test_streak_counts_days_in_a_row_with_some_stretching_and_pain_means_rest() -> None:
    today = NOW.date()
    entries = [_entry(today), _entry(today - timedelta(days=1)), _entry(today, done_s=0)]
    entries += [_entry(today - timedelta(days=3))]
    facts = closing.closing_from(entries, entries[0], today=today, stretches=())
    assert facts.streak_days == 2 and facts.week_sessions == 2
    assert facts.streak_text == "2 days in a row"
    hurt = _entry(today, reason=StopReason.PAIN)
    assert closing.closing_from([hurt], hurt, today=today, stretches=()).rest_today


def test_the_weeks_desk_breaks_come_from_the_reminder_records(uow: FakeUnitOfWork) -> None:
    from unkink.domain.reminders.days import ReminderRecord

    monday = NOW - timedelta(days=2)
    uow.committed.reminder_events = [
        ReminderRecord(monday, "started"),  # a chair routine: a break
        ReminderRecord(NOW - timedelta(hours=1), "away", 1800.0),  # away long enough: a break
        ReminderRecord(NOW - timedelta(hours=2), "snoozed"),  # not a break
        ReminderRecord(monday - timedelta(days=1), "started"),  # last Sunday: last week
    ]
    started = _started(uow)
    log.finish(uow=uow, session_id=started.session_id, reached_end=True, at=NOW, elapsed_s=120.0)
    facts = closing.closing(uow=uow, catalogue=CATALOGUE, session_id=1, today=NOW.date())
    assert facts.week_breaks == 2 and facts.breaks_text == "2 desk breaks this week"
    assert (
        closing.closing_from([], _entry(NOW.date()), today=NOW.date(), stretches=()).breaks_text
        == ""
    )


@pytest.mark.parametrize(
    ("status", "reason", "heading"),
    [
        (SessionStatus.COMPLETED, None, "Well done"),
        (SessionStatus.STOPPED, StopReason.SKIPPED_MOST, "Your session ended"),
        (SessionStatus.STOPPED, StopReason.PAIN, "Your session ended"),
        (SessionStatus.STOPPED, StopReason.QUIT, "Your session ended"),
    ],
)
def test_the_heading_follows_the_typed_status_in_the_terminal_panel(
    status: SessionStatus, reason: StopReason | None, heading: str
) -> None:
    from dataclasses import replace

    from rich.console import Console

    from unkink.cli.session_view import closing_panel

    entry = replace(_entry(NOW.date(), reason=reason), status=status)
    facts = closing.closing_from([entry], entry, today=NOW.date(), stretches=())
    assert facts.heading == heading
    console = Console(width=80, record=True)
    console.print(closing_panel(facts))
    shown = console.export_text()
    assert heading in shown.splitlines()[0]
    assert ("Well done" in shown) is (status is SessionStatus.COMPLETED)
