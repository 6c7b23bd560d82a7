"""The plan's area, place and length when ``unkink plan`` / ``unkink start`` are not told
(issue 11).

The area follows the screening's pain area; the place (desk or floor) is asked once, in an
interactive run, and remembered; the length is the last session's. The rules live in
``services.profile.plan_choice``, which Home's suggestion uses too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from unkink.bootstrap import App


def resolve(
    app: App, area: str | None, where: str | None, minutes: float | None, *, may_ask: bool
) -> tuple[str, str, float]:
    """(area, where, minutes): what was typed, else the person's defaults
    (``profile.plan_choice``)."""
    from unkink.domain.safety.plan_defaults import PLACE_QUESTION, PLACES
    from unkink.services import profile

    choice = profile.plan_choice(uow=app.uow, area=area, where=where, minutes=minutes)
    if choice.ask_place and may_ask:
        answer = (
            click.prompt(
                f"{PLACE_QUESTION} Type desk or floor", default=choice.where, show_default=True
            )
            .strip()
            .lower()
        )
        if answer in PLACES:
            profile.remember_place(uow=app.uow, place=answer, now=app.now())
            return choice.area, answer, choice.minutes
    return choice.area, choice.where, choice.minutes
