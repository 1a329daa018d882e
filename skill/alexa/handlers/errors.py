"""The catch-all exception handler: apologise in speech, log with context, never fail itself."""

from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components import AbstractExceptionHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_model.ui import Reprompt, SsmlOutputSpeech

from skill.alexa.respond import respond
from skill.speech import phrases
from skill.speech.reply import Reply

log = logging.getLogger(__name__)

class CatchAllExceptionHandler(AbstractExceptionHandler):
    """Any exception from any handler or interceptor ends here."""

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        request = getattr(handler_input.request_envelope, "request", None)
        intent = getattr(getattr(request, "intent", None), "name", None)
        log.error(
            "error handling %s (intent=%s, request_id=%s)",
            getattr(request, "object_type", None), intent, getattr(request, "request_id", None),
            exc_info=exception,
        )
        try:
            return respond(handler_input, Reply(phrases.ERROR, reprompt=phrases.ERROR_REPROMPT))
        except Exception:  # noqa: BLE001 - the last line of defence must not raise
            log.exception("error handler could not render its apology")
            return Response(
                output_speech=SsmlOutputSpeech(ssml=phrases.SAFE_ERROR_SSML),
                reprompt=Reprompt(output_speech=SsmlOutputSpeech(ssml=phrases.SAFE_ERROR_SSML)),
                should_end_session=False,
            )

