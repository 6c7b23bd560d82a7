"""The closed-gate reminder: words chosen by the gate's typed step, held to the safety wording
checks (reading age, no banned claim)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.unit.test_safety_wording import BANNED, MAX_GRADE, MIN_WORDS, grade  # noqa: F401
from unkink.domain.reminders.notice import (
    BREAK_TITLE,
    NO_STRETCHES_TITLE,
    closed_gate_notice,
    notice_texts,
)
from unkink.domain.safety.gate import GateStep, decide_gate

CLOSED = [s for s in GateStep if s not in (GateStep.GENTLE_SESSION, GateStep.SESSION)]


@pytest.mark.parametrize("step", CLOSED, ids=str)
def test_every_closed_step_says_what_to_do(step: GateStep) -> None:
    notice = closed_gate_notice(step, "Because.")
    assert notice.body.startswith("Because. ") and len(notice.body) > len("Because. ")


def test_after_an_emergency_or_a_see_a_doctor_answer_it_never_says_move() -> None:
    for step in (GateStep.GET_HELP, GateStep.SEE_DOCTOR):
        assert closed_gate_notice(step, "").title == NO_STRETCHES_TITLE
    assert closed_gate_notice(GateStep.SCREEN, "").title == BREAK_TITLE


def test_the_gates_own_reason_comes_first_unchanged() -> None:
    gate = decide_gate(
        acknowledged=True,
        screened_on=None,
        urgency=None,
        pain_stop_since_screening=False,
        today=date(2026, 3, 2),
    )
    notice = closed_gate_notice(gate.step, gate.reason)
    assert notice.body.startswith(gate.reason) and "unkink check" in notice.body


@pytest.mark.parametrize("text", [t for t in notice_texts() if len(t.split()) >= MIN_WORDS])
def test_reads_at_age_12_or_younger(text: str, grade) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    assert grade(text) <= MAX_GRADE, text


@pytest.mark.parametrize("text", notice_texts())
def test_makes_no_banned_claim(text: str) -> None:
    for pattern in BANNED:
        assert not re.search(pattern, text, re.IGNORECASE), (pattern, text)
