"""The full-screen player: rich Live, single-key controls, and the "this hurts" questions.

Keys only move the run (``domain.session.run``) and hand what happened to the recorder; the
session services decide what a pain report means and whether the session ends. A session
carried on opens paused, saying where it carries on from, as the browser does: the hold
starts only when the person presses space (logged then as the session's resume).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from unkink.cli.player import OnCue, play_interactive, raw_keys
from unkink.cli.session_questions import ask_after, ask_pain
from unkink.domain.session.run import RunStatus, SessionRun

if TYPE_CHECKING:
    from unkink.bootstrap import App
    from unkink.cli.session_recorder import Recorder
    from unkink.cli.session_sound import Chimes
    from unkink.services.sessions import ResumeState


class _Keys:
    """What each key does; remembers why the loop was left (quit or pain)."""

    def __init__(self, recorder: Recorder, chimes: Chimes | None = None) -> None:
        self.recorder = recorder
        self.chimes = chimes
        self.leave: str | None = None
        self.message = ""
        self.message_item: int | None = None  # the stretch a note belongs to; it ends with it
        self.run: SessionRun | None = None
        self.reopened = False  # carried on, not yet resumed: the first resume says so

    def resume(self, run: SessionRun, now: float) -> SessionRun:
        run = run.resume(now)
        self.recorder.resume(run, now, reopened=self.reopened)
        self.reopened = False
        return run

    def __call__(self, key: str, run: SessionRun, now: float) -> SessionRun | None:
        if key == "m" and self.chimes is not None:
            self.message = "Sound on." if self.chimes.toggle() else "Sound off."
            self.message_item = None
            return run
        self.message = ""
        if key == " ":
            if run.status is RunStatus.RUNNING:
                run = run.pause(now)
                self.recorder.pause(run, now)
                return run
            return self.resume(run, now)
        if key in ("n", "s"):
            self.recorder.skip(run, now, whole_exercise=key == "s")
            return run.skip_step(now) if key == "n" else run.skip_exercise(now)
        if key in ("p", "q"):
            if run.status is RunStatus.RUNNING:
                run = run.pause(now)
                if key == "p":  # as the browser does: a pause, then the pain report
                    self.recorder.pause(run, now)
            self.leave = "pain" if key == "p" else "quit"
            self.run = run
            return None
        return run


def run_with_keys(
    app: App,
    *,
    run: SessionRun,
    state: ResumeState,
    recorder: Recorder,
    on_cue: OnCue,
    chimes: Chimes | None = None,
) -> None:
    from rich.live import Live

    from unkink.cli.render import console
    from unkink.cli.session_view import player_screen, say

    out = console()
    cue_index = state.cue_index
    keys = _Keys(recorder, chimes)
    exercises = {item.exercise.id: item.exercise for item in state.routine.items}
    if state.cue_index or state.position_s:  # carried on: say so, paused, before the hold
        now = app.clock()
        run = run.pause(now)
        keys.reopened = True
        minutes = state.position_s / 60
        keys.message = f"Carrying on from {minutes:.1f} minutes in. Press space to go on."
        keys.message_item = run.timeline.segment_at(run.position(now)).item
    while True:
        keys.leave = None
        with (
            raw_keys(sys.stdin) as read_key,
            Live(console=out, screen=True, auto_refresh=False, transient=True) as live,
        ):

            def redraw(current: SessionRun, now: float, _i: int) -> None:
                waiting = recorder.waiting_note()  # the saving note outlasts any stretch
                screen = player_screen(
                    current, now, message=waiting or keys.message,
                    message_item=None if waiting else keys.message_item, width=out.width,
                    exercises=exercises,
                )  # fmt: skip
                live.update(screen, refresh=True)

            run, _lateness, cue_index = play_interactive(
                run,
                start_cue=cue_index,
                clock=app.clock,
                read_key=read_key,
                on_cue=on_cue,
                on_key=keys,
                redraw=redraw,
            )
        now = app.clock()
        if keys.leave is None:  # the routine ran to its end
            recorder.finish(run, now)
            say("Well done. That is the end of your routine.")
            ask_after(recorder)
            from unkink.cli.measures import offer_if_due  # the weekly check, if due

            offer_if_due(app)
            return
        assert keys.run is not None
        run = keys.run
        if keys.leave == "quit":
            recorder.leave(run, now)
            say("Stopped. Your progress is saved. Carry on with: unkink start --resume")
            return
        stop = ask_pain(recorder, run, now)
        say(stop.decision.message)
        now = app.clock()
        if stop.ended:
            return
        if stop.skip_exercise:
            recorder.skip(run, now, whole_exercise=True)
            run = run.skip_exercise(now)
        click.prompt("Press Enter to go on", default="", show_default=False)
        now = app.clock()
        if run.status is RunStatus.PAUSED:
            run = keys.resume(run, now)
        if run.finished:
            recorder.finish(run, now)
            return
        cue_index = max(cue_index, run.timeline.first_cue_from(run.position(now)))
        keys.message = stop.decision.message
        keys.message_item = run.timeline.segment_at(run.position(now)).item
