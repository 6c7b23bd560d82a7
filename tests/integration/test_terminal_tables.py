"""``exercises``, ``show``, ``plan`` and ``history`` on a terminal (issue 10: each starts in a
blink where a person runs it): our own column layout, never rich (25-30 ms to import).

Each command runs in a fresh interpreter whose stdout is a pseudo-terminal of a set width, and
reports which watched modules it imported. Never a timing: which modules load decides it.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.imports import imported_by

ANSI = re.compile(r"\x1b\[[0-9;]*m")
COMMANDS = [
    ["exercises"],
    ["show", "cat_camel"],
    ["plan", "--area", "lower", "--where", "floor", "--minutes", "10"],
    ["history"],
]
COPY = ("Start it with:", "  unkink start")  # a command to copy, whole on one line
WHOLE = "unkink start --area lower --where floor --minutes 10"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A screened database with one session, so ``plan`` and ``history`` have something."""
    folder = tmp_path_factory.mktemp("terminal")
    db, answers = folder / "terminal.db", folder / "answers.json"
    answers.write_text(json.dumps({"age": 40, "pain_area": "low_back"}))
    done, _ = imported_by((), "--db", str(db), "check", "--answers", str(answers), "--save",
                          "--accept-intended-use")  # fmt: skip
    assert done.returncode == 0, done.stderr
    from unkink.bootstrap import build
    from unkink.domain.session.planner import parse_request
    from unkink.services.sessions import plan_and_start
    from unkink.settings import load_settings

    app = build(load_settings(database_url=str(db)))
    request = parse_request(area="whole", where="floor", minutes=20)
    plan_and_start(uow=app.uow, catalogue=app.catalogue, request=request, now=app.now())
    return db


def _env(**extra: str) -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if k != "NO_COLOR"}, **extra}


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
@pytest.mark.parametrize("columns", [50, 100])
def test_a_terminal_gets_styled_folded_lines_without_rich(
    db: Path, args: list[str], columns: int
) -> None:
    done, imported = imported_by(("rich",), "--db", str(db), *args, terminal=columns, env=_env())
    assert done.returncode == 0, done.stderr
    assert imported == set(), f"unkink {args[0]} on a terminal imported {sorted(imported)}"
    assert "\x1b[1m" in done.stdout  # it knew it was on a terminal: a bold title
    lines = [line for line in ANSI.sub("", done.stdout).splitlines() if not line.startswith(COPY)]
    assert len(lines) > 3 and max(map(len, lines)) < columns, done.stdout
    assert not any(box in done.stdout for box in "│┃━╭")
    if args[0] == "plan":  # the command to copy: whole, on its own line where it would not fit
        shown = ANSI.sub("", done.stdout).splitlines()
        assert (f"Start it with: {WHOLE}" in shown) == (columns > len(f"Start it with: {WHOLE}"))
        assert f"Start it with: {WHOLE}" in shown or f"  {WHOLE}" in shown


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_no_color_on_a_terminal_gets_no_escape_codes(db: Path, args: list[str]) -> None:
    env = _env(NO_COLOR="1")
    done, imported = imported_by(("rich",), "--db", str(db), *args, terminal=60, env=env)
    assert done.returncode == 0, done.stderr
    assert imported == set() and "\x1b" not in done.stdout
    lines = [line for line in done.stdout.splitlines() if not line.startswith(COPY)]
    assert max(map(len, lines)) < 60, done.stdout
