"""Every story navigation phrase from every state, typed through the simulator (state x utterance).

The states a listener can be in when they speak: a fresh session with no story; the welcome-back
offer of a returning listener (saved at chapter 3); right after a chapter (chapter 2); after a
question asked mid-story (chapter 2 told, then an answer); and after the last chapter. Each cell
says what must happen: the chapter narrated, or words the reply must contain, and whether the
session stays open. Every response is also held to Alexa's limits (the conversation's check).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from balto.simulator.session import Conversation, Turn
from skill.story.chapters import load_chapters

Chat = Callable[..., Conversation]
STORY = load_chapters()
LAST = STORY.chapter_count
SAVED = 3  # where the returning listener stopped
TOLD = 2  # the chapter just told in the mid-story states

STATES = ("fresh", "welcome_back", "mid_chapter", "after_question", "last_chapter")

NOT_YET = "haven't started the story"
AT_END = "That was the last chapter"
GOODBYE = ("Goodbye", True)

#: utterance -> what happens in each state, in the order of STATES: a chapter number, the
#: words the reply contains, or (words, the session ends).
TABLE: dict[str, tuple[int | str | tuple[str, bool], ...]] = {
    "tell me the story": (1, SAVED, TOLD + 1, TOLD + 1, 1),
    "next": (1, SAVED, TOLD + 1, TOLD + 1, AT_END),
    "next chapter": (1, SAVED, TOLD + 1, TOLD + 1, AT_END),
    "yes": ("What would you like to know", SAVED, TOLD + 1, TOLD + 1, AT_END),
    "continue": (1, SAVED, TOLD + 1, TOLD + 1, AT_END),
    "keep going": (1, SAVED, TOLD + 1, TOLD + 1, AT_END),
    "continue the story": (1, SAVED, TOLD + 1, TOLD + 1, AT_END),
    "back to the story": (1, SAVED, TOLD + 1, TOLD + 1, AT_END),
    "resume": (1, SAVED, TOLD + 1, TOLD + 1, AT_END),
    "go back": (NOT_YET, SAVED - 1, TOLD - 1, TOLD - 1, LAST - 1),
    "previous chapter": (NOT_YET, SAVED - 1, TOLD - 1, TOLD - 1, LAST - 1),
    "repeat the chapter": (NOT_YET, SAVED, TOLD, TOLD, LAST),
    "start over": (1, 1, 1, 1, 1),
    "chapter three": (3, 3, 3, 3, 3),
    "the third chapter": (3, 3, 3, 3, 3),
    "the last chapter": (LAST, LAST, LAST, LAST, LAST),
    "go to the norton sound chapter": (4, 4, 4, 4, 4),
    "which chapter is this": (NOT_YET, f"We stopped at chapter {SAVED}",
                              f"This is chapter {TOLD}", f"This is chapter {TOLD}",
                              "reached the end of the story"),
    "pause": (GOODBYE, GOODBYE, (f"Paused at chapter {TOLD}", True),
              (f"Paused at chapter {TOLD}", True), ("Paused.", True)),
}


def _into(state: str, chat: Chat) -> Conversation:
    """A conversation in ``state``, ready for the next utterance."""
    if state == "welcome_back":
        earlier = chat(user_id="amzn1.ask.account.RETURNING")
        earlier.launch()
        for text in ("tell me the story", "next", "next"):
            earlier.say(text)
        assert earlier.say("stop").end_session
        c = chat(user_id="amzn1.ask.account.RETURNING")
        offer = c.launch()
        assert "Welcome back" in offer.speech and f"chapter {SAVED}" in offer.speech
        return c
    c = chat()
    c.launch()
    if state in ("mid_chapter", "after_question"):
        assert c.say("tell me the story").chapter_heard == 1
        assert c.say("next").chapter_heard == TOLD
    if state == "after_question":
        answer = c.say("how far did togo run")
        assert answer.chapter_heard is None and "261 miles" in answer.speech
    if state == "last_chapter":
        assert c.say("chapter ten").chapter_heard == LAST
    return c


def _check(turn: Turn, expected: int | str | tuple[str, bool]) -> None:
    said = turn.speech
    if isinstance(expected, int):
        assert turn.chapter_heard == expected, said[:160]
        assert said.count(f"Chapter {expected}.") == 1, "the chapter is announced once"
        assert not turn.end_session
        return
    words, ends = expected if isinstance(expected, tuple) else (expected, False)
    assert turn.chapter_heard is None and words in said, said[:200]
    assert turn.end_session is ends


CASES = [
    pytest.param(state, utterance, expected[i], id=f"{state}: {utterance}")
    for utterance, expected in TABLE.items()
    for i, state in enumerate(STATES)
]


@pytest.mark.parametrize(("state", "utterance", "expected"), CASES)
def test_navigation_phrase_from_state(
    chat: Chat, state: str, utterance: str, expected: int | str | tuple[str, bool]
) -> None:
    c = _into(state, chat)
    _check(c.say(utterance), expected)


def test_every_row_covers_every_state() -> None:
    assert all(len(row) == len(STATES) for row in TABLE.values())
    assert len(CASES) == len(TABLE) * len(STATES) >= 90
