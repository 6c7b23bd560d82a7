"""``unkink history`` on screen: rich's table on a terminal, the same words as plain lines
otherwise (a pipe, a file, a test), without importing rich."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from unkink.textfmt import duration_short, rating_change, session_ending

if TYPE_CHECKING:
    from rich.table import Table

    from unkink.services.session_history import HistoryEntry

HISTORY_TITLE = "Your sessions"
HISTORY_HEADER = ("date", "routine", "time", "result", "stiffness", "pain")
HISTORY_CAPTION = "time: done of planned. stiffness and pain (0-10): before → after."


def print_history(entries: list[HistoryEntry]) -> None:
    """``unkink history``: rich's table on a terminal, else the same words as plain lines."""
    from unkink.cli.render import on_terminal

    if on_terminal():
        from unkink.cli.render import console

        console().print(history_table(entries))
        return
    from unkink.cli.columns import aligned

    click.echo(HISTORY_TITLE)
    for line in aligned([HISTORY_HEADER, *_history_rows(entries)], right={2}):
        click.echo(line)
    click.echo(HISTORY_CAPTION)


def _history_rows(entries: list[HistoryEntry]) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for e in entries:
        count = len(e.exercises)
        rows.append(
            (
                e.started_at.strftime("%Y-%m-%d %H:%M"),
                f"{e.area}, {e.where}, {count} stretch{'' if count == 1 else 'es'}",
                f"{duration_short(e.done_s)} of {duration_short(e.planned_s)}",
                session_ending(e.status, e.stop_reason),  # the web's words too
                rating_change(e.before[0], e.after[0]),
                rating_change(e.before[1], e.after[1]),
            )
        )
    return rows


def history_table(entries: list[HistoryEntry]) -> Table:
    from rich.table import Table

    table = Table(title=HISTORY_TITLE, title_justify="left")
    for name in HISTORY_HEADER:
        wraps = name in ("routine", "result")
        table.add_column(name, no_wrap=not wraps, justify="right" if name == "time" else "left")
    table.caption = HISTORY_CAPTION
    for row in _history_rows(entries):
        table.add_row(*row)
    return table
