"""The plan's area and place when ``unkink plan`` / ``unkink start`` are not told (issue 11).

The area follows the screening's pain area; the place (desk or floor) is asked once, in an
interactive run, and remembered. The rules live in ``services.profile.plan_choice``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from unkink.bootstrap import App


def resolve(app: App, area: str | None, where: str | None, *, may_ask: bool) -> tuple[str, str]:
    """(area, where): what was typed, else the person's defaults (``profile.plan_choice``)."""
    from unkink.domain.safety.plan_defaults import PLACE_QUESTION, PLACES
    from unkink.services import profile

    choice = profile.plan_choice(uow=app.uow, area=area, where=where)
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
            return choice.area, answer
    return choice.area, choice.where
