"""Personal precautions (safety evidence §3): every table row, window edges, strictest merge."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unkink.catalogue.loader import load_builtin
from unkink.domain.exercises import BUILTIN_IDS as EXERCISE_IDS
from unkink.domain.exercises import Exercise, Movement, Position
from unkink.domain.safety.precaution_table import BUILTIN_TRAITS, TABLE
from unkink.domain.safety.precautions import (
    Condition,
    ConditionCode,
    InvalidCondition,
    Mark,
    derive_precautions,
    parse_condition,
    table_row,
)

TODAY = date(2026, 3, 1)
IDS = ("cat_camel", "butterfly", "prone_extension", "bridge", "chair_twist", "knee_to_chest",
       "kneeling_extension")  # fmt: skip

# The §3 table retyped from the spec: one row per condition entry, in column order.
EXPECTED = {
    "osteoporosis": ({"code": "osteoporosis"}, "M . . . M M M"),
    "fracture_history": (
        {"code": "vertebral_fracture_history", "weeks_since": 20},
        "M . M . M X X",
    ),
    "fracture_recent": ({"code": "vertebral_fracture_recent", "weeks_since": 4}, "X X X X X X X"),
    "pregnancy_early": ({"code": "pregnancy", "weeks": 8}, ". . . . M . ."),
    "pregnancy_mid": ({"code": "pregnancy", "weeks": 20}, ". . X M M M M"),
    "pregnancy_late": ({"code": "pregnancy", "weeks": 32}, ". . X M M X M"),
    "sciatica": ({"code": "acute_sciatica"}, "M . M M M M M"),
    "stenosis": ({"code": "lumbar_spinal_stenosis"}, "M . X M . . ."),
    "spondylolisthesis": ({"code": "spondylolisthesis"}, "M . X M M . ."),
    "spinal_surgery": ({"code": "spinal_surgery", "weeks_since": 10}, "X X X X X X X"),
    "abdominal_surgery": ({"code": "abdominal_surgery", "weeks_since": 2}, "M . X M M M M"),
    "hip_posterior": (
        {"code": "hip_replacement", "weeks_since": 4, "approach": "posterior"},
        "M . . . M X X",
    ),
    "hip_unknown": ({"code": "hip_replacement", "weeks_since": 4}, "M . . . M X X"),
    "hip_anterior": (
        {"code": "hip_replacement", "weeks_since": 4, "approach": "anterior"},
        ". . . . . . .",
    ),
    "acute_lbp": ({"code": "acute_nonspecific_low_back_pain"}, ". . . . . . ."),
}
_MARK = {".": Mark.OFFER, "M": Mark.MODIFY, "X": Mark.MUST_NOT}


def marks_of(*entries: dict[str, object], today: date = TODAY) -> str:
    p = derive_precautions([parse_condition(e) for e in entries], today=today)
    back = {v: k for k, v in _MARK.items()}
    return " ".join(back[p.mark_for(e)] for e in IDS)


def test_table_columns_are_the_builtin_ids() -> None:
    assert EXERCISE_IDS == IDS == load_builtin().ids


@pytest.mark.parametrize("row", sorted(EXPECTED))
def test_each_table_row(row: str) -> None:
    entry, expected = EXPECTED[row]
    assert marks_of(entry) == expected


def test_every_table_row_is_reached_by_some_condition() -> None:
    reached = {table_row(parse_condition(e), TODAY) for e, _ in EXPECTED.values()}
    assert reached == set(TABLE)


def test_no_conditions_offers_everything_normally() -> None:
    p = derive_precautions([], today=TODAY)
    assert all(p.mark_for(e) is Mark.OFFER for e in IDS)
    assert set(p.marks) == set(IDS)


@pytest.mark.parametrize(
    ("weeks", "row"),
    [
        (0, "pregnancy_under_13"),
        (12, "pregnancy_under_13"),
        (12.9, "pregnancy_under_13"),
        (13, "pregnancy_13_to_27"),
        (27, "pregnancy_13_to_27"),
        (27.9, "pregnancy_13_to_27"),
        (28, "pregnancy_28_plus"),
        (40, "pregnancy_28_plus"),
        (None, "pregnancy_28_plus"),  # unknown weeks: the strictest pregnancy row
    ],
)
def test_pregnancy_window_edges(weeks: float | None, row: str) -> None:
    assert table_row(parse_condition({"code": "pregnancy", "weeks": weeks}), TODAY) == row


@pytest.mark.parametrize(
    ("entry", "row"),
    [
        ({"code": "spinal_surgery", "weeks_since": 25.9}, "spinal_surgery"),
        ({"code": "spinal_surgery", "weeks_since": 26}, None),
        ({"code": "spinal_surgery", "weeks_since": 6, "cleared_by_surgical_team": True}, None),
        ({"code": "abdominal_surgery", "weeks_since": 5.9}, "abdominal_surgery"),
        ({"code": "abdominal_surgery", "weeks_since": 6}, None),
        ({"code": "hip_replacement", "weeks_since": 11.9}, "hip_replacement_posterior"),
        ({"code": "hip_replacement", "weeks_since": 12}, None),
        ({"code": "hip_replacement", "weeks_since": 12, "approach": "anterior"}, None),
        ({"code": "vertebral_fracture_recent", "weeks_since": 11.9}, "vertebral_fracture_recent"),
        ({"code": "vertebral_fracture_recent", "weeks_since": 12}, "vertebral_fracture_history"),
        ({"code": "vertebral_fracture_history", "weeks_since": 6}, "vertebral_fracture_recent"),
        ({"code": "vertebral_fracture_history"}, "vertebral_fracture_history"),
        ({"code": "vertebral_fracture_recent"}, "vertebral_fracture_recent"),
        ({"code": "spinal_surgery"}, "spinal_surgery"),  # no date: counts from today
    ],
)
def test_surgery_and_fracture_window_edges(entry: dict[str, object], row: str | None) -> None:
    assert table_row(parse_condition(entry), TODAY) == row


def test_outside_the_window_is_normal() -> None:
    assert marks_of({"code": "spinal_surgery", "weeks_since": 30}) == ". . . . . . ."
    assert marks_of({"code": "hip_replacement", "weeks_since": 12}) == ". . . . . . ."
    assert marks_of({"code": "abdominal_surgery", "weeks_since": 6}) == ". . . . . . ."


def test_recorded_windows_age_by_themselves() -> None:
    recorded = TODAY - timedelta(days=7)
    pregnancy = parse_condition({"code": "pregnancy", "weeks": 12}, recorded_on=recorded)
    assert table_row(pregnancy, TODAY) == "pregnancy_13_to_27"
    assert table_row(pregnancy, recorded) == "pregnancy_under_13"
    late = parse_condition({"code": "pregnancy", "weeks": 27}, recorded_on=recorded)
    assert table_row(late, TODAY) == "pregnancy_28_plus"
    surgery = parse_condition({"code": "spinal_surgery", "weeks_since": 25}, recorded_on=recorded)
    assert table_row(surgery, recorded) == "spinal_surgery"
    assert table_row(surgery, TODAY) is None
    undated = parse_condition({"code": "abdominal_surgery"}, recorded_on=TODAY)
    assert table_row(undated, TODAY + timedelta(weeks=5)) == "abdominal_surgery"
    assert table_row(undated, TODAY + timedelta(weeks=6)) is None
    fracture = parse_condition({"code": "vertebral_fracture_recent"}, recorded_on=TODAY)
    assert table_row(fracture, TODAY + timedelta(weeks=12)) == "vertebral_fracture_history"


def test_several_conditions_take_the_strictest_mark() -> None:
    merged = marks_of({"code": "osteoporosis"}, {"code": "pregnancy", "weeks": 30})
    assert merged == "M . X M M X M"
    assert marks_of({"code": "acute_nonspecific_low_back_pain"}, {"code": "spinal_surgery"}) == (
        "X X X X X X X"
    )


def test_cat_camel_with_no_rounding_and_no_arching_is_not_offered() -> None:
    # Decision: osteoporosis says skip the rounded phase, stenosis the sagging one: nothing is left.
    assert marks_of({"code": "osteoporosis"}, {"code": "lumbar_spinal_stenosis"}).startswith("X")
    assert marks_of({"code": "osteoporosis"}, {"code": "acute_sciatica"}).startswith("M")


def test_modification_texts_combine_the_base_and_each_conditions_note() -> None:
    p = derive_precautions(
        [
            parse_condition({"code": "pregnancy", "weeks": 20}),
            parse_condition({"code": "acute_sciatica"}),
        ],
        today=TODAY,
    )
    bridge = p.modification_for("bridge")
    assert bridge is not None
    assert bridge.startswith("Lift your hips only until they line up with your thighs.")
    assert "30 seconds" in bridge and "leg spreads" in bridge
    assert p.modification_for("prone_extension") is None  # must not, so no text
    assert not p.allows("prone_extension")
    assert p.modification_for("butterfly") is None


def test_modified_exercises_always_have_a_text() -> None:
    for entry, _ in EXPECTED.values():
        p = derive_precautions([parse_condition(entry)], today=TODAY)
        for exercise_id, mark in p.marks.items():
            assert (p.modification_for(exercise_id) is not None) == (mark is Mark.MODIFY)


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        ({"code": "back_ache"}, "code"),
        ({}, "code"),
        ({"code": "pregnancy", "week": 3}, "week"),
        ({"code": "hip_replacement", "approach": "sideways"}, "approach"),
        ({"code": "pregnancy", "weeks": -1}, "weeks"),
        ({"code": "spinal_surgery", "cleared_by_surgical_team": "yes"}, "cleared_by_surgical_team"),
    ],
)
def test_bad_conditions_are_clear_errors(entry: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidCondition) as err:
        parse_condition(entry)
    assert err.value.field == field
    assert field in str(err.value)


def test_builtin_traits_match_the_shipped_files() -> None:
    for exercise in load_builtin():
        traits = {*map(str, exercise.movements), str(exercise.position), *exercise.tags}
        assert BUILTIN_TRAITS[exercise.id] == traits


def test_own_exercise_takes_the_strictest_mark_of_builtins_it_resembles() -> None:
    standing_bend = make_exercise(
        id="my_toe_touch", movements=(Movement.FLEXION,), position=Position.STANDING, tags=()
    )
    hip = parse_condition({"code": "hip_replacement", "weeks_since": 2})
    p = derive_precautions([hip], today=TODAY, exercises=[standing_bend])
    assert p.mark_for("my_toe_touch") is Mark.MUST_NOT  # like knee_to_chest / kneeling_extension

    seated_twist = make_exercise(
        id="my_twist", movements=(Movement.ROTATION,), position=Position.SEATED, tags=()
    )
    p = derive_precautions([hip], today=TODAY, exercises=[seated_twist])
    assert p.mark_for("my_twist") is Mark.MODIFY
    assert "your own exercise" in (p.modification_for("my_twist") or "")

    stenosis = parse_condition({"code": "lumbar_spinal_stenosis"})
    standing_arch = make_exercise(
        id="my_arch", movements=(Movement.EXTENSION,), position=Position.STANDING, tags=()
    )
    p = derive_precautions([stenosis], today=TODAY, exercises=[standing_arch, standing_bend])
    assert p.mark_for("my_arch") is Mark.MUST_NOT  # extension, like prone_extension
    assert p.mark_for("my_toe_touch") is Mark.MODIFY  # flexion, like cat_camel
    assert p.mark_for("cat_camel") is Mark.MODIFY  # built-ins keep their own row


def make_exercise(**changes: object) -> Exercise:
    base = load_builtin().get("butterfly")
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


conditions_strategy = st.lists(
    st.one_of(
        st.builds(
            Condition,
            code=st.sampled_from(ConditionCode),
            weeks=st.none() | st.floats(0, 45),
            weeks_since=st.none() | st.floats(0, 60),
            cleared_by_surgical_team=st.booleans(),
            recorded_on=st.none() | st.dates(date(2025, 1, 1), TODAY),
        )
    ),
    max_size=5,
)


@given(conditions_strategy)
def test_merge_is_at_least_as_strict_as_every_single_condition(conditions: list[Condition]) -> None:
    merged = derive_precautions(conditions, today=TODAY)
    for condition in conditions:
        single = derive_precautions([condition], today=TODAY)
        for e in IDS:
            assert merged.mark_for(e).strictness >= single.mark_for(e).strictness
    for e in IDS:
        if merged.mark_for(e) is Mark.MUST_NOT:
            assert not merged.allows(e)
            assert merged.modification_for(e) is None
        row_marks = [
            _MARK[TABLE[r][e]] for c in conditions if (r := table_row(c, TODAY)) is not None
        ]
        if all(m is Mark.OFFER for m in row_marks):
            assert merged.mark_for(e) is Mark.OFFER


@given(conditions_strategy)
def test_no_must_not_mark_in_the_table_is_ever_allowed(conditions: list[Condition]) -> None:
    merged = derive_precautions(conditions, today=TODAY)
    for c in conditions:
        row = table_row(c, TODAY)
        if row is None:
            continue
        for e in IDS:
            if TABLE[row][e] == "X":
                assert not merged.allows(e)


def test_precautions_are_a_hashable_value_that_later_changes_cannot_reach() -> None:
    import copy
    import pickle

    from unkink.domain.safety.precautions import Mark, Precautions

    marks = {"bridge": Mark.MODIFY, "cobra": Mark.MUST_NOT}
    texts = {"bridge": "Lift only halfway."}
    first = Precautions(marks=marks, modifications=texts)
    second = Precautions(marks=dict(marks), modifications=dict(texts))
    assert first == second and hash(first) == hash(second)
    assert len({first, second, Precautions()}) == 2
    marks["bridge"] = Mark.OFFER  # the caller's dict, changed afterwards
    assert first.mark_for("bridge") is Mark.MODIFY and first == second
    with pytest.raises(TypeError):
        first.marks["cobra"] = Mark.OFFER  # type: ignore[index]
    assert pickle.loads(pickle.dumps(first)) == first == copy.deepcopy(first)
    assert Precautions(marks={"bridge": Mark.MUST_NOT}) != first
