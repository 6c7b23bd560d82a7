"""The ``unkink`` command. Each feature adds its commands from its own module via ``register``.

Keep this module light: it is imported on every start. Feature modules import heavy
packages (SQLAlchemy, FastAPI) inside their command functions, never at the top.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from unkink import __version__
from unkink.cli import (
    catalogue,
    db,
    figures,
    insights,
    measures,
    remind,
    report,
    safety,
    session,
    web,
)
from unkink.cli.context import AppRef
from unkink.cli.errors import report_errors

app = typer.Typer(
    name="unkink",
    help="A calm, safety-first back-stretching coach for people who sit a lot.\n\n"
    "unkink does not diagnose anything and is not for emergencies.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"unkink {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="URL",
            help="Database URL (default: a SQLite file in your user data folder).",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    if isinstance(ctx.obj, AppRef):  # a test handed in its own composed App
        ctx.obj.db_url = db or ctx.obj.db_url
    else:
        ctx.obj = AppRef(db_url=db)


# Each feature adds its commands; this order is the order of `unkink --help`, as a new user
# meets them: the session, then safety, reminders, insights, the library, the web app, figures,
# upkeep.
for _feature in (session, safety, remind, insights, measures, report, catalogue, web, figures, db):
    _feature.register(app)


def run(args: list[str] | None = None) -> None:
    """Console-script entry point: run the app; show errors as plain messages, never tracebacks.

    Not in click's standalone mode, so parameter mistakes and Ctrl-C come to
    ``report_errors``, which words them itself (no library text, no "Aborted!").
    """
    # unkink uses no pydantic plugins; looking for them scans every installed package's
    # metadata on the first validation (the catalogue models, on a cache miss): ~50 ms.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    with report_errors():
        code = app(args=args, prog_name="unkink", standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)


if __name__ == "__main__":
    run()
    sys.exit(0)
