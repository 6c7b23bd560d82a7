"""When a crack may be logged: one rule for every front end (issue 9), and what ``HH:MM`` means.

Pure: no I/O; ``now`` is passed in. A crack is never in the future (one minute of grace for a
clock that is a little ahead), and never more than a year back (a typo, not a log).
``HH:MM`` means the last time the clock showed it: today, or yesterday if that time has not
come yet today (23:50 typed at 00:10 is last night).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from unkink.domain.errors import InvalidInput

FUTURE_GRACE = timedelta(minutes=1)
OLDEST = timedelta(days=366)
CLOCK_HELP = (
    "When: HH:MM (the last time the clock showed it: today, or yesterday if that time "
    "is still to come today), or a date and time like 2026-03-02T14:30."
)


class CrackTimeInvalid(InvalidInput):
    """A crack time that is not a time, is in the future, or is too long ago."""


def check_crack_time(at: datetime, now: datetime) -> datetime:
    """The crack time to store (to the second), or a plain error."""
    at = at.replace(tzinfo=None, microsecond=0)
    if at > now + FUTURE_GRACE:
        raise CrackTimeInvalid(
            f"The crack time {at:%Y-%m-%d %H:%M} is in the future. "
            "Log cracks that already happened."
        )
    if at < now - OLDEST:
        raise CrackTimeInvalid(
            f"The crack time {at:%Y-%m-%d %H:%M} is more than a year ago. "
            "Check the date and try again."
        )
    return at


def parse_crack_time(text: str, now: datetime) -> datetime:
    """``HH:MM`` or an ISO local date and time, checked by ``check_crack_time``."""
    try:
        if len(text) <= 5 and ":" in text:
            when = datetime.combine(now.date(), time.fromisoformat(text.zfill(5)))
            if when > now + FUTURE_GRACE:
                when -= timedelta(days=1)
        else:
            when = datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        raise CrackTimeInvalid(
            f"'{text}' is not a time. Use HH:MM (for example 14:30) "
            "or a date and time like 2026-03-02T14:30."
        ) from None
    return check_crack_time(when, now)
