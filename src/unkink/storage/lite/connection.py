"""One sqlite3 connection as a unit of work uses it: explicit transactions, plain errors.

Opened with the settings of the SQLAlchemy engine for SQLite (``storage/engine.py``: the same
lock timeout and the same pragmas function), in autocommit mode (``isolation_level=None``) so
this module says when a transaction starts. Like the SQLAlchemy unit of work on pysqlite,
reads before the first write run on their own; the first write opens the transaction, here
with ``BEGIN IMMEDIATE`` (the write lock up front, waiting up to the timeout), which rules out
a deferred transaction failing at once when it upgrades from reading to writing.

Driver errors a person can act on become ``DatabaseProblem`` through ``db_errors.explain``,
the one table of rules both adapters use; a lock timeout stays a ``sqlite3.OperationalError``
for the unit of work to turn into ``DatabaseBusy``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from unkink.storage.db_errors import explain
from unkink.storage.engine import SQLITE_TIMEOUT_S, sqlite_pragmas

Params = Sequence[Any]


@contextmanager
def plain_errors(path: str) -> Iterator[None]:
    """Raise a driver error a person can act on as the same message as the SQLAlchemy path."""
    try:
        yield
    except sqlite3.Error as exc:
        problem = explain(exc, file=path)
        if problem is None:
            raise
        raise problem from exc


def _open(path: str) -> sqlite3.Connection:
    raw = sqlite3.connect(
        path, timeout=SQLITE_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )  # kept for reuse by the store, possibly in another thread (one unit of work at a time)
    try:
        sqlite_pragmas(raw)
    except BaseException:
        raw.close()
        raise
    raw.row_factory = sqlite3.Row
    return raw


class LiteConnection:
    """Statements for the repositories: ``rows``/``row``/``value`` read, ``write`` writes."""

    def __init__(self, path: str) -> None:
        self.path = path
        with plain_errors(path):
            self._raw = _open(path)

    def rows(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        with plain_errors(self.path):
            return self._raw.execute(sql, params).fetchall()

    def row(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        with plain_errors(self.path):
            found: sqlite3.Row | None = self._raw.execute(sql, params).fetchone()
            return found

    def value(self, sql: str, params: Params = ()) -> Any:
        found = self.row(sql, params)
        return None if found is None else found[0]

    def write(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        """Run one write in the open transaction, opening it first if need be."""
        with plain_errors(self.path):
            if not self._raw.in_transaction:
                self._raw.execute("BEGIN IMMEDIATE")
            return self._raw.execute(sql, params)

    @property
    def in_transaction(self) -> bool:
        return self._raw.in_transaction

    def commit(self) -> None:
        with plain_errors(self.path):
            if self._raw.in_transaction:
                self._raw.execute("COMMIT")

    def rollback(self) -> None:
        with plain_errors(self.path):
            if self._raw.in_transaction:
                self._raw.execute("ROLLBACK")

    def close(self) -> None:
        self._raw.close()
