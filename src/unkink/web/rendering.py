"""Rendering pages: where the web files are, the one Jinja environment, the navigation,
``render`` and ``render_error``.

Shared by the app factory, every page router, the offline files and the error handlers, and
importing none of them, so the web package has no import cycles (app -> routers -> rendering).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from unkink import __version__
from unkink.textfmt import duration_short, duration_words
from unkink.web.figures import figures_available

WEB_DIR = Path(__file__).parent
STATIC_DIR = WEB_DIR / "static"
TEMPLATES_DIR = WEB_DIR / "templates"

templates = Jinja2Templates(directory=TEMPLATES_DIR)
templates.env.globals["version"] = __version__
templates.env.filters["duration"] = duration_short  # one formatter for every page
templates.env.filters["duration_words"] = duration_words

NAV = (
    ("/", "Home"),
    ("/plan", "Plan"),
    ("/history", "History"),
    ("/cracks", "Cracks"),
    ("/exercises", "Exercises"),
)


def render(
    request: Request,
    template: str,
    *,
    title: str,
    active: str = "",
    status_code: int = 200,
    **ctx: Any,
) -> HTMLResponse:
    context = {"title": title, "nav": NAV, "active": active, "figures": figures_available(), **ctx}
    return templates.TemplateResponse(request, template, context, status_code=status_code)


def render_error(request: Request, status: int, message: str) -> HTMLResponse:
    title = "Page not found" if status == 404 else "That did not work"
    return render(request, "error.html", title=title, status_code=status, message=message)
