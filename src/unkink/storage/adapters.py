"""The two storage adapters as one type, for the services' annotations (never imported at run
time: services name it under ``TYPE_CHECKING``).

``SqlUnitOfWork`` (SQLAlchemy: PostgreSQL, and SQLite's cold path) and ``LiteUnitOfWork``
(standard-library sqlite3: a local file) offer the same repositories with the same methods
and the same returned values; ``bootstrap.App.uow`` picks one per database. The contract
tests (tests/integration/test_repository_contract.py) hold them to that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from unkink.storage.lite.safety_repo import LiteSafetyRepo
    from unkink.storage.lite.unit_of_work import LiteUnitOfWork
    from unkink.storage.safety_repo import SqlSafetyRepo
    from unkink.storage.unit_of_work import SqlUnitOfWork

AnyUnitOfWork: TypeAlias = "SqlUnitOfWork | LiteUnitOfWork"
AnySafetyRepo: TypeAlias = "SqlSafetyRepo | LiteSafetyRepo"
