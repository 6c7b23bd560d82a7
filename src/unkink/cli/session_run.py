"""Running a stored session from the terminal: unattended (cue lines or JSON) or with keys.

Everything is written as it happens through the session services (``cli.session_recorder``):
each cue is stored *before* it is shown, so a kill the moment a cue line appears never loses
it; pauses, skips, pain reports and ratings each in their own transaction. The full-screen
player chimes at each new step (``cli.session_sound``), after the cue is stored.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from unkink.cli.player import Voice, json_event, play_unattended, precise_sleep
from unkink.cli.session_recorder import Recorder
from unkink.domain.session.run import resume_run
from unkink.domain.session.timeline import Cue, CueKind
from unkink.services import sessions
from unkink.services.sessions import ResumeState

if TYPE_CHECKING:
    from unkink.bootstrap import App
    from unkink.services.sessions import SessionPlan


def play_new(
    app: App, *, planned: SessionPlan, voice: bool, interactive: bool, json_events: bool
) -> None:
    """Start a planned routine and play it (the plan is already stored and shown)."""
    assert planned.routine_id is not None
    started = sessions.start_session(
        uow=app.uow, catalogue=app.catalogue, routine_id=planned.routine_id, now=app.now()
    )
    state = ResumeState(started.session_id, started.routine, started.timeline, 0, 0.0, 0.0)
    play(app, state=state, voice=voice, interactive=interactive, json_events=json_events,
         ask_before=interactive)  # fmt: skip


def play(
    app: App,
    *,
    state: ResumeState,
    voice: bool,
    interactive: bool,
    json_events: bool,
    ask_before: bool = False,
) -> None:
    speaker = None
    if voice:
        speaker, why_not = Voice.find()
        if why_not:
            click.echo(why_not, err=True)
    recorder = Recorder(app, state.session_id)
    chimes = None
    if interactive:
        from unkink.cli.session_sound import Chimes

        chimes = Chimes(app.settings.data_dir)
    if ask_before:
        from unkink.cli.session_questions import ask_rating
        from unkink.domain.session.status import Moment

        try:
            ask_rating(recorder, Moment.BEFORE)
        except (KeyboardInterrupt, click.Abort):  # Ctrl-C before the first cue: no empty
            recorder.end_unstarted()  # unfinished session is left behind
            raise
    said_waiting = False

    def on_cue(cue: Cue, actual_s: float, elapsed_s: float) -> None:
        nonlocal said_waiting
        recorder.cue(cue, actual_s, elapsed_s)  # store first, then show
        if json_events:
            click.echo(json_event(cue, actual_s))
        elif not interactive and cue.kind is not CueKind.COUNTDOWN:
            click.echo(f"{int(actual_s) // 60:02d}:{int(actual_s) % 60:02d}  {cue.text}")
        if chimes is not None:
            chimes.cue(cue.kind)
        if speaker is not None:
            speaker.say(cue.text)
        note = recorder.waiting_note()
        if note and not said_waiting and not interactive:
            click.echo(note, err=True)
        said_waiting = bool(note)

    try:
        run = resume_run(
            state.timeline, position_s=state.position_s, elapsed_s=state.elapsed_s, now=app.clock()
        )
        if interactive:  # the panel opens paused and says where it carries on from
            from unkink.cli.session_keys import run_with_keys

            run_with_keys(app, run=run, state=state, recorder=recorder, on_cue=on_cue,
                          chimes=chimes)  # fmt: skip
            return
        if state.cue_index or state.position_s:
            recorder.resume(run, app.clock(), reopened=True)
            if not json_events:
                click.echo(f"Carrying on from {state.position_s / 60:.1f} minutes in.")
        # a manual clock (tests) moves when told; a real one is slept on precisely
        sleep = getattr(app.clock, "tick", precise_sleep)
        run, lateness = play_unattended(
            run, start_cue=state.cue_index, clock=app.clock, sleep=sleep, on_cue=on_cue
        )
        recorder.finish(run, app.clock())
        if json_events:
            click.echo(json.dumps(lateness.summary()))
    finally:
        recorder.close()
        if speaker is not None:
            speaker.close()
        if chimes is not None:
            chimes.close()
