"""Safety use cases: intended use, the gate, precautions, pain stops, the morning after, referral.

Every function takes keyword-only arguments, with ``uow`` a unit-of-work *factory*
(``uow=app.uow``): it opens its own transaction and commits it, so the CLI, the web app, the
guided session and tests share them and no caller commits. Screening lives in
``services.screening``, the crack log in ``services.cracks``, the profile in
``services.profile``; the names most callers need are re-exported here.

The guided session calls ``gate_and_precautions`` and ``record_pain``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from unkink.domain.safety.gate import Gate, GateStep
from unkink.domain.safety.pain import (
    NextDayDecision,
    PainDecision,
    PainReport,
    assess_pain,
    next_day_advice,
)
from unkink.domain.safety.precautions import Precautions
from unkink.domain.safety.referral import LOOKBACK, Referral, suggest_referral
from unkink.domain.session.next_morning import PendingMorning, should_ask
from unkink.services.cracks import CRACK_PERIOD_DAYS, crack_regions, crack_report, log_crack
from unkink.services.profile import active_conditions, add_conditions, end_conditions, person
from unkink.services.safety_gate import (
    check_gate,
    current_precautions,
    gate_and_precautions,
    gate_from,
)
from unkink.services.screening import latest_screening, save_screening

if TYPE_CHECKING:
    from unkink.services.safety_uow import SafetyUnitOfWork, UowFactory

__all__ = [
    "CRACK_PERIOD_DAYS",
    "Gate",
    "GateStep",
    "acknowledge_intended_use",
    "active_conditions",
    "add_conditions",
    "check_gate",
    "crack_regions",
    "crack_report",
    "current_precautions",
    "end_conditions",
    "gate_and_precautions",
    "gate_from",
    "latest_screening",
    "log_crack",
    "needs_intended_use",
    "next_day_decisions",
    "pending_next_morning",
    "person",
    "precautions_json",
    "record_next_morning",
    "record_pain",
    "referral",
    "save_screening",
]


# --- intended use ------------------------------------------------------------------------------


def needs_intended_use(*, uow: UowFactory) -> bool:
    with uow() as u:
        return u.safety.acknowledged_at() is None


def acknowledge_intended_use(*, uow: UowFactory, now: datetime) -> None:
    """Record, once, that the person has read what unkink is and is not."""
    with uow() as u:
        u.ensure_profile(now=now)
        if u.safety.acknowledged_at() is None:
            u.safety.acknowledge(now)
        u.commit()


def precautions_json(precautions: Precautions, ids: Iterable[str]) -> dict[str, Any]:
    """The stable contract: must_not_offer, offer_with_modification, offer_normally."""
    ids = list(ids)
    return {
        "must_not_offer": [e for e in ids if not precautions.allows(e)],
        "offer_with_modification": {
            e: text for e in ids if (text := precautions.modification_for(e)) is not None
        },
        "offer_normally": [
            e for e in ids if precautions.allows(e) and precautions.modification_for(e) is None
        ],
    }


# --- pain, the morning after, referral ---------------------------------------------------------


def record_pain(
    *,
    uow: UowFactory,
    report: PainReport,
    now: datetime,
    session_id: int | None = None,
    exercise_id: str | None = None,
) -> PainDecision:
    """Decide (§5) and store a pain report. A rescreen stop closes the gate.

    §5 "dizziness in pregnancy on the back: change position": callers (the player) need not
    know about a pregnancy; it is taken from the latest screening or an active condition.
    """
    with uow() as u:
        u.ensure_profile(now=now)
        if not report.pregnant and _pregnant(u, now.date()):
            report = dataclasses.replace(report, pregnant=True)
        decision = assess_pain(report)
        answers = {name: getattr(report, name) for name in PainReport.__dataclass_fields__}
        u.safety.add_pain_report(
            at=now,
            score=report.score,
            answers=answers,
            decision=decision.action,
            session_id=session_id,
            exercise_id=exercise_id,
        )
        u.commit()
    return decision


def _pregnant(u: SafetyUnitOfWork, today: date) -> bool:
    latest = u.safety.latest_screening()
    if latest is not None and latest.answers.get("pregnant") is True:
        return True
    return any(str(c.code) == "pregnancy" for c in u.safety.active_conditions(today))


def next_day_decisions(*, uow: UowFactory) -> dict[str, NextDayDecision]:
    """The next-day rule per exercise with any next-morning answers."""
    with uow() as u:
        return {e: next_day_advice(w) for e, w in u.safety.worse_mornings().items()}


def pending_next_morning(*, uow: UowFactory, today: date) -> PendingMorning | None:
    """The last session, if it is time to ask how the next morning felt (once, days 1-3)."""
    with uow() as u:
        found = u.safety.last_session_for_morning()
    if found is None:
        return None
    pending, answered = found
    if not pending.exercise_ids or not should_ask(
        pending.session_day, today=today, answered=answered
    ):
        return None
    return pending


def record_next_morning(
    *, uow: UowFactory, pending: PendingMorning, worse: bool, now: datetime
) -> dict[str, NextDayDecision]:
    """Store the answer for every exercise of that session; return what changes for them."""
    with uow() as u:
        u.safety.add_next_morning(pending, worse=worse, at=now)
        decisions = {e: next_day_advice(w) for e, w in u.safety.worse_mornings().items()}
        u.commit()
    return {e: decisions[e] for e in pending.exercise_ids if e in decisions}


def referral(*, uow: UowFactory) -> Referral | None:
    """A calm referral suggestion if stored ratings call for one (hook: a clinician summary)."""
    with uow() as u:
        repo = u.safety
        points = repo.score_points(within_days=LOOKBACK.days)  # not every rating ever
        return suggest_referral(points=points, worse_mornings=repo.worse_mornings())
