"""Safety evidence §2.3: every typical `self_care_ok` example listed there comes out self_care_ok.

One test per example. Each starts from a full, ordinary set of answers (as the questionnaire
fills every field it asks) and adds what the example describes, so a rule that fires on a
default or on a harmless detail of the example is caught.
"""

from __future__ import annotations

from typing import Any

from unkink.domain.safety.screening import Urgency, parse_answers, screen
from unkink.domain.safety.screens import field_text

ORDINARY: dict[str, Any] = {
    "age": 38,
    "sex": "male",
    "pain_area": "low_back",
    "duration_days": 10,
    "onset": "gradual",
    "trauma": "none",
    "pain_trend": "stable",
    "pain_pattern": "mechanical",
    "night_pain": "none",
    "leg_pain": False,
    "leg_numbness_or_tingling": "none",
    "leg_weakness": "none",
    "cancer_history": "none",
    # every yes/no question answered "no"
    "walking_unsteady_new": False,
    "saddle_numbness": False,
    "bladder_change_new": False,
    "bowel_change_new": False,
    "sexual_sensation_change_new": False,
    "fever_or_chills": False,
    "feels_generally_unwell": False,
    "unexplained_weight_loss": False,
    "long_term_oral_steroids": False,
    "osteoporosis_known": False,
    "iv_drug_use": False,
    "immunosuppressed": False,
    "recent_spinal_procedure_or_bacterial_infection": False,
    "chest_or_abdominal_pain_or_fainting": False,
    "neck_warning_symptoms": False,
}


def assert_self_care(**example: Any) -> None:
    answers = {**ORDINARY, **example}
    result = screen(parse_answers(answers))
    assert result.urgency is Urgency.SELF_CARE_OK, (result.rules, answers)
    assert result.rules == ()


def test_ordinary_answers_are_self_care() -> None:
    assert_self_care()


def test_stiffness_after_sitting_that_eases_with_movement() -> None:
    assert_self_care(
        pain_area="low_back",
        duration_days=20,
        pain_pattern="mechanical",
        night_pain="only_when_turning",
        pain_trend="stable",
    )


def test_pain_after_lifting_that_is_improving() -> None:
    # A lift is a sudden start without a fall; only osteoporosis would make it S4.
    assert_self_care(onset="sudden", trauma="none", duration_days=5, pain_trend="improving")


def test_one_leg_sciatica_without_numbness_or_weakness_under_6_weeks_not_worsening() -> None:
    for days in (3, 41, 42):  # < 6 weeks, and the S8 edge (> 42 days) not yet reached
        assert_self_care(
            leg_pain=True,
            leg_numbness_or_tingling="none",
            leg_weakness="none",
            duration_days=days,
            pain_trend="stable",
        )


def test_back_ache_in_pregnancy_without_warning_signs() -> None:
    for weeks in (8, 20, 36):
        assert_self_care(
            sex="female",
            age=31,
            pregnant=True,
            pregnancy_weeks=weeks,
            pregnancy_warning_signs=False,
            pain_area="low_back",
        )


def test_age_50_or_over_alone() -> None:
    for age in (50, 65, 80, 95):
        assert_self_care(age=age)


def test_long_standing_unchanged_bladder_leaks_only_new_changes_count() -> None:
    # Leaks since childbirth are not new: the question asks only about *new* changes.
    assert "new" in field_text("bladder_change_new").lower()
    assert_self_care(sex="female", age=52, bladder_change_new=False)


def test_known_osteoporosis_with_gradual_stiffness_and_no_event() -> None:
    for age in (60, 72):  # also over 65: without a fall or bump, age is not S4
        assert_self_care(
            age=age, sex="female", osteoporosis_known=True, onset="gradual", trauma="none"
        )


def test_mid_back_stiffness_from_desk_work_that_eases_with_movement() -> None:
    assert_self_care(
        pain_area="mid_upper_back",
        pain_pattern="mechanical",
        night_pain="none",
        duration_days=30,
        pain_trend="stable",
    )
    # revision 2: stiffness (main_symptom) that has lasted for months is still self care
    assert_self_care(
        main_symptom="stiffness", pain_area="mid_upper_back", duration_days=300, age_at_onset=36
    )
