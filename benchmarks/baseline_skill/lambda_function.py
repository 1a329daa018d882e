"""The performance floor: the smallest useful ask-sdk-core skill, one handler for every request.

Why it exists: Serum Run's cold-start and warm-dispatch targets are ratios against this skill
(``benchmarks/run.py``), so they measure what our own code adds on top of ask-sdk-core itself —
imports, data loading, dispatch, serialization — and not the speed of the machine.
It answers every request the way a minimal skill would: one spoken sentence, a reprompt, the
session left open (the same response shape as Serum Run's launch and help answers).
"""

from __future__ import annotations

from typing import Any

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_model import Response

SPEECH = "Welcome. Ask me about the serum run."
REPROMPT = "What would you like to know?"


class AnswerEverythingHandler(AbstractRequestHandler):
    """Handles every request type with one fixed answer."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.speak(SPEECH).ask(REPROMPT).response


_builder = SkillBuilder()
_builder.add_request_handler(AnswerEverythingHandler())

lambda_handler: Any = _builder.lambda_handler()
