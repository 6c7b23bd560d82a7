"""The clinician summary: gathered once from the services, then written as PDF, FHIR JSON or CSV.

Reads: ``services.insights.insights`` (which calls ``services.session_history.history``),
``_safety_snapshot`` (the safety services: the latest screening, conditions with their
procedure, precautions, cracks) and, in one unit of work, every stored rating and pain stop.
Nothing leaves the computer: the file is written only where the person says, and an existing
file is replaced only when they ask (``overwrite``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from unkink.domain.errors import Conflict, InvalidInput

if TYPE_CHECKING:
    from unkink.domain.exercises import Catalogue
    from unkink.domain.safety.precautions import Condition
    from unkink.domain.session.status import RatingRecord
    from unkink.services.insights import Insights
    from unkink.services.session_history import HistoryEntry
    from unkink.storage.adapters import AnyUnitOfWork
    from unkink.storage.outcome_repo import PainStop
    from unkink.storage.safety_repo import StoredCrack, StoredScreening

UowFactory = Callable[[], "AnyUnitOfWork"]
FORMATS = ("pdf", "json", "csv")
MAX_QUESTION = 2000

CONTENTS = (
    "The dates your records cover",
    "Your latest safety check result and its date",
    "Your health conditions and the precautions unkink applies",
    "Which stretches you did and how often",
    "Stiffness and pain by week, and your weekly pain and activity scores",
    "What seemed to help, with how sure we can be",
    "Any time you stopped because of pain, and why",
    "How often you cracked your back, and the guide's rule",
    "What you want to ask, if you write it",
)
"""What every format holds (the CSV holds the raw records), shown before anything is written."""


class ReportExists(Conflict):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} already exists. Choose another name, or add --overwrite to replace it."
        )


class ReportNotWritable(InvalidInput):
    pass


@dataclass(frozen=True, slots=True)
class SafetySnapshot:
    screening: StoredScreening | None
    conditions: tuple[Condition, ...]
    must_not_offer: tuple[str, ...]
    modifications: Mapping[str, str]
    cracks: tuple[StoredCrack, ...]
    crack_status: str
    crack_message: str


@dataclass(frozen=True, slots=True)
class ReportData:
    made_on: date
    first_day: date | None
    last_day: date | None
    names: Mapping[str, str]
    insights: Insights
    safety: SafetySnapshot
    entries: tuple[HistoryEntry, ...]  # oldest first
    ratings: Mapping[int, tuple[RatingRecord, ...]]
    pain_stops: tuple[PainStop, ...]
    question: str

    def name(self, exercise_id: str | None) -> str:
        return "" if exercise_id is None else self.names.get(exercise_id, exercise_id)


def _safety_snapshot(*, uow: UowFactory, today: date, catalogue: Catalogue) -> SafetySnapshot:
    """The one place that reads the safety services; each opens its own unit of work."""
    from unkink.services import safety

    precautions = safety.current_precautions(uow=uow, today=today, exercises=catalogue)
    plan = safety.precautions_json(precautions, [e.id for e in catalogue])
    recent = safety.crack_report(uow=uow, today=today)
    with uow() as u:  # every crack ever logged, for the CSV (the services judge 30 days)
        cracks = tuple(u.safety.cracks(since=datetime.min, until=datetime.max))
    return SafetySnapshot(
        screening=safety.latest_screening(uow=uow),
        conditions=tuple(safety.active_conditions(uow=uow, today=today)),
        must_not_offer=tuple(plan["must_not_offer"]),
        modifications=dict(plan["offer_with_modification"]),
        cracks=cracks,
        crack_status=str(recent.status),
        crack_message=recent.message,
    )


def gather(*, uow: UowFactory, catalogue: Catalogue, today: date, question: str = "") -> ReportData:
    """Everything the summary holds, read once."""
    from unkink.services.insights import ALL_SESSIONS, insights
    from unkink.services.session_history import history

    question = question.strip()
    if len(question) > MAX_QUESTION:
        raise InvalidInput(f"Keep what you want to ask under {MAX_QUESTION} letters.")
    names = {e.id: e.name for e in catalogue}
    found = insights(uow=uow, today=today, names=names)
    entries = tuple(sorted(history(uow=uow, limit=ALL_SESSIONS), key=lambda e: e.started_at))
    snapshot = _safety_snapshot(uow=uow, today=today, catalogue=catalogue)
    with uow() as u:  # every rating of every session in a few queries, not one per session
        rows = u.sessions.list_sessions(limit=ALL_SESSIONS)
        _, rated = u.sessions.history_parts(rows)
        stops = tuple(u.outcomes.pain_stops())
    ratings = {e.session_id: tuple(rated.get(e.session_id, ())) for e in entries}
    days = [e.started_at.date() for e in entries] + [c.at.date() for c in snapshot.cracks]
    days += [c.recorded_at.date() for c in found.checks]
    return ReportData(
        made_on=today,
        first_day=min(days) if days else None,
        last_day=max(days) if days else None,
        names=names,
        insights=found,
        safety=snapshot,
        entries=entries,
        ratings=ratings,
        pain_stops=stops,
        question=question,
    )


def render(data: ReportData, fmt: str) -> bytes:
    """The file's bytes. reportlab and fhir.resources are imported only here, when asked."""
    if fmt == "pdf":
        from unkink.report.pdf import pdf_bytes

        return pdf_bytes(data)
    if fmt == "json":
        from unkink.report.fhir import bundle_json

        return bundle_json(data).encode("utf-8")
    if fmt == "csv":
        from unkink.report.table import csv_text

        return csv_text(data).encode("utf-8")
    raise InvalidInput(f"A report is one of {', '.join(FORMATS)}, not '{fmt}'.")


def write_report(
    *,
    uow: UowFactory,
    catalogue: Catalogue,
    today: date,
    targets: Mapping[str, Path],
    question: str = "",
    overwrite: bool = False,
) -> dict[str, Path]:
    """Write each requested format to its path; check every path before writing any."""
    for fmt, path in targets.items():
        _check_target(fmt, path, overwrite=overwrite)
    data = gather(uow=uow, catalogue=catalogue, today=today, question=question)
    written = {}
    for fmt, path in targets.items():
        body = render(data, fmt)
        try:
            path.write_bytes(body)
        except OSError as exc:
            raise ReportNotWritable(f"Could not write {path}: {exc.strerror or exc}.") from exc
        written[fmt] = path
    return written


def _check_target(fmt: str, path: Path, *, overwrite: bool) -> None:
    if fmt not in FORMATS:
        raise InvalidInput(f"A report is one of {', '.join(FORMATS)}, not '{fmt}'.")
    if path.is_dir():
        raise ReportNotWritable(f"{path} is a folder. Give a file name, like summary.{fmt}.")
    if not path.parent.is_dir():
        raise ReportNotWritable(f"The folder {path.parent} does not exist. Create it first.")
    if path.exists() and not overwrite:
        raise ReportExists(path)


def local_time(at: datetime) -> str:
    """A stored local wall time with this computer's UTC offset, as FHIR dateTime needs."""
    return at.astimezone().isoformat(timespec="seconds")


def session_rows(data: ReportData) -> Sequence[dict[str, Any]]:
    """How often each stretch was done, for the report's programme table."""
    counts: dict[str, int] = {}
    last: dict[str, date] = {}
    for e in data.entries:
        for ex in dict.fromkeys(e.exercises):
            counts[ex] = counts.get(ex, 0) + 1
            last[ex] = e.started_at.date()
    return [
        {"exercise": ex, "name": data.name(ex), "sessions": n, "last": last[ex]}
        for ex, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
