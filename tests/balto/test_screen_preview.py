"""The local screen preview: every chapter's map, every device, as well-formed SVG."""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET

import pytest

from balto.apl_expressions import bind, text_of, truthy
from balto.screen_preview import render_svg
from balto.simulator.envelopes import DEVICES
from balto.simulator.session import Conversation
from skill.alexa.skill_factory import build_skill, make_handler
from skill.story.chapters import load_chapters

SVG = "{http://www.w3.org/2000/svg}"
SCREENS = [name for name, viewport in DEVICES.items() if viewport is not None]


@pytest.fixture(scope="module")
def chapters() -> list[dict]:
    """The skill's response for every chapter, on an Echo Show."""
    show = Conversation(make_handler(build_skill()), device="echo-show")
    show.launch()
    turns = [show.intent("StoryIntent")]
    turns += [show.touch("next") for _ in range(9)]
    return [turn.response for turn in turns]


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


@pytest.mark.parametrize("device", SCREENS)
def test_every_chapters_screen_renders_on_every_device(chapters, device):
    story = load_chapters()
    for number, response in enumerate(chapters, start=1):
        root = _parse(render_svg(response, device))
        assert root.get("data-device") == device
        text = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
        assert f"Chapter {number} of 10" in text
        assert story.chapter(number).title.split()[0] in text
        buttons = [t.get("data-send-event") for t in root.iter(f"{SVG}g")
                   if t.get("class") == "touch"]
        assert buttons == ['["back"]', '["repeat"]', '["next"]']


def test_the_map_draws_the_legs_in_their_states(chapters):
    root = _parse(render_svg(chapters[3], "echo-show"))  # chapter 4: Seppala under way
    graphic = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "avg")
    strokes = [p.get("stroke") for p in graphic.iter(f"{SVG}path")]
    now, past, ahead = "#ffd166", "#c9853a", "#5d6f80"
    assert strokes.count(now) == 3  # legs 15, 16 and the run of 18 so far
    assert strokes.count(past) == 14
    assert strokes.count(ahead) == 3  # the rest of 18, 19, 20
    dashed = [p for p in graphic.iter(f"{SVG}path") if p.get("stroke-dasharray")]
    assert len(dashed) == 3


def test_the_first_chapter_shows_no_serum_marker_and_the_last_all_legs_done(chapters):
    first = render_svg(chapters[0], "echo-show")
    last = render_svg(chapters[-1], "echo-show")
    assert 'fill-opacity="0.3"' not in first and 'fill-opacity="0.3"' in last
    assert 'stroke="#5d6f80"' not in last


def test_round_screens_are_clipped_to_a_circle(chapters):
    root = _parse(render_svg(chapters[0], "echo-spot"))
    assert root.find(f"{SVG}clipPath/{SVG}circle") is not None


def test_no_directive_no_screen():
    assert render_svg({"version": "1.0", "response": {"outputSpeech": {}}}, "echo-show") is None


def test_a_speaker_has_no_screen_to_draw(chapters):
    with pytest.raises(ValueError, match="no screen"):
        render_svg(chapters[0], "speaker")


def test_answer_screen_text_and_hint():
    show = Conversation(make_handler(build_skill()), device="echo-show-5")
    turn = show.intent("HowFarIntent", subject="togo")
    root = _parse(render_svg(turn.response, "echo-show-5"))
    text = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert text.startswith("Togo") and "Try:" in text and "Source" in text


def test_text_is_escaped(chapters):
    response = copy.deepcopy(chapters[0])
    directive = response["response"]["directives"][0]
    directive["datasources"]["story"]["title"] = "Dogs & <sleds>"
    assert "Dogs &amp; &lt;sleds&gt;" in render_svg(response, "echo-show")


@pytest.mark.parametrize("expression, expected", [
    ("${a.b + 1}", 3), ("Chapter ${a.b} of ${c}", "Chapter 2 of 10"),
    ("${a.b > 1 ? 'yes' : 'no'}", "yes"), ("${missing.field}", None),
    ("${c == 10 && !f}", True), ("${list[1]}", 20), ("${@gap * 2}", 16),
    ("@gap", 8), ("${x ?? 'none'}", "none"), ("${'a' + 1}", "a1"), ("${(1 + 2) * 3}", 9),
])
def test_expressions(expression, expected):
    scope = {"a": {"b": 2}, "c": 10, "f": False, "list": [10, 20]}
    assert bind(expression, scope, {"gap": 8}) == expected


def test_truthiness_and_text():
    assert [truthy(v) for v in (0, "", None, False, "x", 1, [])] == [
        False, False, False, False, True, True, True]
    assert text_of(2.0) == "2" and text_of(None) == ""
