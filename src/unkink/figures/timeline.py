"""When the moving figure is in which pose: frames through an exercise's steps.

Every step's movement starts when the step starts. A setup step that does not move (its pose
is the one before) shows only briefly, so a preview of a few seconds always moves; holds are
shortened to ``HOLD_SHOWN_S`` and getting into place to ``SETUP_SHOWN_S`` in the looping
figure, while a single step's figure keeps its real seconds.

In-between poses come from ``domain.body.motion.between``: eased joint angles, held by the
contacts both ends share, never below the floor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from unkink.domain.body.motion import between
from unkink.domain.body.placement import PlacedPose
from unkink.domain.body.pose import Keyframe
from unkink.domain.exercises import Phase, Step
from unkink.figures.scene import Scene

SAMPLES_PER_S = 4.0
HOLD_SHOWN_S = 4.0
"""Holds are shown this long at most, so the loop stays short; moves keep their real pace."""
SETUP_SHOWN_S = 3.0
"""Getting into place is shown this long at most in the looping figure."""
STILL_SHOWN_S = 0.5
"""A setup step that asks for no movement of its own shows this long in the looping figure
(repeated steps keep the pace of the cues)."""
MOVE_SHARE_OF_HOLD = 0.6
HOLD_MOVE_MAX_S = 3.0
"""A hold that starts with a movement makes it in this long at most, then holds."""
BACK_TO_LOOP_S = 1.5


@dataclass(frozen=True, slots=True)
class Frame:
    t: float
    pose: PlacedPose
    highlight: str
    step: int = -1
    """Index of the step (in the exercise) this frame belongs to; -1 for the opening pose."""


@dataclass
class Mover:
    """Places keyframes and the poses between them, each once per scene (and process)."""

    scene: Scene
    _placed: dict[object, PlacedPose] = field(default_factory=dict)

    def place(self, key: Keyframe) -> PlacedPose:
        k = _identity(key)
        if k not in self._placed:
            self._placed[k] = self.scene.place(key)
        return self._placed[k]

    def between(self, a: Keyframe, b: Keyframe, u: float) -> PlacedPose:
        scene = self.scene
        k = (scene.exercise.id, scene.side, _identity(a), _identity(b), round(u, 6))
        if k not in _BETWEEN:
            if len(_BETWEEN) > MAX_CACHED:
                _BETWEEN.clear()
            _BETWEEN[k] = between(self.place(a), self.place(b), u)
        return _BETWEEN[k]


MAX_CACHED = 20_000
_BETWEEN: dict[object, PlacedPose] = {}
"""In-between poses already solved: the loop, the step figures and the strips share them."""


def _identity(key: Keyframe) -> object:
    return (tuple(sorted(key.resolved().items())), key.floor, key.seat)


def same_pose(a: Keyframe, b: Keyframe) -> bool:
    return _identity(a) == _identity(b)


def shown_seconds(step: Step, *, real: bool) -> float:
    seconds = float(step.seconds.value)
    if real:
        return seconds
    if step.hold:
        return min(seconds, HOLD_SHOWN_S)
    return min(seconds, SETUP_SHOWN_S) if step.phase is not Phase.REP else seconds


def timeline(
    mover: Mover,
    start: Keyframe,
    steps: Sequence[Step],
    *,
    end_on: Keyframe | None = None,
    real: bool = False,
) -> list[Frame]:
    """Frames from ``start`` through each step's keyframes, each step starting to move at once.

    ``real`` keeps every step's own seconds (a single step shown while it is spoken).
    """
    index = {id(s): i for i, s in enumerate(mover.scene.exercise.steps)}
    frames = [Frame(0.0, mover.place(start), "")]
    t, current = 0.0, start
    for step in steps:
        n_step = index.get(id(step), -1)
        seconds = shown_seconds(step, real=real)
        keys = list(mover.scene.keyframes(step))
        while keys and same_pose(keys[0], current):
            keys.pop(0)
        if not keys:
            brief = not (real or step.hold or step.phase is Phase.REP)
            t += min(seconds, STILL_SHOWN_S) if brief else seconds
            frames.append(Frame(t, frames[-1].pose, step.highlight, n_step))
            continue
        moving = min(seconds * MOVE_SHARE_OF_HOLD, HOLD_MOVE_MAX_S) if step.hold else seconds
        for key in keys:
            t, current = _move(mover, frames, current, key, t, moving / len(keys), step, n_step)
        if seconds > moving:
            t += seconds - moving
            frames.append(Frame(t, frames[-1].pose, step.highlight, n_step))
    if end_on is not None and steps and not same_pose(current, end_on):
        _move(mover, frames, current, end_on, t, BACK_TO_LOOP_S, steps[-1], index[id(steps[-1])])
    return frames


def _move(
    mover: Mover,
    frames: list[Frame],
    current: Keyframe,
    key: Keyframe,
    t: float,
    move_s: float,
    step: Step,
    n_step: int,
) -> tuple[float, Keyframe]:
    n = max(2, round(move_s * SAMPLES_PER_S))
    for i in range(1, n + 1):
        u = i / n
        pose = mover.between(current, key, ease(u))
        frames.append(Frame(t + u * move_s, pose, step.highlight, n_step))
    return t + move_s, key


def ease(u: float) -> float:
    return u * u * (3 - 2 * u)
