"""The --json record and the text display of a turn."""

from __future__ import annotations

import json

import pytest

from balto.nlu import NluEngine
from balto.simulator import transcript
from balto.simulator.session import Conversation

from .fakes import echo_handler

KEYS = ["utterance", "request_type", "intent", "slots", "speech", "ssml", "reprompt", "card",
        "end_session"]


@pytest.mark.parametrize(
    ("ssml", "text"),
    [
        ("<speak>Hello <break time='1s'/>there.</speak>", "Hello there."),
        ("<speak><p>Balto &amp; Togo</p><p>ran.</p></speak>", "Balto & Togo ran."),
        ("<speak><amazon:domain name=\"long-form\">One , two</amazon:domain></speak>",
         "One, two"),
        ("", ""),
        (None, ""),
    ],
)
def test_ssml_to_text(ssml: str | None, text: str) -> None:
    assert transcript.ssml_to_text(ssml) == text


def test_record_has_exactly_the_documented_keys(mini_engine: NluEngine) -> None:
    handler, _ = echo_handler()
    talk = Conversation(handler=handler, engine=mini_engine)
    launch = transcript.summary(talk.launch())
    assert list(launch) == KEYS
    assert launch["utterance"] is None and launch["intent"] is None
    assert launch["speech"] == "Welcome & hello. Ask me."
    assert launch["reprompt"] == "Ask me something."
    assert launch["card"] is None and launch["end_session"] is False
    asked = transcript.summary(talk.say("Who was Togo?"))
    assert asked["utterance"] == "Who was Togo?"
    assert asked["slots"] == {"dog": "Togo"}
    assert asked["card"]["title"] == "Echo" and "AboutDogIntent" in asked["card"]["text"]
    assert asked["ssml"].startswith("<speak>")
    line = transcript.json_line(talk.say("stop"))
    assert "\n" not in line and json.loads(line)["end_session"] is True


def test_text_block_shows_intent_speech_and_explain(mini_engine: NluEngine) -> None:
    handler, _ = echo_handler()
    talk = Conversation(handler=handler, engine=mini_engine)
    turn = talk.say("who was togo")
    plain = transcript.text_block(turn)
    assert plain.splitlines()[0] == "[AboutDogIntent dog='Togo']"
    assert "Alexa: You asked AboutDogIntent" in plain
    explained = transcript.text_block(turn, explain=True)
    assert "sample:    'who was {dog}'" in explained
    assert "(session ended)" in transcript.text_block(talk.say("stop"))
