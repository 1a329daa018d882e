"""The catch-alls, registered last: what no other handler claimed still gets a spoken answer."""

from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_request_type
from ask_sdk_model import Response

from skill.alexa import state
from skill.alexa.respond import respond
from skill.alexa.state import Meaning
from skill.speech import phrases
from skill.speech.reply import Reply

log = logging.getLogger(__name__)


class NoHandler(AbstractRequestHandler):
    """ "No" after an answer or an offer, or to nothing: keep going without ending abruptly."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return state.reply_meaning(handler_input) is Meaning.ANYTHING_ELSE

    def handle(self, handler_input: HandlerInput) -> Response:
        state.set_pending(handler_input, None)
        return respond(handler_input, Reply(phrases.ANYTHING_ELSE, reprompt=phrases.HELP_REPROMPT))


class FallbackHandler(AbstractRequestHandler):
    """AMAZON.FallbackIntent and any other intent nobody claimed (fallback is registered last);
    mid-story, the way back to the story comes first. A "yes" to nothing is not a mishearing."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("IntentRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        if state.reply_meaning(handler_input) is Meaning.NOT_UNDERSTOOD:
            return respond(handler_input, Reply(phrases.YES_TO_NOTHING,
                                                reprompt=phrases.FALLBACK_REPROMPT))
        if state.in_story(handler_input):
            return respond(handler_input, Reply(phrases.FALLBACK_STORY,
                                                reprompt=phrases.FALLBACK_STORY_REPROMPT))
        return respond(handler_input, Reply(phrases.FALLBACK, reprompt=phrases.FALLBACK_REPROMPT))


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


#: The catch-alls, in dispatch order: registered after every other family.
HANDLERS: tuple[AbstractRequestHandler, ...] = (
    NoHandler(),
    FallbackHandler(),
    UnknownRequestHandler(),
)
