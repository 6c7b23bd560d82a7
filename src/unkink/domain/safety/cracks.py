"""The self-crack log rule (safety evidence §6), on the local clock.

Pure: no I/O. Steps, as numbered in §6:
(1) sort the cracks; a crack >= 30 min after the current session's *first* crack starts a new
    session, otherwise it joins it; a session belongs to the day it starts.
(2) multi day = >= 2 sessions that day; repetitive day = >= 3 consecutive sessions of that day
    with each gap <= 4 h (gap = start to start).
(3) repetitive_stress if >= 2 repetitive days fall within any 7 consecutive days; else frequent
    if there is any repetitive day, or >= 2 multi days within any 7 consecutive days; else fine.
The thresholds encode the guide's opinion as a nudge, not a medical finding (§6).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from unkink.domain.errors import InvalidInput

SESSION_MERGE = timedelta(minutes=30)
REPETITIVE_GAP = timedelta(hours=4)
REPETITIVE_RUN = 3
WINDOW_DAYS = 7


class CrackStatus(StrEnum):
    FINE = "fine"
    FREQUENT = "frequent"
    REPETITIVE_STRESS = "repetitive_stress"


@dataclass(frozen=True, slots=True)
class CrackSession:
    cracks: tuple[datetime, ...]

    @property
    def start(self) -> datetime:
        return self.cracks[0]

    @property
    def day(self) -> date:
        return self.start.date()


@dataclass(frozen=True, slots=True)
class CrackDay:
    day: date
    sessions: int
    multi: bool
    repetitive: bool


FREQUENT_MESSAGE = (
    "You have been cracking your back several times a day. "
    "Try the stretches instead of forcing a pop. "
    "Getting up from your chair more often may help too. "
    "If this keeps going, a physiotherapist can check your back."
)
REPETITIVE_MESSAGE = (
    "You have been cracking your back every few hours on more than one day. "
    "That can be a sign of strain. "
    "It is not urgent, but a doctor or physiotherapist could check your back. "
    "You can also answer the safety questions with 'unkink check'."
)
NECK_WARNING = (
    "unkink never coaches neck cracking. "
    "Get help at once if you feel dizzy, see double, slur your words, "
    "find it hard to swallow, suddenly fall, feel numb in your face, "
    "or get a sudden, very bad headache or neck pain. "
    "Call emergency services if any of these happen."
)
NECK_REMINDER = (
    "You logged neck cracks. unkink never coaches neck cracking. "
    "The stretches are a gentler choice."
)
MESSAGES = {
    CrackStatus.FINE: "",
    CrackStatus.FREQUENT: FREQUENT_MESSAGE,
    CrackStatus.REPETITIVE_STRESS: REPETITIVE_MESSAGE,
}


@dataclass(frozen=True, slots=True)
class CrackReport:
    status: CrackStatus
    sessions: tuple[CrackSession, ...]
    days: tuple[CrackDay, ...]

    @property
    def message(self) -> str:
        return MESSAGES[self.status]

    def to_json(self) -> dict[str, object]:
        return {
            "status": str(self.status),
            "sessions": [
                {
                    "start": s.start.isoformat(),
                    "day": s.day.isoformat(),
                    "cracks": len(s.cracks),
                }
                for s in self.sessions
            ],
            "days": [
                {
                    "date": d.day.isoformat(),
                    "sessions": d.sessions,
                    "multi": d.multi,
                    "repetitive": d.repetitive,
                }
                for d in self.days
            ],
        }


def group_sessions(times: Iterable[datetime]) -> tuple[CrackSession, ...]:
    """Step 1: sessions, each opened by a crack >= 30 min after the previous session's first."""
    groups: list[list[datetime]] = []
    for t in sorted(times):
        if groups and t - groups[-1][0] < SESSION_MERGE:
            groups[-1].append(t)
        else:
            groups.append([t])
    return tuple(CrackSession(tuple(g)) for g in groups)


