"""Command groups that list their commands in the order they were added (click sorts them)."""

from __future__ import annotations

import click


class OrderedGroup(click.Group):
    """A group whose ``--help`` lists its commands as they were registered, not A to Z."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)
