"""The speech module: escaping, limits, rendering of replies."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from skill.speech import ssml
from skill.speech.render import render
from skill.speech.reply import Card, Reply


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seward & Nome", "Seward &amp; Nome"),
        ("5 < 6 > 4", "5 &lt; 6 &gt; 4"),
        ('say "mush"', "say &quot;mush&quot;"),
        ("  lots   of\n space ", "lots of space"),
    ],
)
def test_escape(text: str, expected: str) -> None:
    assert ssml.escape(text) == expected


def test_speak_text_is_well_formed_xml() -> None:
    out = ssml.speak_text("Kaasen & Balto <arrived> at 5:30 am")
    root = ET.fromstring(out)
    assert root.tag == "speak"
    assert ssml.strip_tags(out) == "Kaasen & Balto <arrived> at 5:30 am"


def test_break_is_clamped_to_ten_seconds() -> None:
    assert ssml.brk(60_000) == '<break time="10000ms"/>'
    assert ssml.brk(-5) == '<break time="0ms"/>'


def test_overlong_paragraphs_are_cut_at_a_paragraph_boundary() -> None:
    body = "".join(ssml.paragraph(f"Paragraph {i} " + "word " * 60) for i in range(60))
    out = ssml.fit_speak(body)
    assert len(out) <= ssml.MAX_SPEECH_CHARS
    ET.fromstring(out)  # still well-formed
    assert out.endswith("</p></speak>")


def test_overlong_plain_text_is_cut_at_a_sentence() -> None:
    body = ssml.escape("This is a sentence about Togo. " * 400)
    out = ssml.fit_speak(body)
    assert len(out) <= ssml.MAX_SPEECH_CHARS
    assert out.endswith(".</speak>")


def test_render_open_session_always_has_reprompt() -> None:
    rendered = render(Reply("Who was Togo?"))
    assert rendered.reprompt_ssml == "<speak>Who was Togo?</speak>"
    assert rendered.end_session is False


def test_render_closing_reply_has_no_reprompt() -> None:
    rendered = render(Reply("Goodbye", end_session=True))
    assert rendered.reprompt_ssml is None
    assert rendered.end_session is True


def test_render_card_is_trimmed() -> None:
    rendered = render(Reply("x", card=Card("T" * 500, "Sentence one. " * 1000)))
    assert rendered.card_title is not None and len(rendered.card_title) <= 200
    assert rendered.card_text is not None
    assert len(rendered.card_title) + len(rendered.card_text) <= ssml.MAX_CARD_CHARS
