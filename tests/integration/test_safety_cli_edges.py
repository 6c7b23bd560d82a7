"""Answers files a user or a script can get wrong (issue 10): each gets a plain message."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from unkink.cli.main import app as cli


def check(tmp_path: Path, path: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli, ["--db", f"sqlite:///{tmp_path / 'e.db'}", "check", "--answers", path, "--json"]
    )
    assert "Traceback" not in result.output
    return result.exit_code, result.stderr


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[" * 1000 + "]" * 1000, "nested too deeply"),
        ('{"age": ' + "9" * 4400 + "}", "number that is far too long"),
        ('{"age": ' + "9" * 4000 + "}", "got a very long number"),
        (b"\xff\xfe\x00", "not a text file"),
        ('{"age": 40,}', "not valid JSON"),
    ],
)
def test_bad_answers_files_get_plain_messages(
    tmp_path: Path, content: str | bytes, expected: str
) -> None:
    path = tmp_path / "a.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    code, message = check(tmp_path, str(path))
    assert code != 0 and expected in message, message


def test_a_folder_and_an_endless_file_get_plain_messages(tmp_path: Path) -> None:
    code, message = check(tmp_path, str(tmp_path))
    assert code != 0 and "is a folder" in message
    code, message = check(tmp_path, "/dev/zero")
    assert code != 0 and "too big" in message


def test_crack_where_and_relief_are_explained(tmp_path: Path) -> None:
    runner = CliRunner()
    db = ["--db", f"sqlite:///{tmp_path / 'c.db'}"]
    knee = runner.invoke(cli, [*db, "crack", "--where", "knee"])
    assert knee.exit_code != 0 and "Use upper, lower or neck" in knee.stderr
    assert "Value error" not in knee.output
    eleven = runner.invoke(cli, [*db, "crack", "--relief", "11"])
    assert eleven.exit_code != 0 and "from 0 (none) to 10" in eleven.stderr
