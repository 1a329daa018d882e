"""The spoken forms that address the skill by name."""

from __future__ import annotations

import pytest

from balto.nlu.invocation import Invocation, split_invocation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("open serum run", Invocation("launch", "")),
        ("Alexa, open Serum Run!", Invocation("launch", "")),
        ("start the serum run", Invocation("launch", "")),
        ("serum run", Invocation("launch", "")),
        ("ask serum run who was togo", Invocation("intent", "who was togo")),
        ("ask serum run to tell me the story", Invocation("intent", "tell me the story", "to")),
        ("ask serum run about balto", Invocation("intent", "balto", "about")),
        ("tell serum run next", Invocation("intent", "next")),
        ("serum run tell me the story", Invocation("intent", "tell me the story")),
        ("tell me about togo using serum run", Invocation("intent", "tell me about togo")),
        ("who was togo", Invocation("none", "who was togo")),
        ("the serum run was long", Invocation("none", "the serum run was long")),
    ],
)
def test_split_invocation(text: str, expected: Invocation) -> None:
    assert split_invocation(text, "serum run") == expected
