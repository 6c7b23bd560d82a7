"""Past sessions as history shows them, in the terminal, the web and the clinician summary.

``minutes_done`` is active time (pauses and skipped parts left out); ``status`` is the one
status rule's answer (``domain.session.status``): completed, stopped or running.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from unkink.domain.errors import InvalidInput
from unkink.domain.session.status import Moment, SessionStatus
from unkink.services.session_guard import SessionNotFound

if TYPE_CHECKING:
    from unkink.domain.session.status import RatingRecord, SessionRecord
    from unkink.services.ports import UowFactory


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    session_id: int
    started_at: datetime
    area: str
    where: str
    exercises: tuple[str, ...]
    planned_s: float
    done_s: float
    status: SessionStatus
    stop_reason: str | None
    before: tuple[int | None, int | None]
    after: tuple[int | None, int | None]
    helped_most: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "session": self.session_id,
            "started_at": self.started_at.isoformat(),
            "area": self.area,
            "where": self.where,
            "exercises": list(self.exercises),
            "planned_minutes": round(self.planned_s / 60, 1),
            "minutes_done": round(self.done_s / 60, 1),
            "status": str(self.status),
            "stop_reason": self.stop_reason,
            "before": {"stiffness": self.before[0], "pain": self.before[1]},
            "after": {"stiffness": self.after[0], "pain": self.after[1]},
            "helped_most": self.helped_most,
        }


@dataclass(frozen=True, slots=True)
class HistoryPage:
    """One page of history, newest first."""

    entries: tuple[HistoryEntry, ...]
    older: int | None
    """Pass as ``before`` to get the next, older page; None on the last page."""


HISTORY_PAGE = 50
"""Entries per page on the History page and ``/api/history`` (500 took 25-30 ms to build and
render at three years of daily use; 50 keep every read under 15 ms, issue 10)."""
HISTORY_PAGE_MAX = 500


# --- history -----------------------------------------------------------------------------------


def history(*, uow: UowFactory, limit: int = 50) -> list[HistoryEntry]:
    with uow() as u:
        return _entries(u, u.sessions.list_sessions(limit=limit))


def history_page(
    *, uow: UowFactory, before: int | None = None, size: int = HISTORY_PAGE
) -> HistoryPage:
    """The ``size`` sessions just older than session ``before`` (None: the newest ones).

    A keyset on the list's own order (started_at, then id), not an offset: a session started
    while someone pages back neither repeats an entry on the next page nor hides one.
    Raises ``SessionNotFound`` for a ``before`` that is not one of this person's sessions."""
    if not 1 <= size <= HISTORY_PAGE_MAX:
        raise InvalidInput(f"A page holds 1 to {HISTORY_PAGE_MAX} sessions, not {size}.")
    with uow() as u:
        cursor = None
        if before is not None:
            row = u.sessions.find_session(before)
            if row is None:
                raise SessionNotFound(before)
            cursor = (row.started_at, row.id)
        rows = _rows_before(u, cursor, size + 1)  # one more: is there an older page?
        shown = rows[:size]
        older = shown[-1].id if len(rows) > size else None
        return HistoryPage(tuple(_entries(u, shown)), older)


def history_since(*, uow: UowFactory, since: datetime) -> list[HistoryEntry]:
    """The sessions started at ``since`` or later, newest first (today's, for Home).

    Reads the newest rows in growing batches until one is older than ``since``, and builds
    entries for the rows kept only (the day's 1 or 2, not the 50 it read before)."""
    limit = 8
    with uow() as u:
        while True:
            rows = u.sessions.list_sessions(limit=limit)
            if len(rows) < limit or rows[-1].started_at < since:
                return _entries(u, [r for r in rows if r.started_at >= since])
            limit *= 4


def recent_history(*, uow: UowFactory, since: datetime, rated: int = 0) -> list[HistoryEntry]:
    """Sessions started at ``since`` or later, newest first, reaching further back until
    ``rated`` of them carry a rating: what History's charts draw, whatever page is shown."""
    with uow() as u:
        return _recent(_newest(u, since, rated, 0), since, rated)


def history_overview(
    *, uow: UowFactory, since: datetime, rated: int = 0, size: int = HISTORY_PAGE
) -> tuple[HistoryPage, list[HistoryEntry]]:
    """History's first page and ``recent_history`` from one read of the newest sessions."""
    with uow() as u:
        entries = _newest(u, since, rated, size + 1)
    shown = entries[:size]
    older = shown[-1].session_id if len(entries) > size else None
    return HistoryPage(tuple(shown), older), _recent(entries, since, rated)


def _newest(u: Any, since: datetime, rated: int, at_least: int) -> list[HistoryEntry]:
    """The newest entries: at least ``at_least`` of them (or all there are), back past
    ``since`` and past ``rated`` rated ones. Two months of daily use: one read."""
    limit = max(64, at_least)
    while True:
        rows = u.sessions.list_sessions(limit=limit)
        entries = _entries(u, rows)
        found = sum(map(_rated, entries))
        if len(rows) < limit or (entries[-1].started_at < since and found >= rated):
            return entries
        limit *= 4


def _recent(entries: list[HistoryEntry], since: datetime, rated: int) -> list[HistoryEntry]:
    kept: list[HistoryEntry] = []
    found = 0
    for entry in entries:
        if entry.started_at < since and found >= rated:
            break
        kept.append(entry)
        found += _rated(entry)
    return kept


def _rated(entry: HistoryEntry) -> bool:
    return any(v is not None for v in (*entry.before, *entry.after))


def _rows_before(u: Any, cursor: tuple[datetime, int] | None, want: int) -> list[SessionRecord]:
    """Up to ``want`` session rows older than ``cursor`` (a keyset on the list's own order,
    ``(started_at, id)``), newest first: one query for any page."""
    rows: list[SessionRecord] = u.sessions.list_sessions(limit=want, before=cursor)
    return rows


def _entries(u: Any, rows: list[SessionRecord]) -> list[HistoryEntry]:
    plans, rated = u.sessions.history_parts(rows)  # a few queries for any number of rows
    return [_entry(row, plans[row.routine_id], rated[row.id]) for row in rows]


def history_entry(*, uow: UowFactory, session_id: int) -> HistoryEntry:
    """One session as history shows it."""
    with uow() as u:
        row = u.sessions.find_session(session_id)
        if row is None:
            raise SessionNotFound(session_id)
        return _entry(row, u.sessions.get_routine(row.routine_id), u.sessions.ratings(row.id))


def _entry(
    row: SessionRecord, plan_data: dict[str, Any], ratings: list[RatingRecord]
) -> HistoryEntry:
    rated = {r.moment: (r.stiffness, r.pain) for r in ratings}
    return HistoryEntry(
        session_id=row.id,
        started_at=row.started_at,
        area=str(plan_data["area"]),
        where=str(plan_data["where"]),
        exercises=tuple(str(e["id"]) for e in plan_data["exercises"]),
        planned_s=float(plan_data["total_s"]),
        done_s=row.elapsed_s,
        status=row.status,
        stop_reason=row.stop_reason,
        before=rated.get(Moment.BEFORE, (None, None)),
        after=rated.get(Moment.AFTER, (None, None)),
        helped_most=row.helped_most,
    )
