"""The sqlite3 adapter's small rules: which URLs it serves, and the stored text of values."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from unkink.storage.lite.store import lite_path
from unkink.storage.lite.values import as_date, as_datetime, day, from_json, stamp, to_json


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/data/unkink.db", Path("/data/unkink.db")),
        ("  /data/unkink.db ", Path("/data/unkink.db")),
        ("sqlite:////data/unkink.db", Path("/data/unkink.db")),
        ("sqlite:///rel.db", Path("rel.db").absolute()),
        ("rel.db", Path("rel.db").absolute()),
        ("~/unkink.db", Path("~/unkink.db").expanduser()),
    ],
)
def test_plain_sqlite_files_are_served_on_sqlite3(url: str, expected: Path) -> None:
    assert lite_path(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://me@localhost/unkink",
        "postgres://me@localhost/unkink",
        "sqlite://",
        "sqlite:///",
        "sqlite:///:memory:",
        "sqlite:///file.db?mode=memory",
        "sqlite+pysqlite:///file.db",
        "sqlite:///~/file.db",
        "sqlite:///a%20b.db",
        "mysql://me@localhost/unkink",
    ],
)
def test_anything_else_is_left_to_sqlalchemy_which_words_the_refusals(url: str) -> None:
    assert lite_path(url) is None


def test_times_and_days_are_stored_as_sqlalchemy_stores_them() -> None:
    assert stamp(datetime(2026, 3, 2, 9, 0)) == "2026-03-02 09:00:00.000000"
    assert stamp(datetime(2026, 3, 2, 9, 0, 1, 5)) == "2026-03-02 09:00:01.000005"
    assert stamp(date(2026, 3, 2)) == "2026-03-02 00:00:00.000000"
    assert stamp(datetime.min) < stamp(datetime(2026, 1, 1)) < stamp(datetime.max)
    assert day(date(2026, 3, 2)) == "2026-03-02"
    assert as_datetime("2026-03-02 09:00:01.000005") == datetime(2026, 3, 2, 9, 0, 1, 5)
    assert as_datetime("2026-03-02 09:00:00") == datetime(2026, 3, 2, 9, 0)
    assert as_datetime(None) is None and as_date(None) is None
    assert as_date("2026-03-02") == date(2026, 3, 2)


def test_json_is_stored_as_sqlalchemy_stores_it() -> None:
    assert to_json({"a": "é", "b": [1, 2]}) == '{"a": "\\u00e9", "b": [1, 2]}'
    assert to_json(None) == "null" and from_json("null") is None and from_json(None) is None
