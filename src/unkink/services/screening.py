"""Screening use cases, one function each, for the terminal, the web app and any new front end:
the next screen (stopping at the first emergency answer), the quick re-check, and saving.

Front ends only translate: they show the screen they are given, turn the reply into §2.4
field values (``questions.to_answer_value``), and call these again. Saving also records the
person's age and sex from the answers, so the profile agrees whichever front end was used.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from unkink.domain.safety.answers import ScreeningAnswers, check_together, parse_answers
from unkink.domain.safety.screening import ScreeningResult, screen
from unkink.domain.safety.walk import WalkStep, confirmed_fields, next_step, recheck_step

if TYPE_CHECKING:
    from unkink.services.safety_uow import UowFactory
    from unkink.storage.safety_repo import StoredScreening


@dataclass(frozen=True, slots=True)
class SavedScreening:
    result: ScreeningResult
    taken_at: datetime
    confirmed: tuple[str, ...]
    """Fields taken over from the last screening because the person confirmed them."""


def next_question(*, answers: Mapping[str, object]) -> WalkStep:
    """The next screen of a full run, or done (at once when an answer is an emergency)."""
    return next_step(answers)


def previous_answers(*, uow: UowFactory) -> dict[str, Any] | None:
    """Last screening's answers, if there is one to re-check against."""
    with uow() as u:
        latest = u.safety.latest_screening()
    return dict(latest.answers) if latest is not None else None


def recheck_question(
    *, uow: UowFactory, answers: Mapping[str, object], changed: Collection[str] | None
) -> WalkStep:
    """The next screen of a quick re-check: the emergency checklist, always; then last time's
    answers as a summary; then only the screens the person said have changed.

    Without a stored screening there is nothing to re-check: it is a full run.
    """
    previous = previous_answers(uow=uow)
    if previous is None:
        return next_step(answers)
    step, _ = recheck_step(previous, answers, changed)
    return step


def screen_answers(answers: Mapping[str, object]) -> ScreeningResult:
    """Screen answers without storing them (``unkink check --answers F`` without --save)."""
    return screen(check_together(parse_answers(answers)))


def save_screening(
    *,
    uow: UowFactory,
    answers: Mapping[str, object] | ScreeningAnswers,
    now: datetime,
    source: str,
    accept_intended_use: bool = False,
    recheck: bool = False,
    changed: Collection[str] | None = None,
) -> SavedScreening:
    """Screen and store the answers with the person's age and sex, in one transaction.

    ``source``: questionnaire | file | web. For a re-check, ``answers`` are the new ones only;
    the unchanged rest is taken from the last screening and recorded as confirmed.
    """
    if isinstance(answers, ScreeningAnswers):
        answers = answers.to_json()
    merged: Mapping[str, object] = answers
    confirmed: tuple[str, ...] = ()
    with uow() as u:
        u.ensure_profile(now=now)
        repo = u.safety
        latest = repo.latest_screening() if recheck else None
        if latest is not None:
            _, merged = recheck_step(latest.answers, answers, changed)
            if changed is not None:
                confirmed = tuple(confirmed_fields(latest.answers, changed))
        parsed = check_together(parse_answers(merged))
        result = screen(parsed)
        if accept_intended_use and repo.acknowledged_at() is None:
            repo.acknowledge(now)
        repo.add_screening(
            taken_at=now,
            answers=parsed.to_json(),
            urgency=result.urgency,
            rules=result.rules,
            advice=result.advice,
            source=source,
            confirmed=confirmed,
        )
        if parsed.age is not None or parsed.sex is not None:
            old_age, old_sex = repo.person()
            repo.set_person(
                age=parsed.age if parsed.age is not None else old_age,
                sex=str(parsed.sex) if parsed.sex is not None else old_sex,
            )
        u.commit()
    return SavedScreening(result, now, confirmed)


def latest_screening(*, uow: UowFactory) -> StoredScreening | None:
    with uow() as u:
        return u.safety.latest_screening()
