"""``unkink measures``: the weekly pain rating (0-10) and the Patient-Specific Functional Scale.

Asked at most once a week (also offered after a session when due); always skippable.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from unkink.cli.context import get_app
from unkink.cli.errors import fail

if TYPE_CHECKING:
    from unkink.bootstrap import App


def _parse_activity(text: str) -> tuple[str, int]:
    name, sep, score = text.rpartition("=")
    if not sep or not name.strip() or not score.strip().isdigit():
        fail(f"--activity '{text}' should look like \"Sitting for an hour=4\" (a score 0-10).")
    return name.strip(), int(score)


@click.command("measures")
@click.option("--pain", type=click.IntRange(0, 10), help="Your back pain over the past week, 0-10.")
@click.option(
    "--activity",
    metavar="NAME=SCORE",
    multiple=True,
    help="A hard activity and how well you can do it now, 0-10 (up to 3).",
)
@click.option("--skip", is_flag=True, help="Skip this week's questions.")
@click.option("--json", "as_json", is_flag=True, help="Print your weekly answers as JSON.")
@click.pass_context
def measures(
    ctx: click.Context, pain: int | None, activity: tuple[str, ...], skip: bool, as_json: bool
) -> None:
    """This week's pain rating and your hard activities (PSFS). Asked at most once a week."""
    from unkink.services import measures as service

    app = get_app(ctx)
    if as_json:
        found = service.checks(uow=app.uow)
        due = service.is_measure_due(uow=app.uow, now=app.now())
        click.echo(json.dumps({"due": due, "checks": [c.as_dict() for c in found]}, indent=2))
        return
    if skip:
        service.skip_measures(uow=app.uow, now=app.now())
        click.echo("Skipped. We will ask again in a week.")
        return
    if pain is not None or activity:
        scores = dict(_parse_activity(a) for a in activity or ())
        service.record_measures(uow=app.uow, now=app.now(), pain=pain, scores=scores)
        click.echo("Saved this week's answers. 'unkink insights' shows them by week.")
        return
    from unkink.cli.player import stdin_is_terminal

    if not stdin_is_terminal():
        fail("Give --pain and --activity, or --skip, or run this in a terminal to be asked.")
    if not service.is_measure_due(uow=app.uow, now=app.now()) and not click.confirm(
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
    except (click.Abort, EOFError):  # input ended or Ctrl-C: the session is saved; ask next time
        click.echo("")


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

    click.echo("Your weekly check. " + SKIP_NOTE)
    if not click.confirm("Answer it now?", default=True):
        service.skip_measures(uow=app.uow, now=app.now())
        return
    pain = ask_number(NRS_QUESTION)
    names = list(service.current_activities(uow=app.uow))
    if not names:
        click.echo(PSFS_INTRO + " Leave it empty to stop.")
        while len(names) < MAX_ACTIVITIES:
            text = str(click.prompt(f"Activity {len(names) + 1}", default="")).strip()
            if not text:
                break
            names.append(text)
    scores = {}
    if names:
        click.echo(PSFS_QUESTION)
    for name in names:
        scores[name] = ask_number(f"  {name}")
    service.record_measures(uow=app.uow, now=app.now(), pain=pain, scores=scores)
    click.echo("Saved. We will ask again in a week.")


def register(group: click.Group) -> None:
    group.add_command(measures)
