"""Every command-line mistake is said in our own words: what, where, and how to fix it."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from unkink.cli.main import run

LIBRARY_WORDS = ("Input should", "Value error", "unable to parse", "Aborted", "Error:", "Usage:")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as done:
        run(list(args))
    err = capsys.readouterr().err
    return int(done.value.code or 0), err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["plan", "--minutes", "abc"], "--minutes takes a number (like 10), not 'abc'"),
        # crack's own options are worded by cli/cracks.py (the safety path's words)
        (["crack", "--relief", "11"], "--relief must be a whole number from 0 (none) to 10"),
        (["crack", "--relief", "lots"], "--relief must be a whole number from 0 (none) to 10"),
        (["crack", "--where", "knee"], "--where 'knee' is not a part of the back unkink logs"),
        (["plan", "--minute", "3"], "has no option --minute. Did you mean --minutes?"),
        (["nosuch"], "there is no command 'nosuch'. Run 'unkink --help'"),
        (["show"], "'unkink show' needs ID"),
    ],
)
def test_parameter_mistakes_are_plain(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], expected: str
) -> None:
    code, err = _run(capsys, "--db", str(tmp_path / "x.db"), *args)
    assert code == 2
    assert expected in err
    assert err.startswith("unkink: ")
    assert not any(word in err for word in LIBRARY_WORDS), err
    if args[0] not in ("nosuch", "crack"):  # crack's own messages say what to type
        assert f"See 'unkink {args[0]} --help'." in err


def test_show_an_unknown_exercise_points_to_the_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _run(capsys, "show", "nosuch")
    assert code == 2 and "Run 'unkink exercises'" in err


def _at_first_prompt(tmp_path: Path, key: bytes) -> tuple[int, str]:
    """Run 'unkink start' on a real terminal (a pty), press ``key`` at the first question."""
    import fcntl
    import pty
    import termios

    db = str(tmp_path / "x.db")
    answers = tmp_path / "answers.json"
    answers.write_text('{"age": 40}')
    saved = [sys.executable, "-m", "unkink", "--db", db, "check", "--answers", str(answers)]
    subprocess.run([*saved, "--save", "--accept-intended-use"], check=True, capture_output=True)

    def own_terminal() -> None:  # the pty is the controlling terminal: Ctrl-C sends SIGINT
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    main, child = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "unkink", "--db", db, "start", "--minutes", "2"],
        stdin=child,
        stdout=child,
        stderr=child,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "TERM": "dumb"},
        preexec_fn=own_terminal,
    )
    os.close(child)
    seen = b""
    try:
        deadline = time.monotonic() + 30
        while b"]: " not in seen and time.monotonic() < deadline:  # the first prompt
            if select.select([main], [], [], 0.5)[0]:
                seen += os.read(main, 4096)
        before = len(seen)
        time.sleep(0.5)  # the prompt is printed just before input is read: let it read
        os.write(main, key)
        process.wait(timeout=30)
        try:
            seen += os.read(main, 4096)
        except OSError:  # the terminal closed with the process
            pass
    finally:
        os.close(main)
        if process.poll() is None:
            process.kill()
            process.wait()
    return process.returncode, seen[before:].decode(errors="replace")


@pytest.mark.parametrize("key", [b"\x03", b"\x04"], ids=["ctrl-c", "ctrl-d"])
def test_ctrl_c_or_d_at_a_prompt_exits_quietly(tmp_path: Path, key: bytes) -> None:
    code, after = _at_first_prompt(tmp_path, key)
    assert code == 130
    assert "Aborted" not in after and "Traceback" not in after and "unkink:" not in after
