"""HTML pages of a session: plan, the player and after the session (history: pages_history).

Home shows a suggestion and the last session through ``home_sessions`` (``pages.py``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from unkink.bootstrap import App
from unkink.domain.errors import UnkinkError
from unkink.domain.session.status import SessionStatus
from unkink.textfmt import duration_short, duration_words
from unkink.web.deps import AppDep
from unkink.web.page_memo import kept_page
from unkink.web.rendering import render
from unkink.web.session_data import PlanIn, SessionId, plan_request

router = APIRouter(include_in_schema=False)

AREA_WORDS = {"upper": "upper back", "lower": "lower back", "whole": "whole back"}
PLACE_WORDS = {"desk": "at your desk", "floor": "on the floor"}


def home_sessions(app: App) -> dict[str, Any]:
    """Today's suggestion (what 'unkink start' would plan: ``profile.plan_choice``'s area,
    place and length, or the longest routine that fits) and the last session."""
    from unkink.services.profile import plan_choice
    from unkink.services.sessions import history, preview_plan

    entries = history(uow=app.uow, limit=1)
    last = entries[0] if entries else None
    choice = plan_choice(uow=app.uow)
    body = PlanIn(
        area=choice.area,  # type: ignore[arg-type]
        where=choice.where,  # type: ignore[arg-type]
        minutes=choice.minutes,
    )
    suggestion = None
    try:
        preview = preview_plan(
            uow=app.uow,
            catalogue=app.catalogue,
            request=plan_request(body),
            today=app.today(),
            fit=True,  # a suggestion: the longest routine that fits, not none at all
        )
        routine = preview.routine
        if preview.shortened_to is not None:  # Start asks for what was suggested
            body = body.model_copy(update={"minutes": preview.shortened_to})
    except UnkinkError:
        routine = None
    if routine is not None:
        names = [i.exercise.name for i in routine.items]
        suggestion = {
            "title": f"{duration_words(routine.total_s)} for your {AREA_WORDS[body.area]}",
            "summary": f"{PLACE_WORDS[body.where].capitalize()}: {', '.join(names)}.",
            "body": body.model_dump(),
            "figure": routine.items[0].exercise.id,
            "first_name": names[0],
        }
    from unkink.services.reminders import today as reminder_today

    later = reminder_today(uow=app.uow, catalogue=app.catalogue, day=app.today()).later
    return {"suggestion": suggestion, "last_session": _last_session(last), "later": later}


def _last_session(entry: Any) -> dict[str, Any] | None:
    if entry is None:
        return None
    status = {
        SessionStatus.COMPLETED: "finished",
        SessionStatus.STOPPED: "stopped early",
        SessionStatus.RUNNING: "not finished",
    }
    change = ""
    (sb, pb), (sa, pa) = entry.before, entry.after
    if sb is not None and sa is not None:
        change = f"Stiffness {sb} → {sa}"
    if pb is not None and pa is not None:
        change += ("; " if change else "") + f"pain {pb} → {pa}"
    return {
        "id": entry.session_id,
        "when": entry.started_at.strftime("%a %-d %b, %H:%M"),
        "minutes": max(1, round(entry.done_s / 60)) if entry.done_s else 0,
        "duration": duration_short(entry.done_s),
        "status_text": status[entry.status],
        "running": entry.status is SessionStatus.RUNNING,
        "change": change,
    }


@router.get("/plan", response_class=HTMLResponse)
@kept_page
def plan_page(
    request: Request,
    app: AppDep,
    area: Literal["upper", "lower", "whole"] | None = None,
    where: Literal["desk", "floor"] | None = None,
    minutes: Annotated[int | None, Query(ge=1, le=60)] = None,
) -> HTMLResponse:
    from unkink.catalogue.serialize import exercise_as_dict
    from unkink.services.profile import plan_choice
    from unkink.services.sessions import preview_plan

    # as 'unkink plan' (issue 11): what is not given comes from plan_choice, and a length
    # not given may shorten to the longest routine that fits
    choice = plan_choice(uow=app.uow, area=area, where=where, minutes=minutes)
    body = PlanIn(area=choice.area, where=choice.where, minutes=choice.minutes)  # type: ignore[arg-type]
    problem = ""
    try:
        decision = preview_plan(
            uow=app.uow,
            catalogue=app.catalogue,
            request=plan_request(body),
            today=app.today(),
            fit=minutes is None,
        )
        if decision.shortened_to is not None:
            body = body.model_copy(update={"minutes": decision.shortened_to})
    except UnkinkError as exc:  # a request the planner cannot even read
        from unkink.services.sessions import session_gate

        decision = session_gate(uow=app.uow, catalogue=app.catalogue, today=app.today())
        problem = str(exc)
    routine, problem = decision.routine, problem or decision.problem
    from unkink.web.api_safety import read_status

    status = read_status(app)
    items = []
    if routine is not None:
        for item in routine.items:
            items.append(
                {
                    "item": item.as_dict(),
                    "exercise": exercise_as_dict(item.exercise),
                    "minutes": round(item.duration_s / 60, 1),
                }
            )
    return render(
        request,
        "plan.html",
        title="Plan a session",
        active="/plan",
        decision=decision,
        status=status,
        routine=routine.as_dict() if routine else None,
        items=items,
        problem=problem,
        body=body.model_dump(),
        ask_place=choice.ask_place,
        minutes_choices=sorted({3, 5, 10, 15, 20, 30, round(body.minutes)}),  # this plan's too
    )


CUE_WORDS = {
    "get_ready": "Get ready",
    "step": "Move",
    "hold_start": "Hold",
    "countdown": "Hold",
    "side_switch": "Change side",
    "rest": "Rest",
    "next_up": "Next stretch",
    "done": "Done",
}
"""What the player shows above each step, by cue kind (domain.timeline.CueKind)."""


def _script_json(data: Any) -> str:
    """JSON safe inside <script type="application/json">: no '<', '>' or '&' left to parse."""
    import json

    text = json.dumps(data, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@router.get("/session/{session_id}", response_class=HTMLResponse)
def player(request: Request, app: AppDep, session_id: SessionId) -> Response:
    from unkink.domain.safety.pain import STOP_QUESTIONS
    from unkink.services.sessions import session_state
    from unkink.web.session_data import session_out

    state = session_state(uow=app.uow, catalogue=app.catalogue, session_id=session_id)
    if state.status.ended:
        return RedirectResponse(f"/session/{session_id}/after", status_code=303)
    carry_on(app, state.position_s)
    data = session_out(state).model_dump()
    data.pop("routine")
    data["labels"] = CUE_WORDS
    timeline = state.timeline
    segment = timeline.segment_at(state.position_s)  # drawn now; player.js takes over
    left = timeline.total_s - state.position_s
    return render(
        request,
        "player.html",
        title="Session",
        session_id=session_id,
        session_json=_script_json(data),
        exercise_count=len(state.routine.items),
        segment=segment,
        segment_left=int(segment.end_s - state.position_s),
        segment_name=data["names"].get(segment.exercise_id, ""),
        segment_label=CUE_WORDS.get(str(segment.kind), ""),
        stretch_number=1 + segment.item,
        left_text=f"{int(left) // 60}:{int(left) % 60:02d}",
        stop_questions=STOP_QUESTIONS,
        fresh=state.position_s == 0 and state.elapsed_s == 0,  # drawn as player.js will
    )


def carry_on(app: App, position_s: float) -> None:
    """Carrying on a session under way needs the gate open, as ``unkink start --resume``."""
    if position_s <= 0:
        return  # just started from the plan, which asked the gate a moment ago
    from unkink.services.sessions import SessionBlocked, session_gate

    decided = session_gate(uow=app.uow, catalogue=app.catalogue, today=app.today())
    if not decided.allowed:
        raise SessionBlocked(decided)


@router.get("/session/{session_id}/after", response_class=HTMLResponse)
def after(request: Request, app: AppDep, session_id: SessionId) -> HTMLResponse:
    from unkink.services.closing import closing

    facts = closing(uow=app.uow, catalogue=app.catalogue, session_id=session_id, today=app.today())
    entry = facts.entry
    names = {e.id: e.name for e in app.catalogue}
    return render(
        request,
        "after.html",
        title="After your session",
        entry=entry,
        summary=_last_session(entry),
        closing=facts,
        exercises=[(s.exercise_id, s.name) for s in facts.stretches],  # only those done
        helped_name=names.get(entry.helped_most or "", ""),
    )
