"""The checklist screens of the questionnaire (safety evidence §2.4, revision 2), in plain words.

Pure: no I/O. Each groups yes/no warning signs: "Tick all that apply, or None of these". The
two emergency checklists come first in ``screens.SCREENS``.
"""

from __future__ import annotations

from unkink.domain.safety.questions import Kind, Question

TICK = "Tick all that apply, or None of these."


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
