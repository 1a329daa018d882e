"""Pytest helpers that hold every response a test builds to Alexa's limits.

Three ways in, because tests reach the skill three ways:

* ``alexa_valid`` (fixture) and :func:`assert_alexa_valid` (plain function) for a test that holds
  a serialized envelope and wants to check it explicitly;
* :func:`alexa_problems` for a test that expects problems;
* a session-wide safety net (``_every_skill_response_is_valid``, autouse): while the test session
  runs, every response any ask-sdk ``CustomSkill`` produces in this process — through
  ``lambda_handler``, the simulator or the web host — is serialized and validated, and an invalid
  one fails the test that caused it. That is what makes "every response a test builds passes
  ``validate_response``" true without relying on each test remembering to ask. It also knows
  whether the request's device declared APL, so a speaker that receives an APL directive fails
  the test too.

Registered as a plugin in ``tests/conftest.py`` (``pytest_plugins``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest

from balto.validation import assert_valid_response, validate_response

AlexaValidator = Callable[..., Mapping[str, Any]]


def assert_alexa_valid(response: Mapping[str, Any], locale: str | None = None) -> Mapping[str, Any]:
    """Fail the test with every problem Alexa would have with ``response``; return it unchanged.

    Returning the response lets a test validate and keep using it in one line::

        body = assert_alexa_valid(handler(envelope, None))["response"]
    """
    assert_valid_response(response, locale=locale)
    return response


def alexa_problems(response: Mapping[str, Any], locale: str | None = None) -> list[str]:
    """The problems list itself, for tests that expect an invalid response."""
    return validate_response(response, locale=locale)


@pytest.fixture
def alexa_valid() -> AlexaValidator:
    """``alexa_valid(response, locale=None)``: assert the envelope is a valid Alexa response."""
    return assert_alexa_valid


def _declares_apl(request_envelope: Any) -> bool:
    system = getattr(getattr(request_envelope, "context", None), "system", None)
    interfaces = getattr(getattr(system, "device", None), "supported_interfaces", None)
    return getattr(interfaces, "alexa_presentation_apl", None) is not None


def _locale_of(request_envelope: Any) -> str | None:
    locale = getattr(getattr(request_envelope, "request", None), "locale", None)
    return locale if isinstance(locale, str) and locale else None


@pytest.fixture(autouse=True, scope="session")
def _every_skill_response_is_valid() -> Iterator[None]:
    """Validate every response envelope ``CustomSkill.invoke`` returns during the session.

    The envelope is serialized exactly as ``make_handler`` and flask-ask-sdk serialize it, so the
    check sees the JSON Alexa would receive. An invalid response raises ``AssertionError`` out of
    ``invoke``, which fails the test that triggered it with the full list of problems.
    """
    from ask_sdk_core.serialize import DefaultSerializer
    from ask_sdk_core.skill import CustomSkill

    original = CustomSkill.invoke
    serializer = DefaultSerializer()

    def validating_invoke(self: CustomSkill, request_envelope: Any, context: Any) -> Any:
        envelope = original(self, request_envelope, context)
        serialized = serializer.serialize(envelope)
        problems = validate_response(serialized, locale=_locale_of(request_envelope),
                                     apl=_declares_apl(request_envelope))
        if problems:
            listing = "\n".join(f"  - {p}" for p in problems)
            raise AssertionError(f"the skill produced an invalid Alexa response:\n{listing}")
        return envelope

    CustomSkill.invoke = validating_invoke  # type: ignore[method-assign]
    try:
        yield
    finally:
        CustomSkill.invoke = original  # type: ignore[method-assign]
