"""The deterministic parser: each sample as an anchored regex, precision first.

Every sample that matches the utterance becomes a candidate scored 1.0 minus a deduction per
slot that was not a known value (open custom values, free search queries).  The best wins;
when two different intents tie on score and on literal words matched, the match is
ambiguous and this parser abstains (as snips-nlu does) so a later stage decides.
"""

from __future__ import annotations

from balto.nlu.compiled import CompiledModel, CompiledSample
from balto.nlu.result import ER_SUCCESS_NO_MATCH, Candidate, SlotResult


def match_sample(compiled: CompiledModel, sample: CompiledSample, text: str) -> Candidate | None:
    """Match one sample against normalised text; None when the regex does not match."""
    found = sample.regex.match(text)
    if found is None:
        return None
    score = 1.0
    slots: dict[str, SlotResult] = {}
    for group, slot_name in sample.groups.items():
        spoken = found.group(group)
        part = next(p for p in sample.slot_parts if p.name == slot_name)
        result, penalty = compiled.slot_result(slot_name, part.slot_type, spoken)
        if penalty >= 1.0:
            return None
        if sample.literal_count == 0 and result.status == ER_SUCCESS_NO_MATCH:
            # A sample that is nothing but a custom slot would swallow every utterance if it
            # were open: it matches known values only.
            return None
        score -= penalty
        slots[slot_name] = result
    return Candidate(sample.intent, round(score, 4), "exact", sample.text, slots,
                     literals=sample.literal_count)


def exact_candidates(compiled: CompiledModel, text: str) -> list[Candidate]:
    """All exact matches, best first (score, then more literal words, then model order)."""
    ranked: list[tuple[float, int, int, Candidate]] = []
    for order, sample in enumerate(compiled.samples):
        candidate = match_sample(compiled, sample, text)
        if candidate is not None:
            ranked.append((-candidate.score, -sample.literal_count, order, candidate))
    ranked.sort(key=lambda item: item[:3])
    best_by_intent: dict[str, Candidate] = {}
    ordered: list[Candidate] = []
    for *_, candidate in ranked:
        if candidate.intent not in best_by_intent:
            best_by_intent[candidate.intent] = candidate
            ordered.append(candidate)
    return ordered

