"""The NLU engine: an ordered list of parsers, the first confident reading wins.

1. **exact** – every sample as an anchored regex (see :mod:`balto.nlu.exact`), first on the
   utterance as heard, then with hesitations and politeness words removed;
2. **fuzzy** – word alignment with typos, plurals and extra words tolerated
   (:mod:`balto.nlu.fuzzy`), accepted above a threshold; it is also consulted when the exact
   winner is weak (a free search query, or an unknown value), and a near-exact specific
   reading with every slot resolved then wins ("tell me the stories" is StoryIntent, not
   "tell me {query}");
3. **catch-all** – a declared rule for a question-and-answer skill: an unmatched utterance of
   at least ``CATCH_ALL_MIN_WORDS`` words that starts like a question or mentions a word of a
   slot value (a dog, a person, a place...) goes, whole, into the search-query slot of the
   catch-all intent (by default the one intent that has an ``AMAZON.SearchQuery`` slot, or
   ``QuestionIntent`` when several have one; see :func:`default_catch_all`).  Alexa routes
   such utterances to SearchQuery intents in practice, and the skill's question handler
   decides relevance;
4. **fallback** – ``AMAZON.FallbackIntent``.

Deterministic: the same model and utterance always give the same resolution.
"""

from __future__ import annotations

from dataclasses import dataclass

from balto.nlu.compiled import SEARCH_QUERY, CompiledModel
from balto.nlu.exact import exact_candidates
from balto.nlu.fuzzy import FuzzyParser
from balto.nlu.language_model import InteractionModel
from balto.nlu.result import (
    ER_SUCCESS_NO_MATCH,
    FALLBACK_INTENT,
    Candidate,
    Resolution,
    SlotResult,
)
from skill.text.normalise import HESITATIONS, normalise, strip_fillers
from skill.text.terms import content_words
from skill.text.vocabulary import stem

CATCH_ALL_MIN_WORDS = 3
CLEANED_SCALE = 0.97
#: A fuzzy reading with every slot resolved and at least this score beats an exact reading
#: that rests on a free search query or an unknown slot value.
FUZZY_OVERRIDE = 0.72
QUESTION_STARTS = frozenset(
    {"who", "whom", "whose", "what", "what's", "whats", "when", "where", "where's", "why",
     "how", "how's", "which", "did", "was", "were", "is", "are", "does", "do", "can",
     "could", "tell", "explain", "describe"}
)


@dataclass(frozen=True)
class CatchAll:
    """The intent and search-query slot that receive unmatched wordy utterances."""

    intent: str
    slot: str
    min_words: int = CATCH_ALL_MIN_WORDS
    #: Terse keyword queries ("togo death", "balto statue") need fewer words when they name
    #: something the model knows (a word of a custom slot value).
    min_words_naming_value: int = 2


PREFERRED_CATCH_ALL = "QuestionIntent"


def default_catch_all(model: InteractionModel) -> CatchAll | None:
    """The intent that receives unmatched wordy utterances, chosen by a declared rule.

    The single intent with an ``AMAZON.SearchQuery`` slot; when several intents have one,
    the one named ``QuestionIntent``; otherwise there is no catch-all and unmatched
    utterances go to ``AMAZON.FallbackIntent``.
    """
    found = [(i.name, s.name) for i in model.intents for s in i.slots if s.type == SEARCH_QUERY]
    if len(found) == 1:
        return CatchAll(*found[0])
    preferred = [pair for pair in found if pair[0] == PREFERRED_CATCH_ALL]
    return CatchAll(*preferred[0]) if len(preferred) == 1 else None


