"""Screening answers (safety evidence §2.4): the canonical fields, their values, and parsing.

Pure: no I/O. ``parse_answers`` turns a plain mapping (from a JSON file, the questionnaire or
a web form) into ``ScreeningAnswers`` and rejects anything it does not know, naming the field
and the values it accepts. Booleans default to False; enum fields default to the harmless
value ("none", "gradual", ...); numbers default to "not given" (None).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from unkink.domain.errors import InvalidInput
from unkink.domain.safety.answer_types import (
    CancerHistory,
    LegNumbness,
    LegPain,
    LegWeakness,
    MainSymptom,
    NightPain,
    Onset,
    PainArea,
    PainPattern,
    PainTrend,
    Sex,
    SpaFeature,
    Trauma,
)

__all__ = [
    "CancerHistory",
    "LegNumbness",
    "LegPain",
    "LegWeakness",
    "MainSymptom",
    "NightPain",
    "Onset",
    "PainArea",
    "PainPattern",
    "PainTrend",
    "Sex",
    "SpaFeature",
    "Trauma",
    "FIELD_NAMES",
    "InvalidAnswers",
    "ScreeningAnswers",
    "allowed_values",
    "parse_answers",
]


class InvalidAnswers(InvalidInput):
    """Screening answers that cannot be used; the message names the field and the fix."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"Screening answer '{field}': {problem}")


@dataclass(frozen=True, slots=True)
class ScreeningAnswers:
    """One person's answers, field names exactly as in safety evidence §2.4."""

    age: int | None = None
    sex: Sex | None = None
    pregnant: bool = False
    pregnancy_weeks: int | None = None
    main_symptom: MainSymptom = MainSymptom.PAIN
    pain_area: PainArea | None = None
    duration_days: int | None = None
    age_at_onset: int | None = None
    onset: Onset = Onset.GRADUAL
    trauma: Trauma = Trauma.NONE
    pain_trend: PainTrend = PainTrend.STABLE
    pain_pattern: PainPattern = PainPattern.MECHANICAL
    night_pain: NightPain = NightPain.NONE
    already_assessed_by_clinician: bool = False
    leg_pain: LegPain = LegPain.NONE
    leg_numbness_or_tingling: LegNumbness = LegNumbness.NONE
    leg_weakness: LegWeakness = LegWeakness.NONE
    walking_unsteady_new: bool = False
    saddle_numbness: bool = False
    bladder_change_new: bool = False
    bowel_change_new: bool = False
    sexual_sensation_change_new: bool = False
    fever_or_chills: bool = False
    feels_generally_unwell: bool = False
    unexplained_weight_loss: bool = False
    cancer_history: CancerHistory = CancerHistory.NONE
    long_term_oral_steroids: bool = False
    osteoporosis_known: bool = False
    iv_drug_use: bool = False
    immunosuppressed: bool = False
    recent_spinal_procedure_or_bacterial_infection: bool = False
    chest_or_abdominal_pain_or_fainting: bool = False
    neck_warning_symptoms: bool = False
    pregnancy_warning_signs: bool = False
    spa_features: frozenset[SpaFeature] = frozenset()

    def to_json(self) -> dict[str, Any]:
        """Plain JSON-ready values (enums as strings, features as a sorted list)."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, frozenset):
                value = sorted(str(v) for v in value)
            elif isinstance(value, StrEnum):
                value = str(value)
            out[f.name] = value
        return out


FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(ScreeningAnswers))

_ENUMS: dict[str, type[StrEnum]] = {
    "sex": Sex,
    "main_symptom": MainSymptom,
    "leg_pain": LegPain,
    "pain_area": PainArea,
    "onset": Onset,
    "trauma": Trauma,
    "pain_trend": PainTrend,
    "pain_pattern": PainPattern,
    "night_pain": NightPain,
    "leg_numbness_or_tingling": LegNumbness,
    "leg_weakness": LegWeakness,
    "cancer_history": CancerHistory,
}
_NUMBERS: dict[str, tuple[int, int]] = {
    "age": (0, 120),
    "pregnancy_weeks": (0, 45),
    "duration_days": (0, 36500),
    "age_at_onset": (0, 120),
}


def allowed_values(field: str) -> tuple[str, ...]:
    """The accepted spellings of an enum field (for questions and error messages)."""
    if field == "spa_features":
        return tuple(SpaFeature)
    return tuple(_ENUMS[field])


_LEGACY_BOOLEANS = {"leg_pain": {True: "one_leg", False: "none"}}
"""Revision 1 files said ``"leg_pain": true/false``; they still read as one_leg / none."""


def _show(raw: object) -> str:
    """A reply as quoted in an error: short, even for a number of thousands of digits."""
    if isinstance(raw, int) and not isinstance(raw, bool) and abs(raw) > 10**12:
        return "a very long number"
    text = repr(raw)
    return text if len(text) <= 40 else text[:37] + "..."


def _parse_one(name: str, raw: object) -> object:
    if name in _LEGACY_BOOLEANS and isinstance(raw, bool):
        raw = _LEGACY_BOOLEANS[name][raw]
    if name in _ENUMS:
        if raw is None and name in ("sex", "pain_area"):
            return None
        allowed = _ENUMS[name]
        if not isinstance(raw, str) or raw not in allowed._value2member_map_:
            raise InvalidAnswers(name, f"got {_show(raw)}; use one of: {', '.join(allowed)}")
        return allowed(raw)
    if name in _NUMBERS:
        low, high = _NUMBERS[name]
        if raw is None:
            return None
        if isinstance(raw, bool) or not isinstance(raw, int) or not low <= raw <= high:
            raise InvalidAnswers(name, f"got {_show(raw)}; use a whole number from {low} to {high}")
        return raw
    if name == "spa_features":
        if not isinstance(raw, list | tuple):
            raise InvalidAnswers(name, f'got {_show(raw)}; use a list such as ["buttock_pain"]')
        bad = [v for v in raw if not isinstance(v, str) or v not in SpaFeature._value2member_map_]
        if bad:
            raise InvalidAnswers(
                name, f"unknown item(s) {_show(bad)}; use any of: {', '.join(SpaFeature)}"
            )
        return frozenset(SpaFeature(v) for v in raw)
    if not isinstance(raw, bool):
        raise InvalidAnswers(name, f"got {_show(raw)}; use true or false")
    return raw


def parse_answers(mapping: Mapping[str, object]) -> ScreeningAnswers:
    """Validate a mapping of §2.4 fields; unknown fields and wrong values are errors."""
    if not isinstance(mapping, Mapping):
        raise InvalidAnswers("(whole file)", "expected an object of field names and answers")
    unknown = sorted(set(mapping) - set(FIELD_NAMES))
    if unknown:
        raise InvalidAnswers(
            unknown[0],
            "this is not a screening field (check its spelling). "
            f"Known fields: {', '.join(FIELD_NAMES)}",
        )
    values = {name: _parse_one(name, raw) for name, raw in mapping.items()}
    return ScreeningAnswers(**values)  # type: ignore[arg-type]


def check_together(a: ScreeningAnswers) -> ScreeningAnswers:
    """Answers that each make sense but not together (new answers: a file, a save); stored
    ones are read as they are. The age a back problem started is no more than the age now."""
    if a.age is not None and a.age_at_onset is not None and a.age_at_onset > a.age:
        raise InvalidAnswers(
            "age_at_onset",
            f"got {a.age_at_onset}, more than the age given ({a.age});"
            f" use a whole number from 0 to {a.age}",
        )
    return a
