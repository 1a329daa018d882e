"""Parts of the day claimed, and the one clock time a fact states."""

from __future__ import annotations

import pytest

from skill.facts import time_of_day


@pytest.mark.parametrize(("text", "hour", "expected"), [
    ("did it get there before sunrise", 5.5, "yes"),
    ("did it get there before the sun came up", 14.0, "no"),
    ("did it get there in the daytime", 5.5, "no"),
    ("did it get there in the middle of the day", 13.0, "yes"),
    ("did it get there in the afternoon", 15.0, "yes"),
    ("did it get there in the afternoon", 5.5, "no"),
    ("did it get there at night", 23.0, "yes"),
    ("did it get there at night", 5.5, None),  # near the edge: neither
    ("did it get there in the morning", 5.5, "yes"),
])
def test_a_part_of_the_day_holds_fails_or_is_left_open(text: str, hour: float,
                                                        expected: str | None) -> None:
    part = time_of_day.part_claimed(text)
    assert part is not None
    assert time_of_day.verdict(part, hour) == expected


def test_the_claim_is_found_where_it_is_said() -> None:
    text = "did the serum get to nome before dawn"
    part = time_of_day.part_claimed(text)
    assert part is not None
    assert text[part.start:part.end] == "before dawn"
    assert time_of_day.part_claimed("did the serum get to nome") is None


@pytest.mark.parametrize(("text", "hour"), [
    ("reached Nome at about 5:30 in the morning on February 2", 5.5),
    ("set out at 10 at night", 22.0),
    ("left at 9 p.m. sharp", 21.0),
    ("left at 12 at night", 0.0),  # midnight
])
def test_the_hour_a_fact_states(text: str, hour: float) -> None:
    assert time_of_day.clock_hour(text) == hour


def test_no_hour_from_none_or_several_clock_times() -> None:
    assert time_of_day.clock_hour("thawed and ready before noon") is None
    assert time_of_day.clock_hour("left at 10 at night and arrived at 5:30 in the morning") is None
