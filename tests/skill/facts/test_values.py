"""Recorded values against what a question says of them: numbers near, bounded, below zero."""

from skill.facts import values


def test_a_number_said_roughly_is_near_enough() -> None:
    assert values.claim_matches({"v": 261, "alt": [340]}, (), (), ("260",),
                                "did togo run about 260 miles".split())
    assert not values.claim_matches(261, (), (), ("260",), "did togo run 260 miles".split())
    assert not values.claim_matches(25, (), (), ("5",), "did it take about 5 days".split())


def test_bounds_that_take_the_number_in() -> None:
    said = "did it get down to minus 60".split()
    assert values.claim_matches(-64, (), (), ("-60",), said)
    assert not values.claim_matches(-50, (), (), ("-60",), said)
    assert values.claim_matches(261, (), (), ("261",), "did togo run at least 261 miles".split())
    assert not values.claim_matches(674, (), (), ("600",), "was it under 600 miles".split())


def test_roughly_needs_a_number_after_it() -> None:
    assert values.roughly("about 25 days".split())
    assert not values.roughly("what was it about".split())
