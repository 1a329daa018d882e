"""The sound of the story: clips from the Alexa Skills Kit Sound Library and where they play.

Why data (``data/sounds.json``) and not code: each clip's URL and documented duration are facts
about Alexa's library, kept with their source so nobody invents a URL or a length, and the
response validator (``balto/validation.py``) reads the same durations to hold every response to
Alexa's audio limits. Where a chapter plays a clip is presentation, so it lives here, beside the
clips, rather than in the chapters file.

Used sparingly: at most :data:`MAX_CLIPS_PER_CHAPTER` per chapter, at its opening or a turning
point. Loaded on the first narration, not at launch (docs/DESIGN.md, cold start).

PURE: standard library and the speech package only.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from skill.jsonfile import read_json
from skill.records import Record

#: The packaged file (a plain string: the serving path avoids pathlib).
SOUNDS_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "sounds.json")
#: Only Alexa's own sound library: its clips need no hosting and are always in Alexa's format.
SOUNDBANK_PREFIX = "soundbank://soundlibrary/"
#: Our own restraint, well inside Alexa's 5 clips and 240 seconds a response.
MAX_CLIPS_PER_CHAPTER = 2
MAX_SECONDS_PER_CHAPTER = 15.0


class SoundsError(ValueError):
    """The sounds file is malformed; the message names the file and the entry."""


class Clip(Record):
    """One sound-library clip: its soundbank URL and its documented length."""

    __slots__ = ()

    name: str
    url: str
    seconds: float


class Sounds(Record):
    """Every clip, and the cues: chapter id -> {paragraph index: clip}."""

    __slots__ = ()

    clips: dict[str, Clip]
    cues: dict[str, dict[int, Clip]]

    def for_chapter(self, chapter_id: str) -> dict[int, Clip]:
        """The clips a chapter plays, by the paragraph they come before ({} for none)."""
        return self.cues.get(chapter_id, {})

    def seconds_by_url(self) -> dict[str, float]:
        """Each clip's documented length, by URL (what the response validator counts)."""
        return {clip.url: clip.seconds for clip in self.clips.values()}


def _clip(name: str, raw: Any, source: str) -> Clip:
    if not isinstance(raw, dict):
        raise SoundsError(f"{source}: clip {name!r} must be an object")
    url, seconds = raw.get("url"), raw.get("seconds")
    if not isinstance(url, str) or not url.startswith(SOUNDBANK_PREFIX) or " " in url:
        raise SoundsError(f"{source}: clip {name!r}: 'url' must be a {SOUNDBANK_PREFIX} URL")
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not 0 < seconds <= 240:
        raise SoundsError(f"{source}: clip {name!r}: 'seconds' must be a duration in (0, 240]")
    return Clip(name=name, url=url, seconds=float(seconds))


def _cues(chapter_id: str, raw: Any, clips: dict[str, Clip], source: str) -> dict[int, Clip]:
    where = f"{source}: cues for {chapter_id!r}"
    if not isinstance(raw, list) or not all(isinstance(c, dict) for c in raw):
        raise SoundsError(f"{where} must be a list of objects")
    cues: dict[int, Clip] = {}
    for cue in raw:
        index, name = cue.get("before_paragraph"), cue.get("clip")
        if isinstance(index, bool) or not isinstance(index, int) or index < 0 or index in cues:
            raise SoundsError(f"{where}: 'before_paragraph' must be a new paragraph index")
        if name not in clips:
            raise SoundsError(f"{where}: unknown clip {name!r}")
        cues[index] = clips[name]
    if len(cues) > MAX_CLIPS_PER_CHAPTER:
        raise SoundsError(f"{where}: at most {MAX_CLIPS_PER_CHAPTER} clips a chapter")
    if sum(c.seconds for c in cues.values()) > MAX_SECONDS_PER_CHAPTER:
        raise SoundsError(f"{where}: more than {MAX_SECONDS_PER_CHAPTER:g} seconds of sound")
    return cues


def parse_sounds(data: Any, source: str = "sounds.json") -> Sounds:
    """Validate decoded JSON and build :class:`Sounds` (raises :class:`SoundsError`)."""
    if not isinstance(data, dict) or not isinstance(data.get("clips"), dict):
        raise SoundsError(f"{source}: must be an object with 'clips' and 'cues'")
    clips = {name: _clip(name, raw, source) for name, raw in data["clips"].items()}
    raw_cues = data.get("cues", {})
    if not isinstance(raw_cues, dict):
        raise SoundsError(f"{source}: 'cues' must map chapter ids to lists")
    cues = {chapter: _cues(chapter, raw, clips, source) for chapter, raw in raw_cues.items()}
    return Sounds(clips=clips, cues=cues)


@lru_cache(maxsize=1)
def load_sounds() -> Sounds:
    """The packaged clips and cues, read once."""
    return parse_sounds(read_json(SOUNDS_FILE, SoundsError, "the sounds file"), SOUNDS_FILE)
