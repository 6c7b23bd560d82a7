"""The web app factory: ``create_app(app_or_settings) -> FastAPI``.

The composition root is called once, here (or by the caller, who passes a ready ``App``); the
FastAPI object carries it in ``state.unkink`` for the dependencies in ``deps.py``. Pages,
the JSON API, the figures and the offline files are separate routers.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware

from unkink import __version__
from unkink.bootstrap import App, build
from unkink.settings import Settings
from unkink.web.page_memo import PageMemo
from unkink.web.rendering import STATIC_DIR, TEMPLATES_DIR, WEB_DIR
from unkink.web.security import HostPolicy, SecurityMiddleware

__all__ = ["STATIC_DIR", "TEMPLATES_DIR", "WEB_DIR", "create_app"]


def create_app(
    app: App | Settings | None = None,
    *,
    bind_host: str = "127.0.0.1",
    extra_hosts: tuple[str, ...] = (),
) -> FastAPI:
    """Build the web app around one composed ``App`` (built here from settings if needed).

    ``bind_host`` is the address uvicorn listens on: requests must name it, or a loopback
    name, in their Host header. ``extra_hosts`` adds names (tests use ``testserver``).
    """
    from unkink.web import (
        api,
        api_followup,
        api_history,
        api_insights,
        api_safety,
        api_sessions,
        figures,
        offline,
        pages,
        pages_history,
        pages_insights,
        pages_sessions,
    )
    from unkink.web.errors import install_error_handlers
    from unkink.web.limits import install_limits

    composed = app if isinstance(app, App) else build(app)
    web = FastAPI(
        title="unkink",
        version=__version__,
        description="The local JSON API of unkink's web app. It answers only on this computer.",
        docs_url=None,  # Swagger UI would load scripts from another host
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    web.state.unkink = composed
    web.state.pages = PageMemo()  # read pages kept under the database's stamp (page_memo.py)
    # Bodies under 800 bytes go as they are; level 5, as level 9 took 3x the time for 1% less.
    web.add_middleware(GZipMiddleware, minimum_size=800, compresslevel=5)
    web.add_middleware(SecurityMiddleware, policy=HostPolicy.for_bind(bind_host, extra_hosts))
    from unkink.web.static_files import VersionedStaticFiles

    web.mount("/static", VersionedStaticFiles(directory=STATIC_DIR), name="static")
    web.include_router(api.router)
    web.include_router(api_safety.router)
    web.include_router(api_followup.router)
    web.include_router(api_sessions.router)
    web.include_router(api_history.router)
    web.include_router(api_insights.router)
    web.include_router(pages.router)
    web.include_router(pages_sessions.router)
    web.include_router(pages_history.router)
    web.include_router(pages_insights.router)
    web.include_router(figures.router)
    web.include_router(offline.router)
    install_error_handlers(web)
    install_limits(web)
    return web
