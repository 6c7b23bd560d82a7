"""``SessionRun``: one run through a timeline, as an immutable state machine fed ``now``.

``now`` is monotonic seconds from the caller's clock; nothing here reads one. The run keeps
an *anchor*: while running, the timeline position is ``base_s + (now - anchor)``. Pausing
freezes the position; resuming re-anchors, so paused time never counts. Skipping moves the
position forward and records the segments it passes as skipped; segments played to their end
are recorded as done. A player waits for each cue until ``deadline(cue.planned_s)``, which is
measured from the anchor, never from the previous cue, so waiting cannot add up to drift.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from unkink.domain.errors import InvalidTransition
from unkink.domain.session.timeline import Timeline


class RunStatus(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    STOPPED = "stopped"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class SessionRun:
    timeline: Timeline
    status: RunStatus = RunStatus.READY
    base_s: float = 0.0
    """Timeline position at the anchor (or the frozen position while paused or ended)."""
    anchor: float | None = None
    active_before_s: float = 0.0
    """Active (unpaused) seconds before the anchor."""
    paused_at: float | None = None
    paused_s: float = 0.0
    done: tuple[int, ...] = ()
    skipped: tuple[int, ...] = ()
    stop_reason: str | None = None
    last_now: float | None = None

    # --- reading ---
    def position(self, now: float) -> float:
        if self.status is RunStatus.RUNNING and self.anchor is not None:
            return min(self.base_s + (now - self.anchor), float(self.timeline.total_s))
        return self.base_s

    def elapsed(self, now: float) -> float:
        """Active seconds so far: paused time never counts."""
        if self.status is RunStatus.RUNNING and self.anchor is not None:
            left = self.timeline.total_s - self.base_s  # the run ends at the end of the timeline
            return self.active_before_s + min(now - self.anchor, left)
        return self.active_before_s

    def deadline(self, planned_s: float) -> float | None:
        """Monotonic time when timeline offset ``planned_s`` is due (None unless running)."""
        if self.status is not RunStatus.RUNNING or self.anchor is None:
            return None
        return self.anchor + (planned_s - self.base_s)

    @property
    def finished(self) -> bool:
        return self.status in (RunStatus.STOPPED, RunStatus.DONE)

    # --- moving ---
    def _checked(self, now: float) -> SessionRun:
        if self.last_now is not None and now < self.last_now:
            raise InvalidTransition("time went backwards")
        return replace(self, last_now=now)

    def _settle(self, now: float) -> SessionRun:
        """Record segments played to their end; finish the run at the end of the timeline."""
        position = self.position(now)
        seen = set(self.done) | set(self.skipped)
        newly = tuple(
            s.index for s in self.timeline.segments if s.end_s <= position and s.index not in seen
        )
        run = replace(self, done=self.done + newly) if newly else self
        if run.status is RunStatus.RUNNING and position >= self.timeline.total_s:
            run = run._freeze(now, RunStatus.DONE)
        return run

    def _freeze(self, now: float, status: RunStatus) -> SessionRun:
        return replace(
            self,
            status=status,
            base_s=self.position(now),
            active_before_s=self.elapsed(now),
            anchor=None,
        )

    def _require(self, *allowed: RunStatus, action: str) -> None:
        if self.status not in allowed:
            raise InvalidTransition(f"cannot {action} a session that is {self.status}")

    def start(self, now: float) -> SessionRun:
        self._require(RunStatus.READY, action="start")
        return replace(self._checked(now), status=RunStatus.RUNNING, anchor=now)

    def advance(self, now: float) -> SessionRun:
        return self._checked(now)._settle(now)

    def pause(self, now: float) -> SessionRun:
        self._require(RunStatus.RUNNING, action="pause")
        run = self.advance(now)
        if run.finished:
            return run
        return replace(run._freeze(now, RunStatus.PAUSED), paused_at=now)

    def resume(self, now: float) -> SessionRun:
        self._require(RunStatus.PAUSED, action="resume")
        assert self.paused_at is not None
        run = self._checked(now)
        return replace(
            run,
            status=RunStatus.RUNNING,
            anchor=now,
            paused_at=None,
            paused_s=self.paused_s + (now - self.paused_at),
        )

    def _jump(self, now: float, to_s: float) -> SessionRun:
        run = self.advance(now)
        if run.finished:
            return run
        position = run.position(now)
        seen = set(run.done) | set(run.skipped)
        passed = tuple(
            s.index
            for s in self.timeline.segments
            if position < s.end_s <= to_s and s.index not in seen
        )
        moved = replace(run, skipped=run.skipped + passed, base_s=float(to_s))
        if moved.status is RunStatus.RUNNING:
            moved = replace(moved, active_before_s=run.elapsed(now), anchor=now)
        return moved._settle(now)

    def skip_step(self, now: float) -> SessionRun:
        self._require(RunStatus.RUNNING, RunStatus.PAUSED, action="skip in")
        segment = self.timeline.segment_at(self.position(now))
        return self._jump(now, segment.end_s)

    def skip_exercise(self, now: float) -> SessionRun:
        self._require(RunStatus.RUNNING, RunStatus.PAUSED, action="skip in")
        segment = self.timeline.segment_at(self.position(now))
        return self._jump(now, self.timeline.exercise_end_s(segment.item))

    def stop(self, now: float, reason: str) -> SessionRun:
        self._require(RunStatus.RUNNING, RunStatus.PAUSED, action="stop")
        run = self.advance(now)
        if run.status is RunStatus.PAUSED and run.paused_at is not None:
            run = replace(run, paused_s=run.paused_s + (now - run.paused_at), paused_at=None)
        if run.status is RunStatus.DONE:
            return run
        return replace(run._freeze(now, RunStatus.STOPPED), stop_reason=reason)


def resume_run(
    timeline: Timeline, *, position_s: float, elapsed_s: float, now: float
) -> SessionRun:
    """A run continuing a stored session: running from ``position_s``; earlier segments done."""
    done = tuple(s.index for s in timeline.segments if s.end_s <= position_s)
    return SessionRun(
        timeline,
        status=RunStatus.RUNNING,
        base_s=position_s,
        anchor=now,
        active_before_s=elapsed_s,
        done=done,
        last_now=now,
    )
