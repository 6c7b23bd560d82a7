"""Crack-log use cases: log a crack (one time rule for every front end) and the §6 reports."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from unkink.domain.safety.crack_time import check_crack_time
from unkink.domain.safety.cracks import CrackReport, crack_status

if TYPE_CHECKING:
    from unkink.services.safety_uow import SafetyUnitOfWork, UowFactory

CRACK_PERIOD_DAYS = 30
"""Decision: ``unkink cracks`` judges the last 30 days, so an old pattern does not stick."""


@dataclass(frozen=True, slots=True)
class CrackLogged:
    at: datetime
    first_neck_crack: bool
    report: CrackReport
    needs_intended_use: bool
    """The person has not yet read what unkink is for (the front end adds a short note)."""


def _window(today: date) -> tuple[datetime, datetime]:
    since = datetime.combine(today - timedelta(days=CRACK_PERIOD_DAYS - 1), time.min)
    return since, datetime.combine(today, time.max)


def _report(u: SafetyUnitOfWork, today: date) -> CrackReport:
    since, until = _window(today)
    return crack_status(c.at for c in u.safety.cracks(since=since, until=until))


def log_crack(
    *,
    uow: UowFactory,
    at: datetime | None,
    now: datetime,
    where: str | None,
    relief: int | None,
    zone: tzinfo | None = None,
) -> CrackLogged:
    """Store a crack (``at`` None = now) after the one time rule; return the new status.

    ``zone``: the local time zone, so "not in the future" holds across a clock change."""
    when = check_crack_time(at if at is not None else now, now, zone)
    with uow() as u:
        u.ensure_profile(now=now)
        repo = u.safety
        first_neck = where == "neck" and repo.neck_cracks() == 0
        repo.add_crack(at=when, region=where, relief=relief, logged_at=now)
        needs_ack = repo.acknowledged_at() is None
        report = _report(u, max(when, now).date())
        u.commit()
    return CrackLogged(when, first_neck, report, needs_ack)


def crack_report(*, uow: UowFactory, today: date) -> CrackReport:
    with uow() as u:
        return _report(u, today)


def crack_regions(*, uow: UowFactory, today: date) -> Mapping[str, int]:
    since, until = _window(today)
    counts: dict[str, int] = {}
    with uow() as u:
        for c in u.safety.cracks(since=since, until=until):
            counts[c.region or "unknown"] = counts.get(c.region or "unknown", 0) + 1
    return counts
