"""Dependency aliases: routes ask for the role (``AppDep``, ``CatalogueDep``), not the wiring.

Both are ``async``: they only read attributes, and FastAPI sends every *sync* dependency to
the thread pool, one hop per dependency per request (two extra hops on ``/api/exercises``
cost more than the route's own work; issue 10). The catalogue's first load reads files, so
that one load still runs in the thread pool.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request

from unkink.bootstrap import App

if TYPE_CHECKING:
    from unkink.domain.exercises import Catalogue


async def get_app(request: Request) -> App:
    app: App = request.app.state.unkink
    return app


async def get_catalogue(app: Annotated[App, Depends(get_app)]) -> Catalogue:
    if "catalogue" in vars(app):  # loaded already (a cached_property keeps it in __dict__)
        return app.catalogue
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(lambda: app.catalogue)


AppDep = Annotated[App, Depends(get_app)]
CatalogueDep = Annotated["Catalogue", Depends(get_catalogue)]
