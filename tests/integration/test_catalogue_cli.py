"""The catalogue readers through the real CLI (click's CliRunner), with a real SQLite file."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from unkink.cli.main import app
from unkink.domain.exercises import BUILTIN_IDS

runner = CliRunner()
GOOD = (resources.files("unkink.catalogue") / "data" / "bridge.toml").read_text("utf-8")


def test_exercises_json_lists_exactly_the_seven_ids_with_their_dosage() -> None:
    result = runner.invoke(app, ["exercises", "--json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert [e["id"] for e in listed] == list(BUILTIN_IDS)
    for e in listed:
        assert {"steps", "position", "where", "regions", "reps"} <= e.keys()
        assert all({"hold_s", "provenance", "text"} <= s.keys() for s in e["steps"])
        assert e["reps"]["source"] in ("guide", "evidence")


def test_exercises_table_shows_names_and_minutes() -> None:
    result = runner.invoke(app, ["exercises"])
    assert result.exit_code == 0
    assert "Cat and camel" in result.stdout and "Knee to chest" in result.stdout


def test_show_prints_steps_with_holds() -> None:
    result = runner.invoke(app, ["show", "knee_to_chest"])
    assert result.exit_code == 0
    assert "hold 30 s" in result.stdout
    assert "{side}" not in result.stdout or "each side" in result.stdout


def test_output_that_is_not_a_terminal_is_whole_plain_lines() -> None:
    listed = runner.invoke(app, ["exercises"]).stdout.splitlines()
    assert len(listed) == len(BUILTIN_IDS) + 3  # title, header, one line each, caption
    assert all(any(line.startswith(f"{e} ") for line in listed) for e in BUILTIN_IDS)
    shown = runner.invoke(app, ["show", "cat_camel"]).stdout
    assert shown.startswith("Cat and camel\n") and "Take care:" in shown
    assert not any(box in shown + "".join(listed) for box in "│╭┃")


def test_a_terminal_gets_the_same_words_folded_to_its_width(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import unkink.cli.columns
    from unkink.cli.columns import Screen

    piped = {cmd: runner.invoke(app, [cmd, "cat_camel"][: 1 + (cmd == "show")]).stdout
             for cmd in ("exercises", "show")}  # fmt: skip
    monkeypatch.setattr(unkink.cli.columns, "screen", lambda: Screen(59))  # a 60-column one
    for cmd, whole in piped.items():
        lines = runner.invoke(app, [cmd, "cat_camel"][: 1 + (cmd == "show")]).stdout.splitlines()
        assert max(map(len, lines)) <= 59, "\n".join(lines)
        if cmd == "show":  # the same words, a step's text folded under its number
            assert sorted(" ".join(lines).split()) == sorted(whole.split())
            assert lines[0] == "Cat and camel" and "Take care:" in lines
            assert any(line.startswith("    ") and line.strip() for line in lines)
        assert not any(box in "".join(lines) for box in "│╭┃")


def test_show_unknown_id_names_close_matches_and_exits_non_zero() -> None:
    result = runner.invoke(app, ["show", "cat_camle"])
    assert result.exit_code != 0
    assert "cat_camel" in str(result.exception) or "cat_camel" in result.output


def test_catalogue_check_accepts_a_good_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(GOOD.replace('id = "bridge"', 'id = "my_bridge"'))
    result = runner.invoke(app, ["catalogue", "check", str(path)])
    assert result.exit_code == 0
    assert "my_bridge" in result.stdout


def test_catalogue_check_names_file_and_field_of_a_wrong_type(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(GOOD.replace("difficulty = 2", 'difficulty = "hard"'))
    result = runner.invoke(app, ["catalogue", "check", str(path)])
    assert result.exit_code == 1
    assert f"{path}:" in result.stderr and "difficulty" in result.stderr
    assert "Traceback" not in result.output


def test_catalogue_check_names_a_missing_field(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(GOOD.replace('position = "supine"\n', ""))
    result = runner.invoke(app, ["catalogue", "check", str(tmp_path)])
    assert result.exit_code == 1
    assert "position" in result.stderr and "required" in result.stderr


def test_catalogue_check_of_a_missing_path_says_so(tmp_path: Path) -> None:
    result = runner.invoke(app, ["catalogue", "check", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_db_upgrade_creates_the_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    result = runner.invoke(app, ["--db", url, "db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert "revision" in result.stdout
    assert (tmp_path / "fresh.db").exists()


def test_a_bad_user_file_is_skipped_by_exercises_and_plan(tmp_path: Path) -> None:
    from tests.integration.test_storage_edges import unkink

    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "deep.toml").write_text("x = " + "[" * 500 + "]" * 500)
    env = {"UNKINK_CATALOGUE_DIR": str(folder)}
    shown = unkink("exercises", env=env)
    assert shown.returncode == 0 and len(shown.stdout.splitlines()) > 7
    assert "skipped your exercise file" in shown.stderr and "Traceback" not in shown.stderr
    checked = unkink("catalogue", "check", str(folder), env=env)
    assert checked.returncode != 0 and "nested too deeply" in checked.stdout + checked.stderr
    planned = unkink("--db", str(tmp_path / "x.db"), "plan", "--minutes", "5", env=env)
    assert "skipped your exercise file" in planned.stderr and "Traceback" not in planned.stderr
