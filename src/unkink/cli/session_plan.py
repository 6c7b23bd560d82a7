"""The plan on screen: a row a stretch (number, name, dose, time), why it was chosen on the
lines under it, laid out by ``cli.columns``: folded to the terminal's width and styled there,
whole plain lines to a pipe or a file. rich is not imported for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from unkink.textfmt import counted, duration_short

if TYPE_CHECKING:
    from unkink.cli.columns import Screen, Table
    from unkink.domain.session.planner import PlanRequest
    from unkink.domain.session.routines import Routine, RoutineItem
    from unkink.services.sessions import SessionPlan

PLAN_HEADER = ("#", "stretch, and why", "dose", "time")


def _dose(item: RoutineItem) -> str:
    sides = " each side" if len(item.sides) == 2 else ""
    holds = f", hold {item.holds[0]} s" if item.holds else ""
    return f"{counted(item.reps, 'time')}{sides}{holds}"


def _why(item: RoutineItem) -> str:
    return item.reason + (f"\nChanged for you: {item.modification}" if item.modification else "")


def _plan_title(routine: Routine) -> str:
    return f"Your routine: about {duration_short(routine.total_s)}"


def _plan_caption(routine: Routine) -> str:
    trips = "once" if routine.floor_trips == 1 else f"{routine.floor_trips} times"
    caption = [f"You get down to the floor {trips}."] if routine.floor_trips else []
    return " ".join([*caption, *routine.notes])


def plan_columns(routine: Routine) -> Table:
    """A row a stretch; why it was chosen (and what was changed for you) under its name."""
    from unkink.cli.columns import Table

    rows = [
        (str(n), item.exercise.name, _dose(item), duration_short(item.duration_s))
        for n, item in enumerate(routine.items, start=1)
    ]
    notes = [_why(item) for item in routine.items]
    return Table([PLAN_HEADER, *rows], right={0, 3}, text={1, 2}, accent=1, notes=notes)


def plan_lines(routine: Routine, out: Screen | None = None) -> list[str]:
    """The plan's title, table and caption: whole plain lines unless ``out`` is a terminal."""
    from unkink.cli.columns import PLAIN, titled

    return titled(_plan_title(routine), plan_columns(routine), _plan_caption(routine), out or PLAIN)


def print_plan(routine: Routine) -> None:
    from unkink.cli.columns import echo, screen

    echo(plan_lines(routine, screen()))


def print_start_with(command: str) -> None:
    """The command that starts the plan: on the same line as "Start it with:" when it fits,
    else whole on its own line, so a narrow terminal never breaks it mid-word."""
    import click

    from unkink.cli.words import terminal_width

    width = terminal_width()
    if width is not None and len("Start it with: " + command) > width:
        click.echo(f"Start it with:\n  {command}")
    else:
        click.echo("Start it with: " + command)


def plan_request(area: str, where: str, minutes: float, exclude: tuple[str, ...]) -> PlanRequest:
    """The request from the resolved options (``plan_defaults.resolve`` fills what was not
    typed, the minutes too)."""
    from unkink.domain.session.planner import parse_request

    return parse_request(area=area, where=where, minutes=minutes, exclude=exclude or ())


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
