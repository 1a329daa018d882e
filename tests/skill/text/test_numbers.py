"""Normalisation, fillers, stemming and spoken numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skill.text.normalise import normalise as normalize
from skill.text.normalise import strip_fillers
from skill.text.numbers import parse_number, parse_ordinal
from skill.text.vocabulary import edit_distance, stem


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Who was Togo?", "who was togo"),
        ("What's   the  story, Alexa!", "what's the story alexa"),
        ("Dr. Welch", "dr welch"),
        ("Seppälä’s dogs", "seppala's dogs"),
        ("twenty-one", "twenty one"),
        ("  ", ""),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("um tell me uh about togo please", "tell me about togo"),
        ("alexa next", "next"),
        ("tell me about balto thank you", "tell me about balto"),
        ("so what", "what"),
        ("where is balto now", "where is balto now"),
        ("please", ""),
    ],
)
def test_strip_fillers(words: str, expected: str) -> None:
    assert " ".join(strip_fillers(words.split())) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("dogs", "dog"), ("stories", "story"), ("togo's", "togo"), ("mushers", "musher"),
     ("bus", "bus"), ("class", "class"), ("was", "was"), ("is", "is"),
     # a dog's training keeps its own sense, apart from the railroad train
     ("trained", "training"), ("trains", "train")],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_edit_distance_gives_up_past_limit() -> None:
    assert edit_distance("togo", "togoo") == 1
    assert edit_distance("balto", "nome", limit=1) == 2


@pytest.mark.parametrize(
    ("spoken", "value"),
    [("21", 21), ("twenty one", 21), ("one thousand nine hundred and twenty five", 1925),
     ("nineteen twenty five", 1925), ("six hundred seventy four", 674), ("zero", 0),
     ("minus three", -3), ("3.5", 3.5), ("togo", None), ("", None)],
)
def test_parse_number(spoken: str, value: float | None) -> None:
    assert parse_number(spoken) == value


@pytest.mark.parametrize(
    ("spoken", "value"),
    [("first", 1), ("third", 3), ("twentieth", 20), ("twenty first", 21), ("21st", 21),
     ("2nd", 2), ("hundredth", 100), ("one", None), ("togo", None)],
)
def test_parse_ordinal(spoken: str, value: int | None) -> None:
    assert parse_ordinal(spoken) == value


def _say(n: int) -> str:
    units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
             "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
             "seventeen", "eighteen", "nineteen"]
    tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    words: list[str] = []
    if n >= 1000:
        words += [*_say(n // 1000).split(), "thousand"]
        n %= 1000
        if n == 0:
            return " ".join(words)
    if n >= 100:
        words += [units[n // 100], "hundred"]
        n %= 100
        if n == 0:
            return " ".join(words)
    if n >= 20:
        words.append(tens[n // 10])
        if n % 10:
            words.append(units[n % 10])
    elif n or not words:
        words.append(units[n])
    return " ".join(words)


@given(st.integers(min_value=0, max_value=99_999))
def test_spoken_numbers_round_trip(n: int) -> None:
    assert parse_number(_say(n)) == n
    assert parse_number(str(n)) == n
