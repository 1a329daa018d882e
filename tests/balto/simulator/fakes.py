"""A tiny real ask-sdk skill for simulator tests that must not depend on the story content.

It counts turns in a session attribute, echoes the intent and slots it received, ends the
session on AMAZON.StopIntent, and records SessionEndedRequests it sees, so tests can check
the simulator's envelopes, sessions and persistence wiring against ask-sdk itself.
"""

from __future__ import annotations

from typing import Any

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_core.utils import is_intent_name, is_request_type
from ask_sdk_model import Response
from ask_sdk_model.ui import SimpleCard

from balto.simulator.session import Handler
from skill.alexa.skill_factory import make_handler


class _Launch(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        attrs = handler_input.attributes_manager.session_attributes
        attrs["turns"] = 1
        return (handler_input.response_builder
                .speak("<p>Welcome &amp; hello.</p> <break time=\"300ms\"/> Ask me.")
                .ask("Ask me something.").response)


class _Stop(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.StopIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.speak("Goodbye.").set_should_end_session(
            True).response


class _Echo(AbstractRequestHandler):
    def __init__(self, persist: bool) -> None:
        self.persist = persist

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("IntentRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        envelope = handler_input.request_envelope
        intent = envelope.request.intent  # type: ignore[attr-defined]
        attrs = handler_input.attributes_manager.session_attributes
        attrs["turns"] = int(attrs.get("turns", 0)) + 1
        attrs["new"] = bool(envelope.session.new)
        slots = {name: slot.value for name, slot in (intent.slots or {}).items() if slot.value}
        if self.persist:
            persistent = handler_input.attributes_manager.persistent_attributes
            persistent["count"] = int(persistent.get("count", 0)) + 1
            handler_input.attributes_manager.save_persistent_attributes()
            attrs["count"] = persistent["count"]
        text = f"You asked {intent.name} with {slots or 'no slots'}. Turn {attrs['turns']}."
        return (handler_input.response_builder.speak(text).ask("Anything else?")
                .set_card(SimpleCard("Echo", text)).response)


class _Ended(AbstractRequestHandler):
    def __init__(self, seen: list[str]) -> None:
        self.seen = seen

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("SessionEndedRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        self.seen.append(str(request.reason.value))  # type: ignore[attr-defined]
        return handler_input.response_builder.response


def echo_handler(persistence: Any = None) -> tuple[Handler, list[str]]:
    """The fake skill's lambda-style handler and the list of SessionEnded reasons it saw."""
    builder = CustomSkillBuilder(persistence_adapter=persistence)
    seen: list[str] = []
    for handler in (_Launch(), _Stop(), _Echo(persistence is not None), _Ended(seen)):
        builder.add_request_handler(handler)
    return make_handler(builder.create()), seen
