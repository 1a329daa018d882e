"""Navigation state machine: every command from every interesting position (table-driven)."""

from __future__ import annotations

import pytest

from skill.story.chapters import load_chapters
from skill.story.navigation import Command, Kind, StoryPosition, step

STORY = load_chapters()
LAST = STORY.chapter_count
P = StoryPosition
NOT_STARTED = None


@pytest.mark.parametrize(
    ("position", "command", "kind", "chapter", "finished", "explicit"),
    [
        # start: new listener, in progress (resume), finished (from the top)
        (NOT_STARTED, Command.START, Kind.NARRATE, 1, False, False),
        (P(4), Command.START, Kind.NARRATE, 4, False, False),
        (P(LAST, True), Command.START, Kind.NARRATE, 1, False, True),
        # next
        (NOT_STARTED, Command.NEXT, Kind.NARRATE, 1, False, False),
        (P(1), Command.NEXT, Kind.NARRATE, 2, False, False),
        (P(LAST - 1), Command.NEXT, Kind.NARRATE, LAST, True, False),
        (P(LAST, True), Command.NEXT, Kind.AT_END, LAST, True, False),
        # previous
        (P(1), Command.PREVIOUS, Kind.AT_START, 1, False, False),
        (P(5), Command.PREVIOUS, Kind.NARRATE, 4, False, True),
        (P(LAST, True), Command.PREVIOUS, Kind.NARRATE, LAST - 1, False, True),
        # repeat
        (P(3), Command.REPEAT, Kind.NARRATE, 3, False, False),
        (P(LAST, True), Command.REPEAT, Kind.NARRATE, LAST, True, False),
        # start over
        (P(7), Command.START_OVER, Kind.NARRATE, 1, False, True),
        (NOT_STARTED, Command.START_OVER, Kind.NARRATE, 1, False, True),
        # resume
        (P(6), Command.RESUME, Kind.NARRATE, 6, False, False),
        (NOT_STARTED, Command.RESUME, Kind.NARRATE, 1, False, False),
        (P(LAST, True), Command.RESUME, Kind.AT_END, LAST, True, False),
        # where am I
        (P(6), Command.WHERE, Kind.WHERE, 6, False, False),
        (P(LAST, True), Command.WHERE, Kind.WHERE, LAST, True, False),
    ],
)
def test_commands(
    position: StoryPosition | None,
    command: Command,
    kind: Kind,
    chapter: int,
    finished: bool,
    explicit: bool,
) -> None:
    outcome = step(STORY, position, command)
    assert outcome.kind is kind
    assert outcome.position == StoryPosition(chapter, finished)
    assert outcome.explicit is explicit
    if kind is Kind.NARRATE:
        assert outcome.chapter is not None and outcome.chapter.number == chapter


def test_where_before_starting_has_no_chapter() -> None:
    outcome = step(STORY, None, Command.WHERE)
    assert outcome.kind is Kind.WHERE and outcome.chapter is None


def test_resume_and_start_mid_story_are_marked_resumed() -> None:
    assert step(STORY, P(4), Command.RESUME).resumed
    assert step(STORY, P(4), Command.START).resumed
    assert not step(STORY, None, Command.START).resumed
    assert not step(STORY, P(4), Command.NEXT).resumed


@pytest.mark.parametrize(
    ("kwargs", "chapter"),
    [
        ({"target": 3}, 3),
        ({"target": LAST}, LAST),
        ({"target_name": "norton sound"}, 4),
        ({"target_name": "the Norton Sound chapter"}, 4),
        ({"target_name": "legacy"}, LAST),
    ],
)
def test_jump(kwargs: dict[str, object], chapter: int) -> None:
    outcome = step(STORY, P(7), Command.JUMP, **kwargs)  # type: ignore[arg-type]
    assert outcome.kind is Kind.NARRATE
    assert outcome.position == StoryPosition(chapter, chapter == LAST)
    assert outcome.explicit


@pytest.mark.parametrize(
    ("kwargs", "requested"),
    [
        ({"target": 0}, 0),
        ({"target": LAST + 1}, LAST + 1),
        ({"target": -2}, -2),
        ({"target_name": "the submarine"}, None),
        ({}, None),
    ],
)
def test_jump_to_missing_chapter_keeps_position(
    kwargs: dict[str, object], requested: int | None
) -> None:
    outcome = step(STORY, P(5), Command.JUMP, **kwargs)  # type: ignore[arg-type]
    assert outcome.kind is Kind.NO_SUCH_CHAPTER
    assert outcome.position == P(5)
    assert outcome.requested == requested


@pytest.mark.parametrize(
    ("position", "told", "kind", "chapter", "resumed"),
    [
        (NOT_STARTED, False, Kind.NARRATE, 1, False),  # fresh: the beginning
        (P(2), True, Kind.NARRATE, 3, False),  # chapter 2 told this session: go on to 3
        (P(2), False, Kind.NARRATE, 2, True),  # a saved chapter: pick it up again
        (P(LAST, True), True, Kind.AT_END, LAST, False),  # the end: nothing after it
        (P(LAST, True), False, Kind.AT_END, LAST, False),
    ],
)
def test_continue_goes_on_once_the_chapter_was_told(
    position: StoryPosition | None, told: bool, kind: Kind, chapter: int, resumed: bool
) -> None:
    outcome = step(STORY, position, Command.CONTINUE, told=told)
    assert outcome.kind is kind and outcome.position.chapter == chapter
    assert outcome.resumed is resumed


def test_start_mid_story_goes_on_like_continue_and_restarts_a_finished_story() -> None:
    assert step(STORY, P(4), Command.START, told=True).position == P(5)
    assert step(STORY, P(4), Command.START, told=False).position == P(4)
    assert step(STORY, P(LAST, True), Command.START, told=True).position == P(1)


@pytest.mark.parametrize("command", [Command.PREVIOUS, Command.REPEAT])
def test_back_or_repeat_before_the_story_began_offers_to_begin(command: Command) -> None:
    outcome = step(STORY, None, command)
    assert outcome.kind is Kind.NOT_STARTED and outcome.chapter is not None
    assert outcome.chapter.number == 1
