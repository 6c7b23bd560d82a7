"""How commands reach the composed App: built once, lazily, from the global options."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from unkink.bootstrap import App


class AppRef:
    """The ``--db`` URL, and the App built from it on first use (a plain class: ``dataclasses``
    would cost every start, ``unkink --help`` too, a few milliseconds)."""

    def __init__(self, db_url: str | None = None, _app: App | None = None) -> None:
        self.db_url = db_url
        self._app = _app

    def __repr__(self) -> str:
        return f"AppRef(db_url={self.db_url!r})"

    def get(self) -> App:
        if self._app is None:
            from unkink.bootstrap import build
            from unkink.settings import load_settings

            self._app = build(load_settings(database_url=self.db_url))
            self._app.notice = lambda message: click.echo(f"unkink: {message}", err=True)
        return self._app


def get_app(ctx: click.Context) -> App:
    """The App for this run. Tests may put a ready App in ``ctx.obj`` via ``AppRef(_app=...)``."""
    root = ctx.find_root()
    ref = root.obj if isinstance(root.obj, AppRef) else AppRef()
    root.obj = ref
    return ref.get()
