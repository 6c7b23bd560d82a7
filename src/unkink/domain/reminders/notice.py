"""What a reminder says when the safety gate is closed, chosen by the gate's typed step.

The gate's own reason comes first (its words, for display); the title and the last line are
picked here by ``GateStep``, never by reading the reason's sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from unkink.domain.safety.gate import GateStep

BREAK_TITLE = "Time to stand up and move a little"
NO_STRETCHES_TITLE = "No stretches for now"

_ACTION = {
    GateStep.ACKNOWLEDGE: "First read what unkink is for. Run 'unkink check'.",
    GateStep.SCREEN: "First answer the safety questions. Run 'unkink check'.",
    GateStep.RECHECK: "First answer the quick safety check. Run 'unkink check'.",
    GateStep.GET_HELP: "Please get help now. Reminders stop for today.",
    GateStep.SEE_DOCTOR: "See a doctor before new stretches. Then run 'unkink check' again.",
}


@dataclass(frozen=True, slots=True)
class ClosedGateNotice:
    title: str
    body: str


def closed_gate_notice(step: GateStep | None, reason: str) -> ClosedGateNotice:
    """The notification for a reminder that offers no routine because the gate is closed."""
    title = NO_STRETCHES_TITLE if step in (GateStep.GET_HELP, GateStep.SEE_DOCTOR) else BREAK_TITLE
    action = _ACTION.get(step, "") if step is not None else ""
    body = " ".join(p for p in (reason.strip(), action) if p)
    return ClosedGateNotice(title, body)


def notice_texts() -> tuple[str, ...]:
    """Every fixed user-facing string here (for the wording tests)."""
    return (BREAK_TITLE, NO_STRETCHES_TITLE, *_ACTION.values())
