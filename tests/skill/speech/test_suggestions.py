"""Every example the skill suggests works: asked through the simulator, each gets a real answer.

Launch, help, fallback, refusals, reprompts, "who do you mean", the end of the story and the
suggestions made when a subject is exhausted all build their examples from the lists in
:mod:`skill.speech.phrases`. Here each question is typed at the skill through the simulator NLU
and the committed model and must be answered with the fact it is meant for; each command must
reach its intent; every person, dog and place the skill may suggest must be answerable the way it
is suggested. A last test reads every sentence the skill can say and fails on a question-shaped
example that does not come from those lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from balto.simulator.runtime import engine_for
from balto.simulator.session import Conversation, Turn
from skill.facts.followups import SUGGESTED_TYPES
from skill.facts.store import default_store
from skill.speech import closings, phrases, story_phrases
from skill.story.chapters import load_chapters
from tests.skill.conftest import MODEL

Chat = Callable[..., Conversation]
STORE = default_store()
STORY = load_chapters()

#: What each example question must be answered with (the test's own expectation).
EXPECTED_FACTS = {
    "togo": "togo.identity",
    "balto": "balto.identity",
    "kaasen": "kaasen.identity",
    "mushers": "relay.roster",
    "balto_distance": "balto.final_leg",
    "togo_distance": "togo.mileage",
    "balto_now": "balto.where_now",
    "togo_now": "togo.where_now",
    "cold": "weather.coldest",
    "plane": "airplane.why_not",
    "norton_sound": "norton_sound.crossing",
    "nome": "nome.identity",
    "serum": "serum.identity",
    "movies": "films.identity",
}
NOT_AN_ANSWER = ("don't know", "didn't catch", "don't have a record", "Who do you mean")


def _answered(turn: Turn, fact_id: str) -> None:
    assert turn.attributes.get("last_fact") == fact_id, (turn.intent, turn.speech[:160])
    assert not any(words in turn.speech for words in NOT_AN_ANSWER), turn.speech[:160]
    assert not turn.end_session


def test_every_example_question_has_an_expectation() -> None:
    assert set(EXPECTED_FACTS) == set(phrases.QUESTIONS)


@pytest.mark.parametrize("key", sorted(phrases.QUESTIONS))
def test_example_question_gets_its_answer(chat: Chat, key: str) -> None:
    c = chat()
    c.launch()
    _answered(c.say(phrases.QUESTIONS[key]), EXPECTED_FACTS[key])


@pytest.mark.parametrize("key", sorted(phrases.NAMES))
def test_offered_name_alone_gets_who_that_is(chat: Chat, key: str) -> None:
    c = chat()
    c.launch()
    assert "Who do you mean" in c.intent("AboutPersonIntent").speech  # no name heard
    identity = STORE.identity_of(key)
    assert identity is not None
    _answered(c.say(phrases.NAMES[key]), identity.id)


@pytest.mark.parametrize("key", sorted(phrases.COMMANDS))
def test_suggested_command_reaches_its_intent(key: str) -> None:
    text, intent = phrases.COMMANDS[key]
    assert engine_for(MODEL).resolve(text).intent == intent


SUGGESTABLE = [e for e in STORE.entities.values() if e.type in SUGGESTED_TYPES]


@pytest.fixture(scope="module")
def shared_chat() -> Iterator[Conversation]:
    from skill.alexa.skill_factory import build_skill, make_handler
    from tests.support.alexa_limits import assert_alexa_valid

    yield Conversation(make_handler(build_skill()), engine=engine_for(MODEL),
                       check=assert_alexa_valid)


@pytest.mark.parametrize("entity", SUGGESTABLE, ids=lambda e: e.id)
def test_every_entity_the_skill_may_suggest_is_answered_as_suggested(
    shared_chat: Conversation, entity: Any
) -> None:
    """Once a subject is exhausted the skill suggests people, dogs and places by
    :func:`~skill.speech.closings.suggestions`: each such question must get that one's story."""
    name = closings.subject_name(entity)
    assert name is not None
    question = phrases.ask_about(entity.type, name)
    assert question is not None and question in closings.suggestions([entity])
    shared_chat.launch()
    identity = STORE.identity_of(entity.id)
    assert identity is not None
    _answered(shared_chat.say(question), identity.id)


