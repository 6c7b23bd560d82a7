"""Red-flag screening (safety evidence §2): every rule id with a positive and a near-miss case."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unkink.domain.safety.answers import (
    FIELD_NAMES,
    CancerHistory,
    InvalidAnswers,
    LegNumbness,
    LegWeakness,
    NightPain,
    Onset,
    PainArea,
    PainPattern,
    PainTrend,
    ScreeningAnswers,
    Sex,
    SpaFeature,
    Trauma,
)
from unkink.domain.safety.screening import (
    EMERGENCY_ADVICE,
    RULES,
    SELF_CARE_ADVICE,
    Urgency,
    parse_answers,
    screen,
)

# rule id -> (answers that fire it, a near miss that must not fire it)
CASES: dict[str, list[tuple[dict[str, object], dict[str, object]]]] = {
    "E1": [({"bladder_change_new": True}, {"bowel_change_new": False})],
    "E2": [({"bowel_change_new": True}, {"bladder_change_new": False})],
    "E3": [({"saddle_numbness": True}, {"leg_numbness_or_tingling": "one_leg"})],
    "E4": [
        (  # rev. 2: an absent main_symptom reads as pain
            {"sexual_sensation_change_new": True},
            {"sexual_sensation_change_new": True, "main_symptom": "stiffness"},
        ),
        (
            {"sexual_sensation_change_new": True, "main_symptom": "stiffness", "leg_pain": True},
            {"leg_pain": True},
        ),
    ],
    "E5": [
        ({"leg_weakness": "one_leg_worsening"}, {"leg_weakness": "one_leg_stable"}),
        ({"leg_weakness": "both_legs"}, {"leg_weakness": "one_leg_stable"}),
        ({"walking_unsteady_new": True}, {"leg_pain": True}),
    ],
    "E6": [
        ({"leg_numbness_or_tingling": "both_legs"}, {"leg_numbness_or_tingling": "one_leg"}),
        ({"leg_pain": "both_legs"}, {"leg_pain": "one_leg"}),  # rev. 2
    ],
    "E7": [({"trauma": "major"}, {"trauma": "minor"})],
    "E8": [
        ({"fever_or_chills": True, "iv_drug_use": True}, {"fever_or_chills": True}),
        ({"fever_or_chills": True, "immunosuppressed": True}, {"immunosuppressed": True}),
        (
            {"fever_or_chills": True, "recent_spinal_procedure_or_bacterial_infection": True},
            {
                "feels_generally_unwell": True,
                "recent_spinal_procedure_or_bacterial_infection": True,
            },
        ),
    ],
    "E9": [
        (
            {"cancer_history": "yes", "leg_pain": True},
            {"cancer_history": "non_melanoma_skin_only", "leg_pain": True},
        ),
        ({"cancer_history": "yes", "bladder_change_new": True}, {"cancer_history": "yes"}),
        ({"cancer_history": "yes", "leg_weakness": "one_leg_stable"}, {"cancer_history": "yes"}),
    ],
    "E10": [({"chest_or_abdominal_pain_or_fainting": True}, {"onset": "sudden"})],
    "E11": [({"neck_warning_symptoms": True}, {"pain_area": "neck"})],
    "E12": [
        (
            {"pregnant": True, "pregnancy_weeks": 30, "pregnancy_warning_signs": True},
            {"pregnant": True, "pregnancy_weeks": 30},
        )
    ],
    "S1": [({"cancer_history": "yes"}, {"cancer_history": "non_melanoma_skin_only"})],
    "S2": [({"unexplained_weight_loss": True}, {"feels_generally_unwell": False})],
    "S3": [
        ({"feels_generally_unwell": True}, {"feels_generally_unwell": True, "iv_drug_use": True}),
        ({"fever_or_chills": True}, {"fever_or_chills": True, "immunosuppressed": True}),
    ],
    "S4": [
        ({"long_term_oral_steroids": True}, {"osteoporosis_known": True}),
        ({"osteoporosis_known": True, "trauma": "minor"}, {"trauma": "minor", "age": 50}),
        ({"osteoporosis_known": True, "onset": "sudden"}, {"onset": "sudden"}),
        ({"age": 65, "trauma": "minor"}, {"age": 64, "trauma": "minor"}),
    ],
    "S5": [
        ({"immunosuppressed": True}, {"immunosuppressed": True, "fever_or_chills": True}),
        ({"iv_drug_use": True}, {"feels_generally_unwell": True}),
    ],
    "S6": [
        ({"pain_pattern": "constant_unrelieved"}, {"pain_pattern": "mechanical"}),
        ({"night_pain": "wakes_me_constant_unrelieved"}, {"night_pain": "only_when_turning"}),
    ],
    "S7": [({"pain_trend": "worsening_over_weeks"}, {"pain_trend": "stable"})],
    "S8": [
        ({"duration_days": 43}, {"duration_days": 42}),
        ({"duration_days": 60}, {"duration_days": 60, "already_assessed_by_clinician": True}),
        (
            {"duration_days": 60, "pain_trend": "stable"},
            {"duration_days": 60, "pain_trend": "improving"},
        ),
        (  # rev. 2: stiffness that eases with movement never fires S8
            {"duration_days": 60, "main_symptom": "both"},
            {"duration_days": 60, "main_symptom": "stiffness"},
        ),
    ],
    "S9": [
        ({"leg_weakness": "one_leg_stable"}, {"leg_pain": True}),
        ({"leg_numbness_or_tingling": "one_leg"}, {"leg_pain": True}),
    ],
    "S10": [
        (
            {
                "age_at_onset": 40,
                "duration_days": 91,
                "pain_trend": "improving",
                "spa_features": ["buttock_pain", "improves_with_movement", "psoriasis"],
            },
            {
                "age_at_onset": 40,
                "duration_days": 90,
                "pain_trend": "improving",
                "spa_features": ["buttock_pain", "improves_with_movement", "psoriasis"],
            },
        ),
        (  # an onset age under 35 counts as the "began before 35" feature
            {
                "age_at_onset": 30,
                "duration_days": 200,
                "pain_trend": "improving",
                "spa_features": ["buttock_pain", "arthritis"],
            },
            {
                "age_at_onset": 40,
                "duration_days": 200,
                "pain_trend": "improving",
                "spa_features": ["buttock_pain", "arthritis"],
            },
        ),
        (
            {
                "age_at_onset": 44,
                "duration_days": 200,
                "pain_trend": "improving",
                "spa_features": ["buttock_pain", "arthritis", "enthesitis"],
            },
            {
                "age_at_onset": 45,
                "duration_days": 200,
                "pain_trend": "improving",
                "spa_features": ["buttock_pain", "arthritis", "enthesitis"],
            },
        ),
        (  # "began before 35" ticked, no ages given: it also means "began before 45"
            {
                "duration_days": 200,
                "pain_trend": "improving",
                "spa_features": ["onset_before_35", "buttock_pain", "arthritis"],
            },
            {
                "duration_days": 90,
                "pain_trend": "improving",
                "spa_features": ["onset_before_35", "buttock_pain", "arthritis"],
            },
        ),
        (  # onset age worked out from age and duration when not given
            {
                "age": 30,
                "duration_days": 400,
                "pain_trend": "improving",
                "spa_features": ["buttock_pain", "arthritis", "enthesitis"],
            },
            {
                "duration_days": 400,
                "pain_trend": "improving",
                "spa_features": ["buttock_pain", "arthritis", "enthesitis"],
            },
        ),
    ],
}


def test_every_rule_has_cases() -> None:
    assert set(CASES) == {r.id for r in RULES}
    assert [r.id for r in RULES] == [f"E{i}" for i in range(1, 13)] + [
        f"S{i}" for i in range(1, 11)
    ]


@pytest.mark.parametrize(
    ("rule_id", "positive", "near_miss"),
    [(rule, pos, neg) for rule, pairs in CASES.items() for pos, neg in pairs],
)
def test_rule_fires_on_positive_and_not_on_near_miss(
    rule_id: str, positive: dict[str, object], near_miss: dict[str, object]
) -> None:
    fired = screen(parse_answers(positive))
    assert rule_id in fired.rules
    expected = (
        Urgency.EMERGENCY
        if rule_id.startswith("E")
        else Urgency.ROUTINE_REVIEW
        if rule_id in ("S8", "S10")
        else Urgency.SEE_DOCTOR_SOON
    )
    assert fired.urgency.rank >= expected.rank
    alone = screen(parse_answers(positive))
    if alone.rules == (rule_id,):  # §2: each rule's own level
        assert alone.urgency is expected
    assert rule_id not in screen(parse_answers(near_miss)).rules


def test_no_answers_is_self_care() -> None:
    result = screen(ScreeningAnswers())
    assert result.urgency is Urgency.SELF_CARE_OK
    assert result.rules == ()
    assert result.advice == SELF_CARE_ADVICE


def test_self_care_examples_from_the_spec_stay_self_care() -> None:
    examples = [
        {"pain_area": "low_back", "duration_days": 3, "pain_trend": "improving"},
        {"leg_pain": True, "duration_days": 20, "pain_trend": "stable"},  # one-leg sciatica
        {"pregnant": True, "pregnancy_weeks": 20, "pain_area": "low_back"},
        {"age": 70},  # age alone
        {"osteoporosis_known": True, "onset": "gradual"},
        {"pain_area": "mid_upper_back", "pain_pattern": "mechanical"},
    ]
    for answers in examples:
        assert screen(parse_answers(answers)).urgency is Urgency.SELF_CARE_OK, answers


def test_emergency_beats_see_doctor_and_all_matching_ids_are_reported() -> None:
    result = screen(parse_answers({"bladder_change_new": True, "unexplained_weight_loss": True}))
    assert result.urgency is Urgency.EMERGENCY
    assert result.rules == ("E1", "S2")
    assert result.advice == EMERGENCY_ADVICE
    assert not result.gentle_movement_ok


def test_s8_and_s10_are_routine_review_with_gentle_sessions_and_one_time_frame() -> None:
    s8 = screen(parse_answers({"duration_days": 50}))
    assert s8.rules == ("S8",) and s8.urgency is Urgency.ROUTINE_REVIEW
    assert s8.gentle_movement_ok
    assert "next few weeks" in s8.advice and "Gentle sessions are fine" in s8.advice
    assert "one to three days" not in s8.advice and "24 hours" not in s8.advice
    mixed = screen(parse_answers({"duration_days": 50, "unexplained_weight_loss": True}))
    assert mixed.urgency is Urgency.SEE_DOCTOR_SOON and not mixed.gentle_movement_ok
    assert "do not start new stretches" in mixed.advice
    assert "next few weeks" not in mixed.advice


def test_the_three_named_cases_of_issue_11() -> None:
    stiff = {"main_symptom": "stiffness", "duration_days": 400, "pain_trend": "stable"}
    assert screen(parse_answers(stiff)).urgency is Urgency.SELF_CARE_OK
    never_checked = {"main_symptom": "pain", "duration_days": 70, "pain_trend": "stable"}
    assert screen(parse_answers(never_checked)).urgency is Urgency.ROUTINE_REVIEW
    both_legs = {"leg_pain": "both_legs", "duration_days": 5}
    assert screen(parse_answers(both_legs)).urgency is Urgency.EMERGENCY


@pytest.mark.parametrize(("old", "new"), [(True, "one_leg"), (False, "none")])
def test_leg_pain_true_or_false_from_revision_1_files_still_reads(old: bool, new: str) -> None:
    assert parse_answers({"leg_pain": old}).leg_pain == new


def test_s1_and_s4_say_within_24_hours() -> None:
    assert "24 hours" in screen(parse_answers({"cancer_history": "yes"})).advice
    assert "24 hours" in screen(parse_answers({"long_term_oral_steroids": True})).advice
    assert "24 hours" not in screen(parse_answers({"unexplained_weight_loss": True})).advice


def test_json_shape_is_the_contract() -> None:
    out = screen(parse_answers({"trauma": "major"})).to_json()
    assert out == {"urgency": "emergency", "rules": ["E7"], "advice": EMERGENCY_ADVICE}


def test_unknown_field_is_rejected_with_its_name() -> None:
    with pytest.raises(InvalidAnswers) as err:
        parse_answers({"bladder_change": True})
    assert "bladder_change" in str(err.value)
    assert "spelling" in str(err.value)


@pytest.mark.parametrize(
    ("field", "value", "hint"),
    [
        ("trauma", "huge", "none, minor, major"),
        ("saddle_numbness", "yes", "true or false"),
        ("age", 200, "0 to 120"),
        ("age", True, "whole number"),
        ("spa_features", ["tired"], "buttock_pain"),
        ("spa_features", "buttock_pain", "list"),
    ],
)
def test_wrong_values_name_the_field_and_what_is_allowed(
    field: str, value: object, hint: str
) -> None:
    with pytest.raises(InvalidAnswers) as err:
        parse_answers({field: value})
    assert err.value.field == field
    assert hint in str(err.value)


def test_answers_round_trip_through_json() -> None:
    answers = parse_answers(
        {"age": 40, "sex": "female", "spa_features": ["psoriasis"], "trauma": "minor"}
    )
    assert parse_answers(answers.to_json()) == answers
    assert set(answers.to_json()) == set(FIELD_NAMES)


# --- monotonicity: adding a red flag never lowers urgency ---------------------------------

_ORDERS: dict[str, list[object]] = {
    "onset": list(Onset),
    "trauma": [Trauma.NONE, Trauma.MINOR, Trauma.MAJOR],
    "pain_trend": [PainTrend.IMPROVING, PainTrend.STABLE, PainTrend.WORSENING_OVER_WEEKS],
    "pain_pattern": [PainPattern.MECHANICAL, PainPattern.CONSTANT_UNRELIEVED],
    "night_pain": list(NightPain),
    "leg_numbness_or_tingling": list(LegNumbness),
    "leg_weakness": list(LegWeakness),
    "cancer_history": [CancerHistory.NONE, CancerHistory.NON_MELANOMA_SKIN_ONLY, CancerHistory.YES],
}
_FLAGS = [
    f.name
    for f in dataclasses.fields(ScreeningAnswers)
    if f.type in ("bool", bool) and f.name != "already_assessed_by_clinician"
]

answers_strategy = st.builds(
    ScreeningAnswers,
    age=st.none() | st.integers(16, 95),
    sex=st.none() | st.sampled_from(Sex),
    pregnancy_weeks=st.none() | st.integers(0, 42),
    pain_area=st.none() | st.sampled_from(PainArea),
    duration_days=st.none() | st.integers(0, 800),
    age_at_onset=st.none() | st.integers(10, 90),
    onset=st.sampled_from(Onset),
    trauma=st.sampled_from(Trauma),
    pain_trend=st.sampled_from(PainTrend),
    pain_pattern=st.sampled_from(PainPattern),
    night_pain=st.sampled_from(NightPain),
    leg_numbness_or_tingling=st.sampled_from(LegNumbness),
    leg_weakness=st.sampled_from(LegWeakness),
    cancer_history=st.sampled_from(CancerHistory),
    spa_features=st.frozensets(st.sampled_from(SpaFeature)),
    **{name: st.booleans() for name in [*_FLAGS, "already_assessed_by_clinician"]},
)


@st.composite
def escalation(draw: st.DrawFn, answers: ScreeningAnswers) -> ScreeningAnswers:
    kind = draw(st.sampled_from(["flag", "order", "spa", "duration"]))
    if kind == "flag":
        return dataclasses.replace(answers, **{draw(st.sampled_from(_FLAGS)): True})
    if kind == "order":
        name = draw(st.sampled_from(sorted(_ORDERS)))
        order = _ORDERS[name]
        now = order.index(getattr(answers, name)) if getattr(answers, name) in order else 0
        worse = order[draw(st.integers(now, len(order) - 1))]
        return dataclasses.replace(answers, **{name: worse})
    if kind == "spa":
        extra = draw(st.sampled_from(SpaFeature))
        return dataclasses.replace(answers, spa_features=answers.spa_features | {extra})
    longer = (answers.duration_days or 0) + draw(st.integers(0, 400))
    return dataclasses.replace(answers, duration_days=longer)


@given(st.data(), answers_strategy)
def test_adding_a_red_flag_never_lowers_urgency(
    data: st.DataObject, answers: ScreeningAnswers
) -> None:
    before = screen(answers).urgency.rank
    worse = answers
    for _ in range(data.draw(st.integers(1, 4))):
        worse = data.draw(escalation(worse))
    assert screen(worse).urgency.rank >= before


@given(answers_strategy)
def test_urgency_is_that_of_the_most_serious_matched_rule(answers: ScreeningAnswers) -> None:
    result = screen(answers)
    if any(r.startswith("E") for r in result.rules):
        assert result.urgency is Urgency.EMERGENCY
    elif result.rules:
        assert result.urgency is Urgency.SEE_DOCTOR_SOON
    else:
        assert result.urgency is Urgency.SELF_CARE_OK
