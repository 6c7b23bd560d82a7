"""``unkink measures``: the weekly pain rating (0-10) and the Patient-Specific Functional Scale.

Asked at most once a week (also offered after a session when due); always skippable.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer

from unkink.cli.context import get_app
from unkink.cli.errors import fail

if TYPE_CHECKING:
    from unkink.bootstrap import App


def _parse_activity(text: str) -> tuple[str, int]:
    name, sep, score = text.rpartition("=")
    if not sep or not name.strip() or not score.strip().isdigit():
        fail(f"--activity '{text}' should look like \"Sitting for an hour=4\" (a score 0-10).")
    return name.strip(), int(score)


def measures(
    ctx: typer.Context,
    pain: Annotated[
        int | None,
        typer.Option("--pain", min=0, max=10, help="Your back pain over the past week, 0-10."),
    ] = None,
    activity: Annotated[
        list[str] | None,
        typer.Option(
            "--activity",
            metavar="NAME=SCORE",
            help="A hard activity and how well you can do it now, 0-10 (up to 3).",
        ),
    ] = None,
    skip: Annotated[bool, typer.Option("--skip", help="Skip this week's questions.")] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print your weekly answers as JSON.")
    ] = False,
) -> None:
    """This week's pain rating and your hard activities (PSFS). Asked at most once a week."""
    from unkink.services import measures as service

    app = get_app(ctx)
    if as_json:
        found = service.checks(uow=app.uow)
        due = service.is_measure_due(uow=app.uow, now=app.now())
        typer.echo(json.dumps({"due": due, "checks": [c.as_dict() for c in found]}, indent=2))
        return
    if skip:
        service.skip_measures(uow=app.uow, now=app.now())
        typer.echo("Skipped. We will ask again in a week.")
        return
    if pain is not None or activity:
        scores = dict(_parse_activity(a) for a in activity or ())
        service.record_measures(uow=app.uow, now=app.now(), pain=pain, scores=scores)
        typer.echo("Saved this week's answers. 'unkink insights' shows them by week.")
        return
    from unkink.cli.player import stdin_is_terminal

    if not stdin_is_terminal():
        fail("Give --pain and --activity, or --skip, or run this in a terminal to be asked.")
    if not service.is_measure_due(uow=app.uow, now=app.now()) and not typer.confirm(
        "You already answered this week. Answer again anyway?", default=False
    ):
        return
    ask(app)


def offer_if_due(app: App) -> None:
    """After a session: ask the weekly questions if a week has passed (never more often)."""
    from unkink.services import measures as service

    if not service.is_measure_due(uow=app.uow, now=app.now()):
        return
    try:
        ask(app)
    except (typer.Abort, EOFError):  # input ended or Ctrl-C: the session is saved; ask next time
        typer.echo("")


def ask(app: App) -> None:
    from unkink.cli.session_questions import ask_number
    from unkink.domain.insights.measures import (
        MAX_ACTIVITIES,
        NRS_QUESTION,
        PSFS_INTRO,
        PSFS_QUESTION,
        SKIP_NOTE,
    )
    from unkink.services import measures as service

    typer.echo("Your weekly check. " + SKIP_NOTE)
    if not typer.confirm("Answer it now?", default=True):
        service.skip_measures(uow=app.uow, now=app.now())
        return
    pain = ask_number(NRS_QUESTION)
    names = list(service.current_activities(uow=app.uow))
    if not names:
        typer.echo(PSFS_INTRO + " Leave it empty to stop.")
        while len(names) < MAX_ACTIVITIES:
            text = str(typer.prompt(f"Activity {len(names) + 1}", default="")).strip()
            if not text:
                break
            names.append(text)
    scores = {}
    if names:
        typer.echo(PSFS_QUESTION)
    for name in names:
        scores[name] = ask_number(f"  {name}")
    service.record_measures(uow=app.uow, now=app.now(), pain=pain, scores=scores)
    typer.echo("Saved. We will ask again in a week.")


def register(app: typer.Typer) -> None:
    app.command("measures")(measures)
