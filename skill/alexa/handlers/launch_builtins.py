"""Launch, small talk and the built-in intents outside story mode: help, stop, home, repeat,
session end.

The catch-alls (a "no" to nothing pending, any other intent, any other request type) are the
family in :mod:`skill.alexa.handlers.fallbacks`, registered last.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name, is_request_type
from ask_sdk_model import Response, SessionEndedRequest

from skill.alexa import state, story_progress
from skill.alexa.handlers.questions import RANKER, answer_reply, last_fact
from skill.alexa.respond import respond
from skill.alexa.slots import intent_name
from skill.alexa.state import Meaning, Pending
from skill.speech import phrases
from skill.speech.reply import Reply
from skill.speech.story_phrases import RESUME_OFFER_REPROMPT

if TYPE_CHECKING:
    from skill.facts.ranking import Ranker

log = logging.getLogger(__name__)


class LaunchHandler(AbstractRequestHandler):
    """ "Open Serum Run": a welcome with two example questions, or a resume offer."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        offer = story_progress.resume_offer(handler_input)
        if offer:
            state.set_pending(handler_input, Pending.RESUME_STORY)
            return respond(handler_input, Reply(offer, reprompt=RESUME_OFFER_REPROMPT))
        return respond(handler_input, Reply(phrases.WELCOME, reprompt=phrases.WELCOME_REPROMPT))


class HelpHandler(AbstractRequestHandler):
    """Help: the questions and the story; mid-story, the story's commands first."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.HelpIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        if state.in_story(handler_input):
            return respond(handler_input,
                           Reply(phrases.HELP_STORY, reprompt=phrases.HELP_STORY_REPROMPT))
        return respond(handler_input, Reply(phrases.HELP, reprompt=phrases.HELP_REPROMPT))


def _still_pending(handler_input: HandlerInput) -> str:
    """What the skill was waiting for, asked again after small talk (the pending state kept)."""
    waiting = state.pending(handler_input)
    if waiting is not None:
        return phrases.PENDING_PROMPTS[waiting.value]
    if state.in_story(handler_input):
        return phrases.PENDING_PROMPTS[Pending.BACK_TO_STORY.value]
    return phrases.OPEN_PROMPT


class SmallTalkHandler(AbstractRequestHandler):
    """ "Hello", "thanks", "what can I ask", "are you a robot": a short, friendly answer, then
    whatever the conversation was waiting for, unchanged (a story offer stays on offer)."""

    INTENTS = frozenset({"HelloIntent", "ThanksIntent", "WhatCanIAskIntent", "AreYouARobotIntent"})

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) in self.INTENTS

    def handle(self, handler_input: HandlerInput) -> Response:
        name = intent_name(handler_input)
        turn = len(state.seen_facts(handler_input))
        follow = _still_pending(handler_input)
        fresh = state.pending(handler_input) is None and not state.in_story(handler_input)
        if name == "HelloIntent":
            text = (phrases.GREETINGS[turn % len(phrases.GREETINGS)] if fresh
                    else f"Hello again! {follow}")
        elif name == "ThanksIntent":
            text = f"{phrases.THANKS[turn % len(phrases.THANKS)]} {follow}"
        elif name == "WhatCanIAskIntent":
            text = phrases.CAPABILITIES if fresh else f"{phrases.CAPABILITIES} {follow}"
        else:
            text = f"{phrases.ROBOT} {follow}"
        return respond(handler_input, Reply(text, reprompt=follow))


class StopHandler(AbstractRequestHandler):
    """Stop, cancel, and "no" when nothing is pending: say goodbye and end the session."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return (
            is_intent_name("AMAZON.StopIntent")(handler_input)
            or is_intent_name("AMAZON.CancelIntent")(handler_input)
            or is_intent_name("AMAZON.PauseIntent")(handler_input)
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        return respond(handler_input, Reply(phrases.GOODBYE, end_session=True))


class NavigateHomeHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.NavigateHomeIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        state.set_pending(handler_input, None)
        state.set_mode(handler_input, state.MODE_QA)
        return respond(
            handler_input, Reply(phrases.NAVIGATE_HOME, reprompt=phrases.WELCOME_REPROMPT)
        )


class RepeatHandler(AbstractRequestHandler):
    """Repeat the last answer (after story speech, the story family repeats the chapter)."""

    def __init__(self, ranker: Ranker) -> None:
        self.ranker = ranker

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return state.reply_meaning(handler_input) is Meaning.REPEAT_ANSWER

    def handle(self, handler_input: HandlerInput) -> Response:
        fact = last_fact(handler_input, self.ranker)
        if fact is None:
            return respond(
                handler_input, Reply(phrases.NOTHING_TO_REPEAT, reprompt=phrases.HELP_REPROMPT)
            )
        text = state.get_str(handler_input, state.LAST_ANSWER) or fact.spoken
        entity = state.get_str(handler_input, state.LAST_ENTITY)
        reply = answer_reply(handler_input, self.ranker, text, [fact], entity)
        return respond(handler_input, reply)


class SessionEndedHandler(AbstractRequestHandler):
    """Session ended by the device, a timeout or an error: log why; no speech is allowed."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("SessionEndedRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        if isinstance(request, SessionEndedRequest):
            reason = getattr(request.reason, "value", request.reason)
            if request.error is not None:
                log.warning("session ended with error: %s %s", request.error.object_type,
                            request.error.message)
            else:
                log.info("session ended: %s", reason)
        return handler_input.response_builder.response


#: Launch and the built-ins, in dispatch order (after the story family, before the questions).
HANDLERS: tuple[AbstractRequestHandler, ...] = (
    LaunchHandler(),
    HelpHandler(),
    SmallTalkHandler(),
    StopHandler(),
    NavigateHomeHandler(),
    RepeatHandler(RANKER),
    SessionEndedHandler(),
)
