"""Bridge from a :class:`Reply` to ask-sdk's ResponseBuilder (the only place handlers touch it)."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_model.ui import SimpleCard

from skill.speech.render import render
from skill.speech.reply import Reply


def respond(handler_input: HandlerInput, reply: Reply) -> Response:
    """Render a reply to SSML, in the request locale's English, and build the response.

    ``ask`` (the reprompt) is only set while the session stays open; ``shouldEndSession`` is set
    explicitly either way so devices never guess. A reply's screen becomes an APL directive only
    on a device that declares APL.
    """
    rendered = render(reply, getattr(handler_input.request_envelope.request, "locale", None))
    builder = handler_input.response_builder
    builder.speak(rendered.speech_ssml)
    if rendered.reprompt_ssml is not None:
        builder.ask(rendered.reprompt_ssml)
    if rendered.card_title is not None and rendered.card_text is not None:
        builder.set_card(SimpleCard(title=rendered.card_title, content=rendered.card_text))
    builder.set_should_end_session(rendered.end_session)
    if reply.screen is not None and shows_apl(handler_input):
        from skill.alexa import screens  # a speaker never loads the screens

        screens.attach(handler_input, reply.screen)
    return builder.response


def shows_apl(handler_input: HandlerInput) -> bool:
    """Whether the device declares ``Alexa.Presentation.APL`` (a screen that renders APL).

    Alexa's rule: check ``supportedInterfaces`` before sending any APL directive
    (https://developer.amazon.com/docs/alexa/alexa-presentation-language/apl-interface.html).
    """
    context = handler_input.request_envelope.context
    device = getattr(getattr(context, "system", None), "device", None)
    interfaces = getattr(device, "supported_interfaces", None)
    return getattr(interfaces, "alexa_presentation_apl", None) is not None
