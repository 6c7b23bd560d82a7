"""Referral on continued discomfort (safety evidence §5 and S8), from stored ratings.

Pure: no I/O. ``suggest_referral`` looks at the person's 0-10 scores over time and at the
next-day rule per exercise, and returns a calm suggestion (or None).

Hook for the clinician summary (a later issue): ``Referral.what_to_bring`` lists what that
export should contain, and ``SummaryExport`` is the shape of the function it should provide
(``unkink.services.safety.referral`` returns the ``Referral`` it would take).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean
from typing import Protocol

from unkink.domain.safety.pain import NextDay, next_day_advice

NO_IMPROVEMENT_AFTER = timedelta(days=42)
"""~6 weeks (S8)."""
BASELINE_SPAN = timedelta(days=14)
LOOKBACK = NO_IMPROVEMENT_AFTER + BASELINE_SPAN
"""How far before the latest rating ``no_improvement`` looks: older points change nothing."""
RECENT_SPAN = timedelta(days=7)
MEANINGFUL_CHANGE = 1.0
"""Decision: a fall of at least one point (0-10) in the average score counts as improvement."""
FINE_SCORE = 2.0
"""§5: 0-2/10 is fine, so low scores that stay low are not a reason to refer."""


@dataclass(frozen=True, slots=True)
class ScorePoint:
    """One 0-10 rating (the higher of pain and stiffness) on a day."""

    day: date
    score: int


class ReferralReason:
    NO_IMPROVEMENT = "no_improvement_6_weeks"
    NEXT_DAY_RULE = "worse_next_morning_twice"


@dataclass(frozen=True, slots=True)
class Referral:
    reasons: tuple[str, ...]
    message: str
    what_to_bring: tuple[str, ...]
    dropped_exercises: tuple[str, ...] = ()


class SummaryExport(Protocol):
    """What the later clinician-summary export provides: a printable text from a referral."""

    def __call__(self, referral: Referral) -> str: ...


NO_IMPROVEMENT_TEXT = (
    "You have been rating your back for about six weeks, and it is not getting better."
)
NEXT_DAY_TEXT = "Some stretches have left you feeling worse the next morning more than once."
SUGGESTION_TEXT = (
    "It may help to see a GP or a physiotherapist. "
    "They can check your back in person and suggest what suits you. "
    "Some people also see a chiropractor, alongside their exercises. "
    "This is not urgent."
)
WHAT_TO_BRING = (
    "When your back pain started, and what makes it better or worse.",
    "Your pain and stiffness scores from unkink.",
    "Which stretches you did, and which ones made you feel worse.",
    "A list of any medicines you take.",
)


def no_improvement(points: Sequence[ScorePoint]) -> bool:
    """S8 from ratings: scores from ~6 weeks ago and from the last week, not clearly lower now.

    Decision: baseline = the 14 days up to 42 days before the latest rating; recent = the
    last 7 days; no improvement = recent average above 2 and not at least 1 point lower.
    """
    if not points:
        return False
    latest = max(p.day for p in points)
    cut = latest - NO_IMPROVEMENT_AFTER
    baseline = [p.score for p in points if cut - BASELINE_SPAN < p.day <= cut]
    recent = [p.score for p in points if p.day > latest - RECENT_SPAN]
    if not baseline or not recent:
        return False
    now = fmean(recent)
    return now > FINE_SCORE and now > fmean(baseline) - MEANINGFUL_CHANGE


def suggest_referral(
    *, points: Sequence[ScorePoint], worse_mornings: Mapping[str, Sequence[bool]]
) -> Referral | None:
    """A calm suggestion when S8 shows in the ratings or the next-day rule has dropped a stretch."""
    reasons: list[str] = []
    texts: list[str] = []
    if no_improvement(points):
        reasons.append(ReferralReason.NO_IMPROVEMENT)
        texts.append(NO_IMPROVEMENT_TEXT)
    dropped = tuple(
        sorted(e for e, w in worse_mornings.items() if next_day_advice(w).advice is NextDay.DROP)
    )
    if dropped:
        reasons.append(ReferralReason.NEXT_DAY_RULE)
        texts.append(NEXT_DAY_TEXT)
    if not reasons:
        return None
    return Referral(
        reasons=tuple(reasons),
        message=" ".join([*texts, SUGGESTION_TEXT]),
        what_to_bring=WHAT_TO_BRING,
        dropped_exercises=dropped,
    )


def referral_texts() -> tuple[str, ...]:
    """Every fixed user-facing string of this module (for the wording tests)."""
    return (NO_IMPROVEMENT_TEXT, NEXT_DAY_TEXT, SUGGESTION_TEXT, *WHAT_TO_BRING)
