"""A person's profile as given to ``unkink precautions --profile`` and ``unkink profile --file``.

Pure: no I/O. ``{"age", "sex", "conditions": [{"code": ..., ...}]}``; unknown keys, codes and
values are errors naming the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from unkink.domain.errors import InvalidInput
from unkink.domain.safety.answers import Sex
from unkink.domain.safety.precautions import Condition, InvalidCondition, parse_condition

PROFILE_FIELDS = ("age", "sex", "conditions")


class InvalidProfile(InvalidInput):
    def __init__(self, field: str, problem: str, *, shown_as: str | None = None) -> None:
        self.field = field
        """The field's path, for programs (``conditions[0].weeks``)."""
        super().__init__(f"Profile, {shown_as or repr(field)}: {problem}")


@dataclass(frozen=True, slots=True)
class PersonProfile:
    age: int | None = None
    sex: Sex | None = None
    conditions: tuple[Condition, ...] = ()


def parse_profile(raw: object, *, recorded_on: date | None = None) -> PersonProfile:
    if not isinstance(raw, Mapping):
        raise InvalidProfile("(whole file)", 'expected an object like {"conditions": [...]}')
    unknown = sorted(set(raw) - set(PROFILE_FIELDS))
    if unknown:
        raise InvalidProfile(unknown[0], f"not a known field; use: {', '.join(PROFILE_FIELDS)}")
    age = raw.get("age")
    if age is not None and (
        isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= 120
    ):
        raise InvalidProfile("age", f"got {age!r}; use a whole number from 0 to 120")
    sex = raw.get("sex")
    if sex is not None and (not isinstance(sex, str) or sex not in Sex._value2member_map_):
        raise InvalidProfile("sex", f"got {sex!r}; use one of: {', '.join(Sex)}")
    entries = raw.get("conditions", [])
    if not isinstance(entries, list):
        raise InvalidProfile("conditions", 'use a list like [{"code": "osteoporosis"}]')
    conditions = []
    for i, entry in enumerate(entries):
        try:
            conditions.append(parse_condition(entry, recorded_on=recorded_on))
        except InvalidCondition as exc:
            raise InvalidProfile(
                f"conditions[{i}].{exc.field}",
                exc.problem,
                shown_as=f"condition {i + 1} in the list, '{exc.field}'",
            ) from None
    return PersonProfile(age, Sex(sex) if sex is not None else None, tuple(conditions))
