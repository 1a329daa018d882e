"""Typed records for the fact store (facts, sources, entities).

The records are :class:`~skill.records.Record` classes rather than frozen dataclasses: just as
immutable, and creating the classes costs a small fraction of ``@dataclass(frozen=True,
slots=True)`` (which builds every class twice), which counts on the Lambda cold start.
"""

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


class Source(Record):
    """Where a fact comes from (tag as used in the research brief)."""

    __slots__ = ()

    tag: str
    title: str
    url: str | None


class Entity(Record):
    """A dog, person, place, event, topic or film the listener can ask about."""

    __slots__ = ()

    id: str
    type: str
    name: str
    synonyms: tuple[str, ...]

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
