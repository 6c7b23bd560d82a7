"""The terminal player's link to the session services: every write in order, store first.

Each call goes through one ``OrderedWriter``: a cue is stored before it is shown (the
player waits briefly for the write); if the database is busy (another program holds its
write lock) the session goes on, the writes wait their turn, and ``waiting_note`` says so
once it has lasted a few seconds. Decisions the player needs (a pain stop, the end) wait
for their write, however long.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from unkink.domain.session.run import RunStatus, SessionRun
from unkink.domain.session.status import Moment, StopReason
from unkink.services import session_log
from unkink.services.write_queue import OrderedWriter

if TYPE_CHECKING:
    from unkink.bootstrap import App
    from unkink.domain.safety.pain import PainReport
    from unkink.domain.session.timeline import Cue

SAY_WAITING_AFTER_S = 3.0
"""Saving that waits less than this is not mentioned."""


class Recorder:
    def __init__(self, app: App, session_id: int) -> None:
        self.app = app
        self.session_id = session_id
        self.writer = OrderedWriter(clock=app.clock)

    # --- during ---
    def cue(self, cue: Cue, position_s: float, elapsed_s: float) -> None:
        at = self.app.now()
        self.writer.write(
            lambda: session_log.record_cue(
                uow=self.app.uow, catalogue=self.app.catalogue, session_id=self.session_id,
                cue_index=cue.index, position_s=position_s, elapsed_s=elapsed_s, at=at,
            )
        )  # fmt: skip

    def pause(self, run: SessionRun, now: float) -> None:
        at, elapsed, position = self.app.now(), run.elapsed(now), run.position(now)
        exercise = run.timeline.segment_at(position).exercise_id
        self.writer.write(
            lambda: session_log.pause(
                uow=self.app.uow, session_id=self.session_id, at=at, elapsed_s=elapsed,
                position_s=position, exercise_id=exercise,
            )
        )  # fmt: skip

    def resume(self, run: SessionRun, now: float, *, reopened: bool = False) -> None:
        at, elapsed, position = self.app.now(), run.elapsed(now), run.position(now)
        self.writer.write(
            lambda: session_log.resume(
                uow=self.app.uow, session_id=self.session_id, at=at, elapsed_s=elapsed,
                position_s=position, reopened=reopened,
            )
        )  # fmt: skip

    def skip(self, run: SessionRun, now: float, *, whole_exercise: bool) -> None:
        at, elapsed, position = self.app.now(), run.elapsed(now), run.position(now)
        exercise = run.timeline.segment_at(position).exercise_id
        self.writer.write(
            lambda: session_log.skip(
                uow=self.app.uow, session_id=self.session_id, at=at, elapsed_s=elapsed,
                position_s=position, whole_exercise=whole_exercise, exercise_id=exercise,
            )
        )  # fmt: skip

    def leave(self, run: SessionRun, now: float) -> None:
        at, elapsed = self.app.now(), run.elapsed(now)
        self.writer.wait(
            lambda: session_log.leave(
                uow=self.app.uow, session_id=self.session_id, at=at, elapsed_s=elapsed
            )
        )

    def pain(self, report: PainReport, run: SessionRun, now: float) -> session_log.PainStop:
        at, elapsed = self.app.now(), run.elapsed(now)
        exercise = run.timeline.segment_at(run.position(now)).exercise_id
        return self.writer.wait(
            lambda: session_log.stop_for_pain(
                uow=self.app.uow, session_id=self.session_id, report=report,
                exercise_id=exercise, at=at, elapsed_s=elapsed,
            )
        )  # fmt: skip

    # --- the end and after ---
    def finish(self, run: SessionRun, now: float) -> session_log.SessionEnd:
        reached_end = run.status is RunStatus.DONE
        reason = None if reached_end else StopReason(run.stop_reason or StopReason.STOPPED)
        at, elapsed = self.app.now(), run.elapsed(now)
        return self.writer.wait(
            lambda: session_log.finish(
                uow=self.app.uow, session_id=self.session_id, reached_end=reached_end,
                reason=reason, elapsed_s=elapsed, at=at,
            )
        )  # fmt: skip

    def end_unstarted(self) -> None:
        """Close a session left before its first cue (stopped, reason quit), then stop."""
        at = self.app.now()
        self.writer.wait(
            lambda: session_log.finish(
                uow=self.app.uow, session_id=self.session_id, reached_end=False,
                reason=StopReason.QUIT, elapsed_s=0.0, at=at,
            )
        )  # fmt: skip
        self.close()

    def rate(self, moment: Moment, stiffness: int, pain: int) -> None:
        at = self.app.now()
        self.writer.wait(
            lambda: session_log.rate(
                uow=self.app.uow, session_id=self.session_id, moment=moment,
                stiffness=stiffness, pain=pain, at=at,
            )
        )  # fmt: skip

    def helped_most(self, exercise_id: str | None) -> None:
        at = self.app.now()
        self.writer.wait(
            lambda: session_log.record_helped_most(
                uow=self.app.uow, session_id=self.session_id, exercise_id=exercise_id, at=at
            )
        )

    def waiting_note(self) -> str:
        """'' while saving keeps up; a plain sentence once it has waited a while."""
        waited = self.writer.delayed_s()
        if waited < SAY_WAITING_AFTER_S:
            return ""
        return (
            f"Saving is waiting for the database ({waited:.0f} s): another program is using "
            "it. Your session goes on; nothing is lost."
        )

    def close(self) -> None:
        self.writer.drain()
        self.writer.close()
