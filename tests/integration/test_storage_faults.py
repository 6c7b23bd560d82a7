"""Faults under a running session: a full disk, a read-only file, a stopped PostgreSQL server.

Each fault is real: a tiny tmpfs filled to the last byte, a read-only bind mount (``chmod``
does not stop root), a PostgreSQL cluster of the test's own that is stopped mid-session. Each
must end in a plain message, keep every event that was shown, and leave the session to resume.
Needs root (mount) and PostgreSQL's binaries; skips with a reason otherwise.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.test_session_cli import screened
from tests.integration.test_storage_edges import CRACK, _free_port, plain, unkink
from unkink.bootstrap import build
from unkink.settings import load_settings

PLAN = ["--area", "lower", "--where", "floor", "--minutes", "1"]
needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="mounts need root")


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "tiny"
    folder.mkdir()
    try:
        _mount("-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder))
    except (subprocess.CalledProcessError, FileNotFoundError):
        pytest.skip("cannot mount a tmpfs here")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:  # no space left: the point
        pass
    finally:
        os.close(fd)
    return filler


def _run_until_fault(url: str, fault: object, *, after: int = 3) -> tuple[list[dict], str]:
    """Start a session, cause ``fault()`` after ``after`` cue lines; return cues and stderr."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "unkink", "--db", url, "start", "--no-input", "--json-events"]
        + PLAN,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    shown: list[dict] = []
    for line in process.stdout:
        shown.append(json.loads(line))
        if len(shown) == after:
            fault()  # type: ignore[operator]
    process.wait(timeout=60)
    stderr = process.stderr.read()
    process.stdout.close()
    process.stderr.close()
    assert process.returncode != 0, "the session should stop when nothing can be saved"
    return [c for c in shown if "planned_s" in c], stderr


def _check_nothing_shown_was_lost(url: str, shown: list[dict]) -> None:
    app = build(load_settings(database_url=url))
    with app.uow() as u:
        [session] = u.sessions.list_sessions(limit=5)
        stored = [e for e in u.sessions.events(session.id) if e.planned_s is not None]
    app.engine.dispose()
    assert session.status == "running"  # left to resume
    missing = len(shown) - len(stored)
    assert missing <= 0, f"{missing} cue(s) shown but not stored (store first, then show)"


def _screened_db(url: str) -> None:
    app = build(load_settings(database_url=url))
    screened(app)
    app.engine.dispose()


@needs_root
def test_a_full_disk_mid_session_is_a_plain_message(tiny_disk: Path) -> None:
    url = f"sqlite:///{tiny_disk / 'full.db'}"
    _screened_db(url)
    filled: list[Path] = []
    shown, stderr = _run_until_fault(url, lambda: filled.append(_fill(tiny_disk)))
    assert "is full" in stderr and "Traceback" not in stderr and "server" not in stderr
    filled[0].unlink()
    _check_nothing_shown_was_lost(url, shown)


@needs_root
def test_a_read_only_database_file_is_a_plain_message(tmp_path: Path) -> None:
    source = tmp_path / "rw"
    source.mkdir()
    assert unkink("--db", str(source / "x.db"), *CRACK).returncode == 0
    view = tmp_path / "ro"
    view.mkdir()
    try:
        _mount("--bind", str(source), str(view))
        _mount("-o", "remount,ro,bind", str(view))
    except (subprocess.CalledProcessError, FileNotFoundError):
        pytest.skip("cannot make a read-only bind mount here")
    try:
        before = (source / "x.db").read_bytes()
        for args in (CRACK, ["history"]):
            message = plain(unkink("--db", str(view / "x.db"), *args))
            assert "read-only" in message and "server" not in message
        assert (source / "x.db").read_bytes() == before
    finally:
        subprocess.run(["umount", "-l", str(view)], check=False)


def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return found[-1].parent if found else None


@pytest.fixture
def own_postgres() -> Iterator[tuple[str, list[str]]]:
    """A PostgreSQL cluster for this test alone (it gets stopped), on loopback."""
    bin_dir = _pg_bin()
    if bin_dir is None or os.geteuid() != 0 or shutil.which("runuser") is None:
        pytest.skip("needs PostgreSQL's binaries and root (to run them as postgres)")
    data = Path(tempfile.mkdtemp(prefix="unkink-pg-"))  # a folder postgres can reach
    shutil.chown(data, "postgres")
    port = _free_port()
    as_pg = ["runuser", "-u", "postgres", "--"]
    subprocess.run(
        [*as_pg, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"],
        check=True,
        capture_output=True,
    )
    opts = f"-p {port} -k {data} -c listen_addresses=127.0.0.1"
    ctl = [*as_pg, str(bin_dir / "pg_ctl"), "-D", str(data), "-w", "-l", str(data / "log")]
    subprocess.run([*ctl, "-o", opts, "start"], check=True, capture_output=True)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres", [*ctl, "-o", opts]
    finally:
        subprocess.run([*ctl, "-m", "immediate", "stop"], check=False, capture_output=True)
        shutil.rmtree(data, ignore_errors=True)


def test_postgres_stopped_mid_session_is_a_plain_message(
    own_postgres: tuple[str, list[str]],
) -> None:
    url, ctl = own_postgres
    _screened_db(url)

    def stop() -> None:
        subprocess.run([*ctl, "-m", "fast", "stop"], check=True, capture_output=True)

    shown, stderr = _run_until_fault(url, stop)
    assert "cannot connect to PostgreSQL at 127.0.0.1:" in stderr
    assert "Traceback" not in stderr and "went wrong inside" not in stderr
    subprocess.run([*ctl, "start"], check=True, capture_output=True)
    _check_nothing_shown_was_lost(url, shown)
