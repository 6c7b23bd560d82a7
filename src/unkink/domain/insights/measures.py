"""The weekly outcome measures: a 0-10 pain rating (NRS) and the Patient-Specific Functional
Scale (PSFS: up to three activities the person finds hard, each rated 0 = can't do it to
10 = as well as before the back trouble). Asked at most once a week; skipping counts as asked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from statistics import mean

from unkink.domain.errors import InvalidInput

ASK_EVERY = timedelta(days=7)
MAX_ACTIVITIES = 3
MAX_NAME = 80

NRS_QUESTION = (
    "Over the past week, how bad was your back pain on most days? "
    "0 is none, 10 is the worst you can imagine."
)
PSFS_INTRO = (
    "Name up to three things your back makes hard to do, such as sitting for an hour "
    "or lifting a bag."
)
PSFS_QUESTION = (
    "How well can you do this now? 0 means you can't do it at all. "
    "10 means as well as before your back trouble."
)
SKIP_NOTE = "You can skip this. We will ask again in a week."


class InvalidMeasure(InvalidInput):
    pass


@dataclass(frozen=True, slots=True)
class WeeklyCheck:
    recorded_at: datetime
    pain: int | None
    scores: Mapping[str, int] = field(default_factory=dict)  # activity name -> 0-10
    skipped: bool = False

    @property
    def psfs_mean(self) -> float | None:
        return mean(self.scores.values()) if self.scores else None

    def as_dict(self) -> dict[str, object]:
        return {
            "recorded_at": self.recorded_at.isoformat(),
            "pain": self.pain,
            "psfs": dict(self.scores),
            "psfs_mean": None if self.psfs_mean is None else round(self.psfs_mean, 1),
            "skipped": self.skipped,
        }


def is_due(last_asked: datetime | None, *, now: datetime) -> bool:
    """At most once a week: due when never asked, or a week has passed (answered or skipped)."""
    return last_asked is None or now - last_asked >= ASK_EVERY - timedelta(hours=12)


def clean_activities(names: Sequence[str]) -> tuple[str, ...]:
    cleaned = tuple(dict.fromkeys(" ".join(n.split()) for n in names if n.strip()))
    if len(cleaned) > MAX_ACTIVITIES:
        raise InvalidMeasure(f"Name at most {MAX_ACTIVITIES} activities.")
    for name in cleaned:
        if len(name) > MAX_NAME:
            raise InvalidMeasure(f"Keep each activity under {MAX_NAME} letters.")
    return cleaned


def check_score(name: str, value: int | None) -> int | None:
    if value is not None and not 0 <= value <= 10:
        raise InvalidMeasure(f"{name} must be a whole number from 0 to 10.")
    return value


def first_and_last(checks: Sequence[WeeklyCheck], activity: str) -> tuple[int, int] | None:
    """An activity's first and latest PSFS score (oldest first input), if rated twice or more."""
    scores = [c.scores[activity] for c in checks if activity in c.scores]
    return (scores[0], scores[-1]) if len(scores) >= 2 else None


def measure_texts() -> tuple[str, ...]:
    return (NRS_QUESTION, PSFS_INTRO, PSFS_QUESTION, SKIP_NOTE)
