"""The ranker's pruning never changes a ranking: pruned and unpruned rankings are identical.

``Ranker._nominating_terms`` leaves common words out of candidate generation while a bound on
what the facts they alone bring in could score stays below ``min_score``. The bound has to
track ``Ranker._score``: a new signal there that the bound forgets would silently drop right
answers. This compares the real ranker with one that nominates by every word, on generated
questions (store words, entity names, question words, words it has never seen), with and without
a conversation's entity, under the tuned weights and under perturbed ones.
"""

from __future__ import annotations

import random
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skill.facts.ranking import Analysis, Ranker, Weights, _bigrams
from skill.facts.store import FactStore, default_store
from skill.text.terms import content_terms


class UnprunedRanker(Ranker):
    """The ranker with pruning switched off: every question word that is in some fact
    nominates its facts."""

    def _nominating_terms(self, analysis: Analysis, terms: object, bigrams: object) -> list[str]:
        return [t for t in dict.fromkeys(analysis.terms) if t in self._index]


@cache
def store() -> FactStore:
    return default_store()


@cache
def vocabulary() -> tuple[str, ...]:
    """Words the questions are made of: the store's own, names, question words, strangers."""
    words: set[str] = set()
    for fact in store().facts.values():
        words.update(content_terms(" ".join((*fact.cues, fact.answer))))
    for entity in store().entities.values():
        words.update(entity.name.lower().split())
    words.update("who what when where why how which did was is the of in a to".split())
    words.update(["zeppelin", "quantum", "banana", "yesterday", "now"])
    return tuple(sorted(words))


@cache
def rankers(weights: Weights) -> tuple[Ranker, Ranker]:
    pair = Ranker(store(), weights=weights), UnprunedRanker(store(), weights=weights)
    for ranker in pair:
        ranker.rank("who was togo")  # loads the data and builds the index
    return pair


def ranking(ranker: Ranker, question: str, context: str | None) -> list[tuple[str, float]]:
    return [(s.fact.id, round(s.score, 9)) for s in ranker.rank(question, context, limit=10)]


questions = st.lists(st.sampled_from(vocabulary()), min_size=1, max_size=9).map(" ".join)
contexts = st.one_of(st.none(), st.sampled_from(sorted(store().entities)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(question=questions, context=contexts)
def test_pruning_keeps_every_ranking(question: str, context: str | None) -> None:
    pruned, unpruned = rankers(Weights())
    assert ranking(pruned, question, context) == ranking(unpruned, question, context)


def _perturbed(seed: int) -> Weights:
    """The tuned weights, each scaled by 0.5-1.5 (signs kept): what the tuning script tries."""
    chance = random.Random(seed)
    base = Weights()
    return base._replace(**{
        name: round(getattr(base, name) * chance.uniform(0.5, 1.5), 3) for name in base._fields
    })


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(question=questions, context=contexts, seed=st.integers(0, 7))
def test_pruning_keeps_every_ranking_under_other_weights(question: str, context: str | None,
                                                          seed: int) -> None:
    pruned, unpruned = rankers(_perturbed(seed))
    assert ranking(pruned, question, context) == ranking(unpruned, question, context)


def test_the_pruning_does_leave_words_out() -> None:
    """The properties above are not vacuous: common words really are skipped."""
    pruned, unpruned = rankers(Weights())
    analysis = pruned.analyse("did the serum run in 1925 use dogs and a train")
    terms = tuple((term, pruned._idf.get(term, 0.0), term in pruned.lexicon.topic_words)
                  for term in frozenset(analysis.terms) if term not in analysis.name_terms)
    bigrams = _bigrams(analysis.terms)
    nominated = pruned._nominating_terms(analysis, terms, bigrams)
    assert set(nominated) < set(unpruned._nominating_terms(analysis, terms, bigrams))
