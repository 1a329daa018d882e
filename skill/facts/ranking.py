"""Rank facts against a free-form spoken question.

Sharing words is not enough: "how far did Balto run" shares "Balto" with twenty facts. The score
therefore combines three signals, each explainable:

1. **Entities** named in the question (longest synonym match, pronouns resolved from the last
   entity in the session). Facts about the named entity win; facts about nothing named lose.
2. **Aspect**: the shape of the question ("how far" → distance, "where ... now" → where_now,
   "who was" → identity). Facts tagged with that aspect win.
3. **Words**: BM25-style overlap of content words with the fact's cues, answer and card, cues
   weighted highest because they are written as questions.

Below ``Weights.min_score`` nothing is returned and the skill says it doesn't know, rather than
reading out the least-bad fact with confidence.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from skill.facts.lexicon import Lexicon
from skill.facts.model import Fact
from skill.facts.question_shapes import (
    FILM_TERM,
    GENERIC_ASPECTS,
    PRONOUNS,
    aspects_in,
    question_patterns,
)
from skill.facts.store import FactStore, FactStoreError, default_store
from skill.records import Record
from skill.text.normalise import plain_words
from skill.text.vocabulary import NEGATED_AUXILIARIES

if TYPE_CHECKING:  # question understanding loads with the first question, not at launch
    from skill.facts.relations import Relations
    from skill.facts.understanding import Understander


def _plain(text: str) -> str:
    return " ".join(plain_words(text))


class Weights(Record):
    """How much each signal counts. Tuned with ``scripts/tune_ranking.py`` on the project's own
    labelled questions (tests/data/phrasings.json, tests/data/heldout_questions*.json).

    The tuning script reads and varies it through the Record's ``_fields``, ``_replace`` and
    ``_asdict``."""

    __slots__ = ()

    min_score: float = 7.35       # below this the skill says it doesn't know
    entity_lead: float = 6.25     # fact is mainly about a named entity
    entity_mention: float = 4.65  # fact mentions a named entity
    entity_missing: float = -1.82  # question names entities, fact is about none of them
    aspect: float = 2.27          # per matched question shape (at most two)
    aspect_pure: float = 0.77     # the fact is about exactly the asked shape: the canonical answer
    identity_only: float = 1.72   # "who was X" with nothing else asked: the identity fact
    cue: float = 1.71             # per question word found in the fact's cues (times its idf)
    body: float = 1.06            # per question word found only in the answer text (times idf)
    cue_phrase: float = 2.61      # per word pair shared with a cue
    unknown_word: float = -2.4   # per question word that appears in no fact at all
    person_answers_who: float = 1.87  # "who drove Balto": a fact led by a person answers it
    all_named: float = 1.84       # about every entity the question names
    context_match: float = 1.12   # also about a background entity the question names ("in Nome")


DEFAULT_WEIGHTS = Weights()

#: Below this, the words of a question give no real support to a fact about the right entity
#: (tuned on the project's question sets; a neighbouring fact shares only the name).
MIN_WORD_SUPPORT = 4.0
#: Word support strong enough for a fact to compete with those recording the asked relation.
STRONG_WORD_SUPPORT = 8.0


class Scored(Record):
    """A fact with its score (its reasons only from :meth:`Ranker.explain`)."""

    __slots__ = ()

    fact: Fact
    score: float
    reasons: tuple[str, ...] = ()
    #: The part of the score earned by the question's own words (names excluded).
    words: float = 0.0


class Analysis(Record):
    """What the ranker understood of a question (``_replace`` derives a variant)."""

    __slots__ = ()

    entities: tuple[str, ...]
    aspects: frozenset[str]
    terms: tuple[str, ...]
    unknown: tuple[str, ...] = ()
    names_only: bool = False
    name_terms: frozenset[str] = frozenset()
    asks_for: str | None = None
    context: tuple[str, ...] = ()
    out_of_scope: bool = False


#: Words in at least this share of facts may be left out of candidate generation (see
#: :meth:`Ranker._nominating_terms`); safety margin on the score bound that allows it.
_COMMON_SHARE = 0.1
_BOUND_MARGIN = 0.01
_NO_FACTS: frozenset[str] = frozenset()
_RECENT = 8  # full rankings kept (a question needs its own several times)


def _say(reasons: list[str] | None, template: str, *values: object) -> None:
    """Add a reason, formatted only when reasons are being kept (see :meth:`Ranker.explain`);
    a set or tuple of names is said sorted, comma-separated."""
    if reasons is not None:
        shown = [",".join(sorted(map(str, v))) if isinstance(v, (set, frozenset, tuple)) else v
                 for v in values]
        reasons.append(template.format(*shown))


def _bigrams(terms: Sequence[str]) -> set[tuple[str, str]]:
    return set(zip(terms, terms[1:], strict=False))


def _kind_asked_for(text: str) -> str | None:
    """ "person" for "who ...", "dog" for "which dog ...": the kind of entity that answers."""
    who_pattern, which_dog_pattern = question_patterns()
    if who_pattern.match(text):
        return "person"
    return "dog" if which_dog_pattern.search(text) else None


def _aspects_asked(text: str, named: bool, unknown: bool, names_only: bool) -> frozenset[str]:
    """The question's shapes. "Identity" ("who was X", "tell me about X") is only the aspect
    when the question has no content beyond the entity's name ("what did Sol Lesser do");
    "what did Togo do as a puppy" is not identity."""
    aspects = aspects_in(text)
    if aspects - {"identity"} or unknown or not named:
        aspects = aspects - {"identity"}
    if names_only and not aspects - GENERIC_ASPECTS:
        aspects = aspects | {"identity"}
    return aspects


def _is_identity_answer(fact: Fact, analysis: Analysis) -> bool:
    """Whether the fact says who or what the one entity of a "who was X" question is."""
    return (
        analysis.aspects == {"identity"}
        and analysis.names_only
        and "identity" in fact.aspects
        and bool(analysis.entities)
        and fact.about[0] == analysis.entities[0]
    )


class _WordMatch(Record):
    """What one fact's words share with a question (see :meth:`Ranker._word_match`)."""

    __slots__ = ()

    lexical: float
    cue_hits: int
    body_hits: int
    topical: bool
    shared: bool


