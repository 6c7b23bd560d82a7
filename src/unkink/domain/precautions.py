"""What the user's precautions allow, per exercise: the planner's safety input.

The rules that produce a ``Precautions`` value (the safety-evidence §3 table) live in
``unkink.domain.safety``; this module holds only the result type so the planner and the
player can depend on it without depending on the rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Mark(StrEnum):
    OFFER = "offer"  # "·" in the table
    MODIFY = "modify"  # "M": offer only with the modification text
    MUST_NOT = "must_not"  # "X": never offer

    @property
    def strictness(self) -> int:
        return {Mark.OFFER: 0, Mark.MODIFY: 1, Mark.MUST_NOT: 2}[self]


@dataclass(frozen=True, slots=True)
class Precautions:
    """Marks per exercise id; an id with no mark is offered normally."""

    marks: Mapping[str, Mark] = field(default_factory=dict)
    modifications: Mapping[str, str] = field(default_factory=dict)

    def mark_for(self, exercise_id: str) -> Mark:
        return self.marks.get(exercise_id, Mark.OFFER)

    def allows(self, exercise_id: str) -> bool:
        return self.mark_for(exercise_id) is not Mark.MUST_NOT

    def modification_for(self, exercise_id: str) -> str | None:
        if self.mark_for(exercise_id) is Mark.MODIFY:
            return self.modifications.get(exercise_id)
        return None


NO_PRECAUTIONS = Precautions()
