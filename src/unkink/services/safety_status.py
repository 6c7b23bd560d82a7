"""Everything Home and ``/api/status`` show about safety, in one read.

The same answers as ``needs_intended_use``, ``latest_screening``, ``check_gate`` and
``crack_report`` called one after another, but in one unit of work that reads the latest
screening and the acknowledgement once each (four transactions and six queries before, one
and four now; issue 10). Nothing is kept between calls: every call reads afresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from unkink.services.cracks import _report as crack_report_in  # the report, in this unit
from unkink.services.safety import gate_from

if TYPE_CHECKING:
    from unkink.domain.safety.cracks import CrackReport
    from unkink.domain.safety.gate import Gate
    from unkink.services.safety_uow import UowFactory
    from unkink.storage.safety_repo import StoredScreening


@dataclass(frozen=True, slots=True)
class SafetyStatus:
    intended_use_needed: bool
    gate: Gate
    screening: StoredScreening | None
    cracks: CrackReport


def safety_status(*, uow: UowFactory, today: date) -> SafetyStatus:
    with uow() as u:
        repo = u.safety
        acknowledged = repo.acknowledged_at() is not None
        latest = repo.latest_screening()
        return SafetyStatus(
            intended_use_needed=not acknowledged,
            gate=gate_from(u, latest, acknowledged, today),
            screening=latest,
            cracks=crack_report_in(u, today),
        )
