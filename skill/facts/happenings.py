"""Happenings put in time: which came first, how many years apart, whether one was in a
season, at a part of the day, or while someone was alive.

Each happening said in a question ("the serum run", "balto died") is dated by asking the skill
"when ..." of it, through ``ask`` (the answering core's own :func:`answer`, passed in so that
this module sits below it); the dates found are then compared. Each decider returns None when
the question is not of its kind, and the answering core goes on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from skill.facts import time_of_day, values
from skill.facts.answer_records import Answer, Comparison, Question, Row
from skill.facts.honesty import YEAR
from skill.facts.ranking import Analysis, Ranker
from skill.facts.relation_fit import recorded
from skill.facts.understanding import Query
from skill.records import Record
from skill.text.vocabulary import MADE

#: The answering core's own entry: a question asked of the skill, its answer.
Asker = Callable[[Ranker, Question], Answer]


#: "Which came first, the serum run or the first Iditarod": two happenings to put in order.
_WHICH_FIRST = (
    re.compile(r"^(?:which|what) (?:one )?(?:came|come|comes|happened|happens|was|is) "
               r"(?:first|earlier|sooner) (.+?) or (.+)$"),
    re.compile(r"^(.+?) or (.+?) (?:which|what) (?:one )?(?:came|happened|was) (?:first|earlier)$"),
)


#: Whether one happening came before another, asked yes or no ("did the Iditarod start
#: before the serum run", "is the Iditarod race older than the serum run"); "after" asks it
#: the other way round.
_WHETHER_FIRST = re.compile(
    r"^(?:did|does|was|is|were) (.+?)(?: (?:start|begin|happen|take place|come|come out))? "
    r"(before|earlier than|older than|after|later than|newer than) (.+)$")


#: Which of two ways one happening stands to another ("was the statue put up before or
#: after Balto died"): answered "Before." or "After.".
#: (a pattern, compiled on first use: most questions never need it, and a cold start pays for
#: every pattern compiled at import)
_BEFORE_OR_AFTER = r"^(?:was|were|is|did|does) (.+?) (?:before or after|after or before) (.+)$"


#: How many years lie between two happenings ("how many years were there between the serum
#: run and the first Iditarod", "how many years after the serum run did Balto die").
#: (patterns compiled on first use, as the cold-start rules in docs/DESIGN.md ask)
_YEARS_APART = (
    r"^how (?:many years|long) (?:were there |was there |was it |passed |went by |"
    r"is it |is there )?between (.+?) and (.+)$",
    r"^how (?:many years|long) (?:after|before) (.+?) (did|was|were) (.+)$",
    r"^how (?:many years|long) apart (?:did|were|was) (.+?) and (.+)$",
)


class _Happenings(Record):
    """Two happenings a question puts in order, and how it asks for the order."""

    __slots__ = ()

    said: tuple[str, str]
    #: "whether" (yes or no, ``before`` saying which way), "before or after", "which", or
    #: "apart" (how many years between them).
    asked: str
    before: bool = True
    #: Said as deeds ("did togo die before balto did"): dated as said, told by their facts.
    deeds: bool = False


def _happenings_asked(ranker: Ranker, query: Query, core: str) -> _Happenings | None:
    """The two happenings of "which came first, X or Y", "did X happen before Y", "did Togo
    die before Balto did" and "was X before or after Y"; None for anything else."""
    apart = _years_apart_asked(ranker, core)
    if apart is not None:
        return apart
    which_way = re.match(_BEFORE_OR_AFTER, core) if " or " in core else None
    if which_way is not None:
        first, second = which_way.groups()
        second = _pronoun_named(ranker, first, second)
        return _Happenings((first, _like_the_first(ranker, first, second)), "before or after",
                           deeds=True)
    whether = _whether_first(ranker, query, core)
    deed = None if whether is not None else (_whether_deed_first(ranker, query, core)
                                             or _whether_thing_first(ranker, query, core))
    found = whether or deed
    if found is not None:
        first, second = found.group(1), found.group(3)
        before = found.group(2) in ("before", "earlier than", "older than")
        if deed is not None:
            second = _pronoun_named(ranker, first, second)
            return _Happenings((first, _like_the_first(ranker, first, second)), "whether",
                               before, deeds=True)
        return _Happenings((first, second), "whether", before)
    said = next((m.groups() for p in _WHICH_FIRST if (m := p.match(core))), None)
    return _Happenings((said[0], said[1]), "which") if said is not None else None


