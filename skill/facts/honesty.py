"""Honesty: whether the fact chosen speaks of what the question turns on.

The answering core (:mod:`skill.facts.answering`) finds the fact that best records what was
asked; before it is spoken, these checks ask whether it says the thing the question turns on:
the place or year asked ("who organized the relay in Nenana"), the thing asked of someone ("what
colour was Togo's harness"), a count of what was counted, a price, a name, the part an actor
played, the one a calling asks for ("which vet"). Each says what is missing ("Togo's harness",
"that in 1926"), and the core then says "I don't have a record of ..." with the fact only
offered. A confidently wrong answer is worse than an honest "no record".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from skill.facts import values
from skill.facts.answer_records import Answer
from skill.facts.model import Fact
from skill.facts.ranking import Analysis, Ranker
from skill.facts.understanding import RELATIVES, SUBJECT_PRONOUNS, Query
from skill.facts.verdicts import (
    DATES,
    STATES,
    YEAR_PATTERN,
    contradicted,
    speaks_of_all,
    states,
    values_named,
)
from skill.text.normalise import plain_words
from skill.text.numbers import MONTHS, NUMBER_WORDS, fold_numbers
from skill.text.vocabulary import NOT_FOCUS, QUESTION_WORDS, STOPWORDS, stem

if TYPE_CHECKING:
    from skill.facts.store import FactStore


#: Words that open a new clause after a speaker's own ("... tonight *and* i need ...").
_CLAUSE_BREAKS = frozenset("and so but because".split())


#: The speaker speaking of themselves.
_FIRST_PERSON = frozenset("i im ive id we our my me us".split())


def speakers_own_clause(words: Sequence[str], start: int, end: int) -> bool:
    """Whether words[start:end] sit in a clause the speaker says of themselves, with another
    clause or a question after it, or after a question whose thing it describes."""
    opened = max((i for i in range(start) if words[i] in _CLAUSE_BREAKS), default=-1)
    speaker = next((i for i in range(opened + 1, start) if words[i] in _FIRST_PERSON), None)
    if speaker is None:
        return False
    # (or a question of its own: "i'm finally going there next week, where exactly is it"; or
    # a question before it that the clause describes a thing of: "who made the statue *i'm
    # looking at right now*")
    return any(w in _CLAUSE_BREAKS or w in QUESTION_WORDS for w in words[end:len(words) - 2]) \
        or bool(QUESTION_WORDS & set(words[:speaker]))


#: Determiners that mention a thing without naming it ("a taxidermist", "four nurses").
_INDEFINITE = frozenset(
    "a an one two three four five six seven eight nine ten some several many few".split())


_TIME_OF_DAY = "the time of day"


def _topics_of(fact: Fact) -> frozenset[str]:
    """The topics the fact records a relation of, of anyone ("later_life", "job")."""
    return frozenset(key.partition(".")[0] for relations in fact.answers.values()
                     for key in relations)


@lru_cache(maxsize=4)
def _recorded_topics(store: FactStore) -> frozenset[str]:
    """Every topic some fact records a relation of."""
    return frozenset().union(*(_topics_of(fact) for fact in store.facts.values()))


#: "On the day he died", "on the morning he reached Nome": one moment said by what happened.
_ON_THE_DAY = re.compile(
    r"\b(?:on )?the (?:day|morning|night|evening|afternoon|date) (?!of\b|before\b|after\b)\w+")


def measure_of_a_moment(ranker: Ranker, query: Query, fact: Fact) -> str | None:
    """ "How much did Togo weigh on the day he died": a measure asked of one moment that the
    fact, giving it undated, never places there; his weight in general is not that day's."""
    facet = ranker.relations.facets.get(query.facet or "")
    if facet is None or facet.kind != "number" or not _ON_THE_DAY.search(
            " ".join(query.words[query.core_start:])):
        return None
    return None if DATES.search(fact.spoken) else "that"


def of_another_named(ranker: Ranker, query: Query, result: Answer) -> str | None:
    """ "What did Seppala think about the statue of Balto": his opinion recorded of Balto
    himself is not of the statue. A topic of something else named (``of_named`` in
    relations.json) is answered only by a fact naming it."""
    topic = ranker.relations.topics.get(query.topic or "")
    fact = result.fact
    if topic is None or not topic.of_named or fact is None:
        return None
    return None if speaks_of_all(ranker, query, fact, result.entity) else "that"


def topic_never_recorded(ranker: Ranker, query: Query, result: Answer) -> str | None:
    """ "What school did Cody McGinn go to": a topic that no fact records of anyone
    (schooling), asked of no one the store knows, is not answered by a fact chosen on the
    question's other words."""
    topic = query.topic
    if (result.kind == "fact" and not result.relation and topic and not query.weak_topic
            and not query.entities
            and query.topic_from_question and topic not in _recorded_topics(ranker.store)):
        return "that"
    return None


#: The topics of the weather (the wind and storms, the cold).
_WEATHER = frozenset({"wind", "temperature"})


def weather_unrecorded(ranker: Ranker, query: Query, fact: Fact) -> str | None:
    """ "What was the weather like the day the Balto statue was dedicated": the weather asked
    of a moment whose fact never speaks of it, by what it records or by its words (a blizzard,
    the cold), is no record of the weather then. (Weather topics are weak: they never make a
    question "no record" on their own, so the fact chosen on the question's other words is
    checked here.)"""
    if not query.topics_said & _WEATHER or _topics_of(fact) & _WEATHER:
        return None
    words = query.words[query.core_start:]
    # (the weather the thing asked: "what was the *weather* like", "how was the *weather*";
    # not "how did balto *wind* up", nor "to keep it *warm*")
    like = [i for i in range(1, len(words)) if words[i] == "like" and words[0] == "what"]
    asked = [words[like[0] - 1]] if like else (
        list(words[3:4]) if tuple(words[:3]) in (("how", "was", "the"), ("how", "were", "the"))
        else [])
    if not asked or not _speaks_of_weather(ranker, asked):
        return None
    return None if _speaks_of_weather(ranker, plain_words(fact.answer)) else "the weather then"


def _speaks_of_weather(ranker: Ranker, words: Sequence[str]) -> bool:
    """Whether the words name the weather by any trigger of its topics (a gale, the cold)."""
    return any(hit.name in _WEATHER
               for hit in ranker.relations.topics_in([stem(w) for w in words], list(words)))


def number_unsaid(query: Query, fact: Fact) -> str | None:
    """ "What was the engine number of the train that carried the serum": a number that names
    one thing (not "the number of dogs", a count), which a fact that never says a number of
    it does not answer ("298 miles on the Alaska Railroad" is no train's number)."""
    words = query.words[query.core_start:]
    at = next((i for i in range(1, len(words) - 3) if words[i] == "number"
               and words[i + 1:i + 3] == ("of", "the") and not words[i + 3].endswith("s")), None)
    if at is None or "number" in plain_words(fact.answer):
        return None
    return f"the number of the {words[at + 3]}"


#: Small units of time a question may count ("how many *hours* did his leg take"), and the
#: words before "hour" that make it a speed ("50 *mile an* hour"), not a time taken.
_TIME_UNITS = frozenset("hour hours minute minutes".split())
_SPEED = frozenset("mile miles an per".split())
_CLOCK = re.compile(r"\bat (?:about |around )?(?:1[0-2]|[1-9])(?: ?[0-5]\d)?\b")