def _repetitive(starts: Sequence[datetime]) -> bool:
    run = 1
    for earlier, later in zip(starts, starts[1:], strict=False):
        run = run + 1 if later - earlier <= REPETITIVE_GAP else 1
        if run >= REPETITIVE_RUN:
            return True
    return False


def classify_days(sessions: Sequence[CrackSession]) -> tuple[CrackDay, ...]:
    """Step 2: per day with any session, is it a multi day and a repetitive day."""
    by_day: dict[date, list[datetime]] = {}
    for s in sessions:
        by_day.setdefault(s.day, []).append(s.start)
    return tuple(
        CrackDay(day, len(starts), len(starts) >= 2, _repetitive(sorted(starts)))
        for day, starts in sorted(by_day.items())
    )


def _two_within_window(days: Sequence[date]) -> bool:
    ordered = sorted(days)
    return any((b - a).days < WINDOW_DAYS for a, b in zip(ordered, ordered[1:], strict=False))


def crack_status(times: Iterable[datetime]) -> CrackReport:
    """Steps 1-3 over local wall times (naive datetimes)."""
    sessions = group_sessions(times)
    days = classify_days(sessions)
    repetitive = [d.day for d in days if d.repetitive]
    multi = [d.day for d in days if d.multi]
    if _two_within_window(repetitive):
        status = CrackStatus.REPETITIVE_STRESS
    elif repetitive or _two_within_window(multi):
        status = CrackStatus.FREQUENT
    else:
        status = CrackStatus.FINE
    return CrackReport(status, sessions, days)


def crack_texts() -> tuple[str, ...]:
    """Every fixed user-facing string of this module (for the wording tests)."""
    return (FREQUENT_MESSAGE, REPETITIVE_MESSAGE, NECK_WARNING, NECK_REMINDER)


class InvalidCrackEvents(InvalidInput):
    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        super().__init__(f"Crack events '{field}': {problem}")


EVENT_FIELDS = ("timestamps", "period_start", "period_end")


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?\Z")


def _local_time(field: str, raw: object, *, end_of_day: bool = False) -> datetime:
    """ISO local time. Decision: a time zone offset, if given, is dropped (wall time is kept)."""
    if not isinstance(raw, str):
        raise InvalidCrackEvents(field, f"got {raw!r}; use an ISO time like 2026-03-02T08:15")
    if not _ISO.match(raw.strip()):  # "20260302" parses in Python 3.11, but is not what we say
        raise InvalidCrackEvents(
            field, f"{raw[:40]!r} is not an ISO time; use one like 2026-03-02T08:15"
        )
    try:
        parsed = datetime.fromisoformat(raw)
    except ValueError:
        raise InvalidCrackEvents(
            field, f"{raw!r} is not an ISO time; use one like 2026-03-02T08:15"
        ) from None
    if end_of_day and len(raw.strip()) == 10:  # a bare date: the whole of that day
        parsed = datetime.combine(parsed.date(), datetime.max.time())
    return parsed.replace(tzinfo=None)


def parse_crack_events(raw: object) -> list[datetime]:
    """``{"timestamps": [...], "period_start"?, "period_end"?}`` -> the times inside the period."""
    if not isinstance(raw, Mapping):
        raise InvalidCrackEvents("(whole file)", 'expected an object like {"timestamps": [...]}')
    unknown = sorted(set(raw) - set(EVENT_FIELDS))
    if unknown:
        raise InvalidCrackEvents(unknown[0], f"not a known field; use: {', '.join(EVENT_FIELDS)}")
    stamps = raw.get("timestamps")
    if not isinstance(stamps, list):
        raise InvalidCrackEvents("timestamps", "required: a list of ISO local times")
    times = [_local_time(f"timestamps[{i}]", t) for i, t in enumerate(stamps)]
    start = raw.get("period_start")
    end = raw.get("period_end")
    low = _local_time("period_start", start) if start is not None else datetime.min
    high = _local_time("period_end", end, end_of_day=True) if end is not None else datetime.max
    if low > high:
        raise InvalidCrackEvents("period_start", "is after period_end")
    return [t for t in times if low <= t <= high]
