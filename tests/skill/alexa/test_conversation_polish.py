"""The turns a new user tried that sounded mechanical or failed, typed through the simulator.

Small talk, closings that vary and never read badly, "tell me more" without repeats, short
sources with a card that lists them, the mid-story answer that offers the story back, and the
story's edge cases (a chapter number Alexa could not resolve, "the last chapter", empty slots).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from balto.simulator.session import Conversation
from skill.facts.store import default_store
from skill.speech import phrases
from tests.support import envelopes as env

Chat = Callable[..., Conversation]
STORE = default_store()


def opened(chat: Chat, user_id: str = env.USER_ID) -> Conversation:
    c = chat(user_id=user_id)
    c.launch()
    return c


# -- small talk ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("said", "intent", "words"),
    [
        ("hello", "HelloIntent", "Hello"),
        ("hi there", "HelloIntent", "Hello"),
        ("thanks", "ThanksIntent", "welcome"),
        ("thank you very much", "ThanksIntent", "welcome"),
        ("what can I ask", "WhatCanIAskIntent", "For example, ask who were the mushers"),
        ("are you a robot", "AreYouARobotIntent", "I'm not a person"),
        ("who are you", "AreYouARobotIntent", "voice guide"),
    ],
)
def test_small_talk_gets_a_short_friendly_answer(
    chat: Chat, said: str, intent: str, words: str
) -> None:
    turn = opened(chat).say(said)
    assert turn.intent == intent and words in turn.speech
    assert "didn't catch" not in turn.speech and "don't know" not in turn.speech
    assert len(turn.speech) < 260 and not turn.end_session and turn.reprompt


def test_small_talk_keeps_what_was_pending(chat: Chat) -> None:
    c = opened(chat)
    c.say("tell me the story")
    hello = c.say("hello")
    assert hello.speech == "Hello again! Shall I go on with the story?"
    assert c.attributes["pending"] == "continue_story"
    assert c.say("yes").chapter_heard == 2
    thanks = c.say("thanks")
    assert thanks.speech.endswith("Shall I go on with the story?")
    assert c.say("yes").chapter_heard == 3


# -- closings -------------------------------------------------------------------------------------
def test_closings_vary_and_never_read_badly(chat: Chat) -> None:
    c = opened(chat)
    endings = []
    for said in ("who was wild bill shannon", "tell me more", "tell me about the movies",
                 "tell me more", "who was togo", "tell me more", "tell me more",
                 "how far did balto run", "tell me more"):
        turn = c.say(said)
        endings.append(re.split(r"(?<=[.!?]) ", turn.speech)[-1])
        assert 'about "' not in turn.speech and "about Films" not in turn.speech
        assert "about the Films" not in turn.speech
    assert "Want to hear more about Wild Bill Shannon?" in endings
    assert all(a != b for a, b in zip(endings, endings[1:], strict=False)), endings
    assert sum(e.startswith("Want to hear more") for e in endings) < len(endings) / 2


# -- tell me more ---------------------------------------------------------------------------------
def test_tell_me_more_never_repeats_and_says_when_the_subject_is_done(chat: Chat) -> None:
    c = opened(chat)
    c.say("who was wild bill shannon")
    spoken = []
    for _ in range(8):
        turn = c.say("tell me more")
        spoken.append(turn.speech)
        if "That's all I have about Wild Bill Shannon" in turn.speech:
            break
    else:
        raise AssertionError("eight turns and Shannon never ran out")
    facts = c.attributes["seen_facts"]
    assert len(facts) == len(set(facts))
    assert " ".join(spoken).count("minus 62") <= 2
    done = spoken[-1]
    assert "You could ask" in done
    again = c.say("tell me more")
    assert "That's all I have about Wild Bill Shannon" in again.speech


def test_after_how_old_the_birth_year_is_not_told_again(chat: Chat) -> None:
    c = opened(chat)
    assert "1919" in c.say("how old was balto").speech
    for _ in range(4):
        assert "born in 1919" not in c.say("tell me more").speech
    assert "balto.birth" not in c.attributes["seen_facts"]


def test_yes_after_the_suggestions_takes_the_first(chat: Chat) -> None:
    c = opened(chat)
    c.say("who was kaasen")
    for _ in range(30):
        turn = c.say("tell me more")
        if "That's all I have about Gunnar Kaasen" in turn.speech:
            break
    else:
        raise AssertionError("Kaasen never ran out")
    match = re.search(r"You could (?:ask, who was ([^?]+)\?|say, tell me about ([^.]+)\.)",
                      turn.speech)
    assert match, turn.speech
    offered = STORE.entity_for_name(match.group(1) or match.group(2))
    assert offered is not None
    answer = c.say("yes")
    assert c.attributes["last_fact"] == STORE.identity_of(offered.id).id  # type: ignore[union-attr]
    assert "didn't catch" not in answer.speech


# -- sources --------------------------------------------------------------------------------------
def test_sources_name_at_most_two_and_the_card_lists_each_on_its_own_line(chat: Chat) -> None:
    c = opened(chat)
    c.say("how far was the serum run")
    fact = STORE.get(c.attributes["last_fact"])
    assert fact is not None and len(fact.sources) > 3
    turn = c.say("where did you get that")
    said = turn.speech
    named = said.split(". ")[0]
    assert named.startswith("That comes from ") and re.search(r", and \d+ more$", named)
    assert len(said.split()) < 40
    card = turn.response["response"]["card"]["content"].splitlines()
    assert len(card) == len(fact.sources)
    for line, source in zip(card, STORE.sources_for(fact), strict=True):
        assert line.startswith(source.reference)
        assert (source.url is not None) == line.endswith(source.url or "\0")


def test_sources_without_links_do_not_promise_links(chat: Chat) -> None:
    c = opened(chat)
    fact = STORE.get("second_relay.arrival")
    assert fact is not None and all(s.is_book for s in STORE.sources_for(fact))
    c.attributes["last_fact"] = fact.id
    turn = c.intent("SourceIntent")
    assert "link" not in turn.speech and "full reference" in turn.speech


# -- the story and questions ----------------------------------------------------------------------
def test_an_answer_mid_story_offers_the_story_back_and_yes_takes_it(chat: Chat) -> None:
    c = opened(chat)
    c.say("tell me the story")
    answer = c.say("who was togo")
    assert "story" in answer.speech.split(". ")[-1] and "story" in answer.reprompt
    assert "Would you like to hear more" not in answer.reprompt
    assert c.say("yes").chapter_heard == 2


def test_a_failed_question_mid_story_points_back_to_the_story(chat: Chat) -> None:
    c = opened(chat)
    c.say("tell me the story")
    turn = c.say("what is the price of tea in china")
    assert "back to the story" in turn.speech and "tell me the story" not in turn.speech
    assert c.say("yes").chapter_heard == 2


def test_help_and_fallback_mid_story_lead_back_to_it(chat: Chat) -> None:
    c = opened(chat)
    c.say("tell me the story")
    assert "middle of the story" in c.say("help").speech
    turn = c.intent("AMAZON.FallbackIntent")
    assert "back to the story" in turn.speech


def test_resuming_names_the_chapter_once(chat: Chat) -> None:
    earlier = opened(chat, "amzn1.ask.account.RESUMER")
    earlier.say("tell me the story")
    earlier.say("next")
    earlier.say("stop")
    c = opened(chat, "amzn1.ask.account.RESUMER")
    c.say("no")  # not now: the menu
    turn = c.say("continue the story")
    assert turn.speech.startswith("Picking up where we left off. Chapter 2. The Serum Rides")
    assert turn.speech.count("The Serum Rides the Rails") == 1


def test_right_after_chapter_one_continue_the_story_goes_on(chat: Chat) -> None:
    c = opened(chat)
    c.say("tell me the story")
    assert c.say("continue the story").chapter_heard == 2
    assert c.say("resume").chapter_heard == 3


@pytest.mark.parametrize("slot_name", ["number", "ordinal"])
def test_a_chapter_number_alexa_could_not_resolve_is_not_a_name(chat: Chat,
                                                                  slot_name: str) -> None:
    c = opened(chat)
    turn = c.intent("ChapterIntent", **{slot_name: "?"})
    assert "didn't catch which chapter" in turn.speech and "?." not in turn.speech
    assert "called" not in turn.speech


@pytest.mark.parametrize("ordinal", ["last", "final"])
def test_the_last_chapter_as_an_ordinal(chat: Chat, ordinal: str) -> None:
    assert opened(chat).intent("ChapterIntent", ordinal=ordinal).chapter_heard == 10


@pytest.mark.parametrize(
    ("intent", "expected"),
    [
        ("AboutPlaceIntent", phrases.WHICH_PLACE),
        ("AboutTopicIntent", phrases.WHICH_TOPIC),
        ("AboutPersonIntent", phrases.WHICH_SUBJECT),
        ("AboutDogIntent", phrases.WHICH_SUBJECT),
    ],
)
def test_an_empty_slot_asks_for_the_right_kind_of_thing(chat: Chat, intent: str,
                                                        expected: str) -> None:
    turn = opened(chat).intent(intent)
    assert turn.speech == expected and turn.reprompt == expected
