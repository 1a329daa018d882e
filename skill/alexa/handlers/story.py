"""Story-mode handlers: narrate chapters and move around them by voice.

Thin by design: each handler reads slots and attributes, turns the request into a navigation
:class:`~skill.story.navigation.Command`, lets :func:`~skill.story.navigation.step` decide, records
progress through :mod:`skill.alexa.story_progress`, and hands a :class:`Reply` to the speech module.

Each ``can_handle`` is narrow (story mode, a story-only intent, or a yes / no / repeat that
:data:`skill.alexa.state.REPLIES` gives to the story), so outside story mode the other families
still get those intents; ``skill_factory`` registers this family first.

Every way of saying "go on" ("yes", "next", "continue", "back to the story", "tell me the story"
mid-story) is one command, :attr:`Command.CONTINUE`: the next chapter once the current one has
been told in this session, else the current one (a returning listener picks up where they
stopped). "Next" is the story's from every state except right after an answer outside the story,
where it means the next fact.
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from skill.alexa import state, story_progress
from skill.alexa.respond import respond
from skill.alexa.slots import intent_name, slot
from skill.alexa.state import Meaning, Pending
from skill.speech import story_phrases
from skill.speech.reply import Card, Reply, StoryScreen
from skill.speech.story_ssml import chapter_ssml
from skill.story.chapters import Story, load_chapters
from skill.story.navigation import Command, Kind, Outcome, step
from skill.text.numbers import parse_number, parse_ordinal

STORY_INTENT = "StoryIntent"
CHAPTER_INTENT = "ChapterIntent"
WHICH_CHAPTER_INTENT = "WhichChapterIntent"
RESUME_STORY_INTENT = "ResumeStoryIntent"
REPEAT_CHAPTER_INTENT = "RepeatChapterIntent"


def _locale(handler_input: HandlerInput) -> str | None:
    return getattr(handler_input.request_envelope.request, "locale", None)


def _narration(
    handler_input: HandlerInput, story: Story, outcome: Outcome, *, preface: bool = True
) -> Reply:
    """Narrate ``outcome.chapter``, record progress, and ask whether to go on.

    ``preface`` allows "Picking up where we left off." on a resumed chapter; it is skipped
    when the listener has just heard the welcome-back offer naming the chapter.
    """
    from skill.speech.sounds import load_sounds  # the clips load with the first narration

    chapter = outcome.chapter
    assert chapter is not None  # NARRATE outcomes always carry their chapter
    story_progress.save(handler_input, outcome.position, explicit=outcome.explicit, story=story)
    state.set_mode(handler_input, state.MODE_STORY)
    intro = story_phrases.PICKING_UP if outcome.resumed and preface else None
    following = None if outcome.is_last else story.chapter(chapter.number + 1)
    if following is None:
        closing = story_phrases.story_over(story)
        reprompt = story_phrases.STORY_OVER_REPROMPT
        state.set_pending(handler_input, Pending.STORY_END)
    else:
        closing = story_phrases.go_on(following)
        reprompt = story_phrases.go_on_reprompt(following)
        state.set_pending(handler_input, Pending.CONTINUE_STORY)
    body = chapter_ssml(chapter, _locale(handler_input), preface=intro, closing=closing,
                        sounds=load_sounds().for_chapter(chapter.id))
    card = Card(story_phrases.chapter_card_title(chapter), chapter.text)
    return Reply("", reprompt=reprompt, card=card, ssml_body=body,
                 screen=StoryScreen(chapter.number))


def _message(
    handler_input: HandlerInput, story: Story, outcome: Outcome, heard: str | None, told: bool
) -> Reply:
    """Replies for outcomes that narrate nothing (the position does not change)."""
    if outcome.kind is Kind.WHERE:
        text = story_phrases.where(story, outcome.chapter, outcome.position.finished, told)
        return Reply(text, reprompt=story_phrases.where_reprompt(told))
    if outcome.kind is Kind.NOT_STARTED and outcome.chapter is not None:
        state.set_pending(handler_input, Pending.CONTINUE_STORY)
        return Reply(story_phrases.not_started(outcome.chapter),
                     reprompt=story_phrases.NOT_STARTED_REPROMPT)
    if outcome.kind is Kind.AT_START and outcome.chapter is not None:
        state.set_pending(handler_input, Pending.CONTINUE_STORY)
        return Reply(
            story_phrases.at_start(outcome.chapter), reprompt=story_phrases.where_reprompt()
        )
    if outcome.kind is Kind.AT_END:
        state.set_pending(handler_input, Pending.STORY_END)
        return Reply(story_phrases.at_end(story), reprompt=story_phrases.STORY_OVER_REPROMPT)
    text = story_phrases.no_such_chapter(story, outcome.requested, heard)
    return Reply(text, reprompt=story_phrases.no_such_chapter_reprompt(story))


def run(
    handler_input: HandlerInput,
    command: Command,
    *,
    target: int | None = None,
    target_name: str | None = None,
    heard: str | None = None,
) -> Response:
    """Apply one navigation command for this listener and build the response.

    No "Picking up where we left off" right after the welcome-back offer, which named the chapter.
    """
    preface = state.pending(handler_input) is not Pending.RESUME_STORY
    story = load_chapters()
    position = story_progress.current_position(handler_input, story)
    # Story mode is only entered by narrating, and the session's position is always the chapter
    # narrated last: in story mode, the current chapter has been told.
    told = position is not None and state.in_story(handler_input)
    outcome = step(story, position, command, target=target, target_name=target_name, told=told)
    if outcome.kind is Kind.NARRATE:
        return respond(handler_input, _narration(handler_input, story, outcome, preface=preface))
    return respond(handler_input, _message(handler_input, story, outcome, heard, told))


class StoryIntentHandler(AbstractRequestHandler):
    """ "Tell me the story", "story mode": start, go on with a story in progress, or begin again
    once it is over."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(STORY_INTENT)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return run(handler_input, Command.START)


