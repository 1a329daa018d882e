"""Descriptions by a deed: where they lie in the words, and only where a name ends them."""

from __future__ import annotations

from typing import NamedTuple

from skill.facts.descriptions import descriptions, may_describe


class Named(NamedTuple):
    start: int
    end: int


def test_a_description_ends_at_the_first_name_after_its_deed() -> None:
    words = "where was the man who drove balto born".split()
    [found] = descriptions(words, [Named(6, 7)])
    assert (found.start, found.relative, found.end) == (2, 4, 7)
    assert found.deed(words) == ["who", "drove", "balto"]


def test_two_descriptions_are_found_left_to_right() -> None:
    words = "who was born first the man who drove togo or the man who drove balto".split()
    found = descriptions(words, [Named(8, 9), Named(14, 15)])
    assert [d.deed(words) for d in found] == [["who", "drove", "togo"], ["who", "drove", "balto"]]


def test_no_name_within_reach_is_no_description() -> None:
    words = "where was the man who drove through the long dark storm all night to nome".split()
    assert descriptions(words, [Named(14, 15)]) == []


def test_a_description_the_store_names_is_left_to_the_names() -> None:
    # "the dog who played togo" is one of Diesel's own names
    words = "was the dog who played togo in the movie a husky".split()
    assert descriptions(words, [Named(1, 6)]) == []


def test_a_cheap_look_finds_whether_one_may_be_there() -> None:
    assert may_describe("where was the man who drove balto born".split())
    assert not may_describe("where was kaasen born".split())