def hours_unsaid(query: Query, fact: Fact) -> str | None:
    """ "How many hours did Charlie Olson's leg take": hours or minutes counted, which a fact
    that never counts any does not say (his leg's 25 miles, "50 mile-an-hour winds", "at 7
    in the evening"). Time taken is a weak topic, which never makes an answer "no record" on
    its own, so the fact chosen on the question's other words is checked here."""
    words = query.words[query.core_start:]
    unit = next((words[i + 2] for i in range(len(words) - 2)
                 if words[i:i + 2] == ("how", "many") and words[i + 2] in _TIME_UNITS), None)
    if unit is None:
        return None
    said = fold_numbers(plain_words(fact.spoken))
    counted = any(w.rstrip("s") == unit.rstrip("s") and i > 0 and said[i - 1] not in _SPEED
                  for i, w in enumerate(said))
    # (a start and an end by the clock say it too: "left Bluff at 10 at night and reached
    # Nome at about 5:30 in the morning")
    clock = len(_CLOCK.findall(" ".join(said)))
    return None if counted or clock >= 2 else "how long that took"


#: A count asked for every span of time ("how many people visit balto *every year*"), and
#: the words that give one ("about 10,000 *a year*", "*annual* visitors").
_RATE = re.compile(r"\b(?:every|each|per|a) (year|day|month|week)\b")
_RATE_WORDS = {"year": ("annual", "annually", "yearly"), "day": ("daily",),
               "month": ("monthly",), "week": ("weekly",)}


def rate_unsaid(query: Query, fact: Fact) -> str | None:
    """ "How many people visit Balto at the museum every year": a count for every year,
    which a fact counting once (15,000 on his first day at the zoo) does not give."""
    words = query.words[query.core_start:]
    if tuple(words[:2]) not in (("how", "many"), ("how", "much")):
        return None
    asked = _RATE.search(" ".join(words))
    if asked is None:
        return None
    unit = asked.group(1)
    spoken = plain_words(fact.spoken)
    said = re.search(rf"\b(?:every|each|per|a) {unit}\b", " ".join(spoken)) or any(
        w in spoken for w in _RATE_WORDS[unit])
    return None if said else f"a {_RATE_WORDS[unit][-1]} count"


def when_of_another(ranker: Ranker, query: Query, result: Answer,
                    name: str | None) -> str | None:
    """ "What year did Seppala marry Constance": when one was joined by a relative, from a
    fact that records only who the relative was among other topics (his tours and kennel,
    whose years its words give): those years are not the time asked."""
    if (query.facet != "when" or query.topic not in RELATIVES or result.fact is None
            or not result.entity):
        return None
    topic, _, facet = result.relation.partition(".")
    if topic != query.topic or facet in ("when", ""):
        return None
    recorded = {key.partition(".")[0] for key in result.fact.answers.get(result.entity, {})}
    if recorded == {topic}:
        return None  # (a fact of that one thing: the years it gives are its own)
    return ranker.relations.topics[topic].describe("when", name or "that")


def words_unrecorded(ranker: Ranker, query: Query, fact: Fact, name: str | None) -> str | None:
    """ "What's written on Togo's gold medal": a topic only its own record answers (the
    words on a thing), asked of a thing the fact records (the medal) but not of that topic."""
    topics = ranker.relations.topics
    if query.facet not in (None, "what"):
        return None  # ("how many miles does the writing say": a distance, whoever records it)
    asked = [t for t in (query.topic, *query.more_topics) if t and topics[t].exact
             and not (t == query.topic and query.weak_topic)]
    recorded = {part for relations in fact.answers.values() for key in relations
                for part in key.split(".")}
    missing = [t for t in asked if t not in recorded]
    if not missing:
        return None
    thing = thing_inscribed(query, missing[0])
    owned = f"{name}'s {' '.join(thing)}" if name and thing else name
    return topics[missing[0]].describe(None, owned or "that")


def thing_inscribed(query: Query, topic: str) -> list[str]:
    """The thing of someone's a topic is asked of: "Togo's *gold medal*" (the word after the
    name, and the word of the question's other topic)."""
    thing = list(query.possessed[:1])
    if query.topic != topic and query.topic_words and query.topic_words[-1] not in thing:
        thing.append(query.topic_words[-1])
    return thing


def later_unrecorded(ranker: Ranker, query: Query, fact: Fact, name: str | None) -> str | None:
    """ "What did Wild Bill Shannon do for work *after the serum run*": what is asked, of his
    later life (said as a clause dating it); a fact recording it but not of his later life
    (his work in 1925) does not answer. Not a why, nor a yes or no ("did Balto become a stud
    dog after the run": the fact that he could not is his whole answer)."""
    if (query.form != "wh" or query.facet in ("why", "how") or query.weak_topic
            or query.topic in (None, _LATER) or _LATER not in query.more_topics):
        return None
    words = query.words
    dated = any(h.name == _LATER and words[h.start] in ("after", "since")
                and h.start > query.core_start
                for h in ranker.relations.topics_in([stem(w) for w in words], words))
    if not dated or _LATER in _topics_of(fact) or _tells_of_later_years(fact):
        return None
    topic = ranker.relations.topics[query.topic or ""]
    return f"{topic.describe(query.facet, name or 'that')} afterwards"


_LATER = "later_life"


def _tells_of_later_years(fact: Fact) -> bool:
    """Whether the fact tells of a year after the run's ("from 1925 to 1927, Balto and his
    team toured"): it speaks of what came after, whatever topic it records."""
    return any(int(year) > values.SERUM_RUN_START[0] for year in YEAR.findall(fact.answer))


def place_now_unrecorded(query: Query, analysis: Analysis, fact: Fact) -> str | None:
    """ "Where is Togo's gold medal today": where a thing is now, from a fact recording the
    thing (given him at Madison Square Garden) but no place of it now, nor where anything
    named is now, is not answered."""
    if (query.form != "wh" or query.facet != "where" or query.topic is None
            or "where_now" not in analysis.aspects or "where_now" in fact.aspects
            or not _NOW & set(query.words[query.core_start:])):
        return None
    placed = any(key.endswith(".where") for relations in fact.answers.values()
                 for key in relations)
    return None if placed else "where that is now"


def relative_unrecorded(ranker: Ranker, query: Query, fact: Fact, name: str | None) -> str | None:
    """ "What did Seppala's wife do for a living": asked of a relative the store knows only
    by name, a fact naming her (his later life: "his wife was Constance") and recording
    nothing of what is asked does not answer."""
    said = [t for t in (query.topic, *query.more_topics) if t]
    topic = next((t for t in said if t not in RELATIVES), None)
    kin = RELATIVES & set(said)
    if (not query.possessed or topic is None or not kin or not query.entities
            or topic in _topics_of(fact)):
        return None
    store, subject = ranker.store, query.entities[0]
    if any(key.partition(".")[0] in kin and isinstance(value, str) and value in store.entities
           for known in store.answering(subject)
           for key, value in known.answers.get(subject, {}).items()):
        return None  # (Edgar Nollner's brother is George, whose own facts answer)
    owned = f"{name}'s {query.possessed[0]}" if name else query.possessed[0]
    return ranker.relations.topics[topic].describe(query.facet, owned)


#: Words that ask of the present.
_NOW = frozenset("now today nowadays currently".split())


def deed_denied(ranker: Ranker, query: Query, result: Answer) -> str | None:
    """ "Who won the 1932 race at Lake Placid": a fact saying its one *came second* (the
    contrary of the deed asked, never the deed) does not say who did it."""
    if result.kind == "fact" and query.facet == "who" and result.fact is not None and (
            contradicted(ranker, query, result.fact)):
        return "that"
    return None