def _years_apart_asked(ranker: Ranker, core: str) -> _Happenings | None:
    """The two happenings "how many years between X and Y", "how long after X did Y" or
    "how many years apart did X and Y ..." asks the years between (the second said as a
    deed: "did balto die"; one only named does as the other did: "after *togo* did balto
    die", "did *the balto cartoon* and the togo movie come out")."""
    if not core.startswith("how ") or not any(
            w in core for w in (" between ", " after ", " before ", " apart ")):
        return None
    between, after, apart = (re.match(p, core) for p in _YEARS_APART)
    if between is not None:
        return _Happenings((between.group(1), between.group(2)), "apart", deeds=True)
    if after is not None:
        first, verb, second = after.groups()
        return _Happenings((_as_the_other_did(ranker, second, first), f"{verb} {second}"),
                           "apart", deeds=True)
    if apart is not None:
        first, second = apart.groups()
        return _Happenings((_as_the_other_did(ranker, second, first), second), "apart",
                           deeds=True)
    return None


def _as_the_other_did(ranker: Ranker, other: str, said: str) -> str:
    """A person or dog only named ("after *togo* did balto die") does as the other did; an
    event named ("after the serum run") is itself a happening."""
    entities = ranker.store.entities
    if any(entities[m.entity].type in ("event", "topic")
           for m in ranker.understander.names.find(said.split()) if m.entity in entities):
        return said
    return _like_the_first(ranker, other, said)


def which_first(ranker: Ranker, ask: Asker, query: Query, analysis: Analysis) -> Answer | None:
    """Two happenings put in order by the dates recorded for each ("togo dying", "balto going
    to cleveland"), each found as "when was ..." would find it; asked yes or no, whether the
    first named came first (or, asked "after", last); asked "before or after", which."""
    asked = _happenings_asked(ranker, query, " ".join(query.words[query.core_start:]))
    if asked is None or any(h.split()[0] in ("to", "in", "at", "of") for h in asked.said):
        return None  # ("which was first to reach nome, kaasen or seppala": no two happenings)
    rows = _dated_happenings(ranker, ask, asked.said, asked.deeds)
    if rows is None:
        return None  # (one with no date: the comparison it asks cannot be made)
    first_named = rows[0][1]
    rows.sort(key=lambda r: values.sort_key(r[0].value) or 0.0)
    if asked.asked == "apart":
        ranker.new_question()
        if any(values.year_of(str(r.value)) is None for r, _ in rows):
            return None  # (a happening with no year recorded)
        comparison = Comparison("when", "apart", tuple(r for r, _ in rows))
        return Answer("compare", rows[0][0].fact, rows[0][0].entity, analysis, query,
                      comparison=comparison)
    if asked.asked != "which" and len({values.sort_key(r.value) for r, _ in rows}) < 2:
        return None  # (the same date: which came first is not recorded)
    ranker.new_question()
    came_first = rows[0][1] == first_named
    polarity = None
    if asked.asked == "whether":
        polarity = "yes" if came_first == asked.before else "no"
    elif asked.asked == "before or after":
        polarity = "before" if came_first else "after"
    # (a deed as said, "togo die", is no label: each fact tells its own)
    labels = () if asked.deeds else tuple(label for _, label in rows)
    comparison = Comparison("when", "asc", tuple(r for r, _ in rows),
                            polarity=polarity, labels=labels)
    return Answer("compare", rows[0][0].fact, rows[0][0].entity, analysis, query,
                  comparison=comparison)


#: The months of each season, as said in the north.
_SEASONS: dict[str, tuple[int, ...]] = {
    "winter": (12, 1, 2), "wintertime": (12, 1, 2), "summer": (6, 7, 8),
    "summertime": (6, 7, 8), "spring": (3, 4, 5), "springtime": (3, 4, 5),
    "fall": (9, 10, 11), "autumn": (9, 10, 11)}


