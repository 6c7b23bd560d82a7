"""Errors as people and programs expect them: JSON under /api, a calm page elsewhere.

Each error *category* (``unkink.domain.errors``) has one HTTP status, in one explicit table;
no class name or message is ever inspected."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from unkink.domain.errors import Conflict, InvalidInput, NotFound, Unavailable, UnkinkError

STATUS_BY_CATEGORY: tuple[tuple[type[UnkinkError], int], ...] = (
    (InvalidInput, 400),
    (NotFound, 404),
    (Conflict, 409),
    (Unavailable, 503),
)
"""Checked in this order; an error outside every category is a 400 (it is still ours)."""


def status_for(exc: UnkinkError) -> int:
    for category, status in STATUS_BY_CATEGORY:
        if isinstance(exc, category):
            return status
    return 400


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def install_error_handlers(web: FastAPI) -> None:
    from unkink.web.rendering import render_error

    @web.exception_handler(UnkinkError)
    async def _unkink_error(request: Request, exc: UnkinkError) -> Response:
        status = status_for(exc)
        headers = {"Retry-After": "2"} if status == 503 else None
        if _is_api(request):
            return JSONResponse({"detail": str(exc)}, status_code=status, headers=headers)
        return render_error(request, status, str(exc))

    @web.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _is_api(request) or request.url.path.startswith(("/static/", "/figures/")):
            return JSONResponse(
                {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
            )
        message = "We could not find that page." if exc.status_code == 404 else str(exc.detail)
        response: HTMLResponse = render_error(request, exc.status_code, message)
        return response
