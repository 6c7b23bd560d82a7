"""Pydantic models for the exercise files; ``to_domain`` turns a validated file into an Exercise."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    model_validator,
)

from unkink.domain.body.pose import Keyframe
from unkink.domain.body.range_of_motion import out_of_range
from unkink.domain.body.skeleton import POINTS
from unkink.domain.exercises import (
    Dose,
    Equipment,
    Exercise,
    Laterality,
    Movement,
    Phase,
    Place,
    Position,
    Region,
    Source,
    Step,
)

PLACE_FOR_POSITION = {
    Position.STANDING: {Place.DESK, Place.FLOOR},
    Position.SEATED: {Place.DESK},
    Position.QUADRUPED: {Place.FLOOR},
    Position.KNEELING: {Place.FLOOR},
    Position.PRONE: {Place.FLOOR},
    Position.SUPINE: {Place.FLOOR},
}

Text = Annotated[str, Field(min_length=3, max_length=300)]
Seconds = Annotated[StrictInt, Field(ge=0, le=600)]
"""Numbers and switches are strict: ``"6"`` is not a number and ``true`` is not 1 in a file."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DoseModel(_Strict):
    value: Seconds
    source: Source
    low: Seconds | None = None
    high: Seconds | None = None
    why: str = ""

    @model_validator(mode="after")
    def _range_holds_value(self) -> DoseModel:
        low = self.value if self.low is None else self.low
        high = self.value if self.high is None else self.high
        if not low <= self.value <= high:
            raise ValueError(f"value {self.value} must lie between low {low} and high {high}")
        return self

    def to_domain(self) -> Dose:
        low = self.value if self.low is None else self.low
        high = self.value if self.high is None else self.high
        return Dose(value=self.value, source=self.source, low=low, high=high, why=self.why)


class KeyframeModel(_Strict):
    """One pose of a step's figure: joint angles (degrees) and what rests on floor and seat.

    Joint names and their meaning are in ``unkink.domain.body.pose``; a limb joint without
    ``left_``/``right_`` sets both sides. Points in ``floor`` rest on the floor (the first
    keeps its place between frames); points in ``seat`` rest on a chair seat. A one-sided
    stretch stores its right side; the left is drawn by mirroring.
    """

    angles: dict[str, StrictFloat] = Field(default_factory=dict)
    floor: list[str] = Field(default_factory=list)
    seat: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _a_body_can_do_it(self) -> KeyframeModel:
        problems = out_of_range(self.angles)  # raises ValueError for unknown joints
        if problems:
            raise ValueError("; ".join(problems))
        unknown = [p for p in self.floor + self.seat if p not in POINTS]
        if unknown:
            raise ValueError(f"unknown contact point(s): {', '.join(unknown)}")
        if not self.floor and not self.seat:
            raise ValueError("name at least one point in floor or seat: what holds the body up")
        return self

    def to_domain(self) -> Keyframe:
        return Keyframe(angles=dict(self.angles), floor=tuple(self.floor), seat=tuple(self.seat))


class StepModel(_Strict):
    text: Text
    phase: Phase
    seconds: DoseModel
    hold: StrictBool = False
    highlight: Region | None = None
    keyframes: list[KeyframeModel] = Field(default_factory=list)

    @model_validator(mode="after")
    def _hold_is_timed(self) -> StepModel:
        if self.hold and self.seconds.value < 1:
            raise ValueError("a hold step needs seconds.value of at least 1")
        return self


class ExerciseFile(_Strict):
    """One exercise file. Field names are the file format; keep them stable."""

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{1,40}$")]
    name: Annotated[str, Field(min_length=3, max_length=60)]
    summary: Text
    regions: Annotated[list[Region], Field(min_length=1)]
    movements: Annotated[list[Movement], Field(min_length=1)]
    position: Position
    place: Place
    equipment: list[Equipment] = Field(default_factory=list)
    laterality: Laterality
    difficulty: Annotated[StrictInt, Field(ge=1, le=3)]
    view: Literal["side", "front", "three_quarter"] = "side"
    reps: DoseModel
    rest_s: DoseModel
    steps: Annotated[list[StepModel], Field(min_length=1)]
    cautions: list[Text] = Field(default_factory=list)
    tags: list[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> ExerciseFile:
        if self.place not in PLACE_FOR_POSITION[self.position]:
            raise ValueError(f"place '{self.place}' does not fit position '{self.position}'")
        if not any(s.phase is Phase.REP for s in self.steps):
            raise ValueError("at least one step needs phase = 'rep'")
        if self.reps.value < 1:
            raise ValueError("reps.value must be at least 1")
        uses_side = any(re.search(r"\{(other_)?side\}", s.text) for s in self.steps)
        if uses_side and self.laterality is not Laterality.UNILATERAL:
            raise ValueError("only a unilateral exercise may use {side} in its step text")
        return self

    def to_domain(self) -> Exercise:
        return Exercise(
            id=self.id,
            name=self.name,
            summary=self.summary,
            regions=tuple(self.regions),
            movements=tuple(self.movements),
            position=self.position,
            place=self.place,
            equipment=tuple(self.equipment),
            laterality=self.laterality,
            difficulty=self.difficulty,
            reps=self.reps.to_domain(),
            rest_s=self.rest_s.to_domain(),
            steps=tuple(
                Step(
                    text=s.text,
                    phase=s.phase,
                    seconds=s.seconds.to_domain(),
                    hold=s.hold,
                    keyframes=tuple(k.to_domain() for k in s.keyframes),
                    highlight=s.highlight.value if s.highlight else "",
                )
                for s in self.steps
            ),
            cautions=tuple(self.cautions),
            tags=tuple(self.tags),
            notes=tuple(self.notes),
            view=self.view,
        )
