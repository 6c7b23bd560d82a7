"""The screening screens in order (safety evidence §2.4, revision 2), in plain words (§7).

Pure: no I/O. The emergency signs come first, as two checklists, so an emergency is found on
the first screens and the questions end right after it. Yes/no warning signs are grouped into
short checklists ("Tick all that apply, or None of these"), so a healthy first run is at most
15 screens. Every §2.4 field is still asked (tests check it), with the same skip rules.
"""

from __future__ import annotations

from unkink.domain.safety.checklists import HEALTH, HISTORY, LEGS, START, TICK, URGENT
from unkink.domain.safety.questions import Answers, Kind, Question

__all__ = ["LEGS", "SCREENS", "SCREENS_BY_ID", "TICK", "URGENT", "field_text", "screen_texts"]


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
        high_from="age",  # no older than the age given
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
