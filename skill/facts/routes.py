"""Runs between places: "how far is it from Nenana to Nome", "who carried the serum from
Golovin to Bluff", "who got the serum at Golovin" (pure).

A question naming places asks of a run, and which run is told by the places' order in the
facts' own words ("from Golovin to Bluff") and by the word before a place ("*into*
Shaktoolik": where a run ended), not by the words the lexical ranker shares.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from skill.facts.answer_records import Answer
from skill.facts.fact_subjects import subject_of, who_named
from skill.facts.model import Fact
from skill.facts.ranking import Analysis, Ranker
from skill.facts.understanding import GETTING, Query
from skill.facts.verdicts import states


def between_places(ranker: Ranker, query: Query, analysis: Analysis) -> Answer | None:
    """ "How far is it from Nenana to Nome", "how far from Point Safety into Nome": the fact
    about both places that states a distance, the one naming fewest other places first (the
    whole relay rather than a leg that passes through; Point Safety's own run-in rather than
    the last leg)."""
    store = ranker.store
    places = [e for e in query.named if store.entities[e].type == "place"][:2]
    if len(places) == 1 and "there" in query.words[query.core_start:]:
        # "how far was it from there to Nome": "there" is the place talked of (Bluff)
        places = [*(e for e in query.entities if e not in places
                    and store.entities[e].type == "place"), *places][:2]
    if query.form == "wh" and len(places) == 1:
        return _run_at(ranker, query, analysis, places[0])
    if query.form != "wh" or len(places) < 2:
        return None
    if query.facet != "miles":
        return _run_between(ranker, query, analysis, places)
    pair = set(places)
    found = [f for f in store.facts.values() if pair <= set(f.about) and states(f, "miles")]
    if not found:
        return None
    scores = {s.fact.id: s.score for s in ranker.score_facts(analysis, found)}

    def fit(fact: Fact) -> tuple[int, float]:
        others = sum(1 for e in fact.about
                     if e not in pair and e in store.entities and store.entities[e].type == "place")
        return (-others, scores.get(fact.id, 0.0))

    best = max(found, key=fit)
    return Answer("fact", best, places[0], analysis, query)


def _run_between(ranker: Ranker, query: Query, analysis: Analysis,
                 places: Sequence[str]) -> Answer | None:
    """ "Who carried the serum from Golovin to Bluff": the run the fact says went from the
    first place to the second, in that order ("from Golovin to Bluff"), not one that only
    ends at the first."""
    store = ranker.store
    first, second = (store.entities[p] for p in places)
    words = query.ranker_text.split()  # (names heard by sound written as the name)
    said_from = any(words[m - 1] == "from" for m in range(1, len(words))
                    if first.named_in(" ".join(words[m:m + 3])))
    if query.facet not in ("who", "when") or not said_from:
        return None
    found = []
    for fact in store.facts.values():
        text = fact.answer.lower()
        at = [min((text.find(f) for f in e.spoken_forms if f in text), default=-1)
              for e in (first, second)]
        if at[0] >= 0 and at[1] > at[0] and re.search(r"\bfrom\b", text[:at[0]]) and (
                " to " in text[at[0]:at[1]]):
            found.append(fact)
    return _best_run(ranker, query, analysis, found) if found else None


def _best_run(ranker: Ranker, query: Query, analysis: Analysis, found: list[Fact]) -> Answer:
    """Of the runs found, the one the question's words fit best, answered by whom it names
    when "who" is asked."""
    best = ranker.score_facts(analysis, found)[0].fact
    who = who_named(ranker, query, best) if query.facet == "who" else None
    return Answer("fact", best, who or subject_of(best, analysis.entities), analysis, query)


#: Words before a place that say a run ended there ("who brought the serum *into*
#: Shaktoolik") or began there ("who carried it *out of* Unalakleet").
_ENDED_AT = frozenset("into to reached reach".split())


_BEGAN_AT = frozenset("from out left leave leaves leaving".split())


#: Deeds that, done "at" a place, say which end of a run it was: the serum was got at the
#: start of one ("who got the serum at Golovin") and brought at the end of one.
_GOT = GETTING | {"picked", "pick"}


_BROUGHT = frozenset("brought bring carried handed gave delivered arrived".split())


#: Topics of a run with the serum, whose ends a place can be.
_RUN_TOPICS = frozenset({"leg", "handoff", "departure", "arrival", "musher", "mushers",
                         "team", "lead_dog", "serum"})


def _run_at(ranker: Ranker, query: Query, analysis: Analysis, place: str) -> Answer | None:
    """ "Who got the serum at Golovin", "who brought it into Shaktoolik": the run the facts
    say began ("from Golovin") or ended ("to Shaktoolik") at the one place named."""
    store = ranker.store
    # (when the serum reached a place on the way: the run that ended there; not Nome, whose
    # own arrival is the relay's)
    dated = query.facet == "when" and place not in ranker.lexicon.background
    if not (query.facet == "who" or dated) or any(
            store.entities[e].type in ("person", "dog") for e in query.named
            if e in store.entities and e not in ranker.lexicon.background):
        return None
    if query.topic is not None and not query.weak_topic and query.topic not in _RUN_TOPICS:
        return None  # ("who organized the relay out of nenana": no run asked)
    entity = store.entities[place]
    mark = _run_end_asked(query.ranker_text.split(), entity.spoken_forms)
    if mark is None or dated and mark != "to":
        return None  # (when it left Nenana is the relay's start, not the first leg's dates)
    found = _runs_marked(ranker, mark, entity.spoken_forms)
    return _best_run(ranker, query, analysis, found) if found else None


def _runs_marked(ranker: Ranker, mark: str, forms: Sequence[str]) -> list[Fact]:
    """The legs whose facts say they ran "to" (or "from") the place."""
    return [f for f in ranker.store.facts.values()
            if any(k.startswith("leg.") for relations in f.answers.values() for k in relations)
            and any(re.search(rf"\b{mark} {re.escape(form)}\b", f.answer.lower())
                    for form in forms)]


def _run_end_asked(words: Sequence[str], forms: Sequence[str]) -> str | None:
    """Which end of a run the place is, by the words before it (names heard by sound
    written as the name): "to" where the run ended, "from" where it began, or None."""
    at = next((i for i in range(2, len(words)) if any(
        f"{' '.join(words[i:])} ".startswith(f"{form} ") for form in forms)), None)
    if at is None:
        return None
    before = words[at - 1] if words[at - 1] != "the" else words[at - 2]
    said = set(words[:at])
    if before in _ENDED_AT or before == "at" and said & _BROUGHT and not said & _GOT:
        return "to"
    if before in _BEGAN_AT or before == "of" and "out" in said or (
            before == "at" and said & _GOT):
        return "from"
    return None
