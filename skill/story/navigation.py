"""Moving around the story: a small state machine, position in, (position, outcome) out.

Why a pure function of (position, command): every phrasing the listener can use ("next", "go
back", "chapter three", "the Norton Sound chapter", "which chapter is this") reduces to one of a few
commands, and the edge cases (next after the last chapter, back from the first, a chapter that does
not exist) are decided here once, table-tested without Alexa, and reused by every front door.

``StoryPosition.chapter`` is the chapter the listener is on (the one last narrated or about to be
resumed); ``finished`` is True once the last chapter has been narrated. ``told`` says whether that
chapter was narrated in full in this session: then every way of saying "go on" ("yes", "next",
"continue", "back to the story", "tell me the story") moves to the following chapter; a chapter
only known from the saved progress (a returning listener) is picked up again instead.

PURE: standard library only.
"""

from enum import Enum

from skill.records import Record
from skill.story.chapters import Chapter, Story


class StoryPosition(Record):
    """Where a listener is in the story."""

    __slots__ = ()

    chapter: int = 1
    finished: bool = False


class Command(Enum):
    """What the listener asked the story to do."""

    START = "start"
    NEXT = "next"
    PREVIOUS = "previous"
    REPEAT = "repeat"
    START_OVER = "start_over"
    JUMP = "jump"
    WHERE = "where"
    RESUME = "resume"
    CONTINUE = "continue"  # "go on": the next chapter once this one was told, else this one


class Kind(Enum):
    """What the speech layer should say about the outcome."""

    NARRATE = "narrate"  # narrate ``chapter``
    AT_END = "at_end"  # "next" after the story finished: offer start over or questions
    AT_START = "at_start"  # "previous" on the first chapter
    NO_SUCH_CHAPTER = "no_such_chapter"  # jump to a number or name that does not exist
    WHERE = "where"  # "which chapter is this"
    NOT_STARTED = "not_started"  # "go back" or "repeat the chapter" before the story has begun


class Outcome(Record):
    """The result of one navigation step.

    Attributes
    ----------
    position:
        The new position (unchanged for AT_END, AT_START, NO_SUCH_CHAPTER, WHERE).
    kind:
        What happened.
    chapter:
        The chapter to narrate (NARRATE) or the current chapter (WHERE, AT_START, AT_END).
    explicit:
        True when the listener deliberately moved (previous, start over, jump), which allows the
        progress store to record an earlier chapter than the one saved.
    requested:
        The chapter number asked for, for the NO_SUCH_CHAPTER message (None when asked by name).
    resumed:
        True when narration picks up a story already in progress (START/RESUME mid-story).
    """

    __slots__ = ()

    position: StoryPosition
    kind: Kind
    chapter: Chapter | None
    explicit: bool = False
    requested: int | None = None
    resumed: bool = False

    @property
    def is_last(self) -> bool:
        """True when the narrated chapter is the story's last one."""
        return self.kind is Kind.NARRATE and self.position.finished


def _narrate(story: Story, number: int, *, explicit: bool, resumed: bool = False) -> Outcome:
    chapter = story.chapter(number)
    if chapter is None:  # callers range-check; kept total so the function never raises
        return Outcome(StoryPosition(1, False), Kind.NO_SUCH_CHAPTER, None, requested=number)
    position = StoryPosition(chapter=number, finished=number == story.chapter_count)
    return Outcome(position, Kind.NARRATE, chapter, explicit=explicit, resumed=resumed)


def _continue(story: Story, pos: StoryPosition, started: bool, told: bool) -> Outcome:
    if started and told:
        return _next(story, pos, started)
    return _resume(story, pos, started)


def _start(story: Story, pos: StoryPosition, started: bool, told: bool) -> Outcome:
    if not started or pos.finished:
        return _narrate(story, 1, explicit=started)
    return _continue(story, pos, started, told)


def _resume(story: Story, pos: StoryPosition, started: bool) -> Outcome:
    if pos.finished and started:
        return Outcome(pos, Kind.AT_END, story.chapter(pos.chapter))
    return _narrate(story, pos.chapter, explicit=False, resumed=started)


def _next(story: Story, pos: StoryPosition, started: bool) -> Outcome:
    if not started:
        return _narrate(story, 1, explicit=False)
    if pos.chapter >= story.chapter_count:
        return Outcome(StoryPosition(story.chapter_count, True), Kind.AT_END, story.chapters[-1])
    return _narrate(story, pos.chapter + 1, explicit=False)


def _previous(story: Story, pos: StoryPosition, started: bool) -> Outcome:
    if not started:
        return Outcome(pos, Kind.NOT_STARTED, story.chapter(1))
    if pos.chapter <= 1:
        return Outcome(pos, Kind.AT_START, story.chapter(pos.chapter))
    return _narrate(story, pos.chapter - 1, explicit=True)


def _repeat(story: Story, pos: StoryPosition, started: bool) -> Outcome:
    if not started:
        return Outcome(pos, Kind.NOT_STARTED, story.chapter(1))
    return _narrate(story, pos.chapter, explicit=False)


def _start_over(story: Story, pos: StoryPosition, started: bool) -> Outcome:
    return _narrate(story, 1, explicit=True)


def _where(story: Story, pos: StoryPosition, started: bool) -> Outcome:
    return Outcome(pos, Kind.WHERE, story.chapter(pos.chapter) if started else None)


_MOVES = {
    Command.RESUME: _resume,
    Command.NEXT: _next,
    Command.PREVIOUS: _previous,
    Command.REPEAT: _repeat,
    Command.START_OVER: _start_over,
    Command.WHERE: _where,
}


def step(
    story: Story,
    position: StoryPosition | None,
    command: Command,
    *,
    target: int | None = None,
    target_name: str | None = None,
    told: bool = False,
) -> Outcome:
    """Apply ``command`` to ``position`` (None = the listener has not started the story).

    ``target`` is the chapter number for JUMP; ``target_name`` a spoken chapter name for JUMP
    ("norton sound"). A name that matches no chapter, or a number outside 1..count, gives
    NO_SUCH_CHAPTER and leaves the position unchanged. ``told``: the position's chapter was
    narrated in this session (START and CONTINUE then go on to the next one).
    """
    started = position is not None
    pos = position or StoryPosition()
    if pos.chapter > story.chapter_count:
        pos = StoryPosition(story.chapter_count, True)
    if command is Command.START:
        return _start(story, pos, started, told)
    if command is Command.CONTINUE:
        return _continue(story, pos, started, told)
    move = _MOVES.get(command)
    if move is not None:
        return move(story, pos, started)
    chapter = None
    if target_name:
        chapter = story.find(target_name)
    elif target is not None:
        chapter = story.chapter(target)
    if chapter is None:
        requested = None if target_name else target
        return Outcome(pos, Kind.NO_SUCH_CHAPTER, None, requested=requested)
    return _narrate(story, chapter.number, explicit=True)
