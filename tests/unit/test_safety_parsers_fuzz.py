"""Fuzzing the safety parsers (issue 10): whatever a file holds, the answers, profile and
crack-events parsers either return clean domain values or raise our own InvalidInput, never
anything else; and what they return can be stored and read back unchanged."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from unkink.domain.errors import InvalidInput
from unkink.domain.safety.answers import FIELD_NAMES, ScreeningAnswers, parse_answers
from unkink.domain.safety.cracks import parse_crack_events
from unkink.domain.safety.profile import parse_profile
from unkink.domain.safety.walk import next_step

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
KNOWN_KEYS = st.sampled_from(
    [
        *FIELD_NAMES,
        "timestamps",
        "period_start",
        "period_end",
        "conditions",
        "code",
        "weeks",
        "procedure",
    ]
)
OBJECTS = st.dictionaries(KNOWN_KEYS | st.text(max_size=10), JSON, max_size=6)


def _either(parse: Any, raw: object) -> Any:
    try:
        return parse(raw)
    except InvalidInput:
        return None


@settings(max_examples=300, deadline=None)
@given(OBJECTS | JSON)
def test_answers_parse_cleanly_or_say_why(raw: object) -> None:
    parsed = _either(parse_answers, raw)
    if parsed is not None:
        assert isinstance(parsed, ScreeningAnswers)
        stored = json.loads(json.dumps(parsed.to_json()))  # what the database keeps
        assert parse_answers(stored) == parsed


@settings(max_examples=300, deadline=None)
@given(OBJECTS | JSON)
def test_the_walk_never_fails_on_odd_answers(raw: object) -> None:
    if isinstance(raw, dict):
        _either(next_step, raw)


@settings(max_examples=300, deadline=None)
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "age": JSON,
            "sex": JSON,
            "conditions": st.lists(st.dictionaries(KNOWN_KEYS, JSON, max_size=4), max_size=3)
            | JSON,
        },
    )
    | JSON
)
def test_profiles_parse_cleanly_or_say_why(raw: object) -> None:
    parsed = _either(parse_profile, raw)
    if parsed is not None:
        for condition in parsed.conditions:
            assert json.dumps(condition.to_json())


ISO_ISH = st.text(alphabet="0123456789-T: +Z.", max_size=25) | st.datetimes().map(str)


@settings(max_examples=300, deadline=None)
@given(
    st.fixed_dictionaries(
        {"timestamps": st.lists(ISO_ISH | JSON, max_size=5) | JSON},
        optional={"period_start": ISO_ISH | JSON, "period_end": ISO_ISH | JSON},
    )
    | JSON
)
def test_crack_events_parse_cleanly_or_say_why(raw: object) -> None:
    times = _either(parse_crack_events, raw)
    if times is not None:
        assert all(t.tzinfo is None for t in times)
