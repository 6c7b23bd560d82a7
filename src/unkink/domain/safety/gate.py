"""The safety gate (issue 4, item 1): may a session be offered now, and if not, why and what next.

Pure: no I/O. ``decide_gate`` takes what the services read from storage. A session is blocked
without the intended-use acknowledgment, without a screening, when the latest screening is
emergency or see_doctor_soon (except S8/S10 alone: gentle movement, §2.2), when it is more than
30 days old, or when a pain stop happened after it.

Decision (lead): §2.2 says "no new stretching program until assessed". When the person says a
clinician has already assessed this episode (``already_assessed_by_clinician``), a
see_doctor_soon result no longer blocks: gentle sessions only, with advice to follow what the
clinician said. Emergency results never clear this way; only a new screening does.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from unkink.domain.safety.urgency import Urgency, gentle_movement_ok

SCREENING_VALID_DAYS = 30
RUN_CHECK = "run 'unkink check'"


@dataclass(frozen=True, slots=True)
class Gate:
    allowed: bool
    gentle_only: bool
    reason: str
    next_step: str


NO_ACK = "You have not yet read what unkink is for."
NO_SCREENING = "You have not answered the safety questions yet."
EMERGENCY = (
    "Your last answers showed signs that need help now. "
    "Call emergency services or go to the emergency department."
)
EMERGENCY_NEXT = "get help now; when a doctor has seen you, run 'unkink check' again"
SEE_DOCTOR = "Your last answers suggest you should see a doctor before you start new stretches."
SEE_DOCTOR_NEXT = "see a doctor; if anything changes, run 'unkink check' again"
STALE = "Your last safety check was {days} days ago. Please answer the questions again."
PAIN_STOP = (
    "You stopped a session because of pain or a warning sign. "
    "Please answer the safety questions again first."
)
GENTLE = (
    "Your answers suggest you should see a doctor in the next few days. "
    "Until then, gentle movement is fine. Stop if anything hurts."
)
ASSESSED = (
    "You told us a doctor or physio has already checked this back pain. "
    "Follow their advice. Keep sessions gentle and stop if anything hurts."
)
OK = "Your safety check is up to date."


def decide_gate(
    *,
    acknowledged: bool,
    screened_on: date | None,
    urgency: Urgency | None,
    rules: Collection[str],
    pain_stop_since_screening: bool,
    today: date,
    assessed_by_clinician: bool = False,
) -> Gate:
    if not acknowledged:
        return Gate(False, False, NO_ACK, RUN_CHECK)
    if screened_on is None or urgency is None:
        return Gate(False, False, NO_SCREENING, RUN_CHECK)
    if urgency is Urgency.EMERGENCY:
        return Gate(False, False, EMERGENCY, EMERGENCY_NEXT)
    gentle = urgency is Urgency.SEE_DOCTOR_SOON
    cleared = gentle and assessed_by_clinician
    if gentle and not cleared and not gentle_movement_ok(urgency, rules):
        return Gate(False, False, SEE_DOCTOR, SEE_DOCTOR_NEXT)
    age_days = (today - screened_on).days
    if age_days > SCREENING_VALID_DAYS:
        return Gate(False, False, STALE.format(days=age_days), RUN_CHECK)
    if pain_stop_since_screening:
        return Gate(False, False, PAIN_STOP, RUN_CHECK)
    if cleared:
        return Gate(True, True, ASSESSED, "take a gentle session, as your clinician advised")
    if gentle:
        return Gate(True, True, GENTLE, "take a gentle session; see a doctor in the next few days")
    return Gate(True, False, OK, "")


def gate_texts() -> tuple[str, ...]:
    """Every fixed user-facing string of this module (for the wording tests)."""
    return (
        NO_ACK,
        NO_SCREENING,
        EMERGENCY,
        SEE_DOCTOR,
        STALE.format(days=45),
        PAIN_STOP,
        GENTLE,
        ASSESSED,
        OK,
    )
