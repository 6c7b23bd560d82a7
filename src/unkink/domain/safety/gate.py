"""The safety gate (issue 4, item 1): may a session be offered now, and if not, why and what next.

Pure: no I/O. ``decide_gate`` takes what the services read from storage. A session is blocked
without the intended-use acknowledgment, without a screening, when the latest screening is
emergency or see_doctor_soon, when it is more than 30 days old, or when a pain stop happened
after it. routine_review (S8, S10; §2.2b) lets gentle sessions go on, with the referral card.

The decision is typed: ``Gate.step`` (a ``GateStep``) says what comes next, so front ends
choose their button by value and never by searching the sentences (issue 9).

Decision (lead): §2.2 says "no new stretching program until assessed". When the person says a
clinician has already assessed this episode (``already_assessed_by_clinician``), a
see_doctor_soon result no longer blocks: gentle sessions only, with advice to follow what the
clinician said. Emergency results never clear this way; only a new screening does.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from unkink.domain.safety.urgency import Urgency, gentle_movement_ok

SCREENING_VALID_DAYS = 30
RUN_CHECK = "run 'unkink check'"


class GateStep(StrEnum):
    """What the person should do next."""

    ACKNOWLEDGE = "acknowledge"  # read what unkink is for ('unkink check')
    SCREEN = "screen"  # answer the safety questions for the first time
    RECHECK = "recheck"  # the quick re-check: after a pain stop or 30 days
    GET_HELP = "get_help"  # emergency: no session, get help now
    SEE_DOCTOR = "see_doctor"  # see_doctor_soon: no new stretches until a doctor has looked
    GENTLE_SESSION = "gentle_session"  # routine review, or checked by a clinician
    SESSION = "session"  # all clear


@dataclass(frozen=True, slots=True)
class Gate:
    allowed: bool
    gentle_only: bool
    reason: str
    next_step: str
    """The next step in words, for display only; decide by ``step``."""
    step: GateStep = GateStep.SESSION

    @property
    def referral(self) -> bool:
        """Show the referral card (what to bring to the appointment) beside the session."""
        return self.step is GateStep.GENTLE_SESSION


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
    "Book a normal visit with a GP or physio in the next few weeks. "
    "Until then, gentle sessions are fine. Stop if anything hurts."
)
ASSESSED = (
    "You told us a doctor or physio has already checked this back pain. "
    "Follow their advice. Keep sessions gentle and stop if anything hurts."
)
OK = "Your safety check is up to date."
GENTLE_NEXT = "take a gentle session; book a normal visit in the next few weeks"
GENTLE_NEXT_ASSESSED = "take a gentle session, as your clinician advised"


def decide_gate(
    *,
    acknowledged: bool,
    screened_on: date | None,
    urgency: Urgency | None,
    rules: Collection[str] = (),
    pain_stop_since_screening: bool,
    today: date,
    assessed_by_clinician: bool = False,
) -> Gate:
    if not acknowledged:
        return Gate(False, False, NO_ACK, RUN_CHECK, GateStep.ACKNOWLEDGE)
    if screened_on is None or urgency is None:
        return Gate(False, False, NO_SCREENING, RUN_CHECK, GateStep.SCREEN)
    if urgency is Urgency.EMERGENCY:
        return Gate(False, False, EMERGENCY, EMERGENCY_NEXT, GateStep.GET_HELP)
    cleared = urgency is Urgency.SEE_DOCTOR_SOON and assessed_by_clinician
    if urgency is Urgency.SEE_DOCTOR_SOON and not cleared:
        return Gate(False, False, SEE_DOCTOR, SEE_DOCTOR_NEXT, GateStep.SEE_DOCTOR)
    age_days = (today - screened_on).days
    if age_days > SCREENING_VALID_DAYS:
        return Gate(False, False, STALE.format(days=age_days), RUN_CHECK, GateStep.RECHECK)
    if pain_stop_since_screening:
        return Gate(False, False, PAIN_STOP, RUN_CHECK, GateStep.RECHECK)
    if cleared:
        return Gate(True, True, ASSESSED, GENTLE_NEXT_ASSESSED, GateStep.GENTLE_SESSION)
    if not gentle_movement_ok(urgency):  # pragma: no cover - every level is handled above
        return Gate(False, False, SEE_DOCTOR, SEE_DOCTOR_NEXT, GateStep.SEE_DOCTOR)
    if urgency is Urgency.ROUTINE_REVIEW:
        return Gate(True, True, GENTLE, GENTLE_NEXT, GateStep.GENTLE_SESSION)
    return Gate(True, False, OK, "", GateStep.SESSION)


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
