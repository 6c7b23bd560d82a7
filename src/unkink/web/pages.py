"""HTML pages: each route asks the services for what to show and renders one template.

This module holds the shared ``render`` and the home, welcome and safety pages; the session
pages (plan, player, after, history) are in ``pages_sessions.py``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from unkink.bootstrap import App
from unkink.web.deps import AppDep
from unkink.web.page_memo import kept_page
from unkink.web.rendering import render, render_error, templates

router = APIRouter(include_in_schema=False)
__all__ = ["render", "render_error", "router", "templates"]  # render lives in rendering.py


@router.get("/exercises", response_class=HTMLResponse)
@kept_page
def exercises_page(request: Request, app: AppDep) -> HTMLResponse:
    from unkink.catalogue.serialize import exercise_as_dict
    from unkink.domain.session.planner import POSITION_WORDS
    from unkink.web.api_safety import read_conditions

    precautions = read_conditions(app).precautions
    return render(
        request,
        "exercises.html",
        title="Exercises",
        active="/exercises",
        exercises=[exercise_as_dict(e) for e in app.catalogue],
        modifications=precautions["offer_with_modification"],
        not_for_you=set(precautions["must_not_offer"]),
        position_words={str(k): v for k, v in POSITION_WORDS.items()},
    )


CONDITIONS = (
    {
        "code": "osteoporosis",
        "label": "Thin bones (osteoporosis)",
        "hint": "Without a broken bone in the spine.",
    },
    {
        "code": "vertebral_fracture_history",
        "label": "A broken bone in my spine, more than 12 weeks ago",
        "field": "weeks_since",
        "field_label": "Weeks since it happened",
        "max": 5200,
    },
    {
        "code": "vertebral_fracture_recent",
        "label": "A broken bone in my spine in the last 12 weeks",
        "field": "weeks_since",
        "field_label": "Weeks since it happened",
        "max": 12,
    },
    {
        "code": "pregnancy",
        "label": "I am pregnant",
        "field": "weeks",
        "field_label": "How many weeks?",
        "max": 45,
    },
    {
        "code": "acute_sciatica",
        "label": "Sciatica (pain down one leg) that started in the last 6 weeks",
        "hint": "Only if the safety questions said you can stretch.",
    },
    {"code": "lumbar_spinal_stenosis", "label": "Narrowing in my lower spine (spinal stenosis)"},
    {
        "code": "spondylolisthesis",
        "label": "A slipped vertebra that causes pain (spondylolisthesis)",
    },
    {
        "code": "spinal_surgery",
        "label": "Back surgery in the last 6 months",
        "field": "weeks_since",
        "field_label": "Weeks since the operation",
        "max": 5200,
        "procedure_example": "microdiscectomy",
    },
    {
        "code": "abdominal_surgery",
        "label": "Belly surgery or a caesarean in the last 6 weeks",
        "field": "weeks_since",
        "field_label": "Weeks since the operation",
        "max": 5200,
        "procedure_example": "caesarean",
    },
    {
        "code": "hip_replacement",
        "label": "A hip replacement in the last 12 weeks",
        "field": "approach",
        "field_label": "How was it done?",
        "procedure_example": "a full hip replacement",
    },
    {
        "code": "acute_nonspecific_low_back_pain",
        "label": "Recent low back pain with no known cause",
    },
)


def _safety_status(app: App) -> Any:
    from unkink.web.api_safety import read_status

    return read_status(app)


@router.get("/", response_class=HTMLResponse)
@kept_page
def home(request: Request, app: AppDep) -> Response:
    status = _safety_status(app)
    if status.intended_use_needed:
        return RedirectResponse("/welcome", status_code=303)
    from unkink.web.api_followup import read_follow_up
    from unkink.web.pages_sessions import home_sessions

    return render(
        request,
        "home.html",
        title="Home",
        active="/",
        status=status,
        follow_up=read_follow_up(app),
        **home_sessions(app),
    )


@router.get("/welcome", response_class=HTMLResponse)
def welcome(request: Request) -> HTMLResponse:
    from unkink.domain.safety.intended_use import ACCEPT_PROMPT, INTENDED_USE

    return render(
        request,
        "welcome.html",
        title="Welcome",
        intended_use=INTENDED_USE,
        accept_prompt=ACCEPT_PROMPT,
    )


@router.get("/screening", response_class=HTMLResponse)
@kept_page
def screening(request: Request, app: AppDep, full: str | None = None) -> Response:
    status = _safety_status(app)
    if status.intended_use_needed:
        return RedirectResponse("/welcome", status_code=303)
    from unkink.services import screening as walk
    from unkink.web.safety_models import input_id, step_out

    recheck = status.screening is not None and full != "1"  # ?full=1: every question again
    # The first screen comes with the page (the same service call as /api/screening/next), so
    # nothing moves when the script takes over.
    step = (
        walk.recheck_question(uow=app.uow, answers={}, changed=None)
        if recheck
        else walk.next_question(answers={})
    )
    return render(
        request,
        "screening.html",
        title="Safety questions",
        last=status.screening,
        recheck=recheck,
        first=step_out(step),
        input_id=input_id,
    )


@router.get("/conditions", response_class=HTMLResponse)
@kept_page
def conditions(request: Request, app: AppDep) -> HTMLResponse:
    from unkink.web.api_safety import read_conditions

    current = read_conditions(app)
    return render(
        request,
        "conditions.html",
        title="Your health",
        condition_list=CONDITIONS,
        chosen={c["code"]: c for c in current.conditions},
    )


@router.get("/cracks", response_class=HTMLResponse)
@kept_page
def cracks(request: Request, app: AppDep) -> HTMLResponse:
    from unkink.web.api_safety import read_cracks

    return render(
        request,
        "cracks.html",
        title="Crack log",
        active="/cracks",
        cracks=read_cracks(app),
        now_local=app.now().strftime("%Y-%m-%dT%H:%M"),
    )


@router.get("/cracks/status", response_class=HTMLResponse)
@kept_page
def cracks_status(request: Request, app: AppDep) -> HTMLResponse:
    """The status block alone, for the crack page to refresh after logging."""
    from unkink.web.api_safety import read_cracks

    return templates.TemplateResponse(request, "_crack_status.html", {"cracks": read_cracks(app)})
