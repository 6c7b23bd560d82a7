"""Safety use cases: intended use, screening, the gate, precautions, pain stops, cracks, referral.

Functions take keyword-only arguments: a unit of work (already entered), and ``now``/``today``
values, so the CLI, the web app, the guided session and tests share them. Writers do not
commit; the caller commits the unit of work.

The guided session calls ``gate_and_precautions`` and ``record_pain``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from unkink.domain.safety.answers import parse_answers
from unkink.domain.safety.cracks import CrackReport, crack_status
from unkink.domain.safety.gate import Gate, decide_gate
from unkink.domain.safety.implied_conditions import implied_conditions
from unkink.domain.safety.pain import (
    NextDayDecision,
    PainDecision,
    PainReport,
    assess_pain,
    next_day_advice,
)
from unkink.domain.safety.precautions import Condition, Precautions, derive_precautions
from unkink.domain.safety.referral import Referral, suggest_referral
from unkink.domain.safety.screening import ScreeningAnswers, ScreeningResult, screen
from unkink.domain.session.next_morning import PendingMorning, should_ask, with_next_day

if TYPE_CHECKING:
    from unkink.domain.exercises import Exercise
    from unkink.storage.safety_repo import SqlSafetyRepo, StoredScreening

__all__ = [
    "CRACK_PERIOD_DAYS",
    "Gate",
    "acknowledge_intended_use",
    "check_gate",
    "crack_report",
    "current_precautions",
    "gate_and_precautions",
    "latest_screening",
    "log_crack",
    "needs_intended_use",
    "next_day_decisions",
    "pending_next_morning",
    "precautions_json",
    "record_next_morning",
    "record_pain",
    "referral",
    "save_screening",
]

CRACK_PERIOD_DAYS = 30
"""Decision: ``unkink cracks`` judges the last 30 days, so an old pattern does not stick."""


class UnitOfWork(Protocol):
    """What these services need from a unit of work (``storage.unit_of_work.SqlUnitOfWork``)."""

    profile_id: int

    @property
    def safety(self) -> SqlSafetyRepo: ...

    def ensure_profile(self, *, now: datetime) -> int: ...


# --- intended use ------------------------------------------------------------------------------


def needs_intended_use(*, uow: UnitOfWork) -> bool:
    return uow.safety.acknowledged_at() is None


def acknowledge_intended_use(*, uow: UnitOfWork, now: datetime) -> None:
    uow.ensure_profile(now=now)
    repo = uow.safety
    if repo.acknowledged_at() is None:
        repo.acknowledge(now)


# --- screening and the gate --------------------------------------------------------------------


def save_screening(
    *, uow: UnitOfWork, answers: ScreeningAnswers, now: datetime, source: str
) -> ScreeningResult:
    """Screen the answers and store the result with its time. ``source``: questionnaire|file|web."""
    uow.ensure_profile(now=now)
    result = screen(answers)
    uow.safety.add_screening(
        taken_at=now,
        answers=answers.to_json(),
        urgency=result.urgency,
        rules=result.rules,
        advice=result.advice,
        source=source,
    )
    return result


def latest_screening(*, uow: UnitOfWork) -> StoredScreening | None:
    return uow.safety.latest_screening()


def check_gate(*, uow: UnitOfWork, today: date) -> Gate:
    """May a session be offered today? If not, why and which command to run."""
    repo = uow.safety
    latest = repo.latest_screening()
    pain_stop = latest is not None and repo.pain_stop_since(latest.taken_at) is not None
    return decide_gate(
        acknowledged=repo.acknowledged_at() is not None,
        screened_on=latest.taken_at.date() if latest else None,
        urgency=latest.urgency if latest else None,
        rules=latest.rules if latest else (),
        pain_stop_since_screening=pain_stop,
        today=today,
        assessed_by_clinician=bool(latest and latest.answers.get("already_assessed_by_clinician")),
    )


# --- precautions -------------------------------------------------------------------------------


def set_person(*, uow: UnitOfWork, now: datetime, age: int | None, sex: str | None) -> None:
    uow.ensure_profile(now=now)
    uow.safety.set_person(age=age, sex=sex)


def person(*, uow: UnitOfWork) -> tuple[int | None, str | None]:
    return uow.safety.person()


def add_conditions(*, uow: UnitOfWork, conditions: Iterable[Condition], now: datetime) -> None:
    """Record conditions as of today; a code already recorded is replaced by the new entries.

    Several entries with one code in one call (two hip replacements) are all kept.
    """
    uow.ensure_profile(now=now)
    repo = uow.safety
    conditions = list(conditions)
    for code in dict.fromkeys(str(c.code) for c in conditions):
        repo.end_conditions(today=now.date(), code=code)
    for condition in conditions:
        repo.add_condition(condition, recorded_on=now.date())


def end_conditions(*, uow: UnitOfWork, today: date, code: str | None = None) -> int:
    return uow.safety.end_conditions(today=today, code=code)


def active_conditions(*, uow: UnitOfWork, today: date) -> list[Condition]:
    return uow.safety.active_conditions(today)


def current_precautions(
    *, uow: UnitOfWork, today: date, exercises: Iterable[Exercise] = ()
) -> Precautions:
    """The person's precautions today; pass the catalogue to cover user-added exercises.

    Profile conditions plus those the latest screening reveals (pregnancy, osteoporosis,
    recent leg pain), merged by the strictest mark.
    """
    conditions = list(active_conditions(uow=uow, today=today))
    latest = uow.safety.latest_screening()
    if latest is not None:
        answers = parse_answers(latest.answers)
        conditions += implied_conditions(answers, screened_on=latest.taken_at.date())
    from_table = derive_precautions(conditions, today=today, exercises=exercises)
    return with_next_day(from_table, next_day_decisions(uow=uow))


def gate_and_precautions(
    *, uow: UnitOfWork, today: date, exercises: Iterable[Exercise] = ()
) -> tuple[Gate, Precautions | None]:
    """What a guided session needs first, in the CLI and the web app alike: the gate, then,
    only when it is open, the person's precautions (``gentle_only`` narrows the plan)."""
    gate = check_gate(uow=uow, today=today)
    if not gate.allowed:
        return gate, None
    return gate, current_precautions(uow=uow, today=today, exercises=exercises)


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