def season_verdict(ranker: Ranker, query: Query, analysis: Analysis) -> Answer | None:
    """ "Was the serum run in the summertime": yes or no by the month an event's recorded
    date falls in (None without a month, or with no season said after "in" or "during")."""
    if query.form != "yes_no":
        return None
    words = query.words[query.core_start:]
    season = next((w for i, w in enumerate(words) if w in _SEASONS and i
                   and words[i - 1] in ("in", "during", "the")), None)
    store = ranker.store
    events = [e for e in query.named if store.entities[e].type in ("event", "film", "topic")]
    if season is None or not events:
        return None
    row = value_of(ranker, events[0], "when")
    month = re.match(r"\d{4}-(\d\d)", str(row.value)) if row is not None else None
    if row is None or month is None:
        return None
    polarity = "yes" if int(month.group(1)) in _SEASONS[season] else "no"
    return Answer("yes_no", row.fact, events[0], analysis, query, polarity=polarity,
                  relation="when")


def time_of_day_verdict(ranker: Ranker, ask: Asker, query: Query,
                        analysis: Analysis) -> Answer | None:
    """ "Did the serum get to Nome before sunrise": yes or no by the one clock time the
    happening's dated fact states (see :mod:`time_of_day`); None without a part of the day
    said, a clock time, or near the part's edges."""
    if query.form != "yes_no":
        return None
    text = " ".join(query.words[query.core_start:])
    part = time_of_day.part_claimed(text)
    if part is None:
        return None
    then = dated(ranker, ask, f"{text[:part.start]}{text[part.end:]}".strip(), asked=True)
    hour = time_of_day.clock_hour(then.fact.answer) if then is not None else None
    polarity = time_of_day.verdict(part, hour) if hour is not None else None
    if then is None or polarity is None:
        return None
    return Answer("yes_no", then.fact, then.entity, analysis, query, polarity=polarity,
                  relation="when")


#: Whether someone was alive at a happening ("was Kaasen still alive when the Balto cartoon
#: came out").
_ALIVE = r"^(?:was|were|is) (.+?) (?:still )?alive (?:when|by the time|in) (.+)$"


def alive_then(ranker: Ranker, ask: Asker, query: Query, analysis: Analysis) -> Answer | None:
    """Yes or no by whether the death recorded came after the happening's date; None when
    either date is not recorded, or both fall in the same year."""
    if query.form != "yes_no" or "alive" not in query.words:
        return None
    said = re.match(_ALIVE, " ".join(query.words[query.core_start:]))
    named = ranker.understander.names.find(said.group(1).split()) if said else []
    if said is None or len(named) != 1:
        return None
    death = value_of(ranker, named[0].entity, "death.when")
    then = dated(ranker, ask, said.group(2), asked=True)
    if death is None or then is None:
        return None
    died, happened = values.sort_key(death.value), values.sort_key(then.value)
    if died is None or happened is None or int(died) == int(happened):
        return None  # (years alone, or the same year: which came first is not known)
    rows = (death, then) if died < happened else (then, death)
    comparison = Comparison("when", "asc", rows, polarity="yes" if died > happened else "no")
    return Answer("compare", death.fact, death.entity, analysis, query, comparison=comparison)


def _dated_happenings(ranker: Ranker, ask: Asker, said: Sequence[str],
                      as_said: bool) -> list[tuple[Row, str]] | None:
    """Each happening with its recorded date, or None if one has none; with ``as_said``,
    also as it was said ("balto died": "when balto died")."""
    rows = []
    for happening in said:
        when = dated(ranker, ask, happening.removeprefix("the ")) or (
            dated(ranker, ask, happening, asked=True) if as_said else None)
        if when is None:
            return None
        rows.append((when, happening))
    return rows


def _pronoun_named(ranker: Ranker, first: str, second: str) -> str:
    """ "Was the Balto statue made before or after *he* died": "he" opening the second
    happening is the one dog or person the first names, or names a work for (Balto)."""
    words = second.split()
    if words[:1] not in (["he"], ["she"]):
        return second
    understander = ranker.understander
    named = {understander.works_named_for.get(m.entity, m.entity)
             for m in understander.names.find(first.split())}
    beings = [e for e in named if understander.entity_types.get(e) in ("dog", "person")]
    if len(beings) != 1:
        return second
    return " ".join([understander.entity_words[beings[0]], *words[1:]])