def setting_unstated(ranker: Ranker, result: Answer, query: Query, fact: Fact,
                      name: str | None) -> str | None:
    """What the question asks of a time, place or measure that the fact does not state."""
    if query.clock_asked and result.kind == "fact" and not _clock_said(ranker, query, fact):
        # "what time did Sam Joseph reach Kallands": a fact with the day but no hour, or
        # with the hour only of another place ("what time did Olson leave Golovin": he
        # reached Bluff at seven).
        return _TIME_OF_DAY
    if query.day_asked and result.kind == "fact" and _year_only(fact, result.relation):
        # "what was Balto's exact birthday": only the year is recorded.
        return _exact_day(ranker, result.relation, name)
    moment = _moment_unstated(ranker, query, fact) if (
        result.kind == "fact" and not result.derived_age) else None
    if moment is not None and query.facet != "how_many":
        # "how much did Balto weigh when he died": his weight, never said of his death.
        return f"{FACET_LABELS[query.facet or ''].format(name=name or 'that')} {moment}"
    if _measure_unstated(result, query, fact):
        # "how cold was it in Anchorage when the train left": a fact about the train that
        # states no temperature does not answer.
        return FACET_LABELS.get(query.facet or "", "that").format(name=name or "that")
    if result.kind != "fact":
        return None  # ("did Balto die in Anchorage": "No", from a fact about Cleveland)
    # ("how many people came to see Balto when he was loaned": a count of another moment)
    return _of_another_setting(ranker, result, query, fact, name) or (
        "that" if moment is not None else None)


def _of_another_setting(ranker: Ranker, result: Answer, query: Query, fact: Fact,
                        name: str | None) -> str | None:
    """What the fact answers of another count, thing, place, year or one of several."""
    counted = _counted_elsewhere(ranker, query, fact, result)
    if counted is not None:
        # "how many children did Seppala have": his team's dogs are no count of children.
        many = "much" if "much" in query.words else "many"  # ("how much money")
        return f"how {many} {counted}{_of_whom(name)}"
    other = _of_another(ranker, query, fact) or _event_unspoken(ranker, query, fact)
    if other is not None:
        # "what was the budget of the Togo movie": the Balto film's budget does not answer.
        return f"that about {other}"
    place = unplaced(ranker, query, fact)
    if place is not None:
        # "who sculpted the Balto statue in Anchorage": the Central Park statue's sculptor
        # answers of another place.
        return f"that {place}"
    # "who won the second Iditarod in 1974": the 1973 race does not answer. (An age worked
    # out for the year asked, from a birth date, is of that year.)
    year = year_unstated(query, fact) if result.derived_age is None else None
    if year is not None:
        return f"that in {year}"
    day = day_unstated(query, fact)
    if day is not None:
        # "what was the weather like in Nome on February 10, 1925": the last leg's storm,
        # on February 1 and 2, was not that day's.
        return f"that on {day}"
    return "that" if _ordinal_otherwise(ranker, query, fact) else None


#: Words that count which one of several is meant, each to its count ("final" is "last").
_ORDINAL_WORDS = {w: w for w in "first second third fourth fifth sixth last".split()}
_ORDINAL_WORDS["final"] = "last"


def _ordinal_otherwise(ranker: Ranker, query: Query, fact: Fact) -> bool:
    """Whether the question counts something ("the *second* Iditarod") that the fact speaks
    of only under another count ("the *first* Iditarod"): the fact is about another one."""
    words = query.words[query.core_start:]
    text = plain_words(fact.answer)
    for i, word in enumerate(words):
        if word not in _ORDINAL_WORDS:
            continue
        heads = {t for w in words[i + 1:i + 3] if w not in STOPWORDS
                 for t in ranker.lexicon.terms(w)}
        counts = {_ORDINAL_WORDS[v] for j, v in enumerate(text) if v in _ORDINAL_WORDS and heads & {
            t for w in text[j + 1:j + 3] for t in ranker.lexicon.terms(w)}}
        if counts and _ORDINAL_WORDS[word] not in counts:
            return True
        if _placing(words, i) and word not in ("first", "last") and word not in text:
            return True  # ("who came in *second* in the first iditarod": the winner is not)
        # ("seppala's *very first* sled dog": a fact that counts nothing says which was his
        # first of none)
        if word == "first" and _someones_first_uncounted(ranker, query, words, i, heads, text):
            return True
    return False


def _someones_first_uncounted(ranker: Ranker, query: Query, words: Sequence[str], i: int,
                              heads: set[str], text: Sequence[str]) -> bool:
    """ "Seppala's (very) first sled dog", asked of a fact that counts nothing."""
    at = i - 1 if i and words[i - 1] != "very" else i - 2
    return (at >= 0 and bool(heads) and not heads & _NOT_COUNTED
            and _possessive_of_named(ranker, query, words[at])
            and not set(text) & set(_ORDINAL_WORDS))


#: Words saying where someone finished a race ("came in second", "finished third").
_FINISHED = frozenset("came come comes finished finish finishes placed place ended".split())


def _placing(words: Sequence[str], i: int) -> bool:
    """Whether the ordinal at ``i`` says where someone finished ("came in second", "second
    place")."""
    before = [w for w in words[max(i - 2, 0):i] if w != "in"]
    return bool(before and before[-1] in _FINISHED) or words[i + 1:i + 2] == ("place",)


#: What "first" says of without counting ("his first name", "her first time").
_NOT_COUNTED = frozenset({"name", "time"})


def _possessive_of_named(ranker: Ranker, query: Query, word: str) -> bool:
    """Whether the word is the possessive of one the question names ("seppalas", as the
    words are written without the apostrophe)."""
    store = ranker.store
    return word.endswith("s") and any(
        form.split()[-1] + "s" == word for named in query.named if named in store.entities
        for form in store.entities[named].spoken_forms)


#: A father and a mother are both a "parent" to the ranker, but one is not the other: "what
#: breed was Togo's dad" is not said by a fact that speaks only of his mother.
_PARENTS = (frozenset("father dad daddy papa sire".split()),
            frozenset("mother mom mum mommy momma mama dam".split()))


def _other_parent(word: str, fact: Fact) -> bool:
    """Whether the word is one parent and the fact speaks only of the other."""
    own = next((group for group in _PARENTS if word in group), None)
    if own is None:
        return False
    words = set(plain_words(fact.answer))
    return not words & (own | {"parent", "parents"})


def _possessed_unspoken(ranker: Ranker, query: Query, fact: Fact, said: set[str], topic: str,
                        name: str | None) -> str | None:
    """The subject's own thing asked of ("Togo's harness", "Togo's dad") that the fact never
    speaks of, or speaks of only as the other parent."""
    own = ranker.relations.own_words.get(topic, frozenset())
    for word in query.possessed:
        terms = ranker.lexicon.terms(word)
        if topic and (word in own or topic in {
                h.name for h in ranker.relations.topics_in([stem(word)], [word])}):
            continue
        if terms and terms[0] not in said:
            return f"{name}'s {word}" if name else "that"
        if _other_parent(word, fact):
            asked = " ".join(query.topic_words)
            return f"{name}'s {word}'s {asked}" if name and asked else "that"
    return None


def thing_unspoken(ranker: Ranker, query: Query, fact: Fact, name: str | None,
                    relation: str = "") -> str | None:
    """The thing the question turns on, when the fact never speaks of it (or never names it).
    A thing the answering relation is about needs no mention ("how many dogs pulled Kaasen's
    sled": his team's size)."""
    said = ranker.fact_terms(fact.id)
    topic = relation.partition(".")[0]
    owned = _possessed_unspoken(ranker, query, fact, said, topic, name)
    if owned is not None:
        return owned
    # (the fact's own words, apart from its cues; worked out only where a name is asked)
    spoken = set(ranker.lexicon.terms(fact.answer)) if query.name_of else set()
    for word in query.asked:
        terms = ranker.lexicon.terms(word)
        # (a word naming the topic needs no mention where that topic's relation answered)
        answered_by_topic = word in query.topic_words and topic == query.topic
        named_asked = word in query.name_of
        # ("what were the names of balto's puppies": his own, which the fact recording them
        # never names)
        own_unnamed = named_asked and answered_by_topic and not _names_anything(query, fact)
        if _only_unnamed(fact.answer, word, named_asked, kinded=not named_asked) or (
                word in query.name_of and terms and terms[0] not in spoken
                and not answered_by_topic and stem(word) not in _NAMED_IN_ANSWER) or own_unnamed:
            # ("what was the name of balto's vaudeville act": a fact that never speaks of one)
            plural = word.endswith("s") or "names" in query.words
            whose = f"{name}'s" if name and (word in query.possessed or own_unnamed) else "the"
            return f"the names of {whose} {word}" if plural else f"the name of {whose} {word}"
    return _what_is_asked_unspoken(ranker, query, fact, said, relation)


