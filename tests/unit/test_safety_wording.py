"""Every user-facing safety string: plain (reading age <= 12), no banned claims, our own words.

Readability: textstat's Flesch-Kincaid grade, at most 7.0 (US grade + 5 ~= reading age, so
grade 7 ~= age 12), per string. textstat looks syllables up in NLTK's CMU dictionary, which is
not shipped with it and cannot be downloaded here; we use its pyphen fallback for every word
(``_pyphen_only``) so the check is the same on every machine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from unkink.domain.safety import (
    cracks,
    gate,
    intended_use,
    pain,
    precaution_table,
    referral,
    screening,
    screens,
)
from unkink.domain.safety.precautions import derive_precautions, parse_condition

MAX_GRADE = 7.0
MIN_WORDS = 6
"""Shorter strings (answer labels like "Female") are not scored: the formula needs sentences."""
BANNED = [
    r"\bcur(e|es|ed|ing)\b",
    r"\bfix(es|ed)?\b",
    r"\brealign",
    r"\bguarantee",
    r"good for everyone",
    r"not harmful",
    r"\bheal(s|ed)?\b",
    r"\bproves?\b",
    r"\bdiagnos(is|e)\b(?! the cause)",
]
GUIDE = Path(__file__).resolve().parents[3] / "shared" / "seed" / "back-cracking-guide.txt"


def all_texts() -> Iterator[str]:
    yield from screening.advice_texts()
    yield from pain.pain_texts()
    yield from cracks.crack_texts()
    yield from referral.referral_texts()
    yield from precaution_table.modification_texts()
    yield from gate.gate_texts()
    yield from intended_use.intended_use_texts()
    yield from screens.screen_texts()
    for rule in screening.RULES:  # every advice as assembled for a single rule
        yield screening.advice_for(rule.urgency, (rule.id,))
    yield screening.advice_for(screening.Urgency.SEE_DOCTOR_SOON, ("S1", "S3", "S8"))
    for code in ("osteoporosis", "pregnancy", "acute_sciatica", "abdominal_surgery"):
        p = derive_precautions([parse_condition({"code": code})], today=date(2026, 1, 1))
        yield from p.modifications.values()


@pytest.fixture(scope="module")
def grade():  # type: ignore[no-untyped-def]
    import textstat
    import textstat.backend.counts._count_syllables as syllables

    original = syllables.get_cmudict
    syllables.get_cmudict = lambda lang: None  # pyphen for every word
    yield textstat.flesch_kincaid_grade
    syllables.get_cmudict = original


@pytest.mark.parametrize("text", sorted(t for t in set(all_texts()) if len(t.split()) >= MIN_WORDS))
def test_reads_at_age_12_or_younger(text: str, grade) -> None:  # type: ignore[no-untyped-def]
    assert grade(text) <= MAX_GRADE, text


@pytest.mark.parametrize("text", sorted(set(all_texts())))
def test_makes_no_banned_claim(text: str) -> None:
    for pattern in BANNED:
        assert not re.search(pattern, text, re.IGNORECASE), (pattern, text)


def test_never_presents_popping_as_a_goal() -> None:
    for text in all_texts():
        assert not re.search(r"\b(try|aim|want) to (get a |)(pop|crack)", text, re.I), text


@pytest.mark.skipif(not GUIDE.exists(), reason="shared/seed guide not beside the repo")
def test_no_sentence_is_copied_from_the_seed_guide() -> None:
    guide = re.sub(r"\s+", " ", GUIDE.read_text("utf-8").lower())
    for text in all_texts():
        for sentence in re.split(r"(?<=[.?!])\s+", text):
            words = sentence.lower().strip(" .?!").split()
            for i in range(len(words) - 5):  # no run of 6 words taken from the guide
                assert " ".join(words[i : i + 6]) not in guide, sentence


def test_every_screening_field_has_a_question() -> None:
    from unkink.domain.safety.answers import FIELD_NAMES

    asked = {f for q in screens.SCREENS for f in q.fields}
    assert asked == set(FIELD_NAMES)
