"""Where the web app's files are: templates and static files beside this module.

Its own module so routers (pages, offline) need not import the app factory (no cycle)."""

from __future__ import annotations

from pathlib import Path

WEB_DIR = Path(__file__).parent
STATIC_DIR = WEB_DIR / "static"
TEMPLATES_DIR = WEB_DIR / "templates"
