"""A routine laid out in time: segments, the cues spoken or shown, and a run over them.

Pure: never reads a clock. ``build_timeline(routine)`` lays the routine out as back-to-back
segments (get ready, each step, rests, side switches, "next up") with whole-second offsets;
their lengths add up to ``routine.total_s``, which is get-ready time plus each exercise's
``Exercise.duration_s(reps)`` plus the moves between exercises. Cues are the moments a player
speaks or shows something. ``SessionRun`` (in ``unkink.domain.session.run``) moves through the
timeline given ``now``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from unkink.domain.exercises import SIDE_SWITCH_S, Step
from unkink.domain.session.routines import Routine, RoutineItem

COUNTDOWN_FROM = 3
"""The last seconds of a hold (and of "get ready") are counted down: 3, 2, 1."""


class CueKind(StrEnum):
    GET_READY = "get_ready"
    STEP = "step"
    HOLD_START = "hold_start"
    COUNTDOWN = "countdown"
    SIDE_SWITCH = "side_switch"
    REST = "rest"
    NEXT_UP = "next_up"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of time with one instruction. ``item`` is the routine item it belongs to
    (get ready and "next up" belong to the exercise coming next)."""

    index: int
    kind: CueKind
    start_s: int
    duration_s: int
    item: int
    exercise_id: str
    text: str
    step: int | None = None
    side: str | None = None
    rep: int | None = None
    hold: bool = False

    @property
    def end_s(self) -> int:
        return self.start_s + self.duration_s


@dataclass(frozen=True, slots=True)
class Cue:
    index: int
    kind: CueKind
    planned_s: int
    segment: int
    exercise_id: str
    text: str
    step: int | None = None
    side: str | None = None
    hold_s: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "n": self.index,
            "cue": str(self.kind),
            "exercise": self.exercise_id,
            "step": self.step,
            "planned_s": self.planned_s,
            "text": self.text,
            "hold_s": self.hold_s,
            "side": self.side,
            "segment": self.segment,
        }


@dataclass(frozen=True, slots=True)
class Timeline:
    segments: tuple[Segment, ...]
    cues: tuple[Cue, ...]
    total_s: int
    names: tuple[str, ...] = ()

    def segment_at(self, position_s: float) -> Segment:
        """The segment playing at ``position_s`` (the last one at or past the end)."""
        for segment in self.segments:
            if position_s < segment.end_s:
                return segment
        return self.segments[-1]

    def exercise_end_s(self, item: int) -> int:
        return max(s.end_s for s in self.segments if s.item == item)

    def first_cue_from(self, position_s: float) -> int:
        """Index of the first cue planned at or after ``position_s``."""
        for cue in self.cues:
            if cue.planned_s >= position_s:
                return cue.index
        return len(self.cues)

    def as_dict(self) -> dict[str, Any]:
        return {
            "total_s": self.total_s,
            "cues": [c.as_dict() for c in self.cues],
            "segments": [
                {
                    "n": s.index,
                    "kind": str(s.kind),
                    "start_s": s.start_s,
                    "duration_s": s.duration_s,
                    "item": s.item,
                    "exercise": s.exercise_id,
                    "step": s.step,
                    "side": s.side,
                    "rep": s.rep,
                    "hold": s.hold,
                    "text": s.text,
                }
                for s in self.segments
            ],
        }


class _Layout:
    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self.at = 0

    def add(
        self, kind: CueKind, seconds: int, item: int, exercise_id: str, text: str, **kw: Any
    ) -> None:
        if seconds <= 0:
            return
        self.segments.append(
            Segment(len(self.segments), kind, self.at, seconds, item, exercise_id, text, **kw)
        )
        self.at += seconds


def _step_kind(step: Step) -> CueKind:
    return CueKind.HOLD_START if step.hold else CueKind.STEP


