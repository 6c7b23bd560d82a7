"""The terminal's questions around a session: ratings before and after, the stretch that
helped most, "this hurts", a 0-10 number. The answers go to the session services through
the recorder; the services decide what they mean."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from unkink.domain.session.status import Moment

if TYPE_CHECKING:
    from unkink.cli.session_recorder import Recorder
    from unkink.domain.session.run import SessionRun
    from unkink.services.session_log import PainStop


def ask_number(question: str, *, low: int = 0, high: int = 10, default: int | None = None) -> int:
    """Ask until the answer is a whole number from ``low`` to ``high``."""
    while True:
        text = str(click.prompt(question, default=default)).strip()
        if text.isdigit() and low <= int(text) <= high:
            return int(text)
        click.echo(f"Please type a whole number from {low} to {high}.")


def ask_rating(recorder: Recorder, moment: Moment) -> None:
    when = "right now" if moment is Moment.BEFORE else "now, after the session"
    stiffness = ask_number(f"How stiff is your back {when}? (0 = not at all, 10 = very)")
    pain = ask_number(f"How much pain do you have {when}? (0 = none, 10 = very bad)")
    recorder.rate(moment, stiffness, pain)


def ask_after(recorder: Recorder) -> None:
    """At the end: ratings after, which stretch helped most (of those done: the session
    service's list, the web's too), then the closing panel."""
    from unkink.services import closing

    ask_rating(recorder, Moment.AFTER)
    app, session_id = recorder.app, recorder.session_id
    done = closing.stretches_done(uow=app.uow, catalogue=app.catalogue, session_id=session_id)
    if done:
        click.echo("Which stretch helped most?")
        for n, stretch in enumerate(done, start=1):
            click.echo(f"  {n}. {stretch.name}")
        click.echo("  0. None of them / not sure")
        choice = ask_number("Type a number", high=len(done), default=0)
        recorder.helped_most(done[choice - 1].exercise_id if choice else None)
    show_closing(recorder)


def show_closing(recorder: Recorder) -> None:
    """What was done, before → after, this week and the streak: the web's closing screen."""
    from unkink.cli.render import console
    from unkink.cli.session_view import closing_panel
    from unkink.services import closing

    app = recorder.app
    facts = closing.closing(
        uow=app.uow, catalogue=app.catalogue, session_id=recorder.session_id, today=app.today()
    )
    console().print(closing_panel(facts))


def ask_pain(recorder: Recorder, run: SessionRun, now: float) -> PainStop:
    """Ask the pain score and the stop-at-once questions; the safety rules decide."""
    from unkink.domain.safety.pain import STOP_QUESTIONS, PainReport

    click.echo("The session is paused. Let's check what you feel.")
    score = ask_number("How bad is the pain? (0 = none, 10 = very bad)")
    answers = {name: click.confirm(question, default=False) for name, question in STOP_QUESTIONS}
    return recorder.pain(PainReport(score=score, **answers), run, now)
