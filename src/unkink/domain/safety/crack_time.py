"""When a crack may be logged: one rule for every front end (issue 9), and what ``HH:MM`` means.

Pure: no I/O; ``now`` and the local time zone are passed in. A crack is never in the future
(one minute of grace for a clock that is a little ahead), and never more than a year back (a
typo, not a log). ``HH:MM`` means the last time the clock showed it: today, or yesterday if
that time has not come yet today (23:50 typed at 00:10 is last night).

Times are local wall times, as they are stored. With a zone, "in the future" and "the last
time the clock showed it" are decided on real time, so the clock changes are right: in the
hour that repeats in autumn, 01:45 typed at the second 01:30 is the first 01:45 of today (not
yesterday), and a time the clocks skipped in spring (01:30 when they went from 01:00 to
02:00) is refused. Without a zone (``None``), wall times are compared as they are.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

from unkink.domain.errors import InvalidInput

FUTURE_GRACE = timedelta(minutes=1)
OLDEST = timedelta(days=366)
CLOCK_HELP = (
    "When: HH:MM (the last time the clock showed it: today, or yesterday if that time "
    "is still to come today), or a date and time like 2026-03-02T14:30."
)


class CrackTimeInvalid(InvalidInput):
    """A crack time that is not a time, is in the future, is too long ago, or was skipped."""


def check_crack_time(at: datetime, now: datetime, zone: tzinfo | None = None) -> datetime:
    """The crack time to store (local wall time, to the second), or a plain error."""
    at = at.replace(tzinfo=None, microsecond=0)
    if zone is not None and not _exists(at, zone):
        raise CrackTimeInvalid(
            f"{at:%H:%M} on {at:%Y-%m-%d} never showed on the clock: the clocks went "
            "forward then. Check the time and try again."
        )
    if _real(at, zone) > _real(now, zone) + FUTURE_GRACE:
        raise CrackTimeInvalid(
            f"The crack time {at:%Y-%m-%d %H:%M} is in the future. "
            "Log cracks that already happened."
        )
    if _real(at, zone) < _real(now, zone) - OLDEST:
        raise CrackTimeInvalid(
            f"The crack time {at:%Y-%m-%d %H:%M} is more than a year ago. "
            "Check the date and try again."
        )
    return at


def parse_crack_time(text: str, now: datetime, zone: tzinfo | None = None) -> datetime:
    """``HH:MM`` or an ISO local date and time, checked by ``check_crack_time``."""
    try:
        if len(text) <= 5 and ":" in text:
            when = _last_showing(time.fromisoformat(text.zfill(5)), now, zone)
        else:
            when = _latest_past(datetime.fromisoformat(text).replace(tzinfo=None), now, zone)
    except ValueError:
        raise CrackTimeInvalid(
            f"'{text}' is not a time. Use HH:MM (for example 14:30) "
            "or a date and time like 2026-03-02T14:30."
        ) from None
    return check_crack_time(when, now, zone)


def _last_showing(clock: time, now: datetime, zone: tzinfo | None) -> datetime:
    """The last moment, not in the future, when the clock showed ``clock``: today or yesterday."""
    today = now.date()
    for day in (today, today - timedelta(days=1)):
        found = _showings(day, clock, now, zone)
        if found:
            return found[-1]
        if day == today and zone is not None and not _exists(datetime.combine(day, clock), zone):
            return datetime.combine(day, clock)  # skipped today: check_crack_time says so
    return datetime.combine(today - timedelta(days=1), clock)


def _showings(day: date, clock: time, now: datetime, zone: tzinfo | None) -> list[datetime]:
    """The moments of ``day`` at ``clock`` that are not in the future, earliest first."""
    wall = datetime.combine(day, clock)
    folds = [wall.replace(fold=0), wall.replace(fold=1)] if zone is not None else [wall]
    limit = _real(now, zone) + FUTURE_GRACE
    moments: dict[datetime, datetime] = {}
    for w in folds:
        if zone is None or _exists(w, zone):
            moments.setdefault(_real(w, zone), w)  # one moment, one wall time (fold 0 first)
    return [moments[r] for r in sorted(moments) if r <= limit]


def _latest_past(wall: datetime, now: datetime, zone: tzinfo | None) -> datetime:
    """A typed date and time: in the repeated hour, the later moment unless it is still to come."""
    if zone is None:
        return wall
    found = _showings(wall.date(), wall.time(), now, zone)
    return found[-1] if found else wall


def _exists(wall: datetime, zone: tzinfo) -> bool:
    """False for a wall time the clocks skipped (it does not survive a trip through UTC)."""
    there = wall.replace(tzinfo=zone).astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    return there == wall.replace(fold=0) or there == wall


def _real(wall: datetime, zone: tzinfo | None) -> datetime:
    """A comparable instant: the wall time in UTC with a zone (its ``fold`` picks the pass)."""
    if zone is None:
        return wall.replace(tzinfo=None)
    return wall.replace(tzinfo=zone).astimezone(UTC).replace(tzinfo=None)
