"""cli/main.py lists every command from a static table, so `unkink --help` imports none of them:
the table must say what each command's own help says, and each name must load its command."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from unkink.cli.main import COMMANDS, app


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_listed_help_is_the_commands_own(name: str) -> None:
    command = app.get_command(click.Context(app), name)
    assert command is not None, f"cli.{COMMANDS[name][0]} does not register '{name}'"
    listed = click.Command(name, help=COMMANDS[name][1])
    for limit in (20, 45, 60, 200):  # as `unkink --help` shortens it at any terminal width
        assert listed.get_short_help_str(limit) == command.get_short_help_str(limit)


def test_help_lists_the_commands_in_the_tables_order_with_their_helps() -> None:
    result = CliRunner().invoke(app, ["--help"], terminal_width=100)
    assert result.exit_code == 0
    listed = result.stdout.split("Commands:\n", 1)[1].splitlines()
    assert [line.split()[0] for line in listed] == list(COMMANDS)


def test_help_imports_no_feature_module_and_show_only_its_own() -> None:
    code = (
        "import sys\n"
        "from unkink.cli.main import run\n"
        "run(sys.argv[1:])\n"
        "names = ('unkink.cli.', 'rich', 'typer')\n"
        "print(' '.join(m for m in sys.modules if m.startswith(names)), file=sys.stderr)\n"
    )

    def loaded(*args: str) -> set[str]:
        done = subprocess.run(
            [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        return set(done.stderr.split())

    base = {"unkink.cli.main", "unkink.cli.context", "unkink.cli.errors", "unkink.cli.groups"}
    assert loaded("--help") == base
    assert loaded("show", "cat_camel", "--json") - base == {"unkink.cli.catalogue"}
