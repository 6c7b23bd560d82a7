"""Pain during and after exercise (safety evidence §5): what to do when something hurts.

Pure: no I/O. ``assess_pain`` turns the player's "this hurts" answers into a decision;
``next_day_advice`` applies the next-day rule to one exercise's history.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from unkink.domain.errors import InvalidInput


class PainAction(StrEnum):
    CARRY_ON = "carry_on"  # 0-2/10: fine
    CARRY_ON_SMALLER = "carry_on_smaller"  # 3-5/10: smaller range, must settle in minutes
    STOP_EXERCISE = "stop_exercise"  # > 5/10
    STOP_SESSION_AND_RESCREEN = "stop_session_and_rescreen"  # any stop-at-once sign

    @property
    def rescreen(self) -> bool:
        return self is PainAction.STOP_SESSION_AND_RESCREEN


class InvalidPainReport(InvalidInput):
    pass


STOP_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("sharp_or_catching", "Is the pain sharp, stabbing or catching?"),
    ("spreads_down_leg", "Is the pain or tingling spreading further down your leg?"),
    ("new_numbness_or_weakness", "Do you have new numbness, tingling or weakness?"),
    ("dizziness_or_faint", "Do you feel dizzy, sick or faint?"),
    ("chest_pain_or_breathless", "Do you have chest pain or trouble breathing?"),
    (
        "warning_symptoms",
        "Do you have blurred or double vision, slurred speech or trouble swallowing? "
        "Or a sudden, very bad headache or neck pain? "
        "If you are pregnant: any bleeding, leaking fluid, painful tightening of your belly, "
        "or a sore, swollen calf?",
    ),
)
"""The stop-at-once questions (§5), field name and plain question, in the order to ask them."""


@dataclass(frozen=True, slots=True)
class PainReport:
    score: int
    spreads_down_leg: bool = False
    new_numbness_or_weakness: bool = False
    dizziness_or_faint: bool = False
    chest_pain_or_breathless: bool = False
    sharp_or_catching: bool = False
    warning_symptoms: bool = False  # E11 (neck) or E12 (pregnancy) signs
    pregnant: bool = False

    def __post_init__(self) -> None:
        if isinstance(self.score, bool) or not isinstance(self.score, int):
            raise InvalidPainReport(
                f"Pain score must be a whole number from 0 to 10, not {self.score!r}."
            )
        if not 0 <= self.score <= 10:
            raise InvalidPainReport(f"Pain score must be from 0 to 10, not {self.score}.")

    @property
    def stop_signs(self) -> tuple[str, ...]:
        return tuple(name for name, _ in STOP_QUESTIONS if getattr(self, name))


@dataclass(frozen=True, slots=True)
class PainDecision:
    action: PainAction
    message: str
    signs: tuple[str, ...] = ()


CARRY_ON_TEXT = "A mild stretch feeling is fine. Keep going gently."
SMALLER_TEXT = (
    "Make the movement smaller and go more gently. "
    "If the pain does not settle within a few minutes after you stop, skip this stretch."
)
STOP_EXERCISE_TEXT = (
    "Stop this stretch now. A stretch should feel tight, not painful. "
    "Rest, then go on to the next one if you feel fine."
)
RESCREEN_TEXT = (
    "Stop the session now. Please answer the safety questions again before your next session."
)
CHEST_TEXT = "If you have chest pain or trouble breathing, call emergency services now."
WARNING_TEXT = (
    "These signs need help now. Call emergency services or go to the emergency department."
)
PREGNANT_DIZZY_TEXT = "If you are lying on your back, roll slowly onto your side."


def assess_pain(report: PainReport) -> PainDecision:
    """§5: any stop-at-once sign ends the session; otherwise the 0-10 score decides."""
    signs = report.stop_signs
    if signs:
        parts = [RESCREEN_TEXT]
        if report.warning_symptoms:
            parts.append(WARNING_TEXT)
        elif report.chest_pain_or_breathless:
            parts.append(CHEST_TEXT)
        if report.dizziness_or_faint and report.pregnant:
            parts.insert(0, PREGNANT_DIZZY_TEXT)
        return PainDecision(PainAction.STOP_SESSION_AND_RESCREEN, " ".join(parts), signs)
    if report.score > 5:
        return PainDecision(PainAction.STOP_EXERCISE, STOP_EXERCISE_TEXT)
    if report.score >= 3:
        return PainDecision(PainAction.CARRY_ON_SMALLER, SMALLER_TEXT)
    return PainDecision(PainAction.CARRY_ON, CARRY_ON_TEXT)


class NextDay(StrEnum):
    KEEP = "keep"
    SMALLER_RANGE = "smaller_range"
    DROP = "drop"


@dataclass(frozen=True, slots=True)
class NextDayDecision:
    advice: NextDay
    message: str
    suggest_physio: bool = False


SMALLER_NEXT_TIME_TEXT = (
    "This stretch left you feeling worse the next morning. "
    "Next time we will use a smaller range and shorter holds."
)
DROP_TEXT = (
    "This stretch has left you feeling worse the next morning twice. "
    "We will leave it out from now on. "
    "A physiotherapist can check your back and suggest what suits you."
)


def next_day_advice(worse_mornings: Sequence[bool]) -> NextDayDecision:
    """The next-day rule for one exercise, over its rated sessions (oldest first).

    Decision: "worse after two sessions" counts any two sessions of that exercise that were
    followed by a clearly worse morning (not only two in a row); one such session keeps the
    range smaller from then on.
    """
    worse = sum(1 for w in worse_mornings if w)
    if worse >= 2:
        return NextDayDecision(NextDay.DROP, DROP_TEXT, suggest_physio=True)
    if worse == 1:
        return NextDayDecision(NextDay.SMALLER_RANGE, SMALLER_NEXT_TIME_TEXT)
    return NextDayDecision(NextDay.KEEP, "")


def pain_texts() -> tuple[str, ...]:
    """Every fixed user-facing string of this module (for the wording tests)."""
    return (
        CARRY_ON_TEXT,
        SMALLER_TEXT,
        STOP_EXERCISE_TEXT,
        RESCREEN_TEXT,
        CHEST_TEXT,
        WARNING_TEXT,
        PREGNANT_DIZZY_TEXT,
        SMALLER_NEXT_TIME_TEXT,
        DROP_TEXT,
        *(q for _, q in STOP_QUESTIONS),
    )
