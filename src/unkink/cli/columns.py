"""Aligned columns: the one table layout of ``exercises``, ``show``, ``plan`` and ``history``.

To a pipe or a file (width None) each column is as wide as its widest cell and nothing is
folded or styled, so scripts see whole lines. On a terminal the same words are folded at spaces
to its width (the text columns first: a name, a reason, a step), a cell's later lines keep its
column, and ANSI styles mark the header, the id or name column and secondary text, unless
NO_COLOR is set. The standard library and click only: rich took 25-30 ms to import, 2-4 times a
bare Python start, to draw these tables (it stays for the session player).
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Sequence
from typing import Any, NamedTuple

import click

from unkink.cli.words import fold, terminal_width

GAP = 2
"""Spaces between two columns."""
_KEEP = "\x00"  # holds words together while a cell is folded: a list item, a number's unit
_UNIT = re.compile(r"(?<=\d) (?=(?:s|min|h)\b)")  # "30 s" is never "30 / s"


class Table(NamedTuple):  # a NamedTuple: a frozen dataclass took 1.5 ms of the start
    """Rows of cells (the header first, when ``header``) and how to lay them out."""

    rows: Sequence[Sequence[str]]
    header: bool = True
    right: Collection[int] = ()  # aligned on the right (numbers)
    text: Collection[int] = ()  # folded first when a line is too wide: names, reasons, steps
    lists: Collection[int] = ()  # "a, b, c": folded after a comma while the items fit
    accent: int | None = 0  # cyan: the id or the name
    dim: Collection[int] = ()  # secondary words
    notes: Sequence[str] = ()  # under each body row, from column ``note_at`` on
    note_at: int = 1


class Screen(NamedTuple):
    """Where lines go: ``width`` to fold to (None: not a terminal, lines stay whole) and
    whether to style them."""

    width: int | None = None
    color: bool = False


PLAIN = Screen()
"""A pipe or a file: whole lines, no escape codes."""


def screen() -> Screen:
    """stdout: its width when it is a terminal, and colour unless NO_COLOR is set."""
    width = terminal_width()
    return Screen(width, width is not None and not os.environ.get("NO_COLOR"))


def paint(text: str, out: Screen, **how: Any) -> str:
    """``text`` styled with click.style's ``how`` when ``out`` takes colour."""
    return click.style(text, **how) if out.color and how and text else text


def prose(text: str, out: Screen = PLAIN, **how: Any) -> list[str]:
    """A title, a caption or a sentence: folded at spaces to ``out``'s width, then styled."""
    if not text:
        return []
    lines = text.split("\n") if out.width is None else fold(text, out.width).split("\n")
    return [paint(line, out, **how) for line in lines]


def titled(title: str, table: Table, caption: str, out: Screen = PLAIN) -> list[str]:
    """A bold title, the table, a dim caption."""
    return [*prose(title, out, bold=True), *layout(table, out), *prose(caption, out, dim=True)]


def echo(lines: Sequence[str]) -> None:
    for line in lines:
        click.echo(line)


def layout(table: Table, out: Screen = PLAIN) -> list[str]:
    """The table's lines: whole cells when ``out.width`` is None, else folded to fit it (a
    table too wide for the terminal even so is shown a row at a time: see ``_records``)."""
    sizes = _sizes(table, out.width)
    if sizes is None:
        return _records(table, out)
    if out.width is None:
        folded = [_column(table, i, None) for i in range(len(sizes))]
    else:
        folded = _widened(table, [_column(table, i, n) for i, n in enumerate(sizes)], out.width)
    sizes = [_widest(column) for column in folded]
    indent = sum(sizes[: table.note_at]) + GAP * table.note_at
    if out.width is not None and out.width - indent < 10:
        indent = 0  # no room beside the first columns: notes from the left edge
    room = None if out.width is None else out.width - indent
    lines = []
    for n in range(len(table.rows)):
        head = table.header and n == 0
        row = [column[n] for column in folded]
        for k in range(max(map(len, row))):
            parts = []
            for i, cell in enumerate(row):
                words = cell[k] if k < len(cell) else ""
                pad = " " * (sizes[i] - len(words))
                painted = paint(words, out, **({"bold": True} if head else _how(table, i)))
                parts.append(pad + painted if i in table.right else painted + pad)
            lines.append((" " * GAP).join(parts).rstrip())
        if table.notes and not head:
            note = table.notes[n - 1 if table.header else n]
            lines.extend(" " * indent + line for line in _fold(note, room))
    return lines