def _lay_out_item(layout: _Layout, n: int, item: RoutineItem) -> None:
    e = item.exercise
    number = {id(s): i for i, s in enumerate(e.steps, start=1)}
    first = len(layout.segments)
    for step in e.setup_steps:
        layout.add(_step_kind(step), step.seconds.value, n, e.id, step.text, step=number[id(step)])
    for side_n, side in enumerate(e.sides):
        if side_n:
            text = f"Now switch to your {side} side."
            layout.add(CueKind.SIDE_SWITCH, SIDE_SWITCH_S, n, e.id, text, side=side)
        for step in e.side_steps:
            layout.add(
                _step_kind(step), step.seconds.value, n, e.id, step.text_for(side),
                step=number[id(step)], side=side, hold=step.hold,
            )  # fmt: skip
        for rep in range(1, item.reps + 1):
            if rep > 1:
                text = f"Rest. Then repeat {rep} of {item.reps}."
                layout.add(CueKind.REST, e.rest_s.value, n, e.id, text, side=side, rep=rep)
            for step in e.rep_steps:
                layout.add(
                    _step_kind(step), step.seconds.value, n, e.id, step.text_for(side),
                    step=number[id(step)], side=side, rep=rep, hold=step.hold,
                )  # fmt: skip
    if item.modification:  # the first instruction carries the change made for this person
        opening = layout.segments[first]
        text = f"{opening.text} Changed for you: {item.modification}"
        layout.segments[first] = replace(opening, text=text)


def _cues(segments: list[Segment], total_s: int) -> tuple[Cue, ...]:
    raw: list[tuple[int, CueKind, Segment, str, int]] = []
    for s in segments:
        raw.append((s.start_s, s.kind, s, s.text, s.duration_s if s.hold else 0))
        if (s.hold or s.kind is CueKind.GET_READY) and s.duration_s > COUNTDOWN_FROM:
            for k in range(COUNTDOWN_FROM, 0, -1):
                raw.append((s.end_s - k, CueKind.COUNTDOWN, s, str(k), 0))
    last = segments[-1]
    raw.append((total_s, CueKind.DONE, last, "Well done. That is the end of your routine.", 0))
    return tuple(
        Cue(i, kind, at, s.index, s.exercise_id, text, None if kind is CueKind.DONE else s.step,
            None if kind is CueKind.DONE else s.side, hold)
        for i, (at, kind, s, text, hold) in enumerate(raw)
    )  # fmt: skip


def build_timeline(routine: Routine) -> Timeline:
    if not routine.items:
        raise ValueError("a routine needs at least one exercise")
    layout = _Layout()
    first = routine.items[0].exercise
    layout.add(
        CueKind.GET_READY, routine.get_ready_s, 0, first.id,
        f"Get ready. First up: {first.name}. {first.summary}",
    )  # fmt: skip
    moves = routine.transitions_s
    for n, item in enumerate(routine.items):
        if n:
            e = item.exercise
            text = f"Next up: {e.name}. {e.summary}"
            if item.modification:
                text += f" Changed for you: {item.modification}"
            layout.add(CueKind.NEXT_UP, moves[n - 1], n, e.id, text)
        _lay_out_item(layout, n, item)
    names = tuple(i.exercise.name for i in routine.items)
    return Timeline(tuple(layout.segments), _cues(layout.segments, layout.at), layout.at, names)


if __name__ == "__main__":  # python -m unkink.domain.session.timeline: print a sample timeline
    from unkink.catalogue.loader import load_builtin
    from unkink.domain.session.planner import parse_request, plan_routine

    request = parse_request(area="lower", where="floor", minutes=3)
    routine = plan_routine(load_builtin(), request)
    timeline = build_timeline(routine)
    for cue in timeline.cues:
        print(f"{cue.planned_s // 60:02d}:{cue.planned_s % 60:02d}  {cue.kind:<11} {cue.text}")
    print(f"total {timeline.total_s} s = routine {routine.total_s} s")