def _names_anything(query: Query, fact: Fact) -> bool:
    """Whether the fact says a name the question does not (a capitalised word inside a
    sentence): "what were the names of Balto's puppies" is not answered by the fact recording
    that he had none, which names no one but him."""
    # ("baltos": the possessive, its apostrophe gone)
    words = {*query.words, *(w[:-1] for w in query.words if w.endswith("s"))}
    return any(m.group(1).lower() not in words for m in NAME_INSIDE.finditer(fact.spoken))


#: A capitalised word that does not open a sentence.
NAME_INSIDE = re.compile(r"(?<=[^.!?] )([A-Z][a-z]+)")


def _what_is_asked_unspoken(ranker: Ranker, query: Query, fact: Fact, said: set[str],
                            relation: str) -> str | None:
    """The premises "which" asks by, the part an actor played, the kind of thing asked: what
    the fact must speak of to answer, when it does not."""
    topic = relation.partition(".")[0]
    return (_which_unspoken(ranker, query, said, topic) or _part_unsaid(ranker, query, fact)
            or _kind_unspoken(ranker, query, fact, said, relation))


#: Verbs of acting a part, and the words after an actor's name that say which part.
_ACTING = frozenset("play plays played playing voice voices voiced voicing".split())


_PART_SAID = frozenset("plays played voices voiced as".split())


def _part_unsaid(ranker: Ranker, query: Query, fact: Fact) -> str | None:
    """ "That", when the part an actor played is asked ("which character did Bridget Fonda
    voice", "who did Bob Hoskins play") and the fact names the actor without a part: "the
    voice cast includes Kevin Bacon, Bridget Fonda, Bob Hoskins ..."."""
    words = query.words[query.core_start:]
    asks_part = bool({"character", "role", "part"} & set(words)) or words[:2] == ("who", "did")
    if not asks_part or not _ACTING & set(words):
        return None
    text = " ".join(words)
    spoken = " ".join(plain_words(fact.spoken))
    actors = [n for n in ranker.understander.names.people_in(fact.spoken)
              if n in text and n in spoken]
    if not actors:
        return None
    if any(_PART_SAID & set(spoken.split(actor, 1)[1].split()[:2]) for actor in actors):
        return None
    return "that"


#: Kinds of building or ground a "which" may ask by ("which hospital"): a fact naming the
#: place says the kind, where a town or a state is said by its name alone. (Not a park or a
#: university: "Metroparks", "Yale" say them without the word.)
_PREMISES = frozenset("hospital hospitals hotel hotels school schools church churches street "
                      "streets zoo zoos museum museums cemetery cemeteries graveyard restaurant "
                      "theater theatre library kennel farm ranch".split())


def _which_unspoken(ranker: Ranker, query: Query, said: set[str], topic: str) -> str | None:
    """ "That", when "which" or "what" asks a place by its kind of premises ("which
    *hospital* in Seattle did Seppala die in") and the fact, in its words and cues, never
    speaks of that kind of place; unless the topic that answered is the one the word names."""
    words = query.words
    for i, word in enumerate(words[:-1]):
        thing = words[i + 1]
        if word not in ("which", "what") or thing not in query.asked or thing not in _PREMISES:
            continue
        terms = ranker.lexicon.terms(thing)
        if terms and terms[0] not in said and not (
                thing in query.topic_words and topic == query.topic):
            return "that"
    return None


def kind_unsaid(query: Query, fact: Fact) -> bool:
    """Whether a fact leaves out the kind a question asks ("what kind of sled"), by a word of
    its own, not a name ("the All Alaska *Sweepstakes* sled dog race")."""
    return not query.kind_of or not all(
        _kind_stated(fact.answer, word, lowered=False) for word in query.kind_of)


def _kind_unspoken(ranker: Ranker, query: Query, fact: Fact, said: set[str],
                   relation: str) -> str | None:
    """ "What kind of sled did Kaasen use": a fact about Kaasen that never speaks of a sled,
    or, chosen on its words, speaks of one without saying what kind ("Kaasen's sled")."""
    for word in query.kind_of:
        terms = ranker.lexicon.terms(word)
        if terms and (not set(terms) <= said
                      or not relation and not _kind_stated(fact.answer, word)):
            return f"the kind of {word}"
    return None


#: Words before a thing that say which, how many, how big or how good it is, not what kind
#: (besides a count or a determiner: "the few planes", "seven dogs", "the best sled dogs").
_NOT_A_KIND = frozenset("""over under small big large little great huge tiny famous local new
    old young long short other another different same second third fourth final last first
    next only single whole total special real good best bad certain famed popular well known
    such own usual several many few much more most early late later earlier""".split())


def _says_kind(word: str) -> bool:
    """Whether a word before a thing says its kind ("a *gold* medal", "*Siberian* dogs")."""
    return (word.isalpha() and word not in STOPWORDS and word not in _NOT_A_KIND
            and word not in _INDEFINITE and word not in NUMBER_WORDS)


def _kind_stated(text: str, word: str, lowered: bool = True) -> bool:
    """Whether the text says what kind of ``word`` it speaks of, by a word before it ("open
    cockpit *planes*", "Siberian *dogs*"), not whose or how many ("Kaasen's sled", "the few
    planes"); unless ``lowered``, by a word not capitalised."""
    words = re.findall(r"[\w'-]+", text.lower() if lowered else text)
    return any(w.lower().rstrip("s") == word.rstrip("s") and i > 0
               and (lowered or words[i - 1].islower()) and _says_kind(words[i - 1])
               and (words[i + 1] if i + 1 < len(words) else "") not in _HEADS
               for i, w in enumerate(words))


#: Nouns the word asked of may only describe ("a lead *sled* dog" is a kind of dog, not of
#: sled).
_HEADS = frozenset("dog dogs race races team teams driver drivers trail".split())


_CLOCK = re.compile(
    r"\b\d{1,2}(:\d\d)? ?(am|pm|a\.m\.|p\.m\.|o'clock)|\d{1,2}:\d\d|\bnoon\b|\bmidnight\b|"
    r"\b(in the (morning|evening|afternoon)|at night|that night|before dawn)\b")


def _clock_said(ranker: Ranker, query: Query, fact: Fact) -> bool:
    """Whether the fact gives an hour, in a sentence naming a place the question names, if
    it names any."""
    store = ranker.store
    places = [store.entities[e] for e in query.named if store.entities[e].type == "place"]
    return any(_CLOCK.search(sentence) and (
        not places or any(p.named_in(sentence) for p in places))
        for sentence in SENTENCE.split(fact.answer.lower()))


def _year_only(fact: Fact, relation: str) -> bool:
    """Whether the date the fact records for the relation answered gives no day: a year
    ("1913") or a month ("1925-01"), by every source."""
    if not relation.endswith(".when"):
        return False
    dates = [v for relations in fact.answers.values() if relation in relations
             for v in values.readings(relations[relation])]
    return (bool(dates) and all(isinstance(v, (str, int)) and len(str(v)) < 10 for v in dates)
            # (the days sources disagree on are still days: "December 15 or December 17")
            and not _DAY_SAID.search(fact.spoken))


