"""The ranker's individual signals, each pinned by a question that depends on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from skill.facts.lexicon import Lexicon
from skill.facts.ranking import Ranker
from skill.facts.store import FactStoreError, default_store
from skill.text.terms import content_terms


@pytest.fixture(scope="module")
def ranker() -> Ranker:
    return Ranker(default_store())


def best(ranker: Ranker, question: str, context: str | None = None) -> str | None:
    ranked = ranker.rank(question, context_entity=context)
    return ranked[0].fact.id if ranked else None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how far did togo run", "togo.mileage"),          # entity + question shape
        ("where is balto now", "balto.where_now"),
        ("who was togo", "togo.identity"),                 # identity question
        ("who drove balto", "kaasen.identity"),            # "who": a person's fact answers
        ("which dog ran the farthest", "togo.mileage"),    # "which dog": a dog's fact answers
        ("who directed the togo movie", "film.togo_2019"),  # the film, not the dog
        ("when was seppala born", "seppala.birth"),
        ("where was seppala from", "seppala.birth"),       # idiom rewrite
        ("was togo real", "togo.identity"),                # idiom rewrite
    ],
)
def test_signals_pick_the_answering_fact(ranker: Ranker, question: str, expected: str) -> None:
    assert best(ranker, question) == expected


def test_pronoun_resolves_to_the_context_entity(ranker: Ranker) -> None:
    assert best(ranker, "how far did he run", context="togo") == "togo.mileage"
    assert best(ranker, "how far did he run", context="balto") != "togo.mileage"


@pytest.mark.parametrize(
    "question",
    [
        "who won the iditarod last year",                   # the present: out of scope
        "whats the weather in nome today",
        "what did balto eat for breakfast on february second",  # two words we know nothing of
        "what time is it",                                  # one generic word, nothing named
        "what is the capital of france",
    ],
)
def test_off_topic_questions_get_no_fact(ranker: Ranker, question: str) -> None:
    assert ranker.rank(question) == []


def test_where_now_questions_are_not_out_of_scope(ranker: Ranker) -> None:
    assert best(ranker, "where is balto today") == "balto.where_now"


def test_spoken_numbers_and_dates_become_digits() -> None:
    assert content_terms("nineteen twenty five") == ["1925"]
    assert content_terms("january twenty second") == ["january", "22"]


def test_reasons_explain_the_choice(ranker: Ranker) -> None:
    analysis = ranker.analyse("how far did togo run")
    top = ranker.rank_analysis(analysis)[0]
    assert top.reasons == ()  # not built for every candidate
    reasons = ranker.explain(analysis, top.fact)
    assert any("togo" in reason for reason in reasons)
    assert any("distance" in reason for reason in reasons)


def test_unreadable_lexicon_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "lexicon.json"
    bad.write_text('{"equivalents": []}')
    with pytest.raises(FactStoreError, match="lexicon.json: unreadable lexicon"):
        Lexicon.load(bad)


@pytest.mark.parametrize(("text", "absent"), [
    ("why was there no good antitoxin in nome", ["expir"]),    # "no good": expired
    ("why didnt nome have fresh antitoxin", ["expir"]),
    ("was the good antitoxin fresh", []),                      # nothing said missing
])
def test_a_word_said_missing_ranks_the_absence(text: str, absent: list[str]) -> None:
    assert Lexicon.load().absent_terms(text) == absent
