"""Installable and offline: the web app manifest and the service worker, served from the root.

The worker must live at ``/sw.js`` so its scope covers every page; its cache name carries the
version so an upgrade replaces old files.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response

from unkink import __version__
from unkink.web.rendering import STATIC_DIR

router = APIRouter(include_in_schema=False)

PRECACHE = (
    "/static/app.css",
    "/static/app.js",
    "/static/api.js",
    "/static/chime.js",
    "/static/forms.js",
    "/static/after.js",
    "/static/player.css",
    "/static/player.js",
    "/static/icon.svg",
    "/static/icon-192.png",
)
"""The shell, cached when the worker installs (as ``?v=`` URLs; modules import them bare)."""


def manifest() -> dict[str, Any]:
    return {
        "name": "unkink: back-stretching coach",
        "short_name": "unkink",
        "description": "Gentle, guided back stretches. Runs on your own computer.",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#f5f4ef",
        "theme_color": "#2c6b63",
        "icons": [
            {"src": "/static/icon.svg", "sizes": "any", "type": "image/svg+xml"},
            {"src": "/static/icon-192.png", "sizes": "192x192", "type": "image/png"},
            {"src": "/static/icon-512.png", "sizes": "512x512", "type": "image/png"},
            {
                "src": "/static/icon-512.png",
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
    }


@router.get("/manifest.webmanifest")
def web_manifest() -> JSONResponse:
    return JSONResponse(manifest(), media_type="application/manifest+json")


@router.get("/sw.js")
def service_worker() -> Response:
    source = (STATIC_DIR / "sw.js").read_text("utf-8")
    source = source.replace("__VERSION__", __version__).replace(
        "__PRECACHE__", ", ".join(f'"{p}?v={__version__}"' for p in PRECACHE)
    )
    return Response(
        source,
        media_type="text/javascript",
        headers={"Cache-Control": "no-cache", "Service-Worker-Allowed": "/"},
    )
