"""Reminder records per day: breaks taken and the longest unbroken sitting stretch."""

from __future__ import annotations

from datetime import date, datetime

from unkink.domain.reminders.days import ReminderRecord, break_days, minutes_words


def test_breaks_are_counted_per_day_newest_first() -> None:
    records = [
        ReminderRecord(datetime(2026, 3, 2, 9, 45), "notified", 2700),
        ReminderRecord(datetime(2026, 3, 2, 9, 46), "started", 2760),
        ReminderRecord(datetime(2026, 3, 2, 11, 0), "away", 4200),
        ReminderRecord(datetime(2026, 3, 2, 12, 0), "snoozed", 1800),
        ReminderRecord(datetime(2026, 3, 3, 10, 0), "deferred", 2700),
        ReminderRecord(datetime(2026, 3, 3, 10, 5), "skipped", 3000),
    ]
    monday, tuesday = reversed(break_days(records))
    assert (monday.day, monday.breaks, monday.routines, monday.away) == (date(2026, 3, 2), 2, 1, 1)
    assert monday.offered == 1 and monday.snoozed == 1
    assert monday.longest_sitting_s == 4200
    assert (tuesday.breaks, tuesday.deferred, tuesday.skipped) == (0, 1, 1)
    assert tuesday.as_dict()["longest_sitting_minutes"] == 50


def test_no_records_no_days() -> None:
    assert break_days([]) == []


def test_minutes_read_as_hours_and_minutes() -> None:
    assert minutes_words(45 * 60) == "45 min"
    assert minutes_words(3600) == "1 h"
    assert minutes_words(80 * 60) == "1 h 20 min"