def _column(table: Table, i: int, size: int | None) -> list[list[str]]:
    return [_fold(row[i], size, i in table.lists) for row in table.rows]


def _widened(table: Table, folded: list[list[list[str]]], width: int) -> list[list[list[str]]]:
    """Room left by cells folded shorter than their column goes to a text column it spares
    a line (the later column first)."""
    for i in sorted(table.text, reverse=True):
        slack = width - GAP * (len(folded) - 1) - sum(map(_widest, folded))
        wider = _column(table, i, _widest(folded[i]) + slack)
        if slack > 0 and sum(map(len, wider)) < sum(map(len, folded[i])):
            folded[i] = wider
    return folded


def _widest(column: list[list[str]]) -> int:
    return max(len(line) for cell in column for line in cell)


def _records(table: Table, out: Screen) -> list[str]:
    """A row at a time, for a terminal too narrow for the columns without cutting words: the
    first cell, then each other cell beside its header, the two aligned as columns."""
    assert out.width is not None
    inner = Screen(max(1, out.width - GAP), out.color)
    header, *rows = table.rows
    lines = []
    for n, row in enumerate(rows):
        lines += [paint(line, out, **_how(table, 0)) for line in _fold(row[0], out.width)]
        pairs = Table(list(zip(header[1:], row[1:], strict=True)), header=False, text={1},
                      accent=None, dim={0})  # fmt: skip
        lines += [" " * GAP + line for line in layout(pairs, inner)]
        if table.notes:
            lines += [" " * GAP + line for line in _fold(table.notes[n], inner.width)]
    return lines


def _how(table: Table, column: int) -> dict[str, Any]:
    if column == table.accent:
        return {"fg": "cyan"}
    return {"dim": True} if column in table.dim else {}


def _sizes(table: Table, width: int | None) -> list[int] | None:
    """Each column's width: its widest cell, then, if the line is wider than ``width``, the
    widest column narrowed first: the text columns down to their longest word (or list item).
    If that is not enough, None for a table with a header (shown a row at a time); in one
    without, any column down to its longest word, then words are cut (a very narrow terminal)."""
    columns = range(len(table.rows[0]))
    cells = [[row[i] for row in table.rows] for i in columns]
    sizes = [max(len(line) for cell in cells[i] for line in cell.split("\n")) for i in columns]
    if width is None:
        return sizes
    words = [max([1, *(len(w) for cell in cells[i] for w in _words(cell))]) for i in columns]
    items = [
        max([words[i], *(len(w) for cell in cells[i] for w in _words(_items(cell)))])
        if i in table.lists
        else words[i]
        for i in columns
    ]
    room = width - GAP * (len(sizes) - 1)
    stages = [(table.text, items), (columns, words), (columns, [1] * len(sizes))]
    for stage, (narrowed, least) in enumerate(stages):
        if stage == 1 and table.header and len(sizes) > 1 and sum(sizes) > room:
            return None
        while sum(sizes) > room:
            wide = [i for i in reversed(columns) if i in narrowed and sizes[i] > least[i]]
            if not wide:
                break
            sizes[max(wide, key=lambda i: sizes[i])] -= 1  # a tie narrows the later column
    return sizes


def _words(text: str) -> list[str]:
    """What folding never breaks (unless it is wider than the column)."""
    return _UNIT.sub(_KEEP, text).split()


def _items(text: str) -> str:
    """A list ("a b, c d") with each item's spaces held, so it folds after a comma."""
    return text.replace(" ", _KEEP).replace("," + _KEEP, ", ")


def _fold(text: str, size: int | None, items: bool = False) -> list[str]:
    """A cell's lines in ``size`` characters (None: as they are); a list cell ("a, b, c")
    breaks after a comma while each item fits; a word is cut only when wider than ``size``."""
    if size is None:
        return text.split("\n")
    if items and all(len(word) <= size for word in _words(_items(text))):
        text = _items(text)
    cut = any(len(word) > size for word in _words(text))
    kept = fold(_UNIT.sub(_KEEP, text), size, least=1, split_words=cut)
    # rstrip: textwrap can leave a space at the end of a line when it cuts the next word
    return [line.rstrip() for line in kept.replace(_KEEP, " ").split("\n")]
