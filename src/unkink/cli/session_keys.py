"""The full-screen player: rich Live, single-key controls, and the "this hurts" questions.

Keys only move the run (``domain.session.run``) and hand what happened to the recorder; the
session services decide what a pain report means and whether the session ends.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer

from unkink.cli.player import OnCue, play_interactive, raw_keys
from unkink.cli.session_questions import ask_after, ask_pain
from unkink.domain.session.run import RunStatus, SessionRun

if TYPE_CHECKING:
    from unkink.bootstrap import App
    from unkink.cli.session_recorder import Recorder
    from unkink.services.sessions import ResumeState


class _Keys:
    """What each key does; remembers why the loop was left (quit or pain)."""

    def __init__(self, recorder: Recorder) -> None:
        self.recorder = recorder
        self.leave: str | None = None
        self.message = ""
        self.run: SessionRun | None = None

    def __call__(self, key: str, run: SessionRun, now: float) -> SessionRun | None:
        self.message = self.recorder.waiting_note()
        if key == " ":
            if run.status is RunStatus.RUNNING:
                run = run.pause(now)
                self.recorder.pause(run, now)
            else:
                run = run.resume(now)
                self.recorder.resume(run, now)
            return run
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
    app: App, *, run: SessionRun, state: ResumeState, recorder: Recorder, on_cue: OnCue
) -> None:
    from rich.live import Live

    from unkink.cli.render import console
    from unkink.cli.session_view import player_screen

    out = console()
    cue_index = state.cue_index
    keys = _Keys(recorder)
    while True:
        keys.leave = None
        with (
            raw_keys(sys.stdin) as read_key,
            Live(console=out, screen=True, auto_refresh=False, transient=True) as live,
        ):

            def redraw(current: SessionRun, now: float, _i: int) -> None:
                message = keys.message or recorder.waiting_note()
                live.update(player_screen(current, now, message=message), refresh=True)

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
            typer.echo("Well done. That is the end of your routine.")
            ask_after(recorder, state.routine)
            from unkink.cli.measures import offer_if_due  # the weekly check, if due

            offer_if_due(app)
            return
        assert keys.run is not None
        run = keys.run
        if keys.leave == "quit":
            recorder.leave(run, now)
            typer.echo("Stopped. Your progress is saved. Carry on with: unkink start --resume")
            return
        stop = ask_pain(recorder, run, now)
        typer.echo(stop.decision.message)
        now = app.clock()
        if stop.ended:
            return
        if stop.skip_exercise:
            recorder.skip(run, now, whole_exercise=True)
            run = run.skip_exercise(now)
        typer.prompt("Press Enter to go on", default="", show_default=False)
        now = app.clock()
        if run.status is RunStatus.PAUSED:
            run = run.resume(now)
            recorder.resume(run, now)
        if run.finished:
            recorder.finish(run, now)
            return
        cue_index = max(cue_index, run.timeline.first_cue_from(run.position(now)))
        keys.message = stop.decision.message
