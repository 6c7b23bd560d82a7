"""A planned routine: which exercises, in what order, with how many repeats and how long a hold.

Pure values. A ``RoutineItem`` holds its exercise with the chosen hold seconds written into
the hold steps, so ``item.exercise.duration_s(item.reps)`` stays the one definition of its
length. ``as_dict``/``routine_from_dict`` are the stored and JSON form.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from unkink.domain.exercises import Catalogue, Exercise
from unkink.domain.session.moves import floor_trips, position_changes, transition_s

GET_READY_S = 5
"""Seconds of "get ready" countdown before the first exercise."""


def with_holds(exercise: Exercise, holds: Sequence[int]) -> Exercise:
    """The exercise with its hold steps set to ``holds`` seconds (in step order)."""
    hold_steps = [i for i, s in enumerate(exercise.steps) if s.hold]
    if len(holds) != len(hold_steps):
        raise ValueError(f"{exercise.id} has {len(hold_steps)} hold steps, not {len(holds)}")
    steps = list(exercise.steps)
    for i, seconds in zip(hold_steps, holds, strict=True):
        steps[i] = replace(steps[i], seconds=replace(steps[i].seconds, value=seconds))
    return replace(exercise, steps=tuple(steps))


def holds_of(exercise: Exercise) -> tuple[int, ...]:
    return tuple(s.seconds.value for s in exercise.steps if s.hold)


@dataclass(frozen=True, slots=True)
class RoutineItem:
    exercise: Exercise
    reps: int
    reason: str
    modification: str | None = None
    shortened: bool = False

    @property
    def duration_s(self) -> int:
        return self.exercise.duration_s(self.reps)

    @property
    def holds(self) -> tuple[int, ...]:
        return holds_of(self.exercise)

    @property
    def sides(self) -> tuple[str | None, ...]:
        return self.exercise.sides

    def as_dict(self) -> dict[str, Any]:
        e = self.exercise
        return {
            "id": e.id,
            "name": e.name,
            "position": str(e.position),
            "reps": self.reps,
            "holds_s": list(self.holds),
            "sides": [s for s in self.sides if s is not None],
            "seconds": self.duration_s,
            "reason": self.reason,
            "modification": self.modification,
            "shortened": self.shortened,
        }


@dataclass(frozen=True, slots=True)
class Routine:
    items: tuple[RoutineItem, ...]
    area: str
    place: str
    minutes_requested: float
    notes: tuple[str, ...] = ()
    get_ready_s: int = GET_READY_S

    @property
    def transitions_s(self) -> tuple[int, ...]:
        """Seconds between consecutive exercises (one fewer than the items)."""
        pos = [i.exercise.position for i in self.items]
        return tuple(transition_s(a, b) for a, b in zip(pos, pos[1:], strict=False))

    @property
    def exercise_s(self) -> int:
        return sum(i.duration_s for i in self.items)

    @property
    def total_s(self) -> int:
        return self.get_ready_s + self.exercise_s + sum(self.transitions_s)

    @property
    def floor_trips(self) -> int:
        return floor_trips([i.exercise.position for i in self.items])

    @property
    def position_changes(self) -> int:
        return position_changes([i.exercise.position for i in self.items])

    def as_dict(self) -> dict[str, Any]:
        return {
            "area": self.area,
            "where": self.place,
            "minutes_requested": self.minutes_requested,
            "total_s": self.total_s,
            "minutes": round(self.total_s / 60, 1),
            "get_ready_s": self.get_ready_s,
            "transitions_s": list(self.transitions_s),
            "floor_trips": self.floor_trips,
            "position_changes": self.position_changes,
            "exercises": [i.as_dict() for i in self.items],
            "notes": list(self.notes),
        }


def routine_from_dict(catalogue: Catalogue, data: Mapping[str, Any]) -> Routine:
    """Rebuild a stored routine against the catalogue (raises UnknownExercise if one is gone)."""
    items = []
    for raw in data["exercises"]:
        exercise = with_holds(catalogue.get(str(raw["id"])), [int(h) for h in raw["holds_s"]])
        items.append(
            RoutineItem(
                exercise=exercise,
                reps=int(raw["reps"]),
                reason=str(raw["reason"]),
                modification=raw.get("modification"),
                shortened=bool(raw.get("shortened", False)),
            )
        )
    return Routine(
        items=tuple(items),
        area=str(data["area"]),
        place=str(data["where"]),
        minutes_requested=float(data["minutes_requested"]),
        notes=tuple(str(n) for n in data.get("notes", ())),
        get_ready_s=int(data.get("get_ready_s", GET_READY_S)),
    )
