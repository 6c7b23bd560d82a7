"""What the safety services need from a unit of work, and the factory they are given.

Every safety service takes ``uow`` = a zero-argument factory (``uow=app.uow``), opens
``with uow() as u:`` itself and commits itself (the lead's unit-of-work style, as in
``services.sessions``). Callers never commit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Protocol, Self

if TYPE_CHECKING:
    from unkink.storage.adapters import AnySafetyRepo


class SafetyUnitOfWork(Protocol):
    """An open unit of work (either storage adapter, or a fake)."""

    profile_id: int

    @property
    def safety(self) -> AnySafetyRepo: ...

    def ensure_profile(self, *, now: datetime) -> int: ...

    def commit(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


UowFactory = Callable[[], SafetyUnitOfWork]
