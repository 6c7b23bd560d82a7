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
    from unkink.cli.session_view import say

    speaker = None
    chimes = None
    done: set[str] = set()  # stretches with a step shown: what "helped most?" may list
    done.update(
        g.exercise_id for g in state.timeline.segments if g.step and g.end_s <= state.position_s
    )
    if interactive:
        from unkink.cli.session_sound import Chimes, chime_kind

        chimes = Chimes(app.settings.data_dir)
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
        if not json_events and not interactive:  # the full-screen player says it in its panel
            say(f"Carrying on from {state.position_s / 60:.1f} minutes in.")

    def on_cue(cue: Cue, actual_s: float, elapsed_s: float) -> None:
        if json_events:
            typer.echo(json_event(cue, actual_s))
        elif not interactive and cue.kind is not CueKind.COUNTDOWN:
            typer.echo(f"{int(actual_s) // 60:02d}:{int(actual_s) % 60:02d}  {cue.text}")
        if cue.kind in (CueKind.STEP, CueKind.HOLD_START, CueKind.SIDE_SWITCH):
            done.add(cue.exercise_id)
        if chimes is not None and (kind := chime_kind(cue.kind)) is not None:
            chimes.play(kind)
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

            run_with_keys(app, state=state, on_cue=on_cue, chimes=chimes, done=done)
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
        if chimes is not None:
            chimes.close()


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


def ask_after(app: App, state: ResumeState, *, done: set[str] | None = None) -> None:
    """At the end: ratings after, which stretch helped most (of those done), a closing panel."""
    _ask_rating(app, state.session_id, "after")
    items = [i for i in state.routine.items if done is None or i.exercise.id in done]
    if not items:
        _closing(app, state.session_id)
        return
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
    _closing(app, state.session_id, done)


def _closing(app: App, session_id: int, done: set[str] | None = None) -> None:
    """What was done, before → after, this week and the streak: the web's closing screen."""
    from unkink.cli.render import console
    from unkink.cli.session_view import closing_panel
    from unkink.web.after_view import before_after_text, closing

    entry = sessions.history_entry(uow=app.uow, session_id=session_id)
    entries = sessions.history(uow=app.uow, limit=60)
    names = {e.id: e.name for e in app.catalogue}
    ids = [x for x in entry.exercises if done is None or x in done]
    facts = closing(entries, entry, today=app.today(), names=names, done=ids)
    console().print(closing_panel(facts, before_after_text(entry)))
