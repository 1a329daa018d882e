"""Gated patterns: compiled only when a text could match, and then the same as ``re``."""

from __future__ import annotations

import json
import re

import pytest

from skill.facts import patterns
from skill.facts.patterns import AnyOf, gate, gated
from skill.facts.store import data_file


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bwhat about (.+)$", ("what about ",)),
    (r"^(who|which \w+) (drove|ran) (.+?) at the (?:very )?end$", (" at the ",)),
    (r"\b(tomorrow|tonight|yesterday)\b", ("tomorrow", "tonight", "yesterday")),
    (r"^(?:who|what) (?:do|did) (\w+) call ", (" call ",)),
    (r"^\w+ \d+$", None),  # nothing literal long enough to gate on
])
def test_the_gate_is_text_every_match_holds(pattern: str, expected: tuple[str, ...] | None,
                                            ) -> None:
    assert gate(pattern) == expected


def _lexicon() -> dict[str, list[str]]:
    with open(data_file("lexicon.json"), encoding="utf-8") as handle:
        raw: dict[str, list[str]] = json.load(handle)
    return raw


TEXTS = [
    "what about togo", "who drove the sled at the very end", "who drove it at the end",
    "did balto come out in 1925", "when is the next race", "what was wrong with the plane",
    "who won the iditarod last year", "what is the news today", "how many dogs are there now",
    "what time did kaasen leave bluff", "how far did togo run", "where was seppala from",
    "what do they call togo", "what was the name of the doctor", "is balto real",
]


@pytest.mark.parametrize("text", TEXTS)
def test_gated_rewrites_and_scope_do_what_re_does(text: str) -> None:
    raw = _lexicon()
    for pattern, replacement in raw["rewrites"]:
        assert gated(pattern).sub(replacement, text) == re.sub(pattern, replacement, text)
    scope = AnyOf([gated(p) for p in raw["out_of_scope"]])
    joined = re.compile("|".join(f"(?:{p})" for p in raw["out_of_scope"]))
    assert bool(scope.search(text)) == bool(joined.search(text))
    assert {m.group() for m in scope.finditer(text)} >= {m.group() for m in joined.finditer(text)}


def test_a_text_outside_the_gate_compiles_nothing() -> None:
    pattern = r"\bwhat about (?P<rest>.+) anyway$"  # (a pattern no other test compiles)
    patterns._compiled.cache_clear()
    assert gated(pattern).sub("x", "how far did togo run") == "how far did togo run"
    assert patterns._compiled.cache_info().currsize == 0
