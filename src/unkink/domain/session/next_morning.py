"""The next-day rule reaching the plan (safety evidence §5), and which session to ask about.

Pure: no I/O. After a session, the next time the person opens unkink on a later day it asks
whether their back was clearly worse the next morning. Those answers, per exercise, go through
``pain.next_day_advice``; ``with_next_day`` folds the result into the precautions the planner
already obeys: one worse morning → offer with a smaller range and shorter holds; two → leave
the exercise out (and the referral suggests a physiotherapist).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from unkink.domain.safety.pain import NextDay, NextDayDecision
from unkink.domain.safety.precautions import Mark, Precautions

ASK_WITHIN_DAYS = 3
"""Ask about a session only while the morning after is fresh in mind."""

QUESTION = "Think of the morning after your last session. Was your back clearly worse than before?"


@dataclass(frozen=True, slots=True)
class PendingMorning:
    session_id: int
    session_day: date
    exercise_ids: tuple[str, ...]


def should_ask(session_day: date, *, today: date, answered: bool) -> bool:
    """Ask from the next day on, for a few days, once."""
    return not answered and 1 <= (today - session_day).days <= ASK_WITHIN_DAYS


def change_messages(decisions: Mapping[str, NextDayDecision]) -> list[str]:
    """What changes for the next plan, each message once (several stretches share one text)."""
    wanted = (d.message for d in decisions.values() if d.advice is not NextDay.KEEP)
    return list(dict.fromkeys(wanted))


def with_next_day(
    precautions: Precautions, decisions: Mapping[str, NextDayDecision]
) -> Precautions:
    """The stricter of each exercise's precaution mark and its next-day rule."""
    marks = dict(precautions.marks)
    texts = dict(precautions.modifications)
    for exercise_id, decision in decisions.items():
        current = precautions.mark_for(exercise_id)
        if decision.advice is NextDay.DROP:
            marks[exercise_id] = Mark.MUST_NOT
            texts.pop(exercise_id, None)
        elif decision.advice is NextDay.SMALLER_RANGE and current is not Mark.MUST_NOT:
            marks[exercise_id] = Mark.MODIFY
            earlier = texts.get(exercise_id) if current is Mark.MODIFY else None
            texts[exercise_id] = f"{earlier} {decision.message}" if earlier else decision.message
    return Precautions(marks=marks, modifications=texts)