_DAY_SAID = re.compile(r"\b(January|February|March|April|May|June|July|August|September|"
                       r"October|November|December) \d{1,2}\b")


def _exact_day(ranker: Ranker, relation: str, name: str | None) -> str:
    """ "the exact day Balto was born", from the relation's "when Balto was born"."""
    topic = ranker.relations.topics.get(relation.partition(".")[0])
    label = topic.describe("when", name or "that") if topic is not None else ""
    return f"the exact day {label[5:]}" if label.startswith("when ") else "the exact day"


def _counted_elsewhere(ranker: Ranker, query: Query, fact: Fact, result: Answer) -> str | None:
    """The thing "how many" counts, when it names a topic other than the relation that
    answered, and the fact never speaks of it."""
    words = query.words
    relation = result.relation
    if query.facet != "how_many" or not relation:
        return None
    for i in range(query.core_start, len(words) - 2):
        if words[i] == "how" and words[i + 1] in ("many", "much"):
            after = [w for w in words[i + 2:i + 4] if w not in _SIZES]
            if not after:
                return None
            noun = after[0]
            topics = {h.name for h in ranker.relations.topics_in([stem(noun)], [noun])}
            # (or the fact records the noun's topic too, of the one answered: "how much *money*
            # did it make", the Balto film's budget, its sale price, answered as what it cost
            # and took in)
            own = {relation.partition(".")[0]} | {
                k.partition(".")[0] for k in fact.answers.get(result.entity or "", {})}
            if topics and not own & topics and stem(noun) not in ranker.fact_terms(fact.id):
                return noun
            return None
    return None


def count_unstated(ranker: Ranker, query: Query, fact: Fact, relation: str = "") -> bool:
    """ "How many dogs were used in the second relay": a fact whose figures count other things
    (1.1 million *units*) does not say how many of what was asked, unless it records the
    count of the very topic the word names ("how many teams": twenty mushers, each a team)."""
    noun = counted_noun(query)
    if noun is None:
        return False
    named = {h.name for h in ranker.relations.topics_in([stem(w) for w in noun.split()],
                                                        noun.split())}
    if relation.partition(".")[0] in named:
        return False
    words = fold_numbers(plain_words(fact.spoken))
    figures = [i for i, w in enumerate(words) if _FIGURE.fullmatch(w)]
    if not figures:
        return False  # (no figure at all: whether one is stated is judged elsewhere)
    counted = counted_terms(ranker, noun)
    for i in figures:
        # What a figure counts follows it, "of" and describing words between ("13 of
        # Seppala's reserve dogs"), before any other small word ("February 8 to 10, a
        # second dog relay").
        for word in words[i + 1:i + 6]:
            if counted & set(ranker.lexicon.terms(word)) or word in counted:
                return False
            if word in STOPWORDS and word != "of":
                break
    return True


def counted_terms(ranker: Ranker, noun: str) -> set[str]:
    """The terms (and words) a figure counting the noun is followed by: "people", a word too
    common to be a term, are counted as any people are ("1,430 *people*", "20 *mushers*")."""
    counted = set(ranker.lexicon.terms(noun))
    if noun.split()[0] in _PEOPLE:
        counted |= set(ranker.lexicon.terms(_HUMANS)) | set(_HUMANS.split())
    return counted


#: Words that count people, and the words a figure said of people is followed by.
_PEOPLE = frozenset(("people", "person"))
_HUMANS = ("people persons residents settlers natives visitors children deaths died dead "
           "cases patients men women mushers crowd population lives")


#: A figure that counts (not a year: "in 1925").
_FIGURE = re.compile(r"(?!1[89]\d\d$|20\d\d$)\d+(\.\d+)?")


def counted_noun(query: Query) -> str | None:
    """What "how many" counts, said right after it: "how many *dogs*", "how many *relay
    legs*" (either word may be the one a fact counts)."""
    words = query.words
    if query.facet != "how_many":
        return None
    for i in range(query.core_start, len(words) - 2):
        if words[i] == "how" and words[i + 1] == "many":
            after = [w for w in words[i + 2:i + 4] if w not in _SIZES]
            nouns = list(itertools.takewhile(lambda w: w not in NOT_FOCUS or w in _PEOPLE, after))
            return " ".join(nouns) or None
    return None


def name_unsaid(ranker: Ranker, query: Query, fact: Fact) -> str | None:
    """ "What was Doctor Powell's first name", "what job did Kaasen have in Everett": someone
    named by title, or a place named after "in" or "at", by a name the facts mention though of
    no entity, is whom or where the question is about; a fact that never says the name is
    about someone or somewhere else (Welch, "the doctor"; Kaasen's job in Nome)."""
    words = query.words
    if _another_of_the_name(ranker, words):
        return "that"
    names, places = ranker.understander.unknown_names
    places |= ranker.relations.countries  # ("how much did the film make in japan")
    # ("powells": the possessive, its apostrophe gone)
    said = [name for i, w in enumerate(words[1:], 1)
            for name in (w, w[:-1] if w.endswith("s") else "")
            if words[i - 1] in _TITLED and name in names or (
                words[i - 1] in _PLACED and name in places and query.form == "wh"
                and not speakers_own_clause(words, i, i + 1))]
    said += [w for w in words[-1:] if w in ranker.understander.unknown_people
             and tuple(words[-2:-1]) in (("was",), ("is",))]  # "what dog was *tillie*"
    if not said:
        return None
    text = set(plain_words(fact.spoken))
    return None if all(w in text for w in said) else "that"


def owner_unknown(ranker: Ranker, query: Query) -> str | None:
    """ "Who were Dolly's parents": the kin asked of are those of someone the store knows
    only by name (Togo's mother), so no fact records them, whoever else's it records."""
    words = query.words
    people = ranker.understander.unknown_people
    for i in range(max(query.core_start, 1), len(words) - 1):
        word, thing = words[i], words[i + 1]
        if (word.endswith("s") and word[:-1] in people and words[i - 1] not in _DESCRIBING
                and RELATIVES.intersection(
                    h.name for h in ranker.relations.topics_in([stem(thing)], [thing]))):
            return f"{word[:-1].title()}'s {thing}"
    return None


#: Words before a plural, not an owner ("the *eskimos* ...").
_DESCRIBING = frozenset("the a an some many all those these other".split())


def _another_of_the_name(ranker: Ranker, words: Sequence[str]) -> bool:
    """ "What did *constance seppala* do for a living": a given name the store knows of no
    one, said before the surname of someone it knows, names another of that family, of whom
    it records nothing (what it says of the one it knows answers nothing of her)."""
    given = ranker.understander.unknown_people
    if not given.intersection(words[:-1]):
        return False
    store = ranker.store
    for mention in ranker.understander.names.find(words):
        before = words[mention.start - 1] if mention.start else ""
        entity = store.entities.get(mention.entity)
        if (before in given and entity is not None and entity.type == "person"
                and before not in plain_words(entity.name)):
            return True
    return False


#: Words said before a place: "in everett", "at madison square garden".
_PLACED = frozenset("in at near".split())


#: Words said before a surname: "doctor powell", "governor bone".
_TITLED = frozenset("doctor dr doc mister mr mrs miss ms governor mayor captain admiral "
                    "professor judge senator nurse".split())


