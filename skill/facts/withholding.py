"""The last check before a fact is spoken as the answer, and the fact said instead (pure).

A fact about the right entity can still miss what the question turns on: the year a clause
gives, the thing whose colour is asked, the names a count leaves out. The checks live in
:mod:`skill.facts.honesty`; here they are run in order, and when one finds something missing,
another fact that does say it is looked for ("who organized the relay in Nenana": the fact
naming the place) before the answer becomes an honest "no record" offering the first.

Dating a clause ("... when the serum came") asks a question of its own, which only the whole
of answering can answer; the caller passes that check in as ``dating`` so this module stays
below answering.
"""

from __future__ import annotations

from collections.abc import Callable

from skill.facts.answer_records import Answer
from skill.facts.fact_subjects import subject_of, who_named
from skill.facts.honesty import (
    asked_unheard,
    count_unstated,
    counted_noun,
    counted_terms,
    deed_denied,
    hours_unsaid,
    kind_unsaid,
    later_unrecorded,
    measure_of_a_moment,
    name_unsaid,
    names_no_one,
    number_unsaid,
    of_another_named,
    owner_unknown,
    place_now_unrecorded,
    priced_otherwise,
    rate_unsaid,
    relative_unrecorded,
    role_unsaid,
    setting_unstated,
    thing_inscribed,
    thing_unspoken,
    topic_never_recorded,
    unplaced,
    weather_unrecorded,
    when_of_another,
    words_unrecorded,
    year_unstated,
)
from skill.facts.model import Fact
from skill.facts.ranking import STRONG_WORD_SUPPORT, Analysis, Ranker
from skill.facts.understanding import Query
from skill.facts.verdicts import claimed_terms
from skill.text.normalise import plain_words
from skill.text.vocabulary import stem

#: What dates a question's clause to another time than the fact's ("that in 2025"), or None.
Dating = Callable[[Ranker, Query, Answer], "str | None"]


def honest(ranker: Ranker, result: Answer, dating: Dating) -> Answer:
    """The last check before a fact is spoken as the answer: does it speak of what the
    question turns on? A fact about the right entity that never mentions the thing asked
    ("what colour was Togo's harness": his coat), or that mentions it without naming it
    ("what were the names of Welch's nurses": "four nurses"), is offered, not given."""
    query, fact = result.query, result.fact
    if query is None or fact is None or result.kind not in ("fact", "yes_no"):
        return result
    store = ranker.store
    name = store.entities[result.entity].spoken_name if result.entity in store.entities else None
    missing = _missing(ranker, result, query, fact, name, dating)
    if missing:
        return _answered_instead(ranker, result, query, missing, name, dating) or withheld(
            result, missing)
    if count_unstated(ranker, query, fact, result.relation):
        return _counted_instead(ranker, result, query, dating) or withheld(result, "that")
    return result


def _missing(ranker: Ranker, result: Answer, query: Query, fact: Fact,
             name: str | None, dating: Dating) -> str | None:
    """What the question asks that the fact does not say (the first check that finds it):
    what, when, whose or whom it asks, then what no fact records."""
    return (setting_unstated(ranker, result, query, fact, name)
            or dating(ranker, query, result)
            or thing_unspoken(ranker, query, fact, name, result.relation)
            or asked_unheard(ranker, query, result.analysis)
            or priced_otherwise(ranker, query, result)
            or names_no_one(ranker, query, result)
            or name_unsaid(ranker, query, fact)
            or owner_unknown(ranker, query)
            or role_unsaid(ranker, query, fact)
            or deed_denied(ranker, query, result)
            or _unrecorded(ranker, result, query, fact, name))


