"""HTML pages of a session: plan, the player, after the session, and history.

Home shows a suggestion and the last session through ``home_sessions`` (``pages.py``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from unkink.bootstrap import App
from unkink.domain.errors import UnkinkError
from unkink.textfmt import duration_short
from unkink.web.deps import AppDep
from unkink.web.pages import render

router = APIRouter(include_in_schema=False)

AREA_WORDS = {"upper": "upper back", "lower": "lower back", "whole": "whole back"}
PLACE_WORDS = {"desk": "at your desk", "floor": "on the floor"}


def home_sessions(app: App) -> dict[str, Any]:
    """Today's suggestion (like the last session, or 10 minutes on the floor) and the last one."""
    from unkink.services.sessions import history
    from unkink.web.api_sessions import PlanIn, preview_routine

    entries = history(uow=app.uow, limit=1)
    last = entries[0] if entries else None
    body = PlanIn(
        area=last.area if last and last.area in AREA_WORDS else "whole",  # type: ignore[arg-type]
        where=last.where if last and last.where in PLACE_WORDS else "floor",  # type: ignore[arg-type]
        minutes=max(1, min(60, round(last.planned_s / 60))) if last else 10,
    )
    suggestion = None
    try:
        decision, routine = preview_routine(app, body)
    except UnkinkError:
        routine = None
    if routine is not None:
        names = [i.exercise.name for i in routine.items]
        suggestion = {
            "title": f"{round(routine.total_s / 60)} minutes for your {AREA_WORDS[body.area]}",
            "summary": f"{PLACE_WORDS[body.where].capitalize()}: {', '.join(names)}.",
            "body": body.model_dump(),
            "figure": routine.items[0].exercise.id,
            "first_name": names[0],
        }
    return {"suggestion": suggestion, "last_session": _last_session(last)}


def _last_session(entry: Any) -> dict[str, Any] | None:
    if entry is None:
        return None
    status = {"completed": "finished", "stopped": "stopped early", "running": "not finished"}
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
        "status_text": status.get(entry.status, entry.status),
        "running": entry.status == "running",
        "change": change,
    }


@router.get("/plan", response_class=HTMLResponse)
def plan_page(
    request: Request,
    app: AppDep,
    area: Literal["upper", "lower", "whole"] = "whole",
    where: Literal["desk", "floor"] = "floor",
    minutes: Annotated[int, Query(ge=1, le=60)] = 10,
) -> HTMLResponse:
    from unkink.catalogue.serialize import exercise_as_dict
    from unkink.web.api_sessions import PlanIn, preview_routine

    body = PlanIn(area=area, where=where, minutes=minutes)
    problem = ""
    try:
        decision, routine = preview_routine(app, body)
    except UnkinkError as exc:
        decision, routine, problem = _gate_only(app), None, str(exc)
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
        minutes_choices=(3, 5, 10, 15, 20, 30),
    )


def _gate_only(app: App) -> Any:
    from unkink.web.api_sessions import gate_for_session

    return gate_for_session(app)


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
def player(
    request: Request, app: AppDep, session_id: Annotated[int, Path(ge=1, le=2**31 - 1)]
) -> Response:
    from unkink.domain.safety.pain import STOP_QUESTIONS
    from unkink.web.api_sessions import find_session, running_state, session_out

    state = running_state(app, session_id)
    if state is None:
        find_session(app, session_id)
        return RedirectResponse(f"/session/{session_id}/after", status_code=303)
    data = session_out(app, state).model_dump()
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


@router.get("/session/{session_id}/after", response_class=HTMLResponse)
def after(
    request: Request, app: AppDep, session_id: Annotated[int, Path(ge=1, le=2**31 - 1)]
) -> HTMLResponse:
    from unkink.services.sessions import history
    from unkink.web.after_view import closing
    from unkink.web.api_sessions import find_session

    entry = find_session(app, session_id)
    names = {e.id: e.name for e in app.catalogue}
    return render(
        request,
        "after.html",
        title="After your session",
        entry=entry,
        summary=_last_session(entry),
        closing=closing(history(uow=app.uow, limit=60), entry, today=app.today(), names=names),
        exercises=[(e, names.get(e, e)) for e in dict.fromkeys(entry.exercises)],
        helped_name=names.get(entry.helped_most or "", ""),
    )


@router.get("/history", response_class=HTMLResponse)
def history_page(request: Request, app: AppDep) -> HTMLResponse:
    from unkink.services.sessions import history
    from unkink.web.api_safety import read_cracks
    from unkink.web.history_view import history_context

    entries = history(uow=app.uow, limit=500)
    cracks = read_cracks(app)
    names = {e.id: e.name for e in app.catalogue}
    return render(
        request,
        "history.html",
        title="History",
        active="/history",
        **history_context(entries, cracks.days, today=app.today(), names=names),
    )
