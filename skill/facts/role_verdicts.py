"""Yes or no decided by a relation, before any fact is chosen by its words.

Some yes/no questions claim who holds a role ("was Togo Seppala's lead dog"), what a thing
depicts ("is the statue in Central Park of Togo") or where the relay went ("did the relay go
through Nulato"). The store records the holder, the depicted one and the legs' ends, so the
verdict is read from those records, not from a fact the question's words happen to point to.
Each returns None when the question is not of its kind, and the answering core goes on.
"""

from __future__ import annotations

from skill.facts.answer_records import Answer
from skill.facts.ranking import Analysis, Ranker
from skill.facts.relation_fit import recorded
from skill.facts.understanding import ROLES, Query

#: Words that claim more than who was in a role.
_QUALIFIED = frozenset("only alone himself herself also too first last".split())


def identity_verdict(ranker: Ranker, query: Query, analysis: Analysis) -> Answer | None:
    """ "Was Togo Seppala's lead dog": Yes when the description names the one asked of, No
    when it names another, told by the identity of the one it names."""
    if len(query.identity) != 2 or _QUALIFIED & set(query.words):
        return None
    said, described = query.identity
    fact = ranker.store.identity_of(described)
    if fact is None:
        return None
    return Answer("yes_no", fact, described, analysis, query,
                  polarity="yes" if said == described else "no", relation="identity")


def role_verdict(ranker: Ranker, query: Query, analysis: Analysis) -> Answer | None:
    """ "Is Togo the dog Gunnar Kaasen was driving", "Balto was the lead dog on Seppala's
    sled, true or false": asked yes or no whether one named is the other's in a role, the
    one recorded in that role says (Kaasen's lead dog: Balto, so No)."""
    if query.form != "yes_no" or query.topic not in ROLES or _QUALIFIED & set(query.words):
        return None  # (not "was balto *the only* lead dog on kaasen's team")
    store = ranker.store
    beings = [e for e in query.named if store.entities[e].type in ("person", "dog")]
    if len(beings) != 2:
        return None
    key = f"{query.topic}.who"
    for holder, other in (beings, beings[::-1]):
        for fit, fact, found in recorded(store, holder, query.topic, "who"):
            value = fact.answers[holder][found]
            if fit == 3 and isinstance(value, str) and value in store.entities:
                polarity = "yes" if value == other else "no"
                return Answer("yes_no", fact, holder, analysis, query, polarity=polarity,
                              relation=key)
    return None


def depicted_verdict(ranker: Ranker, query: Query, analysis: Analysis) -> Answer | None:
    """ "Is the statue in Central Park of Togo": asked yes or no whether a thing's topic is
    one being named, the being its fact records there says (the statue's: Balto, so No)."""
    if query.form != "yes_no" or query.topic is None:
        return None
    store = ranker.store
    beings = [e for e in query.named if store.entities[e].type in ("person", "dog")]
    things = [e for e in query.named if store.entities[e].type == "topic"]
    if len(beings) != 1 or not things:
        return None
    key = f"{query.topic}.what"
    for fact in store.answering(things[0]):
        value = fact.answers[things[0]].get(key)
        if isinstance(value, str) and store.entities.get(value) is not None \
                and store.entities[value].type == store.entities[beings[0]].type:
            polarity = "yes" if value == beings[0] else "no"
            return Answer("yes_no", fact, things[0], analysis, query, polarity=polarity,
                          relation=key)
    return None


#: Where a leg of the relay recorded it set out from and came to.
_LEG_ENDS = ("departure.where", "arrival.where")


def passed_through_verdict(ranker: Ranker, query: Query,
                            analysis: Analysis) -> Answer | None:
    """ "Did the relay go through Nulato": yes when a leg of the relay set out from the
    place or came to it (that leg is the fact said); None when none did, to be decided as
    any other question."""
    store = ranker.store
    if (query.form != "yes_no" or query.topic != "leg" or query.choice or not query.entities
            or store.entities[query.entities[0]].type != "place"
            or not {"relay", "serum"} & set(query.named)):
        return None
    place = query.entities[0]
    leg = next((f for f in store.facts.values() if place in f.about and any(
        relations.get(end) == place for relations in f.answers.values() for end in _LEG_ENDS)),
        None)
    return None if leg is None else Answer("yes_no", leg, place, analysis, query,
                                           polarity="yes", relation="leg.where")
