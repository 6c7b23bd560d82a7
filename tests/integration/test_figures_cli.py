"""``unkink figures export`` and ``unkink show --figure`` through the real CLI."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from unkink.catalogue.loader import load_builtin
from unkink.cli.main import app
from unkink.domain.exercises import BUILTIN_IDS

runner = CliRunner()


def test_export_writes_every_step_and_one_animation_per_exercise(tmp_path: Path) -> None:
    result = runner.invoke(app, ["figures", "export", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    catalogue = load_builtin()
    for exercise_id in BUILTIN_IDS:
        folder = tmp_path / "out" / exercise_id
        steps = len(catalogue.get(exercise_id).steps)
        expected = {f"{i}.svg" for i in range(1, steps + 1)} | {"animated.svg"}
        assert {p.name for p in folder.iterdir()} == expected
        for path in folder.iterdir():
            ET.parse(path)
    assert "Wrote 36 step figures and 7 animated ones" in result.stdout


def test_export_into_a_file_fails_plainly(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(app, ["figures", "export", str(blocker)])
    assert result.exit_code == 1
    assert "cannot write" in result.output
    assert "Traceback" not in result.output


def test_sheet_wants_a_png_name(tmp_path: Path) -> None:
    result = runner.invoke(app, ["figures", "sheet", str(tmp_path / "sheet.jpg")])
    assert result.exit_code == 2
    assert "should end in .png" in result.output


def test_show_can_save_the_exercise_figure(tmp_path: Path) -> None:
    target = tmp_path / "k2c.svg"
    result = runner.invoke(app, ["show", "knee_to_chest", "--figure", str(target)])
    assert result.exit_code == 0, result.output
    root = ET.parse(target).getroot()
    assert root.tag.endswith("svg")
    assert "Knee to chest, moving" in target.read_text("utf-8")
    assert "hold 30 s" in result.stdout


def test_export_skips_a_user_exercise_without_poses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "own"
    own.mkdir()
    text = (resources.files("unkink.catalogue") / "data" / "bridge.toml").read_text("utf-8")
    bare = "\n".join(
        line for line in text.splitlines() if not line.startswith(("floor", "angles", "[[steps.k"))
    )
    (own / "my-bridge.toml").write_text(bare.replace('id = "bridge"', 'id = "my_bridge"'), "utf-8")
    monkeypatch.setenv("UNKINK_CATALOGUE_DIR", str(own))
    result = runner.invoke(app, ["figures", "export", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "my_bridge has steps without keyframes" in result.output
    assert not (tmp_path / "out" / "my_bridge").exists()
    assert "and 7 animated ones" in result.stdout
