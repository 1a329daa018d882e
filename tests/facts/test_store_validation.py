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


def fact(**overrides: Any) -> dict[str, Any]:
    base = {
        "id": "togo.identity", "about": ["togo"], "aspects": ["identity"],
        "cues": ["who was togo"], "answer": "Togo was Seppala's lead dog.",
        "card": "Togo: lead dog.", "sources": ["seed"],
    }
    base.update(overrides)
    return base


def write(tmp_path: Path, facts: list[dict[str, Any]], entities: Any = ENTITIES,
          sources: Any = None) -> tuple[Path, Path]:
    facts_path = tmp_path / "facts.json"
    entities_path = tmp_path / "entities.json"
    facts_path.write_text(json.dumps({
        "sources": sources if sources is not None else {"seed": {"title": "Seed", "url": None}},
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
    paths = write(tmp_path, [fact()], sources={"seed": {"title": "Seed", "url": "ftp://x"}})
    with pytest.raises(FactStoreError, match="source 'seed': 'url' must be an http"):
        FactStore.load(*paths)
