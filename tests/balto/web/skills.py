"""The skill object the web-host tests serve: the real one, from the composition root."""

from __future__ import annotations

from ask_sdk_core.skill import CustomSkill

from skill.alexa.skill_factory import build_skill


def web_test_skill() -> CustomSkill:
    """``build_skill()`` with its defaults, exactly what ``balto serve`` hands to the web host."""
    return build_skill()
