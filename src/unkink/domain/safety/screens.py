"""The screening screens in order (safety evidence §2.4, revision 2), in plain words (§7).

Pure: no I/O. The emergency signs come first, as two checklists, so an emergency is found on
the first screens and the questions end right after it. Yes/no warning signs are grouped into
short checklists ("Tick all that apply, or None of these"), so a healthy first run is at most
15 screens. Every §2.4 field is still asked (tests check it), with the same skip rules.
"""

from __future__ import annotations

from unkink.domain.safety.questions import Answers, Kind, Question

TICK = "Tick all that apply, or None of these."


def _days(a: Answers) -> int:
    value = a.get("duration_days")
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _may_be_pregnant(a: Answers) -> bool:
    return a.get("sex") != "male"


def _pregnant(a: Answers) -> bool:
    return a.get("pregnant") is True


def _long_standing(a: Answers) -> bool:
    return _days(a) > 90


def _onset_age_under_45(a: Answers) -> bool:
    onset = a.get("age_at_onset")
    return _days(a) > 90 and (not isinstance(onset, int) or onset < 45)


URGENT = Question(
    "urgent_signs",
    f"First, some signs that need help straight away. Do you have any of these now? {TICK}",
    Kind.CHECKLIST,
    (
        ("saddle_numbness", "Numbness between your legs or around your bottom"),
        (
            "bladder_change_new",
            "Peeing is new and different: it is hard to start, or has a weak flow. Or you "
            "can't feel the need to go, or when you pee. Or you have new leaks",
        ),
        ("bowel_change_new", "Pooing is new and different: you can't feel it or control it"),
        ("sexual_sensation_change_new", "A new change in feeling in your private parts, or in sex"),
        ("walking_unsteady_new", "Walking has become unsteady or hard, in a new way"),
        (
            "chest_or_abdominal_pain_or_fainting",
            "Chest pain or belly pain with your back pain. Or sweating, fainting, "
            "or a throbbing feeling in your belly",
        ),
        (
            "neck_warning_symptoms",
            "After you moved or cracked your neck: you felt dizzy or saw double. Or you "
            "slurred your words or found it hard to swallow. Or you had a sudden fall, "
            "a numb face, or a sudden, very bad headache or neck pain",
        ),
        (
            "trauma=major",
            "It started after a big accident: a car crash, a fall from a height or a hard hit "
            "in sport",
        ),
    ),
    owns=(
        "saddle_numbness",
        "bladder_change_new",
        "bowel_change_new",
        "sexual_sensation_change_new",
        "walking_unsteady_new",
        "chest_or_abdominal_pain_or_fainting",
        "neck_warning_symptoms",
    ),
    short="Signs that need help straight away",
    emergency_signs=True,
)

LEGS = Question(
    "leg_signs",
    f"Do you have any of these in your legs? {TICK}",
    Kind.CHECKLIST,
    (
        ("leg_pain=one_leg", "Pain that runs down below the knee in one leg"),
        ("leg_pain=both_legs", "Pain that runs down below the knee in both legs"),
        ("leg_numbness_or_tingling=one_leg", "Numbness, tingling or pins and needles in one leg"),
        (
            "leg_numbness_or_tingling=both_legs",
            "Numbness, tingling or pins and needles in both legs",
        ),
        ("leg_weakness=one_leg_stable", "One leg feels weak, and it is not getting worse"),
        ("leg_weakness=one_leg_worsening", "One leg feels weak, and it is getting worse"),
        ("leg_weakness=both_legs", "Both legs feel weak"),
    ),
    owns=("leg_pain", "leg_numbness_or_tingling", "leg_weakness"),
    short="Your legs",
    emergency_signs=True,
)

START = Question(
    "how_it_goes",
    f"How did it start, and how does it behave? {TICK}",
    Kind.CHECKLIST,
    (
        ("trauma=minor", "It started after a small fall or bump"),
        ("onset=sudden", "It came on all at once, for example on a cough, a sneeze or a lift"),
        (
            "pain_pattern=constant_unrelieved",
            "It stays the same whatever I do. Rest or a change of position does not ease it",
        ),
        ("night_pain=wakes_me_constant_unrelieved", "It wakes me at night and nothing eases it"),
    ),
    owns=("trauma", "onset", "pain_pattern", "night_pain"),
    short="How it started and how it behaves",
)

