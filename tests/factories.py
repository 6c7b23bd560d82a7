"""Plain functions that build domain values for tests (cosmic's random_refs)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from unkink.domain.exercises import (
    Dose,
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


def dose(value: int, low: int | None = None, high: int | None = None) -> Dose:
    return Dose(
        value, Source.EVIDENCE, value if low is None else low, value if high is None else high
    )


def make_exercise(**overrides: Any) -> Exercise:
    base = Exercise(
        id="test_stretch",
        name="Test stretch",
        summary="A stretch made up for tests.",
        regions=(Region.LOWER_BACK,),
        movements=(Movement.FLEXION,),
        position=Position.SUPINE,
        place=Place.FLOOR,
        equipment=(),
        laterality=Laterality.BILATERAL,
        difficulty=1,
        reps=dose(2, 1, 4),
        rest_s=dose(5),
        steps=(
            Step("Lie down.", Phase.SETUP, dose(5)),
            Step("Hug your knees.", Phase.REP, dose(10, 5, 30), hold=True),
            Step("Let go.", Phase.REP, dose(3)),
        ),
    )
    return replace(base, **overrides)
