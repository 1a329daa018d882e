"""Touch: the story screen's Back / Repeat / Next buttons, handled exactly like the voice intents.

Each button's ``SendEvent`` sends an ``Alexa.Presentation.APL.UserEvent`` whose first argument
names it (skill/screens/data/story.apl.json). The button is run as the command its spoken twin
runs (AMAZON.PreviousIntent, AMAZON.RepeatIntent, AMAZON.NextIntent in story mode), through the
same :func:`skill.alexa.handlers.story.run`, so touch and voice give the same narration, the same
saved progress and the same next question. A UserEvent with anything else falls through to the
catch-all for unknown requests.

SendEvent and the UserEvent's ``arguments``:
https://developer.amazon.com/docs/alexa-presentation-language/apl-send-event-command.html
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from skill.alexa.handlers.story import run
from skill.story.navigation import Command

USER_EVENT = "Alexa.Presentation.APL.UserEvent"

#: Button argument -> the navigation command of the voice intent it stands for.
BUTTONS = {
    "back": Command.PREVIOUS,  # AMAZON.PreviousIntent in story mode
    "repeat": Command.REPEAT,  # AMAZON.RepeatIntent after a chapter
    "next": Command.CONTINUE,  # AMAZON.NextIntent in story mode (every "go on" is CONTINUE)
}


def button(handler_input: HandlerInput) -> str | None:
    """The story button a UserEvent reports, or None for any other request."""
    request = handler_input.request_envelope.request
    if getattr(request, "object_type", None) != USER_EVENT:
        return None
    arguments = getattr(request, "arguments", None) or []
    first = arguments[0] if arguments else None
    return first if isinstance(first, str) and first in BUTTONS else None


class StoryButtonHandler(AbstractRequestHandler):
    """A touch on Back, Repeat or Next: the same step in the story as saying it."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return button(handler_input) is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        return run(handler_input, BUTTONS[button(handler_input) or ""])


#: The touch family (registered right after the story family).
HANDLERS: tuple[AbstractRequestHandler, ...] = (StoryButtonHandler(),)
