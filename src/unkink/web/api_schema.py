"""The API's OpenAPI document as the API behaves: every error it can answer is listed.

schemathesis checks each answer against this document (tests/integration/test_web_api_fuzz.py),
so the errors every route may give (400, 404, 409, 413, 503) are added once, here, and a 405
lists in ``Allow`` every method the path answers to.
"""

from __future__ import annotations

from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class AllowHeaderMiddleware:
    """A 405 lists every method the path answers to (Starlette names only the first route's).

    The methods come from the OpenAPI document, which lists every route of the API.
    """

    def __init__(self, app: ASGIApp, *, openapi: Any) -> None:
        self.app = app
        self.openapi = openapi
        self._paths: list[tuple[Any, list[str]]] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def fix_allow(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 405:
                allowed = self._methods(scope["path"])
                if allowed:
                    headers = [(k, v) for k, v in message.get("headers", []) if k != b"allow"]
                    message["headers"] = [*headers, (b"allow", ", ".join(allowed).encode())]
            await send(message)

        await self.app(scope, receive, fix_allow)

    def _methods(self, path: str) -> list[str]:
        if self._paths is None:
            from starlette.routing import compile_path

            self._paths = [
                (compile_path(route)[0], sorted(m.upper() for m in item))
                for route, item in self.openapi().get("paths", {}).items()
            ]
        return next((methods for regex, methods in self._paths if regex.match(path)), [])


_ERRORS = {
    "400": "The body is not JSON unkink can use",
    "404": "Not found",
    "409": "Not allowed in the current state",
    "413": "The body is larger than 64 KiB",
    "503": "The database can't be used right now",
}


def document_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the error answers every route can give to the OpenAPI document, once.

    Times are local wall times without an offset (see storage/tables.py), so they are
    documented as ``local-date-time`` rather than RFC 3339 ``date-time``, which needs one.
    """
    error = {"type": "object", "properties": {"detail": {}}, "required": ["detail"]}
    schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = error
    ref = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    for item in schema.get("paths", {}).values():
        for method, operation in item.items():
            codes = ["503", "404", "409"]  # a session (or exercise) that is gone or ended
            if method in ("post", "put", "patch", "delete"):
                codes += ["400", "413"]
            responses = operation.setdefault("responses", {})
            for code in codes:
                responses.setdefault(code, {"description": _ERRORS[code], **ref})
    # A 422 from a route says what is wrong in one sentence; from validation, as a list.
    validation = schema["components"]["schemas"].get("HTTPValidationError")
    if validation is not None:
        listed = validation["properties"]["detail"]
        validation["properties"]["detail"] = {"anyOf": [listed, {"type": "string"}]}
    _local_times(schema)
    return schema


def _local_times(node: Any) -> None:
    if isinstance(node, dict):
        if node.get("format") == "date-time":
            node["format"] = "local-date-time"
        for value in node.values():
            _local_times(value)
    elif isinstance(node, list):
        for value in node:
            _local_times(value)
