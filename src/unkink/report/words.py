"""Plain lines the report writers share: the safety result, conditions, pain stops, cracks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from unkink.domain.safety.pain import PainAction
from unkink.domain.safety.urgency import Urgency
from unkink.services.report import ReportData

if TYPE_CHECKING:
    from unkink.domain.safety.precautions import Condition

URGENCY_WORDS = {
    Urgency.SELF_CARE_OK: "OK to stretch (self-care)",
    Urgency.ROUTINE_REVIEW: (
        "Gentle stretches are fine; book a normal visit with a GP or physio in the next few weeks"
    ),
    Urgency.SEE_DOCTOR_SOON: "See a doctor soon",
    Urgency.EMERGENCY: "Get help now",
}
"""Every urgency level in plain words (a unit test checks none is missing)."""
DECISION_WORDS = {
    PainAction.CARRY_ON: "carried on",
    PainAction.CARRY_ON_SMALLER: "carried on more gently",
    PainAction.STOP_EXERCISE: "stopped that stretch (pain above 5 out of 10)",
    PainAction.STOP_SESSION_AND_RESCREEN: (
        "stopped the session and answered the safety questions again"
    ),
}
SIGN_WORDS = {
    "sharp_or_catching": "sharp or catching pain",
    "spreads_down_leg": "pain spreading down the leg",
    "new_numbness_or_weakness": "new numbness or weakness",
    "dizziness_or_faint": "dizzy or faint",
    "chest_pain_or_breathless": "chest pain or breathless",
    "warning_symptoms": "a warning sign",
}
CRACK_RULE = (
    "The guide's rule of thumb: cracking about once a day, or less, is fine. Cracking every "
    "few hours may mean strain from doing it again and again. No study sets a safe number."
)
CRACK_STATUS_WORDS = {
    "fine": "within the guide's rule",
    "frequent": "more often than the guide suggests",
    "repetitive_stress": "every few hours on several days",
}


def screening_line(data: ReportData) -> str:
    s = data.safety.screening
    if s is None:
        return "No safety check answered yet."
    word = URGENCY_WORDS[Urgency(s.urgency)]
    return f"{word}, answered {s.taken_at:%-d %b %Y}."


def condition_words(condition: Condition) -> str:
    """The condition in words, with its procedure as the person wrote it ("Recent spinal
    surgery (microdiscectomy)"): the spec shows the procedure in the clinician summary."""
    words = str(condition.code).replace("_", " ").capitalize()
    procedure = (condition.procedure or "").strip()
    return f"{words} ({procedure})" if procedure else words


def pain_stop_lines(data: ReportData) -> list[str]:
    lines = []
    for p in data.pain_stops:
        signs = [SIGN_WORDS[k] for k, v in p.answers.items() if v is True and k in SIGN_WORDS]
        what = DECISION_WORDS[p.decision]
        during = f" during {data.name(p.exercise_id)}" if p.exercise_id else ""
        extra = f"; signs: {', '.join(signs)}" if signs else ""
        lines.append(f"{p.at:%-d %b %Y}: pain {p.score}/10{during}, {what}{extra}.")
    return lines


def crack_line(data: ReportData) -> str:
    n = len(data.safety.cracks)
    if not n:
        return "No cracks logged."
    status = CRACK_STATUS_WORDS.get(data.safety.crack_status, data.safety.crack_status)
    return f"{n} cracks logged in all. Last 30 days: {status}."


def period_line(data: ReportData) -> str:
    if data.first_day is None or data.last_day is None:
        return "No records yet."
    return f"{data.first_day:%-d %b %Y} to {data.last_day:%-d %b %Y}"
