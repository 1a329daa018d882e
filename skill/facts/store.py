"""Load, validate and look up the fact store.

Facts are data (``data/facts.json`` and ``data/entities.json``), read and validated once per
process, when first needed (the ranker asks on the first question, so a launch never pays for it),
and never per request. Validation errors name the file and the fact id, because a typo in a data
file should be a one-minute fix.
"""

import os
from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

from skill.facts.model import (
    ASPECTS,
    ENTITY_TYPES,
    HEDGE,
    TIERS,
    WEAKEST_TIER,
    Entity,
    Fact,
    Source,
)
from skill.jsonfile import read_json

if TYPE_CHECKING:
    from pathlib import Path

#: The data directory as a plain string. The serving path uses ``os.path`` only: importing
#: pathlib costs a Lambda cold start several milliseconds, and nothing else there needs it.
_DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")

#: Public ``pathlib.Path`` constants, made on first access (PEP 562) for tests and tools.
_PATH_CONSTANTS = {"DATA_DIR": "", "FACTS_FILE": "facts.json", "ENTITIES_FILE": "entities.json"}


def data_file(name: str) -> str:
    """Absolute path (a string) of a file in the packaged data directory."""
    return os.path.join(_DATA_DIR, name)


_FACTS_PATH = data_file("facts.json")
_ENTITIES_PATH = data_file("entities.json")


def __getattr__(name: str) -> "Path":
    """``DATA_DIR``, ``FACTS_FILE`` and ``ENTITIES_FILE`` as Paths, without importing pathlib
    until someone asks for one."""
    if name in _PATH_CONSTANTS:
        from pathlib import Path

        file_name = _PATH_CONSTANTS[name]
        return Path(data_file(file_name)) if file_name else Path(_DATA_DIR)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_MAX_ANSWER_CHARS = 1200


class FactStoreError(ValueError):
    """The fact data is malformed; the message names the file and the offending record."""


def _read_json(path: str | os.PathLike[str]) -> Any:
    return read_json(path, FactStoreError, "the data file")


def _require(record: Mapping[str, Any], key: str, kind: type, where: str) -> Any:
    value = record.get(key)
    if not isinstance(value, kind) or (kind in (str, list) and not value):
        raise FactStoreError(f"{where}: '{key}' must be a non-empty {kind.__name__}")
    return value


