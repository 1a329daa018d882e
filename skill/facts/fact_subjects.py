"""Whom a fact is about and whom it names (pure).

Every way of answering ends by choosing the entity the answer is about: the one a follow-up's
"he" will mean, and the one "who" asks for. These small readings of a fact are shared by the
ordinary answer, the hand-over runs between places and the honest checks, so they live below
all of them.
"""

from __future__ import annotations

from collections.abc import Sequence

from skill.facts import values
from skill.facts.model import Fact
from skill.facts.ranking import Ranker, Scored
from skill.facts.understanding import Query

#: A fact of someone ranked this close to a best fact of no one answers "who" instead.
WHO_SHARE = 0.5


def of_a_place(ranker: Ranker, fact: Fact) -> bool:
    """Whether a fact is first about a place (which, naming no one, cannot say who)."""
    entity = ranker.store.entities.get(fact.about[0]) if fact.about else None
    return entity is not None and entity.type == "place"


def of_someone(ranker: Ranker, fact: Fact) -> bool:
    """Whether a fact is about a person or a dog, as an answer to "who" must be."""
    entities = ranker.store.entities
    return any(e in entities and entities[e].type in ("person", "dog") for e in fact.about)


def of_someone_ranked(ranker: Ranker, ranked: Sequence[Scored]) -> Fact | None:
    """ "Who found the serum at the railroad hospital in Anchorage": a place's own fact
    shares the most words, but only a fact about someone can say who; the best of those,
    if the words support it nearly as well."""
    floor = ranked[0].score * WHO_SHARE
    return next((s.fact for s in ranked[1:] if s.score >= floor and of_someone(ranker, s.fact)),
                None)


def who_named(ranker: Ranker, query: Query, fact: Fact, among_all: bool = False) -> str | None:
    """The person or dog a fact answering "who" names, not already named by the question:
    the one it is first about, or else the one it records as something's "who" (or with
    ``among_all``, any it is about)."""
    entities = ranker.store.entities
    recorded = [v for relations in fact.answers.values()
                for key, value in relations.items() if key.endswith(".who")
                for v in values.readings(value) if isinstance(v, str)]
    for candidate in (*fact.about[:1], *recorded, *(fact.about[1:] if among_all else ())):
        entity = entities.get(candidate)
        if entity is not None and entity.type in ("person", "dog") and (
                candidate not in query.named):
            return candidate
    return None


def split_relation(relation: str) -> tuple[str | None, str | None]:
    topic, _, facet = relation.partition(".")
    return (topic, facet) if facet else (None, topic)


def subject_of(fact: Fact, named: Sequence[str]) -> str | None:
    """The entity a follow-up pronoun should refer to after this answer."""
    for entity_id in named:
        if entity_id in fact.about:
            return entity_id
    return fact.about[0] if fact.about else None
