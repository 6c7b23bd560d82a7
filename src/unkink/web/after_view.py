"""What the closing screen shows: what was done, before → after, this week, the streak, what next.

Plain arithmetic over the service's history entries (newest first); no queries. The terminal
shows the same facts in a panel (``cli/session_view.closing_panel``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from unkink.textfmt import duration_words

if TYPE_CHECKING:
    from unkink.services.sessions import HistoryEntry

DAY_LETTERS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True, slots=True)
class WeekDay:
    label: str
    done: bool
    today: bool


@dataclass(frozen=True, slots=True)
class Closing:
    did: str  # "9 minutes of stretching"
    stretches: tuple[str, ...]
    week: tuple[WeekDay, ...]
    week_sessions: int
    streak_days: int
    next_text: str

    @property
    def week_text(self) -> str:
        n = self.week_sessions
        return f"{n} {'session' if n == 1 else 'sessions'} this week"

    @property
    def streak_text(self) -> str:
        n = self.streak_days
        if n <= 1:
            return "Day one of a new streak. Come back tomorrow to make it two."
        return f"{n} days in a row"


def _counts(entry: HistoryEntry) -> bool:
    """A session counts for the week and the streak once some stretching was done."""
    return entry.done_s > 0


def closing(
    entries: Sequence[HistoryEntry],
    entry: HistoryEntry,
    *,
    today: date,
    names: Mapping[str, str],
    done: Sequence[str] | None = None,
) -> Closing:
    days = {e.started_at.date() for e in entries if _counts(e)}
    if _counts(entry):
        days.add(entry.started_at.date())
    monday = today - timedelta(days=today.weekday())
    week = tuple(
        WeekDay(
            DAY_LETTERS[k], monday + timedelta(days=k) in days, monday + timedelta(days=k) == today
        )
        for k in range(7)
    )
    week_sessions = sum(1 for e in entries if _counts(e) and monday <= e.started_at.date() <= today)
    streak, day = 0, today
    while day in days:
        streak, day = streak + 1, day - timedelta(days=1)
    ids = done if done is not None else entry.exercises
    stretches = tuple(names.get(x, x) for x in dict.fromkeys(ids))
    if entry.stop_reason == "pain":
        next_text = "Rest today. If the pain does not settle, see a GP or physiotherapist."
    else:
        next_text = (
            "Tomorrow unkink asks how your back felt the morning after. "
            "A few minutes most days helps more than a long session now and then."
        )
    return Closing(
        did=f"{duration_words(entry.done_s)} of stretching",
        stretches=stretches,
        week=week,
        week_sessions=week_sessions,
        streak_days=streak,
        next_text=next_text,
    )


def before_after_text(entry: HistoryEntry) -> str:
    """``"stiffness 6 → 3, pain 4 → 2"``; empty when nothing was rated."""
    parts = []
    for word, b, a in (
        ("stiffness", entry.before[0], entry.after[0]),
        ("pain", entry.before[1], entry.after[1]),
    ):
        if b is not None or a is not None:
            parts.append(f"{word} {'–' if b is None else b} → {'–' if a is None else a}")
    return ", ".join(parts)
