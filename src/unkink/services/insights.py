"""What the person's own records say: per stretch, by week, and in two plain sentences.

Reads, in one unit of work, every session as insights see it (``session_points``: when,
where, which stretches, the ratings, how it ended; no whole plans, no history entries), the
crack log, the weekly checks and the goal; then the desk breaks (``breaks_by_day``).
Everything is computed here, locally, and kept for the next read until the records change
(``insights`` says how).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from unkink.domain.insights import wording
from unkink.domain.insights.estimate import LEVEL, MIN_SESSIONS
from unkink.domain.insights.measures import WeeklyCheck
from unkink.domain.insights.records import Goal, SessionPoint
from unkink.domain.insights.stretches import StretchInsight, clear_differences, stretch_insights
from unkink.domain.insights.trends import (
    MAX_WEEKS,
    Change,
    CrackComparison,
    Week,
    before_trend,
    cracks_against_stretching,
    week_start,
    weekly,
    weeks_on_goal,
)

if TYPE_CHECKING:
    from unkink.domain.reminders.days import BreakDay
    from unkink.storage.adapters import AnyUnitOfWork
    from unkink.storage.records import StoredCrack

UowFactory = Callable[[], "AnyUnitOfWork"]
ALL_SESSIONS = 100_000


@dataclass(frozen=True, slots=True)
class Insights:
    headline: tuple[str, ...]
    stretches: tuple[StretchInsight, ...]
    clear_differences: tuple[tuple[str, str], ...]
    weeks: tuple[Week, ...]
    goal: Goal | None
    weeks_on_goal: int | None
    stiffness_trend: Change | None
    pain_trend: Change | None
    cracks: CrackComparison | None
    checks: tuple[WeeklyCheck, ...]
    sessions: int

    @property
    def enough_data(self) -> bool:
        return any(s.stiffness is not None for s in self.stretches)

    def as_dict(self) -> dict[str, Any]:
        return {
            "summary": list(self.headline),
            "enough_data": self.enough_data,
            "method": {
                "model": "normal-inverse-gamma (Bayesian shrinkage toward no change)",
                "interval": f"{LEVEL:.0%} credible interval of the typical change",
                "change": "after minus before, 0-10 scale; below zero means it eased",
                "minimum_sessions": MIN_SESSIONS,
            },
            "sessions": self.sessions,
            "stretches": [s.as_dict() for s in self.stretches],
            "clearly_eased_more": [{"stretch": a, "than": b} for a, b in self.clear_differences],
            "weeks": [w.as_dict() for w in self.weeks],
            "goal": self.goal.as_dict() if self.goal else None,
            "weeks_on_goal": self.weeks_on_goal,
            "cracks_against_stretching": (
                None
                if self.cracks is None
                else {
                    "crack_sessions_a_week_when_stretching_more": round(
                        self.cracks.more_stretching, 2
                    ),
                    "crack_sessions_a_week_when_stretching_less": round(
                        self.cracks.less_stretching, 2
                    ),
                }
            ),
            "weekly_checks": [c.as_dict() for c in self.checks if not c.skipped],
        }


MEMO_SIZE = 8
_memo: dict[tuple[object, ...], Insights] = {}
"""Insights already computed, by what they were computed from (``insights`` says how)."""


def forget() -> None:
    """Empty the memo (tests compare with a fresh computation)."""
    _memo.clear()


def insights(*, uow: UowFactory, today: date, names: Mapping[str, str]) -> Insights:
    """Everything the insights page, ``unkink insights`` and the report show.

    Memoised under the database's ``outcomes.revision()``, which every write that can change
    insights changes: on a SQLite file SQLite's own ``data_version`` (every commit moves it);
    through SQLAlchemy one cheap query (the count and newest id of every table insights read
    that is only ever added to, and each session's updatable columns, exactly). On a miss
    the records are read and the revision read again: only insights whose revision held still
    while they were read are kept (a write in between, even one undone later, never leaves
    them under a revision they do not match)."""
    from unkink.services.reminders import breaks_by_day

    with uow() as u:
        revision = u.outcomes.revision()
        key = (u.profile_id, revision, today, tuple(names.items()))
        found = _memo.get(key)
        if found is not None:
            return found
        since = datetime.combine(today - timedelta(weeks=MAX_WEEKS), time.min)
        points = u.sessions.session_points()
        cracks = u.safety.cracks(since=since, until=datetime.combine(today, time.max))
        checks = u.outcomes.checks()
        goal = u.outcomes.goal()
    breaks = breaks_by_day(uow=uow, today=today, days=MAX_WEEKS * 7)
    found = _compute(points, cracks, checks, goal, breaks, today=today, names=names)
    with uow() as u:
        settled = u.outcomes.revision() == revision
    if settled:
        if len(_memo) >= MEMO_SIZE:
            _memo.clear()  # a few people or days at most; clear() is one step between threads
        _memo[key] = found
    return found


def _compute(
    points: Sequence[SessionPoint],
    cracks: Sequence[StoredCrack],
    checks: Sequence[WeeklyCheck],
    goal: Goal | None,
    breaks: Sequence[BreakDay],
    *,
    today: date,
    names: Mapping[str, str],
) -> Insights:
    from unkink.domain.safety.cracks import group_sessions

    crack_starts = [s.start for s in group_sessions(c.at for c in cracks)]
    answered = [c for c in checks if not c.skipped]
    pain_by_week = {
        week_start(c.recorded_at.date()): c.pain for c in answered if c.pain is not None
    }
    breaks_by_week: dict[date, int] = {}
    for day in breaks:
        week = week_start(day.day)
        breaks_by_week[week] = breaks_by_week.get(week, 0) + day.breaks
    weeks = weekly(
        points,
        crack_starts,
        today=today,
        weekly_pain=pain_by_week,
        weekly_breaks=breaks_by_week,
    )
    stretches = stretch_insights(points)
    stiff, pain = before_trend(weeks, "stiffness"), before_trend(weeks, "pain")
    comparison = cracks_against_stretching(weeks)
    headline = wording.stretch_sentences(stretches, names)
    for sentence in (
        wording.trend_sentence(stiff, "stiffness"),
        wording.trend_sentence(pain, "pain"),
        wording.crack_sentence(comparison),
    ):
        if sentence:
            headline.append(sentence)
    return Insights(
        headline=tuple(headline),
        stretches=tuple(stretches),
        clear_differences=tuple(clear_differences(stretches)),
        weeks=tuple(weeks),
        goal=goal,
        weeks_on_goal=weeks_on_goal(weeks, goal),
        stiffness_trend=stiff,
        pain_trend=pain,
        cracks=comparison,
        checks=tuple(answered),
        sessions=len(points),
    )
