"""The player loops on a manual clock: deadlines from the start, so slow work never adds up."""

from __future__ import annotations

import pytest

from tests.fakes import ManualClock
from unkink.catalogue.loader import load_builtin
from unkink.cli.player import Lateness, json_event, play_interactive, play_unattended
from unkink.domain.session.planner import parse_request, plan_routine
from unkink.domain.session.run import RunStatus, SessionRun
from unkink.domain.session.timeline import Cue, CueKind, build_timeline

TIMELINE = build_timeline(
    plan_routine(load_builtin(), parse_request(area="lower", where="floor", minutes=3))
)


def test_slow_cue_work_does_not_make_later_cues_late() -> None:
    clock = ManualClock()
    shown: list[tuple[int, float]] = []

    def on_cue(cue: Cue, actual_s: float, elapsed_s: float) -> None:
        shown.append((cue.planned_s, actual_s))
        clock.tick(0.3)  # a slow write after each cue

    run = SessionRun(TIMELINE).start(clock())
    run, lateness = play_unattended(run, start_cue=0, clock=clock, sleep=clock.tick, on_cue=on_cue)
    assert run.status is RunStatus.DONE
    assert len(shown) == len(TIMELINE.cues)
    # cues one second apart or more arrive exactly on time; back-to-back ones wait for the work
    assert lateness.drift_s == 0.0
    assert max(lateness.values) <= 0.3 + 1e-9


def test_lateness_summary_has_the_contract_fields() -> None:
    summary = Lateness([0.001, 0.002, 0.010], drift_s=0.0005).summary()
    assert summary["done"] is True
    assert summary["lateness_p99_ms"] == 10.0 and summary["drift_ms"] == 0.5


def test_json_event_is_one_line_with_the_contract_keys() -> None:
    line = json_event(TIMELINE.cues[1], 2.0004)
    assert "\n" not in line
    assert '"cue": "countdown"' in line and '"actual_s": 2.0004' in line


def test_keys_pause_skip_and_quit() -> None:
    clock = ManualClock()
    keys = iter([None, " ", None, None, " ", "n", "s", "q"])
    shown: list[CueKind] = []

    def read_key(timeout_s: float) -> str | None:
        clock.tick(max(timeout_s, 0.0))
        return next(keys, None)

    def on_key(key: str, run: SessionRun, now: float) -> SessionRun | None:
        if key == " ":
            return run.pause(now) if run.status is RunStatus.RUNNING else run.resume(now)
        if key == "n":
            return run.skip_step(now)
        if key == "s":
            return run.skip_exercise(now)
        return None

    run = SessionRun(TIMELINE).start(clock())
    run, _lateness, next_cue = play_interactive(
        run,
        start_cue=0,
        clock=clock,
        read_key=read_key,
        on_cue=lambda cue, actual, elapsed: shown.append(cue.kind),
        on_key=on_key,
        redraw=lambda run, now, i: None,
    )
    assert run.skipped and not run.finished
    assert run.elapsed(clock()) < clock() - 1000.0  # the paused frames did not count
    assert 0 < next_cue < len(TIMELINE.cues)
    assert shown[0] is CueKind.GET_READY


def _render(renderable: object) -> str:
    import io

    from rich.console import Console

    out = io.StringIO()
    Console(file=out, width=100, color_system=None).print(renderable)
    return out.getvalue()


def test_player_screen_shows_step_countdown_bars_and_keys() -> None:
    from unkink.cli.session_view import player_screen

    run = SessionRun(TIMELINE).start(0.0)
    hold = next(s for s in TIMELINE.segments if s.hold and s.duration_s >= 10)
    now = hold.start_s + 2.5
    text = _render(player_screen(run.advance(now), now))
    assert hold.text[:40] in text
    assert "Hold" in text and "Session" in text and "p this hurts" in text
    assert "█" in text  # the big countdown
    paused = _render(player_screen(run.pause(now), now))
    assert "PAUSED" in paused


def test_plan_table_gives_each_exercise_its_reason() -> None:
    from unkink.cli.columns import Screen
    from unkink.cli.session_plan import plan_lines

    routine = plan_routine(load_builtin(), parse_request(area="lower", where="floor", minutes=10))
    text = "\n".join(plan_lines(routine, Screen(100)))
    assert "get down to the floor once" in text
    assert text.count("Chosen for your") == len(routine.items)


def test_voice_says_once_why_it_is_off(monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from unkink.cli.player import Voice

    monkeypatch.setattr(shutil, "which", lambda name: None)
    voice, why = Voice.find()
    assert voice is None and "espeak-ng is not installed" in why
