"""Chapter SSML: well-formed, within Alexa's limit, long-form only where supported, escaped."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from skill.speech import ssml, story_phrases
from skill.speech.regional import localise
from skill.speech.story_ssml import (
    LONG_FORM_LOCALES,
    chapter_ssml,
    paragraphs_ssml,
    supports_long_form,
)
from skill.story.chapters import Chapter, load_chapters

STORY = load_chapters()
NS = 'xmlns:amazon="https://developer.amazon.com/alexa/ssml"'


def parse(fragment: str) -> ET.Element:
    """Parse a fragment as Alexa would see it inside <speak> (amazon: prefix declared)."""
    return ET.fromstring(f"<speak {NS}>{fragment}</speak>")


def full_response_ssml(chapter: Chapter, locale: str) -> str:
    """The longest speech a chapter turn can produce: preface, chapter, closing question."""
    following = STORY.chapter(chapter.number + 1)
    closing = story_phrases.go_on(following) if following else story_phrases.story_over(STORY)
    body = chapter_ssml(chapter, locale, preface=story_phrases.PICKING_UP, closing=closing)
    return f"<speak>{body}</speak>"


@pytest.mark.parametrize("number", range(1, STORY.chapter_count + 1))
@pytest.mark.parametrize("locale", ["en-US", "en-GB", "en-CA", "en-AU", "en-IN", "de-DE"])
def test_every_chapter_is_well_formed_and_under_8000(number: int, locale: str) -> None:
    chapter = STORY.chapter(number)
    assert chapter is not None
    speech = full_response_ssml(chapter, locale)
    assert len(speech) < ssml.MAX_SPEECH_CHARS
    root = parse(speech[len("<speak>") : -len("</speak>")])
    paragraphs = root.iter("p")
    assert sum(1 for _ in paragraphs) == len(chapter.paragraphs) + 3  # + preface, heading, close
    # Nothing is lost: the spoken text contains every paragraph's words, in the locale's spelling.
    spoken = set(re.findall(r"[a-z']+", ssml.strip_tags(speech).lower()))
    for paragraph in chapter.paragraphs:
        words = set(re.findall(r"[a-z']+", localise(paragraph, locale).lower()))
        assert words <= spoken


@pytest.mark.parametrize("number", range(1, STORY.chapter_count + 1))
def test_long_form_only_for_supported_locales(number: int) -> None:
    chapter = STORY.chapter(number)
    assert chapter is not None
    us = chapter_ssml(chapter, "en-US")
    gb = chapter_ssml(chapter, "en-GB")
    assert us.count('<amazon:domain name="long-form">') == 1
    assert "amazon:domain" not in gb
    assert supports_long_form("en-US") and not supports_long_form("en-GB")
    assert not supports_long_form(None)
    assert LONG_FORM_LOCALES == frozenset({"en-US"})


def test_scene_breaks_and_heading_pause() -> None:
    chapter = STORY.chapter(4)
    assert chapter is not None and chapter.scene_breaks
    body = chapter_ssml(chapter, "en-US")
    assert body.count('<break time="1200ms"/>') == len(chapter.scene_breaks)
    assert body.index('<break time="800ms"/>') < body.index("<amazon:domain")


def test_emphasis_is_sparing_and_only_where_asked() -> None:
    for chapter in STORY.chapters:
        body = paragraphs_ssml(chapter)
        assert body.count("<emphasis") == len(chapter.emphasis) <= 2
        assert 'level="moderate"' in body or not chapter.emphasis


def test_grouped_numbers_are_cardinals_and_dates_stay_readable() -> None:
    chapter1 = paragraphs_ssml(STORY.chapter(1))  # type: ignore[arg-type]
    assert '<say-as interpret-as="cardinal">300000</say-as>' in chapter1
    assert "January 20, 1925" in chapter1  # Alexa reads "Month D, YYYY" as a date already
    chapter8 = paragraphs_ssml(STORY.chapter(8))  # type: ignore[arg-type]
    assert chapter8.count('interpret-as="cardinal"') == 3  # 2,000 / 1,500 / 15,000
    # Words next to markup keep their spaces.
    assert not re.search(r"\w<say-as|</say-as>\w", chapter1 + chapter8)


def test_text_is_escaped_and_cannot_inject_markup() -> None:
    sneaky = Chapter(
        id="x",
        number=1,
        title="Dogs & <Men>",
        aliases=(),
        paragraphs=('Rock & roll "quotes" and 1,500 <break time="9s"/> dogs on March 3, 1927.',),
        emphasis=("Rock & roll",),
    )
    body = chapter_ssml(sneaky, "en-GB", preface="A & B", closing="Go on? <yes>")
    root = parse(body)
    # Only the builder's own pauses (after the heading, before the closing); none from the text.
    assert [e.get("time") for e in root.iter("break")] == ["800ms", "700ms"]
    assert "Dogs &amp; &lt;Men&gt;" in body
    assert '<emphasis level="moderate">Rock &amp; roll</emphasis>' in body
    assert '<say-as interpret-as="cardinal">1500</say-as>' in body
    assert "&lt;yes&gt;" in body


def test_plain_chapter_without_extras() -> None:
    chapter = STORY.chapter(2)
    assert chapter is not None
    body = chapter_ssml(chapter, "en-GB")
    assert body.startswith("<p>Chapter 2. The Serum Rides the Rails.</p>")
    assert body.endswith("</p>")


def test_no_emphasis_inside_the_long_form_style() -> None:
    """Alexa lists <emphasis> as incompatible with speaking styles: en-US narration has none,
    other locales (no long-form style) keep the chapters' emphasis."""
    for chapter in STORY.chapters:
        us = chapter_ssml(chapter, "en-US")
        assert "<emphasis" not in us and '<amazon:domain name="long-form">' in us
    british = "".join(chapter_ssml(c, "en-GB") for c in STORY.chapters)
    assert "<emphasis" in british and "amazon:domain" not in british
