"""Safety commands: ``check`` here; ``profile``/``precautions`` (cli.precautions) and
``crack``/``cracks`` (cli.cracks) in their own modules, each loaded only for its commands.

Only click and the standard library at the top; the domain, services and storage are
imported inside the commands. ``--json`` and ``--no-input`` runs never prompt: a missing
acknowledgment or screening ends them with a message naming the command that provides it.
Bad input ends with what was wrong, where, and how to fix it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from unkink.cli.context import get_app
from unkink.cli.errors import fail
from unkink.cli.safety_io import (
    accept_flag,
    ensure_acknowledged,
    json_flag,
    no_input_flag,
    plain_errors,
    read_json,
)
from unkink.cli.words import say

if TYPE_CHECKING:
    from datetime import datetime

    from unkink.domain.safety.screening import ScreeningResult


def print_result(result: ScreeningResult, *, saved_on: datetime | None) -> None:
    """The result in plain words: a title, the advice once, why; codes only on a details line."""
    from unkink.domain.safety.urgency import Urgency

    titles = {
        Urgency.EMERGENCY: "GET HELP NOW",
        Urgency.SEE_DOCTOR_SOON: "See a doctor soon",
        Urgency.ROUTINE_REVIEW: "Book a routine check-up",
        Urgency.SELF_CARE_OK: "No warning signs",
    }
    say("")
    say(titles[result.urgency])
    say(result.advice)
    if result.reasons:
        say("Why:")
        for reason in result.reasons:
            say(f"  - {reason}")
    if result.urgency is Urgency.EMERGENCY:
        say("If you ticked a sign by mistake, run 'unkink check' again.")
    if saved_on is not None:
        say(f"Saved on {saved_on:%Y-%m-%d}.")
    else:
        say("Not saved. Add --save to keep this as your screening.")
    say(f"Details: {result.urgency}; rules: {', '.join(result.rules) or 'none'}")


def check(
    ctx: click.Context,
    answers: Path | None = None,
    save: bool = False,
    full: bool = False,
    accept: bool = False,
    as_json: bool = False,
    no_input: bool = False,
) -> None:
    """``unkink check``; also asked from ``unkink start`` when no screening is on record."""
    from unkink.services import screening

    if answers is None:
        if as_json or no_input:
            fail("without questions asked, give the answers: unkink check --answers FILE.json")
        return _interactive_check(ctx, accept=accept, full=full)
    raw = read_json(answers)
    if not save:
        with plain_errors(answers):
            result = screening.screen_answers(raw)
        saved_on = None
    else:
        app = get_app(ctx)
        ensure_acknowledged(app, accept=accept, may_ask=False)
        with plain_errors(answers):
            saved = screening.save_screening(uow=app.uow, answers=raw, now=app.now(), source="file")
        result, saved_on = saved.result, saved.taken_at
    if as_json:
        click.echo(json.dumps(result.to_json(), indent=2))
    else:
        print_result(result, saved_on=saved_on)


def _interactive_check(ctx: click.Context, *, accept: bool, full: bool) -> None:
    from unkink.cli.questionnaire import run_questionnaire
    from unkink.services import screening

    app = get_app(ctx)
    recheck = not full and screening.previous_answers(uow=app.uow) is not None

    def next_step(values: dict[str, Any], changed: Any) -> Any:
        if recheck:
            return screening.recheck_question(uow=app.uow, answers=values, changed=changed)
        return screening.next_question(answers=values)

    try:
        ensure_acknowledged(app, accept=accept, may_ask=True)
        if recheck:
            say("A quick re-check: the warning signs again, then your last answers.")
            say("To answer every question again instead: unkink check --full")
        walk = run_questionnaire(next_step, with_review=not recheck)
    except click.Abort:
        fail(
            "the questions need typed answers, and the input ended. "
            "To answer from a file instead: unkink check --answers FILE.json --save"
        )
    with plain_errors():
        saved = screening.save_screening(
            uow=app.uow,
            answers=walk.answers,
            now=app.now(),
            source="questionnaire",
            recheck=recheck,
            changed=walk.changed if recheck else None,
        )
    print_result(saved.result, saved_on=saved.taken_at)
    if saved.confirmed:
        say(f"Kept {len(saved.confirmed)} answers you confirmed from last time.")


@click.command("check")
@click.option(
    "--answers",
    type=click.Path(path_type=Path),
    metavar="FILE.json",
    help="Read the answers from a JSON file.",
)
@click.option("--save", is_flag=True, help="Store the result as your screening.")
@click.option("--full", is_flag=True, help="Ask every question again, not the quick re-check.")
@accept_flag
@json_flag
@no_input_flag
@click.pass_context
def check_command(
    ctx: click.Context,
    answers: Path | None,
    save: bool,
    full: bool,
    accept: bool,
    as_json: bool,
    no_input: bool,
) -> None:
    """Answer the safety questions; see whether stretching is right for you now."""
    check(ctx, answers, save, full, accept, as_json, no_input)


def register(group: click.Group) -> None:
    group.add_command(check_command)
