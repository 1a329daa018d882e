"""Launch and the built-in intents outside story mode (help, stop, fallback, repeat, yes/no...)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name, is_request_type
from ask_sdk_model import Response, SessionEndedRequest

from skill.alexa import state
from skill.alexa.handlers.questions import fact_reply, last_fact
from skill.alexa.respond import respond
from skill.speech import phrases
from skill.speech.reply import Reply
from skill.speech.story_phrases import RESUME_OFFER_REPROMPT

if TYPE_CHECKING:
    from skill.facts.ranking import Ranker

log = logging.getLogger(__name__)

#: Returns a "welcome back" offer for a listener with an unfinished story, or None.
ResumeOffer = Callable[[HandlerInput], "str | None"]


class LaunchHandler(AbstractRequestHandler):
    """ "Open Serum Run": a welcome with two example questions, or a resume offer."""

    def __init__(self, resume_offer: ResumeOffer | None = None) -> None:
        self.resume_offer = resume_offer

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        offer = self.resume_offer(handler_input) if self.resume_offer else None
        if offer:
            state.set_pending(handler_input, "resume_story")
            return respond(handler_input, Reply(offer, reprompt=RESUME_OFFER_REPROMPT))
        return respond(handler_input, Reply(phrases.WELCOME, reprompt=phrases.WELCOME_REPROMPT))


class HelpHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.HelpIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return respond(handler_input, Reply(phrases.HELP, reprompt=phrases.HELP_REPROMPT))


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


class NoHandler(AbstractRequestHandler):
    """ "No" after an answer: offer to keep going without ending abruptly."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.NoIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        state.set_pending(handler_input, None)
        return respond(
            handler_input,
            Reply(
                "Okay. What else would you like to know? You can also say stop.",
                reprompt=phrases.HELP_REPROMPT,
            ),
        )


class NavigateHomeHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.NavigateHomeIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        state.set_pending(handler_input, None)
        state.session(handler_input)[state.MODE] = state.MODE_QA
        return respond(
            handler_input, Reply(phrases.NAVIGATE_HOME, reprompt=phrases.WELCOME_REPROMPT)
        )


class RepeatHandler(AbstractRequestHandler):
    """Repeat the last fact (story mode has its own repeat, registered earlier)."""

    def __init__(self, ranker: Ranker) -> None:
        self.ranker = ranker

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.RepeatIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        fact = last_fact(handler_input, self.ranker)
        if fact is None:
            return respond(
                handler_input, Reply(phrases.NOTHING_TO_REPEAT, reprompt=phrases.HELP_REPROMPT)
            )
        text = state.get_str(handler_input, state.LAST_ANSWER) or fact.spoken
        return respond(
            handler_input,
            fact_reply(text, [fact], self.ranker, state.get_str(handler_input, state.LAST_ENTITY)),
        )


class FallbackHandler(AbstractRequestHandler):
    """AMAZON.FallbackIntent and any other intent nobody claimed (fallback is registered last)."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("IntentRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return respond(handler_input, Reply(phrases.FALLBACK, reprompt=phrases.FALLBACK_REPROMPT))


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


class UnknownRequestHandler(AbstractRequestHandler):
    """Any request type this skill does not use (display events, playback...): a short pointer.

    Registered after everything else so a new device event never reaches the error handler.
    """

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        log.info("unhandled request type %s", getattr(request, "object_type", type(request)))
        return respond(handler_input, Reply(phrases.FALLBACK, reprompt=phrases.FALLBACK_REPROMPT))


def builtin_handlers(
    ranker: Ranker, resume_offer: ResumeOffer | None = None
) -> tuple[tuple[AbstractRequestHandler, ...], tuple[AbstractRequestHandler, ...]]:
    """(launch & built-ins registered before questions, catch-alls registered last)."""
    first = (
        LaunchHandler(resume_offer),
        HelpHandler(),
        StopHandler(),
        NavigateHomeHandler(),
        RepeatHandler(ranker),
        SessionEndedHandler(),
    )
    last = (NoHandler(), FallbackHandler(), UnknownRequestHandler())
    return first, last
