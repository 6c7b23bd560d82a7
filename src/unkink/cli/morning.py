"""Before a session: how did the morning after the last one feel? And a calm referral if due.

Interactive only; ``--no-input`` and ``--json`` runs never call these. The rules live in the
safety services (``pending_next_morning``, ``record_next_morning``, ``referral``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from unkink.cli.words import say

if TYPE_CHECKING:
    from unkink.bootstrap import App


def ask_about_last_session(app: App) -> None:
    """Ask once, on days 1-3 after a session, whether the next morning was clearly worse."""
    from unkink.domain.session.next_morning import QUESTION, change_messages
    from unkink.services import safety

    pending = safety.pending_next_morning(uow=app.uow, today=app.today())
    if pending is None:
        return
    names = ", ".join(app.catalogue.get(e).name for e in pending.exercise_ids if e in app.catalogue)
    say(f"\nYour last session ({pending.session_day:%A %d %B}): {names}.")
    worse = click.confirm(QUESTION, default=False)
    changes = safety.record_next_morning(uow=app.uow, pending=pending, worse=worse, now=app.now())
    for message in change_messages(changes):
        say(message)
    if not worse:
        say("Good. Thanks for telling me.")


def show_referral(app: App) -> None:
    """Print the referral suggestion, with what to bring, when stored ratings call for one."""
    from unkink.services import safety

    suggestion = safety.referral(uow=app.uow)
    if suggestion is None:
        return
    say("")
    say(suggestion.message)
    if suggestion.what_to_bring:
        say("What to bring:")
        for item in suggestion.what_to_bring:
            say(f"  - {item}")


def next_session_hint(app: App) -> str:
    """What to suggest when there is no session to show: a session only if the gate is open
    (after an emergency answer, never "start one"; issue 11)."""
    from unkink.domain.safety.gate import GateStep
    from unkink.services import safety

    gate = safety.check_gate(uow=app.uow, today=app.today())
    if gate.allowed:
        return "No sessions yet. Start one with: unkink start"
    if gate.step is GateStep.GET_HELP:
        return "No sessions yet. Your last answers need help now, not a session."
    return f"No sessions yet. {gate.reason}"
