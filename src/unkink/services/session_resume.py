"""Carrying on a stored session: where an unfinished one picks up, and one session's state.

Split from ``services.sessions`` (which re-exports these names); the same conventions: a
unit-of-work factory, keyword-only arguments, frozen results.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from unkink.domain.session.routines import Routine, routine_from_dict
from unkink.domain.session.status import SessionStatus
from unkink.services.session_guard import SessionEnded, SessionNotFound

if TYPE_CHECKING:
    from unkink.domain.exercises import Catalogue
    from unkink.domain.session.status import SessionRecord
    from unkink.domain.session.timeline import Timeline
    from unkink.services.ports import UnitOfWork, UowFactory


@dataclass(frozen=True, slots=True)
class ResumeState:
    """Where a stored, unfinished session picks up: from the start of its unfinished step."""

    session_id: int
    routine: Routine
    timeline: Timeline
    cue_index: int
    position_s: float
    elapsed_s: float
    status: SessionStatus = SessionStatus.RUNNING


def _state(u: UnitOfWork, catalogue: Catalogue, row: SessionRecord) -> ResumeState:
    from unkink.domain.session.timeline import build_timeline

    routine = routine_from_dict(catalogue, u.sessions.get_routine(row.routine_id))
    timeline = build_timeline(routine)
    position = 0.0
    if row.cue_index > 0:
        last_shown = timeline.cues[min(row.cue_index, len(timeline.cues)) - 1]
        position = float(timeline.segments[last_shown.segment].start_s)
    cue_index = timeline.first_cue_from(position)
    # the rewound step is played again: it must not count twice in the minutes done
    elapsed = min(row.elapsed_s, position) if row.status is SessionStatus.RUNNING else row.elapsed_s
    return ResumeState(row.id, routine, timeline, cue_index, position, elapsed, row.status)


def resume_state(*, uow: UowFactory, catalogue: Catalogue) -> ResumeState | None:
    """The latest unfinished session, rewound to the start of the step it was in."""
    with uow() as u:
        row = u.sessions.latest_running()
        return None if row is None else _state(u, catalogue, row)


def session_state(*, uow: UowFactory, catalogue: Catalogue, session_id: int) -> ResumeState:
    """One session of this person with its timeline and resume point (ended ones too)."""
    with uow() as u:
        row = u.sessions.find_session(session_id)
        if row is None:
            raise SessionNotFound(session_id)
        return _state(u, catalogue, row)


def running_session(*, uow: UowFactory, catalogue: Catalogue, session_id: int) -> ResumeState:
    """Like ``session_state``, but refuses a session that has ended."""
    state = session_state(uow=uow, catalogue=catalogue, session_id=session_id)
    if state.status.ended:
        raise SessionEnded(session_id, state.status)
    return state
