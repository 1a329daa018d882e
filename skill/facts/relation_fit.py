"""How well a fact's recorded relation answers what a question asks.

Each fact records, per entity, the relations it answers ("death.when", "lead_dog.who"); a
question asks a topic and a facet. This module scores the fit between the two (exact, a
compatible facet, the same topic) and lists an entity's facts that answer, best first, once per
store and question shape: the answering core, the role verdicts and the comparisons all ask it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from skill.facts.model import Fact

if TYPE_CHECKING:
    from skill.facts.store import FactStore

#: Facets that ask for a value: a question asking one of them, even with no topic ("how old
#: was X"), needs a fact recording it.
VALUE_FACETS = frozenset({"when", "where", "miles", "age", "how_many", "duration",
                          "temperature", "weight", "speed", "order", "percent"})
#: Facets that answer one another when the exact one is not recorded ("why did X die": how).
TEXT_FACETS = frozenset({"what", "how", "why"})


def key_fits(key: str, topic: str | None, facet: str | None) -> int:
    """How well a fact's relation key answers the question's topic and facet (0: not at all)."""
    key_topic, dot, key_facet = key.partition(".")
    if not dot:  # a bare topic ("wolf") or a bare facet ("when" of an event)
        if topic is not None:
            # A yes/no attribute ("offspring": True) says nothing of how many or when; asked
            # who, a key recording who ("co_lead.who": Fox) says it better.
            if key != topic or facet in VALUE_FACETS:
                return 0
            return 2 if facet in ("who", "from", "to") else 3
        return 3 if key == facet else 0
    if topic is None:
        return 2 if facet is not None and key_facet == facet else 0
    if key_topic != topic:
        return 0
    if facet is None or facet == "what":
        # "what happened at the anniversary": any fact on the topic, words decide; but "what
        # trail did it follow" is better said by what the trail was than by its miles
        return 1 if facet == "what" and key_facet in VALUE_FACETS else 2
    if key_facet == facet:
        return 3
    if facet in TEXT_FACETS and key_facet in TEXT_FACETS:
        return 2
    return 1  # the topic, another facet: a fact on it usually says more than its key


def relation_facts(facts: Iterable[Fact], entity: str, topic: str | None,
                   facet: str | None) -> list[tuple[int, Fact, str]]:
    """Facts that answer (topic, facet) for the entity, best fit first: (fit, fact, key)."""
    found = []
    for fact in facts:
        relations = fact.answers.get(entity)
        if not relations:
            continue
        # Equal fits: a bare topic ("plane": False) is the yes/no attribute itself.
        best = max(((key_fits(k, topic, facet), "." not in k, k) for k in relations),
                   default=(0, False, ""))[::2]
        if best[0]:
            found.append((best[0], fact, best[1]))
    found.sort(key=lambda t: -t[0])
    return found


def recorded(store: FactStore, entity: str, topic: str | None,
              facet: str | None) -> list[tuple[int, Fact, str]]:
    """:func:`relation_facts` of the entity's own facts, worked out once per store and
    question shape (the store never changes once loaded)."""
    return list(_recorded_once(store, entity, topic, facet))


@lru_cache(maxsize=4096)
def _recorded_once(store: FactStore, entity: str, topic: str | None,
                   facet: str | None) -> tuple[tuple[int, Fact, str], ...]:
    return tuple(relation_facts(store.answering(entity), entity, topic, facet))
