"""The catalogue's shape: exercises, their steps and dosage, as frozen values.

Pure: no I/O. The TOML files in ``unkink/catalogue/data`` are parsed into these types by
``unkink.catalogue.loader``; everything else in unkink reads exercises only through them.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from unkink.domain.body.pose import Keyframe
from unkink.domain.errors import UnknownExercise

BUILTIN_IDS: tuple[str, ...] = (
    "cat_camel",
    "butterfly",
    "prone_extension",
    "bridge",
    "chair_twist",
    "knee_to_chest",
    "kneeling_extension",
)
"""The seven shipped exercises, in order. A stable contract: stored data and rules use them."""

SIDE_SWITCH_S = 5
"""Seconds given to change sides in a one-sided stretch."""


class Region(StrEnum):
    UPPER_BACK = "upper_back"
    MID_BACK = "mid_back"
    LOWER_BACK = "lower_back"
    HIPS = "hips"


class Movement(StrEnum):
    FLEXION = "flexion"
    EXTENSION = "extension"
    ROTATION = "rotation"
    HIP_EXTENSION = "hip_extension"


class Position(StrEnum):
    STANDING = "standing"
    SEATED = "seated"
    QUADRUPED = "quadruped"
    KNEELING = "kneeling"
    PRONE = "prone"
    SUPINE = "supine"


class Place(StrEnum):
    DESK = "desk"
    FLOOR = "floor"


class Equipment(StrEnum):
    MAT = "mat"
    CHAIR = "chair"


class Laterality(StrEnum):
    BILATERAL = "bilateral"
    UNILATERAL = "unilateral"


class Source(StrEnum):
    """Where a dosage number comes from."""

    GUIDE = "guide"
    EVIDENCE = "evidence"


class Phase(StrEnum):
    SETUP = "setup"  # done once, before anything else
    SIDE = "side"  # done once per side (one-sided stretches), before that side's repeats
    REP = "rep"  # repeated ``reps`` times (per side)


@dataclass(frozen=True, slots=True)
class Dose:
    """A dosage number with its provenance and the range the planner may choose from."""

    value: int
    source: Source
    low: int
    high: int
    why: str = ""


@dataclass(frozen=True, slots=True)
class Step:
    """One instruction. ``seconds`` is the hold (``hold=True``) or the time given to move.

    Text may hold ``{side}`` and ``{other_side}``; one-sided stretches fill them per side.
    """

    text: str
    phase: Phase
    seconds: Dose
    hold: bool = False
    keyframes: tuple[Keyframe, ...] = ()
    highlight: str = ""  # the body region that should feel it, drawn on the figure

    def text_for(self, side: str | None) -> str:
        if side is None:
            return self.text
        other = "right" if side == "left" else "left"
        return self.text.replace("{side}", side).replace("{other_side}", other)


@dataclass(frozen=True, slots=True)
class Exercise:
    id: str
    name: str
    summary: str
    regions: tuple[Region, ...]
    movements: tuple[Movement, ...]
    position: Position
    place: Place
    equipment: tuple[Equipment, ...]
    laterality: Laterality
    difficulty: int
    reps: Dose
    rest_s: Dose
    steps: tuple[Step, ...]
    cautions: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    view: str = "side"

    @property
    def sides(self) -> tuple[str | None, ...]:
        return ("left", "right") if self.laterality is Laterality.UNILATERAL else (None,)

    @property
    def setup_steps(self) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.phase is Phase.SETUP)

    @property
    def side_steps(self) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.phase is Phase.SIDE)

    @property
    def rep_steps(self) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.phase is Phase.REP)

    def duration_s(self, reps: int | None = None) -> int:
        """Seconds the exercise takes with ``reps`` repeats (default: its catalogue dose).

        Setup steps once; then per side: its side steps, each repeat, and a rest between
        repeats; a short switch between sides. This is the one definition of an exercise's
        length: the timeline's segments must add up to it.
        """
        n = self.reps.value if reps is None else reps
        setup = sum(s.seconds.value for s in self.setup_steps)
        side = sum(s.seconds.value for s in self.side_steps)
        cycle = sum(s.seconds.value for s in self.rep_steps)
        per_side = side + n * cycle + max(n - 1, 0) * self.rest_s.value
        return setup + len(self.sides) * per_side + (len(self.sides) - 1) * SIDE_SWITCH_S


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Exercises by id, in a stable order."""

    exercises: tuple[Exercise, ...] = field(default_factory=tuple)

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises)

    def __len__(self) -> int:
        return len(self.exercises)

    def __contains__(self, exercise_id: object) -> bool:
        return any(e.id == exercise_id for e in self.exercises)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(e.id for e in self.exercises)

    def get(self, exercise_id: str) -> Exercise:
        for exercise in self.exercises:
            if exercise.id == exercise_id:
                return exercise
        close = difflib.get_close_matches(exercise_id, self.ids, n=3, cutoff=0.5)
        raise UnknownExercise(exercise_id, tuple(close))