#: Ordinal words AMAZON.Ordinal has no number for: the last chapter.
_LAST = frozenset({"last", "the last", "final", "the final", "last one", "very last"})


def _heard(raw: str | None) -> str | None:
    """A slot value as heard, or None when it carries no word: Alexa sends "?" for a number or
    an ordinal it could not resolve, and that must read as "didn't catch", not as a name."""
    if raw is None or not any(ch.isalnum() for ch in raw):
        return None
    return raw


def _chapter_number(raw: str | None, count: int) -> int | None:
    """A chapter number from AMAZON.NUMBER ("3") or AMAZON.Ordinal ("3", "3rd", "third",
    "last")."""
    if not raw:
        return None
    if raw.lower().strip() in _LAST:
        return count
    value = parse_number(raw)
    if value is None:
        value = parse_ordinal(raw)
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    return value


class ChapterIntentHandler(AbstractRequestHandler):
    """ "Chapter three", "the third chapter", "go to the Norton Sound chapter"."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(CHAPTER_INTENT)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        story = load_chapters()
        name = slot(handler_input, "chapter_name")
        resolved = story.by_id(name.resolved_id) if name.resolved_id else None
        if resolved is not None:
            return run(handler_input, Command.JUMP, target=resolved.number)
        heard_name = _heard(name.raw)
        if heard_name and heard_name.lower().strip() in _LAST:
            return run(handler_input, Command.JUMP, target=story.chapter_count)
        if heard_name:
            return run(handler_input, Command.JUMP, target_name=heard_name, heard=heard_name)
        for slot_name in ("number", "ordinal"):
            value = _heard(slot(handler_input, slot_name).raw)
            number = _chapter_number(value, story.chapter_count)
            if number is not None:
                return run(handler_input, Command.JUMP, target=number)
            if value:
                return run(handler_input, Command.JUMP, target=None, heard=value)
        return run(handler_input, Command.JUMP, target=None)


class WhichChapterIntentHandler(AbstractRequestHandler):
    """ "Which chapter is this", "where am I in the story"."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(WHICH_CHAPTER_INTENT)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return run(handler_input, Command.WHERE)


class ResumeStoryHandler(AbstractRequestHandler):
    """ "Back to the story", "continue the story", and AMAZON.ResumeIntent ("continue", "keep
    going", "go on", "resume") in any mode: go on (:attr:`Command.CONTINUE`)."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name(RESUME_STORY_INTENT)(handler_input) or is_intent_name(
            "AMAZON.ResumeIntent"
        )(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return run(handler_input, Command.CONTINUE)


class StartOverHandler(AbstractRequestHandler):
    """ "Start over", "from the beginning": the story from chapter 1 (any mode; the menu and
    the end of the story both suggest it)."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.StartOverIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return run(handler_input, Command.START_OVER)


