"""HTML pages: Insights (what your records say), the weekly check (pain and PSFS), and the
Summary to bring to a clinician, downloaded by the browser to where the person chooses.

Forms post plain ``application/x-www-form-urlencoded`` bodies (no script, no extra package)."""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from unkink.domain.errors import InvalidInput
from unkink.web.deps import AppDep
from unkink.web.page_memo import kept_page
from unkink.web.rendering import render

router = APIRouter(include_in_schema=False)
MEDIA = {"pdf": "application/pdf", "json": "application/fhir+json", "csv": "text/csv"}
FORMAT_WORDS = {
    "pdf": "PDF, one or two pages to print or show",
    "json": "FHIR JSON, for a clinic computer system",
    "csv": "CSV, every session, rating and crack, for a spreadsheet",
}


async def _form(request: Request) -> dict[str, str]:
    body = (await request.body()).decode("utf-8", errors="replace")
    return {k: v[-1] for k, v in parse_qs(body, keep_blank_values=True).items()}


def _int(value: str | None, name: str) -> int | None:
    if value is None or not value.strip():
        return None
    if not value.strip().isdigit():
        raise InvalidInput(f"{name} must be a whole number.")
    return int(value)


@router.get("/insights", response_class=HTMLResponse)
@kept_page
def insights_page(request: Request, app: AppDep) -> HTMLResponse:
    from unkink.services.insights import insights
    from unkink.services.measures import is_measure_due
    from unkink.web.insights_view import insights_context

    names = {e.id: e.name for e in app.catalogue}
    found = insights(uow=app.uow, today=app.today(), names=names)
    return render(
        request,
        "insights.html",
        title="Insights",
        active="/history",
        measure_due=is_measure_due(uow=app.uow, now=app.now()),
        **insights_context(found, names),
    )


@router.post("/insights/goal")
async def set_goal(request: Request, app: AppDep) -> Response:
    from unkink.services.measures import set_goal

    form = await _form(request)
    sessions = _int(form.get("sessions"), "Sessions a week")
    if sessions is None:
        raise InvalidInput("Say how many sessions a week you aim for.")
    breaks = _int(form.get("desk_breaks"), "Desk breaks a week")
    set_goal(uow=app.uow, now=app.now(), sessions=sessions, desk_breaks=breaks)
    return RedirectResponse("/insights#goal", status_code=303)


@router.get("/measures", response_class=HTMLResponse)
@kept_page
def measures_page(request: Request, app: AppDep) -> HTMLResponse:
    from unkink.domain.insights.measures import NRS_QUESTION, PSFS_INTRO, PSFS_QUESTION, SKIP_NOTE
    from unkink.services.measures import current_activities, is_measure_due

    names = list(current_activities(uow=app.uow))
    return render(
        request,
        "measures.html",
        title="Weekly check",
        due=is_measure_due(uow=app.uow, now=app.now()),
        activities=names + [""] * (3 - len(names)),
        nrs_question=NRS_QUESTION,
        psfs_intro=PSFS_INTRO,
        psfs_question=PSFS_QUESTION,
        skip_note=SKIP_NOTE,
    )


@router.post("/measures")
async def save_measures(request: Request, app: AppDep) -> Response:
    from unkink.services.measures import record_measures, skip_measures

    form = await _form(request)
    if "skip" in form:
        skip_measures(uow=app.uow, now=app.now())
        return RedirectResponse("/insights", status_code=303)
    scores: dict[str, int] = {}
    for i in (1, 2, 3):
        name = form.get(f"activity{i}", "").strip()
        score = _int(form.get(f"score{i}"), f"The score for activity {i}")
        if name and score is None:
            raise InvalidInput(f"Give '{name}' a score from 0 to 10, or leave its name empty.")
        if name and score is not None:
            scores[name] = score
    record_measures(uow=app.uow, now=app.now(), pain=_int(form.get("pain"), "Pain"), scores=scores)
    return RedirectResponse("/insights", status_code=303)


@router.get("/summary", response_class=HTMLResponse)
@kept_page
def summary_page(request: Request, app: AppDep) -> HTMLResponse:
    from unkink.services.insights import insights
    from unkink.services.report import CONTENTS

    names = {e.id: e.name for e in app.catalogue}
    found = insights(uow=app.uow, today=app.today(), names=names)
    return render(
        request,
        "summary.html",
        title="Summary for your clinician",
        contents=CONTENTS,
        formats=FORMAT_WORDS,
        headline=found.headline,
        sessions=found.sessions,
    )


@router.post("/summary/download")
async def download(request: Request, app: AppDep) -> Response:
    """The file goes back to this browser only, which saves it where the person chooses."""
    from unkink.services.report import gather
    from unkink.services.report import render as render_report

    form = await _form(request)
    fmt = form.get("format", "pdf")
    if fmt not in MEDIA:
        raise InvalidInput("Choose PDF, JSON or CSV.")
    data = gather(
        uow=app.uow, catalogue=app.catalogue, today=app.today(), question=form.get("question", "")
    )
    name = f"unkink-summary-{app.today():%Y-%m-%d}.{fmt}"
    return Response(
        render_report(data, fmt),
        media_type=MEDIA[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
