"""Errors as people and programs expect them: JSON under /api, a calm page elsewhere."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from unkink.domain.errors import InvalidTransition, UnkinkError, UnknownExercise, UnsafeRoutine


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def status_for(exc: UnkinkError) -> int:
    if isinstance(exc, UnknownExercise):
        return 404
    if isinstance(exc, (InvalidTransition, UnsafeRoutine)):
        return 409
    name = type(exc).__name__
    if name.startswith("Unknown") or name.endswith("NotFound"):
        return 404
    if "Transition" in name or "Blocked" in name or "Unsafe" in name or "Gate" in name:
        return 409
    return 400


def install_error_handlers(web: FastAPI) -> None:
    from unkink.web.pages import render_error

    @web.exception_handler(UnkinkError)
    async def _unkink_error(request: Request, exc: UnkinkError) -> Response:
        status = status_for(exc)
        if _is_api(request):
            return JSONResponse({"detail": str(exc)}, status_code=status)
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
