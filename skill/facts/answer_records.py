"""The records of a decision: the question as the intent gave it, and the answer chosen for it.

:mod:`skill.facts.answering` decides; the speech layer and the handlers read these records, so
they live apart from the decision's many rules.
"""

from __future__ import annotations

from typing import Any

from skill.facts import values
from skill.facts.context import Context
from skill.facts.model import Fact
from skill.facts.ranking import Analysis, Scored
from skill.facts.understanding import RELATIVES, Query
from skill.records import Record


class Question(Record):
    """What the listener asked, as far as the intent tells us."""

    __slots__ = ()

    text: str | None = None
    entity: str | None = None
    aspect: str | None = None


class Row(Record):
    """One entity's value in a comparison, with the fact that records it."""

    __slots__ = ()

    entity: str
    value: Any
    fact: Fact


class Comparison(Record):
    """Entities ranked by a relation; ``rows[0]`` is the winner. ``missing``: no record."""

    __slots__ = ()

    relation: str
    order: str
    rows: tuple[Row, ...]
    missing: tuple[str, ...] = ()
    superlative: bool = False
    polarity: str | None = None  # asked as yes/no: whether the first named one comes first
    #: How each row was said, when rows are happenings rather than entities ("togo dying").
    labels: tuple[str, ...] = ()


#: Pronouns for a being: "who sold *him*" keeps the talk with him; "who won *it*" (the race)
#: moves it to the winner.
_BEINGS = frozenset("he him his she her they them".split())


class Answer(Record):
    """What to say. ``kind`` is "fact", "yes_no", "compare", "no_record" or "unknown"."""

    __slots__ = ()

    kind: str
    fact: Fact | None
    entity: str | None
    analysis: Analysis
    query: Query | None = None
    polarity: str | None = None  # "yes", "no" or "disputed" for a yes/no question
    comparison: Comparison | None = None
    missing: str | None = None  # what was asked and is not recorded ("where Fox died")
    offer: Fact | None = None  # the nearest real fact, offered rather than spoken
    ranked: tuple[Scored, ...] = ()
    # whom the question was about when the answer names another who is talked of next; or the
    # one the answer names, when the talk stays with whom it was about
    about: tuple[str, ...] = ()
    # age when the relay began, from a recorded birth date, and whether it is exact
    derived_age: tuple[int, bool] | None = None
    relation: str = ""  # the fact's relation that answered ("statue.when"), if one did

    def _value_named(self) -> tuple[str, ...]:
        """Whom the answer gave as the value asked ("what was his lead dog": Togo), so that
        "that dog" next can be him."""
        fact = self.fact
        if fact is None or not self.entity or not self.relation:
            return ()
        value = fact.answers.get(self.entity, {}).get(self.relation)
        return tuple(v for v in values.readings(value) if isinstance(v, str) and v in fact.about)

    def _talked_of(self) -> tuple[str | None, tuple[str, ...]]:
        """Whom the talk is of next, and whom the answer gave as the value. "Who sold him"
        (Balto), "Kaasen": the talk stays with him ("where did he end up"), and the one the
        answer named is there to be pointed to ("that man"). Not along the relay: after "who
        gave it to him", "he" is the giver, whose run is asked next; nor after a thing's "it":
        after "who won it", "he" is the winner."""
        entity, named, query = self.entity, self._value_named(), self.query
        if (entity is not None and query is not None and query.from_context
                and not query.elliptical and query.entities and entity != query.entities[0]
                and query.facet in ("who", "from", "to") and query.topic != "handoff"
                and _BEINGS & set(query.words[query.core_start:])):
            return query.entities[0], (*named, entity)
        return entity, named

    @property
    def known(self) -> bool:
        """Whether the answer speaks a fact (or a comparison built from facts)."""
        return self.kind in ("fact", "yes_no", "compare")

    def _topic_answered(self, topic: str | None) -> str | None:
        """ "And his wife" after who played Seppala, answered by the film's cast: the talk is
        still of the cast, the one topic that fact records, not of his wife."""
        if topic not in RELATIVES or self.relation or self.fact is None:
            return topic
        recorded = {key.partition(".")[0] for relations in self.fact.answers.values()
                    for key in relations}
        return next(iter(recorded)) if topic not in recorded and len(recorded) == 1 else topic

    def context(self) -> Context:
        """What follow-ups should remember of this answer."""
        query = self.query
        entities: tuple[str, ...] = ()
        if self.comparison is not None:
            entities = tuple(r.entity for r in self.comparison.rows)
        elif query is not None:
            entities = tuple(dict.fromkeys((*([self.entity] if self.entity else []),
                                            *self.about, *query.entities)))
        elif self.entity:
            entities = (self.entity,)  # "who is Balto" from the slot alone
        topic = query.topic if query is not None else None
        facet = query.facet if query is not None else None
        if topic is None and "." in self.relation:
            # "when was it put up" answered by the statue's date: the talk is of the statue.
            topic = self.relation.partition(".")[0]
        if self.comparison is not None:
            topic, dot, facet = self.comparison.relation.partition(".")
            if not dot:  # a bare facet ("miles" in all): no topic of its own
                topic, facet = None, topic
        topic = self._topic_answered(topic)
        if query is not None and query.weak_topic:
            # A weak topic ("go") that decided nothing is not what was talked of; where a
            # relation answered ("how far did balto's team go": his leg), that one was.
            relation_topic, dot, _ = self.relation.partition(".")
            topic = relation_topic if dot else None
        entity, named = self._talked_of()
        return Context(entity, topic, facet, entities,
                       self.fact.id if self.fact is not None else None, named,
                       query.words if query is not None else ())
