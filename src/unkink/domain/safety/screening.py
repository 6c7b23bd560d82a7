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
    CancerHistory,
    LegNumbness,
    LegPain,
    LegWeakness,
    MainSymptom,
    NightPain,
    Onset,
    PainPattern,
    PainTrend,
    ScreeningAnswers,
    SpaFeature,
    Trauma,
    parse_answers,
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


_RISK_FACTORS = (
    "iv_drug_use",
    "immunosuppressed",
    "recent_spinal_procedure_or_bacterial_infection",
)


def _risk_factor(a: ScreeningAnswers) -> bool:
    return any(getattr(a, name) for name in _RISK_FACTORS)


def _cancer(a: ScreeningAnswers) -> bool:
    # S1 counts any cancer history except removed non-melanoma skin cancer.
    return a.cancer_history is CancerHistory.YES


def _has_pain(a: ScreeningAnswers) -> bool:
    # Decision (E4, rev. 2): back or leg pain = main_symptom is pain or both (absent reads as
    # pain), or leg pain was reported. Only stiffness with no leg pain is "no pain".
    return a.main_symptom is not MainSymptom.STIFFNESS or a.leg_pain is not LegPain.NONE


def _onset_age(a: ScreeningAnswers) -> float | None:
    if a.age_at_onset is not None:
        return a.age_at_onset
    if a.age is not None and a.duration_days is not None:
        return a.age - a.duration_days / 365.25
    return None


def _spa_count(a: ScreeningAnswers) -> int:
    features = set(a.spa_features)
    onset = _onset_age(a)
    # Decision (S10): an onset age under 35 counts as "began before 35" even if not ticked.
    if onset is not None and onset < 35:
        features.add(SpaFeature.ONSET_BEFORE_35)
    return len(features)


def _e9(a: ScreeningAnswers) -> bool:
    leg_or_gut = (
        a.leg_weakness is not LegWeakness.NONE
        or a.leg_numbness_or_tingling is not LegNumbness.NONE
        or a.leg_pain is not LegPain.NONE
        or a.walking_unsteady_new
        or a.bladder_change_new
        or a.bowel_change_new
    )
    return _cancer(a) and leg_or_gut


def _s4(a: ScreeningAnswers) -> bool:
    osteoporosis_event = a.osteoporosis_known and (
        a.trauma is Trauma.MINOR or a.onset is Onset.SUDDEN
    )
    older_bump = a.trauma is Trauma.MINOR and a.age is not None and a.age >= 65
    return a.long_term_oral_steroids or osteoporosis_event or older_bump


def _s8(a: ScreeningAnswers) -> bool:
    # "Pain (main_symptom pain or both) with no improvement after ~6 weeks (>42 days), never
    # assessed for this episode". Stiffness that eases with movement never fires S8 (rev. 2).
    return (
        a.main_symptom is not MainSymptom.STIFFNESS
        and a.duration_days is not None
        and a.duration_days > 42
        and a.pain_trend is not PainTrend.IMPROVING
        and not a.already_assessed_by_clinician
    )


def _s10(a: ScreeningAnswers) -> bool:
    onset = _onset_age(a)
    # Decision: "lasts > 3 months" = more than 90 days.
    long_enough = a.duration_days is not None and a.duration_days > 90
    # "Began before 35" (ticked) also means "began before 45", even with no ages given.
    before_45 = (onset is not None and onset < 45) or SpaFeature.ONSET_BEFORE_35 in a.spa_features
    return before_45 and long_enough and _spa_count(a) >= 3


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
