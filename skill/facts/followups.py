"""What "tell me more" says next, and where to go once a subject is exhausted.

Why more than "a fact not yet spoken": facts overlap. After "how old was Balto" (born in 1919, so
five or six in 1925), "Balto was born in 1919 at Seppala's kennel in Nome" is another record but
opens with what the listener just heard; three facts about Wild Bill Shannon all say it was
minus 62 at Minto. So a candidate is skipped as a *repeat* when nearly all of its details
(numbers, dates, names) and most of its words have already been spoken in this session, or when
the claim it leads with (its first recorded relation, when that is a year or a number few facts
mention: "born in 1919", but not 1925, the year of every leg) has been spoken already. The
session's ``seen_facts`` say what was spoken. The ranker's order of related facts (same subject
first) is kept; this module only filters it.

PURE: standard library and the shared text pipeline only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from skill.facts import values
from skill.text.numbers import NUMBER_WORDS
from skill.text.terms import content_terms
from skill.text.vocabulary import PRONOUNS, QUESTION_WORDS, STOPWORDS

if TYPE_CHECKING:
    from skill.facts.model import Entity, Fact
    from skill.facts.ranking import Ranker
    from skill.facts.store import FactStore

#: A word or a number as written in an answer (pattern kept as a string: compiled on first use).
_TOKEN = r"[A-Za-z][A-Za-z'.-]*|\d[\d,.]*"
#: Capitalised words that open sentences rather than name anything.
_OPENERS = STOPWORDS | PRONOUNS | QUESTION_WORDS | frozenset(
    "one accounts after before while during once later most some several".split())
#: A candidate is a repeat when at most this share of its details is new ...
NEW_DETAILS_SHARE = 0.25
#: ... and less than this share of its words; or, whatever its details, less than the second.
NEW_WORDS_SHARE = 0.5
NEW_WORDS_FLOOR = 0.25
#: A lead claim is distinctive when at most this share of all facts mention it.
RARE_SHARE = 0.05
#: Entity types a suggestion names ("who was Edgar Kalland", "tell me about Nenana").
SUGGESTED_TYPES = ("person", "dog", "place")


@lru_cache(maxsize=1024)
def profile(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(details, words) of a spoken answer: its numbers and names, and its content terms."""
    details = set()
    for token in re.findall(_TOKEN, text):
        if token[0].isdigit():
            details.add(token.replace(",", "").rstrip("."))
        elif token.lower() in NUMBER_WORDS:
            details.add(token.lower())
        elif token[0].isupper() and token.lower() not in _OPENERS:
            details.add(token.lower().rstrip(".").removesuffix("'s"))
    return frozenset(details), frozenset(content_terms(text))


def lead_claim(fact: Fact) -> str | None:
    """The year or the number the fact leads with ("1919" for a birth year), if its first
    recorded relation for its main subject is one; small numbers (a leg's order) don't count."""
    relations = fact.answers.get(fact.about[0], {})
    for value in relations.values():
        main = values.main(value)
        if isinstance(main, str):
            year = values.year_of(main)
            return str(year) if year is not None else None
        if isinstance(main, int | float) and not isinstance(main, bool) and main >= 10:
            return str(int(main)) if float(main).is_integer() else str(main)
        return None
    return None


@lru_cache(maxsize=256)
def mentions(store: FactStore, claim: str) -> int:
    """In how many facts a claim (a year, a number) occurs: a year every leg mentions (1925)
    identifies nothing. Counted on demand, one scan of the answers, so the first question of a
    cold container does not pay for profiling the whole store."""
    pattern = rf"(?<![\d.]){re.escape(claim)}(?!\d)"
    return sum(1 for fact in store.facts.values() if re.search(pattern, fact.spoken))


class Heard:
    """Everything spoken in this session, as details and words; ``store`` (when given) tells a
    distinctive leading claim from a common one (:func:`mentions`)."""

    def __init__(self, facts: Iterable[Fact], store: FactStore | None = None) -> None:
        self.details: set[str] = set()
        self.words: set[str] = set()
        self.store = store
        for fact in facts:
            self.add(fact)

    def add(self, fact: Fact) -> None:
        details, words = profile(fact.spoken)
        self.details |= details
        self.words |= words

    def repeats(self, fact: Fact) -> bool:
        """True when ``fact`` would tell the listener (almost) nothing new."""
        details, words = profile(fact.spoken)
        new_words = len(words - self.words) / max(1, len(words))
        if new_words < NEW_WORDS_FLOOR:
            return True
        claim = lead_claim(fact)
        if claim is not None and claim in self.details and self.store is not None and (
                mentions(self.store, claim) <= RARE_SHARE * len(self.store.facts)):
            return True
        new_details = len(details - self.details)
        return new_details <= NEW_DETAILS_SHARE * len(details) and new_words < NEW_WORDS_SHARE


def heard_in(store: FactStore, seen: Iterable[str]) -> Heard:
    """What the session has heard, from its ``seen_facts`` (unknown ids ignored)."""
    return Heard((fact for fact in (store.get(f) for f in seen) if fact is not None), store)


def next_fact(ranker: Ranker, last: str, seen: list[str], entity: str | None) -> Fact | None:
    """The next related fact that is neither spoken nor a repeat of what was spoken.

    About a person, a dog or a place, "more" stays on them: None once their facts are exhausted,
    so the caller can say so and suggest where to go next. About a topic, an event or a film
    (the films, the serum run), it goes on to what the facts on it name (each film, each leg).
    """
    heard = heard_in(ranker.store, seen)
    skipped = [*seen, last]
    subject = ranker.store.entities.get(entity) if entity else None
    stay = subject is not None and subject.type in SUGGESTED_TYPES
    while True:
        fact = ranker.related(last, skipped, entity)
        if fact is None or (stay and entity not in fact.about):
            return None
        if not heard.repeats(fact):
            return fact
        skipped.append(fact.id)


def where_next(store: FactStore, entity_id: str | None, seen: list[str],
               limit: int = 2) -> list[Entity]:
    """People, dogs and places met in the facts about ``entity_id`` whose own story the listener
    has not heard yet, not even in other words, most often mentioned first: what to suggest once
    a subject is exhausted (asking about them speaks their identity fact)."""
    if entity_id is None:
        return []
    counts: Counter[str] = Counter()
    for fact in store.about(entity_id):
        counts.update(e for e in fact.about if e != entity_id)
    heard = heard_in(store, seen)
    found: list[Entity] = []
    for other, _ in counts.most_common():
        entity = store.entities.get(other)
        identity = store.identity_of(other)
        if (entity is None or entity.type not in SUGGESTED_TYPES or identity is None
                or identity.id in seen or heard.repeats(identity)):
            continue
        found.append(entity)
        if len(found) == limit:
            break
    return found
