"""Request/response interceptors: cheap logging that formats nothing unless it is enabled.

A public sample pretty-prints every request for debug logs even when nothing is logged; that alone
more than doubled its warm request time. Here the check comes first.
"""

from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components import AbstractRequestInterceptor
from ask_sdk_core.handler_input import HandlerInput

log = logging.getLogger("skill.requests")


class RequestLogInterceptor(AbstractRequestInterceptor):
    """Log request type, intent and slots at DEBUG, only when DEBUG is enabled."""

    def process(self, handler_input: HandlerInput) -> None:
        if not log.isEnabledFor(logging.DEBUG):
            return
        request = handler_input.request_envelope.request
        intent = getattr(request, "intent", None)
        slots = getattr(intent, "slots", None) or {}
        log.debug(
            "request %s intent=%s slots=%s locale=%s",
            getattr(request, "object_type", None),
            getattr(intent, "name", None),
            (
                {k: getattr(v, "value", None) for k, v in slots.items()}
                if isinstance(slots, dict) else slots
            ),
            getattr(request, "locale", None),
        )
