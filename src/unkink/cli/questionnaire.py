"""The interactive screening questionnaire: one question at a time, with a way back.

Reads replies with ``typer.prompt``; the questions, their plain words and skip rules live in
``unkink.domain.safety.questions``. Type ``b`` to go back one question; at the end, a
numbered review lets the person change any answer before the result is shown.
"""

from __future__ import annotations

from typing import Any

import typer

from unkink.domain.safety.questions import QUESTIONS, Kind, Question

BACK = object()


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
    numbers = [p for p in text.replace(",", " ").split() if p]
    if not all(p.isdigit() and 1 <= int(p) <= len(question.options) for p in numbers):
        return None
    picked = [question.options[int(p) - 1][0] for p in numbers]
    if question.kind is Kind.CHOICE:
        return picked[0] if len(picked) == 1 else None
    return sorted(set(picked))


def _hint(question: Question) -> str:
    if question.kind is Kind.YES_NO:
        return "Type y or n."
    if question.kind is Kind.NUMBER:
        return f"Type a number from {question.low} to {question.high}."
    if question.kind is Kind.CHOICE:
        return "Type the number of one answer."
    return "Type the numbers that apply, like 1 3, or press Enter for none."


def ask(question: Question, number: int) -> Any:
    """Ask until the reply is understood. Raises typer.Abort when input ends."""
    typer.echo("")
    typer.echo(f"{number}. {question.text}")
    for i, (_, label) in enumerate(question.options, start=1):
        typer.echo(f"   {i}) {label}")
    while True:
        text = typer.prompt(
            f"   {_hint(question)} (b = back)",
            default="" if question.kind is Kind.MANY else None,
            show_default=False,
        )
        reply = _reply_to(question, str(text))
        if reply is not None:
            return reply
        typer.echo(f"   Sorry, I did not understand that. {_hint(question)}")


def _label(question: Question, value: Any) -> str:
    labels = dict(question.options)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(labels.get(v) or str(v) for v in value) or "none"
    return labels.get(value, str(value)) if isinstance(value, str) else str(value)


def _walk(values: dict[str, Any], stop_early: Any) -> None:
    """Ask every question that applies and has no answer yet, in order, with 'b' going back."""
    asked: list[int] = []
    i = 0
    while i < len(QUESTIONS):
        q = QUESTIONS[i]
        if not q.applies(values):
            values.pop(q.field, None)
            i += 1
            continue
        if q.field in values:
            i += 1
            continue
        reply = ask(q, len(values) + 1)
        if reply is BACK:
            if not asked:
                typer.echo("   This is the first question.")
                continue
            i = asked.pop()
            values.pop(QUESTIONS[i].field, None)
            continue
        values[q.field] = reply
        asked.append(i)
        i += 1
        if stop_early(values):
            return


def run_questionnaire(stop_early: Any) -> dict[str, Any]:
    """All answers as §2.4 field values. ``stop_early(values)`` ends the questions at once."""
    typer.echo("Please answer a few safety questions. Type b at any question to go back.")
    values: dict[str, Any] = {}
    _walk(values, stop_early)
    while True:
        shown = [q for q in QUESTIONS if q.field in values]
        typer.echo("\nYour answers:")
        for n, q in enumerate(shown, start=1):
            typer.echo(f"  {n}. {q.text} {_label(q, values[q.field])}")
        text = typer.prompt(
            "Type a number to change that answer, or press Enter if all is right",
            default="",
            show_default=False,
        ).strip()
        if not text:
            return values
        if not text.isdigit() or not 1 <= int(text) <= len(shown):
            typer.echo(f"Please type a number from 1 to {len(shown)}, or press Enter.")
            continue
        q = shown[int(text) - 1]
        reply = ask(q, int(text))
        if reply is not BACK:
            values[q.field] = reply
            _walk(values, stop_early)  # new questions may now apply, others drop out
