"""The walk over the screens (pure): every §2.4 field is asked, the stop at an emergency, the
review, and the quick re-check's merge (issue 11)."""

from __future__ import annotations

import pytest

from unkink.domain.errors import UnkinkError
from unkink.domain.safety.answers import check_together, parse_answers
from unkink.domain.safety.questions import Kind, to_answer_value, without
from unkink.domain.safety.screening import screen
from unkink.domain.safety.urgency import Urgency
from unkink.domain.safety.walk import (
    confirmed_fields,
    next_step,
    prune,
    recheck_checklist,
    recheck_step,
    review,
)

LAST = {"age": 50, "sex": "female", "pregnant": False, "pain_area": "low_back", "duration_days": 9}


def test_a_checklist_none_sets_its_own_fields_to_the_harmless_defaults() -> None:
    first = next_step({}).question
    assert first is not None and first.kind is Kind.CHECKLIST
    values = to_answer_value(first, [])
    assert values["saddle_numbness"] is False and "trauma" not in values  # not its own
    assert to_answer_value(first, ["trauma=major"])["trauma"] == "major"


def test_one_leg_and_both_legs_ticked_reads_as_both_legs() -> None:
    legs = next_step(to_answer_value(next_step({}).question, [])).question  # type: ignore[arg-type]
    assert legs is not None
    values = to_answer_value(legs, ["leg_pain=one_leg", "leg_pain=both_legs"])
    assert values["leg_pain"] == "both_legs"


def test_a_changed_answer_in_the_review_is_asked_again_and_what_no_longer_applies_drops() -> None:
    answers = {"sex": "female", "pregnant": True, "pregnancy_weeks": 12, "age": 30}
    shown = {q.field for q, _ in review(answers)}
    assert {"sex", "pregnant", "pregnancy_weeks"} <= shown
    sex = next(q for q, _ in review(answers) if q.field == "sex")
    changed = prune({**without(sex, answers), "sex": "male"})
    assert "pregnant" not in changed and "pregnancy_weeks" not in changed


def test_the_recheck_asks_the_pregnancy_signs_only_when_pregnant() -> None:
    assert "pregnancy_warning_signs" not in recheck_checklist(LAST).owns
    assert "pregnancy_warning_signs" in recheck_checklist({**LAST, "pregnant": True}).owns


def test_an_old_emergency_does_not_stick_once_the_sign_is_gone() -> None:
    previous = parse_answers({**LAST, "leg_weakness": "both_legs", "trauma": "major"}).to_json()
    assert screen(parse_answers(previous)).urgency is Urgency.EMERGENCY
    new = to_answer_value(recheck_checklist(previous), [])
    step, merged = recheck_step(previous, new, [])
    assert step.done and not step.emergency
    assert merged["leg_weakness"] == "none" and merged["trauma"] == "none"
    assert screen(parse_answers(merged)).urgency is Urgency.SELF_CARE_OK


def test_confirmed_fields_are_the_unchanged_ones() -> None:
    confirmed = confirmed_fields(parse_answers(LAST).to_json(), ["age"])
    assert "age" not in confirmed and "pain_area" in confirmed and "sex" in confirmed


def _walk_to(field: str, numbers: dict[str, int]) -> tuple[dict[str, object], object]:
    """Answer every screen harmlessly (numbers from ``numbers``) until ``field`` is asked."""
    answers: dict[str, object] = {}
    while True:
        step = next_step(answers)
        assert not step.done, f"{field} was never asked"
        q = step.question
        assert q is not None
        if q.field == field:
            return answers, q
        if q.kind is Kind.CHECKLIST:
            reply: object = []
        elif q.kind is Kind.NUMBER:
            reply = numbers[q.field]
        elif q.kind is Kind.YES_NO:
            reply = False
        elif q.kind is Kind.MANY:
            reply = []
        else:
            reply = q.options[0][0]
        answers = {**answers, **to_answer_value(q, reply)}


LONG_STANDING = {"age": 40, "duration_days": 400, "pregnancy_weeks": 10}


def test_the_age_it_started_is_asked_no_higher_than_the_age() -> None:
    answers, onset = _walk_to("age_at_onset", LONG_STANDING)
    assert onset.high == 40  # type: ignore[attr-defined]
    after = next_step({**answers, "age_at_onset": 39})
    assert after.done or after.question is None or after.question.field != "age_at_onset"


def test_an_age_it_started_over_the_age_is_asked_again_with_the_cap() -> None:
    answers, _ = _walk_to("age_at_onset", LONG_STANDING)
    again = next_step({**answers, "age_at_onset": 50}).question
    assert again is not None and again.field == "age_at_onset" and again.high == 40


def test_lowering_the_age_in_the_review_asks_again_when_it_started() -> None:
    answers, _ = _walk_to("age_at_onset", LONG_STANDING)
    answers = {**answers, "age_at_onset": 39}
    age = next(q for q, _ in review(answers) if q.field == "age")
    changed = {**prune(without(age, answers)), "age": 30}
    again = next_step(changed).question
    assert again is not None and again.field == "age_at_onset" and again.high == 30


def test_answers_that_do_not_fit_together_are_refused_with_the_range() -> None:
    with pytest.raises(UnkinkError, match=r"age_at_onset.*more than the age given \(40\).*0 to 40"):
        check_together(parse_answers({"age": 40, "age_at_onset": 41}))
    assert check_together(parse_answers({"age": 40, "age_at_onset": 40})).age_at_onset == 40
    assert check_together(parse_answers({"age_at_onset": 41})).age_at_onset == 41  # no age said
