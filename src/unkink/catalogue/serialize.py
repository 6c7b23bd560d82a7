"""Exercises as plain dicts: the shape of ``--json`` output and of the web API."""

from __future__ import annotations

from typing import Any

from unkink.domain.exercises import Dose, Exercise


def dose_as_dict(dose: Dose) -> dict[str, Any]:
    out: dict[str, Any] = {"value": dose.value, "source": str(dose.source)}
    if (dose.low, dose.high) != (dose.value, dose.value):
        out["range"] = [dose.low, dose.high]
    if dose.why:
        out["why"] = dose.why
    return out


def exercise_as_dict(exercise: Exercise, *, steps: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": exercise.id,
        "name": exercise.name,
        "summary": exercise.summary,
        "position": str(exercise.position),
        "where": str(exercise.place),
        "regions": [str(r) for r in exercise.regions],
        "movements": [str(m) for m in exercise.movements],
        "equipment": [str(e) for e in exercise.equipment],
        "laterality": str(exercise.laterality),
        "difficulty": exercise.difficulty,
        "minutes": round(exercise.duration_s() / 60, 1),
        "reps": dose_as_dict(exercise.reps),
        "rest_s": dose_as_dict(exercise.rest_s),
    }
    if steps:
        out["steps"] = [
            {
                "n": i + 1,
                "phase": str(s.phase),
                "text": s.text,
                "hold": s.hold,
                "hold_s": s.seconds.value if s.hold else 0,
                "seconds": dose_as_dict(s.seconds),
                "provenance": str(s.seconds.source),
            }
            for i, s in enumerate(exercise.steps)
        ]
        out["cautions"] = list(exercise.cautions)
        out["notes"] = list(exercise.notes)
        out["tags"] = list(exercise.tags)
    return out