class Ranker:
    """Scores every plausible fact for a question. Immutable once its data is loaded.

    Everything is loaded on first use, not at construction: a launch (most cold starts) never
    needs the fact store, the lexicon or the term index, and parsing them cost ~6 ms of every
    cold start. ``store=None`` means the packaged store (:func:`default_store`); after the first
    question nothing is read from disk again.
    """

    def __init__(
        self,
        store: FactStore | None = None,
        lexicon: Lexicon | None = None,
        weights: Weights = DEFAULT_WEIGHTS,
    ) -> None:
        self._store = store
        self._lexicon = lexicon
        self.weights = weights
        self._indexed = False
        self._compiled: dict[str, re.Pattern[str]] = {}
        self._relations: Relations | None = None
        self._understander: Understander | None = None
        #: The last few full rankings (one question asks for its own several times).
        self._recent: dict[Analysis, list[Scored]] = {}

    @property
    def store(self) -> FactStore:
        """The fact store, loaded on first access when none was given."""
        store = self._store
        if store is None:
            store = self._store = default_store()
        return store

    @property
    def lexicon(self) -> Lexicon:
        """The ranking vocabulary, read on first access when none was given."""
        lexicon = self._lexicon
        if lexicon is None:
            lexicon = self._lexicon = Lexicon.load()
        return lexicon

    def forget_compiled(self) -> None:
        """Drop the name patterns compiled and rankings kept so far (made again when needed)."""
        self._compiled.clear()
        self._recent.clear()

    def knows(self, term: str) -> bool:
        """Whether any fact uses the (folded, stemmed) term."""
        if not self._indexed:
            self._build_index()
        return term in self._idf

    @property
    def relations(self) -> Relations:
        """The relation vocabulary (what questions ask), read on first access."""
        relations = self._relations
        if relations is None:
            from skill.facts.relations import default_relations

            relations = self._relations = default_relations()
            self._check_relations(relations)
        return relations

    def _check_relations(self, relations: Relations) -> None:
        """Every relation a fact records must be one the vocabulary knows (a typo in
        facts.json would otherwise silently never match)."""
        for fact in self.store.facts.values():
            for entity_id, keys in fact.answers.items():
                bad = [k for k in keys if not relations.is_relation(k)]
                if bad:
                    raise FactStoreError(
                        f"facts.json: fact '{fact.id}': unknown relations {bad} for {entity_id}")

    @property
    def understander(self) -> Understander:
        """Question understanding over this store's names and vocabulary, built on first use."""
        understander = self._understander
        if understander is None:
            if not self._indexed:
                self._build_index()
            from skill.facts.understanding import build_understander

            understander = self._understander = build_understander(
                self.store, self.lexicon, self.relations)
        return understander

    def _build_index(self) -> None:
        """Entity names and term statistics for the scorer, built on the first question.

        Deferred from start-up so the launch path (most cold starts) never pays for it.
        Built in locals and published at the end: a concurrent first question on another
        thread (the web host) builds an identical copy or sees a complete one."""
        store = self.store
        facts = list(store.facts.values())
        # Longest names first so "balto statue" beats "balto" where both are entities.
        names = sorted(store.entity_names.items(), key=lambda kv: -len(kv[0]))
        # "baltos team": speech recognition drops the possessive apostrophe.
        # A substring test first and the regex only for names that occur, compiled on first use:
        # compiling ~350 patterns up front cost ~10-15 ms.
        normalised = ((_plain(name), entity_id) for name, entity_id in names)
        name_patterns = [(key, entity_id) for key, entity_id in normalised if key]
        terms_of = self.lexicon.terms
        # Counts as plain dicts: a Counter unpickles through Python-level __init__ (the prepared
        # index holds 440 of them) and its [] on a missing key through __missing__.
        cue_terms_by_fact: dict[str, dict[str, int]] = {}
        body_terms_by_fact: dict[str, dict[str, int]] = {}
        cue_bigrams_by_fact: dict[str, set[tuple[str, str]]] = {}
        index: dict[str, set[str]] = {}
        doc_freq: Counter[str] = Counter()
        for fact in facts:
            cue_terms: list[str] = []
            bigrams: set[tuple[str, str]] = set()
            for cue in fact.cues:
                terms = terms_of(cue)
                cue_terms.extend(terms)
                bigrams |= _bigrams(terms)
            # (what sources disagree on is spoken with the answer: its words are the fact's too)
            body = terms_of(f"{fact.answer} {fact.card} {fact.disagreement or ''}")
            cue_terms_by_fact[fact.id] = dict(Counter(cue_terms))
            body_terms_by_fact[fact.id] = dict(Counter(body))
            cue_bigrams_by_fact[fact.id] = bigrams
            for term in set(cue_terms) | set(body):
                doc_freq[term] += 1
                index.setdefault(term, set()).add(fact.id)
        total = max(len(facts), 1)
        self._idf = {t: math.log(1 + (total - n + 0.5) / (n + 0.5)) for t, n in doc_freq.items()}
        self._name_patterns = name_patterns
        self._about_ids = {
            entity_id: frozenset(f.id for f in store.about(entity_id))
            for entity_id in store.entities
        }
        self._common_df = max(2, round(total * _COMMON_SHARE))
        self._films = [e for e in store.entities.values() if e.type == "film"]
        self._cue_terms = cue_terms_by_fact
        self._body_terms = body_terms_by_fact
        self._cue_bigrams = cue_bigrams_by_fact
        self._index = index
        self._indexed = True

    # -- analysis -------------------------------------------------------------------------------
    def _match_entities(self, text: str) -> tuple[list[str], list[str]]:
        """(entity ids in order of appearance, the words that named them)."""
        remaining = _plain(text)
        found: list[tuple[int, str]] = []
        spans: list[str] = []
        for name, entity_id in self._name_patterns:
            if name not in remaining:
                continue
            pattern = self._compiled.get(name)
            if pattern is None:
                pattern = self._compiled[name] = re.compile(rf"\b{re.escape(name)}s?\b")
            match = pattern.search(remaining)
            if match:
                found.append((match.start(), entity_id))
                spans.append(match.group())
                # Blank the match so a shorter name inside it doesn't count again.
                blank = " " * len(match.group())
                remaining = remaining[: match.start()] + blank + remaining[match.end():]
        ordered: list[str] = []
        for _, entity_id in sorted(found):
            if entity_id not in ordered:
                ordered.append(entity_id)
        return ordered, spans

    def analyse(self, question: str, context_entity: str | None = None) -> Analysis:
        """Entities, aspects and content terms of a question (pronouns resolved from context).

        Background entities (the relay, the serum...) are kept only when nothing more specific is
        named.
        """
        if not self._indexed:
            self._build_index()
        text = self.lexicon.rewrite(" ".join(plain_words(question)))
        named, spans = self._match_entities(text)
        terms = self.lexicon.terms(text) + self.lexicon.absent_terms(text)
        entities = self._subjects(text, named, terms, context_entity)
        name_terms = frozenset(t for span in spans for t in self.lexicon.terms(span))
        residual = [t for t in terms if t not in name_terms]
        # (a claim whose contrary a fact may say, "was Rohn *awake*", is no word the store
        # never heard)
        claims = self.lexicon.claims
        unknown = tuple(t for t in residual if t not in self._idf and t not in claims
                        and t not in NEGATED_AUXILIARIES)
        context = tuple(e for e in named if e not in entities)
        names_only = len(entities) == 1 and not residual and not context
        aspects = _aspects_asked(text, bool(named), bool(unknown), names_only)
        return Analysis(
            tuple(entities), aspects, tuple(terms), unknown, names_only, name_terms,
            _kind_asked_for(text), context, self._out_of_scope(text, aspects),
        )

    def _subjects(self, text: str, named: list[str], terms: Sequence[str],
                  context_entity: str | None) -> list[str]:
        """The named entities the question is about, or the one a pronoun stands for."""
        specific = [e for e in named if e not in self.lexicon.background]
        entities = specific or named
        if not specific and context_entity and (PRONOUNS & set(text.split())):
            entities = [context_entity, *entities]
        if FILM_TERM in terms:
            entities = [self._film_named_after(e, terms) for e in entities]
        return entities

    def _out_of_scope(self, text: str, aspects: frozenset[str]) -> bool:
        """ "who won the Iditarod last year", "what's the weather in Nome today": the present
        is outside a history skill, unless the question is where something is now."""
        scope = self.lexicon.out_of_scope
        return bool(scope and scope.search(text)) and (
            "where_now" not in aspects or text.split()[:1] == ["when"]
            or text.split()[:2] == ["exactly", "when"])

    # -- scoring --------------------------------------------------------------------------------
    def rank(
        self, question: str, context_entity: str | None = None, limit: int = 5
    ) -> list[Scored]:
        """The best facts for a question, best first; empty when nothing is good enough."""
        analysis = self.analyse(question, context_entity)
        return self.rank_analysis(analysis, limit=limit)

    def rank_analysis(self, analysis: Analysis, limit: int = 5,
                      threshold: bool = True) -> list[Scored]:
        """Rank from an existing analysis, best first.

        With ``threshold`` only facts scoring at least ``min_score`` count; without it every
        candidate is ranked, which is how the facts recording an asked relation are ordered.
        Answering one question asks for the same ranking several times: the last few are kept
        until the next question (:meth:`new_question`)."""
        if analysis.out_of_scope:
            return []
        ranked = self._recent.get(analysis)
        if ranked is None:
            ranked = self._rank_all(analysis)
            if len(self._recent) >= _RECENT:
                self._recent.pop(next(iter(self._recent)), None)
            self._recent[analysis] = ranked
        if threshold:
            floor = self.weights.min_score
            return [s for s in ranked[:limit * 4] if s.score >= floor][:limit]
        return ranked[:limit]

    def _rank_all(self, analysis: Analysis) -> list[Scored]:
        if not self._indexed:
            self._build_index()
        terms, bigrams = self._question_terms(analysis)
        candidates: set[str] = set()
        for entity_id in analysis.entities:
            candidates |= self._about_ids.get(entity_id, _NO_FACTS)
        for term in self._nominating_terms(analysis, terms, bigrams):
            candidates |= self._index[term]
        scored = [
            self._score(self.store.facts[fid], analysis, terms, bigrams)
            for fid in candidates
        ]
        scored.sort(key=lambda s: (-s.score, s.fact.id))
        return scored

    def new_question(self) -> None:
        """Forget rankings kept for the last question: a ranking is reused only within one."""
        self._recent.clear()

    def fact_terms(self, fact_id: str) -> set[str]:
        """The (folded, stemmed) terms a fact's cues and text use."""
        if not self._indexed:
            self._build_index()
        return self._cue_terms[fact_id].keys() | self._body_terms[fact_id].keys()

    def score_facts(self, analysis: Analysis, facts: Iterable[Fact],
                    recorded: frozenset[str] = frozenset()) -> list[Scored]:
        """Score the given facts (however few words they share), best first: how the facts
        recording an asked relation are put in order. Facts the question's own ranking has
        already scored are not scored again. A fact in ``recorded`` records what was asked,
        which is evidence enough: it keeps its score without words or a matching shape
        ("where was balto laid to rest": his mount's place, in words no fact uses)."""
        if not self._indexed:
            self._build_index()
        facts = list(facts)
        known = {s.fact.id: s for s in self._recent.get(analysis, ())
                 if s.fact.id not in recorded or s.score}
        todo = [f for f in facts if f.id not in known]
        scored = [known[f.id] for f in facts if f.id in known] if known else []
        if todo:
            terms, bigrams = self._question_terms(analysis)
            scored += [self._score(fact, analysis, terms, bigrams, fact.id not in recorded)
                       for fact in todo]
        scored.sort(key=lambda s: (-s.score, -s.words, s.fact.id))
        return scored

    def sharing_words(self, analysis: Analysis, entity_id: str) -> list[Fact]:
        """The facts about ``entity_id`` that use at least one of the question's own words."""
        if not self._indexed:
            self._build_index()
        about = self._about_ids.get(entity_id, _NO_FACTS)
        ids: set[str] = set()
        for term in analysis.terms:
            if term not in analysis.name_terms:
                ids |= about & self._index.get(term, _NO_FACTS)
        return [self.store.facts[fid] for fid in sorted(ids)]

    def explain(self, analysis: Analysis, fact: Fact, recorded: str = "") -> tuple[str, ...]:
        """Why ``fact`` scores what it does for the question (``--explain``, the question log);
        ``recorded``: the relation it was chosen for recording, evidence enough on its own."""
        if not self._indexed:
            self._build_index()
        terms, bigrams = self._question_terms(analysis)
        reasons = self._score(fact, analysis, terms, bigrams, not recorded, explain=True).reasons
        return (f"records {recorded}", *reasons) if recorded else reasons

    def _question_terms(
        self, analysis: Analysis
    ) -> tuple[tuple[tuple[str, float, bool], ...], set[tuple[str, str]]]:
        """Per-question values, computed once rather than once per candidate fact: each content
        word that isn't part of a name, with its idf and whether it is a topic word; the pairs."""
        terms = tuple(
            (term, self._idf.get(term, 0.0), term in self.lexicon.topic_words)
            for term in frozenset(analysis.terms)
            if term not in analysis.name_terms
        )
        return terms, _bigrams(analysis.terms)

    def _nominating_terms(
        self,
        analysis: Analysis,
        terms: tuple[tuple[str, float, bool], ...],
        bigrams: set[tuple[str, str]],
    ) -> list[str]:
        """The question words whose facts become candidates (besides the named entities' facts).

        Common words ("serum", "1925", "run" each occur in a quarter to half of all facts) would
        make most of the store a candidate. A fact that *only* a set of such words brings in is
        about none of the named entities, so its best possible score is known before scoring it:
        the question-wide signals it could get (aspects, context, "who", implied subject, the
        certain penalties) plus the most those words' idf and word pairs could add. Common words
        are left out, commonest first, only while that bound stays below ``min_score``: the facts
        they alone would nominate could never be returned, so rankings are exactly the same.
        """
        present = [t for t in dict.fromkeys(analysis.terms) if t in self._index]
        w = self.weights
        if w.min_score <= 0:
            return present
        bound = self._bound_without_words(analysis)
        per_idf = max(w.cue, w.body * 2 / 1.5, 0.0)
        idf_of = {term: idf for term, idf, _ in terms}  # name words score nothing lexically
        names = analysis.name_terms
        pairs = [p for p in bigrams if not (p[0] in names and p[1] in names)]
        skipped: set[str] = set()
        for term in sorted(present, key=lambda t: (-len(self._index[t]), t)):
            if len(self._index[term]) < self._common_df:
                break
            with_term = skipped | {term}
            new_pairs = sum(
                1 for a, b in pairs if term in (a, b) and a in with_term and b in with_term
            )
            gain = per_idf * idf_of.get(term, 0.0) + max(w.cue_phrase, 0.0) * new_pairs
            if bound + gain < w.min_score - _BOUND_MARGIN:
                skipped.add(term)
                bound += gain
        return [t for t in present if t not in skipped] if skipped else present

    def _bound_without_words(self, analysis: Analysis) -> float:
        """The most a fact about none of the named entities can score apart from its words."""
        w = self.weights
        bound = w.unknown_word * len(analysis.unknown)
        if analysis.entities:
            if analysis.entities[0] not in self.lexicon.background:
                bound += w.entity_missing
        else:
            bound += max(w.entity_mention, 0.0)  # the implied subject
        if analysis.context:
            bound += max(w.context_match, 0.0)
        if analysis.aspects:
            top = min(len(analysis.aspects), 2)
            bound += max(w.aspect, w.aspect * top, 0.0) + max(w.aspect_pure, 0.0)
        if analysis.asks_for is not None:
            bound += max(w.person_answers_who, 0.0)
        return bound

    def _score(
        self,
        fact: Fact,
        analysis: Analysis,
        terms: tuple[tuple[str, float, bool], ...],
        bigrams: set[tuple[str, str]],
        gate: bool = True,
        explain: bool = False,
    ) -> Scored:
        """Score one fact; a fact without enough *evidence* scores 0 whatever its total (unless
        ``gate`` is off: the caller has other evidence).

        Evidence is what makes an answer safe to give: the question's shape matched, or a word the
        fact's cues use, or two words from its text; with no entity named, two words or a cue
        phrase and no out-of-vocabulary words. This is what keeps "what time is it" from being
        answered with the usual mail time on the trail.
        """
        w = self.weights
        # The reasons are words for a person (--explain, the question log): built only when
        # asked for, not for each of the ~50 candidates a question scores.
        reasons: list[str] | None = [] if explain else None
        words = self._word_match(fact, analysis, terms, bigrams)
        score = words.lexical
        if words.lexical:
            _say(reasons, "words {:.1f}", words.lexical)
        if analysis.entities:
            score += self._entity_score(fact, analysis.entities, reasons)
        elif analysis.asks_for is None and fact.about and fact.about[0] in self.lexicon.background:
            # Nothing named: the skill's own subject (the relay, the serum...) is implied.
            score += w.entity_mention
            _say(reasons, "about the implied subject")
        if analysis.context and any(e in fact.about for e in analysis.context):
            score += w.context_match
            _say(reasons, "fits the scene named")
        matched = analysis.aspects & fact.aspects
        if matched:
            score += w.aspect * min(len(matched), 2)
            _say(reasons, "aspect {}", matched)
            if fact.aspects <= analysis.aspects:
                score += w.aspect_pure
                _say(reasons, "answers only what was asked")
        identity = _is_identity_answer(fact, analysis)
        if identity:
            score += w.identity_only
            _say(reasons, "identity question")
        who = self._who_score(fact, analysis, reasons)
        score += who
        if analysis.unknown:
            score += w.unknown_word * len(analysis.unknown)
            _say(reasons, "unknown words {}", analysis.unknown)
        if gate and not self._has_evidence(fact, analysis, words, bool(matched),
                                           identity or bool(who)):
            _say(reasons, "not enough evidence")
            score = 0.0
        return Scored(fact, round(score, 3), tuple(reasons or ()), round(words.lexical, 3))

    def _word_match(
        self,
        fact: Fact,
        analysis: Analysis,
        terms: tuple[tuple[str, float, bool], ...],
        bigrams: set[tuple[str, str]],
    ) -> _WordMatch:
        """How the question's words meet the fact's cues and text."""
        w = self.weights
        cue_terms = self._cue_terms[fact.id]
        body_terms = self._body_terms[fact.id]
        lexical = 0.0
        cue_hits = body_hits = 0
        topical = False
        # Entity words are not in ``terms``: the entity signal scores them, not twice.
        for term, idf, topic_word in terms:
            if cue_terms.get(term):
                lexical += w.cue * idf
                cue_hits += 1
                topical = topical or topic_word
            elif body_count := body_terms.get(term, 0):
                lexical += w.body * idf * min(body_count, 2) / 1.5
                body_hits += 1
                topical = topical or topic_word
        entity_terms = analysis.name_terms
        shared = [
            pair for pair in bigrams & self._cue_bigrams[fact.id]
            # a name ("serum run") is the entity signal's business, not a matching phrase
            if not (pair[0] in entity_terms and pair[1] in entity_terms)
        ]
        lexical += w.cue_phrase * len(shared)
        return _WordMatch(lexical, cue_hits, body_hits, topical, bool(shared))

    def _who_score(self, fact: Fact, analysis: Analysis, reasons: list[str] | None) -> float:
        """Credit for a "who ..." / "which dog ..." question answered by this fact's lead."""
        w = self.weights
        # "who was Togo" asks what Togo is, not for another person who mentions him.
        identity_question = analysis.names_only and "identity" in analysis.aspects
        if (
            analysis.asks_for is None
            or identity_question
            or not self._led_by_kind(fact, analysis.entities, analysis.asks_for)
        ):
            return 0.0
        score = w.person_answers_who
        _say(reasons, "a {} answers who", analysis.asks_for)
        lead = analysis.entities[0] if analysis.entities else None
        lead_entity = self.store.entities.get(lead) if lead else None
        if (
            lead_entity is not None
            and lead_entity.type != analysis.asks_for
            and lead not in self.lexicon.background
            and lead in fact.about
        ):
            # "who drove Balto": Balto is what the question is about, the musher's fact the
            # answer; it counts as much as a fact led by the named entity.
            score += w.entity_lead - w.entity_mention
            _say(reasons, "names the one asked about")
        return score

    @staticmethod
    def _has_evidence(
        fact: Fact, analysis: Analysis, words: _WordMatch, matched: bool, answers_shape: bool
    ) -> bool:
        """Whether the fact is safe to give as the answer (see :meth:`_score`)."""
        if not analysis.entities:
            if analysis.unknown:
                # "the dogs ended up in some *sad* freak show": one word no fact uses, among
                # many the fact does, is a word of the speaker's own
                return len(analysis.unknown) == 1 and words.cue_hits + words.body_hits >= 3
            return (
                words.cue_hits + words.body_hits >= 2
                or words.shared
                or (words.topical and matched)
            )
        if len(analysis.unknown) >= 2:
            return False  # "what did Balto eat for breakfast": too much we know nothing of
        lead_fact = fact.about[0] == analysis.entities[0]
        named = (*analysis.entities, *analysis.context)
        # A question of a definite shape ("how many ...") that this fact doesn't answer
        # needs more than one passing word from its text.
        body_needed = 2 if analysis.unknown or analysis.aspects else 1
        return (
            answers_shape or matched or words.cue_hits > 0 or words.body_hits >= body_needed
            or (analysis.names_only and lead_fact)
            # "is the Iditarod about the serum run": a fact tying together all it names
            or (lead_fact and len(named) >= 2 and all(e in fact.about for e in named))
        )

    def _film_named_after(self, entity_id: str, terms: Sequence[str]) -> str:
        """In a question about a film, "Togo" means the film Togo, not the dog.

        Among film entities whose names contain the entity's name, the one sharing most words
        with the question wins ("the movie with the real Balto in 1925" -> the 1925 film).
        """
        entity = self.store.entities[entity_id]
        if entity.type == "film":
            return entity_id
        name = _plain(entity.name)
        best, best_overlap = entity_id, 0
        for film in self._films:
            forms = [_plain(f) for f in film.spoken_forms]
            if not any(re.search(rf"\b{re.escape(name)}\b", f) for f in forms):
                continue
            words = {t for f in film.spoken_forms for t in self.lexicon.terms(f)}
            overlap = len(words & set(terms))
            if overlap > best_overlap:
                best, best_overlap = film.id, overlap
        return best

    def _led_by_kind(self, fact: Fact, named: Sequence[str], kind: str) -> bool:
        """True when the fact's lead entity is a ``kind`` (person, dog) the question didn't name."""
        lead = self.store.entities.get(fact.about[0]) if fact.about else None
        return lead is not None and lead.type == kind and lead.id not in named

    def _entity_score(self, fact: Fact, entities: Sequence[str],
                      reasons: list[str] | None) -> float:
        """Credit for being about the entities the question names (the lead one most)."""
        w = self.weights
        lead = entities[0]
        score = 0.0
        if fact.about and fact.about[0] == lead:
            score += w.entity_lead
            _say(reasons, "about {}", lead)
        elif any(e in fact.about for e in entities):
            score += w.entity_mention
            _say(reasons, "mentions entity")
        elif lead not in self.lexicon.background:
            score += w.entity_missing
            _say(reasons, "not about the named entity")
        if len(entities) > 1 and all(e in fact.about for e in entities):
            score += w.all_named
            _say(reasons, "about all named entities")
        return score

    # -- follow-ups -----------------------------------------------------------------------------
    def related(
        self, fact_id: str, seen: Iterable[str], entity_id: str | None = None
    ) -> Fact | None:
        """The next most related unseen fact: same lead entity first, then shared entities.

        Used for "tell me more": the listener wants more on the same subject, not a random fact.
        """
        seen_set = set(seen) | {fact_id}
        base = self.store.get(fact_id)
        subjects: list[str] = []
        if entity_id:
            subjects.append(entity_id)
        if base is not None:
            subjects.extend(e for e in base.about if e not in subjects)
        for subject in subjects:
            for fact in self.store.about(subject):
                if fact.id not in seen_set:
                    return fact
        return None