def _unrecorded(ranker: Ranker, result: Answer, query: Query, fact: Fact,
                name: str | None) -> str | None:
    """What the question asks of a kind no fact records: words said, later life, hours, a
    rate, another's time, where one is now, kin, weather, a number, a measure of one moment,
    an opinion of another."""
    return (words_unrecorded(ranker, query, fact, name)
            or later_unrecorded(ranker, query, fact, name)
            or hours_unsaid(query, fact)
            or rate_unsaid(query, fact)
            or when_of_another(ranker, query, result, name)
            or place_now_unrecorded(query, result.analysis, fact)
            or relative_unrecorded(ranker, query, fact, name)
            or weather_unrecorded(ranker, query, fact)
            or number_unsaid(query, fact)
            or measure_of_a_moment(ranker, query, fact)
            or of_another_named(ranker, query, result)
            or topic_never_recorded(ranker, query, result))


def _placed_instead(ranker: Ranker, result: Answer, query: Query) -> Answer | None:
    """ "Who organized the relay in Nenana": the fact recording the organizer never says
    Nenana, but another the question's words lead to says all it asks, the place or year
    with it: that one answers, and passes every check a fact must. (Not an hour: facts give
    the hours of other moments of the same day.)"""
    analysis = result.analysis
    core = set(ranker.lexicon.terms(" ".join(query.words[query.core_start:])))
    asked = {t for t in claimed_terms(ranker, result.fact, analysis, query)
             if t in core and t not in analysis.unknown} if result.fact else set()
    for scored in ranker.rank_analysis(analysis, limit=3):
        fact = scored.fact
        if (fact is result.fact or scored.words < STRONG_WORD_SUPPORT
                or not asked <= ranker.fact_terms(fact.id)
                or unplaced(ranker, query, fact) or year_unstated(query, fact)):
            continue
        entity = subject_of(fact, analysis.entities)
        if query.facet == "who":
            entity = who_named(ranker, query, fact) or entity
        found = Answer("fact", fact, entity, analysis, query, ranked=result.ranked)
        name = ranker.store.entities[entity].spoken_name if entity in ranker.store.entities \
            else None
        if not (setting_unstated(ranker, found, query, fact, name)
                or thing_unspoken(ranker, query, fact, name)):
            return found
    return None


def _answered_instead(ranker: Ranker, result: Answer, query: Query, missing: str,
                      name: str | None, dating: Dating) -> Answer | None:
    """Another fact that says what the chosen one leaves out: the place or year asked, or
    the thing of the subject's a reason is asked of."""
    fact = result.fact
    if result.kind != "fact" or fact is None:
        return None
    if missing in (f"that {unplaced(ranker, query, fact)}",
                   f"that in {year_unstated(query, fact)}"):
        return _placed_instead(ranker, result, query)
    if query.facet == "why" and missing in {f"{name}'s {word}" for word in query.possessed}:
        return _possessed_instead(ranker, result, query, name)
    if missing in {f"the kind of {word}" for word in query.kind_of} and result.entity:
        return kind_instead(ranker, query, result.analysis, result.entity, dating,
                            result.fact)
    if result.entity and missing == words_unrecorded(ranker, query, fact, name):
        return _words_instead(ranker, query, result.analysis, result.entity, fact, dating)
    if query.entities and missing == role_unsaid(ranker, query, fact):
        return _role_instead(ranker, query, result.analysis, query.entities[0], fact, dating)
    return None


def _role_instead(ranker: Ranker, query: Query, analysis: Analysis, subject: str,
                  chosen: Fact, dating: Dating) -> Answer | None:
    """ "Who was the mayor of Nome when the diphtheria broke out": the one the office names
    (Maynard, named by it), from his own fact, which says the office, where the words led to
    the outbreak's, which does not."""
    identity = ranker.store.identity_of(subject)
    if identity is None or identity is chosen:
        return None
    return _best_that_answers(ranker, query, analysis, subject, [identity], dating)


