"""The combined conditions behind some screening rules (safety evidence §2), one function each.

Pure: no I/O. ``screening.RULES`` cites them; choices where §2 leaves room are marked
"Decision:".
"""

from __future__ import annotations

from unkink.domain.safety.answers import (
    CancerHistory,
    LegNumbness,
    LegPain,
    LegWeakness,
    MainSymptom,
    Onset,
    PainTrend,
    ScreeningAnswers,
    SpaFeature,
    Trauma,
)

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
