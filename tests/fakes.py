"""Test doubles for the edges: clocks. Our own components are never mocked in integration."""

from __future__ import annotations

from datetime import datetime, timedelta


class ManualClock:
    """A monotonic clock that moves only when told (rich's MockClock)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def tick(self, seconds: float) -> None:
        assert seconds >= 0, "a monotonic clock never goes back"
        self.now += seconds


class ManualWallClock:
    """Local wall time that moves only when told."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def tick(self, **delta: float) -> None:
        self.now += timedelta(**delta)

    def set(self, when: datetime) -> None:
        self.now = when
