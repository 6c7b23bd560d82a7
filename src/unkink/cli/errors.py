"""Turning failures into plain messages: what went wrong, where, and how to fix it."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, NoReturn

import click

from unkink.domain.errors import Unavailable, UnkinkError

if TYPE_CHECKING:
    from pathlib import Path

EXIT_USAGE = 2


def fail(message: str, *, code: int = EXIT_USAGE) -> NoReturn:
    """Print a message to stderr and exit non-zero. For use inside commands."""
    click.echo(f"unkink: {message}", err=True)
    raise click.exceptions.Exit(code)


@contextmanager
def report_errors() -> Iterator[None]:
    try:
        yield
    except UnkinkError as exc:
        print(f"unkink: {exc}", file=sys.stderr)
        sys.exit(1 if isinstance(exc, Unavailable) else EXIT_USAGE)
    except KeyboardInterrupt:  # Ctrl-C: stop quietly, on a fresh line
        print(file=sys.stderr)
        sys.exit(130)
    except click.exceptions.Abort:
        print(file=sys.stderr)  # Ctrl-C or Ctrl-D at a prompt: quietly, no "Aborted!"
        sys.exit(130)
    except click.exceptions.ClickException as exc:
        ctx = getattr(exc, "ctx", None)
        if ctx is not None and (
            isinstance(exc, click.exceptions.NoArgsIsHelpError)
            or str(exc).startswith("Missing command")
        ):
            print(ctx.get_help())  # 'unkink' or 'unkink db' alone: the help, as before
            sys.exit(EXIT_USAGE)
        from unkink.cli.usage import usage_message

        print(f"unkink: {usage_message(exc)}", file=sys.stderr)
        sys.exit(EXIT_USAGE)
    except Exception as exc:
        _last_guard(exc)


def _last_guard(exc: Exception) -> None:
    """A bug, or a database we cannot reach: a plain message, and a crash log for a bug."""
    name = type(exc).__module__ + "." + type(exc).__name__
    if name.startswith(("sqlalchemy.", "sqlite3.")):  # either storage adapter
        from unkink.services.database import failure_message

        print(f"unkink: {failure_message(exc)[0]}", file=sys.stderr)
        sys.exit(1)
    log = _write_crash_log()
    where = f" Details were saved to {log}." if log else ""
    print(
        f"unkink: something went wrong inside unkink ({type(exc).__name__}: {exc}).{where}\n"
        "Your data so far is saved. Please report this with the details file.",
        file=sys.stderr,
    )
    sys.exit(1)


def _write_crash_log() -> Path | None:
    try:  # imported here: every start imports this module, and only a crash needs these
        import traceback
        from datetime import datetime

        from unkink.settings import load_settings

        folder = load_settings().data_dir / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        stamp = f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}-{os.getpid()}"
        for n in range(100):  # two crashes in one second (or microsecond) keep two logs
            path = folder / (f"{stamp}.txt" if n == 0 else f"{stamp}-{n}.txt")
            try:
                with path.open("x", encoding="utf-8") as out:
                    out.write(traceback.format_exc())
                return path
            except FileExistsError:
                continue
        return None
    except Exception:
        return None
