"""``unkink remind install/uninstall/pause/status`` and ``unkink today`` through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from unkink.bootstrap import App
from unkink.cli.main import app as cli

runner = CliRunner()


@pytest.fixture(autouse=True)
def desktop_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)  # no systemd user session here


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(cli, list(args))


def test_install_without_systemd_writes_an_autostart_entry_and_uninstall_removes_it(
    cli_app: App, tmp_path: Path
) -> None:
    result = invoke("remind", "install")
    entry = tmp_path / "config" / "autostart" / "unkink-remind.desktop"
    assert result.exit_code == 0, result.output
    text = entry.read_text()
    assert "Exec=" in text and "unkink remind run" in text and "Terminal=false" in text
    status = json.loads(invoke("remind", "status", "--json").output)
    assert status["installed"] == str(entry) and status["running"] is False
    assert invoke("remind", "uninstall").exit_code == 0
    assert not entry.exists()
    assert "Nothing to remove" in invoke("remind", "uninstall").output


def test_a_deleted_autostart_entry_stays_deleted(cli_app: App, tmp_path: Path) -> None:
    invoke("remind", "install")
    entry = tmp_path / "config" / "autostart" / "unkink-remind.desktop"
    entry.unlink()  # the person removed it by hand
    invoke("remind", "status")
    invoke("today")
    assert not entry.exists()


def test_the_systemd_unit_runs_the_reminder_and_restarts_on_failure(tmp_path: Path) -> None:
    import os

    from unkink.desktop import install

    os.environ["XDG_CONFIG_HOME"] = str(tmp_path / "cfg")
    try:
        path = install.install(use_systemd=True, enable=False)
    finally:
        del os.environ["XDG_CONFIG_HOME"]
    text = path.read_text()
    assert path.name == "unkink-remind.service" and "systemd/user" in str(path)
    assert "-m unkink remind run" in text and "Restart=on-failure" in text
    assert "WantedBy=graphical-session.target" in text


def test_pause_for_an_hour_today_and_off(cli_app: App) -> None:
    result = invoke("remind", "pause", "1h")
    assert result.exit_code == 0 and "paused until 10:00" in result.output
    assert json.loads(invoke("remind", "status", "--json").output)["paused_until"].endswith(
        "10:00:00"
    )
    assert "tomorrow" in invoke("remind", "pause", "today").output
    assert json.loads(invoke("remind", "status", "--json").output)["not_today"] is True
    assert "rest of today" in invoke("remind", "status").output
    assert "back on" in invoke("remind", "pause", "off").output
    status = json.loads(invoke("remind", "status", "--json").output)
    assert status["paused_until"] is None and status["not_today"] is False


def test_pause_with_a_length_it_cannot_read_says_what_to_type(cli_app: App) -> None:
    from unkink.domain.errors import InvalidInput

    result = invoke("remind", "pause", "soonish")  # run() shows this as a plain message
    assert isinstance(result.exception, InvalidInput) and "1h" in str(result.exception)


def test_today_shows_breaks_sitting_and_stretches_for_later(cli_app: App) -> None:
    from unkink.services import reminders

    assert "No breaks recorded today" in invoke("today").output
    reminders.record_event(uow=cli_app.uow, at=cli_app.now(), kind="away", sitting_s=80 * 60)
    with cli_app.uow() as u:
        u.ensure_profile(now=cli_app.now())
        u.reminders.queue_for_later(
            day=cli_app.today(), exercise_ids=["knee_to_chest", "bridge"], at=cli_app.now()
        )
        u.commit()
    out = invoke("today").output
    assert "Breaks today: 1" in out and "1 h 20 min" in out
    assert "At home tonight: knee to chest, bridge." in out
