"""Shared fixtures: the Alexa-limits validator plugin and a ready skill handler."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

pytest_plugins = ["tests.support.alexa_limits"]


@pytest.fixture(scope="session")
def handler() -> Callable[[dict[str, Any], Any], dict[str, Any]]:
    """The Lambda-style handler around a skill built with the packaged data, no persistence."""
    from skill.alexa.skill_factory import build_skill, make_handler

    return make_handler(build_skill())
