"""Speak replies aloud with espeak-ng in SSML mode, when it is installed, or render them as WAV.

espeak-ng is always run from an argument list (never a shell), and ``wav`` hands it the SSML on
standard input, so nothing in the text can be taken for an option or a command.
"""

from __future__ import annotations

import re
import shutil
import subprocess

ESPEAK = "espeak-ng"
#: Alexa-only tags espeak-ng does not know; their text is kept, the tags dropped.
_ALEXA_TAGS = re.compile(r"</?(?:amazon:[a-z-]+|lang|voice|audio)\b[^>]*>", re.IGNORECASE)


class SpeakerUnavailable(RuntimeError):
    """espeak-ng is not installed; the message says how to get it."""


def find_espeak() -> str:
    """The espeak-ng executable, or SpeakerUnavailable with installation advice."""
    path = shutil.which(ESPEAK)
    if path is None:
        raise SpeakerUnavailable(
            "--speak needs espeak-ng, which is not installed. Install it "
            "(Debian/Ubuntu: sudo apt-get install espeak-ng; macOS: brew install espeak-ng) "
            "or run without --speak.")
    return path


def espeak_ssml(ssml: str) -> str:
    """SSML that espeak-ng accepts: Alexa-specific tags removed."""
    return _ALEXA_TAGS.sub("", ssml)


#: Seconds espeak-ng may take for one reply (a whole chapter takes about one).
TIMEOUT_SECONDS = 120


def speak(ssml: str, executable: str | None = None) -> None:
    """Speak SSML (blocking until espeak-ng finishes)."""
    exe = executable or find_espeak()
    subprocess.run([exe, "-m", espeak_ssml(ssml)], check=False, timeout=TIMEOUT_SECONDS,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wav(ssml: str, executable: str | None = None) -> bytes:
    """SSML rendered as a WAV file (RIFF, 16-bit mono), for a page to play.

    Raises SpeakerUnavailable when espeak-ng is missing or produces no audio.
    """
    exe = executable or find_espeak()
    try:
        done = subprocess.run([exe, "-m", "--stdout", "--stdin"],
                              input=espeak_ssml(ssml).encode("utf-8"), capture_output=True,
                              check=False, timeout=TIMEOUT_SECONDS)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SpeakerUnavailable(f"espeak-ng could not be run: {error}") from error
    if done.returncode != 0 or not done.stdout.startswith(b"RIFF"):
        detail = done.stderr.decode("utf-8", "replace").strip()[:200]
        raise SpeakerUnavailable(f"espeak-ng produced no audio (exit {done.returncode}"
                                 f"{': ' + detail if detail else ''})")
    return done.stdout
