"""The ``unkink`` command: a click group that imports each feature module only when needed.

Keep this module light: it is imported on every start. ``COMMANDS`` names each command's
feature module and its one-line help, so ``unkink --help`` lists every command without
importing any of them, and ``unkink show ID`` imports only ``cli.catalogue``. The module adds
its commands to the group with its ``register`` function. Feature modules import heavy
packages (SQLAlchemy, FastAPI, rich) inside their command functions, never at the top.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from unkink import __version__
from unkink.cli.context import AppRef
from unkink.cli.errors import report_errors
from unkink.cli.groups import OrderedGroup

COMMANDS: dict[str, tuple[str, str]] = {
    # name: (module in unkink.cli, its help as `unkink --help` shortens it). The order is the
    # order of `unkink --help`, as a new user meets them: the session, then safety, reminders,
    # measures, the library, the web app; then the groups. tests/unit/test_cli_main.py checks
    # each help against the command's own.
    "start": (
        "session",
        "Start a guided session: a calm coach talks you through each stretch, on time.",
    ),
    "plan": (
        "session",
        "Plan a routine for an area and a place that fits the minutes, and say why each stretch.",
    ),
    "history": (
        "session",
        "Your past sessions: date, routine, minutes done, how it ended, and your ratings.",
    ),
    "check": (
        "safety",
        "Answer the safety questions; see whether stretching is right for you now.",
    ),
    "profile": (
        "precautions",
        "Record conditions that change which stretches are safe (dated, so windows expire).",
    ),
    "precautions": (
        "precautions",
        "Which stretches are offered to you, offered with changes, or not offered at all.",
    ),
    "crack": ("cracks", "Log that you cracked your back (now, or --at an earlier time)."),
    "today": (
        "remind",
        "Today: breaks taken, the longest sitting stretch, and floor stretches for later.",
    ),
    "measures": (
        "measures",
        "This week's pain rating and your hard activities (PSFS). Asked at most once a week.",
    ),
    "report": (
        "report",
        "Make a summary of your own records to bring to a physiotherapist or GP.",
    ),
    "exercises": (
        "catalogue",
        "List the exercises: name, where you can do them, minutes, and body regions.",
    ),
    "show": ("catalogue", "Show one exercise step by step, with hold times and repeats."),
    "serve": (
        "web",
        "Run the web app (player, screening, history) at http://127.0.0.1:8765 and open it.",
    ),
    "cracks": ("cracks", "Your self-crack log: how often, and whether it looks like strain."),
    "remind": ("remind", "Desk-break reminders that start a 2-minute chair routine."),
    "insights": (
        "insights",
        "What your own records say: which stretches seemed to help, and weekly trends.",
    ),
    "catalogue": ("catalogue", "Work with exercise files."),
    "figures": ("figures", "Draw the figures of every step (original work, CC0)."),
    "db": ("db", "Look after the local database."),
}


class LazyGroup(OrderedGroup):
    """click's lazy-loading group: a command's module is imported when the command is run."""

    def __init__(self, *args: Any, lazy: dict[str, tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*self.lazy, *(name for name in self.commands if name not in self.lazy)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            module = importlib.import_module(f"unkink.cli.{self.lazy[cmd_name][0]}")
            module.register(self)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from ``lazy`` (each help shortened as click does), no imports."""
        rows = []
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        for name in names:
            loaded = self.commands.get(name)
            shown = loaded or click.Command(name, help=self.lazy[name][1])
            if not shown.hidden:
                rows.append((name, shown.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as stopped:  # Ctrl-C outside a prompt: a quiet stop, 130
            raise click.exceptions.Exit(130) from stopped


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"unkink {__version__}")
        ctx.exit()


@click.group(
    "unkink",
    cls=LazyGroup,
    lazy=COMMANDS,
    help="A calm, safety-first back-stretching coach for people who sit a lot.\n\n"
    "unkink does not diagnose anything and is not for emergencies.",
    no_args_is_help=True,
    context_settings={"show_default": True},
)
@click.option(
    "--db",
    metavar="URL",
    help="Database URL (default: a SQLite file in your user data folder).",
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_version,
    help="Show the version.",
)
@click.pass_context
def app(ctx: click.Context, db: str | None) -> None:
    if isinstance(ctx.obj, AppRef):  # a test handed in its own composed App
        ctx.obj.db_url = db or ctx.obj.db_url
    else:
        ctx.obj = AppRef(db_url=db)


def run(args: list[str] | None = None) -> None:
    """Console-script entry point: run the app; show errors as plain messages, never tracebacks.

    Not in click's standalone mode, so parameter mistakes and Ctrl-C come to
    ``report_errors``, which words them itself (no library text, no "Aborted!").
    """
    # unkink uses no pydantic plugins; looking for them scans every installed package's
    # metadata on the first validation (the catalogue models, on a cache miss): ~50 ms.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    with report_errors():
        code = app.main(args=args, prog_name="unkink", standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)


if __name__ == "__main__":
    run()
    sys.exit(0)
