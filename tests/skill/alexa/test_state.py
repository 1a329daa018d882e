"""Conversation state: the position's attribute shape, and what yes / no / repeat mean."""

from __future__ import annotations

import pytest

from skill.alexa import state
from skill.alexa.state import REPLIES, Meaning, Pending, Reply
from skill.story.navigation import StoryPosition

LAST = 10
P = StoryPosition


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"chapter": 3, "finished": False}, P(3)),
        ({"chapter": 3}, P(3)),
        ({"chapter": 10, "finished": True}, P(10, True)),
        ({"chapter": 99, "finished": False}, P(LAST, True)),
        ({"chapter": 3, "finished": "yes"}, P(3)),
        ({"chapter": 0}, None),
        ({"chapter": "3"}, None),
        ({"chapter": True}, None),
        ("chapter 3", None),
        (None, None),
    ],
)
def test_position_from_attribute_values(value: object, expected: StoryPosition | None) -> None:
    assert state.parse_position(value, LAST) == expected


def test_position_round_trips_through_its_attribute_shape() -> None:
    position = P(6, False)
    assert state.position_dict(position) == {"chapter": 6, "finished": False}
    assert state.parse_position(state.position_dict(position), LAST) == position


def test_every_pending_state_says_what_each_reply_means() -> None:
    assert set(REPLIES) == {None, *Pending}
    for meanings in REPLIES.values():
        assert set(meanings) == set(Reply)


def test_every_meaning_is_reachable() -> None:
    used = {meaning for meanings in REPLIES.values() for meaning in meanings.values()}
    assert used == set(Meaning)


@pytest.mark.parametrize(
    ("pending", "reply", "meaning"),
    [
        (Pending.RESUME_STORY, Reply.YES, Meaning.RESUME_STORY),
        (Pending.RESUME_STORY, Reply.NO, Meaning.STORY_MENU),
        (Pending.CONTINUE_STORY, Reply.YES, Meaning.NEXT_CHAPTER),
        (Pending.CONTINUE_STORY, Reply.NO, Meaning.PAUSE_STORY),
        (Pending.CONTINUE_STORY, Reply.REPEAT, Meaning.REPEAT_CHAPTER),
        (Pending.STORY_END, Reply.NO, Meaning.STORY_GOODBYE),
        (Pending.MORE, Reply.YES, Meaning.TELL_MORE),
        (Pending.OFFER, Reply.YES, Meaning.SPEAK_OFFER),
        (Pending.OFFER, Reply.NO, Meaning.ANYTHING_ELSE),
        (None, Reply.YES, Meaning.NOT_UNDERSTOOD),
        (None, Reply.REPEAT, Meaning.REPEAT_ANSWER),
    ],
)
def test_replies_mean_what_was_asked(pending: Pending | None, reply: Reply,
                                     meaning: Meaning) -> None:
    assert REPLIES[pending][reply] is meaning


def test_the_pending_values_are_the_ones_sessions_already_carry() -> None:
    """Sessions in flight during a deploy keep their meaning: the stored strings never change."""
    assert [p.value for p in Pending] == [
        "resume_story", "continue_story", "story_end", "more", "offer", "back_to_story"]
