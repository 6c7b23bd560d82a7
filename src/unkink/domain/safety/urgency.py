"""Screening urgency levels (safety evidence §2) and the plain-words advice for each (§7).

Pure: no I/O. ``advice_for`` builds the advice shown with a screening result from its urgency
and matched rule ids; the emergency text is short and direct, and every advice names one time
frame only (revision 2: never "1-3 days" beside "the next few days").
"""

from __future__ import annotations

from collections.abc import Collection
from enum import StrEnum


class Urgency(StrEnum):
    """§2, revision 2: emergency > see_doctor_soon > routine_review > self_care_ok."""

    SELF_CARE_OK = "self_care_ok"
    ROUTINE_REVIEW = "routine_review"
    SEE_DOCTOR_SOON = "see_doctor_soon"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        return _RANK[self.value]


_RANK = {"self_care_ok": 0, "routine_review": 1, "see_doctor_soon": 2, "emergency": 3}

ROUTINE_REVIEW_RULES = frozenset({"S8", "S10"})
"""§2.2b: the rules of the routine_review level (a booked appointment; gentle sessions go on)."""

WITHIN_24H_RULES = frozenset({"S1", "S4"})
"""§2.2: see a doctor within 24 hours rather than 1-3 days."""

EMERGENCY_ADVICE = (
    "Call emergency services or go to the emergency department now. "
    "Do not wait to see if it passes. "
    "Do not do any stretches."
)
SELF_CARE_ADVICE = (
    "Your answers do not show any warning signs. "
    "This app can't find the cause of your pain. "
    "Back pain is common and it usually gets better. "
    "Gentle movement is safe for most people. "
    "Do this check again if anything changes."
)
NOT_A_DIAGNOSIS = "This app can't find the cause of your pain."
SOON_24H = "Your answers suggest you should see a doctor within 24 hours."
SOON_1_3_DAYS = "Your answers suggest you should see a doctor in the next one to three days."
ROUTINE = (
    "Your answers suggest you book a normal visit with a GP or physio. Do it in the next few weeks."
)
ROUTINE_S10 = "Your GP may send you to a joint doctor (a rheumatologist)."
ROUTINE_GENTLE = "Gentle sessions are fine while you wait. Stop if anything hurts."
SOONER_IF_WORSE = "Go sooner if it gets worse."
SAME_DAY_S3 = "If you have a high fever or it hurts when you pee, see a doctor today."
GENTLE_OK = "Gentle movement is fine until then. Stop if anything hurts."
NO_NEW_STRETCHES = "Please do not start new stretches until a doctor has checked you."


def gentle_movement_ok(urgency: Urgency, rules: Collection[str] = ()) -> bool:
    """§2.2b: self-care and routine review allow sessions; see_doctor_soon and emergency do not.

    ``rules`` is kept for callers of revision 1; the level alone decides now.
    """
    return urgency in (Urgency.SELF_CARE_OK, Urgency.ROUTINE_REVIEW)


def advice_for(urgency: Urgency, rules: Collection[str]) -> str:
    if urgency is Urgency.EMERGENCY:
        return EMERGENCY_ADVICE
    if urgency is Urgency.SELF_CARE_OK:
        return SELF_CARE_ADVICE
    if urgency is Urgency.ROUTINE_REVIEW:
        parts = [ROUTINE, *([ROUTINE_S10] if "S10" in rules else []), ROUTINE_GENTLE]
        return " ".join([*parts, NOT_A_DIAGNOSIS])
    parts = [SOON_24H if WITHIN_24H_RULES & set(rules) else SOON_1_3_DAYS, SOONER_IF_WORSE]
    if "S3" in rules:
        parts.append(SAME_DAY_S3)
    parts.append(NO_NEW_STRETCHES)
    parts.append(NOT_A_DIAGNOSIS)
    return " ".join(parts)


def urgency_texts() -> tuple[str, ...]:
    """Every fixed user-facing string of this module (for the wording tests)."""
    return (
        EMERGENCY_ADVICE,
        SELF_CARE_ADVICE,
        NOT_A_DIAGNOSIS,
        SOON_24H,
        SOON_1_3_DAYS,
        ROUTINE,
        ROUTINE_S10,
        ROUTINE_GENTLE,
        SOONER_IF_WORSE,
        SAME_DAY_S3,
        GENTLE_OK,
        NO_NEW_STRETCHES,
    )
