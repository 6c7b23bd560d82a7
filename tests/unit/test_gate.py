"""The safety gate (pure): each reason to block, in order, and the S8/S10 gentle exception."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from unkink.domain.safety import gate as g
from unkink.domain.safety.gate import decide_gate
from unkink.domain.safety.urgency import Urgency

TODAY = date(2026, 3, 2)


def decide(**overrides: object) -> g.Gate:
    args: dict[str, object] = {
        "acknowledged": True,
        "screened_on": TODAY,
        "urgency": Urgency.SELF_CARE_OK,
        "rules": (),
        "pain_stop_since_screening": False,
        "today": TODAY,
    }
    return decide_gate(**{**args, **overrides})  # type: ignore[arg-type]


def test_up_to_date_self_care_is_allowed() -> None:
    assert decide() == g.Gate(True, False, g.OK, "", g.GateStep.SESSION)


@pytest.mark.parametrize(
    ("overrides", "reason", "step"),
    [
        ({"acknowledged": False}, g.NO_ACK, g.GateStep.ACKNOWLEDGE),
        ({"screened_on": None, "urgency": None}, g.NO_SCREENING, g.GateStep.SCREEN),
        ({"urgency": Urgency.EMERGENCY, "rules": ("E1",)}, g.EMERGENCY, g.GateStep.GET_HELP),
        (
            {"urgency": Urgency.SEE_DOCTOR_SOON, "rules": ("S2",)},
            g.SEE_DOCTOR,
            g.GateStep.SEE_DOCTOR,
        ),
        (
            {"urgency": Urgency.SEE_DOCTOR_SOON, "rules": ("S8", "S9")},
            g.SEE_DOCTOR,
            g.GateStep.SEE_DOCTOR,
        ),
        ({"pain_stop_since_screening": True}, g.PAIN_STOP, g.GateStep.RECHECK),
    ],
)
def test_each_reason_blocks_with_a_typed_next_step(
    overrides: dict[str, object], reason: str, step: g.GateStep
) -> None:
    result = decide(**overrides)
    assert not result.allowed and not result.gentle_only
    assert result.reason == reason
    assert result.step is step
    assert "unkink check" in result.next_step


@pytest.mark.parametrize("rules", [("S8",), ("S10",), ("S8", "S10")])
def test_routine_review_allows_gentle_sessions_with_the_referral(rules: tuple[str, ...]) -> None:
    result = decide(urgency=Urgency.ROUTINE_REVIEW, rules=rules)
    assert result.allowed and result.gentle_only and result.referral
    assert result.step is g.GateStep.GENTLE_SESSION
    assert "next few weeks" in result.reason and "days" not in result.reason


def test_see_doctor_soon_never_lets_sessions_through_by_rule_id() -> None:
    """Rev. 2: S8/S10 are not in see_doctor_soon any more, so no rule list opens it."""
    assert not decide(urgency=Urgency.SEE_DOCTOR_SOON, rules=("S8",)).allowed


def test_a_screening_is_good_for_30_days() -> None:
    assert decide(screened_on=TODAY - timedelta(days=30)).allowed
    stale = decide(screened_on=TODAY - timedelta(days=31))
    assert not stale.allowed and "31 days" in stale.reason
    assert not decide(
        screened_on=TODAY - timedelta(days=31), urgency=Urgency.ROUTINE_REVIEW, rules=("S8",)
    ).allowed
    assert stale.step is g.GateStep.RECHECK


def test_gentle_sessions_also_stop_after_a_pain_stop() -> None:
    result = decide(urgency=Urgency.ROUTINE_REVIEW, rules=("S8",), pain_stop_since_screening=True)
    assert not result.allowed and result.step is g.GateStep.RECHECK


def test_a_clinician_assessment_lets_see_doctor_soon_through_gently() -> None:
    result = decide(urgency=Urgency.SEE_DOCTOR_SOON, rules=("S9",), assessed_by_clinician=True)
    assert result.allowed and result.gentle_only
    assert result.reason == g.ASSESSED


def test_a_clinician_assessment_never_clears_an_emergency() -> None:
    result = decide(urgency=Urgency.EMERGENCY, rules=("E5",), assessed_by_clinician=True)
    assert not result.allowed and result.reason == g.EMERGENCY