def names_no_one(ranker: Ranker, query: Query, result: Answer) -> str | None:
    """ "That", when "who" is asked of someone or something named by name and the fact,
    chosen on its words, names no one else: "who did the taxidermy on Togo", "who sculpted
    the Togo statue in Seward Park" (it stands there, by no one named). One named by a
    description ("who was the doctor in Nome") is the answer the fact names."""
    fact = result.fact
    if fact is None or result.kind != "fact" or not _asks_who_did(query, result.relation):
        return None
    store = ranker.store
    words = set(query.words)
    by_name = {e for e in query.named if e in store.entities
               and set(plain_words(store.entities[e].name)) & words - _TITLES}
    if not query.named and query.from_context and query.entities and _OBJECT_PRONOUNS & words:
        by_name = {query.entities[0]}  # "who stuffed *him*": the one talked of
    if not by_name or set(query.named) - by_name:
        return None
    someone = _someone_else_named(ranker, fact, by_name, words)
    others = [n for n in ranker.understander.names.people_in(fact.spoken) if n not in words]
    titled = [m.group(1) for m in _TITLED_NAME.finditer(fact.spoken)
              if m.group(1).lower() not in words]
    return None if someone or others or titled else "that"


def _someone_else_named(ranker: Ranker, fact: Fact, by_name: set[str],
                        words: set[str]) -> list[str]:
    """The people and dogs the fact names besides those the question names (what the sources
    disagree on is spoken too: "put to sleep by ... Doctor Powell"), and not one the question
    says itself inside another's name (Balto in "the Balto statue")."""
    text = fact.spoken.lower()
    return [e.id for e in ranker.store.entities.values()
            if e.type in ("person", "dog") and e.id not in by_name and e.named_in(text)
            and not set(plain_words(e.name)) <= words]


#: Someone named by a title and a surname ("a veterinarian, Doctor Powell").
_TITLED_NAME = re.compile(r"\b(?:Doctor|Dr\.|Mr\.|Mrs\.|Captain|Governor|Mayor) ([A-Z][a-z]+)")


#: Offices and callings someone is asked by (not "the man", "the doctor", said of anyone).
_OFFICES = frozenset("mayor governor president senator sheriff judge captain admiral nurse vet "
                     "veterinarian trainer director producer teacher coach photographer "
                     "taxidermist pilot".split())


_ROLE_ENDS = frozenset("of in on at for who that when with to from during".split())


def role_unsaid(ranker: Ranker, query: Query, fact: Fact) -> str | None:
    """ "That", when "who was the X" asks someone by an office the fact never speaks of: "who
    was *the mayor* of Cleveland" is not answered by the last leg's musher. The office is the
    last word before "of", "in", "when" and the like."""
    words = list(query.words[query.core_start:])
    said = ranker.fact_terms(fact.id)
    for i in range(1, len(words) - 2):
        # (someone named by an office the fact never speaks of, anywhere: "what did *the
        # mayor of* Cleveland say")
        if (words[i - 1] == "the" and words[i] in _OFFICES and words[i + 1] in ("of", "in")
                and not set(ranker.lexicon.terms(words[i])) & said):
            return "that"
    if query.words[:1] == ("who",) and query.core_start:
        # ("who was the pilot *who* would have flown the serum": the question is the whole,
        # its second "who" a clause describing the one asked)
        words = list(query.words)
    if query.facet != "who" or words[:1] != ["who"] or words[1:2] not in (["was"], ["is"]):
        return None
    # ("who was mayor of Cleveland": the office said without "the")
    start = 3 if words[2:3] == ["the"] else 2
    role = list(itertools.takewhile(lambda w: w not in _ROLE_ENDS, words[start:]))
    if not role or any(m.entity in query.entities
                       for m in ranker.understander.names.find(role)):
        return None  # (a name said as it: "who was the Balto dog")
    terms = ranker.lexicon.terms(role[-1])
    return ("that" if role[-1] in _OFFICES and terms and terms[0] not in said else None)


def _asks_who_did(query: Query, relation: str) -> bool:
    """Whether the question opens "who ..." (or "which vet ...", a kind of person) and asks
    one person of a topic, which the relation that answered does not record as who ("who
    were the native mushers" asks a group; "who went first, Shannon or Kalland" a choice)."""
    core = list(query.words[query.core_start:query.core_start + 2])
    calling = core[:1] in (["which"], ["what"]) and len(core) > 1 and core[1] in _OFFICES
    return ((query.facet == "who" and core[:1] == ["who"] or calling) and query.form == "wh"
            and query.topic is not None and not query.choice
            and core[1:] not in (["are"], ["were"])
            and relation.rpartition(".")[2] not in ("who", "from", "to")
            and relation != "identity")


#: Pronouns for one something is done to ("who stuffed *him*").
_OBJECT_PRONOUNS = frozenset("him her it them".split())
#: Words of a name that say what someone was, not who ("doctor welch", "mayor maynard").
_TITLES = frozenset("dr doctor mayor governor the musher conductor sculptor".split())


#: Words that ask a price, and what says one.
_PRICE_ASKED = frozenset(
    "cost costs price prices charge charged dollars money paid pay fee".split())


_PRICE_SAID = frozenset("dollar dollars cent cents".split())


def priced_otherwise(ranker: Ranker, query: Query, result: Answer) -> str | None:
    """ "That", when a price is asked and the price fact is of another deal: it never speaks
    of whom or what the question names ("how much did *Kevin Bacon* get paid", "how much did
    *the DNA study* cost"), or of something else the question asks it of ("how much did it
    cost to have Balto *stuffed*"). A price says who paid and for what."""
    fact = result.fact
    if fact is None or result.kind != "fact" or query.facet != "how_many":
        return None
    if _PRICE_ASKED & set(query.words) and not (
            _PRICE_SAID & set(plain_words(fact.answer)) or "$" in fact.answer):
        return "what it cost"  # ("how much did it cost to see Balto at the dime museum")
    if query.topic != "sale":
        return None
    subject = query.entities[0] if query.entities else None
    plain = f" {' '.join(plain_words(fact.answer))} "
    names = [n for n in ranker.understander.names.phrases_said(f" {' '.join(query.words)} ")
             if f" {n} " not in plain]
    recorded = _topics_of(fact)
    topics = ranker.relations.topics
    other_topic = [t for t in query.more_topics if t not in recorded and not topics[t].weak]
    if (names or other_topic or not _named_in_the_deal(ranker, query, fact, subject)
            or not speaks_of_all(ranker, query, fact, subject)):
        return "that"
    return None


def _named_in_the_deal(ranker: Ranker, query: Query, fact: Fact, subject: str | None) -> bool:
    """Whether a price fact speaks of the one asked about; asked by name, it must record or
    name them: being among those it is about is not paying ("how much money did George
    Kimble put in himself" against what Cleveland raised, which never names him)."""
    if not _speaks_of(ranker, fact, subject):
        return False
    entity = ranker.store.entities.get(subject) if subject else None
    return (entity is None or query.from_context or subject in fact.answers
            or entity.named_in(fact.answer.lower()))


def _speaks_of(ranker: Ranker, fact: Fact, entity: str | None) -> bool:
    """Whether the fact is about the entity, records it, or names it in its words."""
    store = ranker.store
    return entity is None or entity in fact.about or entity in fact.answers or (
        entity in store.entities and store.entities[entity].named_in(fact.answer.lower()))


def asked_unheard(ranker: Ranker, query: Query, analysis: Analysis) -> str | None:
    """ "That", when the very thing asked is a word the store has never heard: what is
    counted ("how many *votes*"), what is someone's ("Balto's *eyes*"), what a "what" asks,
    or which of their names ("his *middle* name"), and no vocabulary of the skill's knows it
    either. No fact can say it, however many other words of the question one shares."""
    unheard = set(analysis.unknown) - query.heard_as_names
    if not unheard:
        return None
    names = ranker.understander.names
    return "that" if any(t in unheard for w in _things_asked(query) if not names.knows(w)
                         for t in ranker.lexicon.terms(w)) else None


