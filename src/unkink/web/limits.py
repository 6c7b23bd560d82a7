"""What the web app refuses before it works: oversized bodies, JSON no program should send,
and errors a person can't act on (validation noise, database failures) in plain words.

* **Size.** A body over ``MAX_BODY`` (64 KiB; the largest real one, a screening, is ~2 KiB)
  gets 413 while it arrives, before anything parses it: memory stays bounded.
* **Strict JSON.** ``NaN``, ``Infinity``, numbers that overflow (``1e309``), lone surrogates,
  4,300-digit integers and deep nesting get 400: Python's parser accepts most of them, and what
  it accepts would be stored, or fail later when echoed back.
* **422.** Validation errors list where and what, never the input (which may be huge, or
  not encodable).
* **Database.** A database that can't be used answers 503: JSON under /api, the error page
  elsewhere, with the plain message from ``storage/db_errors.py``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from unkink.web.security import _security_headers

if TYPE_CHECKING:
    from fastapi import FastAPI, Request
    from fastapi.responses import Response

MAX_BODY = 64 * 1024
MAX_DEPTH = 32
_MESSAGE_CHARS = 160


class _Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def check_json(body: bytes) -> None:
    """Raise ``_Refused`` (400) unless ``body`` is JSON that survives a strict round trip."""

    def no_constant(name: str) -> Any:
        raise _Refused(400, f"{name} is not a number JSON allows")

    try:
        value = json.loads(body, parse_constant=no_constant)
        if _depth(value) > MAX_DEPTH:
            raise _Refused(400, f"it is nested more than {MAX_DEPTH} levels deep")
        # Overflowing floats became inf, lone surrogates can't be UTF-8: both fail here.
        json.dumps(value, allow_nan=False, ensure_ascii=False).encode("utf-8")
    except _Refused as exc:
        raise _Refused(400, _not_usable(str(exc))) from None
    except json.JSONDecodeError as exc:
        raise _Refused(400, _not_usable(f"line {exc.lineno}, column {exc.colno}")) from None
    except RecursionError:
        raise _Refused(400, _not_usable("it is nested too deep")) from None
    except UnicodeError:
        raise _Refused(400, _not_usable("a text holds a broken character")) from None
    except ValueError as exc:
        why = "a number is too large" if "float" in str(exc) else "a number has too many digits"
        raise _Refused(400, _not_usable(why)) from None


def _not_usable(why: str) -> str:
    return f"The request body is not JSON unkink can use: {why}."


def _depth(value: Any) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if level > MAX_DEPTH:
            break
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest


class BodyLimitMiddleware:
    """Reads a request body (at most ``MAX_BODY``) before the app, refusing what can't be used."""

    def __init__(self, app: ASGIApp, *, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope["headers"]}
        try:
            body = await self._read(headers, receive)
            if body and b"json" in headers.get(b"content-type", b"application/json"):
                check_json(body)
        except _Refused as refused:
            await _refuse(send, refused.status, str(refused))
            return
        done = False

        async def replay() -> Message:
            nonlocal done
            if not done:
                done = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _read(self, headers: dict[bytes, bytes], receive: Receive) -> bytes:
        too_big = _Refused(413, f"The request is too large (at most {self.limit // 1024} KiB).")
        declared = headers.get(b"content-length", b"").strip()
        if declared.isdigit() and int(declared) > self.limit:
            raise too_big
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                raise too_big
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)


async def _refuse(send: Send, status: int, message: str) -> None:
    body = json.dumps({"detail": message}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *_security_headers(figure=False),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def short_errors(errors: Any) -> list[dict[str, Any]]:
    """Where and what, for at most ten errors; never the input."""
    out = []
    for error in list(errors)[:10]:
        loc = [str(part)[:40] for part in error.get("loc", ())][:6]
        message = str(error.get("msg", "invalid"))
        if len(message) > _MESSAGE_CHARS:
            message = message[: _MESSAGE_CHARS - 1] + "…"
        out.append({"loc": loc, "msg": message, "type": str(error.get("type", ""))[:40]})
    return out


def install_limits(web: FastAPI) -> None:
    """Register the body limit (inside the security middleware) and the handlers."""
    import sqlite3

    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse
    from sqlalchemy.exc import SQLAlchemyError

    from unkink.services.database import failure_message
    from unkink.web.api_schema import AllowHeaderMiddleware, document_errors

    web.user_middleware.append(Middleware(BodyLimitMiddleware))  # innermost: after Host/CSRF
    plain_openapi = web.openapi

    def openapi() -> dict[str, Any]:
        if web.openapi_schema is None:
            web.openapi_schema = document_errors(plain_openapi())
        return web.openapi_schema

    web.openapi = openapi  # type: ignore[method-assign]
    web.user_middleware.append(Middleware(AllowHeaderMiddleware, openapi=openapi))

    @web.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return JSONResponse({"detail": short_errors(exc.errors())}, status_code=422)

    # A driver error the engine did not turn into an ``Unavailable`` (web/errors.py answers
    # those, 503 with Retry-After): plain words, never the SQL.
    async def _database(request: Request, exc: Exception) -> Response:
        message, unavailable = failure_message(exc)
        status = 503 if unavailable else 500
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": message}, status_code=status)
        from unkink.web.rendering import render_error

        response: Response = render_error(request, status, message)
        return response

    web.add_exception_handler(SQLAlchemyError, _database)
    web.add_exception_handler(sqlite3.Error, _database)  # the stdlib sqlite3 adapter's errors
