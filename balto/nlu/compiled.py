"""Compile an interaction model once into what the parsers need.

* a value index per custom slot type (values and synonyms, exact and plural-stemmed);
* every sample utterance split into literal words and slot references, with a regex that
  has one named group per slot (known values first, then an open wildcard for custom types,
  because custom slot types are open lists on Alexa);
* the standard phrases of each declared built-in intent;
* samples that two intents share are dropped (and reported), as snips-nlu does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from balto.nlu.language_model import BUILTIN_INTENT_PHRASES, SLOT_REF, InteractionModel, SlotType
from balto.nlu.result import ER_SUCCESS_MATCH, ER_SUCCESS_NO_MATCH, SlotResult
from skill.text import numbers
from skill.text.normalise import normalise
from skill.text.vocabulary import edit_distance, stem

NUMBER_TYPES = frozenset({"AMAZON.NUMBER", "AMAZON.FOUR_DIGIT_NUMBER"})
ORDINAL_TYPES = frozenset({"AMAZON.Ordinal"})
SEARCH_QUERY = "AMAZON.SearchQuery"

#: Score deductions per slot kind: an exact literal sample with known values scores 1.0.
PENALTY_OPEN_CUSTOM = 0.25
PENALTY_SEARCH_QUERY = 0.15
PENALTY_OPEN_BUILTIN = 0.10
PENALTY_NEAR = 0.05
OPEN_TEXT = r"[a-z0-9'][a-z0-9' ]*?"


@dataclass(frozen=True)
class SlotPart:
    """A ``{slot}`` reference inside a sample."""

    name: str
    slot_type: str


Part = str | SlotPart


@dataclass
class ValueIndex:
    """Phrase -> (canonical, id) lookups for one custom slot type."""

    type_name: str
    exact: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    stemmed: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)

    @classmethod
    def build(cls, slot_type: SlotType) -> ValueIndex:
        """Index every value and synonym of ``slot_type``."""
        index = cls(slot_type.name)
        for value in slot_type.values:
            target = (value.name, value.id)
            for phrase in (value.name, *value.synonyms):
                key = normalise(phrase)
                if not key:
                    continue
                for table, k in ((index.exact, key), (index.stemmed, stem_phrase(key))):
                    bucket = table.setdefault(k, [])
                    if target not in bucket:
                        bucket.append(target)
        return index

    def lookup(self, phrase: str) -> list[tuple[str, str | None]]:
        """Resolution matches for a spoken phrase.

        Exact first, then plural-insensitive, then with a leading article dropped or added
        ("the diphtheria outbreak" for the synonym "diphtheria outbreak"), since samples and
        speakers differ on articles more than on anything else.
        """
        for variant in _article_variants(phrase):
            found = self.exact.get(variant) or self.stemmed.get(stem_phrase(variant))
            if found:
                return found
        return []

    def lookup_near(self, phrase: str) -> list[tuple[str, str | None]]:
        """Matches for a phrase one typo away from a known phrase of five letters or more."""
        if len(phrase) < 5:
            return []
        words = phrase.split()
        found: list[tuple[str, str | None]] = []
        for known, targets in self.exact.items():
            if abs(len(known) - len(phrase)) > 1 or edit_distance(known, phrase, 1) > 1:
                continue
            if _plausible_typo(known.split(), words):
                found.extend(t for t in targets if t not in found)
        return found

    def phrases(self) -> list[str]:
        """All known phrases, longest first (so regex alternation prefers the longest)."""
        return sorted(self.exact, key=lambda p: (-len(p), p))


def _plausible_typo(known: list[str], heard: list[str]) -> bool:
    """A slip inside one word, not another real word.

    The first letter of every word must agree ("the trail" is not "the rail"), and a changed
    letter (rather than a doubled or dropped one) counts only in a long word ("trail" is not
    "train", but "seppalla" is "seppala" and "gonangnon" is "gonangnan").
    """
    if len(known) != len(heard):
        return False
    for a, b in zip(known, heard, strict=True):
        if a == b:
            continue
        if a[:1] != b[:1] or (len(a) == len(b) and len(a) < 7):
            return False
    return True


def _article_variants(phrase: str) -> list[str]:
    head, _, rest = phrase.partition(" ")
    if head in ("the", "a", "an") and rest:
        return [phrase, rest]
    return [phrase, f"the {phrase}"]


def stem_phrase(phrase: str) -> str:
    """Stem every word of a phrase."""
    return " ".join(stem(w) for w in phrase.split())


@dataclass
class CompiledSample:
    """One sample utterance, ready for the exact and the fuzzy parser."""

    intent: str
    text: str
    parts: tuple[Part, ...]
    regex: re.Pattern[str]
    groups: dict[str, str]  # regex group -> slot name
    literal_count: int

    @property
    def slot_parts(self) -> list[SlotPart]:
        """The slot references, in order."""
        return [p for p in self.parts if isinstance(p, SlotPart)]

    def signature(self) -> str:
        """The sample with slot names replaced by their types (for duplicate detection)."""
        return " ".join(p if isinstance(p, str) else "{" + p.slot_type + "}" for p in self.parts)


class CompiledModel:
    """An interaction model compiled for matching."""

    def __init__(self, model: InteractionModel) -> None:
        self.model = model
        self.indexes: dict[str, ValueIndex] = {
            name: ValueIndex.build(slot_type) for name, slot_type in model.types.items()
        }
        self.samples: list[CompiledSample] = []
        self.dropped: list[tuple[str, tuple[str, ...]]] = []
        self._compile_samples()
        self.value_words: frozenset[str] = frozenset(
            stem(word) for index in self.indexes.values() for phrase in index.exact
            for word in phrase.split()
        )

    # -- compilation -----------------------------------------------------------------------
    def _compile_samples(self) -> None:
        by_signature: dict[str, list[CompiledSample]] = {}
        for intent in self.model.intents:
            texts = list(intent.samples)
            if intent.builtin:
                texts += [p for p in BUILTIN_INTENT_PHRASES.get(intent.name, ()) if p not in texts]
            for text in texts:
                compiled = self.compile_sample(intent.name, text)
                if compiled is None:
                    continue
                bucket = by_signature.setdefault(compiled.signature(), [])
                if all(c.intent != compiled.intent for c in bucket):
                    bucket.append(compiled)
        for signature, bucket in by_signature.items():
            if len(bucket) > 1:
                self.dropped.append((signature, tuple(c.intent for c in bucket)))
            else:
                self.samples.append(bucket[0])

    def compile_sample(self, intent_name: str, text: str) -> CompiledSample | None:
        """Split a sample into parts and build its regex; None for an empty sample."""
        intent = self.model.intent(intent_name)
        parts: list[Part] = []
        position = 0
        for match in SLOT_REF.finditer(text):
            parts.extend(normalise(text[position:match.start()]).split())
            slot = intent.slot(match.group(1)) if intent else None
            parts.append(SlotPart(match.group(1), slot.type if slot else SEARCH_QUERY))
            position = match.end()
        parts.extend(normalise(text[position:]).split())
        if not parts:
            return None
        literal_count = sum(1 for p in parts if isinstance(p, str))
        groups: dict[str, str] = {}
        pieces: list[str] = []
        for part in parts:
            if isinstance(part, str):
                pieces.append(re.escape(part))
                continue
            group = f"s{len(groups)}"
            groups[group] = part.name
            custom_slots = sum(1 for p in parts
                               if isinstance(p, SlotPart) and p.slot_type in self.indexes)
            pattern = self._slot_pattern(part.slot_type, closed=custom_slots > 1)
            pieces.append(f"(?P<{group}>{pattern})")
        regex = re.compile("^" + " ".join(pieces) + "$")
        return CompiledSample(intent_name, text, tuple(parts), regex, groups, literal_count)

    def _slot_pattern(self, slot_type: str, closed: bool) -> str:
        """The regex of one slot group.

        Open text for custom types (they are open lists; the value is resolved after the
        match), except in samples with several custom slots, where known values are tried
        first so the split between the slots lands on values the model knows.  Known-value
        alternations are slow to compile, hence only where they change the outcome.
        """
        if slot_type in NUMBER_TYPES:
            return numbers.NUMBER_PATTERN
        if slot_type in ORDINAL_TYPES:
            return numbers.ORDINAL_PATTERN
        index = self.indexes.get(slot_type)
        if index is None or not closed:
            return OPEN_TEXT
        known = "|".join(re.escape(p) for p in index.phrases())
        return f"{known}|{OPEN_TEXT}" if known else OPEN_TEXT

    # -- slot values -----------------------------------------------------------------------
    def slot_result(self, name: str, slot_type: str, spoken: str) -> tuple[SlotResult, float]:
        """Resolve a spoken slot value; returns the result and the score deduction."""
        if slot_type in NUMBER_TYPES:
            value = numbers.parse_number(spoken)
            text = spoken if value is None else str(value)
            return SlotResult(name, text, slot_type), 0.0 if value is not None else 1.0
        if slot_type in ORDINAL_TYPES:
            value = numbers.parse_ordinal(spoken)
            text = spoken if value is None else str(value)
            return SlotResult(name, text, slot_type), 0.0 if value is not None else 1.0
        index = self.indexes.get(slot_type)
        if index is None:
            penalty = PENALTY_SEARCH_QUERY if slot_type == SEARCH_QUERY else PENALTY_OPEN_BUILTIN
            return SlotResult(name, spoken, slot_type), penalty
        matches = index.lookup(spoken)
        if matches:
            return SlotResult(name, spoken, slot_type, ER_SUCCESS_MATCH, tuple(matches)), 0.0
        near = index.lookup_near(spoken)
        if near:
            return SlotResult(name, spoken, slot_type, ER_SUCCESS_MATCH, tuple(near)), PENALTY_NEAR
        return SlotResult(name, spoken, slot_type, ER_SUCCESS_NO_MATCH), PENALTY_OPEN_CUSTOM