HEALTH = Question(
    "health_signs",
    f"Do any of these apply to you now? {TICK}",
    Kind.CHECKLIST,
    (
        ("fever_or_chills", "I have a fever or chills"),
        ("feels_generally_unwell", "I feel unwell in general"),
        ("unexplained_weight_loss", "I have lost weight without trying"),
        ("iv_drug_use", "I inject drugs"),
        (
            "immunosuppressed",
            "My body's defence against infection is weak, from an illness or a medicine",
        ),
        (
            "recent_spinal_procedure_or_bacterial_infection",
            "In the last few months: an operation on your back or a shot in your back. "
            "Or an infection that needed antibiotics",
        ),
    ),
    owns=(
        "fever_or_chills",
        "feels_generally_unwell",
        "unexplained_weight_loss",
        "iv_drug_use",
        "immunosuppressed",
        "recent_spinal_procedure_or_bacterial_infection",
    ),
    short="Your health now",
)

HISTORY = Question(
    "history",
    f"Have you ever had any of these? {TICK}",
    Kind.CHECKLIST,
    (
        (
            "cancer_history=non_melanoma_skin_only",
            "A skin cancer that was removed and was not melanoma",
        ),
        ("cancer_history=yes", "Any other cancer"),
        (
            "long_term_oral_steroids",
            "Steroid tablets, like prednisolone, taken for 3 months or more",
        ),
        ("osteoporosis_known", "I was told I have thin bones (osteoporosis)"),
        (
            "already_assessed_by_clinician",
            "A doctor or physio has checked this back problem",
        ),
    ),
    owns=(
        "cancer_history",
        "long_term_oral_steroids",
        "osteoporosis_known",
        "already_assessed_by_clinician",
    ),
    short="Your health in the past",
)

SCREENS: tuple[Question, ...] = (
    URGENT,
    LEGS,
    Question("age", "How old are you?", Kind.NUMBER, high=120, short="Age"),
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
        short="Sex",
    ),
    Question("pregnant", "Are you pregnant?", applies=_may_be_pregnant, short="Pregnant"),
    Question(
        "pregnancy_weeks",
        "How many weeks pregnant are you?",
        Kind.NUMBER,
        high=45,
        applies=_pregnant,
        short="Weeks pregnant",
    ),
    Question(
        "pregnancy_warning_signs",
        "Do you have any bleeding, leaking fluid, or regular painful tightening of your belly? "
        "Or chest pain, a sore swollen calf, or feeling dizzy or faint?",
        applies=_pregnant,
        short="Warning signs in pregnancy",
        emergency_signs=True,
    ),
    Question(
        "main_symptom",
        "What bothers you most?",
        Kind.CHOICE,
        (
            ("stiffness", "Stiffness that eases when I move, and no pain when I rest"),
            ("pain", "Pain"),
            ("both", "Both stiffness and pain"),
        ),
        short="What bothers you",
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
        short="Where",
    ),
    Question(
        "duration_days",
        "How many days ago did it start? A rough guess is fine.",
        Kind.NUMBER,
        high=36500,
        short="Days since it started",
    ),
    START,
    Question(
        "pain_trend",
        "Over the last few weeks, is it getting better, staying the same, or getting worse?",
        Kind.CHOICE,
        (
            ("improving", "Getting better"),
            ("stable", "About the same"),
            ("worsening_over_weeks", "Getting worse"),
        ),
        short="Over the last few weeks",
    ),
    HEALTH,
    HISTORY,
    Question(
        "age_at_onset",
        "How old were you when this back problem first started?",
        Kind.NUMBER,
        high=120,
        applies=_long_standing,
        short="Age when it first started",
    ),
    Question(
        "spa_features",
        f"Which of these apply to you? {TICK}",
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
        short="Other signs",
    ),
)

SCREENS_BY_ID = {q.field: q for q in SCREENS}


def field_text(field: str) -> str:
    """Everything the screens say about one §2.4 field (for the wording tests)."""
    parts: list[str] = []
    for q in SCREENS:
        if q.kind is not Kind.CHECKLIST and q.field == field:
            parts.append(q.text)
        elif q.kind is Kind.CHECKLIST and field in q.fields:
            parts += [label for token, label in q.options if token.split("=")[0] == field]
    return " ".join(parts)


def screen_texts() -> tuple[str, ...]:
    """Every fixed user-facing string of the screens (for the wording tests)."""
    return tuple(t for q in SCREENS for t in (q.text, q.short, *(lab for _, lab in q.options)))