def _things_asked(query: Query) -> list[str]:
    """The words for the very thing a question asks (see :func:`asked_unheard`)."""
    words = query.words
    asked = list(query.possessed)
    for i in range(query.core_start, len(words) - 2):
        # (and the thing a "what" or "which" asks, one word before the verb: "what *hotel*
        # did Seppala stay at", not "which *polar* explorer", where it is the explorer)
        if words[i] in ("what", "which") and words[i + 1] in query.asked and (
                words[i + 2] in _AUXILIARIES):
            asked.append(words[i + 1])
        # (and whom "who was the ..." asks by: "who was the first *patient* to get it")
        if words[i] == "who" and words[i + 1] in ("was", "is", "were") and (
                words[i + 2] in ("the", "a", "an")):
            # (the phrase's last word, its head: "the actual *dog* that played togo")
            phrase = list(itertools.takewhile(lambda w: w not in STOPWORDS, [
                w for w in words[i + 3:i + 7] if w != "very"]))
            asked += phrase[-1:]
    for i in range(query.core_start, len(words) - 1):
        if words[i] == "how" and words[i + 1] in ("many", "much"):
            # ("how much was *a ticket*": what is priced, after the verb)
            counted = [w for w in words[i + 2:i + 5] if w not in _SIZES and w not in STOPWORDS]
            asked += counted[:1]
        elif words[i + 1] == "name":
            asked.append(words[i])
        elif words[i] in ("the", "most") and _superlative(words[i + 1]):
            asked.append(words[i + 1])  # ("which dog was *the smartest*")
    return asked


#: Words ending as a superlative does that are none.
_NOT_SUPERLATIVES = frozenset(
    "interest forest harvest honest modest contest protest request suggest digest arrest invest "
    "manifest inquest conquest earnest southwest northwest midwest everest guest".split())


def _superlative(word: str) -> bool:
    """ "Smartest", "bravest": a quality ranked, by its ending."""
    return len(word) >= 6 and word.endswith("est") and word not in _NOT_SUPERLATIVES


#: Verbs that close a one-word "what" phrase ("what hotel *did* he stay at").
_AUXILIARIES = frozenset("did does do was is were are has had have".split())


#: Words of size before what is counted ("how many little bottles").
_SIZES = frozenset("little big small large tiny huge other different more".split())


def _of_whom(name: str | None) -> str:
    return f" {name} had" if name else ""


#: Kinds of subject a fact about another of its kind cannot stand in for.
_SINGULAR_KINDS = frozenset({"film", "dog"})


def _of_another(ranker: Ranker, query: Query, fact: Fact) -> str | None:
    """The spoken name of the film or dog asked about, when the fact is neither about it,
    records it, nor names it (the fact is then about another one), or when a count is asked
    of it from someone else's fact."""
    subject = query.entities[0] if query.entities else None
    entity = ranker.store.entities.get(subject) if subject else None
    if (subject is None or entity is None or entity.type not in _SINGULAR_KINDS
            or subject in fact.answers):
        return None
    if _counted_of_another(ranker, query, fact, subject):
        return entity.spoken_name
    text = fact.spoken.lower()
    recorded = values_named(fact)
    if subject in fact.about or subject in recorded or entity.named_in(text):
        return None
    return f"the film {entity.spoken_name}" if entity.type == "film" else entity.spoken_name


def _counted_of_another(ranker: Ranker, query: Query, fact: Fact, subject: str) -> bool:
    """ "How many races did Togo win": a count asked of one a fact only mentions, the fact
    being someone else's (Seppala "won the All Alaska Sweepstakes race three times"), is that
    someone's count."""
    owner = fact.about[0] if fact.about else None
    return (query.facet == "how_many" and owner is not None and owner != subject
            and ranker.store.entities[owner].type in ("person", "dog"))


def _event_unspoken(ranker: Ranker, query: Query, fact: Fact) -> str | None:
    """The spoken name of an event or film the question proper names besides its subject
    ("what place did Balto finish *in the first Iditarod*"), when the fact is neither about
    it, records it, nor names it: it tells of something else."""
    if query.form == "compare" or query.choice:
        return None  # (the other one is compared with, not a setting)
    store = ranker.store
    text = fact.spoken.lower()
    core = " ".join(query.words[query.core_start:])
    recorded = values_named(fact)
    for named in query.named:
        entity = store.entities.get(named)
        if (entity is None or entity.type not in ("event", "film")
                or named in ranker.lexicon.background or named in fact.about
                or named in fact.answers or named in recorded or not entity.named_in(core)):
            continue
        if not entity.named_in(text):
            return f"the film {entity.spoken_name}" if entity.type == "film" \
                else entity.spoken_name
    return None


def unplaced(ranker: Ranker, query: Query, fact: Fact) -> str | None:
    """ "in Anchorage": a place the question puts what it asks in or at, that the fact neither
    is about, records, nor names; None if it speaks of every such place."""
    store = ranker.store
    text = fact.spoken.lower()
    for preposition, place in query.located:
        if place in fact.about or place in ranker.lexicon.background or any(
                place in values.readings(v) for relations in fact.answers.values()
                for v in relations.values()) or _where_it_was(ranker, query, fact, place):
            continue
        entity = store.entities[place]
        if not entity.named_in(text):
            return f"{preposition} {entity.spoken_name}"
    return None


def _where_it_was(ranker: Ranker, query: Query, fact: Fact, place: str) -> bool:
    """ "Who organised the relay *in Nenana*": the place said right after a thing (not a dog
    or someone, who may be anywhere) the fact is about, where the store records that thing
    (the relay set out from Nenana), only says which thing is meant. (Not "the statue in
    Anchorage": the statue is recorded in Central Park.)"""
    words = query.words
    mentions = ranker.understander.names.find(words)
    for thing, there in itertools.pairwise(mentions):
        kind = ranker.store.entities[thing.entity].type
        if (there.entity == place and thing.entity in fact.about and 0 < there.start - thing.end
                <= 2 and words[thing.end] in ("in", "at") and kind not in ("dog", "person")):
            return any(place in values.readings(v) for other in ranker.store.facts.values()
                       for v in other.answers.get(thing.entity, {}).values())
    return False


#: The relay's own year: nearly every fact is of 1925, so the question saying it adds nothing.
_RELAY_YEAR = "1925"


def day_unstated(query: Query, fact: Fact) -> str | None:
    """A day of a month the question proper sets what it asks on ("on february 10") that the
    fact never states, in its words ("January 27 and 28", "February 1 to 2") or its dates."""
    words = query.words
    asked = next(((words[i].capitalize(), int(words[i + 1]))
                  for i in range(query.core_start, len(words) - 1)
                  if words[i] in MONTHS and words[i + 1].isdigit()
                  and 1 <= int(words[i + 1]) <= 31), None)
    if asked is None:
        return None
    month, day = asked
    stated = {int(d) for first, more in re.findall(
        rf"\b{month} (\d{{1,2}})((?:(?:,| and| to|-) ?\d{{1,2}}\b)*)", fact.spoken)
        for d in (first, *re.findall(r"\d{1,2}", more))}
    number = MONTHS.index(month.lower()) + 1
    stated |= {int(v[8:10]) for relations in fact.answers.values() for value in relations.values()
               for v in values.readings(value)
               if isinstance(v, str) and len(v) == 10 and v[5:7] == f"{number:02d}"}
    return None if day in stated else f"{month} {day}"


def year_unstated(query: Query, fact: Fact) -> str | None:
    """A year the question proper sets what it asks in, other than the relay's, that the fact
    never states."""
    text = fact.spoken
    words = query.words
    for i in range(query.core_start, len(words)):
        word = words[i]
        if YEAR.fullmatch(word) and word not in text and (word != _RELAY_YEAR or (
                _other_years_only(text) and words[i - 1] not in _BOUNDS)):
            return word
    return None


#: Words that make a year a bound, not the time asked of ("what did togo do *after* 1925").
_BOUNDS = frozenset("after before since until till by".split())


