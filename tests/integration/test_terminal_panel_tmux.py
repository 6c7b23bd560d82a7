"""The terminal player as a person sees it: driven in tmux at 80 and 100 columns (issue 13).

The figure, drawn in braille from the pose model (``unkink.figures.terminal``), sits beside
the countdown in the panel, and no word of the plan or the panel is broken mid-word.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.integration.test_session_cli import screened

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def _screened(folder: Path) -> str:
    from unkink.bootstrap import build
    from unkink.settings import Settings

    url = f"sqlite:///{folder / 't.db'}"
    app = build(Settings(data_dir=folder, catalogue_dir=folder / "ex", database_url=url))
    screened(app)  # the same helper as the other CLI tests
    app.engine.dispose()
    return url


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def _wait_for(name: str, text: str, timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux("capture-pane", "-p", "-t", name)
        if text in screen:
            return screen
        time.sleep(0.3)
    raise AssertionError(f"{text!r} never showed:\n{screen}")


@pytest.mark.parametrize("width", [80, 100])
def test_panel_has_figure_beside_countdown_and_words_stay_whole(tmp_path: Path, width: int) -> None:
    url = _screened(tmp_path)
    name = f"unkink-test-{os.getpid()}-{width}"
    env = (
        "env -u COLUMNS -u LINES TERM=xterm-256color"
        f" UNKINK_DATA_DIR={tmp_path} UNKINK_CATALOGUE_DIR={tmp_path / 'ex'}"
    )
    command = (
        f"{env} {sys.executable} -m unkink --db {url} start --minutes 5 --area lower"
        " --where floor; sleep 60"
    )
    _tmux("new-session", "-d", "-s", name, "-x", str(width), "-y", "45", command)
    try:
        plan = _wait_for(name, "How stiff")
        _tmux("send-keys", "-t", name, "5", "Enter")
        _wait_for(name, "How much pain")
        _tmux("send-keys", "-t", name, "4", "Enter")
        panel = _wait_for(name, "Exercise 1 of")
        rows = panel.splitlines()
        digits = [i for i, row in enumerate(rows) if "███" in row]
        assert digits, panel
        braille = re.compile(r"[\u2800-\u28ff]")
        figure_rows = [i for i, row in enumerate(rows) if braille.search(row)]
        assert len(figure_rows) >= 3, f"no figure drawn in braille in the panel:\n{panel}"
        assert any(re.search(r"[\u2800-\u28ff].*███", rows[i]) for i in digits), (
            f"the figure and the countdown share the panel's rows:\n{panel}"
        )
        for text in (plan, panel):
            flat = re.sub(r"[│┃]", " ", text)
            for broken in ("ev\neryone", "thro\nbbing"):
                assert broken not in flat
            for row in flat.splitlines():
                assert len(row.rstrip()) <= width
        # every word of the plan's reasons is on the screen whole
        words = re.findall(r"[A-Za-z]{5,}", "Chosen for your lower back gentle hands knees")
        for word in words:
            assert word in plan, f"{word!r} broken in:\n{plan}"
        _tmux("send-keys", "-t", name, "q")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], check=False, capture_output=True)
