"""HTML pages: each route asks the services for what to show and renders one template."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from unkink import __version__
from unkink.web.app import TEMPLATES_DIR
from unkink.web.deps import CatalogueDep
from unkink.web.figures import figures_available

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=TEMPLATES_DIR)
templates.env.globals["version"] = __version__

NAV = (
    ("/", "Home"),
    ("/plan", "Plan"),
    ("/history", "History"),
    ("/cracks", "Cracks"),
    ("/exercises", "Exercises"),
)


def render(
    request: Request, template: str, *, title: str, active: str = "", status: int = 200, **ctx: Any
) -> HTMLResponse:
    context = {"title": title, "nav": NAV, "active": active, "figures": figures_available(), **ctx}
    return templates.TemplateResponse(request, template, context, status_code=status)


def render_error(request: Request, status: int, message: str) -> HTMLResponse:
    title = "Page not found" if status == 404 else "That did not work"
    return render(request, "error.html", title=title, status=status, message=message)


@router.get("/exercises", response_class=HTMLResponse)
def exercises_page(request: Request, catalogue: CatalogueDep) -> HTMLResponse:
    from unkink.catalogue.serialize import exercise_as_dict

    return render(
        request,
        "exercises.html",
        title="Exercises",
        active="/exercises",
        exercises=[exercise_as_dict(e) for e in catalogue],
        modifications={},
    )
