"""The terminal's questions around a session: ratings before and after, the stretch that
helped most, "this hurts", a 0-10 number. The answers go to the session services through
the recorder; the services decide what they mean."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from unkink.domain.session.status import Moment

if TYPE_CHECKING:
    from unkink.cli.session_recorder import Recorder
    from unkink.domain.session.routines import Routine
    from unkink.domain.session.run import SessionRun
    from unkink.services.session_log import PainStop


def ask_number(question: str, *, low: int = 0, high: int = 10, default: int | None = None) -> int:
    """Ask until the answer is a whole number from ``low`` to ``high``."""
    while True:
        text = str(typer.prompt(question, default=default)).strip()
        if text.isdigit() and low <= int(text) <= high:
            return int(text)
        typer.echo(f"Please type a whole number from {low} to {high}.")


def ask_rating(recorder: Recorder, moment: Moment) -> None:
    when = "right now" if moment is Moment.BEFORE else "now, after the session"
    stiffness = ask_number(f"How stiff is your back {when}? (0 = not at all, 10 = very)")
    pain = ask_number(f"How much pain do you have {when}? (0 = none, 10 = very bad)")
    recorder.rate(moment, stiffness, pain)


def ask_after(recorder: Recorder, routine: Routine) -> None:
    """At the end: ratings after, and which stretch helped most."""
    ask_rating(recorder, Moment.AFTER)
    items = routine.items
    typer.echo("Which stretch helped most?")
    for n, item in enumerate(items, start=1):
        typer.echo(f"  {n}. {item.exercise.name}")
    typer.echo("  0. None of them / not sure")
    choice = ask_number("Type a number", high=len(items), default=0)
    recorder.helped_most(items[choice - 1].exercise.id if choice else None)


def ask_pain(recorder: Recorder, run: SessionRun, now: float) -> PainStop:
    """Ask the pain score and the stop-at-once questions; the safety rules decide."""
    from unkink.domain.safety.pain import STOP_QUESTIONS, PainReport

    typer.echo("The session is paused. Let's check what you feel.")
    score = ask_number("How bad is the pain? (0 = none, 10 = very bad)")
    answers = {name: typer.confirm(question, default=False) for name, question in STOP_QUESTIONS}
    return recorder.pain(PainReport(score=score, **answers), run, now)
