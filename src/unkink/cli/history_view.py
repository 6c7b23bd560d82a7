"""``unkink history`` on screen: a row a session, laid out by ``cli.columns``: the routine and
the result folded to the terminal's width there, the same words as whole plain lines to a pipe
or a file, without importing rich."""

from __future__ import annotations

from typing import TYPE_CHECKING

from unkink.textfmt import duration_short, rating_change, session_ending

if TYPE_CHECKING:
    from unkink.cli.columns import Table
    from unkink.services.session_history import HistoryEntry

HISTORY_TITLE = "Your sessions"
HISTORY_HEADER = ("date", "routine", "time", "result", "stiffness", "pain")
HISTORY_CAPTION = "time: done of planned. stiffness and pain (0-10): before → after."


def print_history(entries: list[HistoryEntry]) -> None:
    """``unkink history``: the title, a row a session (newest first), what the columns mean."""
    from unkink.cli.columns import echo, screen, titled

    echo(titled(HISTORY_TITLE, history_columns(entries), HISTORY_CAPTION, screen()))


def history_columns(entries: list[HistoryEntry]) -> Table:
    """The routine ("lower, floor, 5 stretches") folds after a comma and the result at a
    space on a narrow terminal; the date, the time and the ratings stay whole."""
    from unkink.cli.columns import Table

    rows = [HISTORY_HEADER, *_history_rows(entries)]
    return Table(rows, right={2}, text={1, 3}, lists={1})


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
