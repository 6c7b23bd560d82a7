"""The chimes: real WAV files, soft, short, different from each other; played or belled."""

from __future__ import annotations

import io
import stat
import struct
import wave
from pathlib import Path

import pytest

from unkink.domain.errors import NotFound
from unkink.sound import Chime, chime_wav, wav_named
from unkink.sound.playback import BELL, Played, find_player, finish, play


def _read(data: bytes) -> tuple[wave.Wave_read, list[int]]:
    reader = wave.open(io.BytesIO(data))
    frames = reader.readframes(reader.getnframes())
    return reader, list(struct.unpack(f"<{len(frames) // 2}h", frames))


@pytest.mark.parametrize("chime", list(Chime))
def test_each_chime_is_a_short_soft_16_bit_mono_wav(chime: Chime) -> None:
    data = chime_wav(chime)
    reader, values = _read(data)
    assert (reader.getnchannels(), reader.getsampwidth()) == (1, 2)
    seconds = reader.getnframes() / reader.getframerate()
    assert 0.2 <= seconds <= 2.5
    peak = max(abs(v) for v in values) / 32767
    assert 0.15 <= peak <= 0.35, "noticeable, never startling"
    rms = (sum(v * v for v in values) / len(values)) ** 0.5 / 32767
    assert 0.01 <= rms <= 0.15
    assert abs(values[0]) < 300 and abs(values[-1]) < 300, "starts and ends without a click"
    assert len(data) < 64_000


def test_the_three_chimes_differ_and_stay_the_same_between_calls() -> None:
    sounds = {c: chime_wav(c) for c in Chime}
    assert len(set(sounds.values())) == 3
    durations = {c: _read(d)[0].getnframes() for c, d in sounds.items()}
    assert durations[Chime.STEP] < durations[Chime.SWITCH] < durations[Chime.DONE]
    assert wav_named("done") == sounds[Chime.DONE]


def test_an_unknown_chime_name_is_not_found() -> None:
    with pytest.raises(NotFound, match="no chime called 'boing'"):
        wav_named("boing")


def _fake_player(folder: Path, name: str) -> Path:
    log = folder / "played.txt"
    script = folder / name
    script.write_text(f'#!/bin/sh\necho "$@" >> "{log}"\n', "utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return log


def test_the_first_player_found_plays_the_chime_file(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _fake_player(bin_dir, "aplay")
    log = _fake_player(bin_dir, "paplay")
    assert find_player(str(bin_dir)) == str(bin_dir / "paplay")
    assert play(Chime.SWITCH, path=str(bin_dir), folder=tmp_path / "wav") is Played.PLAYER
    finish()
    played = Path(log.read_text("utf-8").strip())
    assert played.read_bytes() == chime_wav(Chime.SWITCH)


def test_without_a_player_the_terminal_bell_rings(tmp_path: Path) -> None:
    out = io.StringIO()
    assert play(Chime.DONE, path=str(tmp_path), bell_to=out) is Played.BELL
    assert out.getvalue() == BELL


def test_muted_means_silent(tmp_path: Path) -> None:
    out = io.StringIO()
    assert play(Chime.STEP, muted=True, path=str(tmp_path), bell_to=out) is Played.SILENT
    assert out.getvalue() == ""