_NAVIGATION = {
    "AMAZON.NextIntent": Command.CONTINUE,
    "AMAZON.PreviousIntent": Command.PREVIOUS,
}
#: After an answer outside the story, "next" asks for the next fact (the question family).
_NEXT_IS_A_FACT = frozenset({Pending.MORE, Pending.OFFER})


class StoryNavigationHandler(AbstractRequestHandler):
    """ "Next" and "previous" from every state: fresh, welcome-back, mid-story, at the end."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        name = intent_name(handler_input)
        if name == "AMAZON.PreviousIntent":
            return True
        if name != "AMAZON.NextIntent":
            return False
        return state.in_story(handler_input) or state.pending(handler_input) not in _NEXT_IS_A_FACT

    def handle(self, handler_input: HandlerInput) -> Response:
        return run(handler_input, _NAVIGATION[intent_name(handler_input) or ""])


class StoryRepeatHandler(AbstractRequestHandler):
    """ "Repeat" right after story speech repeats the chapter (after a fact, the fact); "repeat
    the chapter" (RepeatChapterIntent) always does."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return (is_intent_name(REPEAT_CHAPTER_INTENT)(handler_input)
                or state.reply_meaning(handler_input) is Meaning.REPEAT_CHAPTER)

    def handle(self, handler_input: HandlerInput) -> Response:
        return run(handler_input, Command.REPEAT)


class StoryYesHandler(AbstractRequestHandler):
    """ "Yes" to "shall I go on?" (next chapter), to "shall we go back to the story?" after an
    answer, to the welcome-back offer ("yes" or "repeat": the saved chapter), or after the last
    chapter (a reminder of what can happen next): all go on (:attr:`Command.CONTINUE`)."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return state.reply_meaning(handler_input) in (Meaning.RESUME_STORY, Meaning.NEXT_CHAPTER)

    def handle(self, handler_input: HandlerInput) -> Response:
        return run(handler_input, Command.CONTINUE)


_STORY_NO = (Meaning.STORY_GOODBYE, Meaning.STORY_MENU, Meaning.PAUSE_STORY)


class StoryNoHandler(AbstractRequestHandler):
    """ "No" to "shall I go on?" (pause, session stays open), to the welcome-back offer (menu),
    or after the last chapter (goodbye)."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return state.reply_meaning(handler_input) in _STORY_NO

    def handle(self, handler_input: HandlerInput) -> Response:
        meaning = state.reply_meaning(handler_input)
        state.set_pending(handler_input, None)
        if meaning is Meaning.STORY_GOODBYE:
            return respond(
                handler_input, Reply(story_phrases.goodbye(None, True), end_session=True)
            )
        if meaning is Meaning.STORY_MENU:
            state.set_mode(handler_input, state.MODE_QA)
            reply = Reply(story_phrases.MENU, reprompt=story_phrases.MENU_REPROMPT)
            return respond(handler_input, reply)
        story = load_chapters()
        position = story_progress.current_position(handler_input, story)
        following = story.chapter(position.chapter + 1) if position else None
        reply = Reply(story_phrases.pause_offer(following), reprompt=story_phrases.MENU_REPROMPT)
        return respond(handler_input, reply)


class StoryStopHandler(AbstractRequestHandler):
    """Stop, cancel or pause in story mode: save progress, say where we stopped, end the session."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) in (
            "AMAZON.StopIntent",
            "AMAZON.CancelIntent",
            "AMAZON.PauseIntent",
        ) and state.in_story(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        story = load_chapters()
        position = story_progress.current_position(handler_input, story)
        chapter = story.chapter(position.chapter) if position else None
        if position is not None:
            story_progress.save(handler_input, position, story=story)
        state.set_pending(handler_input, None)
        finished = position.finished if position else False
        if intent_name(handler_input) == "AMAZON.PauseIntent":
            text = story_phrases.paused(None if finished else chapter)
        else:
            text = story_phrases.goodbye(chapter, finished)
        return respond(handler_input, Reply(text, end_session=True))


#: The story family, in dispatch order (``skill_factory`` registers it first).
HANDLERS: tuple[AbstractRequestHandler, ...] = (
    StoryIntentHandler(),
    ChapterIntentHandler(),
    WhichChapterIntentHandler(),
    ResumeStoryHandler(),
    StartOverHandler(),
    StoryYesHandler(),
    StoryNoHandler(),
    StoryNavigationHandler(),
    StoryRepeatHandler(),
    StoryStopHandler(),
)

__all__ = ["HANDLERS", "run"]