class NluEngine:
    """Resolve utterances to intents and slots against one compiled interaction model."""

    def __init__(self, model: InteractionModel, catch_all: CatchAll | None | str = "auto") -> None:
        self.model = model
        self.compiled = CompiledModel(model)
        self.fuzzy = FuzzyParser(self.compiled)
        self.catch_all: CatchAll | None = (
            default_catch_all(model) if catch_all == "auto" else
            catch_all if isinstance(catch_all, CatchAll) else None
        )

    # -- stages ---------------------------------------------------------------------------------
    @staticmethod
    def _pick(candidates: list[Candidate]) -> tuple[Candidate | None, str]:
        """The winner, or None when the top two intents tie (an ambiguous match)."""
        if not candidates:
            return None, "no sample matched"
        best = candidates[0]
        if len(candidates) > 1:
            second = candidates[1]
            if abs(second.score - best.score) < 0.005 and second.literals == best.literals:
                return None, (f"ambiguous: {best.intent} and {second.intent} both match "
                              f"({best.sample!r} / {second.sample!r})")
        return best, ""

    def _exact(self, text: str, cleaned: str) -> list[Candidate]:
        """Exact readings of the utterance as heard and with fillers removed, best first."""
        candidates = exact_candidates(self.compiled, text)
        if cleaned and cleaned != text:
            candidates += [
                Candidate(c.intent, round(c.score * CLEANED_SCALE, 4), "exact-cleaned",
                          c.sample, c.slots, "after removing filler words", c.literals)
                for c in exact_candidates(self.compiled, cleaned)
            ]
        candidates.sort(key=lambda c: (-c.score, -c.literals))
        best: dict[str, Candidate] = {}
        for candidate in candidates:
            best.setdefault(candidate.intent, candidate)
        return list(best.values())

    @staticmethod
    def _weak(candidate: Candidate) -> bool:
        """A reading resting on a free search query or an unknown value of an open list."""
        return any(slot.slot_type == SEARCH_QUERY or slot.status == ER_SUCCESS_NO_MATCH
                   for slot in candidate.slots.values())

    def _override(self, exact: Candidate, fuzzy: list[Candidate]) -> Candidate | None:
        """A near-exact specific reading that should beat a weak exact one."""
        for candidate in fuzzy:
            if candidate.score < FUZZY_OVERRIDE:
                break
            if candidate.intent != exact.intent and not self._weak(candidate):
                return candidate
        return None

    def _catch_all(self, words: list[str]) -> Resolution | None:
        rule = self.catch_all
        if rule is None:
            return None
        while words and words[0] in ("alexa", "so", "well", "ok", "okay"):
            words = words[1:]
        known = {stem(w) for w in content_words(words)} & self.compiled.value_words
        if len(words) < (min(rule.min_words, rule.min_words_naming_value) if known
                         else rule.min_words):
            return None
        if words[0] not in QUESTION_STARTS and not known:
            return None
        query = " ".join(words)
        why = (f"catch-all rule: no sample fits, {len(words)} words "
               + (f"starting with {words[0]!r}" if words[0] in QUESTION_STARTS
                  else f"mentioning {sorted(known)[0]!r}")
               + f" -> {rule.intent}.{rule.slot}")
        slot = SlotResult(rule.slot, query, SEARCH_QUERY)
        return Resolution(query, rule.intent, {rule.slot: slot}, "catch-all", 0.5, None, why)

    # -- entry point ----------------------------------------------------------------------------
    def resolve(self, utterance: str) -> Resolution:
        """Resolve one utterance (any case, punctuation, digits or words)."""
        text = normalise(utterance)
        words = text.split()
        cleaned_words = strip_fillers(words)
        candidates = self._exact(text, " ".join(cleaned_words))
        winner, why = self._pick(candidates)
        if winner is not None:
            why = ("exact match of a sample" if winner.parser == "exact"
                   else "exact match once filler words were removed")
        if cleaned_words and (winner is None or self._weak(winner)):
            fuzzy = self.fuzzy.candidates(cleaned_words)
            if winner is not None:
                better = self._override(winner, fuzzy)
                if better is not None:
                    why = (f"a specific sample fits almost exactly, preferred to the weaker "
                           f"exact reading {winner.intent} {winner.sample!r}")
                    candidates = [better, *candidates]
                    winner = better
            else:
                winner, fuzzy_why = self._pick(fuzzy)
                if winner is not None:
                    why = "closest sample within the fuzzy threshold"
                    candidates = fuzzy
                elif fuzzy:
                    why = fuzzy_why
                    candidates = candidates or fuzzy
        if winner is not None:
            others = tuple(c for c in candidates if c is not winner)
            return Resolution(text, winner.intent, winner.slots, winner.parser, winner.score,
                              winner.sample, why, others)
        caught = self._catch_all([w for w in words if w not in HESITATIONS])
        if caught is not None:
            return Resolution(caught.utterance, caught.intent, caught.slots, caught.parser,
                              caught.score, None, caught.reason, tuple(candidates))
        reason = why if why and why != "no sample matched" else "nothing fits closely enough"
        return Resolution(text, FALLBACK_INTENT, {}, "fallback", 0.0, None,
                          reason + " -> AMAZON.FallbackIntent", tuple(candidates))