def _optional_str(record: Mapping[str, Any], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise FactStoreError(f"{where}: '{key}' must be a non-empty string when given")
    return value


def _parse_entities(raw: Any, path: str | os.PathLike[str]) -> dict[str, Entity]:
    if not isinstance(raw, dict) or not isinstance(raw.get("entities"), list):
        raise FactStoreError(f"{path}: expected an object with an 'entities' list")
    entities: dict[str, Entity] = {}
    for index, record in enumerate(raw["entities"]):
        where = f"{path}: entity #{index}"
        if not isinstance(record, dict):
            raise FactStoreError(f"{where}: expected an object")
        entity_id = _require(record, "id", str, where)
        where = f"{path}: entity '{entity_id}'"
        if entity_id in entities:
            raise FactStoreError(f"{where}: duplicate id")
        etype = _require(record, "type", str, where)
        if etype not in ENTITY_TYPES:
            raise FactStoreError(f"{where}: unknown type '{etype}'")
        synonyms = record.get("synonyms", [])
        if not isinstance(synonyms, list) or not all(isinstance(s, str) for s in synonyms):
            raise FactStoreError(f"{where}: 'synonyms' must be a list of strings")
        entities[entity_id] = Entity(
            id=entity_id,
            type=etype,
            name=_require(record, "name", str, where),
            synonyms=tuple(s.lower() for s in synonyms if s.strip()),
            region=_optional_str(record, "region", where),
        )
    return entities


_BOOK_FIELDS = ("author", "title", "publisher")


def _parse_source(tag: str, record: Any, where: str) -> Source:
    if not isinstance(record, dict):
        raise FactStoreError(f"{where}: expected an object")
    tier = record.get("tier")
    if tier not in TIERS:
        raise FactStoreError(f"{where}: 'tier' must be one of {', '.join(TIERS)}")
    url = record.get("url")
    if tier == "book":
        # A book is cited as a book; a link would only ever point at somebody's copy of it.
        if url is not None:
            raise FactStoreError(f"{where}: a book is cited by author, title, publisher and year, "
                                 "not by a link")
        year = record.get("year")
        if not isinstance(year, int) or isinstance(year, bool) or not 1500 <= year <= 2100:
            raise FactStoreError(f"{where}: 'year' must be the year the book was published")
        author, title, publisher = (_require(record, f, str, where) for f in _BOOK_FIELDS)
        return Source(tag=tag, tier=tier, title=title, author=author, publisher=publisher,
                      year=year)
    if not (isinstance(url, str) and url.startswith(("http://", "https://"))):
        raise FactStoreError(f"{where}: 'url' must be an http(s) address (books have none)")
    return Source(tag=tag, tier=tier, title=_require(record, "title", str, where), url=url)


def _parse_sources(raw: Any, path: str | os.PathLike[str]) -> dict[str, Source]:
    if not isinstance(raw, dict):
        raise FactStoreError(f"{path}: 'sources' must be an object of tag -> source")
    sources: dict[str, Source] = {}
    seen: dict[object, str] = {}
    for tag, record in raw.items():
        where = f"{path}: source '{tag}'"
        source = _parse_source(tag, record, where)
        # The same page or book under two tags would count one witness twice.
        key = source.url or (source.author, source.title)
        if key in seen:
            raise FactStoreError(f"{where}: the same source as '{seen[key]}'")
        seen[key] = tag
        sources[tag] = source
    return sources


def _parse_fact(
    record: Any,
    index: int,
    path: str | os.PathLike[str],
    entities: Mapping[str, Entity],
    sources: Mapping[str, Source],
) -> Fact:
    where = f"{path}: fact #{index}"
    if not isinstance(record, dict):
        raise FactStoreError(f"{where}: expected an object")
    fact_id = _require(record, "id", str, where)
    where = f"{path}: fact '{fact_id}'"
    about = _about(record, where, entities)
    aspects = _aspects(record, where)
    tags = _source_tags(record, where, sources)
    answer = _answer_text(record, where, tags, sources)
    disagreement = _disagreement(record, where)
    cues = _cues(record, where)
    answers = _parse_answers(record.get("answers", {}), where, entities)
    return Fact(
        id=fact_id,
        about=tuple(about),
        aspects=frozenset(aspects),
        cues=tuple(c.lower() for c in cues),
        answer=answer.strip(),
        card=_require(record, "card", str, where).strip(),
        sources=tuple(tags),
        disagreement=disagreement.strip() if disagreement else None,
        answers=answers,
    )


def _about(record: Mapping[str, Any], where: str, entities: Mapping[str, Entity]) -> list[Any]:
    about: list[Any] = _require(record, "about", list, where)
    unknown = [e for e in about if e not in entities]
    if unknown:
        raise FactStoreError(f"{where}: unknown entities {unknown}")
    return about


def _aspects(record: Mapping[str, Any], where: str) -> list[Any]:
    aspects: list[Any] = _require(record, "aspects", list, where)
    bad_aspects = sorted(set(aspects) - ASPECTS)
    if bad_aspects:
        raise FactStoreError(f"{where}: unknown aspects {bad_aspects}")
    return aspects


def _source_tags(record: Mapping[str, Any], where: str,
                 sources: Mapping[str, Source]) -> list[Any]:
    tags: list[Any] = _require(record, "sources", list, where)
    missing = [t for t in tags if t not in sources]
    if missing:
        raise FactStoreError(f"{where}: sources not listed in 'sources': {missing}")
    return tags


def _answer_text(record: Mapping[str, Any], where: str, tags: list[Any],
                 sources: Mapping[str, Source]) -> str:
    answer: str = _require(record, "answer", str, where)
    if all(sources[t].tier == WEAKEST_TIER for t in tags) and not answer.startswith(HEDGE):
        raise FactStoreError(
            f"{where}: its only sources are {WEAKEST_TIER} pages, so 'answer' must begin "
            f"with '{HEDGE}'"
        )
    if "<" in answer or ">" in answer:
        raise FactStoreError(f"{where}: 'answer' must be plain text (SSML is added by the code)")
    if len(answer) > _MAX_ANSWER_CHARS:
        raise FactStoreError(f"{where}: 'answer' is longer than {_MAX_ANSWER_CHARS} characters")
    return answer


def _disagreement(record: Mapping[str, Any], where: str) -> str | None:
    disagreement = record.get("disagreement")
    if disagreement is not None and not (isinstance(disagreement, str) and disagreement.strip()):
        raise FactStoreError(f"{where}: 'disagreement' must be a non-empty string when present")
    return disagreement


def _cues(record: Mapping[str, Any], where: str) -> list[str]:
    cues = record.get("cues", [])
    if not isinstance(cues, list) or not all(isinstance(c, str) for c in cues):
        raise FactStoreError(f"{where}: 'cues' must be a list of strings")
    return cues


def _valid_value(value: Any) -> bool:
    if isinstance(value, (bool, int, float, str)):
        return True
    if isinstance(value, dict):
        if set(value) == {"min", "max"}:
            return all(isinstance(v, (int, float)) for v in value.values())
        if set(value) == {"v", "alt"}:
            return _valid_value(value["v"]) and isinstance(value["alt"], list)
    return False


def _parse_answers(
    raw: Any, where: str, entities: Mapping[str, Entity]
) -> dict[str, dict[str, Any]]:
    """The fact's ``answers``: entity -> relation -> value, entity ids checked.

    Relation names are checked against ``relations.json`` by the ranker, which loads it."""
    if not isinstance(raw, dict):
        raise FactStoreError(f"{where}: 'answers' must be an object of entity -> relations")
    answers: dict[str, dict[str, Any]] = {}
    for entity_id, relations in raw.items():
        if entity_id not in entities:
            raise FactStoreError(f"{where}: 'answers' names unknown entity '{entity_id}'")
        if not isinstance(relations, dict) or not relations:
            raise FactStoreError(f"{where}: 'answers' for '{entity_id}' must be a non-empty object")
        for key, value in relations.items():
            if not _valid_value(value):
                raise FactStoreError(f"{where}: 'answers' {entity_id} {key}: bad value {value!r}")
        answers[entity_id] = dict(relations)
    return answers


class FactStore:
    """Validated, indexed facts. Immutable after construction, so safe to share across threads."""

    def __init__(
        self,
        facts: Iterable[Fact],
        entities: Mapping[str, Entity],
        sources: Mapping[str, Source],
    ) -> None:
        self.entities: dict[str, Entity] = dict(entities)
        self.sources: dict[str, Source] = dict(sources)
        self.facts: dict[str, Fact] = {}
        self._by_entity: dict[str, list[Fact]] = {e: [] for e in self.entities}
        self._identity: dict[str, Fact] = {}
        for fact in facts:
            if fact.id in self.facts:
                raise FactStoreError(f"fact '{fact.id}': duplicate id")
            self.facts[fact.id] = fact
            for entity_id in fact.about:
                self._by_entity[entity_id].append(fact)
            if "identity" in fact.aspects:
                subject = fact.about[0]
                if subject in self._identity:
                    raise FactStoreError(
                        f"fact '{fact.id}': entity '{subject}' already has identity fact "
                        f"'{self._identity[subject].id}'"
                    )
                self._identity[subject] = fact

    @classmethod
    def load(
        cls,
        facts_path: str | os.PathLike[str] = _FACTS_PATH,
        entities_path: str | os.PathLike[str] = _ENTITIES_PATH,
    ) -> "FactStore":
        """Read and validate both data files; raises :class:`FactStoreError` naming the problem."""
        entities = _parse_entities(_read_json(entities_path), entities_path)
        raw = _read_json(facts_path)
        if not isinstance(raw, dict) or not isinstance(raw.get("facts"), list):
            raise FactStoreError(f"{facts_path}: expected an object with a 'facts' list")
        sources = _parse_sources(raw.get("sources", {}), facts_path)
        facts = [
            _parse_fact(record, i, facts_path, entities, sources)
            for i, record in enumerate(raw["facts"])
        ]
        try:
            return cls(facts, entities, sources)
        except FactStoreError as exc:
            raise FactStoreError(f"{facts_path}: {exc}") from exc

    def get(self, fact_id: str) -> Fact | None:
        """The fact with this id, or None."""
        return self.facts.get(fact_id)

    def identity_of(self, entity_id: str) -> Fact | None:
        """The "who/what is X" fact for an entity."""
        return self._identity.get(entity_id)

    def about(self, entity_id: str) -> list[Fact]:
        """Facts that mention the entity, most central first (entity earlier in ``about``)."""
        return sorted(self._by_entity.get(entity_id, []), key=lambda f: f.about.index(entity_id))

    @cached_property
    def _answering(self) -> dict[str, list[Fact]]:
        index: dict[str, list[Fact]] = {}
        for fact in self.facts.values():
            for entity_id in fact.answers:
                index.setdefault(entity_id, []).append(fact)
        return index

    def answering(self, entity_id: str) -> list[Fact]:
        """Facts that record some relation of the entity (its ``answers``), in store order."""
        return self._answering.get(entity_id, [])

    def find(self, entity_id: str, aspect: str) -> list[Fact]:
        """Facts about an entity that answer a given aspect, most central first."""
        return [f for f in self.about(entity_id) if aspect in f.aspects]

    @cached_property
    def entity_names(self) -> dict[str, str]:
        """Lower-case spoken form -> entity id, for resolving names in free text."""
        names: dict[str, str] = {}
        for entity in self.entities.values():
            for form in entity.spoken_forms:
                names.setdefault(form, entity.id)
        return names

    def entity_for_name(self, spoken: str) -> Entity | None:
        """Resolve a spoken name or synonym (case-insensitive) to an entity."""
        entity_id = self.entity_names.get(spoken.strip().lower())
        return self.entities.get(entity_id) if entity_id else None

    def sources_for(self, fact: Fact) -> list[Source]:
        """The source records behind a fact, in the order the fact lists them."""
        return [self.sources[t] for t in fact.sources]


_DEFAULT: FactStore | None = None


def default_store() -> FactStore:
    """The packaged fact store, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = FactStore.load()
    return _DEFAULT
