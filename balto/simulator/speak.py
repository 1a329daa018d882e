"""Speak replies aloud with espeak-ng in SSML mode, when it is installed."""

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


def speak(ssml: str, executable: str | None = None) -> None:
    """Speak SSML (blocking until espeak-ng finishes)."""
    exe = executable or find_espeak()
    subprocess.run([exe, "-m", espeak_ssml(ssml)], check=False, timeout=120,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
