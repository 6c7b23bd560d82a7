"""Reminder records summed up per day: breaks taken and the longest unbroken sitting stretch."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

EVENT_KINDS = ("notified", "started", "snoozed", "skipped", "deferred", "away", "paused")
"""What the daemon records. ``away``: idle long enough to count as a break."""


@dataclass(frozen=True, slots=True)
class ReminderRecord:
    at: datetime
    kind: str
    sitting_s: float | None = None


@dataclass(frozen=True, slots=True)
class BreakDay:
    day: date
    offered: int
    routines: int
    """Reminders answered with Start: a chair routine."""
    away: int
    """Breaks taken by being away from the keyboard long enough."""
    snoozed: int
    skipped: int
    deferred: int
    longest_sitting_s: float

    @property
    def breaks(self) -> int:
        return self.routines + self.away

    def as_dict(self) -> dict[str, object]:
        return {
            "day": self.day.isoformat(),
            "breaks": self.breaks,
            "routines": self.routines,
            "away": self.away,
            "offered": self.offered,
            "snoozed": self.snoozed,
            "skipped": self.skipped,
            "deferred": self.deferred,
            "longest_sitting_minutes": round(self.longest_sitting_s / 60),
        }


def break_days(records: Iterable[ReminderRecord]) -> list[BreakDay]:
    """One entry per day with any record, newest first."""
    counts: dict[date, dict[str, int]] = {}
    longest: dict[date, float] = {}
    for record in records:
        day = record.at.date()
        kinds = counts.setdefault(day, dict.fromkeys(EVENT_KINDS, 0))
        kinds[record.kind] = kinds.get(record.kind, 0) + 1
        if record.sitting_s is not None:
            longest[day] = max(longest.get(day, 0.0), record.sitting_s)
    return [
        BreakDay(
            day=day,
            offered=kinds["notified"],
            routines=kinds["started"],
            away=kinds["away"],
            snoozed=kinds["snoozed"],
            skipped=kinds["skipped"],
            deferred=kinds["deferred"],
            longest_sitting_s=longest.get(day, 0.0),
        )
        for day, kinds in sorted(counts.items(), reverse=True)
    ]


def minutes_words(seconds: float) -> str:
    """``1 h 20 min`` / ``45 min``: how long, for people."""
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"
