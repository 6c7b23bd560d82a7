"""The plain values insights are computed from; services fill them from the stored history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class SessionPoint:
    """One session as insights see it: when, where, which stretches, ratings before and after."""

    started_at: datetime
    place: str
    exercises: tuple[str, ...]
    before: tuple[int | None, int | None]  # (stiffness, pain)
    after: tuple[int | None, int | None]
    helped_most: str | None = None
    status: str = "completed"
    stop_reason: str | None = None
    minutes: float = 0.0

    def change(self, which: int) -> int | None:
        """after - before for stiffness (0) or pain (1); None unless both were rated."""
        b, a = self.before[which], self.after[which]
        return None if b is None or a is None else a - b


def minutes_done(elapsed_s: float) -> float:
    """A session's active seconds as ``SessionPoint.minutes`` holds them (one decimal)."""
    return round(elapsed_s / 60, 1)


@dataclass(frozen=True, slots=True)
class Goal:
    sessions_per_week: int
    desk_breaks_per_week: int | None = None
    set_on: date | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "sessions_per_week": self.sessions_per_week,
            "desk_breaks_per_week": self.desk_breaks_per_week,
            "set_on": self.set_on.isoformat() if self.set_on else None,
        }
