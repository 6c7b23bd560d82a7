"""What a session is, what happened in it, and how it ended: typed values, one rule each.

Pure. The records at the end are what the session repository hands back (the SQL adapter
and the in-memory fake alike), so services never see a storage type.

Every front end (terminal, browser, reminder) gets these from the services and stores
them through the repositories, so no one decides by a sentence or a free-form string.

Decisions (docs/sessions.md):
- ``elapsed_s`` ("minutes done") is *active* seconds: time the routine was playing, pauses
  left out, skipped parts left out. It can never be more than the routine's length (plus a
  little slack for a cue that came late); the time paused is the rest of the wall time.
- A cue's ``actual_s`` is the *timeline offset* at which it was shown: its planned offset
  plus how late it came. ``actual_s - planned_s`` is its lateness, from any front end.
- A session that reached its end is ``completed`` only if at least half of the routine was
  done; when most of it was skipped it is ``stopped`` with the reason ``skipped_most``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from unkink.domain.errors import InvalidInput

if TYPE_CHECKING:
    from unkink.domain.session.timeline import CueKind

DONE_SHARE_FOR_COMPLETED = 0.5
"""Decision: at least half of the planned seconds done, or the session is not 'completed'."""

LATE_SLACK_S = 5.0
"""How far past the routine's length a stored position or elapsed time may go (late cues)."""


class SessionStatus(StrEnum):
    RUNNING = "running"
    """Started and not ended: ``unkink start --resume`` or the player page carry it on."""
    COMPLETED = "completed"
    """Played to its end with at least half of the routine done."""
    STOPPED = "stopped"
    """Ended early (quit, pain, replaced by a new session) or with most of it skipped."""

    @property
    def ended(self) -> bool:
        return self is not SessionStatus.RUNNING


class StopReason(StrEnum):
    QUIT = "quit"
    PAIN = "pain"
    SKIPPED_MOST = "skipped_most"
    SKIPPED_ALL = "skipped_all"  # older browsers sent this; read as skipped_most
    NOT_RESUMED = "not_resumed"
    STOPPED = "stopped"


class EventKind(StrEnum):
    """Everything a session log records: the cue kinds, then what the person did."""

    GET_READY = "get_ready"
    STEP = "step"
    HOLD_START = "hold_start"
    COUNTDOWN = "countdown"
    SIDE_SWITCH = "side_switch"
    REST = "rest"
    NEXT_UP = "next_up"
    DONE = "done"
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    SKIP_STEP = "skip_step"
    SKIP_EXERCISE = "skip_exercise"
    RESUME_SESSION = "resume_session"
    THIS_HURTS = "this_hurts"
    PAIN = "pain"
    QUIT = "quit"
    SAVED = "saved"
    COMPLETED = "completed"
    STOPPED = "stopped"

    @classmethod
    def for_cue(cls, kind: CueKind) -> EventKind:
        return cls(str(kind))


class Moment(StrEnum):
    BEFORE = "before"
    AFTER = "after"
    NEXT_MORNING = "next_morning"


def end_status(
    *, reached_end: bool, done_s: float, planned_s: float, reason: StopReason | None
) -> tuple[SessionStatus, StopReason | None]:
    """How a session ends: the one status rule for every front end."""
    if not reached_end:
        return SessionStatus.STOPPED, reason or StopReason.QUIT
    if planned_s > 0 and done_s < DONE_SHARE_FOR_COMPLETED * planned_s:
        return SessionStatus.STOPPED, StopReason.SKIPPED_MOST
    return SessionStatus.COMPLETED, None


def rating_allowed(moment: Moment, status: SessionStatus) -> bool:
    """'Before' belongs to a running session; 'after' and 'next morning' to an ended one."""
    if moment is Moment.BEFORE:
        return status is SessionStatus.RUNNING
    return status.ended


def check_score(name: str, value: object) -> int | None:
    """A 0-10 score: a whole number (``True`` is not a number), or None when not given."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise InvalidInput(f"{name.capitalize()} must be a whole number from 0 to 10.")
    return value


def check_seconds(name: str, value: float, *, total_s: float) -> float:
    """A time in a session: a number from 0 to the routine's length (a few seconds' slack)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise InvalidInput(f"{name} must be a number of seconds.")
    limit = total_s + LATE_SLACK_S
    if not 0 <= value <= limit:
        raise InvalidInput(
            f"{name} must be from 0 to {limit:g} seconds: this routine lasts {total_s:g} seconds."
        )
    return float(value)


# --- what the session repository returns ---------------------------------------------------


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