# --- pain --------------------------------------------------------------------------------------


def record_pain(
    *,
    uow: UnitOfWork,
    report: PainReport,
    now: datetime,
    session_id: int | None = None,
    exercise_id: str | None = None,
) -> PainDecision:
    """Decide (§5) and store a pain report. A rescreen stop closes the gate.

    §5 "dizziness in pregnancy on the back: change position": callers (the player) need not
    know about a pregnancy; it is taken from the latest screening or an active condition.
    """
    uow.ensure_profile(now=now)
    if not report.pregnant and _pregnant(uow=uow, today=now.date()):
        report = dataclasses.replace(report, pregnant=True)
    decision = assess_pain(report)
    answers = {name: getattr(report, name) for name in PainReport.__dataclass_fields__}
    uow.safety.add_pain_report(
        at=now,
        score=report.score,
        answers=answers,
        decision=decision.action,
        session_id=session_id,
        exercise_id=exercise_id,
    )
    return decision


def _pregnant(*, uow: UnitOfWork, today: date) -> bool:
    latest = uow.safety.latest_screening()
    if latest is not None and latest.answers.get("pregnant") is True:
        return True
    return any(str(c.code) == "pregnancy" for c in active_conditions(uow=uow, today=today))


def next_day_decisions(*, uow: UnitOfWork) -> dict[str, NextDayDecision]:
    """The next-day rule per exercise with any next-morning answers."""
    return {e: next_day_advice(w) for e, w in uow.safety.worse_mornings().items()}


def pending_next_morning(*, uow: UnitOfWork, today: date) -> PendingMorning | None:
    """The last session, if it is time to ask how the next morning felt (once, days 1-3)."""
    found = uow.safety.last_session_for_morning()
    if found is None:
        return None
    pending, answered = found
    if not pending.exercise_ids or not should_ask(
        pending.session_day, today=today, answered=answered
    ):
        return None
    return pending


def record_next_morning(
    *, uow: UnitOfWork, pending: PendingMorning, worse: bool, now: datetime
) -> dict[str, NextDayDecision]:
    """Store the answer for every exercise of that session; return what changes for them."""
    repo = uow.safety
    repo.add_next_morning(pending, worse=worse, at=now)
    decisions = next_day_decisions(uow=uow)
    return {e: decisions[e] for e in pending.exercise_ids if e in decisions}


def referral(*, uow: UnitOfWork) -> Referral | None:
    """A calm referral suggestion if stored ratings call for one (hook: a clinician summary)."""
    repo = uow.safety
    return suggest_referral(points=repo.score_points(), worse_mornings=repo.worse_mornings())


# --- cracks ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CrackLogged:
    at: datetime
    first_neck_crack: bool
    report: CrackReport


def log_crack(
    *, uow: UnitOfWork, at: datetime, now: datetime, where: str | None, relief: int | None
) -> CrackLogged:
    uow.ensure_profile(now=now)
    repo = uow.safety
    first_neck = where == "neck" and repo.neck_cracks() == 0
    repo.add_crack(at=at, region=where, relief=relief, logged_at=now)
    return CrackLogged(at, first_neck, crack_report(uow=uow, today=max(at, now).date()))


def crack_report(*, uow: UnitOfWork, today: date) -> CrackReport:
    since = datetime.combine(today - timedelta(days=CRACK_PERIOD_DAYS - 1), time.min)
    until = datetime.combine(today, time.max)
    return crack_status(c.at for c in uow.safety.cracks(since=since, until=until))


def crack_regions(*, uow: UnitOfWork, today: date) -> Mapping[str, int]:
    since = datetime.combine(today - timedelta(days=CRACK_PERIOD_DAYS - 1), time.min)
    counts: dict[str, int] = {}
    for c in uow.safety.cracks(since=since, until=datetime.combine(today, time.max)):
        counts[c.region or "unknown"] = counts.get(c.region or "unknown", 0) + 1
    return counts