def _other_years_only(text: str) -> bool:
    """Whether the fact dates what it tells by years, none of them the relay's nor the
    outbreak's (1924) ("three years running, from 1915 to 1917"): the relay's year asked of it
    is then another time."""
    years = YEAR.findall(text)
    return bool(years) and _RELAY_YEAR not in years and "1924" not in years


_MOMENT = frozenset("when after before while".split())


#: Measures that hold at a moment. (An age or distance is asked "when he died", "when they
#: crossed", of the moment itself, in words the fact need not use.)
_AT_A_MOMENT = frozenset({"how_many", "weight", "speed"})


def _moment_unstated(ranker: Ranker, query: Query, fact: Fact) -> str | None:
    """The moment ("when he died") or time of life ("as a puppy", "when he was born") a
    measure is asked at, when the fact never says it of the measure: a weight recorded without
    a date is no weight at death, and "Togo weighed about 48 pounds, and as a pup he was
    thought too small" records no puppy's weight (the pup is in another clause)."""
    if query.facet not in _AT_A_MOMENT:
        return None
    said = _measure_clause_terms(ranker, fact)
    for word, phrase in _moments_said(query.words, query.core_start):
        terms = ranker.lexicon.terms(word)
        if terms and terms[0] not in said and word not in _GROWN:
            return phrase
    return None


#: A time of life that is the grown dog's ("when he grew up", "as an adult"): what an
#: undated measure is of.
_GROWN = frozenset("grew grown adult full older".split())
#: Words between "when he" and what happened then ("when he was *born*", "when he got old").
_ON_THE_WAY = frozenset("was were is got had been being a an the very".split())


def _moments_said(words: Sequence[str], start: int) -> list[tuple[str, str]]:
    """The words naming a moment or a time of life in the question proper, each with the
    phrase that says it: the first word after "when he" (past its auxiliary and article),
    and after "as a"."""
    found = []
    for i in range(start, len(words) - 2):
        if words[i] in _MOMENT and words[i + 1] in SUBJECT_PRONOUNS:
            j = i + 2
            while j < len(words) - 1 and words[j] in _ON_THE_WAY:
                j += 1
            found.append((words[j], " ".join(words[i:j + 1])))
        elif words[i] == "as" and words[i + 1] in ("a", "an"):
            found.append((words[i + 2], " ".join(words[i:i + 3])))
    return found


def _measure_clause_terms(ranker: Ranker, fact: Fact) -> set[str]:
    """The terms of the fact's clauses that state a figure, where what holds of the measure
    is said."""
    clauses = [c for c in re.split(r"[.;,]\s", fact.spoken) if re.search(r"\d", c)]
    return {t for clause in clauses or [fact.spoken] for t in ranker.lexicon.terms(clause)}


def _measure_unstated(result: Answer, query: Query, fact: Fact) -> bool:
    """Whether the question opens by asking a measure ("how cold ...") that the fact, chosen
    by its words rather than a recorded relation, never states."""
    facet = query.facet or ""
    if facet == "when":
        # "What year ...": a year, which a fact giving none does not state. (Asked "when", a
        # time may be said in other ways.)
        year_asked = "year" in query.words[query.core_start:query.core_start + 3]
        if result.kind != "fact" or result.relation:
            return False
        # ... nor, when the question speaks of something the store never does ("when did
        # Balto visit the white *house*"), one that gives no time at all
        return (year_asked and re.search(YEAR_PATTERN, fact.answer) is None
                or bool(result.analysis.unknown) and query.measure_asked
                and DATES.search(fact.spoken.lower()) is None)
    return (result.kind == "fact" and query.measure_asked and facet in STATES
            and not result.relation and not result.derived_age
            and not states(fact, facet)
            and not (query.topic in STATES and states(fact, query.topic)))


SENTENCE = re.compile(r"(?<=[.!?])\s+")


_TOKEN = re.compile(r"[A-Za-z0-9']+|[:;,]")


#: Words for whom a name is asked ("the name of the man who ..."): the answer names them.
_NAMED_IN_ANSWER = frozenset(stem(w) for w in
                             "man person guy woman lady musher driver doctor dog".split())


def _only_unnamed(text: str, word: str, beside: bool = False, kinded: bool = False) -> bool:
    """Whether the fact mentions ``word`` only as something unnamed ("a taxidermist", "four
    nurses"), never with a name ("the ship Alameda", "Kaasen was a musher", "seven dogs:
    Balto, Tillie ..."); with ``beside``, for a name asked for, a definite mention is named
    only with a name beside it ("the last ship before the sea froze" names none); with
    ``kinded``, for "what medal", a word of its kind right before it answers ("a *gold*
    medal", "a reddish colour"), though not one of size, fame or order ("a small dog")."""
    seen = False
    for sentence in SENTENCE.split(text):
        tokens = _TOKEN.findall(sentence)
        lowered = [t.lower() for t in tokens]
        for i, token in enumerate(lowered):
            if token not in (word, word + "s"):
                continue
            seen = True
            # ("a *gold* medal", not "a *Cleveland* newspaper": a place or maker, not a kind)
            if kinded and i and tokens[i - 1].islower() and _says_kind(tokens[i - 1]):
                return False
            if not _said_unnamed(tokens, i) and (not beside or _name_beside(tokens, i)):
                return False  # "the explorer Amundsen": a definite, named mention
            named_after = _named_after(tokens[i + 1:i + 9])
            # ("Kaasen was a musher"; not "His 7 dogs were ...", "The final leg was ...")
            copula = len(tokens) > 2 and tokens[0][:1].isupper() and (
                lowered[0] not in STOPWORDS) and any(
                t in ("was", "is", "were") for t in lowered[1:i])
            if named_after or copula:
                return False
    return seen


_INCLUDING = frozenset("include includes included including".split())


def _named_after(after: Sequence[str]) -> bool:
    """Whether the words after a mention name it ("the ship Alameda", "named ...", "a race
    at Solomon", "books about the serum run include The Cruelest Miles", "his wife was
    Constance")."""
    return bool(after) and (
        after[0][:1].isupper() or ":" in after or after[0].lower() in ("named", "called")
        or any(t.lower() in _INCLUDING for t in after[:5])
        or (len(after) > 1 and after[0].lower() in ("at", "in", "was", "is")
            and after[1][:1].isupper()))


def _name_beside(tokens: Sequence[str], i: int) -> bool:
    """Whether a name stands next to token ``i`` ("the explorer *Amundsen*", "*Alameda* the
    ship"), as it does not in "the last ship before the sea froze" or "pushed for planes"."""
    after = i + 1 < len(tokens) and tokens[i + 1][:1].isupper()
    before = i > 0 and tokens[i - 1][:1].isupper() and tokens[i - 1].lower() not in (
        "the", "a", "an", "his", "her", "their", "its")
    return after or before


def _said_unnamed(tokens: Sequence[str], i: int) -> bool:
    """Whether a word or number that mentions without naming comes in the three words before
    token ``i``, names passed over ("a Los Angeles dime museum", "13 of Seppala's reserve
    dogs"), though not a clock's number ("5:30 in the morning")."""
    before = [j for j in range(i - 1, -1, -1) if not tokens[j][:1].isupper()][:3]
    return any(tokens[j].lower() in _INDEFINITE or (
        tokens[j].isdigit() and (j == 0 or tokens[j - 1] != ":")) for j in before)


YEAR = re.compile(YEAR_PATTERN)


FACET_LABELS: dict[str, str] = {
    "when": "when that was for {name}", "where": "where that was for {name}",
    "age": "{name}'s age", "miles": "how far {name} went", "how_many": "that number for {name}",
    "duration": "how long that took", "temperature": "the temperature for {name}",
    "weight": "how big {name} was", "speed": "how fast {name} went",
    "percent": "that percentage for {name}",
}
