"""SessionRun under random start/pause/resume/skip/stop/ticks (hypothesis state machine)."""

from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from unkink.catalogue.loader import load_builtin
from unkink.domain.session.planner import parse_request, plan_routine
from unkink.domain.session.run import RunStatus, SessionRun
from unkink.domain.session.timeline import build_timeline

CATALOGUE = load_builtin()
PLANS = [
    plan_routine(CATALOGUE, parse_request(area=a, where=w, minutes=m))
    for a, w, m in [("lower", "floor", 3), ("whole", "floor", 10), ("upper", "desk", 2)]
]


class RunMachine(RuleBasedStateMachine):
    @initialize(which=st.integers(0, len(PLANS) - 1), start=st.floats(0, 1e6))
    def setup(self, which: int, start: float) -> None:
        self.routine = PLANS[which]
        self.timeline = build_timeline(self.routine)
        self.now = start
        self.run = SessionRun(self.timeline).start(self.now)
        self.active = 0.0  # what the model says has counted
        self.last_position = 0.0
        self.done_before: set[int] = set()
        self.skipped_before: set[int] = set()

    @rule(dt=st.floats(0, 120))
    def tick(self, dt: float) -> None:
        if self.run.status is RunStatus.RUNNING:
            remaining = self.timeline.total_s - self.run.position(self.now)
            self.active += min(dt, remaining)
        self.now += dt
        self.run = self.run.advance(self.now)

    @precondition(lambda self: self.run.status is RunStatus.RUNNING)
    @rule()
    def pause(self) -> None:
        self.run = self.run.pause(self.now)

    @precondition(lambda self: self.run.status is RunStatus.PAUSED)
    @rule()
    def resume(self) -> None:
        self.run = self.run.resume(self.now)

    @precondition(lambda self: not self.run.finished)
    @rule()
    def skip_step(self) -> None:
        self.run = self.run.skip_step(self.now)

    @precondition(lambda self: not self.run.finished)
    @rule()
    def skip_exercise(self) -> None:
        self.run = self.run.skip_exercise(self.now)

    @precondition(lambda self: not self.run.finished)
    @rule(reason=st.sampled_from(["quit", "pain"]))
    def stop(self, reason: str) -> None:
        self.run = self.run.stop(self.now, reason)
        assert self.run.status in (RunStatus.STOPPED, RunStatus.DONE)

    @invariant()
    def position_never_goes_backwards(self) -> None:
        position = self.run.position(self.now)
        assert position >= self.last_position - 1e-9
        self.last_position = position

    @invariant()
    def paused_time_never_counts(self) -> None:
        assert abs(self.run.elapsed(self.now) - self.active) < 1e-6

    @invariant()
    def total_is_the_sum_of_segments(self) -> None:
        total = sum(s.duration_s for s in self.timeline.segments)
        assert total == self.timeline.total_s == self.routine.total_s
        assert total == self.routine.get_ready_s + sum(
            i.exercise.duration_s(i.reps) for i in self.routine.items
        ) + sum(self.routine.transitions_s)

    @invariant()
    def cue_offsets_never_go_backwards(self) -> None:
        offsets = [c.planned_s for c in self.timeline.cues]
        assert offsets == sorted(offsets)

    @invariant()
    def skipping_never_loses_the_record(self) -> None:
        done, skipped = set(self.run.done), set(self.run.skipped)
        assert self.done_before <= done and self.skipped_before <= skipped
        assert not done & skipped
        position = self.run.position(self.now)
        passed = {s.index for s in self.timeline.segments if s.end_s <= position}
        assert passed <= done | skipped
        self.done_before, self.skipped_before = done, skipped


RunMachine.TestCase.settings = settings(max_examples=60, stateful_step_count=40, deadline=None)
TestRunMachine = RunMachine.TestCase
