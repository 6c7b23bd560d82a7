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
    assert decide() == g.Gate(True, False, g.OK, "")


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"acknowledged": False}, g.NO_ACK),
        ({"screened_on": None, "urgency": None}, g.NO_SCREENING),
        ({"urgency": Urgency.EMERGENCY, "rules": ("E1",)}, g.EMERGENCY),
        ({"urgency": Urgency.SEE_DOCTOR_SOON, "rules": ("S2",)}, g.SEE_DOCTOR),
        ({"urgency": Urgency.SEE_DOCTOR_SOON, "rules": ("S8", "S9")}, g.SEE_DOCTOR),
        ({"pain_stop_since_screening": True}, g.PAIN_STOP),
    ],
)
def test_each_reason_blocks_and_names_the_command(
    overrides: dict[str, object], reason: str
) -> None:
    result = decide(**overrides)
    assert not result.allowed and not result.gentle_only
    assert result.reason == reason
    assert "unkink check" in result.next_step


@pytest.mark.parametrize("rules", [("S8",), ("S10",), ("S8", "S10")])
def test_s8_and_s10_alone_allow_gentle_sessions(rules: tuple[str, ...]) -> None:
    result = decide(urgency=Urgency.SEE_DOCTOR_SOON, rules=rules)
    assert result.allowed and result.gentle_only


def test_a_screening_is_good_for_30_days() -> None:
    assert decide(screened_on=TODAY - timedelta(days=30)).allowed
    stale = decide(screened_on=TODAY - timedelta(days=31))
    assert not stale.allowed and "31 days" in stale.reason
    assert not decide(
        screened_on=TODAY - timedelta(days=31), urgency=Urgency.SEE_DOCTOR_SOON, rules=("S8",)
    ).allowed


def test_gentle_sessions_also_stop_after_a_pain_stop() -> None:
    result = decide(urgency=Urgency.SEE_DOCTOR_SOON, rules=("S8",), pain_stop_since_screening=True)
    assert not result.allowed


def test_a_clinician_assessment_lets_see_doctor_soon_through_gently() -> None:
    result = decide(urgency=Urgency.SEE_DOCTOR_SOON, rules=("S9",), assessed_by_clinician=True)
    assert result.allowed and result.gentle_only
    assert result.reason == g.ASSESSED


def test_a_clinician_assessment_never_clears_an_emergency() -> None:
    result = decide(urgency=Urgency.EMERGENCY, rules=("E5",), assessed_by_clinician=True)
    assert not result.allowed and result.reason == g.EMERGENCY
