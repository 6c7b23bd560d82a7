"""What a screening screen is (safety evidence §2.4, revision 2), and how a reply fills fields.

Pure: no I/O. A ``Question`` is one screen. Most screens fill one §2.4 field; a CHECKLIST
screen ("Tick all that apply, or None of these") fills several at once: each option sets one
field to one value, and "None of these" sets every field the screen *owns* (``fields``) to its
harmless default. An option may also set a field the screen does not own (the big-accident
sign on the first, urgent screen sets ``trauma``, which a later screen owns); such a field is
set only when ticked. The screens themselves are listed in ``screens``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from unkink.domain.safety.answers import ScreeningAnswers

Answers = Mapping[str, object]

DEFAULTS: dict[str, Any] = ScreeningAnswers().to_json()
"""Every §2.4 field's harmless default, as JSON (what "None of these" means per field)."""


class Kind(StrEnum):
    YES_NO = "yes_no"
    CHOICE = "choice"
    NUMBER = "number"
    MANY = "many"  # pick any number of options for one list field (spa_features)
    CHECKLIST = "checklist"  # several fields: tick all that apply, or None of these
    SUMMARY = "summary"  # the quick re-check: tick what has changed, or nothing has


def _always(_: Answers) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Question:
    field: str
    """The §2.4 field it fills, or for a CHECKLIST the screen's own id."""
    text: str
    kind: Kind = Kind.YES_NO
    options: tuple[tuple[str, str], ...] = ()
    """(value, plain label) pairs; for a CHECKLIST the value is ``field`` or ``field=value``."""
    low: int = 0
    high: int = 120
    applies: Callable[[Answers], bool] = _always
    owns: tuple[str, ...] = ()
    """CHECKLIST only: the fields "None of these" sets to their defaults."""
    short: str = ""
    """A few words naming the screen in the review and the re-check summary."""
    emergency_signs: bool = False
    """The screen asks about emergency signs (shown first, and again in every re-check)."""
    high_from: str | None = None
    """NUMBER only: another answer that caps this one (the age a problem started, by the age)."""

    @property
    def fields(self) -> tuple[str, ...]:
        """Every §2.4 field this screen may set."""
        if self.kind is not Kind.CHECKLIST:
            return (self.field,)
        extra = [option_value(token)[0] for token, _ in self.options]
        return tuple(dict.fromkeys([*self.owns, *extra]))

    def answered(self, answers: Answers) -> bool:
        if self.kind is Kind.CHECKLIST:
            return all(f in answers for f in self.owns)
        return self.field in answers and self.bounded(answers).fits(answers[self.field])

    def bounded(self, answers: Answers) -> Question:
        """This screen as asked after ``answers``: its highest number capped by ``high_from``."""
        cap = answers.get(self.high_from) if self.high_from else None
        if isinstance(cap, int) and not isinstance(cap, bool) and self.low <= cap < self.high:
            return replace(self, high=cap)
        return self

    def fits(self, reply: object) -> bool:
        """A NUMBER reply within the bounds (a stored one over a cap counts as unanswered)."""
        if self.kind is not Kind.NUMBER or not isinstance(reply, int) or isinstance(reply, bool):
            return True
        return self.low <= reply <= self.high


def option_value(token: str) -> tuple[str, object]:
    """A checklist option's (field, value): ``"saddle_numbness"`` means true."""
    field, sep, value = token.partition("=")
    return (field, value) if sep else (field, True)


def checklist_values(question: Question, ticked: Sequence[str]) -> dict[str, object]:
    """The field values a checklist reply means. Later options win for one field (they are
    listed from mild to severe, so one leg and both legs ticked reads as both legs)."""
    known = [token for token, _ in question.options]
    bad = [t for t in ticked if t not in known]
    if bad:
        raise ValueError(f"not an option of this screen: {bad[0]!r}")
    values: dict[str, object] = {f: DEFAULTS[f] for f in question.owns}
    for token in known:
        if token in ticked:
            field, value = option_value(token)
            values[field] = value
    return values


def to_answer_value(question: Question, raw: Any) -> dict[str, object]:
    """What a front end collected for one screen, as §2.4 field values."""
    if question.kind is Kind.CHECKLIST:
        return checklist_values(question, list(raw))
    if question.kind is Kind.YES_NO:
        return {question.field: raw is True or raw == "yes"}
    return {question.field: raw}


def without(question: Question, answers: Answers) -> dict[str, object]:
    """The answers with this screen's own reply taken out (to ask it again)."""
    out = dict(answers)
    for field in question.owns if question.kind is Kind.CHECKLIST else (question.field,):
        out.pop(field, None)
    for token, _ in question.options if question.kind is Kind.CHECKLIST else ():
        field, value = option_value(token)
        if field not in question.owns and out.get(field) == value:
            out.pop(field, None)
    return out


def describe(question: Question, answers: Answers) -> str:
    """The reply to one screen in words (for the review and the re-check summary)."""
    labels = dict(question.options)
    if question.kind is Kind.CHECKLIST:
        picked = [
            label
            for token, label in question.options
            if answers.get(option_value(token)[0]) == option_value(token)[1]
        ]
        return "; ".join(picked) or "none of these"
    value = answers.get(question.field)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(labels.get(v) or str(v) for v in value) or "none of these"
    if isinstance(value, str):
        return labels.get(value, value)
    return "not given" if value is None else str(value)
