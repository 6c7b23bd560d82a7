"""The safety gate and the person's precautions: what every guided session asks first.

Each function takes keyword-only arguments with ``uow`` a unit-of-work *factory*, as in
``services.safety``, which re-exports them. They live apart so a session's plan imports only
what deciding the gate and the precautions needs (not the crack log, screening or referral).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from unkink.domain.safety.answers import parse_answers
from unkink.domain.safety.gate import Gate, decide_gate
from unkink.domain.safety.implied_conditions import implied_conditions
from unkink.domain.safety.pain import next_day_advice
from unkink.domain.safety.precautions import Precautions, derive_precautions
from unkink.domain.session.next_morning import with_next_day

if TYPE_CHECKING:
    from unkink.domain.exercises import Exercise
    from unkink.services.safety_uow import SafetyUnitOfWork, UowFactory
    from unkink.storage.safety_repo import StoredScreening


def _gate(u: SafetyUnitOfWork, today: date) -> Gate:
    repo = u.safety
    return gate_from(u, repo.latest_screening(), repo.acknowledged_at() is not None, today)


def gate_from(
    u: SafetyUnitOfWork, latest: StoredScreening | None, acknowledged: bool, today: date
) -> Gate:
    """The gate from the latest screening and the acknowledgement already read in this unit
    of work (``services.safety_status`` reads each once for everything Home shows)."""
    repo = u.safety
    pain_stop = latest is not None and repo.pain_stop_since(latest.taken_at) is not None
    return decide_gate(
        acknowledged=acknowledged,
        screened_on=latest.taken_at.date() if latest else None,
        urgency=latest.urgency if latest else None,
        rules=latest.rules if latest else (),
        pain_stop_since_screening=pain_stop,
        today=today,
        assessed_by_clinician=bool(latest and latest.answers.get("already_assessed_by_clinician")),
    )


def check_gate(*, uow: UowFactory, today: date) -> Gate:
    """May a session be offered today? If not, why, and what next (``Gate.step``)."""
    with uow() as u:
        return _gate(u, today)


def _precautions(u: SafetyUnitOfWork, today: date, exercises: Iterable[Exercise]) -> Precautions:
    conditions = list(u.safety.active_conditions(today))
    latest = u.safety.latest_screening()
    if latest is not None:
        answers = parse_answers(latest.answers)
        conditions += implied_conditions(answers, screened_on=latest.taken_at.date())
    from_table = derive_precautions(conditions, today=today, exercises=exercises)
    decisions = {e: next_day_advice(w) for e, w in u.safety.worse_mornings().items()}
    return with_next_day(from_table, decisions)


def current_precautions(
    *, uow: UowFactory, today: date, exercises: Iterable[Exercise] = ()
) -> Precautions:
    """The person's precautions today; pass the catalogue to cover user-added exercises.

    Profile conditions plus those the latest screening reveals (pregnancy, osteoporosis,
    recent leg pain), merged by the strictest mark, then the next-day rule.
    """
    with uow() as u:
        return _precautions(u, today, exercises)


def gate_and_precautions(
    *, uow: UowFactory, today: date, exercises: Iterable[Exercise] = ()
) -> tuple[Gate, Precautions | None]:
    """What a guided session needs first, in the CLI and the web app alike: the gate, then,
    only when it is open, the person's precautions (``gentle_only`` narrows the plan).
    One read transaction."""
    with uow() as u:
        gate = _gate(u, today)
        if not gate.allowed:
            return gate, None
        return gate, _precautions(u, today, exercises)
