"""Parity: the same session scenario through the terminal and through the HTTP API ends the
same way (status, reason, ratings, the events logged, each cue's offset, the gate after).

The CLI runs in-process (click's CliRunner) with the manual clocks; for the full-screen
player, only the terminal's edges are replaced: it is a terminal, and the keys come from a
script (each key at a time into the session; no key: the clock moves on). The web runs
through Starlette's TestClient. Both on a real SQLite file and a real PostgreSQL server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from click.testing import CliRunner

import unkink.bootstrap
import unkink.cli.player
import unkink.cli.session_keys
from tests.fakes import ManualClock, ManualWallClock
from tests.integration.test_session_cli import screened
from tests.integration.test_web import BASE, make_client
from unkink.bootstrap import App
from unkink.cli.main import app as cli
from unkink.domain.errors import Conflict
from unkink.domain.session.status import Moment
from unkink.services import sessions
from unkink.web.errors import status_for

PLAN = {"area": "upper", "where": "desk", "minutes": 1}
PLAN_ARGS = ["--area", "upper", "--where", "desk", "--minutes", "1"]
STOP_ANSWERS = 6  # the stop-at-once questions after "this hurts" (domain.safety.pain)


@dataclass(frozen=True)
class Outcome:
    status: str
    stop_reason: str | None
    before: tuple[int | None, int | None]
    events: tuple[str, ...]
    """What the person did (cues left out), in order."""
    cue_offsets: tuple[float, ...]
    gate_open_after: bool
    refused: int | None = None
    """The HTTP status of a refused write (the CLI's error has the same category)."""


def _outcome(app: App, refused: int | None = None) -> Outcome:
    [entry] = sessions.history(uow=app.uow, limit=1)
    with app.uow() as u:
        events = u.sessions.events(entry.session_id)
    cues = [e for e in events if e.detail and "cue" in e.detail]
    done = tuple(str(e.kind) for e in events if e not in cues)
    gate = sessions.session_gate(uow=app.uow, catalogue=app.catalogue, today=app.today())
    return Outcome(
        str(entry.status), entry.stop_reason, entry.before, done,
        tuple(float(e.actual_s or 0) for e in cues), gate.allowed, refused,
    )  # fmt: skip


# --- the terminal --------------------------------------------------------------------------


@contextmanager
def _terminal(monkeypatch: pytest.MonkeyPatch, clock: ManualClock, keys: dict[float, str]):  # type: ignore[no-untyped-def]
    """A terminal whose keys are pressed at the given seconds after the player starts."""
    script = sorted(keys.items())
    started: list[float] = []

    @contextmanager
    def raw_keys(_stream: object) -> Iterator[Callable[[float], str | None]]:
        def read(timeout_s: float) -> str | None:
            if not started:
                started.append(clock())
            if script and clock() - started[0] >= script[0][0]:
                return script.pop(0)[1]
            clock.tick(max(timeout_s, 0.001))
            return None

        yield read

    monkeypatch.setattr(unkink.cli.player, "stdin_is_terminal", lambda: True)
    monkeypatch.setattr(unkink.cli.session_keys, "raw_keys", raw_keys)
    yield


def _cli(app: App, *args: str, input: str = "") -> Any:
    result = CliRunner().invoke(cli, list(args), input=input)
    assert "Traceback" not in result.output
    return result


def cli_pain_stop(app: App, monkeypatch: pytest.MonkeyPatch) -> Outcome:
    assert isinstance(app.clock, ManualClock)
    with _terminal(monkeypatch, app.clock, {6.5: "p"}):
        answers = "3\n2\n" + "4\n" + "n\ny\n" + "n\n" * (STOP_ANSWERS - 2)
        result = _cli(app, "start", *PLAN_ARGS, input=answers)
    assert result.exit_code == 0, result.output
    assert "safety questions again" in result.output
    return _outcome(app)


def cli_skip_most(app: App, monkeypatch: pytest.MonkeyPatch) -> Outcome:
    assert isinstance(app.clock, ManualClock)
    with _terminal(monkeypatch, app.clock, {6.5: "s", 7.0: "s", 7.5: "s", 8.0: "s"}):
        result = _cli(app, "start", *PLAN_ARGS, input="3\n2\n" + "1\n1\n0\n")
    assert result.exit_code == 0, result.output
    return _outcome(app)


def cli_healthy_run(app: App, monkeypatch: pytest.MonkeyPatch) -> Outcome:
    result = _cli(app, "start", "--no-input", "--json-events", *PLAN_ARGS)
    assert result.exit_code == 0, result.output
    return _outcome(app)


def cli_rating_while_running(app: App, monkeypatch: pytest.MonkeyPatch) -> Outcome:
    from unkink.cli.session_recorder import Recorder

    _, started = sessions.plan_and_start(
        uow=app.uow, catalogue=app.catalogue, request=_request(), now=app.now()
    )
    recorder = Recorder(app, started.session_id)  # what the terminal player writes through
    with pytest.raises(Conflict) as refused:
        recorder.rate(Moment.NEXT_MORNING, 2, 1)
    recorder.close()
    return _outcome(app, refused=status_for(refused.value))


def _request() -> Any:
    from unkink.domain.session.planner import parse_request

    return parse_request(area="upper", where="desk", minutes=1)


# --- the browser's API ---------------------------------------------------------------------

HEADERS = {"Origin": BASE}


def _web_started(client: Any) -> tuple[int, dict[str, Any]]:
    reply = client.post("/api/sessions", json=PLAN, headers=HEADERS)
    assert reply.status_code == 201, reply.text
    sid = reply.json()["id"]
    return sid, client.get(f"/api/sessions/{sid}").json()["timeline"]


def _post(client: Any, path: str, body: dict[str, Any], expect: int = 204) -> Any:
    reply = client.post(path, json=body, headers=HEADERS)
    assert reply.status_code == expect, reply.text
    return reply


def _cues_until(client: Any, sid: int, timeline: dict[str, Any], until_s: float) -> float:
    for cue in timeline["cues"]:
        if cue["planned_s"] > until_s:
            break
        shown = {"index": cue["n"], "position_s": cue["planned_s"], "elapsed_s": cue["planned_s"]}
        _post(client, f"/api/sessions/{sid}/cues", shown)
    return until_s


def web_pain_stop(app: App, client: Any) -> Outcome:
    sid, timeline = _web_started(client)
    _post(client, f"/api/sessions/{sid}/ratings", {"moment": "before", "stiffness": 3, "pain": 2})
    at = _cues_until(client, sid, timeline, 6.5)
    _post(client, f"/api/sessions/{sid}/events",
          {"kind": "pause", "position_s": at, "elapsed_s": at})  # fmt: skip
    stop = _post(client, f"/api/sessions/{sid}/pain",
                 {"score": 4, "spreads_down_leg": True, "elapsed_s": at}, expect=200)  # fmt: skip
    assert stop.json()["ended"] is True and stop.json()["status"] == "stopped"
    return _outcome(app)


def web_skip_most(app: App, client: Any) -> Outcome:
    sid, timeline = _web_started(client)
    _post(client, f"/api/sessions/{sid}/ratings", {"moment": "before", "stiffness": 3, "pain": 2})
    at = _cues_until(client, sid, timeline, 6.5)
    segments, cues = timeline["segments"], timeline["cues"]
    position = at
    for _ in range(4):  # the player's "skip": where the server's timeline says it lands
        segment = next(s for s in segments if position < s["end_s"])
        _post(client, f"/api/sessions/{sid}/events",
              {"kind": "skip", "position_s": position, "elapsed_s": at})  # fmt: skip
        position = segment["skip_exercise_to_s"]
        cue = cues[segment["skip_exercise_cue"]]  # the player shows the cue it lands on
        _post(client, f"/api/sessions/{sid}/cues",
              {"index": cue["n"], "position_s": cue["planned_s"], "elapsed_s": at})  # fmt: skip
        if cue["cue"] == "done":
            break
    _post(client, f"/api/sessions/{sid}/finish", {"elapsed_s": at}, expect=200)
    return _outcome(app)


def web_healthy_run(app: App, client: Any) -> Outcome:
    sid, timeline = _web_started(client)
    _cues_until(client, sid, timeline, timeline["total_s"])
    end = _post(client, f"/api/sessions/{sid}/finish",
                {"elapsed_s": timeline["total_s"]}, expect=200)  # fmt: skip
    assert end.json()["status"] == "completed"
    return _outcome(app)


def web_rating_while_running(app: App, client: Any) -> Outcome:
    sid, _ = _web_started(client)
    reply = client.post(f"/api/sessions/{sid}/ratings",
                        json={"moment": "next_morning", "stiffness": 2, "pain": 1},
                        headers=HEADERS)  # fmt: skip
    return _outcome(app, refused=reply.status_code)


SCENARIOS = {
    "pain stop with recheck": (cli_pain_stop, web_pain_stop),
    "most of it skipped": (cli_skip_most, web_skip_most),
    "a healthy short run to the end": (cli_healthy_run, web_healthy_run),
    "a next-morning rating on a running session": (cli_rating_while_running,
                                                   web_rating_while_running),
}  # fmt: skip

EXPECTED = {
    "pain stop with recheck": {"status": "stopped", "stop_reason": "pain",
                               "gate_open_after": False},
    "most of it skipped": {"status": "stopped", "stop_reason": "skipped_most"},
    "a healthy short run to the end": {"status": "completed", "stop_reason": None},
    "a next-morning rating on a running session": {"status": "running", "refused": 409},
}  # fmt: skip


@pytest.fixture
def fresh_app(db_app: App, monkeypatch: pytest.MonkeyPatch) -> App:
    screened(db_app)
    assert isinstance(db_app.wall_clock, ManualWallClock)
    db_app.wall_clock.tick(minutes=1)  # the session comes after the check
    monkeypatch.setattr(unkink.bootstrap, "build", lambda *a, **k: db_app)
    return db_app


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_the_terminal_and_the_browser_agree(
    scenario: str, fresh_app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_terminal, in_browser = SCENARIOS[scenario]
    by_cli = in_terminal(fresh_app, monkeypatch)
    assert isinstance(fresh_app.wall_clock, ManualWallClock)
    fresh_app.wall_clock.tick(minutes=1)
    screened(fresh_app)  # a pain stop closed the gate: the same fresh start for the browser
    fresh_app.wall_clock.tick(minutes=1)
    with make_client(fresh_app) as client:
        by_web = in_browser(fresh_app, client)
    assert by_cli == by_web
    for field, value in EXPECTED[scenario].items():
        assert getattr(by_cli, field) == value, field


def test_leaving_at_the_first_question_leaves_no_unfinished_session(
    fresh_app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert isinstance(fresh_app.clock, ManualClock)
    with _terminal(monkeypatch, fresh_app.clock, {}):
        result = _cli(fresh_app, "start", *PLAN_ARGS, input="")  # end of input: as Ctrl-D
    assert result.exit_code != 0
    assert sessions.resume_state(uow=fresh_app.uow, catalogue=fresh_app.catalogue) is None
    [entry] = sessions.history(uow=fresh_app.uow, limit=1)
    assert (entry.status, entry.stop_reason, entry.done_s) == ("stopped", "quit", 0.0)
