"""Conversations: session flags, attributes, endings, invocation phrases, persistence."""

from __future__ import annotations

from pathlib import Path

import pytest

from balto.nlu import NluEngine
from balto.simulator import envelopes
from balto.simulator.session import Conversation
from skill.persistence.sqlite import SQLitePersistenceAdapter
from tests.support.alexa_limits import assert_alexa_valid

from .fakes import echo_handler


@pytest.fixture
def talk(mini_engine: NluEngine) -> tuple[Conversation, list[str]]:
    handler, ended = echo_handler()
    return Conversation(handler=handler, engine=mini_engine), ended


def test_launch_opens_a_new_session(talk: tuple[Conversation, list[str]]) -> None:
    conversation, _ = talk
    turn = conversation.launch()
    assert turn.request_type == "LaunchRequest"
    assert turn.request["session"]["new"] is True
    assert conversation.active and conversation.attributes == {"turns": 1}
    assert_alexa_valid(turn.response)


def test_attributes_carry_and_new_flag_clears(talk: tuple[Conversation, list[str]]) -> None:
    conversation, _ = talk
    conversation.launch()
    first = conversation.say("who was togo")
    second = conversation.say("next")
    assert first.request["session"]["new"] is False
    assert first.request["session"]["attributes"] == {"turns": 1}
    assert second.request["session"]["attributes"]["turns"] == 2
    assert conversation.attributes["turns"] == 3
    assert first.request["session"]["sessionId"] == second.request["session"]["sessionId"]


def test_first_utterance_without_launch_is_a_new_session(
        talk: tuple[Conversation, list[str]]) -> None:
    conversation, _ = talk
    turn = conversation.say("who was balto")
    assert turn.request["session"]["new"] is True
    assert turn.intent == "AboutDogIntent"
    assert "{'dog': 'balto'}" in turn.response["response"]["outputSpeech"]["ssml"]


def test_should_end_session_closes_and_next_turn_is_new(
        talk: tuple[Conversation, list[str]]) -> None:
    conversation, ended = talk
    conversation.launch()
    stop = conversation.say("stop")
    assert stop.end_session and not conversation.active
    assert conversation.end() is None
    assert ended == []  # the skill ended it: Alexa sends no SessionEndedRequest
    again = conversation.say("who was togo")
    assert again.request["session"]["new"] is True
    assert again.request["session"]["attributes"] == {}


def test_user_ending_sends_session_ended(talk: tuple[Conversation, list[str]]) -> None:
    conversation, ended = talk
    conversation.launch()
    first_session = conversation.session_id
    turn = conversation.end()
    assert turn is not None and turn.request_type == "SessionEndedRequest"
    assert turn.request["session"]["sessionId"] == first_session
    assert ended == ["USER_INITIATED"]
    assert not conversation.active


def test_launch_during_session_ends_the_old_one(talk: tuple[Conversation, list[str]]) -> None:
    conversation, ended = talk
    conversation.launch()
    old = conversation.session_id
    conversation.launch()
    assert ended == ["USER_INITIATED"] and conversation.session_id != old


@pytest.mark.parametrize(
    ("text", "request_type", "intent"),
    [
        ("open serum run", "LaunchRequest", None),
        ("Alexa, launch Serum Run", "LaunchRequest", None),
        ("ask serum run who was togo", "IntentRequest", "AboutDogIntent"),
        ("ask serum run to tell me the story", "IntentRequest", "StoryIntent"),
        ("tell serum run next", "IntentRequest", "AMAZON.NextIntent"),
        ("ask serum run about balto", "IntentRequest", "AboutDogIntent"),
        ("tell me about togo using serum run", "IntentRequest", "AboutDogIntent"),
    ],
)
def test_spoken_invocation_forms(talk: tuple[Conversation, list[str]], text: str,
                                 request_type: str, intent: str | None) -> None:
    conversation, _ = talk
    turn = conversation.say(text)
    assert (turn.request_type, turn.intent) == (request_type, intent)


def test_connecting_word_kept_when_it_reads_better(mini_engine: NluEngine) -> None:
    handler, _ = echo_handler()
    conversation = Conversation(handler=handler, engine=mini_engine)
    kind, resolution = conversation.resolve("ask serum run about the dogs of nome")
    assert kind == "intent" and resolution is not None
    assert resolution.intent == "QuestionIntent"


def test_progress_persists_across_runs_for_the_same_user(tmp_path: Path,
                                                          mini_engine: NluEngine) -> None:
    db = tmp_path / "progress.sqlite3"

    def run(user: str) -> int:
        handler, _ = echo_handler(SQLitePersistenceAdapter(db))
        conversation = Conversation(handler=handler, engine=mini_engine,
                                    user_id=envelopes.local_user_id(user))
        conversation.say("who was togo")
        return int(conversation.attributes["count"])

    assert [run("ann"), run("ann"), run("bob"), run("ann")] == [1, 2, 1, 3]
