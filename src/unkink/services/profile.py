"""Profile use cases: the person's age and sex, and their dated conditions (§3).

Each function opens and commits its own transaction (``uow=app.uow``). ``update_profile`` is
the one use case behind ``unkink profile`` and the web's conditions page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from unkink.domain.errors import InvalidInput, NotFound
from unkink.domain.safety.plan_defaults import PLACES, usual_minutes
from unkink.domain.safety.plan_defaults import plan_defaults as defaults_for
from unkink.domain.safety.precautions import Condition

if TYPE_CHECKING:
    from unkink.services.safety_uow import SafetyUnitOfWork, UowFactory


class NoSuchCondition(NotFound):
    def __init__(self, code: str) -> None:
        super().__init__(f"There is no active condition '{code}'. See them with: unkink profile")


def _add(u: SafetyUnitOfWork, conditions: Iterable[Condition], today: date) -> None:
    """A code already recorded is replaced; identical entries given twice are kept once.

    Several different entries with one code in one call (two hip replacements) are all kept.
    """
    unique = list(dict.fromkeys(conditions))
    for code in dict.fromkeys(str(c.code) for c in unique):
        u.safety.end_conditions(today=today, code=code)
    for condition in unique:
        u.safety.add_condition(condition, recorded_on=today)


def update_profile(
    *,
    uow: UowFactory,
    now: datetime,
    age: int | None = None,
    sex: str | None = None,
    add: Iterable[Condition] = (),
    remove: str | None = None,
    replace_all: bool = False,
) -> None:
    """Change what is given, in one transaction: age/sex (others kept), end one or all
    conditions, add new ones."""
    with uow() as u:
        u.ensure_profile(now=now)
        today = now.date()
        if age is not None or sex is not None:
            old_age, old_sex = u.safety.person()
            u.safety.set_person(
                age=age if age is not None else old_age, sex=sex if sex is not None else old_sex
            )
        if replace_all:
            u.safety.end_conditions(today=today)
        if remove is not None and not u.safety.end_conditions(today=today, code=remove):
            raise NoSuchCondition(remove)
        _add(u, add, today)
        u.commit()


def set_person(*, uow: UowFactory, now: datetime, age: int | None, sex: str | None) -> None:
    """Set both (None clears): ``unkink profile --file`` replaces the whole profile."""
    with uow() as u:
        u.ensure_profile(now=now)
        u.safety.set_person(age=age, sex=sex)
        u.commit()


def person(*, uow: UowFactory) -> tuple[int | None, str | None]:
    with uow() as u:
        return u.safety.person()


def add_conditions(*, uow: UowFactory, conditions: Iterable[Condition], now: datetime) -> None:
    update_profile(uow=uow, now=now, add=conditions)


def end_conditions(*, uow: UowFactory, today: date, code: str | None = None) -> int:
    with uow() as u:
        ended = u.safety.end_conditions(today=today, code=code)
        u.commit()
    return ended


def active_conditions(*, uow: UowFactory, today: date) -> list[Condition]:
    with uow() as u:
        return u.safety.active_conditions(today)


@dataclass(frozen=True, slots=True)
class PlanChoice:
    """What a plan uses, for ``unkink plan``/``start``, the web's plan page and home."""

    area: str
    where: str
    ask_place: bool
    """Nobody has said where they stretch, nor was it given now: ask once, then remember."""
    minutes: float
    """As given, else the last session's planned length (``usual_minutes``)."""


def plan_choice(
    *,
    uow: UowFactory,
    area: str | None = None,
    where: str | None = None,
    minutes: float | None = None,
) -> PlanChoice:
    """What the person chose now, else what they said or did before (issue 11): one rule for
    every front end, so Home suggests what ``unkink start`` plans."""
    with uow() as u:
        latest = u.safety.latest_screening()
        said = defaults_for(latest.answers if latest else None, u.safety.stretch_place())
        if minutes is None:
            minutes = usual_minutes(_last_planned_s(u))
    ask = where is None and not said.place_known
    return PlanChoice(area or said.area, where or said.place, ask, minutes)


def _last_planned_s(u: Any) -> float | None:
    """The newest session's planned length in seconds, or None before the first session."""
    newest = u.sessions.list_sessions(limit=1)
    if not newest:
        return None
    total = u.sessions.get_routine(newest[0].routine_id).get("total_s")
    return float(total) if isinstance(total, int | float) else None


def remember_place(*, uow: UowFactory, place: str, now: datetime) -> None:
    """Keep the person's desk-or-floor answer, so it is asked once."""
    if place not in PLACES:
        raise InvalidInput(f"'{place}' is not a place. Use desk or floor.")
    with uow() as u:
        u.ensure_profile(now=now)
        u.safety.set_stretch_place(place)
        u.commit()