def _best_that_answers(ranker: Ranker, query: Query, analysis: Analysis, subject: str,
                       candidates: list[Fact], dating: Dating) -> Answer | None:
    """The candidate the question's words rank first, given as the answer if it passes every
    check a fact must (the shared end of the "instead" answers)."""
    if not candidates:
        return None
    best = ranker.score_facts(analysis, candidates)[0].fact
    checked = honest(ranker, Answer("fact", best, subject, analysis, query), dating)
    return checked if checked.kind == "fact" else None


def _words_instead(ranker: Ranker, query: Query, analysis: Analysis, subject: str,
                   chosen: Fact, dating: Dating) -> Answer | None:
    """ "What is written on Balto's statue": the subject's fact recording the words on the
    very thing asked (the statue its words name), if it passes every check a fact must."""
    exact = [t for t in (query.topic, *query.more_topics)
             if t and ranker.relations.topics[t].exact]
    things = {stem(word) for word in thing_inscribed(query, exact[0])} if exact else set()
    candidates = [fact for fact in ranker.store.about(subject) if fact is not chosen
                  and things & {stem(w) for w in plain_words(fact.answer)}
                  and words_unrecorded(ranker, query, fact, None) is None]
    return _best_that_answers(ranker, query, analysis, subject, candidates, dating)


def kind_instead(ranker: Ranker, query: Query, analysis: Analysis, subject: str,
                 dating: Dating, chosen: Fact | None = None) -> Answer | None:
    """ "What kind of heart problem did Balto have": not the fact the words ranked first (or
    none), but the subject's own fact that says what kind ("an *enlarged* heart"), if it
    passes every check a fact must."""
    candidates = [fact for fact in ranker.store.answering(subject)
                  if subject in fact.about and fact is not chosen
                  and not kind_unsaid(query, fact)]
    return _best_that_answers(ranker, query, analysis, subject, candidates, dating)


def _possessed_instead(ranker: Ranker, result: Answer, query: Query,
                       name: str | None) -> Answer | None:
    """ "Why was Balto's heart so big": "big" asks of his size, whose facts never speak of
    his heart; the subject's own fact whose words do, and that records a reason, answers, if
    it passes every check a fact must. (A cue is no mention: "in harness" for
    his first run says nothing of what his harness was like.)"""
    subject = result.entity
    wanted = {terms[0] for terms in map(ranker.lexicon.terms, query.possessed) if terms}
    if subject is None or not wanted:
        return None
    candidates = [
        fact for fact in ranker.store.answering(subject)
        if subject in fact.about and wanted <= set(ranker.lexicon.terms(fact.answer))
        and any(key.endswith(".why") for key in fact.answers.get(subject, {}))]
    if not candidates:
        return None
    best = ranker.score_facts(result.analysis, candidates)[0].fact
    if thing_unspoken(ranker, query, best, name) or asked_unheard(
            ranker, query, result.analysis):
        return None
    return Answer("fact", best, subject, result.analysis, query, ranked=result.ranked)


def _counted_instead(ranker: Ranker, result: Answer, query: Query,
                     dating: Dating) -> Answer | None:
    """ "How many nurses were there in Nome": not the town's people, but the fact the words
    lead to that counts nurses ("he had four nurses")."""
    noun = counted_noun(query)
    if noun is None:
        return None
    for scored in ranker.rank_analysis(result.analysis, limit=3):
        fact = scored.fact
        if (fact is result.fact or scored.words < STRONG_WORD_SUPPORT
                or not counted_terms(ranker, noun) & ranker.fact_terms(fact.id)
                or count_unstated(ranker, query, fact)):
            continue
        found = Answer("fact", fact, subject_of(fact, result.analysis.entities),
                       result.analysis, query, ranked=result.ranked)
        return honest(ranker, found, dating)
    return None


def withheld(result: Answer, missing: str) -> Answer:
    """An honest "no record" of what is missing, the fact that was chosen only offered."""
    return Answer("no_record", None, result.entity, result.analysis, result.query,
                  missing=missing, offer=result.fact)
