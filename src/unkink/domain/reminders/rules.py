"""The person's reminder settings as a value, and when they apply (work hours, pauses).

Pure: the daemon passes the local wall time in; nothing here reads a clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from unkink.domain.errors import InvalidInput

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class BadReminderSetting(InvalidInput):
    pass


@dataclass(frozen=True, slots=True)
class ReminderRules:
    """When to remind. Defaults: a 2-minute chair routine after 45 active minutes, Mon-Fri
    09:00-18:00, at most two snoozes of 10 minutes in a row (docs/reminders.md says why)."""

    every_s: float = 45 * 60
    break_s: float = 120
    snooze_s: float = 10 * 60
    max_snoozes: int = 2
    work_days: frozenset[int] = field(default_factory=lambda: frozenset(range(5)))
    work_start: time = time(9, 0)
    work_end: time = time(18, 0)
    any_time: bool = False
    """Ignore work hours (``unkink remind run --every``, for tests and demos)."""
    recheck_s: float = 60
    """How soon to look again while a break is put off (a call, do-not-disturb)."""
    longest_sleep_s: float = 300
    """The longest the daemon sleeps between looks, when nothing else is due sooner."""
    shortest_sleep_s: float = 5
    """Never wake more often than this: no busy polling."""

    def __post_init__(self) -> None:
        if not 10 <= self.every_s <= 24 * 3600 and not self.any_time:
            raise BadReminderSetting("The break interval must be from 10 seconds to 24 hours.")
        if self.every_s <= 0 or self.break_s <= 0 or self.snooze_s <= 0:
            raise BadReminderSetting("Reminder times must be more than zero.")
        if self.max_snoozes < 0:
            raise BadReminderSetting("The number of snoozes in a row cannot be below zero.")
        if self.work_start >= self.work_end:
            raise BadReminderSetting("Work hours must start before they end, as in 09:00-18:00.")

    def at_work(self, now: datetime) -> bool:
        if self.any_time:
            return True
        return now.weekday() in self.work_days and self.work_start <= now.time() < self.work_end


@dataclass(frozen=True, slots=True)
class Pauses:
    """What the person asked for: ``pause 1h`` (until a time) and "not today" (a date)."""

    until: datetime | None = None
    not_on: date | None = None

    def active(self, now: datetime) -> bool:
        return (self.until is not None and now < self.until) or self.not_on == now.date()


def parse_days(text: str) -> frozenset[int]:
    """``mon-fri``, ``mon,wed,fri`` or ``sat-sun`` -> weekday numbers (Monday is 0)."""
    days: set[int] = set()
    for part in text.lower().replace(" ", "").split(","):
        first, _, last = part.partition("-")
        try:
            a = WEEKDAYS.index(first[:3])
            b = WEEKDAYS.index(last[:3]) if last else a
        except ValueError:
            raise BadReminderSetting(
                f"'{part}' is not a day or a range of days. Use for example mon-fri or mon,wed."
            ) from None
        days.update(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
    return frozenset(days)


def parse_hours(text: str) -> tuple[time, time]:
    """``09:00-18:00`` -> (09:00, 18:00)."""
    try:
        start, end = (time.fromisoformat(p.strip()) for p in text.split("-"))
    except ValueError:
        raise BadReminderSetting(
            f"'{text}' is not a span of hours. Use for example 09:00-18:00."
        ) from None
    if start >= end:
        raise BadReminderSetting("Work hours must start before they end, as in 09:00-18:00.")
    return start, end


def parse_duration(text: str) -> float:
    """``90s``, ``10m``, ``1h``, ``1h30m`` or a number of minutes -> seconds."""
    text = text.strip().lower()
    if text.replace(".", "", 1).isdigit():
        return float(text) * 60
    total, number = 0.0, ""
    units = {"s": 1, "m": 60, "h": 3600}
    for char in text:
        if char.isdigit() or char == ".":
            number += char
        elif char in units and number:
            total += float(number) * units[char]
            number = ""
        else:
            number = "x"
            break
    if number or total <= 0:
        raise BadReminderSetting(f"'{text}' is not a length of time. Use for example 1h or 30m.")
    return total
