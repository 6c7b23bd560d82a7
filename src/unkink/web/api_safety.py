"""Safety endpoints: intended use, the screening questionnaire, conditions, the crack log.

Every rule lives in ``unkink.services.safety`` and the domain; these routes only translate.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from unkink.web.deps import AppDep
from unkink.web.safety_models import (
    ConditionsIn,
    ConditionsOut,
    CrackIn,
    CrackOut,
    CrackStatusOut,
    GateOut,
    NextQuestionOut,
    PlaceIn,
    ScreeningIn,
    ScreeningOut,
    StatusOut,
    WalkIn,
    _bad,
    crack_status_out,
    question_out,
    screening_out,
)

router = APIRouter(prefix="/api", tags=["safety"])


def read_status(app: Any) -> StatusOut:
    """Everything Home shows about safety, in one read (also used by pages.py)."""
    from unkink.services import safety

    latest = safety.latest_screening(uow=app.uow)
    gate = safety.check_gate(uow=app.uow, today=app.today())
    report = safety.crack_report(uow=app.uow, today=app.today())
    return StatusOut(
        intended_use_needed=safety.needs_intended_use(uow=app.uow),
        gate=GateOut(
            allowed=gate.allowed,
            gentle_only=gate.gentle_only,
            reason=gate.reason,
            next_step=gate.next_step,
            step=str(gate.step),
        ),
        screening=screening_out(latest, latest.taken_at) if latest else None,
        cracks=crack_status_out(report),
    )


@router.get("/status", summary="Safety status: intended use, the session gate, screening, cracks")
def status(app: AppDep) -> StatusOut:
    return read_status(app)


@router.post("/intended-use", summary="Acknowledge what unkink is for (once)", status_code=204)
def acknowledge(app: AppDep) -> None:
    from unkink.services import safety

    safety.acknowledge_intended_use(uow=app.uow, now=app.now())


@router.post("/screening/next", summary="The next screening screen, given the answers so far")
def next_question(body: WalkIn, app: AppDep) -> NextQuestionOut:
    """Done at once when an answer so far is an emergency (the same service as the CLI)."""
    from unkink.domain.errors import UnkinkError
    from unkink.services import screening

    try:
        if body.recheck:
            step = screening.recheck_question(
                uow=app.uow, answers=body.answers, changed=body.changed
            )
        else:
            step = screening.next_question(answers=body.answers)
    except (UnkinkError, TypeError, ValueError) as exc:
        raise _bad(exc) from None
    return NextQuestionOut(
        done=step.done,
        emergency=step.emergency,
        question=question_out(step.question) if step.question is not None else None,
        asked=step.asked,
        remaining_at_most=step.remaining_at_most,
    )


@router.post("/screenings", summary="Screen a full set of answers and save the result")
def save_screening(body: ScreeningIn, app: AppDep) -> ScreeningOut:
    from unkink.domain.errors import UnkinkError
    from unkink.services import screening

    try:
        saved = screening.save_screening(
            uow=app.uow,
            answers=body.answers,
            now=app.now(),
            source="web",
            accept_intended_use=body.accept_intended_use,
            recheck=body.recheck,
            changed=body.changed,
        )
    except (UnkinkError, TypeError, ValueError) as exc:
        raise _bad(exc) from None
    out = screening_out(saved.result, saved.taken_at)
    return out.model_copy(update={"confirmed": list(saved.confirmed)})


@router.get("/conditions", summary="Your recorded conditions and the precautions they bring")
def get_conditions(app: AppDep) -> ConditionsOut:
    return read_conditions(app)


def read_conditions(app: Any) -> ConditionsOut:
    from unkink.services import safety

    today = app.today()
    active = safety.active_conditions(uow=app.uow, today=today)
    precautions = safety.current_precautions(
        uow=app.uow, today=today, exercises=list(app.catalogue)
    )
    return ConditionsOut(
        conditions=[c.to_json() for c in active],
        precautions=safety.precautions_json(precautions, app.catalogue.ids),
    )


@router.post("/conditions", summary="Set your conditions (replaces the whole list)")
def set_conditions(body: ConditionsIn, app: AppDep) -> ConditionsOut:
    from unkink.domain.errors import UnkinkError
    from unkink.domain.safety.precautions import parse_condition
    from unkink.services import profile

    now = app.now()
    try:
        parsed = [parse_condition(c.model_dump(exclude_none=True)) for c in body.conditions]
    except UnkinkError as exc:
        raise _bad(exc) from None
    profile.update_profile(uow=app.uow, now=now, add=parsed, replace_all=True)
    return read_conditions(app)


@router.post("/place", summary="Remember where you stretch (desk or floor)", status_code=204)
def remember_place(body: PlaceIn, app: AppDep) -> None:
    """The web's answer to 'unkink start''s once-asked question: plans default to it."""
    from unkink.services import profile

    profile.remember_place(uow=app.uow, place=body.where, now=app.now())


@router.get("/cracks", summary="Crack status over the last 30 days")
def get_cracks(app: AppDep) -> CrackStatusOut:
    return read_cracks(app)


def read_cracks(app: Any) -> CrackStatusOut:
    """The crack status alone (also used by the crack and history pages)."""
    from unkink.services import safety

    return crack_status_out(safety.crack_report(uow=app.uow, today=app.today()))


@router.post("/cracks", summary="Log a back crack (now, unless a time is given)", status_code=201)
def log_crack(body: CrackIn, app: AppDep) -> CrackOut:
    from unkink.domain.safety.crack_time import CrackTimeInvalid
    from unkink.domain.safety.cracks import NECK_WARNING
    from unkink.services import cracks

    try:
        logged = cracks.log_crack(
            uow=app.uow,
            at=body.at,
            now=app.now(),
            where=body.where,
            relief=body.relief,
            zone=app.zone,
        )
    except CrackTimeInvalid as exc:
        raise _bad(exc) from None
    out = crack_status_out(logged.report)
    return CrackOut(
        **out.model_dump(),
        first_neck_crack=logged.first_neck_crack,
        neck_warning=NECK_WARNING if body.where == "neck" else None,
    )
