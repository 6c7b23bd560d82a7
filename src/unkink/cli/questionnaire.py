"""The interactive screening in the terminal: one screen at a time, with a way back.

Only translation: which screen comes next, the stop at the first emergency answer and the
re-check's summary come from ``unkink.services.screening`` (the web app asks the same
functions). Type ``b`` to go back one screen; at the end of a first run, a numbered review
lets the person change any answer before the result is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

import click

from unkink.cli.words import say
from unkink.domain.safety.questions import Kind, Question, to_answer_value, without
from unkink.domain.safety.walk import WalkStep, prune, review

BACK = object()
MULTI = (Kind.CHECKLIST, Kind.MANY, Kind.SUMMARY)
NextStep = Callable[[dict[str, Any], Collection[str] | None], WalkStep]


def _reply_to(question: Question, text: str) -> Any:
    """The parsed reply, BACK, or None when it could not be understood."""
    text = text.strip().lower()
    if text in ("b", "back"):
        return BACK
    if question.kind is Kind.YES_NO:
        return {"y": True, "yes": True, "n": False, "no": False}.get(text)
    if question.kind is Kind.NUMBER:
        if text.isdigit() and question.low <= int(text) <= question.high:
            return int(text)
        return None
    if question.kind in MULTI and text in ("0", "none"):
        return []
    numbers = [p for p in text.replace(",", " ").split() if p]
    if not numbers or not all(
        p.isdigit() and 1 <= int(p) <= len(question.options) for p in numbers
    ):
        return None
    picked = [question.options[int(p) - 1][0] for p in numbers]
    if question.kind is Kind.CHOICE:
        return picked[0] if len(picked) == 1 else None
    return list(dict.fromkeys(picked))


def _hint(question: Question) -> str:
    if question.kind is Kind.YES_NO:
        return "Type y or n."
    if question.kind is Kind.NUMBER:
        return f"Type a number from {question.low} to {question.high}."
    if question.kind is Kind.CHOICE:
        return f"Type the number of one answer, from 1 to {len(question.options)}."
    return "Type the numbers that apply, like 1 3, or 0 for none of these."


def ask(question: Question, number: int) -> Any:
    """Ask until the reply is understood. Raises click.Abort when input ends."""
    say("")
    say(f"{number}. {question.text}")
    for i, (_, label) in enumerate(question.options, start=1):
        say(f"   {i}) {label}")
    if question.kind in MULTI:
        say("   0) None of these")
    while True:
        text = click.prompt(f"   {_hint(question)} (b = back)", show_default=False)
        reply = _reply_to(question, str(text))
        if reply is not None:
            return reply
        say(f"   Sorry, I did not understand that. {_hint(question)}")


@dataclass
class Walk:
    """The answers so far, and how they were before each screen (for 'b')."""

    answers: dict[str, Any] = field(default_factory=dict)
    changed: list[str] | None = None
    before: list[tuple[dict[str, Any], list[str] | None]] = field(default_factory=list)
    emergency: bool = False

    def run(self, next_step: NextStep) -> None:
        while True:
            step = next_step(self.answers, self.changed)
            if step.done:
                self.emergency = step.emergency
                return
            question = step.question
            assert question is not None
            reply = ask(question, len(self.before) + 1)
            if reply is BACK:
                if not self.before:
                    say("   This is the first question.")
                    continue
                self.answers, self.changed = self.before.pop()
                continue
            self.before.append((dict(self.answers), self.changed))
            if question.kind is Kind.SUMMARY:
                self.changed = list(reply)
            else:
                self.answers = {**self.answers, **to_answer_value(question, reply)}


def run_questionnaire(next_step: NextStep, *, with_review: bool = True) -> Walk:
    """Walk the screens the service hands out; then, unless it ended on an emergency or is a
    re-check (its summary is the review), let the person change any answer."""
    say("Please answer a few safety questions. Type b at any question to go back.")
    walk = Walk()
    walk.run(next_step)
    while with_review and not walk.emergency:
        shown = review(walk.answers)
        say("\nYour answers:")
        for n, (q, words) in enumerate(shown, start=1):
            say(f"  {n}. {q.short}: {words}")
        text = click.prompt(
            "Type a number to change that answer, or press Enter if all is right",
            default="",
            show_default=False,
        ).strip()
        if not text:
            break
        if not text.isdigit() or not 1 <= int(text) <= len(shown):
            say(f"Please type a number from 1 to {len(shown)}, or press Enter.")
            continue
        walk.answers = prune(without(shown[int(text) - 1][0], walk.answers))
        walk.before.clear()
        walk.run(next_step)  # asks that screen again, then any that now apply
    return walk
