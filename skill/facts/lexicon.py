"""Ranking vocabulary: listener words folded together, background entities, idiom rewrites.

Data, not code: ``data/lexicon.json`` (its ``_comment`` says what each part is for). Loaded once,
on the first question. Pure: standard library only.
"""

import json
import os
import re
from collections.abc import Iterable
from functools import cache

from skill.facts.patterns import AnyOf, GatedPattern, gated
from skill.facts.store import FactStoreError, data_file
from skill.records import Record
from skill.text.terms import content_terms
from skill.text.vocabulary import NEGATED_AUXILIARIES, stem

#: A plain string, not a ``pathlib.Path``: the serving path does not import pathlib.
_LEXICON_PATH = data_file("lexicon.json")
_EVERYDAY_PATH = data_file("everyday_words.txt")


@cache
def _denying(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the phrases, as whole words."""
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, phrases))})\b")


class Lexicon(Record):
    """Ranking vocabulary from ``data/lexicon.json`` (see the file's comment for why)."""

    __slots__ = ()

    canonical: dict[str, str]
    background: frozenset[str]
    topic_words: frozenset[str]
    rewrites: tuple[tuple[GatedPattern, str], ...] = ()
    out_of_scope: AnyOf | None = None
    chatter: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    domain: frozenset[str] = frozenset()
    #: (claimed words, the phrases that deny them): compiled only when a yes/no needs them.
    contraries: tuple[tuple[frozenset[str], tuple[str, ...]], ...] = ()
    #: The terms of words a fact may deny by saying their contrary ("awake": "asleep").
    claims: frozenset[str] = frozenset()
    #: Words and the terms a fact uses for their absence: "no *fresh* antitoxin" is
    #: "*expired* antitoxin".
    negated: tuple[tuple[frozenset[str], tuple[str, ...]], ...] = ()

    def vocabulary(self) -> set[str]:
        """Every word the lexicon lists (listener words, chatter, claims with contraries:
        "was Rohn *awake*" is a question the store can answer: no)."""
        claims = {w for words, _ in self.contraries for w in words}
        return set(self.words) | set(self.chatter) | claims

    @staticmethod
    def everyday_words(path: str = _EVERYDAY_PATH) -> list[str]:
        """The most common words of English (``data/everyday_words.txt``, whose header says
        where they come from): read only where the understanding is built, not to answer."""
        try:
            with open(path, encoding="utf-8") as handle:
                return [line.strip() for line in handle
                        if line.strip() and not line.startswith("#")]
        except OSError as exc:
            raise FactStoreError(f"{path}: unreadable word list ({exc})") from exc

    @classmethod
    def load(cls, path: str | os.PathLike[str] = _LEXICON_PATH) -> "Lexicon":
        try:
            with open(path, encoding="utf-8") as handle:
                raw = json.load(handle)
            groups = raw["equivalents"]
            background = frozenset(raw["background_entities"])
            topic = raw["topic_words"]
            rewrites = tuple((gated(p), r) for p, r in raw.get("rewrites", []))
            scope = raw.get("out_of_scope", [])
            chatter = frozenset(raw.get("chatter", []))
            domain = frozenset(raw.get("domain_words", []))
            out_of_scope = AnyOf([gated(p) for p in scope]) if scope else None
            contraries = tuple((frozenset(claimed), tuple(denying))
                               for claimed, denying in raw.get("contraries", []))
            negated = tuple((frozenset(words),
                             tuple(t for w in absent for t in content_terms(w)))
                            for words, absent in raw.get("negated", []))
        except (OSError, ValueError, KeyError, TypeError, re.error) as exc:
            raise FactStoreError(f"{path}: unreadable lexicon ({exc})") from exc
        canonical: dict[str, str] = {}
        for group in groups:
            head = stem(group[0])
            for word in group:
                canonical.setdefault(stem(word), head)
        topic_words = frozenset(canonical.get(stem(w), stem(w)) for w in topic)
        words = frozenset(w for group in groups for w in group)
        claims = frozenset(canonical.get(t, t) for claimed, _ in contraries for w in claimed
                           for t in content_terms(w))
        return cls(canonical, background, topic_words, rewrites, out_of_scope, chatter, words,
                   domain, contraries, claims, negated)

    def rewrite(self, text: str) -> str:
        """Apply the idiom rewrites ("where was X from" -> "where was X born")."""
        for pattern, replacement in self.rewrites:
            text = pattern.sub(replacement, text)
        return text

    def contrary(self, claimed: Iterable[str], text: str) -> str | None:
        """The first claimed word whose contrary ``text`` says, if any."""
        for words, denying in self.contraries:
            for word in claimed:
                if word in words and _denying(denying).search(text):
                    return word
        return None

    def absent_terms(self, text: str) -> list[str]:
        """The terms a fact uses for what the text says is missing: "why was there *no good*
        antitoxin": "expired". A negation up to three words before the word says it."""
        words = text.split()
        found: list[str] = []
        for i, word in enumerate(words):
            if not _NEGATING & set(words[max(0, i - 3):i]):
                continue
            found += [self.canonical.get(t, t) for said, absent in self.negated
                      if word in said for t in absent]
        return found

    def terms(self, text: str) -> list[str]:
        """Content terms with equivalent words folded together."""
        return [self.canonical.get(t, t) for t in content_terms(text)]


#: Words that say something is missing or was not done.
_NEGATING = NEGATED_AUXILIARIES | {"no", "not", "never", "without"}
