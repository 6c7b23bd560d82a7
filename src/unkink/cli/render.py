"""The catalogue on screen: rich tables and panels on a terminal, plain lines otherwise.

rich costs about 25 ms to import, twice a bare Python start, so output that is not a terminal
(a pipe, a file, a test) gets the same words as plain lines, whole and unboxed, and rich is
never imported for it. Only ``cli/`` prints.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from unkink.domain.exercises import Catalogue, Exercise, Phase, Step

if TYPE_CHECKING:
    from rich.console import Console
    from rich.panel import Panel
    from rich.table import Table

REGION_WORDS = {
    "upper_back": "upper back",
    "mid_back": "middle back",
    "lower_back": "lower back",
    "hips": "hips",
}
EXERCISES_TITLE = "unkink exercises"
EXERCISES_CAPTION = "See one with: unkink show ID"


def console() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def on_terminal() -> bool:
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty and isatty())


def print_exercises(catalogue: Catalogue) -> None:
    """``unkink exercises``: a table on a terminal, else aligned plain columns."""
    if on_terminal():
        console().print(exercises_table(catalogue))
        return
    from unkink.cli.columns import aligned

    header = ("id", "name", "where", "min", "regions")
    click.echo(EXERCISES_TITLE)
    for line in aligned([header, *(_exercise_row(e) for e in catalogue)], right={3}):
        click.echo(line)
    click.echo(EXERCISES_CAPTION)


def print_exercise(exercise: Exercise) -> None:
    """``unkink show ID``: a panel on a terminal, else the same lines unboxed."""
    if on_terminal():
        console().print(exercise_panel(exercise))
        return
    steps = [(f"{i}.", step.text, _timing(step)) for i, step in enumerate(exercise.steps, 1)]
    number = max(len(n) for n, _, _ in steps)
    text = max(len(t) for _, t, _ in steps)
    click.echo(exercise.name)
    click.echo(exercise.summary)
    for n, words, timing in steps:
        click.echo(f"{n.rjust(number)} {words.ljust(text)}  {timing}".rstrip())
    click.echo(_dose(exercise))
    if exercise.cautions:
        click.echo("Take care:")
        for caution in exercise.cautions:
            click.echo(f"  • {caution}")


def _exercise_row(e: Exercise) -> tuple[str, str, str, str, str]:
    where = "desk or floor" if e.place == "desk" else "floor (mat)"
    regions = ", ".join(REGION_WORDS.get(r, str(r)) for r in e.regions)
    return e.id, e.name, where, f"{e.duration_s() / 60:.1f}", regions


def _timing(step: Step) -> str:
    timing = f"hold {step.seconds.value} s" if step.hold else f"{step.seconds.value} s"
    if step.phase is Phase.REP:
        timing += "  (repeat)"
    return timing


def _dose(exercise: Exercise) -> str:
    sides = " on each side" if len(exercise.sides) == 2 else ""
    return (
        f"Repeat {exercise.reps.value} times{sides}, resting {exercise.rest_s.value} s between. "
        f"About {exercise.duration_s() / 60:.1f} minutes."
    )


def exercises_table(catalogue: Catalogue) -> Table:
    from rich.table import Table

    table = Table(title=EXERCISES_TITLE, title_justify="left", expand=False)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("name")
    table.add_column("where")
    table.add_column("min", justify="right")
    table.add_column("regions")
    for e in catalogue:
        table.add_row(*_exercise_row(e))
    table.caption = EXERCISES_CAPTION
    return table


def exercise_panel(exercise: Exercise) -> Panel:
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    parts: list[object] = [Text(exercise.summary, style="italic")]
    steps = Table.grid(padding=(0, 1))
    steps.add_column(justify="right", style="bold")
    steps.add_column()
    steps.add_column(style="dim", no_wrap=True)
    for i, step in enumerate(exercise.steps, start=1):
        steps.add_row(f"{i}.", step.text, _timing(step))
    parts.append(steps)
    parts.append(Text(_dose(exercise), style="bold"))
    if exercise.cautions:
        parts.append(Text("Take care:", style="yellow bold"))
        parts.extend(Text(f"  • {c}") for c in exercise.cautions)
    return Panel(Group(*parts), title=exercise.name, title_align="left", expand=False)  # type: ignore[arg-type]
