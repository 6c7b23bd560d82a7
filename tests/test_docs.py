"""Docs cannot drift (datasette's test_docs): every setting and every command is documented."""

from __future__ import annotations

import re
from pathlib import Path

import click

from unkink.cli.main import app
from unkink.settings import SETTING_NAMES

ROOT = Path(__file__).parents[1]
DOCS = "\n".join(p.read_text("utf-8") for p in [ROOT / "README.md", *ROOT.glob("docs/*.md")])


def test_every_setting_is_documented() -> None:
    settings_doc = (ROOT / "docs" / "settings.md").read_text("utf-8")
    for name in SETTING_NAMES:
        assert f"`{name}`" in settings_doc
        assert f"UNKINK_{name.upper()}" in settings_doc


def test_every_command_is_documented() -> None:
    for name in app.list_commands(click.Context(app)):
        assert re.search(rf"`unkink {name}\b", DOCS), f"'unkink {name}' is not in README or docs/"


def test_quick_start_has_exactly_two_command_lines() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = section.split("```", 2)[1]
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    assert commands[1].strip() == "scripts/test"
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "scripts/test" in ci
