"""What the user's precautions allow, per exercise: the planner's safety input.

``Mark`` and ``Precautions`` are the result types the planner and the player read.
``derive_precautions`` produces them from a person's dated conditions using the safety
evidence §3 table (data in ``precaution_table``): each condition picks its row for today
(windows age by themselves from the date they were recorded), and the strictest mark per
exercise wins (X beats M beats ·). Pure: no I/O, ``today`` is an argument.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from unkink.domain.errors import InvalidInput
from unkink.domain.exercises import BUILTIN_IDS, Exercise


class Mark(StrEnum):
    OFFER = "offer"  # "·" in the table
    MODIFY = "modify"  # "M": offer only with the modification text
    MUST_NOT = "must_not"  # "X": never offer

    @property
    def strictness(self) -> int:
        return {Mark.OFFER: 0, Mark.MODIFY: 1, Mark.MUST_NOT: 2}[self]


@dataclass(frozen=True, slots=True)
class Precautions:
    """Marks per exercise id; an id with no mark is offered normally.

    A value: both mappings are read-only copies of what was passed (a caller changing its
    dict afterwards changes nothing here), and equal precautions hash alike, so they can key
    a memo such as the plan preview's (issue 10)."""

    marks: Mapping[str, Mark] = field(default_factory=dict)
    modifications: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "marks", MappingProxyType(dict(self.marks)))
        object.__setattr__(self, "modifications", MappingProxyType(dict(self.modifications)))

    def __hash__(self) -> int:
        return hash((frozenset(self.marks.items()), frozenset(self.modifications.items())))

    def __reduce__(self) -> tuple[type[Precautions], tuple[dict[str, Mark], dict[str, str]]]:
        """Pickled and copied as plain dicts (a mappingproxy cannot be pickled)."""
        return (Precautions, (dict(self.marks), dict(self.modifications)))

    def mark_for(self, exercise_id: str) -> Mark:
        return self.marks.get(exercise_id, Mark.OFFER)

    def allows(self, exercise_id: str) -> bool:
        return self.mark_for(exercise_id) is not Mark.MUST_NOT

    def modification_for(self, exercise_id: str) -> str | None:
        if self.mark_for(exercise_id) is Mark.MODIFY:
            return self.modifications.get(exercise_id)
        return None


NO_PRECAUTIONS = Precautions()


class ConditionCode(StrEnum):
    OSTEOPOROSIS = "osteoporosis"
    VERTEBRAL_FRACTURE_HISTORY = "vertebral_fracture_history"
    VERTEBRAL_FRACTURE_RECENT = "vertebral_fracture_recent"
    PREGNANCY = "pregnancy"
    ACUTE_SCIATICA = "acute_sciatica"
    LUMBAR_SPINAL_STENOSIS = "lumbar_spinal_stenosis"
    SPONDYLOLISTHESIS = "spondylolisthesis"
    SPINAL_SURGERY = "spinal_surgery"
    ABDOMINAL_SURGERY = "abdominal_surgery"
    HIP_REPLACEMENT = "hip_replacement"
    ACUTE_NONSPECIFIC_LOW_BACK_PAIN = "acute_nonspecific_low_back_pain"


class HipApproach(StrEnum):
    POSTERIOR = "posterior"
    ANTERIOR = "anterior"
    UNKNOWN = "unknown"


