"""A bare question phrase after a question asks the last question again with it."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from skill.facts.asked_again import asked_again, one_counted, ordinal_swapped


def _no_facet(phrase: Sequence[str]) -> bool:
    return False


def _date_facet(phrase: Sequence[str]) -> bool:
    return "year" in phrase


@pytest.mark.parametrize(("turn", "last", "rebuilt"), [
    ("to who", "and where did they hand off", "who did they hand off to"),
    ("in what journal", "when was it published", "what journal was it published in"),
    ("what journal", "when was it published", "what journal was it published"),
    # the old question word's stranded preposition goes with it
    ("at what place", "who did seppala give it to", "what place did seppala give it at"),
    ("from where", "how many units did they find", "where did they find from"),
    ("and in which town", "did kaasen live in washington", "which town did kaasen live in "
     "washington in"),
    # a last question no person can complete: "to who" asks whom the serum was handed to
    ("to who", "how far did he go", "who did he hand the serum to"),
    ("and from who", "who ran the last leg", "who did he get the serum from"),
])
def test_the_phrase_completes_the_last_question(turn: str, last: str, rebuilt: str) -> None:
    assert asked_again(turn.split(), last.split(), _no_facet) == rebuilt.split()


@pytest.mark.parametrize(("turn", "last"), [
    ("and when", "where did togo die"),           # the conversation's topic carries it
    ("how old", "when was balto born"),
    ("what year", "when did balto die"),          # a facet of its own: carried as well
    ("what happened", "did alaska try to get him"),  # a question of its own
    ("what about togo", "when did balto die"),
    ("which one", "who ran the longest leg"),
    ("to who did seppala give it", "where did seppala hand off"),  # a whole question
    ("to who", "tell me about togo"),             # the last turn was no question
    ("to who", ""),
])
def test_not_a_bare_phrase_or_nothing_to_complete(turn: str, last: str) -> None:
    assert asked_again(turn.split(), last.split(), _date_facet) is None


@pytest.mark.parametrize(("turn", "last", "named"), [
    ("who was the last one", "who was the first musher", "who was the last musher"),
    ("and the second one", "what was the first balto movie", "and the second balto"),
])
def test_an_ordinals_one_is_the_thing_counted_before(turn: str, last: str, named: str) -> None:
    assert one_counted(turn.split(), last.split()) == named.split()


@pytest.mark.parametrize(("turn", "last"), [
    ("which one", "who was the first musher"),             # no ordinal in the turn
    ("the last one", "tell me about togo"),                # nothing counted before
    ("the last one", "who was the first one"),             # counted as "one" again
])
def test_one_named_only_after_a_count(turn: str, last: str) -> None:
    assert one_counted(turn.split(), last.split()) is None


@pytest.mark.parametrize(("turn", "last", "expected"), [
    ("and the first", "who was the last musher", "who was the first musher"),
    ("what about the last one", "who was the first musher", "who was the last musher"),
    ("and the first", "who was balto", None),           # no ordinal to swap
    ("and the first musher", "who was the last musher", None),  # names its own thing
])
def test_a_bare_ordinal_asks_the_last_question_with_it(turn: str, last: str,
                                                        expected: str | None) -> None:
    swapped = ordinal_swapped(turn.split(), last.split())
    assert (" ".join(swapped) if swapped else None) == expected
