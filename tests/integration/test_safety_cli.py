"""The safety commands through the real CLI (click's CliRunner) on a real SQLite file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from unkink.bootstrap import build
from unkink.cli.main import app
from unkink.domain.safety.cracks import NECK_WARNING
from unkink.domain.safety.urgency import EMERGENCY_ADVICE, SELF_CARE_ADVICE
from unkink.services import safety
from unkink.settings import load_settings

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> list[str]:
    """Global options pointing every command at one SQLite file in tmp_path."""
    return ["--db", f"sqlite:///{tmp_path / 'cli.db'}"]


def write(tmp_path: Path, name: str, content: object) -> str:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), "utf-8")
    return str(path)


def stored(db: list[str]) -> safety.StoredScreening | None:  # type: ignore[name-defined]
    a = build(load_settings(database_url=db[1]))
    return safety.latest_screening(uow=a.uow)


def gate(db: list[str]) -> safety.Gate:
    a = build(load_settings(database_url=db[1]))
    return safety.check_gate(uow=a.uow, today=a.today())


def run(db: list[str], *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, [*db, *args], input=input)
    assert "Traceback" not in result.output
    return result


# --- unkink check --------------------------------------------------------------------------


def test_check_answers_json_prints_the_contract_and_stores_nothing(
    tmp_path: Path, db: list[str]
) -> None:
    answers = write(
        tmp_path, "a.json", {"bladder_change_new": True, "unexplained_weight_loss": True}
    )
    result = run(db, "check", "--answers", answers, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "urgency": "emergency",
        "rules": ["E1", "S2"],
        "advice": EMERGENCY_ADVICE,
    }
    assert stored(db) is None


def test_check_answers_json_for_no_warning_signs(tmp_path: Path, db: list[str]) -> None:
    result = run(db, "check", "--answers", write(tmp_path, "a.json", {"age": 30}), "--json")
    assert json.loads(result.stdout) == {
        "urgency": "self_care_ok",
        "rules": [],
        "advice": SELF_CARE_ADVICE,
    }


def test_save_without_the_acknowledgment_fails_naming_the_fix(
    tmp_path: Path, db: list[str]
) -> None:
    result = run(db, "check", "--answers", write(tmp_path, "a.json", {}), "--save")
    assert result.exit_code != 0
    assert "--accept-intended-use" in result.stderr and "unkink check" in result.stderr
    assert stored(db) is None


def test_gate_blocks_a_new_user_after_an_emergency_screening(tmp_path: Path, db: list[str]) -> None:
    assert not gate(db).allowed  # a brand-new user: nothing yet
    answers = write(tmp_path, "a.json", {"saddle_numbness": True})
    result = run(db, "check", "--answers", answers, "--save", "--accept-intended-use")
    assert result.exit_code == 0, result.output
    assert "GET HELP NOW" in result.stdout and EMERGENCY_ADVICE in result.stdout
    screening = stored(db)
    assert screening is not None and screening.rules == ("E3",)
    g = gate(db)
    assert not g.allowed and not g.gentle_only
    assert "emergency" in g.reason


def test_save_with_json_prints_and_stores(tmp_path: Path, db: list[str]) -> None:
    answers = write(tmp_path, "a.json", {"duration_days": 60})
    result = run(db, "check", "--answers", answers, "--save", "--accept-intended-use", "--json")
    assert json.loads(result.stdout)["rules"] == ["S8"]
    assert gate(db).gentle_only


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"age": 40,}', "not valid JSON: line 1"),
        ('{"bladder": true}', "'bladder'"),
        ('{"trauma": "big"}', "none, minor, major"),
        ("[1, 2]", "expected an object"),
    ],
)
def test_bad_answer_files_say_what_where_and_how(
    tmp_path: Path, db: list[str], content: str, expected: str
) -> None:
    path = write(tmp_path, "bad.json", content)
    result = run(db, "check", "--answers", path, "--json")
    assert result.exit_code != 0
    assert expected in result.stderr
    assert "bad.json" in result.stderr
    assert result.stdout == ""


def test_missing_answers_file_is_named(tmp_path: Path, db: list[str]) -> None:
    result = run(db, "check", "--answers", str(tmp_path / "nope.json"), "--json")
    assert result.exit_code != 0 and "nope.json does not exist" in result.stderr


def test_json_without_answers_never_prompts(db: list[str]) -> None:
    result = run(db, "check", "--json")
    assert result.exit_code != 0
    assert "--answers FILE.json" in result.stderr


# --- interactive questionnaire -----------------------------------------------------------------

HARMLESS = [
    "0",  # urgent signs: none of these
    "0",  # legs: none of these
    "40",  # age
    "2",  # sex: male, so no pregnancy questions
    "1",  # main symptom: stiffness that eases with movement
    "1",  # pain area
    "10",  # days: no three-month questions
    "0",  # how it started and behaves: none of these
    "1",  # trend: better
    "0",  # health now: none of these
    "0",  # health in the past: none of these
]
"""A healthy first run: 11 screens (revision 2 checklists; 29-32 questions before)."""


def test_questionnaire_asks_one_at_a_time_and_saves_with_the_date(db: list[str]) -> None:
    keys = ["y", *HARMLESS, ""]  # accept intended use, answers, review: all right
    result = run(db, "check", input="\n".join(keys) + "\n")
    assert result.exit_code == 0, result.output
    assert "Before we start" in result.stdout
    assert "Are you pregnant?" not in result.stdout  # skipped for a man
    assert "No warning signs" in result.stdout and "Saved on" in result.stdout
    screening = stored(db)
    assert screening is not None and screening.urgency == "self_care_ok"
    assert screening.answers["age"] == 40 and screening.answers["sex"] == "male"
    assert gate(db).allowed


def test_a_choice_out_of_range_is_asked_again_with_the_range(db: list[str]) -> None:
    """'0' (as for the checklists) on a one-answer question: asked again, saying 1 to 4."""
    keys = ["y", "0", "0", "40", "0", *HARMLESS[3:], ""]
    result = run(db, "check", input="\n".join(keys) + "\n")
    assert result.exit_code == 0, result.output
    assert "Sorry, I did not understand that. Type the number of one answer, from 1 to 4." in (
        result.stdout
    )
    screening = stored(db)
    assert screening is not None and screening.answers["sex"] == "male"


def test_an_answers_file_whose_problem_started_after_today_s_age_is_refused(
    tmp_path: Path, db: list[str]
) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"age": 40, "age_at_onset": 50}))
    result = run(db, "check", "--answers", str(path), "--json")
    assert result.exit_code == 2
    assert "age_at_onset" in result.output and "0 to 40" in result.output
    assert "Traceback" not in result.output


def test_questionnaire_goes_back_and_changes_an_answer_in_review(db: list[str]) -> None:
    # back to age; then in the review, item 3 (age) -> 45
    keys = ["y", "0", "0", "40", "b", "41", *HARMLESS[3:], "3", "45", ""]
    result = run(db, "check", input="\n".join(keys) + "\n")
    assert result.exit_code == 0, result.output
    screening = stored(db)
    assert screening is not None and screening.answers["age"] == 45


def test_questionnaire_asks_pregnancy_questions_only_when_they_apply(db: list[str]) -> None:
    keys = ["y", "0", "0", "30", "1", "y", "20", "y"]  # pregnant, 20 weeks, warning signs -> E12
    result = run(db, "check", input="\n".join(keys) + "\n")
    assert result.exit_code == 0, result.output
    assert "How many weeks pregnant are you?" in result.stdout
    assert EMERGENCY_ADVICE in result.stdout
    screening = stored(db)
    assert screening is not None and screening.rules == ("E12",)
    assert not gate(db).allowed


def test_questionnaire_stops_at_the_first_emergency_answer(db: list[str]) -> None:
    keys = ["y", "8"]  # the first checklist: a big accident -> E7; nothing more is asked
    result = run(db, "check", input="\n".join(keys) + "\n")
    assert result.exit_code == 0, result.output
    assert "How old are you?" not in result.stdout
    assert "GET HELP NOW" in result.stdout
    assert result.stdout.count(EMERGENCY_ADVICE) == 1  # the advice is shown once
    assert "E7" not in result.stdout.split("Details:")[0]  # codes only on the details line


def test_questionnaire_with_no_input_ends_with_a_clear_message(db: list[str]) -> None:
    result = run(db, "check", input="")
    assert result.exit_code != 0
    assert "unkink check --answers FILE.json" in result.stderr
    assert stored(db) is None


def test_declining_the_intended_use_stops(db: list[str]) -> None:
    result = run(db, "check", input="n\n")
    assert result.exit_code != 0
    assert "will not go on" in result.stderr


# --- profile and precautions -------------------------------------------------------------------


def test_precautions_profile_json_is_the_contract(tmp_path: Path, db: list[str]) -> None:
    profile = {
        "age": 31,
        "sex": "female",
        "conditions": [{"code": "pregnancy", "weeks": 30}, {"code": "lumbar_spinal_stenosis"}],
    }
    result = run(db, "precautions", "--profile", write(tmp_path, "p.json", profile), "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert set(out) == {"must_not_offer", "offer_with_modification", "offer_normally"}
    assert out["must_not_offer"] == ["prone_extension", "knee_to_chest"]
    assert sorted(out["offer_with_modification"]) == [
        "bridge",
        "cat_camel",
        "chair_twist",
        "kneeling_extension",
    ]
    assert "bump" in out["offer_with_modification"]["kneeling_extension"]
    assert out["offer_normally"] == ["butterfly"]


def test_precautions_unknown_code_is_a_clear_error(tmp_path: Path, db: list[str]) -> None:
    path = write(tmp_path, "p.json", {"conditions": [{"code": "back_ache"}]})
    result = run(db, "precautions", "--profile", path, "--json")
    assert result.exit_code != 0
    assert "condition 1 in the list, 'code'" in result.stderr and "osteoporosis" in result.stderr
    assert "conditions[0]" not in result.stderr


def test_profile_records_dated_conditions_that_precautions_use(db: list[str]) -> None:
    added = run(
        db, "profile", "--add", "hip_replacement", "--weeks-since", "3", "--accept-intended-use"
    )
    assert added.exit_code == 0, added.output
    assert "hip_replacement_posterior" in added.stdout  # unknown approach = posterior
    shown = json.loads(run(db, "profile", "--json").stdout)
    assert shown["conditions"][0]["code"] == "hip_replacement"
    assert shown["conditions"][0]["recorded_on"]
    out = json.loads(run(db, "precautions", "--json").stdout)
    assert out["must_not_offer"] == ["knee_to_chest", "kneeling_extension"]
    removed = run(db, "profile", "--remove", "hip_replacement")
    assert removed.exit_code == 0
    assert json.loads(run(db, "precautions", "--json").stdout)["must_not_offer"] == []


def test_profile_file_replaces_the_profile(tmp_path: Path, db: list[str]) -> None:
    run(db, "profile", "--add", "osteoporosis", "--accept-intended-use")
    path = write(tmp_path, "p.json", {"age": 70, "conditions": [{"code": "spondylolisthesis"}]})
    result = run(db, "profile", "--file", path, "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["age"] == 70 and [c["code"] for c in out["conditions"]] == ["spondylolisthesis"]


def test_profile_changes_without_acknowledgment_fail_in_no_input_mode(db: list[str]) -> None:
    result = run(db, "profile", "--add", "osteoporosis", "--no-input")
    assert result.exit_code != 0 and "unkink check" in result.stderr


def test_profile_weeks_without_add_is_an_error(db: list[str]) -> None:
    result = run(db, "profile", "--weeks", "12")
    assert result.exit_code != 0 and "--add CODE" in result.stderr


# --- crack log -----------------------------------------------------------------------------


def test_crack_logs_and_cracks_json_shows_it(db: list[str]) -> None:
    result = run(db, "crack", "--where", "lower", "--relief", "6")
    assert result.exit_code == 0, result.output
    assert "Logged a crack" in result.stdout
    out = json.loads(run(db, "cracks", "--json").stdout)
    assert out["status"] == "fine" and len(out["sessions"]) == 1
    assert out["regions"] == {"lower": 1}


def test_neck_warning_is_shown_once(db: list[str]) -> None:
    first = run(db, "crack", "--where", "neck")
    assert NECK_WARNING in first.stdout
    second = run(db, "crack", "--where", "neck")
    assert NECK_WARNING not in second.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--relief", "11"], "--relief"),
        (["--relief", "-1"], "--relief"),
        (["--where", "knee"], "--where"),
        (["--at", "soon"], "--at: 'soon' is not a time"),
        (["--at", "2999-01-01T10:00"], "in the future"),
    ],
)
def test_bad_crack_input_is_refused_plainly(db: list[str], args: list[str], expected: str) -> None:
    result = run(db, "crack", *args)
    assert result.exit_code != 0
    assert expected in result.output
    assert json.loads(run(db, "cracks", "--json").stdout)["sessions"] == []


def test_cracks_status_events_is_the_contract(tmp_path: Path, db: list[str]) -> None:
    events = {
        "timestamps": [
            "2026-03-02T08:00",
            "2026-03-02T08:20",  # same session as 08:00
            "2026-03-02T11:00",
            "2026-03-02T14:00",  # a repetitive day
            "2026-03-20T09:00",  # outside the period
        ],
        "period_start": "2026-03-01",
        "period_end": "2026-03-07",
    }
    result = run(db, "cracks", "status", "--events", write(tmp_path, "e.json", events), "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert set(out) == {"status", "sessions", "days"}
    assert out["status"] == "frequent"
    assert [s["cracks"] for s in out["sessions"]] == [2, 1, 1]
    assert out["days"] == [{"date": "2026-03-02", "sessions": 3, "multi": True, "repetitive": True}]
    assert json.loads(run(db, "cracks", "--json").stdout)["sessions"] == []  # nothing stored


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ({"timestamps": ["yesterday"]}, "timestamps[0]"),
        ({"times": []}, "'times'"),
        ({}, "timestamps"),
        ({"timestamps": [], "period_start": "2026-03-09", "period_end": "2026-03-01"}, "after"),
        ("{oops", "not valid JSON"),
    ],
)
def test_bad_events_files_are_refused_plainly(
    tmp_path: Path, db: list[str], content: object, expected: str
) -> None:
    path = write(tmp_path, "e.json", content)
    result = run(db, "cracks", "status", "--events", path, "--json")
    assert result.exit_code != 0
    assert expected in result.stderr


def test_safety_cli_modules_do_not_import_sqlalchemy_at_start() -> None:
    code = (
        "import sys, unkink.cli.safety, unkink.cli.cracks, unkink.cli.precautions;"
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'pydantic') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_profile_change_with_input_ended_fails_with_a_clear_message(db: list[str]) -> None:
    # No --no-input, but stdin is closed (a script or a pipe): not a bare "Aborted!".
    result = run(db, "profile", "--add", "osteoporosis", input="")
    assert result.exit_code != 0
    assert "Aborted" not in result.output
    assert "--accept-intended-use" in result.stderr


def test_a_clock_time_later_than_now_means_last_night() -> None:
    from datetime import datetime

    from unkink.domain.safety.crack_time import parse_crack_time as parse_time

    just_after_midnight = datetime(2026, 3, 2, 0, 10)
    assert parse_time("23:50", just_after_midnight) == datetime(2026, 3, 1, 23, 50)
    assert parse_time("00:05", just_after_midnight) == datetime(2026, 3, 2, 0, 5)


def test_check_json_says_routine_review_for_pain_not_better_after_10_weeks(
    tmp_path: Path, db: list[str]
) -> None:
    answers = {"main_symptom": "pain", "duration_days": 70, "pain_trend": "stable"}
    result = run(db, "check", "--answers", write(tmp_path, "a.json", answers), "--json")
    out = json.loads(result.stdout)
    assert out["urgency"] == "routine_review" and out["rules"] == ["S8"]
    plain = run(db, "check", "--answers", write(tmp_path, "a.json", answers)).stdout
    assert (
        "S8" not in plain.split("Details:")[0]
        and "routine_review" not in plain.split("Details:")[0]
    )
    assert "next few weeks" in plain and "one to three days" not in plain
