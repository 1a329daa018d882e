"""The skill object the web-host tests serve."""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_core.utils import is_request_type
from ask_sdk_model import Response


class _Launch(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.speak("Welcome to Serum Run.").response


def web_test_skill() -> CustomSkill:
    """A one-handler skill: the web host is tested for transport, not for skill content."""
    builder = SkillBuilder()
    builder.add_request_handler(_Launch())
    return builder.create()
