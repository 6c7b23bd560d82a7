"""Follow-up after sessions: the morning-after question (§5 next-day rule) and the referral.

The rules live in ``unkink.services.safety``; these routes only translate. Home shows both.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict

from unkink.domain.errors import InvalidTransition
from unkink.web.deps import AppDep

router = APIRouter(prefix="/api", tags=["follow-up"])


class MorningOut(BaseModel):
    session_id: int
    session_day: date
    exercises: list[str]
    question: str


class ReferralOut(BaseModel):
    message: str
    what_to_bring: list[str]
    dropped_exercises: list[str]


class FollowUpOut(BaseModel):
    morning: MorningOut | None
    referral: ReferralOut | None


class NextMorningIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    session_id: int
    worse: bool


class NextMorningOut(BaseModel):
    messages: list[str]


class NotAsked(InvalidTransition):
    pass


def read_follow_up(app: Any) -> FollowUpOut:
    """What Home shows after sessions, in one read (also used by pages.py)."""
    from unkink.domain.session.next_morning import QUESTION
    from unkink.services import safety

    pending = safety.pending_next_morning(uow=app.uow, today=app.today())
    suggestion = safety.referral(uow=app.uow)
    names = {e.id: e.name for e in app.catalogue}
    morning = None
    if pending is not None:
        morning = MorningOut(
            session_id=pending.session_id,
            session_day=pending.session_day,
            exercises=[names.get(e, e) for e in pending.exercise_ids],
            question=QUESTION,
        )
    referral = None
    if suggestion is not None:
        referral = ReferralOut(
            message=suggestion.message,
            what_to_bring=list(suggestion.what_to_bring),
            dropped_exercises=[names.get(e, e) for e in suggestion.dropped_exercises],
        )
    return FollowUpOut(morning=morning, referral=referral)


@router.get("/follow-up", summary="The morning-after question and a referral, when due")
def follow_up(app: AppDep) -> FollowUpOut:
    return read_follow_up(app)


@router.post("/next-morning", summary="Answer: was your back clearly worse the morning after?")
def next_morning(body: NextMorningIn, app: AppDep) -> NextMorningOut:
    from unkink.domain.session.next_morning import change_messages
    from unkink.services import safety

    pending = safety.pending_next_morning(uow=app.uow, today=app.today())
    if pending is None or pending.session_id != body.session_id:
        raise NotAsked(
            f"Session {body.session_id} is not waiting for a morning-after answer. "
            "unkink asks once, one to three days after your latest session."
        )
    changes = safety.record_next_morning(
        uow=app.uow, pending=pending, worse=body.worse, now=app.now()
    )
    return NextMorningOut(messages=change_messages(changes))
