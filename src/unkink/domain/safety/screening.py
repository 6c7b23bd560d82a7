"""Red-flag screening (safety evidence §2): rules E1-E12 and S1-S10 over ``ScreeningAnswers``.

Pure: no I/O. One table row per rule, each citing its id. ``screen`` reports every rule that
matched and the urgency of the most serious one (revision 2: emergency > see_doctor_soon >
routine_review > self_care_ok).
Choices where §2 leaves room are marked "Decision:" next to the rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from unkink.domain.safety.answers import (
    LegNumbness,
    LegPain,
    LegWeakness,
    NightPain,
    PainPattern,
    PainTrend,
    ScreeningAnswers,
    Trauma,
    parse_answers,
)
from unkink.domain.safety.rule_checks import (
    _cancer,
    _e9,
    _has_pain,
    _risk_factor,
    _s4,
    _s8,
    _s10,
)
from unkink.domain.safety.urgency import (
    EMERGENCY_ADVICE,
    ROUTINE_REVIEW_RULES,
    SELF_CARE_ADVICE,
    Urgency,
    advice_for,
    gentle_movement_ok,
    urgency_texts,
)

__all__ = [
    "EMERGENCY_ADVICE",
    "ROUTINE_REVIEW_RULES",
    "SELF_CARE_ADVICE",
    "RULES",
    "Rule",
    "ScreeningAnswers",
    "ScreeningResult",
    "Urgency",
    "advice_for",
    "parse_answers",
    "screen",
]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    urgency: Urgency
    applies: Callable[[ScreeningAnswers], bool]
    reason: str
    """Why this matters, in plain words, shown with the result."""


_E = Urgency.EMERGENCY
_S = Urgency.SEE_DOCTOR_SOON
_R = Urgency.ROUTINE_REVIEW

RULES: tuple[Rule, ...] = (
    Rule("E1", _E, lambda a: a.bladder_change_new, "You have a new change in how you pee."),
    Rule("E2", _E, lambda a: a.bowel_change_new, "You have a new change in how you poo."),
    Rule(
        "E3",
        _E,
        lambda a: a.saddle_numbness,
        "You have numbness between your legs or around your bottom.",
    ),
    Rule(
        "E4",
        _E,
        lambda a: a.sexual_sensation_change_new and _has_pain(a),
        "You have a new change in feeling in your private parts, along with pain.",
    ),
    Rule(
        "E5",
        _E,
        lambda a: (
            a.leg_weakness in (LegWeakness.ONE_LEG_WORSENING, LegWeakness.BOTH_LEGS)
            or a.walking_unsteady_new
        ),
        "You have leg weakness that is getting worse, weak legs, or new trouble walking.",
    ),
    # E6 (rev. 2): sciatica-type pain, numbness or tingling in both legs. Decision: the
    # question asks about pain "that is new or getting worse", so both_legs alone fires E6.
    Rule(
        "E6",
        _E,
        lambda a: (
            a.leg_numbness_or_tingling is LegNumbness.BOTH_LEGS or a.leg_pain is LegPain.BOTH_LEGS
        ),
        "You have pain, numbness or tingling in both legs.",
    ),
    Rule("E7", _E, lambda a: a.trauma is Trauma.MAJOR, "Your pain started after a big accident."),
    Rule(
        "E8",
        _E,
        lambda a: a.fever_or_chills and _risk_factor(a),
        "You have a fever or chills, and a higher risk of a spine infection.",
    ),
    Rule(
        "E9",
        _E,
        _e9,
        "You have had cancer, and you also have leg or bladder or bowel symptoms.",
    ),
    # Decision (E10): the question already asks about these with the back pain, so the
    # answer alone fires E10; sudden onset is not required.
    Rule(
        "E10",
        _E,
        lambda a: a.chest_or_abdominal_pain_or_fainting,
        "You have chest or belly pain, sweating or fainting with your back pain.",
    ),
    Rule(
        "E11",
        _E,
        lambda a: a.neck_warning_symptoms,
        "You have warning signs after moving or cracking your neck.",
    ),
    # Decision (E12): the warning signs fire E12 even if "pregnant" was not ticked.
    Rule(
        "E12",
        _E,
        lambda a: a.pregnancy_warning_signs,
        "You have warning signs in pregnancy.",
    ),
    Rule("S1", _S, _cancer, "You have had cancer and you have back pain."),
    Rule(
        "S2",
        _S,
        lambda a: a.unexplained_weight_loss,
        "You have lost weight without trying.",
    ),
    Rule(
        "S3",
        _S,
        lambda a: (a.fever_or_chills or a.feels_generally_unwell) and not _risk_factor(a),
        "You have a fever, chills or feel unwell.",
    ),
    Rule("S4", _S, _s4, "A bone in your back might be cracked."),
    Rule(
        "S5",
        _S,
        lambda a: _risk_factor(a) and not a.fever_or_chills,
        "You have a higher risk of a spine infection.",
    ),
    Rule(
        "S6",
        _S,
        lambda a: (
            a.pain_pattern is PainPattern.CONSTANT_UNRELIEVED
            or a.night_pain is NightPain.WAKES_ME_CONSTANT_UNRELIEVED
        ),
        "Your pain does not ease with rest or moving, or it wakes you up.",
    ),
    Rule(
        "S7",
        _S,
        lambda a: a.pain_trend is PainTrend.WORSENING_OVER_WEEKS,
        "Your pain has been getting worse for weeks.",
    ),
    Rule(
        "S8",
        _R,
        _s8,
        "Your pain has not got better after about six weeks, and no one has checked it.",
    ),
    Rule(
        "S9",
        _S,
        lambda a: (
            a.leg_weakness is LegWeakness.ONE_LEG_STABLE
            or a.leg_numbness_or_tingling is LegNumbness.ONE_LEG
        ),
        "You have weakness, numbness or pins and needles in one leg.",
    ),
    Rule(
        "S10",
        _R,
        _s10,
        "Your pain has signs of a joint illness that a doctor should check.",
    ),
)

RULES_BY_ID = {rule.id: rule for rule in RULES}


@dataclass(frozen=True, slots=True)
class ScreeningResult:
    urgency: Urgency
    rules: tuple[str, ...]
    advice: str

    @property
    def gentle_movement_ok(self) -> bool:
        """True for self_care_ok and routine_review (§2.2b): gentle sessions may go on."""
        return gentle_movement_ok(self.urgency)

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple(RULES_BY_ID[r].reason for r in self.rules if r in RULES_BY_ID)

    def to_json(self) -> dict[str, object]:
        return {"urgency": str(self.urgency), "rules": list(self.rules), "advice": self.advice}


def screen(answers: ScreeningAnswers) -> ScreeningResult:
    """Every matching rule id, in table order, and the urgency of the most serious one."""
    matched = tuple(rule for rule in RULES if rule.applies(answers))
    urgency = max((r.urgency for r in matched), key=lambda u: u.rank, default=Urgency.SELF_CARE_OK)
    ids = tuple(r.id for r in matched)
    return ScreeningResult(urgency=urgency, rules=ids, advice=advice_for(urgency, ids))


def advice_texts() -> tuple[str, ...]:
    """Every fixed user-facing string of screening (for the wording tests)."""
    return (*urgency_texts(), *(r.reason for r in RULES))
