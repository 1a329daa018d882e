""""That day": the day the last answer told of (pure).

"What happened on Norton Sound" tells of January 31, 1925; "how far did they go that day" asks
of that day, and the answer is the fact of the same day that states what is asked (Togo's 84
miles), not the run's whole distance the words alone lead to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from skill.facts.answer_records import Answer
from skill.facts.context import Context
from skill.facts.model import Fact
from skill.facts.ranking import Ranker
from skill.facts.verdicts import states
from skill.text.numbers import MONTHS

#: A day as the facts write it: "January 31, 1925".
_DAY = re.compile(rf"\b(?:{'|'.join(m.capitalize() for m in MONTHS)}) \d{{1,2}}, 1[89]\d\d\b")
#: How a question points to the day just told of.
_THAT_DAY = (("that", "day"), ("the", "same", "day"), ("that", "same", "day"))


def asks_that_day(words: Sequence[str]) -> bool:
    """Whether the words point back to a day ("... *that day*")."""
    return any(tuple(words[i:i + len(p)]) == p for p in _THAT_DAY for i in range(len(words)))


def of_that_day(ranker: Ranker, result: Answer, context: Context | None) -> Answer | None:
    """The fact of the day the last answer told of, about one it spoke of, that states what
    is asked, when the answer found is of another day; None otherwise."""
    query = result.query
    if query is None or context is None or context.fact is None or not asks_that_day(
            query.words[query.core_start:]):
        return None
    last = ranker.store.get(context.fact)
    days = set(_DAY.findall(last.answer)) if last is not None else set()
    if last is None or len(days) != 1:
        return None
    day = days.pop()
    if result.fact is not None and day in result.fact.answer:
        return None
    beings = set(last.about)
    found = [f for f in ranker.store.facts.values() if f.id != last.id and day in f.answer
             and beings & set(f.about) and states(f, query.facet)]
    if not found:
        return None
    terms = set(result.analysis.terms)
    # (first a fact about one of them, before a day's timeline that names them in passing)
    best = max(found, key=lambda f: (f.about[0] in beings, len(terms & ranker.fact_terms(f.id)),
                                     _one_day(f)))
    return result._replace(kind="fact", fact=best, entity=best.about[0], relation="")


def _one_day(fact: Fact) -> bool:
    """A fact of that day alone, not a run over several."""
    return len(set(_DAY.findall(fact.answer))) == 1
