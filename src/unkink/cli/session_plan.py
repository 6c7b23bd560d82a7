"""The plan on screen: rich's table on a terminal, the same words as plain lines otherwise.

rich costs about 25 ms to import, so ``unkink plan`` to a pipe or a file prints plain lines
(as ``cli.render`` does for the catalogue) and never imports it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from unkink.textfmt import duration_short

if TYPE_CHECKING:
    from rich.table import Table

    from unkink.domain.session.planner import PlanRequest
    from unkink.domain.session.routines import Routine, RoutineItem
    from unkink.services.sessions import SessionPlan

PLAN_HEADER = ("#", "stretch, and why", "dose", "time")


def _dose(item: RoutineItem) -> str:
    sides = " each side" if len(item.sides) == 2 else ""
    holds = f", hold {item.holds[0]} s" if item.holds else ""
    return f"{item.reps} times{sides}{holds}"


def _why(item: RoutineItem) -> str:
    return item.reason + (f"\nChanged for you: {item.modification}" if item.modification else "")


def _plan_title(routine: Routine) -> str:
    return f"Your routine: about {duration_short(routine.total_s)}"


def _plan_caption(routine: Routine) -> str:
    trips = "once" if routine.floor_trips == 1 else f"{routine.floor_trips} times"
    caption = [f"You get down to the floor {trips}."] if routine.floor_trips else []
    return " ".join([*caption, *routine.notes])


def plan_table(routine: Routine) -> Table:
    """The routine: one row a stretch, with why it was chosen under its name (wrapped at words)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=_plan_title(routine), title_justify="left")
    table.add_column(PLAN_HEADER[0], justify="right", no_wrap=True)
    table.add_column(PLAN_HEADER[1], ratio=1, overflow="fold")
    table.add_column(PLAN_HEADER[2], no_wrap=True)
    table.add_column(PLAN_HEADER[3], justify="right", no_wrap=True)
    for n, item in enumerate(routine.items, start=1):
        cell = Text(item.exercise.name, style="cyan")
        cell.append("\n" + _why(item), style="default")
        table.add_row(str(n), cell, _dose(item), duration_short(item.duration_s))
    table.caption = _plan_caption(routine)
    return table


def plan_lines(routine: Routine) -> list[str]:
    """The plan table's words as plain lines: a row a stretch in aligned columns (number,
    name, dose, time), why it was chosen whole on the lines under it, then the caption."""
    rows = [
        (str(n), item.exercise.name, _dose(item), duration_short(item.duration_s))
        for n, item in enumerate(routine.items, start=1)
    ]
    from unkink.cli.columns import aligned, widths

    header, *shown = aligned([PLAN_HEADER, *rows], right={0, 3})
    lines = [_plan_title(routine), header]
    indent = " " * (widths([PLAN_HEADER, *rows])[0] + 2)
    for row, item in zip(shown, routine.items, strict=True):
        lines.append(row)
        lines.extend(indent + why for why in _why(item).split("\n"))
    caption = _plan_caption(routine)
    return [*lines, caption] if caption else lines


def print_plan(routine: Routine) -> None:
    """The plan: rich's table on a terminal, else ``plan_lines`` (rich is not imported)."""
    from unkink.cli.render import on_terminal

    if on_terminal():
        from unkink.cli.render import console

        console().print(plan_table(routine))
        return
    import click

    for text in plan_lines(routine):
        click.echo(text)


def plan_request(
    area: str, where: str, minutes: float | None, exclude: tuple[str, ...]
) -> PlanRequest:
    from unkink.domain.session.planner import USUAL_MINUTES, parse_request

    asked = USUAL_MINUTES if minutes is None else minutes
    return parse_request(area=area, where=where, minutes=asked, exclude=exclude or ())


def options_text(area: str, where: str, minutes: float, exclude: tuple[str, ...]) -> str:
    extra = "".join(f" --exclude {e}" for e in exclude or ())
    return f"--area {area} --where {where} --minutes {minutes:g}{extra}"


def note_shortened(planned: SessionPlan, request: PlanRequest) -> None:
    """Say so when no --minutes was given and the usual length did not fit."""
    if planned.shortened_to is None or planned.routine is None:
        return
    from unkink.cli.words import say

    place = "at the desk" if request.where == "desk" else "on the floor"
    hint = " For longer, use --where floor." if request.where == "desk" else ""
    say(  # folded at spaces on a terminal, never mid-word
        f"Planned the longest routine for your {request.area} back {place}: about "
        f"{planned.routine.total_s / 60:.0f} minutes.{hint}",
        err=True,
    )
