"""What the session repository hands back: plain, typed values (no rows, no SQL).

Pure. The SQL adapter (``storage/session_repo.py``) and the in-memory fake
(``tests/fakes.py``) both return these, so services never see a storage type.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from unkink.domain.session.status import EventKind, Moment, SessionStatus


@dataclass(frozen=True, slots=True)
class SessionRecord:
    id: int
    routine_id: int
    started_at: datetime
    ended_at: datetime | None
    status: SessionStatus
    stop_reason: str | None
    elapsed_s: float
    """Active seconds done (pauses and skipped parts left out)."""
    cue_index: int
    """The next cue not yet shown."""
    helped_most: str | None


@dataclass(frozen=True, slots=True)
class EventRecord:
    id: int
    at: datetime
    kind: EventKind
    exercise_id: str | None
    step: int | None
    planned_s: float | None
    actual_s: float | None
    """For a cue: the timeline offset at which it was shown. Else: the active seconds so far."""
    detail: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class RatingRecord:
    moment: Moment
    stiffness: int | None
    pain: int | None
