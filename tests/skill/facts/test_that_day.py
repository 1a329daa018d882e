"""How a question points back to the day the last answer told of."""

from __future__ import annotations

import pytest

from skill.facts.that_day import asks_that_day


@pytest.mark.parametrize(("said", "asks"), [
    ("how far did they go that day", True),
    ("how many miles did they do on the same day", True),
    ("how far did they go", False),
    ("what day did they cross", False),
])
def test_that_day_is_heard(said: str, asks: bool) -> None:
    assert asks_that_day(said.split()) is asks
