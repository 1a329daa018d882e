"""Screens on devices that declare APL: never on a speaker; touch drives the story like voice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from balto.apl_checks import MAX_APL_BYTES
from balto.simulator.envelopes import DEVICES
from balto.simulator.runtime import engine_for, model_path
from balto.simulator.session import Conversation
from balto.validation import validate_response
from skill.alexa.skill_factory import build_skill, make_handler
from tests.support.alexa_limits import assert_alexa_valid

ROOT = Path(__file__).resolve().parents[3]
SCREENS = [name for name, viewport in DEVICES.items() if viewport is not None]
APL = "Alexa.Presentation.APL."
#: A conversation that reaches every kind of response the skill can give.
UTTERANCES = ["who was togo", "how far did balto run", "tell me more", "where did you get that",
              "what was the weather on mars", "tell me the story", "next", "repeat", "previous",
              "chapter six", "which chapter is this", "no", "help", "stop"]


@pytest.fixture(scope="module")
def handler():
    return make_handler(build_skill())


def talk(handler, device: str) -> Conversation:
    return Conversation(handler, engine=engine_for(model_path("en-US")), device=device,
                        check=assert_alexa_valid)


def directives(turn) -> list[dict]:
    return list((turn.response.get("response") or {}).get("directives") or [])


def render(turn) -> dict | None:
    found = [d for d in directives(turn) if d["type"] == APL + "RenderDocument"]
    return found[0] if found else None


def test_a_speaker_never_receives_apl(handler):
    speaker = talk(handler, "speaker")
    turns = [speaker.launch(), *(speaker.say(text) for text in UTTERANCES)]
    for turn in turns:
        assert not [d for d in directives(turn) if d["type"].startswith(APL)], turn.utterance
        assert validate_response(turn.response, apl=False) == []


@pytest.mark.parametrize("device", SCREENS)
def test_a_screen_gets_the_story_and_the_answer_documents(handler, device):
    show = talk(handler, device)
    show.launch()
    story = render(show.say("tell me the story"))
    assert story is not None and story["token"] == "serumrun.story"
    assert story["datasources"]["story"]["progress"] == "Chapter 1 of 10"
    answer = render(show.say("how far did togo run"))
    assert answer is not None and answer["token"] == "serumrun.answer"
    assert answer["datasources"]["answer"]["title"] == "Togo"
    assert answer["datasources"]["answer"]["source"].startswith("Source")


def test_answer_text_is_the_spoken_answer_without_the_invitation(handler):
    show = talk(handler, "echo-show")
    turn = show.say("how far did togo run")
    text = render(turn)["datasources"]["answer"]["text"]
    assert turn.speech.startswith(text)
    assert len(text) < len(turn.speech)


@pytest.mark.parametrize("button, intent", [("next", "AMAZON.NextIntent"),
                                            ("back", "AMAZON.PreviousIntent"),
                                            ("repeat", "AMAZON.RepeatIntent")])
def test_a_touch_is_handled_exactly_like_its_voice_intent(handler, button, intent):
    by_voice, by_touch = talk(handler, "echo-show"), talk(handler, "echo-show")
    by_touch.user_id = by_touch.user_id + "-touch"
    for person in (by_voice, by_touch):
        person.launch()
        person.intent("StoryIntent")
        person.intent("AMAZON.NextIntent")  # chapter 2, so "back" has somewhere to go
    spoken, touched = by_voice.intent(intent), by_touch.touch(button)
    assert touched.speech == spoken.speech
    assert touched.reprompt == spoken.reprompt
    assert touched.attributes == spoken.attributes
    assert render(touched)["datasources"] == render(spoken)["datasources"]


def test_touch_drives_the_story_forward_and_back(handler):
    show = talk(handler, "echo-spot")
    show.launch()
    show.intent("StoryIntent")
    heard = [show.touch(b).chapter_heard for b in ("next", "next", "back", "repeat")]
    assert heard == [2, 3, 2, 2]
    assert render(show.touch("next"))["datasources"]["story"]["chapter"] == 3


def test_touch_in_a_new_session_goes_where_saying_next_goes(tmp_path):
    """Next, touched or said, in a new session: the saved chapter (every "go on" is one command)."""
    from skill.persistence.sqlite import SQLitePersistenceAdapter

    heard = {}
    for way in ("touch", "voice"):
        store = SQLitePersistenceAdapter(tmp_path / f"{way}.sqlite3")
        show = talk(make_handler(build_skill(store)), "echo-show")
        show.launch()
        show.intent("StoryIntent")
        show.intent("AMAZON.NextIntent")
        show.end()
        turn = show.touch("next") if way == "touch" else show.intent("AMAZON.NextIntent")
        heard[way] = turn.chapter_heard
        store.close()
    assert heard["touch"] == heard["voice"] == 2


def test_an_unknown_button_gets_a_spoken_answer_not_a_crash(handler):
    show = talk(handler, "echo-show")
    show.launch()
    turn = show.touch("launch-rockets")
    assert turn.speech
    assert render(turn) is None


def test_a_speaker_cannot_touch(handler):
    with pytest.raises(ValueError, match="no screen"):
        talk(handler, "speaker").touch("next")


@pytest.mark.parametrize("device", SCREENS)
def test_every_chapter_screen_passes_validation_on_every_device(handler, device):
    show = talk(handler, device)
    show.launch()
    turn = show.intent("StoryIntent")
    for _ in range(10):
        directive = render(turn)
        assert directive is not None
        assert validate_response(turn.response, apl=True) == []
        size = len(json.dumps({"document": directive["document"],
                               "datasources": directive["datasources"]}).encode())
        assert size < MAX_APL_BYTES
        turn = show.touch("next")


def test_skill_manifest_declares_apl():
    manifest = json.loads((ROOT / "skill-package" / "skill.json").read_text())["manifest"]
    interfaces = manifest["apis"]["custom"]["interfaces"]
    apl = [i for i in interfaces if i["type"] == "ALEXA_PRESENTATION_APL"]
    assert apl and {v["shape"] for v in apl[0]["supportedViewports"]} == {"ROUND", "RECTANGLE"}
