"""The full-screen player: rich Live, single-key controls, and the "this hurts" questions."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer

from unkink.cli.player import OnCue, play_interactive, raw_keys
from unkink.domain.session.run import RunStatus, SessionRun, resume_run
from unkink.services import sessions
from unkink.services.sessions import ResumeState

if TYPE_CHECKING:
    from unkink.bootstrap import App
    from unkink.domain.safety.pain import PainDecision


class _Keys:
    """What each key does; remembers why the loop was left (quit or pain)."""

    def __init__(self, app: App, session_id: int) -> None:
        self.app = app
        self.session_id = session_id
        self.leave: str | None = None
        self.message = ""
        self.run: SessionRun | None = None

    def _log(self, kind: str, run: SessionRun, now: float) -> None:
        sessions.record_event(
            uow=self.app.uow,
            session_id=self.session_id,
            kind=kind,
            at=self.app.now(),
            elapsed_s=run.elapsed(now),
            exercise_id=run.timeline.segment_at(run.position(now)).exercise_id,
            detail={"position_s": round(run.position(now), 3)},
        )

    def __call__(self, key: str, run: SessionRun, now: float) -> SessionRun | None:
        self.message = ""
        if key == " ":
            run = run.pause(now) if run.status is RunStatus.RUNNING else run.resume(now)
            self._log("pause" if run.status is RunStatus.PAUSED else "resume", run, now)
            return run
        if key in ("n", "s"):
            self._log("skip_step" if key == "n" else "skip_exercise", run, now)
            return run.skip_step(now) if key == "n" else run.skip_exercise(now)
        if key in ("p", "q"):
            if run.status is RunStatus.RUNNING:
                run = run.pause(now)
            self._log("this_hurts" if key == "p" else "quit", run, now)
            self.leave = "pain" if key == "p" else "quit"
            self.run = run
            return None
        return run


def run_with_keys(app: App, *, state: ResumeState, on_cue: OnCue) -> None:
    from rich.live import Live

    from unkink.cli.render import console
    from unkink.cli.session_run import ask_after, finish
    from unkink.cli.session_view import player_screen

    out = console()
    run = resume_run(
        state.timeline, position_s=state.position_s, elapsed_s=state.elapsed_s, now=app.clock()
    )
    cue_index = state.cue_index
    keys = _Keys(app, state.session_id)
    while True:
        keys.leave = None
        with (
            raw_keys(sys.stdin) as read_key,
            Live(console=out, screen=True, auto_refresh=False, transient=True) as live,
        ):

            def redraw(current: SessionRun, now: float, _i: int) -> None:
                live.update(player_screen(current, now, message=keys.message), refresh=True)

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
            finish(app, state.session_id, run, now)
            typer.echo("Well done. That is the end of your routine.")
            ask_after(app, state)
            return
        assert keys.run is not None
        run = keys.run
        if keys.leave == "quit":
            sessions.record_event(
                uow=app.uow, session_id=state.session_id, kind="saved", at=app.now(),
                elapsed_s=run.elapsed(now),
            )  # fmt: skip
            typer.echo("Stopped. Your progress is saved. Carry on with: unkink start --resume")
            return
        decision = _ask_pain(app, state.session_id, run, now)
        typer.echo(decision.message)
        now = app.clock()
        if decision.action.rescreen:
            run = run.stop(now, "pain")
            finish(app, state.session_id, run, now)
            return
        if decision.action == "stop_exercise":
            run = run.skip_exercise(now)
        typer.prompt("Press Enter to go on", default="", show_default=False)
        now = app.clock()
        if run.status is RunStatus.PAUSED:
            run = run.resume(now)
        if run.finished:
            finish(app, state.session_id, run, now)
            return
        cue_index = max(cue_index, run.timeline.first_cue_from(run.position(now)))
        keys.message = decision.message


def _ask_pain(app: App, session_id: int, run: SessionRun, now: float) -> PainDecision:
    """Ask the pain score and the stop-at-once questions; the safety rules decide."""
    from unkink.cli.session_run import ask_number
    from unkink.domain.safety.pain import STOP_QUESTIONS, PainReport

    typer.echo("The session is paused. Let's check what you feel.")
    score = ask_number("How bad is the pain? (0 = none, 10 = very bad)")
    answers = {name: typer.confirm(question, default=False) for name, question in STOP_QUESTIONS}
    report = PainReport(score=score, **answers)
    exercise_id = run.timeline.segment_at(run.position(now)).exercise_id
    return sessions.record_pain(
        uow=app.uow,
        session_id=session_id,
        report=report,
        exercise_id=exercise_id,
        at=app.now(),
        elapsed_s=run.elapsed(now),
    )
