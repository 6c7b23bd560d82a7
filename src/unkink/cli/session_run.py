"""Running a stored session from the terminal: unattended (cue lines or JSON) or with keys.

Everything is written as it happens through ``services.sessions``: each cue, pause, skip,
pain report and rating in its own transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from unkink.cli.player import Voice, json_event, play_unattended, precise_sleep
from unkink.domain.session.run import RunStatus, SessionRun, resume_run
from unkink.domain.session.timeline import Cue, CueKind
from unkink.services import sessions
from unkink.services.sessions import ResumeState

if TYPE_CHECKING:
    from unkink.bootstrap import App
    from unkink.domain.safety.precautions import Precautions
    from unkink.domain.session.planner import PlanRequest


def play_new(
    app: App,
    *,
    request: PlanRequest,
    precautions: Precautions,
    voice: bool,
    interactive: bool,
    json_events: bool,
) -> None:
    planned = sessions.plan(
        uow=app.uow,
        catalogue=app.catalogue,
        request=request,
        now=app.now(),
        precautions=precautions,
    )
    if interactive:
        from unkink.cli.render import console
        from unkink.cli.session_view import plan_table

        console().print(plan_table(planned.routine))
    else:  # stdout carries only the cues; what the plan had to change goes to stderr
        for note in planned.routine.notes:
            typer.echo(note, err=True)
    started = sessions.start_session(
        uow=app.uow, catalogue=app.catalogue, routine_id=planned.routine_id, now=app.now()
    )
    state = ResumeState(started.session_id, started.routine, started.timeline, 0, 0.0, 0.0)
    if interactive:
        _ask_rating(app, state.session_id, "before")
    play(app, state=state, voice=voice, interactive=interactive, json_events=json_events)


def play(
    app: App, *, state: ResumeState, voice: bool, interactive: bool, json_events: bool
) -> None:
    speaker = None
    if voice:
        speaker, why_not = Voice.find()
        if why_not:
            typer.echo(why_not, err=True)
    if state.cue_index or state.position_s:
        sessions.record_event(
            uow=app.uow,
            session_id=state.session_id,
            kind="resume_session",
            at=app.now(),
            elapsed_s=state.elapsed_s,
            detail={"position_s": state.position_s},
        )
        if not json_events:
            typer.echo(f"Carrying on from {state.position_s / 60:.1f} minutes in.")

    def on_cue(cue: Cue, actual_s: float, elapsed_s: float) -> None:
        if json_events:
            typer.echo(json_event(cue, actual_s))
        elif not interactive and cue.kind is not CueKind.COUNTDOWN:
            typer.echo(f"{int(actual_s) // 60:02d}:{int(actual_s) % 60:02d}  {cue.text}")
        if speaker is not None:
            speaker.say(cue.text)
        sessions.record_cue(
            uow=app.uow,
            session_id=state.session_id,
            cue=cue,
            actual_s=actual_s,
            elapsed_s=elapsed_s,
            at=app.now(),
        )

    try:
        if interactive:
            from unkink.cli.session_keys import run_with_keys

            run_with_keys(app, state=state, on_cue=on_cue)
            return
        run = resume_run(
            state.timeline, position_s=state.position_s, elapsed_s=state.elapsed_s, now=app.clock()
        )
        # a manual clock (tests) moves when told; a real one is slept on precisely
        sleep = getattr(app.clock, "tick", precise_sleep)
        run, lateness = play_unattended(
            run, start_cue=state.cue_index, clock=app.clock, sleep=sleep, on_cue=on_cue
        )
        finish(app, state.session_id, run, app.clock())
        if json_events:
            import json

            typer.echo(json.dumps(lateness.summary()))
    finally:
        if speaker is not None:
            speaker.close()


def finish(app: App, session_id: int, run: SessionRun, now: float) -> None:
    """Store how the session ended."""
    completed = run.status is RunStatus.DONE
    sessions.end_session(
        uow=app.uow,
        session_id=session_id,
        completed=completed,
        reason=None if completed else (run.stop_reason or "stopped"),
        elapsed_s=run.elapsed(now),
        at=app.now(),
    )


def ask_number(question: str, *, low: int = 0, high: int = 10, default: int | None = None) -> int:
    """Ask until the answer is a whole number from ``low`` to ``high``."""
    while True:
        text = str(typer.prompt(question, default=default)).strip()
        if text.isdigit() and low <= int(text) <= high:
            return int(text)
        typer.echo(f"Please type a whole number from {low} to {high}.")


def _ask_rating(app: App, session_id: int, moment: str) -> None:
    when = "right now" if moment == "before" else "now, after the session"
    stiffness = ask_number(f"How stiff is your back {when}? (0 = not at all, 10 = very)")
    pain = ask_number(f"How much pain do you have {when}? (0 = none, 10 = very bad)")
    sessions.record_rating(
        uow=app.uow,
        session_id=session_id,
        moment=moment,
        stiffness=stiffness,
        pain=pain,
        at=app.now(),
    )


def ask_after(app: App, state: ResumeState) -> None:
    """At the end: ratings after, and which stretch helped most."""
    _ask_rating(app, state.session_id, "after")
    items = state.routine.items
    typer.echo("Which stretch helped most?")
    for n, item in enumerate(items, start=1):
        typer.echo(f"  {n}. {item.exercise.name}")
    typer.echo("  0. None of them / not sure")
    choice = ask_number("Type a number", high=len(items), default=0)
    sessions.record_helped_most(
        uow=app.uow,
        session_id=state.session_id,
        exercise_id=items[choice - 1].exercise.id if choice else None,
        at=app.now(),
    )
    from unkink.cli.measures import offer_if_due  # the weekly pain and PSFS check, if due

    offer_if_due(app)
