"""The tolerant parser: align the utterance with each sample, word by word.

A weighted edit distance over words, where a ``{slot}`` may absorb a span of the utterance
(free for a known value or a number, cheaper than a word for a search query, dearer for an
unknown value of an open custom type).  Words are compared after plural stemming, with
one-letter typos forgiven at a price; extra function words cost less than content words.
Only samples sharing words (or slot values) with the utterance are aligned, which keeps this
parser fast on a large model.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from balto.nlu.compiled import (
    NUMBER_TYPES,
    ORDINAL_TYPES,
    SEARCH_QUERY,
    CompiledModel,
    CompiledSample,
    SlotPart,
)
from balto.nlu.result import Candidate, SlotResult
from skill.text import numbers
from skill.text.vocabulary import QUESTION_WORDS, STOPWORDS, edit_distance, stem

#: Words whose absence or presence costs little when aligning an utterance with a sample.
_LIGHT_WORDS = STOPWORDS | QUESTION_WORDS

THRESHOLD = 0.70
#: Fuzzy scores are scaled so a fuzzy reading never outranks an exact one.
SCALE = 0.9
MAX_CANDIDATES = 30
MAX_OPEN_SPAN = 4

COST_NEAR = 0.35
COST_WORD = 1.0
COST_STOPWORD = 0.5
COST_OPEN_CUSTOM = 0.6
COST_SEARCH_QUERY = 0.3
COST_MISSING_SLOT = 1.0
INF = float("inf")


@dataclass(frozen=True)
class _Step:
    prev_i: int
    prev_j: int
    kind: str  # "ins" | "del" | "lit" | "slot" | "skip"


class _Cells:
    """One alignment's table and what filling it needs (see :meth:`FuzzyParser.align`)."""

    __slots__ = ("back", "carrier", "cost", "memo", "parts", "sample", "stems", "words")

    def __init__(self, sample: CompiledSample, parts: list[str | SlotPart], words: list[str],
                 stems: list[str], cost: list[list[float]], back: list[list[_Step | None]],
                 memo: dict[tuple[str, str, bool], float], *, carrier: bool) -> None:
        self.sample, self.parts, self.words, self.stems = sample, parts, words, stems
        self.cost, self.back, self.memo, self.carrier = cost, back, memo, carrier


@functools.lru_cache(maxsize=65536)
def _word_cost(sample_word: str, spoken: str) -> float:
    if sample_word == spoken:
        return 0.0
    if len(sample_word) >= 3 and len(sample_word) == len(spoken) and sorted(sample_word) == sorted(
        spoken
    ):
        return COST_NEAR  # transposed letters: "teh" for "the"
    limit = 2 if len(sample_word) >= 8 else 1
    if len(sample_word) >= 4 and edit_distance(sample_word, spoken, limit) <= limit:
        return COST_NEAR
    return INF


