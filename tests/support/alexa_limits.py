"""Pytest helpers that hold every response a test builds to Alexa's limits.

Why a fixture and a plain function: handler tests take the ``alexa_valid`` fixture (registered as a
plugin in ``tests/conftest.py``) so the check is one argument away; helpers outside pytest's fixture
machinery (dialog runners, fuzzers) call :func:`assert_alexa_valid` directly.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pytest

from skill.validation.response import assert_valid_response, validate_response

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