class InvalidCondition(InvalidInput):
    """A condition entry that cannot be used; the message names the field and the fix."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"Condition '{field}': {problem}")


@dataclass(frozen=True, slots=True)
class Condition:
    """One recorded condition. ``weeks``/``weeks_since`` are as of ``recorded_on``."""

    code: ConditionCode
    weeks: float | None = None
    weeks_since: float | None = None
    cleared_by_surgical_team: bool = False
    approach: HipApproach | None = None
    recorded_on: date | None = None
    procedure: str | None = None
    """Free text ("microdiscectomy", "caesarean"): shown back to the person, used by no rule."""

    def weeks_on(self, value: float | None, today: date) -> float | None:
        """A week count recorded on ``recorded_on``, advanced to ``today``."""
        if value is None or self.recorded_on is None:
            return value
        return value + max((today - self.recorded_on).days, 0) / 7

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"code": str(self.code)}
        for name in ("weeks", "weeks_since", "procedure"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        if self.cleared_by_surgical_team:
            out["cleared_by_surgical_team"] = True
        if self.approach is not None:
            out["approach"] = str(self.approach)
        return out


_CONDITION_FIELDS = (
    "code",
    "weeks",
    "weeks_since",
    "cleared_by_surgical_team",
    "approach",
    "procedure",
)
PROCEDURE_MAX = 200


def _number(field: str, raw: object, high: float) -> float | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not 0 <= raw <= high:
        raise InvalidCondition(field, f"got {raw!r}; use a number of weeks from 0 to {high:g}")
    return float(raw)


def parse_condition(raw: Mapping[str, object], *, recorded_on: date | None = None) -> Condition:
    """Validate one ``{"code": ..., ...}`` entry; unknown codes and fields are errors."""
    if not isinstance(raw, Mapping):
        raise InvalidCondition("(entry)", 'each condition must be an object like {"code": "..."}')
    unknown = sorted(set(raw) - set(_CONDITION_FIELDS))
    if unknown:
        raise InvalidCondition(
            unknown[0], f"not a known field; use: {', '.join(_CONDITION_FIELDS)}"
        )
    code = raw.get("code")
    if not isinstance(code, str) or code not in ConditionCode._value2member_map_:
        raise InvalidCondition(
            "code", f"unknown code {code!r}; use one of: {', '.join(ConditionCode)}"
        )
    approach = raw.get("approach")
    if approach is not None and (
        not isinstance(approach, str) or approach not in HipApproach._value2member_map_
    ):
        raise InvalidCondition(
            "approach", f"got {approach!r}; use one of: {', '.join(HipApproach)}"
        )
    cleared = raw.get("cleared_by_surgical_team", False)
    if not isinstance(cleared, bool):
        raise InvalidCondition("cleared_by_surgical_team", f"got {cleared!r}; use true or false")
    procedure = raw.get("procedure")
    if procedure is not None and (not isinstance(procedure, str) or len(procedure) > PROCEDURE_MAX):
        raise InvalidCondition("procedure", f"use a short text, up to {PROCEDURE_MAX} letters")
    return Condition(
        code=ConditionCode(code),
        procedure=procedure.strip() or None if isinstance(procedure, str) else None,
        weeks=_number("weeks", raw.get("weeks"), 45),
        weeks_since=_number("weeks_since", raw.get("weeks_since"), 5200),
        cleared_by_surgical_team=cleared,
        approach=HipApproach(approach) if approach is not None else None,
        recorded_on=recorded_on,
    )


def table_row(condition: Condition, today: date) -> str | None:
    """The §3 row that applies today, or None when the condition is outside its window."""
    code = condition.code
    since = condition.weeks_on(condition.weeks_since, today)
    if code is ConditionCode.PREGNANCY:
        weeks = condition.weeks_on(condition.weeks, today)
        if weeks is None:  # Decision: unknown weeks -> the strictest pregnancy row.
            return "pregnancy_28_plus"
        if weeks < 13:
            return "pregnancy_under_13"
        return "pregnancy_13_to_27" if weeks < 28 else "pregnancy_28_plus"
    if code in (ConditionCode.VERTEBRAL_FRACTURE_RECENT, ConditionCode.VERTEBRAL_FRACTURE_HISTORY):
        # Decision: a "recent" fracture without a date counts from when it was recorded, and
        # moves to the history row at 12 weeks; a "history" entry under 12 weeks is recent.
        if since is None:
            since = condition.weeks_on(0.0, today) if code.name.endswith("RECENT") else 12.0
        assert since is not None
        return "vertebral_fracture_recent" if since < 12 else "vertebral_fracture_history"
    windows = {
        ConditionCode.SPINAL_SURGERY: 26,
        ConditionCode.ABDOMINAL_SURGERY: 6,
        ConditionCode.HIP_REPLACEMENT: 12,
    }
    if code in windows:
        # Decision: surgery without a date counts from the day it was recorded.
        elapsed = since if since is not None else condition.weeks_on(0.0, today)
        assert elapsed is not None
        if elapsed >= windows[code]:
            return None
        if code is ConditionCode.SPINAL_SURGERY:
            return None if condition.cleared_by_surgical_team else "spinal_surgery"
        if code is ConditionCode.HIP_REPLACEMENT:
            anterior = condition.approach is HipApproach.ANTERIOR
            return "hip_replacement_anterior" if anterior else "hip_replacement_posterior"
        return "abdominal_surgery"
    # Decision: acute_sciatica keeps its row whatever its age (S8 covers > 6 weeks).
    return str(code)


def _strictest(marks: Iterable[Mark]) -> Mark:
    return max(marks, key=lambda m: m.strictness, default=Mark.OFFER)


_MARK_OF = {".": Mark.OFFER, "M": Mark.MODIFY, "X": Mark.MUST_NOT}


def _mark_in_row(exercise_id: str, row: Mapping[str, str], own: Exercise | None) -> Mark:
    """The row's mark for a built-in; for a user-added exercise, see ``_own_exercise_mark``."""
    if own is None:
        return _MARK_OF[row[exercise_id]]
    return _own_exercise_mark(own, row)


