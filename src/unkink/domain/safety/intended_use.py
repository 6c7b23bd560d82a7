"""What unkink is and is not: shown once on first use and acknowledged (issue 4, item 6).

Pure: text only. The acknowledgment itself is stored by ``unkink.services.safety``.
"""

from __future__ import annotations

INTENDED_USE = (
    "unkink guides gentle back stretches for people who sit a lot.",
    "It is not a doctor. It can't find the cause of your pain.",
    "It is not for emergencies. If you are very unwell, call emergency services.",
    "It asks safety questions first. Answer them honestly.",
    "Stop any stretch that hurts. Many people find stretching eases stiffness, "
    "but it may not help everyone.",
)

ACCEPT_PROMPT = "Do you understand and want to go on?"

NEEDS_ACKNOWLEDGMENT = (
    "You have not yet read what unkink is for. "
    "Run 'unkink check' to read it and answer the safety questions, "
    "or add --accept-intended-use to 'unkink check --answers FILE.json --save'."
)


def intended_use_texts() -> tuple[str, ...]:
    """Every fixed user-facing string of this module (for the wording tests)."""
    return (*INTENDED_USE, ACCEPT_PROMPT)
