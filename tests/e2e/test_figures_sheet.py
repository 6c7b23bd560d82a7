"""``unkink figures sheet`` renders every step in headless Chromium into one PNG."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from unkink.cli.main import app

pytestmark = pytest.mark.e2e
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def test_sheet_saves_a_tall_png_of_every_step(tmp_path: Path) -> None:
    target = tmp_path / "sheet.png"
    result = CliRunner().invoke(app, ["figures", "sheet", str(target)])
    assert result.exit_code == 0, result.output
    data = target.read_bytes()
    assert data.startswith(PNG_MAGIC)
    height = int.from_bytes(data[20:24], "big")
    assert height > 1500, "nine rows of figures"


def test_frames_saves_strips_of_in_between_frames(tmp_path: Path) -> None:
    target = tmp_path / "frames.png"
    result = CliRunner().invoke(app, ["figures", "frames", str(target), "--exercise", "cat_camel"])
    assert result.exit_code == 0, result.output
    data = target.read_bytes()
    assert data.startswith(PNG_MAGIC)
    assert int.from_bytes(data[16:20], "big") > 1000, "a strip of many frames"
