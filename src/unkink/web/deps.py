"""Dependency aliases: routes ask for the role (``AppDep``, ``CatalogueDep``), not the wiring."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request

from unkink.bootstrap import App

if TYPE_CHECKING:
    from unkink.domain.exercises import Catalogue


def get_app(request: Request) -> App:
    app: App = request.app.state.unkink
    return app


def get_catalogue(app: Annotated[App, Depends(get_app)]) -> Catalogue:
    return app.catalogue


AppDep = Annotated[App, Depends(get_app)]
CatalogueDep = Annotated["Catalogue", Depends(get_catalogue)]
