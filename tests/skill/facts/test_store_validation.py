"""Fact store loading: malformed data fails with a message naming the file and the record."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from skill.facts.store import FactStore, FactStoreError

ENTITIES = {"entities": [
    {"id": "togo", "type": "dog", "name": "Togo", "synonyms": ["togo the dog"]},
    {"id": "nome", "type": "place", "name": "Nome", "synonyms": []},
]}


WIKI = {"tier": "encyclopedia", "title": 'Wikipedia, "Togo (dog)"',
        "url": "https://en.wikipedia.org/wiki/Togo_(dog)"}
BOOK = {"tier": "book", "author": "Robert J. Blake", "title": "Togo", "publisher": "Philomel Books",
        "year": 2002}
FAN_SITE = {"tier": "other web", "title": "A fan site", "url": "https://fans.example.org/togo"}


def fact(**overrides: Any) -> dict[str, Any]:
    base = {
        "id": "togo.identity", "about": ["togo"], "aspects": ["identity"],
        "cues": ["who was togo"], "answer": "Togo was Seppala's lead dog.",
        "card": "Togo: lead dog.", "sources": ["wiki"],
    }
    base.update(overrides)
    return base


def write(tmp_path: Path, facts: list[dict[str, Any]], entities: Any = ENTITIES,
          sources: Any = None) -> tuple[Path, Path]:
    facts_path = tmp_path / "facts.json"
    entities_path = tmp_path / "entities.json"
    facts_path.write_text(json.dumps({
        "sources": sources if sources is not None else {"wiki": WIKI},
        "facts": facts,
    }))
    entities_path.write_text(json.dumps(entities))
    return facts_path, entities_path


def test_valid_store_loads_and_indexes(tmp_path: Path) -> None:
    store = FactStore.load(*write(tmp_path, [fact(), fact(id="nome.identity", about=["nome"])]))
    assert store.identity_of("togo").id == "togo.identity"
    assert store.entity_for_name("Togo the dog").id == "togo"
    assert [f.id for f in store.find("nome", "identity")] == ["nome.identity"]


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        ([fact(about=["balto"])], "fact 'togo.identity': unknown entities ['balto']"),
        ([fact(aspects=["colour"])], "unknown aspects ['colour']"),
        ([fact(sources=["W:Nope"])], "sources not listed in 'sources': ['W:Nope']"),
        ([fact(answer="<speak>hi</speak>")], "'answer' must be plain text"),
        ([fact(answer="")], "'answer' must be a non-empty str"),
        ([fact(), fact()], "duplicate id"),
        ([fact(), fact(id="togo.other")], "already has identity fact 'togo.identity'"),
        ([fact(disagreement="  ")], "'disagreement' must be a non-empty string"),
        (["not an object"], "fact #0: expected an object"),
    ],
)
def test_malformed_facts_name_file_and_fact(tmp_path: Path, facts: list[Any], message: str) -> None:
    paths = write(tmp_path, facts)
    with pytest.raises(FactStoreError, match="facts.json") as info:
        FactStore.load(*paths)
    assert message in str(info.value)


def test_malformed_entity_type_is_named(tmp_path: Path) -> None:
    bad = {"entities": [{"id": "togo", "type": "cat", "name": "Togo"}]}
    with pytest.raises(FactStoreError, match=r"entities.json: entity 'togo': unknown type 'cat'"):
        FactStore.load(*write(tmp_path, [fact()], entities=bad))


def test_invalid_json_reports_line(tmp_path: Path) -> None:
    facts_path, entities_path = write(tmp_path, [fact()])
    facts_path.write_text('{"facts": [\n  oops\n]}')
    with pytest.raises(FactStoreError, match=r"facts.json: not valid JSON \(line 2"):
        FactStore.load(facts_path, entities_path)


def test_bad_source_url_is_refused(tmp_path: Path) -> None:
    paths = write(tmp_path, [fact()], sources={"wiki": {**WIKI, "url": "ftp://x"}})
    with pytest.raises(FactStoreError, match="source 'wiki': 'url' must be an http"):
        FactStore.load(*paths)


def test_sources_load_with_tier_and_citation(tmp_path: Path) -> None:
    store = FactStore.load(*write(
        tmp_path, [fact(sources=["wiki", "blake"])], sources={"wiki": WIKI, "blake": BOOK}))
    wiki, blake = store.sources_for(store.facts["togo.identity"])
    assert (wiki.tier, wiki.url) == ("encyclopedia", WIKI["url"])
    assert blake.citation == "Robert J. Blake, Togo (Philomel Books, 2002)"
    assert blake.url is None and blake.spoken_name == "the book Togo, by Robert J. Blake"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ({**WIKI, "tier": None}, "'tier' must be one of primary, newspaper, book"),
        ({**WIKI, "tier": "blog"}, "'tier' must be one of"),
        ({k: v for k, v in WIKI.items() if k != "url"}, "'url' must be an http(s) address"),
        ({**BOOK, "url": "https://bookreadfree.com/1/2"}, "a book is cited by author, title"),
        ({k: v for k, v in BOOK.items() if k != "publisher"}, "'publisher' must be a non-empty"),
        ({**BOOK, "author": ""}, "'author' must be a non-empty"),
        ({**BOOK, "year": "2002"}, "'year' must be the year the book was published"),
        ({**BOOK, "year": 20}, "'year' must be the year"),
    ],
)
def test_malformed_sources_are_named(tmp_path: Path, source: dict[str, Any], message: str) -> None:
    paths = write(tmp_path, [fact()], sources={"wiki": source})
    with pytest.raises(FactStoreError, match="facts.json: source 'wiki'") as info:
        FactStore.load(*paths)
    assert message in str(info.value)


@pytest.mark.parametrize(
    "twin",
    [{**WIKI, "tier": "other web", "title": "A mirror of the same page"},
     {**BOOK, "publisher": "Another printing", "year": 2010}],
)
def test_one_source_under_two_tags_is_refused(tmp_path: Path, twin: dict[str, Any]) -> None:
    original = WIKI if twin.get("url") else BOOK
    paths = write(tmp_path, [fact(sources=["a"])], sources={"a": original, "b": twin})
    with pytest.raises(FactStoreError, match="source 'b': the same source as 'a'"):
        FactStore.load(*paths)


def test_fact_resting_only_on_the_weakest_tier_must_speak_its_hedge(tmp_path: Path) -> None:
    sources = {"fans": FAN_SITE, "wiki": WIKI}
    with pytest.raises(FactStoreError, match="must begin with 'One account says'"):
        FactStore.load(*write(tmp_path, [fact(sources=["fans"])], sources=sources))
    hedged = fact(sources=["fans"], answer="One account says Togo was Seppala's lead dog.")
    assert FactStore.load(*write(tmp_path, [hedged], sources=sources)).get("togo.identity")
    # One stronger source is enough to state it plainly.
    assert FactStore.load(*write(tmp_path, [fact(sources=["fans", "wiki"])], sources=sources))
