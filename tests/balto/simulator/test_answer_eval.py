"""The answer-quality harness: both set shapes load, responses are classed, figures add up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from balto.simulator.answer_eval import (
    ANSWERED,
    FALLBACK,
    NO_RECORD,
    Case,
    EvalSetError,
    Result,
    classify,
    load_set,
)


@pytest.mark.parametrize(("speech", "outcome"), [
    ("I don't have a record of Gunnar Kaasen's wife or husband.", NO_RECORD),
    ("I don't know that one. I only know the story of the 1925 serum run.", NO_RECORD),
    ("Sorry, I didn't catch that. I can answer questions about Balto.", FALLBACK),
    ("Togo ran about 261 miles in the 1925 relay.", ANSWERED),
])
def test_classify(speech: str, outcome: str) -> None:
    assert classify(speech) == outcome


def test_the_current_shape_loads(tmp_path: Path) -> None:
    path = tmp_path / "set.json"
    path.write_text(json.dumps({
        "name": "demo",
        "questions": [{"q": "when did balto die", "expect": [["1933"]], "kind": "when"}],
        "unanswerable": [{"q": "what did balto eat", "why": "not recorded"}],
        "off_topic": [{"q": "play some jazz"}],
        "conversations": [{"turns": [{"q": "who was balto", "expect": [["kaasen"]]},
                                     {"q": "and togo", "expect": [["seppala"]]}]}],
    }))
    name, cases, conversations = load_set(path)
    assert name == "demo"
    assert [c.section for c in cases] == ["questions", "unanswerable", "off_topic"]
    assert cases[0].expect == (("1933",),) and cases[1].expect is None
    assert [t.text for t in conversations[0]] == ["who was balto", "and togo"]


def test_the_older_flat_shape_loads(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps([{"q": "where is balto now", "expect": ["cleveland", "museum"]},
                                {"q": "what's the weather", "off_topic": True}]))
    _, cases, conversations = load_set(path)
    assert cases[0].expect == (("cleveland",), ("museum",))
    assert cases[1].section == "off_topic" and conversations == []


@pytest.mark.parametrize("bad", [{"questions": [{"q": ""}]}, {"questions": [{"q": "x"}]},
                                 {"conversations": [{"turns": []}]}, "not json"])
def test_malformed_sets_name_the_entry(tmp_path: Path, bad: object) -> None:
    path = tmp_path / "bad.json"
    path.write_text(bad if isinstance(bad, str) else json.dumps(bad))
    with pytest.raises(EvalSetError, match="bad.json"):
        load_set(path)


def test_rightness_rules() -> None:
    asked = Case("when did balto die", (("1933",),))
    assert Result(asked, "Balto died in Cleveland in 1933.", ANSWERED).right
    assert not Result(asked, "I don't have a record of that.", NO_RECORD).right
    unanswerable = Case("what did balto eat", None, section="unanswerable")
    assert Result(unanswerable, "I don't have a record of what Balto ate.", NO_RECORD).right
    assert not Result(unanswerable, "Balto was a sled dog.", ANSWERED).right
    off = Case("play some jazz", None, section="off_topic")
    assert Result(off, "Sorry, I didn't catch that.", FALLBACK).right


def test_a_yes_or_no_group_is_the_verdict_the_answer_opens_with() -> None:
    """ "No" as a substring is in "Nome": a group of only yes or no asks for the verdict."""
    asked = Case("did alaska get to keep balto", (("no",), ("declin", "lent")))
    assert Result(asked, "No. The Cleveland museum declined, but lent him.", ANSWERED).right
    assert not Result(asked, "The museum in Nome declined, but lent him.", ANSWERED).right
    assert not Result(asked, "Yes. It declined, but lent him. Not for good.", ANSWERED).right
    assert not Result(asked, "Nope. It declined.", ANSWERED).right  # a word, not a prefix


def test_a_number_is_said_as_a_number_not_inside_a_larger_one() -> None:
    """ "25" is in "1925" as a substring: the leg's 25 miles are not said by the year."""
    asked = Case("how far did charlie olson take the serum", (("25",),))
    assert not Result(asked, "Seppala handed it to Olson on February 1, 1925.", ANSWERED).right
    assert Result(asked, "Olson ran 25 miles to Bluff.", ANSWERED).right
    assert Result(asked, "Olson ran 25, in the wind.", ANSWERED).right
    counted = Case("how many units did beeson find", (("300",),))
    assert Result(counted, "He found 300,000 units.", ANSWERED).right  # the writer's shorthand
    assert not Result(counted, "He found 1,300 units.", ANSWERED).right


def test_a_small_number_may_be_said_as_its_word() -> None:
    asked = Case("how many nurses did welch have", (("4",),))
    assert Result(asked, "He had four nurses.", ANSWERED).right
    assert not Result(asked, "The hospital had 24 beds and fourteen cots.", ANSWERED).right
