"""Guided-session use cases, the end and after: finish, the ratings, the stretch that
helped most. A "before" rating belongs to a running session; "after", "next morning" and
"helped most" to an ended one (``domain.session.status.rating_allowed``).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from unkink.domain.errors import Conflict, InvalidInput
from unkink.domain.session.status import (
    Moment,
    SessionStatus,
    StopReason,
    check_score,
    rating_allowed,
)
from unkink.services.session_guard import SessionEnd, end, find, running, seconds

if TYPE_CHECKING:
    from unkink.services.ports import UowFactory


class RatingNotNow(Conflict):
    def __init__(self, moment: Moment, status: SessionStatus) -> None:
        when = "before it starts" if moment is Moment.BEFORE else "once it has ended"
        super().__init__(f"A '{moment}' rating is given {when}; this session is {status}.")


def finish(
    *,
    uow: UowFactory,
    session_id: int,
    reached_end: bool,
    at: datetime,
    elapsed_s: float | None = None,
    reason: StopReason | None = None,
) -> SessionEnd:
    """End a session. ``reached_end``: the routine played to its last cue; the status rule
    (``domain.session.status.end_status``) decides completed or stopped. ``elapsed_s``:
    active seconds (default: the last stored value)."""
    with uow() as u:
        row, plan = running(u, session_id)
        elapsed = seconds("elapsed_s", elapsed_s, plan)
        done = end(u, row, plan, reached_end=reached_end, reason=reason, elapsed_s=elapsed, at=at)
        u.commit()
    return done


def rate(
    *,
    uow: UowFactory,
    session_id: int,
    moment: Moment | str,
    stiffness: int | None,
    pain: int | None,
    at: datetime,
) -> None:
    """Stiffness and pain, 0-10: before (while it runs), after or next morning (once ended)."""
    try:
        moment = Moment(moment)
    except ValueError:
        raise InvalidInput(
            f"A rating is for {', '.join(m.value for m in Moment)}, not '{moment}'."
        ) from None
    stiffness, pain = check_score("stiffness", stiffness), check_score("pain", pain)
    if stiffness is None and pain is None:
        raise InvalidInput("Give stiffness, pain or both (0 to 10).")
    with uow() as u:
        row, _ = find(u, session_id)
        if not rating_allowed(moment, row.status):
            raise RatingNotNow(moment, row.status)
        u.sessions.add_rating(session_id, moment=moment, stiffness=stiffness, pain=pain, at=at)
        u.commit()


def record_helped_most(
    *, uow: UowFactory, session_id: int, exercise_id: str | None, at: datetime
) -> None:
    """Which stretch helped most (None: none or not sure), once the session has ended."""
    with uow() as u:
        row, plan = find(u, session_id)
        if not row.status.ended:
            raise Conflict("Say which stretch helped most once the session has ended.")
        if exercise_id is not None and exercise_id not in {e["id"] for e in plan["exercises"]}:
            raise InvalidInput(f"'{exercise_id}' was not in this session.")
        u.sessions.set_helped_most(session_id, exercise_id)
        if exercise_id is not None:
            u.sessions.add_feedback(session_id, exercise_id=exercise_id, helped=True, at=at)
        u.commit()
