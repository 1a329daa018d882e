"""The sound of the story: real sound-library clips, sparingly, within Alexa's audio limits."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest

from balto.validation import MAX_AUDIO_CLIPS, MAX_AUDIO_SECONDS, validate_response
from skill.speech.sounds import (
    MAX_CLIPS_PER_CHAPTER,
    SOUNDBANK_PREFIX,
    SoundsError,
    load_sounds,
    parse_sounds,
)
from skill.speech.story_ssml import chapter_ssml
from skill.story.chapters import load_chapters

SOUNDS = load_sounds()
STORY = load_chapters()


def test_every_clip_is_a_sound_library_clip_with_a_documented_length() -> None:
    assert SOUNDS.clips
    for clip in SOUNDS.clips.values():
        assert clip.url.startswith(SOUNDBANK_PREFIX) and 0 < clip.seconds < 30


def test_cues_name_real_chapters_and_paragraphs_and_stay_sparing() -> None:
    ids = {c.id: c for c in STORY.chapters}
    assert set(SOUNDS.cues) <= set(ids)
    for chapter_id, cues in SOUNDS.cues.items():
        assert 0 < len(cues) <= MAX_CLIPS_PER_CHAPTER
        assert all(0 <= index < len(ids[chapter_id].paragraphs) for index in cues)
    # Sparingly: not every chapter has a sound.
    assert len(SOUNDS.cues) < STORY.chapter_count


@pytest.mark.parametrize("locale", ["en-US", "en-GB"])
def test_clips_play_between_paragraphs_outside_the_long_form_style(locale: str) -> None:
    for chapter in STORY.chapters:
        cues = SOUNDS.for_chapter(chapter.id)
        body = chapter_ssml(chapter, locale, closing="Shall I go on?", sounds=cues)
        root = ET.fromstring(f"<speak>{body.replace('amazon:domain', 'domain')}</speak>")
        audio = root.findall("audio")  # top level only: never inside <domain>
        assert [a.get("src") for a in audio] == [cues[i].url for i in sorted(cues)]
        assert not root.findall(".//domain//audio")


def _response(ssml: str) -> dict[str, Any]:
    return {"version": "1.0", "response": {
        "outputSpeech": {"type": "SSML", "ssml": ssml},
        "reprompt": {"outputSpeech": {"type": "SSML", "ssml": "<speak>Go on?</speak>"}},
        "shouldEndSession": False}}


def test_every_narrated_chapter_is_within_alexas_audio_limits() -> None:
    for chapter in STORY.chapters:
        body = chapter_ssml(chapter, "en-US", sounds=SOUNDS.for_chapter(chapter.id))
        assert validate_response(_response(f"<speak>{body}</speak>"), locale="en-US") == []
        clips = re.findall(r'<audio src="([^"]+)"/>', body)
        assert len(clips) <= MAX_AUDIO_CLIPS
        assert sum(SOUNDS.seconds_by_url()[c] for c in clips) <= MAX_AUDIO_SECONDS


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"clips": {"a": {"url": "https://example.com/a.mp3", "seconds": 1}}}, "soundbank"),
        ({"clips": {"a": {"url": SOUNDBANK_PREFIX + "x", "seconds": 0}}}, "seconds"),
        ({"clips": {"a": {"url": SOUNDBANK_PREFIX + "x", "seconds": 1}},
          "cues": {"rail": [{"before_paragraph": 0, "clip": "b"}]}}, "unknown clip"),
        ({"clips": {"a": {"url": SOUNDBANK_PREFIX + "x", "seconds": 1}},
          "cues": {"rail": [{"before_paragraph": i, "clip": "a"} for i in range(3)]}}, "at most"),
        ({"clips": {"a": {"url": SOUNDBANK_PREFIX + "x", "seconds": 9}},
          "cues": {"rail": [{"before_paragraph": i, "clip": "a"} for i in range(2)]}}, "seconds"),
        ([], "must be an object"),
    ],
)
def test_a_malformed_sounds_file_is_refused_with_the_reason(data: Any, problem: str) -> None:
    with pytest.raises(SoundsError, match=problem):
        parse_sounds(data, "sounds.json")
