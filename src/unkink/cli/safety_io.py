"""What the safety commands share: options, plain errors, reading JSON files, and the
intended-use acknowledgment. Its own module, so ``cli.safety``, ``cli.cracks`` and
``cli.precautions`` import it and not each other (no import cycle).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from unkink.cli.errors import fail
from unkink.cli.words import say

if TYPE_CHECKING:
    from unkink.bootstrap import App

json_flag = click.option("--json", "as_json", is_flag=True, help="Print JSON; never ask anything.")
no_input_flag = click.option("--no-input", is_flag=True, help="Never ask anything; fail instead.")
accept_flag = click.option(
    "--accept-intended-use",
    "accept",
    is_flag=True,
    help="Record that you have read what unkink is and is not (see 'unkink check').",
)
MAX_FILE_BYTES = 1024 * 1024
"""Decision: an answers, profile or events file is small; we read at most 1 MiB of it."""


class Where(StrEnum):
    UPPER = "upper"
    LOWER = "lower"
    NECK = "neck"


@contextmanager
def plain_errors(source: Path | None = None) -> Iterator[None]:
    """Our own errors become a message and a non-zero exit, naming the file when there is one."""
    from unkink.domain.errors import UnkinkError

    try:
        yield
    except UnkinkError as exc:
        where = f"{source}: " if source else ""
        fail(f"{where}{exc}")


def read_json(path: Path) -> Any:
    """A small JSON file, or a plain message saying what is wrong with it and how to fix it."""
    if not path.exists():
        fail(f"{path} does not exist. Give the path of a JSON file.")
    if path.is_dir():
        fail(f"{path} is a folder, not a file. Give the path of a JSON file.")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        fail(f"{path} cannot be read ({exc.strerror or exc}). Check the path and its permissions.")
    if len(data) > MAX_FILE_BYTES:
        fail(f"{path} is too big for a JSON file of answers (more than 1 MB).")
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        fail(f"{path} is not a text file. Save it as UTF-8 JSON and try again.")
    except json.JSONDecodeError as exc:
        fail(
            f"{path} is not valid JSON: line {exc.lineno}, column {exc.colno}: {exc.msg}. "
            "Fix the file and run the command again."
        )
    except RecursionError:
        fail(f"{path} is nested too deeply to be a file of answers.")
    except ValueError:  # an integer of thousands of digits
        fail(f"{path} has a number that is far too long. Fix the file and try again.")


def ensure_acknowledged(app: App, *, accept: bool, may_ask: bool) -> None:
    """Intended use, acknowledged once: by flag, by asking, or fail naming the command."""
    from unkink.domain.safety.intended_use import ACCEPT_PROMPT, INTENDED_USE, NEEDS_ACKNOWLEDGMENT
    from unkink.services import safety

    if not safety.needs_intended_use(uow=app.uow):
        return
    if not accept:
        if not may_ask:
            fail(NEEDS_ACKNOWLEDGMENT)
        say("Before we start:")
        for line in INTENDED_USE:
            say(f"  - {line}")
        try:
            accepted = click.confirm(ACCEPT_PROMPT, default=False)
        except click.Abort:  # input ended (a pipe or a script): say how to go on
            say("")
            fail(NEEDS_ACKNOWLEDGMENT)
        if not accepted:
            fail(
                "unkink will not go on without this. Run 'unkink check' when you are ready.",
                code=1,
            )
    safety.acknowledge_intended_use(uow=app.uow, now=app.now())
