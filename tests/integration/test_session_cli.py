"""plan, start and history through the real CLI (CliRunner) on a real SQLite file.

``start --no-input`` runs the real engine; a manual clock is injected in-process, whose
``tick`` is the sleep, so a ten-minute session takes milliseconds and lateness is exactly 0.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from unkink.bootstrap import App
from unkink.cli.main import app as cli
from unkink.domain.errors import UnkinkError
from unkink.domain.safety.answers import ScreeningAnswers

runner = CliRunner()


def screened(app: App) -> None:
    from unkink.services.safety import acknowledge_intended_use, save_screening

    acknowledge_intended_use(uow=app.uow, now=app.now())
    save_screening(uow=app.uow, answers=ScreeningAnswers(age=40), now=app.now(), source="file")


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(cli, list(args))


def test_plan_refuses_without_a_safety_check(cli_app: App) -> None:
    result = invoke("plan", "--area", "lower")
    assert result.exit_code == 1
    assert "unkink check" in result.stderr and "Traceback" not in result.output


def test_plan_json_lower_floor_ten_minutes(cli_app: App) -> None:
    screened(cli_app)
    result = invoke("plan", "--area", "lower", "--where", "floor", "--minutes", "10", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert 8.5 * 60 <= data["total_s"] <= 11.5 * 60
    assert data["floor_trips"] == 1
    assert all(e["reason"] for e in data["exercises"])


ALL_EXCLUDED = ["--area", "upper", "--where", "desk", "--exclude", "butterfly", "--exclude"]
BAD = [["--minutes", "0"], ["--minutes", "-3"], ["--minutes", "600"], ["--area", "neck"]]


@pytest.mark.parametrize("args", [*BAD, [*ALL_EXCLUDED, "chair_twist"]])
def test_bad_plan_input_is_a_clear_error(cli_app: App, args: list[str]) -> None:
    screened(cli_app)
    result = invoke("plan", *args)
    assert result.exit_code != 0
    # CliRunner hands back the error that `unkink` (cli.main.run) prints as a plain message
    assert isinstance(result.exception, UnkinkError) and str(result.exception)


def test_bad_input_from_the_real_command_has_no_traceback(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "unkink", "--db", f"sqlite:///{tmp_path / 'x.db'}", "plan",
         "--minutes", "0"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode != 0
    assert done.stderr.startswith("unkink: --minutes must be from 1 to 60")
    assert "Traceback" not in done.stderr


def test_start_json_events_one_minute(cli_app: App) -> None:
    screened(cli_app)
    result = invoke("start", "--no-input", "--json-events", "--area", "lower", "--minutes", "1")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    cues, summary = lines[:-1], lines[-1]
    assert summary["done"] is True and summary["lateness_p99_ms"] <= 5
    assert {"cue", "exercise", "step", "planned_s", "actual_s", "text"} <= cues[0].keys()
    assert cues[0]["cue"] == "get_ready" and cues[-1]["cue"] == "done"
    assert 51 <= cues[-1]["planned_s"] <= 69
    planned = [c["planned_s"] for c in cues]
    assert planned == sorted(planned)


def test_every_cue_is_logged_and_history_shows_the_session(cli_app: App) -> None:
    screened(cli_app)
    result = invoke("start", "--no-input", "--json-events", "--minutes", "3")
    assert result.exit_code == 0, result.output
    shown = len(result.stdout.splitlines()) - 1
    with cli_app.uow() as u:
        session = u.sessions.list_sessions(limit=1)[0]
        events = u.sessions.events(session.id)
    assert session.status == "completed" and session.cue_index == shown
    assert [e.kind for e in events].count("done") == 1
    assert len([e for e in events if e.planned_s is not None]) == shown
    history = invoke("history", "--json")
    entries = json.loads(history.stdout)
    assert entries[0]["status"] == "completed" and entries[0]["minutes_done"] > 2
    table = invoke("history")  # not a terminal: the table's words as plain aligned lines
    lines = table.stdout.splitlines()
    assert lines[0] == "Your sessions"
    assert lines[1].split() == ["date", "routine", "time", "result", "stiffness", "pain"]
    assert "Finished" in lines[2]  # textfmt.session_ending, as the web says it
    assert lines[2].index("Finished") == lines[1].index("result")  # columns line up
    assert not any(ch in table.stdout for ch in "│┃━")


def test_plain_no_input_prints_cue_lines(cli_app: App) -> None:
    screened(cli_app)
    result = invoke("start", "--no-input", "--minutes", "1", "--where", "desk", "--area", "upper")
    assert result.exit_code == 0, result.output
    assert "Get ready" in result.stdout and "Well done" in result.stdout


def test_interactive_start_needs_a_terminal(cli_app: App) -> None:
    screened(cli_app)
    result = invoke("start")
    assert result.exit_code != 0 and "--no-input" in result.stderr


def test_resume_without_an_unfinished_session_says_so(cli_app: App) -> None:
    screened(cli_app)
    result = invoke("start", "--resume", "--no-input")
    assert result.exit_code != 0 and "no unfinished session" in result.stderr


def test_history_is_empty_at_first(cli_app: App) -> None:
    result = invoke("history")
    assert result.exit_code == 0 and "No sessions yet" in result.stdout


def test_a_new_person_meets_the_safety_questions_before_any_plan_question(
    cli_app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan's defaults (area, place) come from the answers, so the questions come first."""
    import unkink.cli.player

    monkeypatch.setattr(unkink.cli.player, "stdin_is_terminal", lambda: True)
    result = runner.invoke(cli, ["start"], input="n\n")  # not now
    assert result.exit_code != 0
    assert "Answer the safety questions now?" in result.output
    assert "Where will you stretch" not in result.output
    assert "Traceback" not in result.output