class FuzzyParser:
    """Scores samples against an utterance by word alignment."""

    def __init__(self, compiled: CompiledModel) -> None:
        self.compiled = compiled
        self.stemmed: list[list[str | SlotPart]] = [
            [stem(p) if isinstance(p, str) else p for p in s.parts] for s in compiled.samples
        ]
        self.index: dict[str, set[int]] = {}
        for number, parts in enumerate(self.stemmed):
            for part in parts:
                if isinstance(part, str):
                    self.index.setdefault(part, set()).add(number)
        self.by_type: dict[str, set[int]] = {}
        for number, sample in enumerate(compiled.samples):
            for slot in sample.slot_parts:
                self.by_type.setdefault(slot.slot_type, set()).add(number)
        self.vocabulary_by_initial: dict[str, list[str]] = {}
        for word in self.index:
            self.vocabulary_by_initial.setdefault(word[:1], []).append(word)

    # -- candidate selection ------------------------------------------------------------------
    def _near_words(self, word: str) -> list[str]:
        if word in self.index or len(word) < 4:
            return [word]
        return [w for w in self.vocabulary_by_initial.get(word[:1], [])
                if abs(len(w) - len(word)) <= 1 and edit_distance(w, word, 1) <= 1] or [word]

    def _types_mentioned(self, words: list[str]) -> set[str]:
        found: set[str] = set()
        for size in range(1, min(4, len(words)) + 1):
            for start in range(len(words) - size + 1):
                phrase = " ".join(words[start:start + size])
                for type_name, index in self.compiled.indexes.items():
                    if index.lookup(phrase):
                        found.add(type_name)
                if numbers.parse_number(phrase) is not None:
                    found.update(NUMBER_TYPES)
                if numbers.parse_ordinal(phrase) is not None:
                    found.update(ORDINAL_TYPES)
        return found

    def _shortlist(self, words: list[str]) -> list[int]:
        weights: dict[int, float] = {}
        for word in {stem(w) for w in words}:
            for near in self._near_words(word):
                for number in self.index.get(near, ()):
                    weights[number] = weights.get(number, 0.0) + (
                        0.3 if near in _LIGHT_WORDS else 1.0)
        for type_name in self._types_mentioned(words):
            for number in self.by_type.get(type_name, ()):
                weights[number] = weights.get(number, 0.0) + 1.0
        ranked = sorted(weights.items(), key=lambda item: (-item[1], item[0]))
        return [number for number, weight in ranked[:MAX_CANDIDATES] if weight >= 0.6]

    # -- alignment -------------------------------------------------------------------------------
    def _slot_cost(self, sample: CompiledSample, part: SlotPart, spoken: str) -> float:
        if part.slot_type in NUMBER_TYPES:
            return 0.0 if numbers.parse_number(spoken) is not None else INF
        if part.slot_type in ORDINAL_TYPES:
            return 0.0 if numbers.parse_ordinal(spoken) is not None else INF
        index = self.compiled.indexes.get(part.slot_type)
        if index is None:
            return COST_SEARCH_QUERY
        if index.lookup(spoken):
            return 0.0
        if sample.literal_count == 0 or len(spoken.split()) > MAX_OPEN_SPAN:
            return INF
        return COST_OPEN_CUSTOM

    def _span_cost(self, sample: CompiledSample, part: SlotPart, spoken: str,
                   memo: dict[tuple[str, str, bool], float]) -> float:
        """Slot cost of a span, memoised for the utterance being parsed."""
        key = (part.slot_type, spoken, sample.literal_count > 0)
        if key not in memo:
            memo[key] = self._slot_cost(sample, part, spoken)
        return memo[key]

    def align(self, number: int, words: list[str],
              memo: dict[tuple[str, str, bool], float] | None = None) -> Candidate | None:
        """Align sample ``number`` with the utterance words; None when below threshold."""
        memo = {} if memo is None else memo
        sample = self.compiled.samples[number]
        parts = self.stemmed[number]
        rows, cols = len(parts) + 1, len(words) + 1
        cost = [[INF] * cols for _ in range(rows)]
        back: list[list[_Step | None]] = [[None] * cols for _ in range(rows)]
        cost[0][0] = 0.0
        # Costs only grow from row to row: once a whole row exceeds the budget, give up.
        budget = (1.0 - THRESHOLD) * max(len(parts), 1)
        cell = _Cells(sample, parts, words, [stem(w) for w in words], cost, back, memo,
                      # A search query needs its carrier phrase (as ASK requires): no dropped
                      # literals.
                      carrier=any(p.slot_type == SEARCH_QUERY for p in sample.slot_parts))
        for i in range(rows):
            if min(cost[i]) > budget:
                return None
            for j in range(cols):
                if cost[i][j] != INF:
                    self._extend(cell, i, j)
        total = cost[rows - 1][cols - 1]
        units = max(len(parts), 1)
        score = 1.0 - total / units
        if score < THRESHOLD:
            return None
        slots, literal_hits = self._trace(sample, back, words)
        if sample.literal_count and not literal_hits:
            return None
        return Candidate(sample.intent, round(score * SCALE, 4), "fuzzy", sample.text, slots,
                         f"alignment cost {total:.2f} over {units} parts",
                         literals=literal_hits)

    def _extend(self, cell: _Cells, i: int, j: int) -> None:
        """Every step out of cell (i, j): an extra word, a dropped or matched literal, a slot
        skipped or filled by the next words."""
        cost, back, words, here = cell.cost, cell.back, cell.words, cell.cost[i][j]
        if j < len(words):
            extra = COST_STOPWORD if words[j] in _LIGHT_WORDS else COST_WORD
            self._relax(cost, back, i, j, i, j + 1, here + extra, "ins")
        if i == len(cell.parts):
            return
        part = cell.parts[i]
        if isinstance(part, str):
            drop = INF if cell.carrier else COST_STOPWORD if part in _LIGHT_WORDS else COST_WORD
            self._relax(cost, back, i, j, i + 1, j, here + drop, "del")
            if j < len(words):
                step = _word_cost(part, cell.stems[j])
                self._relax(cost, back, i, j, i + 1, j + 1, here + step, "lit")
            return
        self._relax(cost, back, i, j, i + 1, j, here + COST_MISSING_SLOT, "skip")
        for k in range(j + 1, len(words) + 1):
            step = self._span_cost(cell.sample, part, " ".join(words[j:k]), cell.memo)
            self._relax(cost, back, i, j, i + 1, k, here + step, "slot")

    @staticmethod
    def _relax(cost: list[list[float]], back: list[list[_Step | None]], i: int, j: int,
               ni: int, nj: int, value: float, kind: str) -> None:
        if value < cost[ni][nj]:
            cost[ni][nj] = value
            back[ni][nj] = _Step(i, j, kind)

    def _trace(self, sample: CompiledSample, back: list[list[_Step | None]],
               words: list[str]) -> tuple[dict[str, SlotResult], int]:
        slots: dict[str, SlotResult] = {}
        literal_hits = 0
        i, j = len(back) - 1, len(back[0]) - 1
        while (i, j) != (0, 0):
            step = back[i][j]
            if step is None:
                break
            if step.kind == "lit":
                literal_hits += 1
            elif step.kind == "slot":
                part = sample.parts[step.prev_i]
                assert isinstance(part, SlotPart)
                spoken = " ".join(words[step.prev_j:j])
                result, _ = self.compiled.slot_result(part.name, part.slot_type, spoken)
                slots[part.name] = result
            i, j = step.prev_i, step.prev_j
        return slots, literal_hits

    # -- entry point --------------------------------------------------------------------------
    def candidates(self, words: list[str]) -> list[Candidate]:
        """Readings above threshold, best first, one per intent."""
        found: list[Candidate] = []
        memo: dict[tuple[str, str, bool], float] = {}
        for number in self._shortlist(words):
            candidate = self.align(number, words, memo)
            if candidate is not None:
                found.append(candidate)
        found.sort(key=lambda c: (-c.score, -c.literals))
        best: dict[str, Candidate] = {}
        for candidate in found:
            best.setdefault(candidate.intent, candidate)
        return list(best.values())
