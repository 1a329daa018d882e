"""Recorded values as a comparison says them."""

from __future__ import annotations

import pytest

from skill.speech.answers import spoken_value


@pytest.mark.parametrize(("relation", "value", "said"), [
    ("leg.miles", 91, "91 miles"),
    ("leg.miles", 1, "1 mile"),
    ("temperature.temperature", 1, "1 degree"),
    ("speed.speed", 1, "1 mile an hour"),
    ("weight.weight", 48, "48 pounds"),
])
def test_a_unit_is_said_of_one_as_one(relation: str, value: int, said: str) -> None:
    assert spoken_value(relation, value) == said
