"""The quick re-check in the terminal (issue 11): after a pain stop, `unkink check` asks the
emergency signs again in one checklist, then shows the rest of the last answers as a summary;
and a saved screening carries the person's age and sex into the profile (issue 9)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from unkink.bootstrap import App, build
from unkink.cli.main import app as cli
from unkink.domain.safety.pain import PainReport
from unkink.services import safety, screening
from unkink.settings import load_settings

LAST_TIME = {"age": 41, "sex": "female", "pain_area": "low_back", "duration_days": 20}


def seeded(url: str) -> App:
    """Screened before, then a session stopped for sharp pain: the gate asks for a re-check."""
    a = build(load_settings(database_url=url))
    screening.save_screening(
        uow=a.uow, answers=LAST_TIME, now=a.now(), source="file", accept_intended_use=True
    )
    safety.record_pain(
        uow=a.uow,
        report=PainReport(score=8, sharp_or_catching=True),
        now=a.now() + timedelta(seconds=1),
    )
    assert safety.check_gate(uow=a.uow, today=a.today()).step == "recheck"
    return a


def test_recheck_in_the_cli_keeps_what_was_confirmed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.db'}"
    a = seeded(url)
    result = CliRunner().invoke(cli, ["--db", url, "check"], input="0\n0\n")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "quick re-check" in out.lower() and "Numbness between your legs" in out
    assert "Age: 41" in out and "Where: Lower back" in out
    assert "How old are you?" not in out
    latest = screening.latest_screening(uow=a.uow)
    assert latest is not None and latest.answers["age"] == 41
    assert "age" in latest.confirmed and "saddle_numbness" not in latest.confirmed


def test_check_save_puts_age_and_sex_in_the_profile(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'p.db'}"
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"age": 52, "sex": "male"}), "utf-8")
    runner = CliRunner()
    saved = runner.invoke(
        cli, ["--db", url, "check", "--answers", str(answers), "--save", "--accept-intended-use"]
    )
    assert saved.exit_code == 0, saved.output
    profile = json.loads(runner.invoke(cli, ["--db", url, "profile", "--json"]).stdout)
    assert profile["age"] == 52 and profile["sex"] == "male"


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
def test_recheck_after_a_pain_stop_in_a_real_terminal(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 't.db'}"
    seeded(url)
    name = f"unkink-recheck-{tmp_path.name}"
    command = f"{sys.executable} -m unkink --db {url} check; sleep 120"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "60", command], check=True
    )

    def screen_text() -> str:
        return subprocess.run(
            ["tmux", "capture-pane", "-p", "-S", "-200", "-t", name],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    def wait_for(text: str) -> str:
        for _ in range(600):  # up to a minute: the machine may be busy
            shown = screen_text()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared:\n{screen_text()}")

    try:
        shown = wait_for("Do you have any of these now?")
        assert "A quick re-check" in shown and "Numbness between your legs" in shown
        subprocess.run(["tmux", "send-keys", "-t", name, "0", "Enter"], check=True)
        shown = wait_for("what you told us last time")
        assert "Age: 41" in shown and "Where: Lower back" in shown
        subprocess.run(["tmux", "send-keys", "-t", name, "0", "Enter"], check=True)
        shown = wait_for("Saved on")
        assert "No warning signs" in shown and "confirmed from last time" in shown
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], check=False)


def test_plan_follows_the_pain_area_and_the_remembered_place(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'plan.db'}"
    a = build(load_settings(database_url=url))
    screening.save_screening(
        uow=a.uow,
        answers={"pain_area": "mid_upper_back", "main_symptom": "stiffness"},
        now=a.now(),
        source="file",
        accept_intended_use=True,
    )
    runner = CliRunner()
    planned = json.loads(runner.invoke(cli, ["--db", url, "plan", "--json"]).stdout)
    assert planned["area"] == "upper" and planned["where"] == "desk"
    from unkink.services import profile

    profile.remember_place(uow=a.uow, place="floor", now=a.now())
    planned = json.loads(runner.invoke(cli, ["--db", url, "plan", "--json"]).stdout)
    assert planned["area"] == "upper" and planned["where"] == "floor"


def test_history_after_an_emergency_does_not_suggest_a_session(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'h.db'}"
    a = build(load_settings(database_url=url))
    screening.save_screening(
        uow=a.uow,
        answers={"saddle_numbness": True},
        now=a.now(),
        source="file",
        accept_intended_use=True,
    )
    shown = CliRunner().invoke(cli, ["--db", url, "history"]).stdout
    assert "unkink start" not in shown and "help now" in shown


def test_precautions_use_display_names_and_agree_with_the_gate(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'pr.db'}"
    a = build(load_settings(database_url=url))
    screening.save_screening(
        uow=a.uow,
        answers={"duration_days": 60},
        now=a.now(),
        source="file",
        accept_intended_use=True,
    )
    shown = CliRunner().invoke(cli, ["--db", url, "precautions"]).stdout
    assert "cat_camel" not in shown and "Gentle sessions only" in shown
    assert "offered as normal" not in shown


def test_a_pregnancy_for_a_man_is_asked_first_and_weeks_are_asked(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'preg.db'}"
    runner = CliRunner()
    base = ["--db", url, "profile", "--accept-intended-use"]
    runner.invoke(cli, [*base, "--sex", "male"])
    refused = runner.invoke(cli, [*base, "--add", "pregnancy", "--weeks", "10", "--no-input"])
    assert refused.exit_code != 0 and "recorded as male" in refused.stderr
    declined = runner.invoke(cli, [*base, "--add", "pregnancy"], input="n\n")
    assert declined.exit_code != 0 and "Nothing was added" in declined.stderr
    runner.invoke(cli, [*base, "--sex", "female"])
    no_weeks = runner.invoke(cli, [*base, "--add", "pregnancy", "--no-input"])
    assert no_weeks.exit_code != 0 and "--weeks" in no_weeks.stderr
    asked = runner.invoke(cli, [*base, "--add", "pregnancy"], input="12\n")
    assert asked.exit_code == 0, asked.output
    shown = json.loads(runner.invoke(cli, ["--db", url, "profile", "--json"]).stdout)
    assert shown["conditions"][0]["weeks"] == 12


def test_the_same_condition_twice_is_kept_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'dup.db'}"
    profile_file = tmp_path / "p.json"
    entry = {"code": "osteoporosis", "procedure": "none"}
    profile_file.write_text(json.dumps({"conditions": [entry, entry]}), "utf-8")
    runner = CliRunner()
    done = runner.invoke(
        cli, ["--db", url, "profile", "--file", str(profile_file), "--accept-intended-use"]
    )
    assert done.exit_code == 0, done.output
    shown = json.loads(runner.invoke(cli, ["--db", url, "profile", "--json"]).stdout)
    assert len(shown["conditions"]) == 1 and shown["conditions"][0]["procedure"] == "none"
