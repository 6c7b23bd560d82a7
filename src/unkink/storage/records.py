"""Plain values the repositories return, shared by both adapters (SQLAlchemy and sqlite3).

Kept apart from the SQLAlchemy modules so the standard-library adapter (``storage/lite``)
can build the same values without importing SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from unkink.domain.safety.pain import PainAction
    from unkink.domain.safety.urgency import Urgency

LOCAL_PROFILE_ID = 1
"""The single local person. The multi-user server will pass its own profile ids."""

DONE_KINDS = ("step", "hold_start")
"""Cue kinds that mean an exercise was actually done (not just announced as next)."""


@dataclass(frozen=True, slots=True)
class StoredScreening:
    taken_at: datetime
    urgency: Urgency
    rules: tuple[str, ...]
    advice: str
    answers: dict[str, Any]
    confirmed: tuple[str, ...] = ()
    """Re-check: fields taken over from last time because the person confirmed them."""


@dataclass(frozen=True, slots=True)
class StoredCrack:
    at: datetime
    region: str | None
    relief: int | None


@dataclass(frozen=True, slots=True)
class PainStop:
    at: datetime
    score: int
    decision: PainAction
    exercise_id: str | None
    session_id: int | None
    answers: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ReminderEventRow:
    id: int
    at: datetime
    kind: str
    reasons: tuple[str, ...]
    sitting_s: float | None
    session_id: int | None
    detail: dict[str, Any] | None


def window_start(latest: datetime, within_days: int) -> datetime:
    """Midnight of the day ``within_days`` days before ``latest``'s day: where
    ``score_points(within_days=...)`` starts, in both adapters."""
    return datetime.combine(latest.date() - timedelta(days=within_days), time.min)