# -- no example outside the lists ---------------------------------------------------------------

#: The shapes of an example question.
QUESTION_SHAPE = re.compile(
    r"\b(who (was|is|were)|how (far|cold|old|long|many|much)|where (is|was|did)|tell me about|"
    r"why (did|didn't)|what happened (to|at|in|on)|what (was|is|were) the)\b", re.IGNORECASE)


def _registered() -> list[str]:
    suggested = [phrases.ask_about(e.type, closings.subject_name(e) or "") or ""
                 for e in SUGGESTABLE]
    commands = [text for text, _ in phrases.COMMANDS.values()]
    return sorted({*phrases.QUESTIONS.values(), *suggested, *commands}, key=len, reverse=True)


def _sentences() -> list[str]:
    """Everything the wording modules can say, with sample arguments for the functions."""
    chapter, following = STORY.chapter(3), STORY.chapter(4)
    assert chapter is not None and following is not None
    texts: list[str] = []
    for module in (phrases, story_phrases, closings):
        for name, value in vars(module).items():
            if name.isupper() and name not in ("QUESTIONS", "NAMES", "COMMANDS", "ASK_ABOUT"):
                if isinstance(value, str):
                    texts.append(value)
                elif isinstance(value, tuple | list):
                    texts.extend(v for v in value if isinstance(v, str))
                elif isinstance(value, dict):
                    texts.extend(v for v in value.values() if isinstance(v, str))
    texts += [phrases.unknown_question(None), phrases.unknown_question("x", in_story=True),
              phrases.unknown_entity("dog", "rex"), *(phrases.which(k) for k in
                                                       ("dog", "place", "topic", "subject"))]
    for function in (story_phrases.go_on, story_phrases.go_on_reprompt, story_phrases.at_start,
                     story_phrases.resume_offer, story_phrases.not_started,
                     story_phrases.pause_offer, story_phrases.paused):
        texts.append(function(following))
    texts += [story_phrases.story_over(STORY), story_phrases.at_end(STORY),
              story_phrases.where(STORY, None, False), story_phrases.where(STORY, chapter, False),
              story_phrases.where(STORY, chapter, False, told=False),
              story_phrases.no_such_chapter(STORY, 12, None),
              story_phrases.no_such_chapter_reprompt(STORY),
              story_phrases.goodbye(chapter, False)]
    for subject in ("Togo", None):
        for turn in range(4):
            for more in (True, False):
                said = closings.answer_closing(subject, turn=turn, more=more, in_story=False,
                                               next_steps=phrases.ELSEWHERE)
                texts += [said.text, said.reprompt]
    return texts


def test_the_sentence_collection_sees_the_suggestions() -> None:
    """So the check below cannot pass by reading nothing."""
    everything = " ".join(_sentences())
    assert all(q in everything for q in phrases.QUESTIONS.values())


def test_the_check_catches_an_example_written_inline() -> None:
    inline = "You could ask, who was the doctor in Nome?"
    rest = inline
    for example in _registered():
        rest = rest.replace(example, "")
    assert QUESTION_SHAPE.search(rest)


def test_no_sentence_suggests_a_question_that_is_not_in_the_lists() -> None:
    registered = _registered()
    stray = []
    for text in _sentences():
        rest = text
        for example in registered:
            rest = rest.replace(example, "")
        if QUESTION_SHAPE.search(rest):
            stray.append(text)
    assert stray == []


def test_the_one_shot_phrases_said_at_goodbye_reach_the_story() -> None:
    """ "Next time, just say: ask Serum Run to tell me the story" (and "... to continue the
    story" after a pause) must open the skill straight into the story."""
    chapter = STORY.chapter(2)
    said = [story_phrases.goodbye(chapter, False), story_phrases.paused(chapter),
            story_phrases.paused(None)]
    phrases_found = [m.group(1) for text in said
                     for m in [re.search(r"say: (ask Serum Run to [^,.]+)", text, re.I)] if m]
    assert len(phrases_found) == 3
    for phrase in phrases_found:
        kind, resolution = Conversation(lambda e, c: {}, engine=engine_for(MODEL)).resolve(phrase)
        assert kind == "intent" and resolution is not None
        assert resolution.intent in ("StoryIntent", "ResumeStoryIntent"), phrase
