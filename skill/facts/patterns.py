"""Regular expressions from the data, compiled only when a question could match them.

Why: the lexicon's idiom rewrites and its out-of-scope patterns are tried on every question,
and compiling them all costs a cold one-shot question about 2 ms (unpickling a compiled
pattern compiles it again). Each pattern carries a *gate*: strings one of which any match must
contain (found when the lexicon is loaded, from the pattern's own literal words: "what about
(.+)" needs "what about"). A question holding none of them cannot match, and the pattern is
neither compiled nor run. Pure: standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

#: A gate string shorter than this says too little to be worth checking.
_MIN_GATE = 3


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


class GatedPattern:
    """A pattern compiled on first need, tried only on text holding one of its gate strings
    (every text when it has none)."""

    __slots__ = ("pattern", "gate")

    def __init__(self, pattern: str, gate: tuple[str, ...] | None = None) -> None:
        self.pattern = pattern
        self.gate = gate

    def __reduce__(self) -> tuple[Any, ...]:
        return (GatedPattern, (self.pattern, self.gate))

    def _open(self, text: str) -> bool:
        return self.gate is None or any(g in text for g in self.gate)

    def search(self, text: str) -> re.Match[str] | None:
        return _compiled(self.pattern).search(text) if self._open(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return _compiled(self.pattern).finditer(text) if self._open(text) else iter(())

    def sub(self, replacement: str, text: str) -> str:
        return _compiled(self.pattern).sub(replacement, text) if self._open(text) else text


class AnyOf:
    """Several gated patterns as one: a match of any of them (``finditer`` gives each one's
    matches in turn, not one leftmost pass over all)."""

    __slots__ = ("patterns",)

    def __init__(self, patterns: Sequence[GatedPattern]) -> None:
        self.patterns = tuple(patterns)

    def __reduce__(self) -> tuple[Any, ...]:
        return (AnyOf, (self.patterns,))

    def search(self, text: str) -> re.Match[str] | None:
        return next((m for p in self.patterns if (m := p.search(text)) is not None), None)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        for pattern in self.patterns:
            yield from pattern.finditer(text)


def gated(pattern: str) -> GatedPattern:
    """The pattern with its gate (raises ``re.error`` for a pattern that does not compile)."""
    re.compile(pattern)  # (a bad pattern fails now, where the data is read, not mid-question)
    return GatedPattern(pattern, gate(pattern))


def gate(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which every match of the pattern contains: of its top-level parts that
    are literal text or a group of literal alternatives, the one whose shortest string is
    longest ("at the" of "... (.+?) at the (?:very )?end$"); None if none is long enough."""
    candidates: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, av in _parser.parse(pattern):
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            candidates.append(("".join(run),))
            run = []
        alternatives = _alternatives(op, av)
        if alternatives:
            candidates.append(alternatives)
    if run:
        candidates.append(("".join(run),))
    best = max(candidates, key=lambda c: min(len(s.strip()) for s in c), default=None)
    if best is None or min(len(s.strip()) for s in best) < _MIN_GATE:
        return None
    return best


def _alternatives(op: Any, av: Any) -> tuple[str, ...] | None:
    """The literal strings a group or branch matches, one of which must appear; None when
    any branch is more than literal text."""
    if op is sre.SUBPATTERN:
        items = list(av[-1])
        if len(items) == 1 and items[0][0] is sre.BRANCH:
            return _alternatives(*items[0])
        return _literal(items)
    if op is sre.BRANCH:
        found = [_literal(list(branch)) for branch in av[1]]
        if all(f is not None for f in found):
            return tuple(s for f in found if f is not None for s in f)
    return None


def _literal(items: list[Any]) -> tuple[str, ...] | None:
    if items and all(op is sre.LITERAL for op, _ in items):
        return ("".join(chr(av) for _, av in items),)
    return None
