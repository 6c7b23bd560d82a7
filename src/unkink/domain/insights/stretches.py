"""Per stretch: the typical change over the sessions that held it, and which differences are clear.

A session's change is counted for every stretch in it, so stretches that are always done
together cannot be told apart; the wording says "seemed to", never "worked". Stretches are
never ranked on overlapping intervals: those are "no clear difference yet".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from unkink.domain.insights.estimate import Estimate, estimate_change
from unkink.domain.insights.records import SessionPoint

STIFFNESS, PAIN = 0, 1


class Verdict(StrEnum):
    EASED = "eased"  # the whole interval is below zero
    NO_CLEAR_CHANGE = "no_clear_change"
    WORSE = "worse"  # the whole interval is above zero
    NOT_ENOUGH_DATA = "not_enough_data"


def verdict(estimate: Estimate | None) -> Verdict:
    if estimate is None:
        return Verdict.NOT_ENOUGH_DATA
    if estimate.high < 0:
        return Verdict.EASED
    if estimate.low > 0:
        return Verdict.WORSE
    return Verdict.NO_CLEAR_CHANGE


@dataclass(frozen=True, slots=True)
class StretchInsight:
    exercise_id: str
    sessions: int
    stiffness: Estimate | None
    pain: Estimate | None
    helped_most: int

    @property
    def verdict(self) -> Verdict:
        return verdict(self.stiffness)

    @property
    def pain_verdict(self) -> Verdict:
        return verdict(self.pain)

    def as_dict(self) -> dict[str, object]:
        return {
            "exercise": self.exercise_id,
            "sessions": self.sessions,
            "stiffness_change": self.stiffness.as_dict() if self.stiffness else None,
            "pain_change": self.pain.as_dict() if self.pain else None,
            "verdict": str(self.verdict),
            "pain_verdict": str(self.pain_verdict),
            "picked_as_helped_most": self.helped_most,
        }


def stretch_insights(points: Sequence[SessionPoint]) -> list[StretchInsight]:
    """One entry per stretch done, most-eased stiffness first (ties and no data by name)."""
    by_stretch: dict[str, list[SessionPoint]] = {}
    for p in points:  # one pass, in the given order; a stretch twice in a session counts once
        for e in dict.fromkeys(p.exercises):
            by_stretch.setdefault(e, []).append(p)
    found = []
    for ex in sorted(by_stretch):
        held = by_stretch[ex]
        changes = [[c for p in held if (c := p.change(w)) is not None] for w in (STIFFNESS, PAIN)]
        found.append(
            StretchInsight(
                exercise_id=ex,
                sessions=len(held),
                stiffness=estimate_change(changes[STIFFNESS]),
                pain=estimate_change(changes[PAIN]),
                helped_most=sum(1 for p in held if p.helped_most == ex),
            )
        )
    return sorted(found, key=lambda s: (s.stiffness is None, _mean(s.stiffness), s.exercise_id))


def _mean(e: Estimate | None) -> float:
    return e.mean if e is not None else 0.0


def leaders(insights: Sequence[StretchInsight]) -> list[StretchInsight]:
    """The stretches that eased stiffness and whose interval overlaps the best one's.

    Two or more leaders means "no clear difference yet" between them."""
    eased = [s for s in insights if s.verdict is Verdict.EASED and s.stiffness is not None]
    if not eased:
        return []
    best = min(eased, key=lambda s: _mean(s.stiffness))
    assert best.stiffness is not None
    return [s for s in eased if s.stiffness is not None and s.stiffness.overlaps(best.stiffness)]


def clear_differences(insights: Sequence[StretchInsight]) -> list[tuple[str, str]]:
    """Pairs (a, b) where a's stiffness interval lies wholly below b's: a clearly eased more."""
    rated = [s for s in insights if s.stiffness is not None]
    return [
        (a.exercise_id, b.exercise_id)
        for a in rated
        for b in rated
        if a.stiffness is not None
        and b.stiffness is not None
        and a.stiffness.high < b.stiffness.low
    ]
