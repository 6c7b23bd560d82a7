"""Weekly outcome measures (pain 0-10 and the PSFS) and the weekly goal.

Uow-factory style: each function takes ``uow=app.uow``, opens its own unit of work and commits.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from unkink.domain.insights.measures import (
    InvalidMeasure,
    WeeklyCheck,
    check_score,
    clean_activities,
    is_due,
)
from unkink.domain.insights.records import Goal

if TYPE_CHECKING:
    from unkink.storage.adapters import AnyUnitOfWork

UowFactory = Callable[[], "AnyUnitOfWork"]


def checks(*, uow: UowFactory) -> list[WeeklyCheck]:
    """Every weekly check, oldest first (skipped ones included)."""
    with uow() as u:
        return u.outcomes.checks()


def is_measure_due(*, uow: UowFactory, now: datetime) -> bool:
    """At most weekly: has a week passed since the last check, answered or skipped?"""
    found = checks(uow=uow)
    return is_due(found[-1].recorded_at if found else None, now=now)


def current_activities(*, uow: UowFactory) -> tuple[str, ...]:
    """The PSFS activities of the latest answered check, to ask about again."""
    for check in reversed(checks(uow=uow)):
        if check.scores:
            return tuple(check.scores)
    return ()


def record_measures(
    *, uow: UowFactory, now: datetime, pain: int | None, scores: Mapping[str, int]
) -> WeeklyCheck:
    """Store this week's answers: pain 0-10 (or None) and up to three PSFS activity scores."""
    check_score("Pain", pain)
    names = clean_activities(list(scores))
    cleaned = {" ".join(k.split()): v for k, v in scores.items() if k.strip()}
    for name in names:
        check_score(f"The score for '{name}'", cleaned[name])
    if pain is None and not cleaned:
        raise InvalidMeasure("Give a pain rating or at least one activity score, or skip.")
    with uow() as u:
        u.ensure_profile(now=now)
        u.outcomes.add_check(at=now, pain=pain, scores=cleaned, skipped=False)
        u.commit()
    return WeeklyCheck(now, pain, cleaned)


def skip_measures(*, uow: UowFactory, now: datetime) -> None:
    """Skipping counts as asked: the question comes back in a week."""
    with uow() as u:
        u.ensure_profile(now=now)
        u.outcomes.add_check(at=now, pain=None, scores={}, skipped=True)
        u.commit()


def set_goal(*, uow: UowFactory, now: datetime, sessions: int, desk_breaks: int | None) -> Goal:
    if not 0 <= sessions <= 50:
        raise InvalidMeasure("Sessions a week must be from 0 to 50.")
    if desk_breaks is not None and not 0 <= desk_breaks <= 100:
        raise InvalidMeasure("Desk breaks a week must be from 0 to 100.")
    with uow() as u:
        u.ensure_profile(now=now)
        u.outcomes.set_goal(at=now, sessions=sessions, desk_breaks=desk_breaks)
        u.commit()
    return Goal(sessions, desk_breaks, now.date())


def goal(*, uow: UowFactory) -> Goal | None:
    with uow() as u:
        return u.outcomes.goal()
