"""Someone named by a deed ("the man who drove balto"), resolved to the one who did it.

A question may name someone by what they did rather than by name: "where was *the man who
drove balto* born", "who was born first, the man who drove togo or the man who drove balto".
The description is a question of its own ("who drove balto") which the skill already answers;
the one its answer records stands in for the description, and the question is asked again with
the name. Only a description that ends in a name is read this way: the name is what the deed
was done to or with, and so what lets the deed be looked up.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

#: Nouns for someone a deed describes ("the *musher* who drove balto", "the *dog* that led").
_DESCRIBED = frozenset(
    "man musher guy fellow person woman lady driver dog husky one".split())
#: Words that open the description ("*the* man who", "*that* musher who").
_DETERMINERS = frozenset("the that this".split())
#: Words that open the deed ("the man *who* drove", "the dog *that* led").
_RELATIVES = frozenset("who that".split())
#: The most words from the relative word to the name that ends the deed ("who drove *balto*",
#: "that brought the serum into *nome*").
_DEED_WORDS = 6


class Mentioned(Protocol):
    """A name found in the words (see :class:`skill.facts.names.Mention`)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


class Description(tuple[int, int, int]):
    """Where a description lies in the words: its first word, its relative word, its end."""

    __slots__ = ()

    @property
    def start(self) -> int:
        return self[0]

    @property
    def relative(self) -> int:
        return self[1]

    @property
    def end(self) -> int:
        return self[2]

    def deed(self, words: Sequence[str]) -> list[str]:
        """The deed asked as a question of its own: "who drove balto"."""
        return ["who", *words[self.relative + 1:self.end]]


def _opens_at(words: Sequence[str], i: int) -> bool:
    """Whether a description opens at word ``i`` ("*the man who* ...")."""
    return (words[i] in _DETERMINERS and words[i + 1] in _DESCRIBED
            and words[i + 2] in _RELATIVES)


def may_describe(words: Sequence[str]) -> bool:
    """Whether a description may be in the words at all: a cheap look before names are
    sought in them (most questions have none)."""
    return any(_opens_at(words, i) for i in range(len(words) - 3))


def descriptions(words: Sequence[str], mentions: Sequence[Mentioned]) -> list[Description]:
    """Every description by a deed in the words, left to right, each ending at the first name
    after its relative word."""
    found: list[Description] = []
    for i in range(len(words) - 3):
        if not _opens_at(words, i):
            continue
        if found and i < found[-1].end or any(m.start <= i + 2 < m.end for m in mentions):
            continue  # (inside another, or a name the store gives: "the dog who played togo")
        name = next((m for m in mentions if i + 3 < m.end <= i + 3 + _DEED_WORDS
                     and m.start > i + 2), None)
        if name is not None:
            found.append(Description((i, i + 2, name.end)))
    return found
