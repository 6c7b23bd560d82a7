"""Python values <-> what SQLAlchemy's SQLite types store, so both adapters share one file.

``DateTime``: text ``YYYY-MM-DD HH:MM:SS.ffffff`` (always six digits of microseconds, as
SQLAlchemy writes it, so text comparison orders times). ``Date``: ``YYYY-MM-DD``. ``JSON``:
``json.dumps`` text, and a given ``None`` as the JSON text ``null`` (SQLAlchemy's default,
``none_as_null=False``), read back as ``None`` like SQL NULL. ``Boolean``: 0/1.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

_STAMP = "{:04d}-{:02d}-{:02d} {:02d}:{:02d}:{:02d}.{:06d}"


def stamp(value: datetime | date) -> str:
    """A ``DateTime`` column's text; a bare date is its midnight (as SQLAlchemy binds it)."""
    if isinstance(value, datetime):
        return _STAMP.format(
            value.year,
            value.month,
            value.day,
            value.hour,
            value.minute,
            value.second,
            value.microsecond,
        )
    return _STAMP.format(value.year, value.month, value.day, 0, 0, 0, 0)


def stamp_or_none(value: datetime | None) -> str | None:
    return None if value is None else stamp(value)


def day(value: date) -> str:
    """A ``Date`` column's text."""
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def when(text: str) -> datetime:
    """A NOT NULL ``DateTime`` column's value."""
    return datetime.fromisoformat(text)


def as_datetime(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def as_date(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def to_json(value: Any) -> str:
    return json.dumps(value)


def from_json(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def flag(value: bool | None) -> int | None:
    """A ``Boolean`` column's 0/1 (NULL stays NULL)."""
    return None if value is None else int(bool(value))
