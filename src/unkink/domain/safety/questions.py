"""The screening questionnaire (safety evidence §2.4) in plain words, with its skip rules.

Pure: no I/O. Each ``Question`` fills one §2.4 field and says when it applies, given the
answers so far (pregnancy weeks only if pregnant, and so on). The most urgent questions come
early, so an emergency is found before the long tail. Front ends (CLI, web) ask them in order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

Answers = Mapping[str, object]


class Kind(StrEnum):
    YES_NO = "yes_no"
    CHOICE = "choice"
    NUMBER = "number"
    MANY = "many"  # pick any number of options


def _always(_: Answers) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Question:
    field: str
    text: str
    kind: Kind = Kind.YES_NO
    options: tuple[tuple[str, str], ...] = ()
    """(value, plain label) pairs for CHOICE and MANY questions."""
    low: int = 0
    high: int = 120
    applies: Callable[[Answers], bool] = _always


def _days(a: Answers) -> int:
    value = a.get("duration_days")
    return value if isinstance(value, int) else 0


def _may_be_pregnant(a: Answers) -> bool:
    return a.get("sex") != "male"


def _pregnant(a: Answers) -> bool:
    return a.get("pregnant") is True


def _onset_age_under_45(a: Answers) -> bool:
    onset = a.get("age_at_onset")
    return _days(a) > 90 and (not isinstance(onset, int) or onset < 45)


QUESTIONS: tuple[Question, ...] = (
    Question("age", "How old are you?", Kind.NUMBER, high=120),
    Question(
        "sex",
        "What is your sex?",
        Kind.CHOICE,
        (
            ("female", "Female"),
            ("male", "Male"),
            ("other", "Other"),
            ("prefer_not_to_say", "I'd rather not say"),
        ),
    ),
    Question("pregnant", "Are you pregnant?", applies=_may_be_pregnant),
    Question(
        "pregnancy_weeks",
        "How many weeks pregnant are you?",
        Kind.NUMBER,
        high=45,
        applies=_pregnant,
    ),
    Question(
        "pregnancy_warning_signs",
        "Do you have any bleeding, leaking fluid, or regular painful tightening of your belly? "
        "Or chest pain, a sore swollen calf, or feeling dizzy or faint?",
        applies=_pregnant,
    ),
    Question(
        "pain_area",
        "Where is your pain or stiffness?",
        Kind.CHOICE,
        (
            ("low_back", "Lower back"),
            ("mid_upper_back", "Middle or upper back"),
            ("neck", "Neck"),
            ("whole_back", "All over my back"),
        ),
    ),
    Question("duration_days", "How many days ago did it start?", Kind.NUMBER, high=36500),
    Question(
        "trauma",
        "Did it start after a fall or a knock?",
        Kind.CHOICE,
        (
            ("none", "No"),
            ("minor", "Yes, a small fall or bump"),
            (
                "major",
                "Yes, a big accident: a car crash, a fall from a height or a hard hit in sport",
            ),
        ),
    ),
    Question(
        "onset",
        "Did it come on slowly, or all at once?",
        Kind.CHOICE,
        (("gradual", "Slowly"), ("sudden", "All at once, for example on a cough, sneeze or lift")),
    ),
    Question(
        "chest_or_abdominal_pain_or_fainting",
        "Along with your back pain, do you have chest pain or belly pain? "
        "Or sweating, fainting, or a throbbing feeling in your belly?",
    ),
    Question("saddle_numbness", "Is there numbness between your legs or around your bottom?"),
    Question(
        "bladder_change_new",
        "Is peeing newly different? For example: hard to start, a weak flow, "
        "not feeling when you need to go or when you pee, or new leaks.",
    ),
    Question(
        "bowel_change_new",
        "Is pooing newly different? For example: you can't feel it or control it.",
    ),
    Question(
        "sexual_sensation_change_new",
        "Is there a new change in feeling in your private parts, or in sex?",
    ),
    Question("leg_pain", "Does pain go down into a leg?"),
    Question(
        "leg_numbness_or_tingling",
        "Do you have numbness, tingling or pins and needles in your legs?",
        Kind.CHOICE,
        (("none", "No"), ("one_leg", "Yes, in one leg"), ("both_legs", "Yes, in both legs")),
    ),
    Question(
        "leg_weakness",
        "Does a leg feel weak?",
        Kind.CHOICE,
        (
            ("none", "No"),
            ("one_leg_stable", "One leg, and it is not getting worse"),
            ("one_leg_worsening", "One leg, and it is getting worse"),
            ("both_legs", "Both legs"),
        ),
    ),
    Question("walking_unsteady_new", "Has walking become unsteady or hard, in a new way?"),
    Question(
        "neck_warning_symptoms",
        "Think of times after you moved or cracked your neck. Did you feel dizzy or see double? "
        "Did you slur your words or find it hard to swallow? Did you fall all of a sudden, "
        "feel your face go numb, or get a sudden, very bad headache or neck pain?",
    ),
    Question("fever_or_chills", "Do you have a fever or chills?"),
    Question("iv_drug_use", "Do you inject drugs?"),
    Question(
        "immunosuppressed",
        "Is your body's defence against infection weak, from illness or medicine?",
    ),
    Question(
        "recent_spinal_procedure_or_bacterial_infection",
        "In the last few months, have you had a back operation or a back injection? "
        "Or an infection that needed antibiotics?",
    ),
    Question("feels_generally_unwell", "Do you feel unwell in general?"),
    Question("unexplained_weight_loss", "Have you lost weight without trying?"),
    Question(
        "cancer_history",
        "Have you ever had cancer?",
        Kind.CHOICE,
        (
            ("none", "No"),
            ("yes", "Yes"),
            ("non_melanoma_skin_only", "Only a skin cancer that was removed and was not melanoma"),
        ),
    ),
    Question(
        "long_term_oral_steroids",
        "Have you taken steroid tablets, like prednisolone, for 3 months or more?",
    ),
    Question("osteoporosis_known", "Have you been told you have thin bones (osteoporosis)?"),
    Question(
        "pain_trend",
        "Over the last few weeks, is it getting better, staying the same, or getting worse?",
        Kind.CHOICE,
        (
            ("improving", "Getting better"),
            ("stable", "About the same"),
            ("worsening_over_weeks", "Getting worse"),
        ),
    ),
    Question(
        "pain_pattern",
        "Does the pain ease when you rest or change position?",
        Kind.CHOICE,
        (
            ("mechanical", "Yes, it eases"),
            ("constant_unrelieved", "No, it stays the same whatever I do"),
        ),
    ),
    Question(
        "night_pain",
        "Does the pain wake you at night?",
        Kind.CHOICE,
        (
            ("none", "No"),
            ("only_when_turning", "Only when I turn over"),
            ("wakes_me_constant_unrelieved", "Yes, and nothing eases it"),
        ),
    ),
    Question(
        "already_assessed_by_clinician",
        "Has a doctor or physiotherapist checked this back pain?",
        applies=lambda a: _days(a) > 42,
    ),
    Question(
        "age_at_onset",
        "How old were you when this back pain first started?",
        Kind.NUMBER,
        high=120,
        applies=lambda a: _days(a) > 90,
    ),
    Question(
        "spa_features",
        "Which of these apply to you? Pick all that do.",
        Kind.MANY,
        (
            ("wakes_second_half_of_night", "The pain wakes me in the second half of the night"),
            ("buttock_pain", "I have pain in my buttocks"),
            ("improves_with_movement", "It gets better when I move"),
            ("improves_with_nsaids_48h", "Painkillers like ibuprofen help within 2 days"),
            (
                "first_degree_relative_spa",
                "A parent, brother, sister or child has a spine joint illness",
            ),
            ("arthritis", "I have arthritis"),
            ("enthesitis", "I have sore spots where tendons join bone, like my heel"),
            ("psoriasis", "I have psoriasis (a skin illness with scaly patches)"),
        ),
        applies=_onset_age_under_45,
    ),
)

QUESTIONS_BY_FIELD = {q.field: q for q in QUESTIONS}


def to_answer_value(question: Question, raw: str | list[str] | int) -> object:
    """Turn what a front end collected into the §2.4 value (yes/no -> bool)."""
    if question.kind is Kind.YES_NO:
        return raw == "yes"
    return raw


def question_texts() -> tuple[str, ...]:
    """Every fixed user-facing string of this module (for the wording tests)."""
    return tuple(q.text for q in QUESTIONS)
