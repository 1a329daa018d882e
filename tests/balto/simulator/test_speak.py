"""Speech as WAV through espeak-ng: an argument list, the SSML on standard input, never a shell."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from balto.simulator import speak


def _fake_espeak(tmp_path: Path, body: str) -> str:
    """An executable standing in for espeak-ng: records its arguments and input."""
    script = tmp_path / "espeak-ng"
    script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


def test_wav_hands_espeak_the_ssml_on_stdin_and_returns_its_wav(tmp_path: Path) -> None:
    exe = _fake_espeak(tmp_path, f'printf "%s\\n" "$@" > {tmp_path}/args\n'
                                 f'cat > {tmp_path}/input\nprintf "RIFF0000WAVE"\n')
    trap = tmp_path / "pwned"
    hostile = (f'<speak>$(touch {trap}) `touch {trap}` ; --help '
               '<amazon:emotion name="excited">Hi</amazon:emotion></speak>')
    assert speak.wav(hostile, exe) == b"RIFF0000WAVE"
    assert (tmp_path / "args").read_text().split() == ["-m", "--stdout", "--stdin"]
    # the text arrives untouched but for Alexa-only tags, and nothing in it ran
    assert (tmp_path / "input").read_text() == (
        f"<speak>$(touch {trap}) `touch {trap}` ; --help Hi</speak>")
    assert not trap.exists()


@pytest.mark.parametrize("body, message", [
    ("echo 'voice missing' >&2; exit 1\n", "exit 1: voice missing"),
    ("printf 'not audio'\n", "produced no audio"),
])
def test_wav_reports_an_espeak_that_produces_no_audio(tmp_path: Path, body: str,
                                                      message: str) -> None:
    with pytest.raises(speak.SpeakerUnavailable, match=message):
        speak.wav("<speak>Hi</speak>", _fake_espeak(tmp_path, body))


def test_wav_reports_a_missing_executable(tmp_path: Path) -> None:
    with pytest.raises(speak.SpeakerUnavailable, match="could not be run"):
        speak.wav("<speak>Hi</speak>", str(tmp_path / "nowhere"))


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_wav_from_the_real_espeak_ng_is_a_riff_wave() -> None:
    audio = speak.wav('<speak>Chapter 1. <break time="300ms"/> The serum run.</speak>')
    assert audio[:4] == b"RIFF" and audio[8:12] == b"WAVE"
    assert len(audio) > 22_050  # more than half a second of 16-bit mono at 22 kHz
