"""The plain-words questions and texts carry every sign the specification lists (§2.1, §5, §7).

A question that leaves out one of a rule's signs makes that rule silently miss it, so each
sign of the rule is looked for, in plain words, in the question that fills its field.
"""

from __future__ import annotations

import pytest

from unkink.domain.safety.pain import STOP_QUESTIONS
from unkink.domain.safety.referral import SUGGESTION_TEXT, suggest_referral
from unkink.domain.safety.screens import field_text

# field -> plain words for each sign the rule lists (any one spelling per sign is enough)
SIGNS: dict[str, list[tuple[str, ...]]] = {
    # E1: trouble starting or must strain, weak flow, can't feel a full bladder or passing
    # urine, new leaking.
    "bladder_change_new": [
        ("hard to start", "strain"),
        ("weak flow",),
        ("need to go",),
        ("when you pee", "while you pee", "as you pee"),
        ("new leaks",),
    ],
    # E11: dizziness, double vision, slurred speech, trouble swallowing, drop attacks, facial
    # numbness or a sudden "worst ever" headache/neck pain.
    "neck_warning_symptoms": [
        ("dizzy",),
        ("double",),
        ("slur",),
        ("swallow",),
        ("fall",),
        ("face",),
        ("headache",),
        ("neck pain",),
    ],
    # E12: vaginal bleeding, regular painful contractions, fluid leaking, chest pain, calf
    # pain/swelling, dizziness or fainting.
    "pregnancy_warning_signs": [
        ("bleeding",),
        ("tightening",),
        ("leaking fluid",),
        ("chest pain",),
        ("calf",),
        ("dizzy",),
        ("faint",),
    ],
}


@pytest.mark.parametrize("field", sorted(SIGNS))
def test_each_question_names_every_sign_of_its_rule(field: str) -> None:
    text = field_text(field).lower()
    missing = [sign for sign in SIGNS[field] if not any(s in text for s in sign)]
    assert not missing, (field, missing)


def test_pain_stop_questions_cover_the_e11_and_e12_signs() -> None:
    """§5: stop at once on E11/E12 symptoms (the other stop questions cover dizziness,
    numbness and chest pain)."""
    asked = " ".join(q for _, q in STOP_QUESTIONS).lower()
    for sign in ("double", "slur", "swallow", "headache", "neck pain", "bleeding", "calf"):
        assert sign in asked, sign


def test_referral_is_neutral_a_gp_or_physiotherapist_first() -> None:
    """§7: refer neutrally to "a GP or physiotherapist"; chiropractic may be offered as an
    option alongside exercise, not as the referral itself."""
    assert "GP or a physiotherapist" in SUGGESTION_TEXT
    assert SUGGESTION_TEXT.index("GP") < SUGGESTION_TEXT.index("chiropractor")
    assert "alongside" in SUGGESTION_TEXT
    referral = suggest_referral(points=[], worse_mornings={"bridge": [True, True]})
    assert referral is not None and "GP or a physiotherapist" in referral.message
