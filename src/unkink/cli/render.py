"""The catalogue on screen: ``unkink exercises`` and ``unkink show ID``.

The same words on a terminal and to a pipe, laid out by ``cli.columns`` (folded to the
terminal's width and styled there, whole plain lines otherwise); rich is not imported for them.
``console`` is rich's, for the session player. Only ``cli/`` prints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from unkink.domain.exercises import Catalogue, Exercise, Phase, Step
from unkink.textfmt import counted

if TYPE_CHECKING:
    from rich.console import Console

    from unkink.cli.columns import Table

REGION_WORDS = {
    "upper_back": "upper back",
    "mid_back": "middle back",
    "lower_back": "lower back",
    "hips": "hips",
}
EXERCISES_TITLE = "unkink exercises"
EXERCISES_HEADER = ("id", "name", "where", "min", "regions")
EXERCISES_CAPTION = "See one with: unkink show ID"


def console() -> Console:
    """rich's console, for the full-screen session player (``unkink start``)."""
    from rich.console import Console

    return Console(highlight=False)


def print_exercises(catalogue: Catalogue) -> None:
    """``unkink exercises``: a row an exercise, its regions folded on a narrow terminal."""
    from unkink.cli.columns import echo, screen, titled

    echo(titled(EXERCISES_TITLE, catalogue_columns(catalogue), EXERCISES_CAPTION, screen()))


def catalogue_columns(catalogue: Catalogue) -> Table:
    from unkink.cli.columns import Table

    rows = [EXERCISES_HEADER, *(_exercise_row(e) for e in catalogue)]
    return Table(rows, right={3}, text={1, 4}, lists={4})


def print_exercise(exercise: Exercise) -> None:
    """``unkink show ID``: the name, the summary, numbered steps (the text folded on a
    terminal, the timing whole), the dose and what to take care of."""
    from unkink.cli.columns import echo, layout, prose, screen

    out = screen()
    lines = [*prose(exercise.name, out, bold=True), *prose(exercise.summary, out)]
    lines += layout(steps_columns(exercise), out)
    lines += prose(_dose(exercise), out, bold=True)
    if exercise.cautions:
        lines += prose("Take care:", out, fg="yellow", bold=True)
        for caution in exercise.cautions:
            lines += prose(f"  • {caution}", out)
    echo(lines)


def steps_columns(exercise: Exercise) -> Table:
    from unkink.cli.columns import Table

    rows = [(f"{i}.", step.text, _timing(step)) for i, step in enumerate(exercise.steps, 1)]
    return Table(rows, header=False, right={0}, text={1}, accent=None, dim={2})


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
        f"Repeat {counted(exercise.reps.value, 'time')}{sides},"
        f" resting {exercise.rest_s.value} s between. "
        f"About {exercise.duration_s() / 60:.1f} minutes."
    )