def _like_the_first(ranker: Ranker, first: str, second: str) -> str:
    """ "Did Togo die before or after *Balto*": a second happening that only names someone
    happens as the first did ("balto die")."""
    words = second.removesuffix(" did").split()
    named = ranker.understander.names.find(words)
    if not named or any(m.end - m.start != len(words) for m in named):
        return second
    said = first.split()
    own = ranker.understander.names.find(said)
    if not own or own[0].start != 0:
        return second
    return " ".join([*words, *said[own[0].end:]])


def _whether_first(ranker: Ranker, query: Query, core: str) -> re.Match[str] | None:
    """ "Did the Iditarod start before the serum run": two events asked yes or no in order
    (not deeds: "did Balto go on tour after the serum run")."""
    whether = _WHETHER_FIRST.match(core) if query.form == "yes_no" and not (
        query.yes_no_compare) else None
    if whether is None or not all(
            _names_an_event(ranker, h) for h in (whether.group(1), whether.group(3))):
        return None
    return whether


def _whether_deed_first(ranker: Ranker, query: Query, core: str) -> re.Match[str] | None:
    """ "Did Togo die before Balto did": one's deed put before another's, the other only
    named (the deed is then the same)."""
    whether = _WHETHER_FIRST.match(core) if query.form == "yes_no" and not (
        query.yes_no_compare) else None
    if whether is None:
        return None
    other = whether.group(3).removesuffix(" did").split()
    named = ranker.understander.names.find(other)
    return whether if len(named) == 1 and named[0].end - named[0].start == len(other) else None


def _names_an_event(ranker: Ranker, happening: str,
                    kinds: tuple[str, ...] = ("event", "film")) -> bool:
    """Whether the words name an event or a film, which have dates of their own ("the
    Iditarod race", "the serum run"), or another thing of the ``kinds``."""
    entities = ranker.store.entities
    return any(entities[m.entity].type in kinds
               for m in ranker.understander.names.find(happening.split())
               if m.entity in entities)


def _whether_thing_first(ranker: Ranker, query: Query, core: str) -> re.Match[str] | None:
    """ "Was the Balto statue made after Balto died": a thing's making (a work, an event)
    put before or after a deed, each dated as said (not what was done with a thing: "did
    the serum go by train before the dogs took it")."""
    whether = _WHETHER_FIRST.match(core) if query.form == "yes_no" and not (
        query.yes_no_compare) else None
    if whether is None or not MADE.intersection(whether.group(1).split()) or not _names_an_event(
            ranker, whether.group(1), ("event", "film", "topic")) or _names_an_event(
            ranker, whether.group(3), ("event", "film", "topic")):
        return None
    return whether


def dated(ranker: Ranker, ask: Asker, happening: str, asked: bool = False) -> Row | None:
    """The date of a happening as the store records it: the value of the "when" relation that
    answers "when was <happening>" (with ``asked``, "when <happening>" as it was asked), or
    else the first year its fact states."""
    found = ask(ranker, Question(text=f"when {happening}" if asked else f"when was {happening}"))
    fact = found.fact
    if found.kind != "fact" or fact is None or found.entity is None:
        return None
    value = next((v for relations in fact.answers.values() for k, v in relations.items()
                  if k == found.relation and k.endswith("when")), None)
    if value is None:
        year = YEAR.search(fact.answer)
        value = year.group() if year else None
    return Row(found.entity, value, fact) if value is not None else None


def value_of(ranker: Ranker, entity: str, relation: str) -> Row | None:
    """The entity's recorded, comparable value of the relation ("balto", "death.when"), from
    the fact recording it exactly; None if none does."""
    topic, _, facet = relation.partition(".")
    key_topic = topic if facet else None
    key_facet = facet or topic
    for fit, fact, key in recorded(ranker.store, entity, key_topic,
                                         key_facet):
        value = fact.answers[entity][key]
        if fit == 3 and values.is_comparable(value):
            return Row(entity, value, fact)
    return None
