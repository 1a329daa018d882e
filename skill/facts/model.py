"""Typed records for the fact store (facts, sources, entities): :class:`~skill.records.Record`
classes (skill/records.py says why not dataclasses)."""

import re
from collections.abc import Mapping
from typing import Any

from skill.records import Record

#: The question shapes a fact can answer; the closed list keeps data and ranking in step.
ASPECTS: frozenset[str] = frozenset(
    {
        "identity", "distance", "when", "where", "where_now", "why", "how", "how_many",
        "duration", "temperature", "death", "later_life", "breed", "role", "legacy", "film",
        "controversy", "number", "what",
    }
)

ENTITY_TYPES: frozenset[str] = frozenset({"dog", "person", "place", "event", "topic", "film"})


#: The kinds of source: records made at the time and archives, museums and institutions on their
#: own holdings or events; newspapers and magazines; books; encyclopedias; and everything else on
#: the web (fan, club and tour sites, blogs), the weakest. A fact resting on nothing stronger is
#: spoken as one account (:data:`HEDGE`), never as settled.
TIERS: tuple[str, ...] = ("primary", "newspaper", "book", "encyclopedia", "other web")
WEAKEST_TIER = "other web"

#: How a fact that rests only on the weakest tier begins, so the listener hears it as one account.
HEDGE = "One account says"

#: What a question naming nothing is about: the relay itself.
IMPLIED_SUBJECT = "relay"


class Source(Record):
    """Where a fact comes from: a web page (``url``) or a book (author, publisher, year).

    A book is cited as a book, never as a link to a copy of it.
    """

    __slots__ = ()

    tag: str
    tier: str
    title: str
    url: str | None = None
    author: str | None = None
    publisher: str | None = None
    year: int | None = None

    @property
    def is_book(self) -> bool:
        return self.tier == "book"

    @property
    def reference(self) -> str:
        """A short reference for an answer's card: the book in full, a page by its title."""
        if self.is_book:
            return f"{self.author}, {self.title} ({self.publisher}, {self.year})"
        return self.title

    @property
    def citation(self) -> str:
        """The full reference, as shown when the listener asks for the sources: with the link."""
        return self.reference if self.is_book else f"{self.title}, {self.url}"

    @property
    def spoken_name(self) -> str:
        """The reference as said aloud: a book by title and author, a page by its title."""
        if self.is_book:
            return f"the book {self.title.split(':')[0]}, by {self.author}"
        return self.title


class Entity(Record):
    """A dog, person, place, event, topic or film the listener can ask about."""

    __slots__ = ()

    id: str
    type: str
    name: str
    synonyms: tuple[str, ...]
    #: For a place, the state or territory it is in ("Ohio"): what "did Balto die in Alaska"
    #: is checked against.
    region: str | None = None

    @property
    def spoken_name(self) -> str:
        """The name as said mid-sentence: no parenthetical, a leading "The" lower-cased.

        "Want to hear more about the diphtheria antitoxin?" rather than "... about The diphtheria
        antitoxin (serum)?".
        """
        name = re.sub(r"\s*\([^)]*\)", "", self.name).strip()
        return "the " + name[4:] if name.startswith("The ") else name

    @property
    def spoken_forms(self) -> tuple[str, ...]:
        """Every lower-case way a listener may name this entity (name first)."""
        return (self.name.lower(), *self.synonyms)

    def named_in(self, text: str) -> bool:
        """Whether lower-case ``text`` names this entity by any of its forms."""
        return any(form in text for form in self.spoken_forms)


class Fact(Record):
    """One sourced, speakable answer.

    ``disagreement`` is spoken after the answer whenever sources differ, so the skill never picks a
    version silently.
    """

    __slots__ = ()

    id: str
    about: tuple[str, ...]
    aspects: frozenset[str]
    cues: tuple[str, ...]
    answer: str
    card: str
    sources: tuple[str, ...]
    disagreement: str | None = None
    #: What the fact answers, per entity: relation ("death.when") -> value. A value is what a
    #: comparison or a yes/no check reads (a date "1933-03-14", a number, an entity id, a word,
    #: True/False, {"v": main, "alt": [...]}, {"min": a, "max": b}); ``True`` alone means the
    #: fact answers the relation without a comparable value.
    answers: Mapping[str, Mapping[str, Any]] = {}

    @property
    def spoken(self) -> str:
        """The full spoken answer, the disagreement note included."""
        return f"{self.answer} {self.disagreement}" if self.disagreement else self.answer
