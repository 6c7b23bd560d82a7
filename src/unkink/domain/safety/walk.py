"""Walking the screens: the next screen, the stop at the first emergency, the review, and the
quick re-check (safety evidence §2.4, issue 11).

Pure: no I/O. Front ends keep the answers so far (a dict of §2.4 fields) and ask
``next_step`` what to show; "go back" is theirs (they restore the answers as they were before
the last screen). The re-check asks the emergency signs again, always, in one checklist, then
shows the rest of the last answers as a summary: the person ticks what has changed, only those
screens are asked again, and the fields of the others are recorded as confirmed.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from unkink.domain.safety.answers import FIELD_NAMES, InvalidAnswers, parse_answers
from unkink.domain.safety.questions import Answers, Kind, Question, describe, option_value
from unkink.domain.safety.screening import screen
from unkink.domain.safety.screens import LEGS, SCREENS, SCREENS_BY_ID, TICK, URGENT
from unkink.domain.safety.urgency import Urgency

PREGNANCY_FIELD = "pregnancy_warning_signs"
PREGNANCY_SIGNS = (
    "Warning signs in pregnancy: bleeding, leaking fluid, or regular painful tightening. "
    "Or chest pain, a sore swollen calf, or feeling dizzy or faint"
)


@dataclass(frozen=True, slots=True)
class WalkStep:
    done: bool
    question: Question | None
    emergency: bool
    """The answers so far already show an emergency: no more questions, get help now."""
    asked: int
    remaining_at_most: int


def is_emergency(answers: Answers) -> bool:
    return screen(parse_answers(answers)).urgency is Urgency.EMERGENCY


def check_fields(answers: Answers) -> None:
    unknown = sorted(set(answers) - set(FIELD_NAMES))
    if unknown:
        raise InvalidAnswers(unknown[0], "this is not a screening question")
    parse_answers(answers)  # wrong values are named here, before any skip rule reads them


def next_step(answers: Answers, screens: tuple[Question, ...] = SCREENS) -> WalkStep:
    """The first screen that applies and is not answered yet; done at once on an emergency."""
    check_fields(answers)
    asked = sum(1 for q in screens if q.applies(answers) and q.answered(answers))
    if is_emergency(answers):
        return WalkStep(True, None, True, asked, 0)
    pending = [q for q in screens if not q.answered(answers)]
    for n, question in enumerate(pending):
        if question.applies(answers):
            return WalkStep(False, question.bounded(answers), False, asked, len(pending) - n)
    return WalkStep(True, None, False, asked, 0)


def prune(answers: Answers) -> dict[str, object]:
    """Drop answers to screens that no longer apply (after a change in the review)."""
    out = dict(answers)
    for q in SCREENS:
        if not q.applies(out):
            for field in q.fields if q.kind is not Kind.CHECKLIST else q.owns:
                out.pop(field, None)
    return out


def review(answers: Answers) -> list[tuple[Question, str]]:
    """Each answered screen with its reply in words, in order (the review before saving)."""
    return [
        (q, describe(q, answers)) for q in SCREENS if q.applies(answers) and q.answered(answers)
    ]


# --- the quick re-check ------------------------------------------------------------------------


def recheck_checklist(previous: Answers) -> Question:
    """One checklist of every emergency sign (urgent signs, the serious leg signs, and the
    pregnancy warning signs if the person was pregnant)."""
    serious_legs = tuple(
        (t, label)
        for t, label in LEGS.options
        if t.endswith("both_legs") or t.endswith("one_leg_worsening")
    )
    options = URGENT.options + serious_legs
    owns = URGENT.owns
    if previous.get("pregnant") is True:
        options += (
            (
                "pregnancy_warning_signs",
                "Warning signs in pregnancy: bleeding, leaking "
                "fluid, regular painful tightening, chest pain, a sore swollen calf, or "
                "feeling dizzy or faint",
            ),
        )
        owns += (PREGNANCY_FIELD,)
    return Question(
        "recheck_signs",
        f"A quick re-check. Do you have any of these now? {TICK}",
        Kind.CHECKLIST,
        options,
        owns=owns,
        short="Signs that need help straight away",
        emergency_signs=True,
    )


def summary_screens(previous: Answers) -> list[Question]:
    """The screens shown as last time's summary (all but the urgent signs, asked again)."""
    return [q for q in SCREENS if q is not URGENT and q.applies(previous) and q.answered(previous)]


def summary_question(previous: Answers) -> Question:
    options = tuple(
        (q.field, f"{q.short}: {describe(q, previous)}") for q in summary_screens(previous)
    )
    return Question(
        "recheck_summary",
        "This is what you told us last time. Tick anything that has changed, "
        "or None of these if it is all still right.",
        Kind.SUMMARY,
        options,
        short="Last time's answers",
    )


def recheck_base(previous: Answers, changed: Collection[str] | None) -> dict[str, object]:
    """Last time's answers to keep: screens shown in the summary and not ticked as changed.

    Emergency values the re-check checklist asks again are dropped, so an old emergency does not
    stick once the person says it is gone.
    """
    checklist = recheck_checklist(previous)
    keep: dict[str, object] = {}
    for q in summary_screens(previous):
        if changed is not None and q.field in changed:
            continue
        for field in q.fields if q.kind is not Kind.CHECKLIST else q.owns:
            if field in previous:
                keep[field] = previous[field]
    for token, _ in checklist.options:
        field, value = option_value(token)
        if keep.get(field) == value:
            keep.pop(field)
            if field == "trauma":
                keep[field] = "none"
            elif field in LEGS.owns:
                keep[field] = "none"
    return keep


def recheck_step(
    previous: Answers, answers: Answers, changed: Collection[str] | None
) -> tuple[WalkStep, dict[str, object]]:
    """The next screen of a re-check, and the answers it stands on (last time's plus new)."""
    unknown = [c for c in changed or () if c not in SCREENS_BY_ID]
    if unknown:
        raise InvalidAnswers("changed", f"{unknown[0]!r} is not a screen of the questions")
    check_fields(answers)
    checklist = recheck_checklist(previous)
    merged = {**recheck_base(previous, changed), **answers}
    if not checklist.answered(answers):
        return WalkStep(False, checklist, False, 0, len(SCREENS)), merged
    if changed is None:
        if is_emergency(merged):
            return WalkStep(True, None, True, 1, 0), merged
        return WalkStep(False, summary_question(previous), False, 1, len(SCREENS)), merged
    step = next_step(merged)
    return step, merged


def confirmed_fields(previous: Mapping[str, object], changed: Collection[str]) -> list[str]:
    """The fields taken over from last time because the person confirmed them."""
    base = recheck_base(previous, changed)
    return sorted(f for f in base if previous.get(f) == base[f])
