"""Safety commands: ``check``, ``profile``, ``precautions``, ``crack`` and ``cracks``.

Imported on every start, so only typer and the standard library at the top; the domain,
services and storage are imported inside the commands. ``--json`` and ``--no-input`` runs
never prompt: a missing acknowledgment or screening ends them with a message naming the
command that provides it. Bad input ends with what was wrong, where, and how to fix it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from unkink.cli.context import get_app
from unkink.cli.errors import fail

if TYPE_CHECKING:
    from datetime import datetime

    from unkink.bootstrap import App
    from unkink.domain.safety.screening import ScreeningResult

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON; never ask anything.")]
NoInput = Annotated[bool, typer.Option("--no-input", help="Never ask anything; fail instead.")]
AcceptFlag = Annotated[
    bool,
    typer.Option(
        "--accept-intended-use",
        help="Record that you have read what unkink is and is not (see 'unkink check').",
    ),
]


class Where(StrEnum):
    UPPER = "upper"
    LOWER = "lower"
    NECK = "neck"


@contextmanager
def plain_errors(source: Path | None = None) -> Iterator[None]:
    """Our own errors become a message and a non-zero exit, naming the file when there is one."""
    from unkink.domain.errors import UnkinkError

    try:
        yield
    except UnkinkError as exc:
        where = f"{source}: " if source else ""
        fail(f"{where}{exc}")


def read_json(path: Path) -> Any:
    if not path.exists():
        fail(f"{path} does not exist. Give the path of a JSON file.")
    try:
        return json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        fail(
            f"{path} is not valid JSON: line {exc.lineno}, column {exc.colno}: {exc.msg}. "
            "Fix the file and run the command again."
        )
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{path} cannot be read: {exc}")


def ensure_acknowledged(app: App, *, accept: bool, may_ask: bool) -> None:
    """Intended use, acknowledged once: by flag, by asking, or fail naming the command."""
    from unkink.domain.safety.intended_use import ACCEPT_PROMPT, INTENDED_USE, NEEDS_ACKNOWLEDGMENT
    from unkink.services import safety

    with app.uow() as uow:
        if not safety.needs_intended_use(uow=uow):
            return
        if not accept:
            if not may_ask:
                fail(NEEDS_ACKNOWLEDGMENT)
            typer.echo("Before we start:")
            for line in INTENDED_USE:
                typer.echo(f"  - {line}")
            try:
                accepted = typer.confirm(ACCEPT_PROMPT, default=False)
            except typer.Abort:  # input ended (a pipe or a script): say how to go on
                typer.echo("")
                fail(NEEDS_ACKNOWLEDGMENT)
            if not accepted:
                fail(
                    "unkink will not go on without this. Run 'unkink check' when you are ready.",
                    code=1,
                )
        safety.acknowledge_intended_use(uow=uow, now=app.now())
        uow.commit()


# --- unkink check ------------------------------------------------------------------------------


def print_result(result: ScreeningResult, *, saved_on: datetime | None) -> None:
    from unkink.domain.safety.urgency import Urgency

    titles = {
        Urgency.EMERGENCY: "GET HELP NOW",
        Urgency.SEE_DOCTOR_SOON: "See a doctor soon",
        Urgency.SELF_CARE_OK: "No warning signs",
    }
    typer.echo("")
    typer.echo(
        f"{titles[result.urgency]}  ({result.urgency}; rules: {', '.join(result.rules) or 'none'})"
    )
    typer.echo(result.advice)
    if result.reasons:
        typer.echo("Why:")
        for reason in result.reasons:
            typer.echo(f"  - {reason}")
    if saved_on is not None:
        typer.echo(f"Saved on {saved_on:%Y-%m-%d}.")
    else:
        typer.echo("Not saved. Add --save to keep this as your screening.")


def check(
    ctx: typer.Context,
    answers: Annotated[
        Path | None,
        typer.Option("--answers", metavar="FILE.json", help="Read the answers from a JSON file."),
    ] = None,
    save: Annotated[
        bool, typer.Option("--save", help="Store the result as your screening.")
    ] = False,
    accept: AcceptFlag = False,
    as_json: JsonFlag = False,
    no_input: NoInput = False,
) -> None:
    """Answer the safety questions; see whether stretching is right for you now."""
    from unkink.domain.safety.screening import parse_answers, screen

    if answers is None:
        if as_json or no_input:
            fail("without questions asked, give the answers: unkink check --answers FILE.json")
        return _interactive_check(ctx, accept=accept)
    with plain_errors(answers):
        parsed = parse_answers(read_json(answers))
    if not save:
        result = screen(parsed)
        saved_on = None
    else:
        from unkink.services import safety

        app = get_app(ctx)
        ensure_acknowledged(app, accept=accept, may_ask=False)
        with app.uow() as uow:
            result = safety.save_screening(uow=uow, answers=parsed, now=app.now(), source="file")
            uow.commit()
        saved_on = app.now()
    if as_json:
        typer.echo(json.dumps(result.to_json(), indent=2))
    else:
        print_result(result, saved_on=saved_on)


def _interactive_check(ctx: typer.Context, *, accept: bool) -> None:
    from unkink.cli.questionnaire import run_questionnaire
    from unkink.domain.safety.screening import parse_answers, screen
    from unkink.domain.safety.urgency import EMERGENCY_ADVICE, Urgency
    from unkink.services import safety

    def emergency(values: dict[str, Any]) -> bool:
        if screen(parse_answers(values)).urgency is Urgency.EMERGENCY:
            typer.echo(f"\n{EMERGENCY_ADVICE}")
            return True
        return False

    app = get_app(ctx)
    try:
        ensure_acknowledged(app, accept=accept, may_ask=True)
        values = run_questionnaire(emergency)
    except typer.Abort:
        fail(
            "the questions need typed answers, and the input ended. "
            "To answer from a file instead: unkink check --answers FILE.json --save"
        )
    with app.uow() as uow:
        result = safety.save_screening(
            uow=uow, answers=parse_answers(values), now=app.now(), source="questionnaire"
        )
        uow.commit()
    print_result(result, saved_on=app.now())


def register(app: typer.Typer) -> None:
    from unkink.cli import cracks, precautions

    app.command("check")(check)
    precautions.register(app)
    cracks.register(app)
