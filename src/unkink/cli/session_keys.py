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
    from unkink.cli.session_sound import Chimes
    from unkink.domain.safety.pain import PainDecision


class _Keys:
    """What each key does; remembers why the loop was left (quit or pain)."""

    def __init__(self, app: App, session_id: int, chimes: Chimes | None = None) -> None:
        self.app = app
        self.session_id = session_id
        self.leave: str | None = None
        self.message = ""
        self.message_item: int | None = None  # the stretch a note belongs to; it ends with it
        self.run: SessionRun | None = None
        self.chimes = chimes

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
        if key == "m" and self.chimes is not None:
            self.message = "Sound on." if self.chimes.toggle() else "Sound off."
            self.message_item = None
            return run
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


def run_with_keys(
    app: App,
    *,
    state: ResumeState,
    on_cue: OnCue,
    chimes: Chimes | None = None,
    done: set[str] | None = None,
) -> None:
    from rich.live import Live

    from unkink.cli.render import console
    from unkink.cli.session_run import ask_after, finish
    from unkink.cli.session_view import player_screen, say

    out = console()
    run = resume_run(
        state.timeline, position_s=state.position_s, elapsed_s=state.elapsed_s, now=app.clock()
    )
    cue_index = state.cue_index
    keys = _Keys(app, state.session_id, chimes)
    if state.position_s:  # resumed: say so, paused, before the hold starts
        now = app.clock()
        run = run.pause(now)
        keys.message = (
            f"Carrying on from {state.position_s / 60:.1f} minutes in. Press space to go on."
        )
        keys.message_item = run.timeline.segment_at(run.position(now)).item
    while True:
        keys.leave = None
        with (
            raw_keys(sys.stdin) as read_key,
            Live(console=out, screen=True, auto_refresh=False, transient=True) as live,
        ):

            def redraw(current: SessionRun, now: float, _i: int) -> None:
                screen = player_screen(
                    current, now, message=keys.message, message_item=keys.message_item,
                    width=out.width,
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
            finish(app, state.session_id, run, now)
            say("Well done. That is the end of your routine.")
            ask_after(app, state, done=done)
            return
        assert keys.run is not None
        run = keys.run
        if keys.leave == "quit":
            sessions.record_event(
                uow=app.uow, session_id=state.session_id, kind="saved", at=app.now(),
                elapsed_s=run.elapsed(now),
            )  # fmt: skip
            say("Stopped. Your progress is saved. Carry on with: unkink start --resume")
            return
        decision = _ask_pain(app, state.session_id, run, now)
        say(decision.message)
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
        keys.message_item = run.timeline.segment_at(run.position(now)).item


def _ask_pain(app: App, session_id: int, run: SessionRun, now: float) -> PainDecision:
    """Ask the pain score and the stop-at-once questions; the safety rules decide."""
    from unkink.cli.session_run import ask_number
    from unkink.cli.session_view import say
    from unkink.domain.safety.pain import STOP_QUESTIONS, PainReport

    say("The session is paused. Let's check what you feel.")
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
