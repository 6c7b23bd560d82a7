"""Plain aligned columns, for output that is not a terminal (a pipe, a file, a test).

One layout for every table unkink prints as plain lines (the exercises, a plan, history):
each column padded to its widest cell, two spaces between, numbers on the right when asked,
no trailing spaces. rich draws the same tables on a terminal; this never imports it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence


def widths(rows: Sequence[Sequence[str]]) -> list[int]:
    return [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]


def aligned(rows: Sequence[Sequence[str]], *, right: Collection[int] = ()) -> list[str]:
    """``rows`` (the header first) as lines; columns in ``right`` are aligned on the right."""
    sizes = widths(rows)
    return [
        "  ".join(
            cell.rjust(sizes[i]) if i in right else cell.ljust(sizes[i])
            for i, cell in enumerate(row)
        ).rstrip()
        for row in rows
    ]
