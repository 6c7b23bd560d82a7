"""The end of a session, for both front ends: the stretches done (what "Which stretch helped
most?" may list) and the closing facts (what was done, before → after, this week, the streak,
what is next). The web's closing page and the terminal's closing panel only draw them.

A stretch counts as done once one of its steps, holds or side switches was shown: the players
store each cue before showing it, so the stored cues are the record (resumed sessions too).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from unkink.domain.session.status import EventKind, SessionStatus, StopReason
from unkink.services.session_guard import SessionNotFound
from unkink.services.session_history import HistoryEntry, history, history_entry
from unkink.textfmt import counted

if TYPE_CHECKING:
    from unkink.domain.exercises import Catalogue
    from unkink.domain.reminders.days import BreakDay
    from unkink.services.ports import UowFactory

DONE_CUES = frozenset({EventKind.STEP, EventKind.HOLD_START, EventKind.SIDE_SWITCH})
"""A stored cue of one of these kinds means its stretch was done (not only announced)."""
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKS_LOOKED_AT = 60
"""Sessions read for the week and the streak (newest first)."""


HEADINGS = {
    SessionStatus.COMPLETED: "Well done",
    SessionStatus.STOPPED: "Your session ended",
    SessionStatus.RUNNING: "End your session",
}
"""The closing heading by status: a stopped session (pain, quit, most of it skipped) is not
praised as done."""


@dataclass(frozen=True, slots=True)
class Stretch:
    exercise_id: str
    name: str


@dataclass(frozen=True, slots=True)
class WeekDay:
    label: str
    done: bool
    today: bool


@dataclass(frozen=True, slots=True)
class Closing:
    entry: HistoryEntry
    stretches: tuple[Stretch, ...]
    """The stretches done, in the routine's order."""
    week: tuple[WeekDay, ...]
    week_sessions: int
    streak_days: int
    rest_today: bool
    """The session ended for pain: the next thing is rest, not another session."""
    week_breaks: int = 0
    """Desk breaks taken since Monday ('unkink remind'; ``BreakDay.breaks``)."""

    @property
    def heading(self) -> str:
        """Chosen by the typed status: "Well done" only for a routine played to its end."""
        return HEADINGS[self.entry.status]

    @property
    def done_s(self) -> float:
        return self.entry.done_s

    @property
    def week_text(self) -> str:
        n = self.week_sessions
        return f"{n} {'session' if n == 1 else 'sessions'} this week"

    @property
    def breaks_text(self) -> str:
        """``"3 desk breaks this week"``; empty when none were taken."""
        n = self.week_breaks
        return f"{counted(n, 'desk break')} this week" if n else ""

    @property
    def streak_text(self) -> str:
        n = self.streak_days
        if n <= 1:
            return "Day one of a new streak. Come back tomorrow to make it two."
        return f"{n} days in a row"

    @property
    def next_text(self) -> str:
        if self.rest_today:
            return "Rest today. If the pain does not settle, see a GP or physiotherapist."
        return (
            "Tomorrow unkink asks how your back felt the morning after. "
            "A few minutes most days helps more than a long session now and then."
        )

    @property
    def before_after_text(self) -> str:
        """``"stiffness 6 → 3, pain 4 → 2"``; empty when nothing was rated."""
        return before_after_text(self.entry)


def stretches_done(*, uow: UowFactory, catalogue: Catalogue, session_id: int) -> list[Stretch]:
    """The stretches of this session that were done, in the routine's order."""
    entry = history_entry(uow=uow, session_id=session_id)
    return list(_done(uow, catalogue, entry))


def closing(*, uow: UowFactory, catalogue: Catalogue, session_id: int, today: date) -> Closing:
    """What the closing screen and panel show for this session."""
    from unkink.services.reminders import breaks_by_day

    entry = history_entry(uow=uow, session_id=session_id)
    return closing_from(
        history(uow=uow, limit=WEEKS_LOOKED_AT),
        entry,
        today=today,
        stretches=_done(uow, catalogue, entry),
        break_days=breaks_by_day(uow=uow, today=today, days=today.weekday() + 1),
    )


def closing_from(
    entries: Sequence[HistoryEntry],
    entry: HistoryEntry,
    *,
    today: date,
    stretches: Sequence[Stretch],
    break_days: Sequence[BreakDay] = (),
) -> Closing:
    """The arithmetic of ``closing``: ``entries`` newest first, ``entry`` the session,
    ``break_days`` the reminder records' days."""
    days = {e.started_at.date() for e in entries if e.done_s > 0}
    if entry.done_s > 0:
        days.add(entry.started_at.date())
    monday = today - timedelta(days=today.weekday())
    week = tuple(
        WeekDay(
            DAY_NAMES[k], monday + timedelta(days=k) in days, monday + timedelta(days=k) == today
        )
        for k in range(7)
    )
    week_sessions = sum(
        1 for e in entries if e.done_s > 0 and monday <= e.started_at.date() <= today
    )
    streak, day = 0, today
    while day in days:
        streak, day = streak + 1, day - timedelta(days=1)
    return Closing(
        entry=entry,
        stretches=tuple(stretches),
        week=week,
        week_sessions=week_sessions,
        streak_days=streak,
        rest_today=entry.stop_reason == StopReason.PAIN,
        week_breaks=sum(d.breaks for d in break_days if monday <= d.day <= today),
    )


def before_after_text(entry: HistoryEntry) -> str:
    parts = []
    for word, b, a in (
        ("stiffness", entry.before[0], entry.after[0]),
        ("pain", entry.before[1], entry.after[1]),
    ):
        if b is not None or a is not None:
            parts.append(f"{word} {'–' if b is None else b} → {'–' if a is None else a}")
    return ", ".join(parts)


def _done(uow: UowFactory, catalogue: Catalogue, entry: HistoryEntry) -> tuple[Stretch, ...]:
    with uow() as u:
        if u.sessions.find_session(entry.session_id) is None:
            raise SessionNotFound(entry.session_id)
        shown = {e.exercise_id for e in u.sessions.events(entry.session_id) if e.kind in DONE_CUES}
    names = {e.id: e.name for e in catalogue}
    return tuple(Stretch(x, names.get(x, x)) for x in dict.fromkeys(entry.exercises) if x in shown)
