"""Insights, weekly checks and the clinician summary through the real CLI on a real SQLite file:
empty history first, then six weeks written through the services (tests/insights_factory.py)."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from tests.fakes import ManualWallClock
from tests.insights_factory import ACTIVITIES, HELPFUL, NOT_HELPFUL, SAFE, seed_history
from unkink.bootstrap import App
from unkink.cli.main import app as cli
from unkink.services.report import ReportExists, ReportNotWritable
from unkink.storage.tables import ratings, sessions
from unkink.storage.unit_of_work import SqlUnitOfWork

runner = CliRunner()
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext missing: run scripts/install-system"
)


@pytest.fixture
def seeded(cli_app: App) -> App:
    seed_history(cli_app)
    return cli_app


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(cli, list(args))


def test_empty_history_says_not_enough_data_everywhere(cli_app: App, tmp_path: Path) -> None:
    result = invoke("insights")
    assert result.exit_code == 0 and "not enough data yet" in result.stdout
    data = json.loads(invoke("insights", "--json").stdout)
    assert data["enough_data"] is False and data["stretches"] == []
    assert json.loads(invoke("measures", "--json").stdout) == {"due": True, "checks": []}
    out = tmp_path / "r"
    result = invoke("report", "--pdf", f"{out}.pdf", "--json", f"{out}.json", "--csv", f"{out}.csv")
    assert result.exit_code == 0, result.output
    assert Path(f"{out}.pdf").read_bytes().startswith(b"%PDF")
    assert json.loads(Path(f"{out}.json").read_text())["entry"] == []


def test_seeded_insights_find_the_helpful_stretches_and_do_not_rank_overlaps(seeded: App) -> None:
    data = json.loads(invoke("insights", "--json").stdout)
    found = {s["exercise"]: s for s in data["stretches"]}
    for ex in HELPFUL:
        change = found[ex]["stiffness_change"]
        assert change["high"] < 0, (ex, change)  # the interval excludes zero
        assert found[ex]["verdict"] == "eased"
        assert found[ex]["picked_as_helped_most"] > 0
    flat = found[NOT_HELPFUL]["stiffness_change"]
    assert flat["low"] < 0 < flat["high"] and found[NOT_HELPFUL]["verdict"] == "no_clear_change"
    a, b = (found[ex]["stiffness_change"] for ex in HELPFUL)
    assert a["low"] <= b["high"] and b["low"] <= a["high"]  # they overlap...
    assert "no clear difference" in data["summary"][0]  # ...so neither is called better
    pairs = {(p["stretch"], p["than"]) for p in data["clearly_eased_more"]}
    assert pairs == {(ex, NOT_HELPFUL) for ex in HELPFUL}
    assert len([w for w in data["weeks"] if w["sessions"]]) == 6
    assert data["goal"]["sessions_per_week"] == 5
    text = invoke("insights").stdout
    assert "Knee to chest" in text and "By week" in text


@needs_poppler
def test_pdf_reads_back_and_is_repeatable(seeded: App, tmp_path: Path) -> None:
    pdf = tmp_path / "summary.pdf"
    result = invoke("report", "--pdf", str(pdf), "--ask", "Is it OK to stretch every day?")
    assert result.exit_code == 0, result.output
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in (
        "OK to stretch",  # the latest screening result ...
        "19 Jan 2026",  # ... and its date
        "Knee to chest",
        "Chair twist",
        "Butterfly",
        "By week",
        "stiffness before sessions went down",  # the trend, in words
        "Pain before",
        *ACTIVITIES,
        "Pain stops",
        "stopped that stretch",
        "rule of thumb",
        "Is it OK to stretch every day?",
        "from my own records",
        "diagnose",
    ):
        assert expected in text, expected
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert int(info.split("Pages:")[1].split()[0]) <= 2
    again = tmp_path / "again.pdf"
    invoke("report", "--pdf", str(again), "--ask", "Is it OK to stretch every day?")
    assert again.read_bytes() == pdf.read_bytes()


@needs_poppler
def test_pdf_says_routine_review_in_words_and_shows_a_procedure(
    cli_app: App, tmp_path: Path
) -> None:
    """Revision 2: the fourth urgency level in plain words; a condition's free-text procedure."""
    from unkink.domain.safety.answers import parse_answers
    from unkink.domain.safety.precautions import parse_condition
    from unkink.services import safety, screening

    now = cli_app.now()
    answers = {**SAFE, "main_symptom": "pain", "duration_days": 70, "pain_trend": "stable"}
    saved = screening.save_screening(
        uow=cli_app.uow, answers=parse_answers(answers), now=now, source="file",
        accept_intended_use=True,
    )  # fmt: skip
    assert str(saved.result.urgency) == "routine_review"
    surgery = {"code": "spinal_surgery", "weeks_since": 20, "procedure": "microdiscectomy"}
    safety.add_conditions(uow=cli_app.uow, conditions=[parse_condition(surgery)], now=now)
    pdf = tmp_path / "summary.pdf"
    assert invoke("report", "--pdf", str(pdf)).exit_code == 0
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "book a normal visit with a GP or physio in the next few weeks" in text
    assert "routine_review" not in text
    assert "Spinal surgery (microdiscectomy)" in text


