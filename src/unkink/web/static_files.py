"""Static files with a cache policy: versioned URLs (``?v=<version>``) are kept for a year.

Pages link every file as ``/static/name?v=<version>``, so a new release changes the URL and
the browser never needs to ask again (``immutable``). A bare URL (an ES module's own
``import "./api.js"``) is revalidated each time (``no-cache``, with ETag and Last-Modified),
so it is never stale.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from unkink import __version__

LONG = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


class VersionedStaticFiles(StaticFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        versioned = query.get("v") == [__version__]
        if response.status_code in (200, 304):
            response.headers["Cache-Control"] = LONG if versioned else REVALIDATE
        return response
