"""Weekly trends: ratings before sessions, sessions and desk breaks against the goal, cracks.

Weeks start on Monday (local time). Crack frequency is set beside stretching to be looked at,
never read as cause: the sentence about it says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import mean, median

from unkink.domain.insights.records import Goal, SessionPoint

MAX_WEEKS = 12
MIN_WEEKS_FOR_TREND = 3
"""A change between the first and the last weeks needs at least three weeks with ratings."""


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True, slots=True)
class Week:
    start: date
    sessions: int
    desk_breaks: int
    stiffness_before: float | None
    pain_before: float | None
    crack_sessions: int
    weekly_pain: int | None = None  # the weekly 0-10 pain rating, if given that week

    def as_dict(self) -> dict[str, object]:
        return {
            "week_of": self.start.isoformat(),
            "sessions": self.sessions,
            "desk_breaks": self.desk_breaks,
            "stiffness_before": _r(self.stiffness_before),
            "pain_before": _r(self.pain_before),
            "crack_sessions": self.crack_sessions,
            "weekly_pain": self.weekly_pain,
        }


def _r(v: float | None) -> float | None:
    return None if v is None else round(v, 1)


def weekly(
    points: Sequence[SessionPoint],
    crack_starts: Sequence[datetime],
    *,
    today: date,
    weekly_pain: dict[date, int] | None = None,
    weekly_breaks: dict[date, int] | None = None,
) -> list[Week]:
    """From the first week with data (at most ``MAX_WEEKS`` back) to this week, oldest first.

    ``weekly_breaks``: desk breaks by week start, as the reminder counts them
    (``BreakDay.breaks``: routines started from a reminder and time away), the one definition
    the closing screen and history use too."""
    weekly_pain = weekly_pain or {}
    weekly_breaks = weekly_breaks or {}
    days = [p.started_at.date() for p in points] + [c.date() for c in crack_starts]
    days += list(weekly_pain) + [d for d, n in weekly_breaks.items() if n]
    this_week = week_start(today)
    if not days:
        return []
    first = max(week_start(min(days)), this_week - timedelta(weeks=MAX_WEEKS - 1))
    by_week: dict[date, list[SessionPoint]] = {}
    for p in points:  # one pass, in the given order, over the weeks shown only
        if (day := p.started_at.date()) >= first:
            by_week.setdefault(week_start(day), []).append(p)
    cracks_by_week: dict[date, int] = {}
    for c in crack_starts:
        week = week_start(c.date())
        cracks_by_week[week] = cracks_by_week.get(week, 0) + 1
    weeks = []
    start = first
    while start <= this_week:
        held = by_week.get(start, [])
        stiff = [p.before[0] for p in held if p.before[0] is not None]
        pain = [p.before[1] for p in held if p.before[1] is not None]
        weeks.append(
            Week(
                start=start,
                sessions=len(held),
                desk_breaks=weekly_breaks.get(start, 0),
                stiffness_before=mean(stiff) if stiff else None,
                pain_before=mean(pain) if pain else None,
                crack_sessions=cracks_by_week.get(start, 0),
                weekly_pain=weekly_pain.get(start),
            )
        )
        start += timedelta(days=7)
    return weeks


@dataclass(frozen=True, slots=True)
class Change:
    first: float
    last: float


def before_trend(weeks: Sequence[Week], which: str) -> Change | None:
    """Stiffness (or pain) before sessions: the first two rated weeks against the last two."""
    values = [v for w in weeks if (v := getattr(w, f"{which}_before")) is not None]
    if len(values) < MIN_WEEKS_FOR_TREND:
        return None
    k = 2 if len(values) >= 4 else 1
    return Change(mean(values[:k]), mean(values[-k:]))


def weeks_on_goal(weeks: Sequence[Week], goal: Goal | None) -> int | None:
    """Finished weeks (all but this one) that reached the sessions goal."""
    if goal is None:
        return None
    return sum(1 for w in weeks[:-1] if w.sessions >= goal.sessions_per_week)


@dataclass(frozen=True, slots=True)
class CrackComparison:
    """Crack sessions a week, in weeks with more stretching and in weeks with less."""

    more_stretching: float
    less_stretching: float


def cracks_against_stretching(weeks: Sequence[Week]) -> CrackComparison | None:
    """Needs four finished weeks (this unfinished week is left out), some cracks, and weeks
    that differ in how much stretching was done."""
    weeks = weeks[:-1]
    if len(weeks) < 4 or not any(w.crack_sessions for w in weeks):
        return None
    middle = median(w.sessions for w in weeks)
    more = [w.crack_sessions for w in weeks if w.sessions > middle]
    less = [w.crack_sessions for w in weeks if w.sessions <= middle]
    if not more or not less:
        return None
    return CrackComparison(mean(more), mean(less))
