"""Plain printing for the terminal: long lines break at spaces, never inside a word.

A terminal cuts a long line wherever its width ends ("ev" / "eryone"). ``say`` folds text to
the terminal's width first, keeping a list item's indent on its later lines. Output that is not
a terminal (a pipe, a file, a test) is left as it is, so scripts see whole lines.
"""

from __future__ import annotations

import re
import shutil
import sys

import click

_ITEM = re.compile(r"^(\s*(?:[-*•]|\d+[.)])?\s*)")


def fold(text: str, width: int, *, least: int = 20, split_words: bool = False) -> str:
    """``text`` broken at spaces into lines of at most ``width`` characters (never under
    ``least``), never mid-word unless ``split_words`` (for a word wider than a table's column)."""
    import textwrap  # 1 ms, for a terminal only: a pipe gets its lines whole

    width = max(least, width)
    lines = []
    for paragraph in text.split("\n"):
        match = _ITEM.match(paragraph)
        hang = " " * len(match.group(1)) if match else ""
        lines.append(
            textwrap.fill(
                paragraph,
                width=width,
                subsequent_indent=hang,
                break_long_words=split_words,
                break_on_hyphens=False,
            )
            or paragraph
        )
    return "\n".join(lines)


def terminal_width(stream: object = None) -> int | None:
    """The width to fold to, or None when the output is not a terminal."""
    stream = stream or sys.stdout
    isatty = getattr(stream, "isatty", None)
    if isatty is None or not isatty():
        return None
    return shutil.get_terminal_size((80, 24)).columns - 1


def say(text: str = "", *, err: bool = False) -> None:
    """Print ``text`` folded to the terminal's width (as ``click.echo`` otherwise)."""
    width = terminal_width(sys.stderr if err else sys.stdout)
    click.echo(text if width is None else fold(text, width), err=err)
