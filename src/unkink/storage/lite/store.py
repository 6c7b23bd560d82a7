"""Which databases the sqlite3 adapter serves, and the hot path's one check of the layout.

``lite_path`` accepts a plain file path or ``sqlite:///file`` without options. Anything else
(PostgreSQL, in-memory URLs, query options, ``~`` or percent signs inside a URL) goes the
SQLAlchemy way, which also words every refusal, so no rule about URLs is written twice.

``LiteStore.connect`` checks the file's ``alembic_version`` once, with sqlite3 alone. A new
file, one without that table, or one at a revision other than ``migrate.HEAD`` takes the cold
path, ``cold()``: SQLAlchemy's ``ensure_current`` (Alembic's upgrade under the schema lock, and
the refusal of a layout newer than this unkink, in its own words). Then sqlite3 carries on.

Connections are kept for the next unit of work, as SQLAlchemy's pool does: closing the last
connection to a WAL file checkpoints it and deletes the WAL, which made every write of a
session ~8 times dearer (6.4 ms instead of 0.75 ms). A connection is reused only after a unit
of work that ended without an error, outside any transaction; one unit of work at a time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from unkink.storage.engine import check_folder
from unkink.storage.lite.connection import LiteConnection
from unkink.storage.migrate import HEAD

_NOT_PLAIN = ("?", "%", "#")
POOL_SIZE = 5
"""Idle connections kept (SQLAlchemy's default pool size); more are closed when released."""


def lite_path(url: str) -> Path | None:
    """The SQLite file of ``url`` if this adapter serves it, else None (see the module)."""
    text = url.strip()
    if "://" not in text and not text.startswith("sqlite:"):
        if any(mark in text for mark in _NOT_PLAIN) or not text:
            return None
        return Path(text).expanduser().absolute()  # as engine.normalise_url reads a path
    prefix = "sqlite:///"
    if not text.startswith(prefix):
        return None
    rest = text[len(prefix) :]
    if not rest or rest == ":memory:" or rest.startswith("~") or any(m in rest for m in _NOT_PLAIN):
        return None
    return Path(rest).absolute()


def revision(conn: LiteConnection) -> str | None:
    """The layout revision Alembic recorded in the file (None: no layout yet)."""
    table = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    if conn.value(table) is None:
        return None
    found = conn.value("SELECT version_num FROM alembic_version")
    return None if found is None else str(found)


class LiteStore:
    """One SQLite file: its connections, after the layout check (once per store)."""

    def __init__(self, path: Path, *, create_folder: bool, cold: Callable[[], object]) -> None:
        self.path = path
        self._create_folder = create_folder
        self._cold = cold
        self._ready = False
        self._idle: list[LiteConnection] = []  # list.pop/append are atomic: no lock needed
        self._watcher: LiteConnection | None = None
        self._watch_lock = threading.Lock()

    @property
    def file(self) -> str:
        return str(self.path)

    def connect(self) -> LiteConnection:
        if self._ready:
            try:
                return self._idle.pop()
            except IndexError:
                return LiteConnection(self.file)
        check_folder(self.path, create=self._create_folder)
        if self.path.exists():
            conn = LiteConnection(self.file)
            try:
                current = revision(conn) == HEAD
            except BaseException:
                conn.close()
                raise
            if current:
                self._ready = True
                return conn  # the check's connection serves the first unit of work
            conn.close()
        self._cold()
        self._ready = True
        return LiteConnection(self.file)

    def release(self, conn: LiteConnection, *, reusable: bool) -> None:
        """Keep ``conn`` for the next unit of work if it is clean, else close it."""
        if reusable and not conn.in_transaction and len(self._idle) < POOL_SIZE:
            self._idle.append(conn)
        else:
            conn.close()

    def data_version(self) -> int:
        """A number that changes whenever any write is committed to the file, by this process
        or another: SQLite's ``PRAGMA data_version`` on a connection of its own that never
        writes, so every commit is another connection's (see sqlite.org/pragma.html).

        What is kept while it holds still (rendered pages) can't miss a write, whichever
        table, process or adapter made it."""
        with self._watch_lock:
            if self._watcher is None:
                self._watcher = self.connect()  # never released: no unit of work gets it
            return int(self._watcher.value("PRAGMA data_version"))

    def stamp(self) -> tuple[str, int]:
        """The file and its ``data_version``: what kept pages and the insights memo are kept
        under (a different file never shares a stamp)."""
        return (self.file, self.data_version())

    def close(self) -> None:
        """Close the idle connections (the last one to close checkpoints the WAL)."""
        with self._watch_lock:
            if self._watcher is not None:
                self._watcher.close()
                self._watcher = None
        while self._idle:
            self._idle.pop().close()