def test_json_is_a_valid_fhir_bundle(seeded: App, tmp_path: Path) -> None:
    from fhir.resources.R4B.bundle import Bundle

    out = tmp_path / "summary.json"
    assert invoke("report", "--json", str(out)).exit_code == 0
    bundle = Bundle.model_validate_json(out.read_text())
    kinds = [e.resource.get_resource_type() for e in bundle.entry]
    assert kinds.count("Observation") == 6 and kinds.count("QuestionnaireResponse") == 6
    obs = next(e.resource for e in bundle.entry if e.resource.get_resource_type() == "Observation")
    assert obs.code.coding[0].code == "72514-3" and isinstance(obs.valueInteger, int)
    qr = next(e.resource for e in bundle.entry if e.resource.get_resource_type() != "Observation")
    assert [i.text for i in qr.item] == list(ACTIVITIES)


def test_csv_round_trips_every_stored_rating(seeded: App, tmp_path: Path) -> None:
    out = tmp_path / "summary.csv"
    assert invoke("report", "--csv", str(out)).exit_code == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))

    def num(v: str) -> int | None:
        return None if v == "" else int(v)

    read_back = sorted(
        (int(r["session"]), r["moment"], num(r["stiffness"]), num(r["pain"]))
        for r in rows
        if r["record"] == "rating"
    )
    with SqlUnitOfWork(seeded.engine) as u:  # read back with SQL of its own
        stored = sorted(
            (r.session_id, r.moment, r.stiffness, r.pain)
            for r in u.connection.execute(
                select(ratings).join(sessions, sessions.c.id == ratings.c.session_id)
            )
        )
    assert read_back == stored and len(stored) > 50
    assert sum(r["record"] == "session" for r in rows) == 31
    assert sum(r["record"] == "crack" for r in rows) == 14


def test_report_never_overwrites_silently_and_says_why_it_cannot_write(
    seeded: App, tmp_path: Path
) -> None:
    out = tmp_path / "summary.csv"
    out.write_text("mine")
    result = invoke("report", "--csv", str(out))
    assert isinstance(result.exception, ReportExists) and out.read_text() == "mine"
    assert invoke("report", "--csv", str(out), "--overwrite").exit_code == 0
    result = invoke("report", "--pdf", str(tmp_path / "no-such-folder" / "x.pdf"))
    assert isinstance(result.exception, ReportNotWritable)
    assert "does not exist" in str(result.exception)
    assert invoke("report").exit_code == 2


def test_weekly_check_from_the_cli_at_most_weekly(
    cli_app: App, wall_clock: ManualWallClock
) -> None:
    result = invoke("measures", "--pain", "4", "--activity", "Sitting for an hour=3")
    assert result.exit_code == 0, result.output
    data = json.loads(invoke("measures", "--json").stdout)
    assert data["due"] is False
    assert data["checks"][0]["pain"] == 4 and data["checks"][0]["psfs"] == {
        "Sitting for an hour": 3
    }
    wall_clock.tick(days=7)
    assert json.loads(invoke("measures", "--json").stdout)["due"] is True
    assert invoke("measures", "--skip").exit_code == 0
    assert json.loads(invoke("measures", "--json").stdout)["due"] is False
    result = invoke("insights", "goal", "--sessions", "4", "--desk-breaks", "10")
    assert result.exit_code == 0
    assert json.loads(invoke("insights", "--json").stdout)["goal"]["desk_breaks_per_week"] == 10


def test_insights_and_report_data_on_each_real_database(db_app: App) -> None:
    """The same seeded history on SQLite and PostgreSQL gives the same findings."""
    from unkink.services.insights import insights
    from unkink.services.report import gather, render

    seed_history(db_app)
    names = {e.id: e.name for e in db_app.catalogue}
    found = insights(uow=db_app.uow, today=db_app.today(), names=names)
    verdicts = {s.exercise_id: str(s.verdict) for s in found.stretches}
    assert [verdicts[e] for e in (*HELPFUL, NOT_HELPFUL)] == ["eased", "eased", "no_clear_change"]
    data = gather(uow=db_app.uow, catalogue=db_app.catalogue, today=db_app.today())
    assert len(data.pain_stops) == 1 and len(data.insights.checks) == 6
    assert render(data, "csv").count(b"\nrating,") == sum(len(r) for r in data.ratings.values())


def test_weekly_check_asked_in_the_terminal(cli_app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    import unkink.cli.player

    monkeypatch.setattr(unkink.cli.player, "stdin_is_terminal", lambda: True)
    result = runner.invoke(cli, ["measures"], input="y\n4\nSitting for an hour\n\n3\n")
    assert result.exit_code == 0, result.output
    assert "skip" in result.stdout and "Saved" in result.stdout
    check = json.loads(invoke("measures", "--json").stdout)["checks"][0]
    assert check["pain"] == 4 and check["psfs"] == {"Sitting for an hour": 3}
    again = runner.invoke(cli, ["measures"], input="n\n")  # already answered: asked to confirm
    assert (
        again.exit_code == 0 and len(json.loads(invoke("measures", "--json").stdout)["checks"]) == 1
    )