def _own_exercise_mark(exercise: Exercise, row: Mapping[str, str]) -> Mark:
    """Decision for user-added exercises: the strictest mark of the built-in exercises that
    share a movement, position or tag with it; sharing nothing -> the row's strictest mark."""
    from unkink.domain.safety.precaution_table import BUILTIN_TRAITS

    own = {*map(str, exercise.movements), str(exercise.position), *exercise.tags}
    alike = [e for e, traits in BUILTIN_TRAITS.items() if own & traits] or list(row)
    return _strictest(_MARK_OF[row[e]] for e in alike)


def derive_precautions(
    conditions: Iterable[Condition], *, today: date, exercises: Iterable[Exercise] = ()
) -> Precautions:
    """Marks for the seven built-ins and any extra ``exercises``: strictest mark per exercise.

    Every known id gets an explicit mark, so callers can list what is offered normally.
    """
    from unkink.domain.safety import precaution_table as t

    rows = [r for r in (table_row(c, today) for c in conditions) if r is not None]
    own = {e.id: e for e in exercises if e.id not in BUILTIN_IDS}
    marks: dict[str, Mark] = {}
    modifications: dict[str, str] = {}
    for exercise_id in (*BUILTIN_IDS, *own):
        per_row = [(_mark_in_row(exercise_id, t.TABLE[r], own.get(exercise_id)), r) for r in rows]
        mark = _strictest(m for m, _ in per_row)
        topics = [t.ROW_TOPIC.get(r, "") for m, r in per_row if m is Mark.MODIFY]
        conflict = t.CONFLICTING_TOPICS.get(exercise_id)
        if mark is Mark.MODIFY and conflict and conflict <= set(topics):
            mark = Mark.MUST_NOT
        marks[exercise_id] = mark
        if mark is Mark.MODIFY:
            modifications[exercise_id] = _modification_text(exercise_id, topics)
    return Precautions(marks=marks, modifications=modifications)


def _modification_text(exercise_id: str, topics: list[str]) -> str:
    from unkink.domain.safety import precaution_table as t

    if exercise_id not in t.BASE_TEXT:
        return t.OWN_EXERCISE_TEXT
    parts = [t.BASE_TEXT[exercise_id]]
    for topic in topics:
        note = t.SCIATICA_NOTE if topic == "sciatica" else t.TOPIC_TEXT.get((exercise_id, topic))
        if note and note not in parts:
            parts.append(note)
    return " ".join(parts)
