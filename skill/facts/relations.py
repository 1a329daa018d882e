"""What a question asks: its topic, its facet, and any comparison, from ``data/relations.json``.

A relation is ``topic.facet`` ("death.when", "leg.miles", "handoff.from"), a bare facet for what
an entity is in itself ("when" an event happened, "miles" a trail runs), or a bare topic for a
yes/no attribute ("wolf", "offspring"). The question's verbs and nouns name the topic, its
question words the facet. Pure: standard library only.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

from skill.facts.store import FactStoreError, data_file
from skill.jsonfile import read_json
from skill.records import Record
from skill.text.normalise import plain_words
from skill.text.vocabulary import stem

_RELATIONS_PATH = data_file("relations.json")
_GAP = 3  # words a "*" in a trigger may stand for

Phrase = tuple[str, ...]


class Facet(Record):
    """A facet: what kind of value answers it, and its unit for speech."""

    __slots__ = ()

    name: str
    kind: str
    unit: str | None = None


class Topic(Record):
    """A topic and how the skill names it when it has no record of it."""

    __slots__ = ()

    name: str
    label: str
    labels: Mapping[str, str]
    default: str | None = None
    applies_to: tuple[str, ...] = ()
    otherwise: str | None = None
    weak: bool = False
    fallback: str | None = None
    #: The topic says how far a deed went ("the whole way"): what a question naming both
    #: it and the deed ("did balto lead the team the whole way") turns on.
    scope: bool = False
    #: Kinds the topic is asked of by another's role: {"dog": "musher"}, for a hand-over of
    #: the serum "to Balto's team" is one to his musher.
    by_role: Mapping[str, str] = {}
    #: Only a fact recording the topic answers it, even when the question names another
    #: beside it: the words *on* Togo's medal are not the medal.
    exact: bool = False
    #: The topic is the subject's, of something the question names beside him ("what did
    #: Seppala think of *the statue*"): a fact that never names that is of something else.
    of_named: bool = False

    def for_type(self, entity_type: str | None) -> str | None:
        """The topic meant for an entity of this type (a shipment's "birth" is its departure;
        None: the topic means nothing for it)."""
        if self.applies_to and entity_type and entity_type not in self.applies_to:
            return self.otherwise
        return self.name

    def describe(self, facet: str | None, name: str) -> str:
        """ "where Balto died", "Kaasen's wife or husband": what was asked, for "no record"."""
        template = self.labels.get(facet or "", self.label)
        return template.format(name=name)


class Hit(Record):
    """A phrase found in the question: what it stands for and where (word positions)."""

    __slots__ = ()

    name: str
    facet: str | None
    start: int
    end: int
    weak: bool = False


class Comparative(Record):
    """A comparative or superlative word and the relation and order it ranks by."""

    __slots__ = ()

    relation: str
    order: str
    fallback: str | None
    superlative: bool
    needs: tuple[str, ...]
    start: int
    end: int
    #: A relation that, where an entity records it, says more than ``relation`` ("went
    #: farther": Togo's 261 miles in all, not only the 91 he carried the serum).
    prefer: str | None = None
    #: Words one of which, among the two before, lets the word rank when it compares names
    #: ("who had the *serum first*, nollner or evans"), as ``needs`` does after it.
    needs_before: tuple[str, ...] = ()


def _phrase(text: str, stemmed: bool) -> Phrase:
    """A phrase's words (stemmed for triggers); a leading "~" marks a weak trigger and stays."""
    def one(word: str) -> str:
        if word == "*" or not stemmed:
            return word
        return "~" + stem(word[1:]) if word.startswith("~") else stem(word)
    return tuple(one(w) for w in text.lower().split())


def _match_at(words: Sequence[str], i: int, phrase: Phrase) -> int | None:
    """End position when ``phrase`` matches at ``i`` ("*" skips up to three words, "$" is the
    end of the question), else None."""
    j = i
    k = 0
    while k < len(phrase):
        part = phrase[k]
        if part == "*":
            following = phrase[k + 1] if k + 1 < len(phrase) else None
            if following is None:
                return j
            for gap in range(_GAP + 1):
                if j + gap < len(words) and words[j + gap] == following:
                    j += gap
                    break
            else:
                return None
            k += 1
            continue
        if part == "$":  # the question ends here ("when did he pass $": not "pass it")
            return j if j == len(words) else None
        if j >= len(words) or words[j] != part:
            return None
        j += 1
        k += 1
    return j


class _PhraseIndex:
    """Phrases indexed by their first word, for a single left-to-right scan."""

    def __init__(self, entries: Sequence[tuple[Phrase, str, str | None]],
                 weak_surfaces: frozenset[tuple[str, str]] = frozenset()) -> None:
        self._by_first: dict[str, list[tuple[Phrase, str, str | None, bool]]] = {}
        #: (topic, words as said) of weak triggers: "own" is weak where "owned" is not, though
        #: both stem to "own".
        self._weak = weak_surfaces
        self._strong: set[tuple[str, Phrase]] = set()
        for phrase, name, facet in entries:
            weak = phrase[0].startswith("~")
            if weak:
                phrase = (phrase[0][1:], *phrase[1:])
            else:
                self._strong.add((name, phrase))
            self._by_first.setdefault(phrase[0], []).append((phrase, name, facet, weak))
        for bucket in self._by_first.values():
            bucket.sort(key=lambda e: -len(e[0]))

    def one_word(self) -> frozenset[str]:
        return frozenset(phrase[0] for _, phrase in self._strong if len(phrase) == 1)

    def find(self, words: Sequence[str], surface: Sequence[str] | None = None) -> list[Hit]:
        hits: list[Hit] = []
        silent_until = 0  # the end of a phrase naming no topic: no trigger starts inside it
        for i, word in enumerate(words):
            if i < silent_until:
                continue
            # Of the phrases starting here, the one that spans most words as said ("lead the
            # team *alone*" over "lead the team"); of equal spans, the longer phrase; the same
            # phrase of several topics ("finish": a leg's end, an arrival), each of them.
            best: list[tuple[int, Phrase, str, str | None, bool]] = []
            for phrase, name, facet, weak in self._by_first.get(word, ()):
                end = _match_at(words, i, phrase)
                if end is None or best and end < best[0][0]:
                    continue
                if best and end == best[0][0] and phrase == best[0][1]:
                    if all(name != b[2] for b in best):
                        best.append((end, phrase, name, facet, weak))
                elif not best or end > best[0][0]:
                    best = [(end, phrase, name, facet, weak)]
            if best and not best[0][2]:
                silent_until = best[0][0]
                continue
            for end, phrase, name, facet, weak in best:
                said = " ".join(surface[i:end]) if surface is not None else ""
                if (name, said) in self._weak:
                    weak = True  # said exactly as a weak trigger ("own", not "owned")
                elif (name, phrase) in self._strong:
                    weak = False  # a strong trigger shares its stems ("owns": "owned")
                hits.append(Hit(name, facet, i, end, weak))
        return hits


def _parse_facets(raw: Mapping[str, Any]) -> dict[str, Facet]:
    return {
        name: Facet(name, spec["kind"], spec.get("unit"))
        for name, spec in raw["facets"].items()
    }


def _parse_facet_cues(raw: Mapping[str, Any]) -> list[tuple[Phrase, str, str | None]]:
    return [
        (_phrase(cue, stemmed=False), name, None)
        for name, spec in raw["facets"].items() for cue in spec["cues"]
    ]


def _parse_topics(
    raw: Mapping[str, Any], facets: Mapping[str, Facet]
) -> tuple[dict[str, Topic], list[tuple[Phrase, str, str | None]]]:
    topics: dict[str, Topic] = {}
    triggers: list[tuple[Phrase, str, str | None]] = []
    for name, spec in raw["topics"].items():
        topics[name] = Topic(
            name, spec["label"], dict(spec.get("labels", {})), spec.get("default"),
            tuple(spec.get("for", ())), spec.get("otherwise"), bool(spec.get("weak")),
            spec.get("fallback"), bool(spec.get("scope")), dict(spec.get("by_role", {})),
            bool(spec.get("exact")), bool(spec.get("of_named")))
        for trigger in spec["triggers"]:
            words, _, facet = trigger.partition(":")
            if facet and facet not in facets:
                raise KeyError(f"topic {name!r}: unknown facet {facet!r}")
            triggers.append((_phrase(words, stemmed=True), name, facet or None))
    # Phrases that hold a trigger but name no topic ("showed up" is not a show): matched like
    # triggers, so the longer phrase wins, and then dropped.
    for phrase in raw.get("no_topic", ()):
        triggers.append((_phrase(phrase, stemmed=True), "", None))
    return topics, triggers


def _parse_comparatives(raw: Mapping[str, Any]) -> list[tuple[Phrase, Mapping[str, Any], bool]]:
    comparatives = []
    for spec in raw["comparatives"]:
        for word in spec["words"]:
            superlative = word.endswith("est") or word.split()[0] in (
                "most", "least", "first", "last", "final", "best", "fewest")
            comparatives.append((_phrase(word, stemmed=False), spec, superlative))
    return comparatives


def _weak_surfaces(raw: Mapping[str, Any]) -> frozenset[tuple[str, str]]:
    return frozenset(
        (name, t.partition(":")[0][1:]) for name, spec in raw["topics"].items()
        for t in spec["triggers"] if t.startswith("~") and "*" not in t)


def _comparatives_by_first_word(
    comparatives: list[tuple[Phrase, Mapping[str, Any], bool]]
) -> dict[str, list[tuple[Phrase, Mapping[str, Any], bool]]]:
    """Longest phrase first within each first word, so the longest one matches."""
    by_first: dict[str, list[tuple[Phrase, Mapping[str, Any], bool]]] = {}
    for phrase, spec, superlative in comparatives:
        by_first.setdefault(phrase[0], []).append((phrase, spec, superlative))
    for bucket in by_first.values():
        bucket.sort(key=lambda e: -len(e[0]))
    return by_first


class Relations:
    """The relation vocabulary, loaded once on the first question."""

    def __init__(self, raw: Mapping[str, Any], source: str = "relations.json") -> None:
        try:
            self.facets = _parse_facets(raw)
            facet_cues = _parse_facet_cues(raw)
            self.topics, triggers = _parse_topics(raw, self.facets)
            comparatives = _parse_comparatives(raw)
        except (KeyError, TypeError, AttributeError) as exc:
            raise FactStoreError(f"{source}: malformed relations ({exc})") from exc
        #: The words of each topic's own names for itself ("part" of "his part of the relay"):
        #: a question asking of one ("how long was Seppala's part") asks of the topic itself.
        self.own_words: dict[str, frozenset[str]] = {
            name: frozenset(plain_words(" ".join((topic.label, *topic.labels.values()))))
            for name, topic in self.topics.items()}
        self._words = [p for p, _, _ in facet_cues] + [
            tuple(t.partition(":")[0].lstrip("~").split()) for spec in raw["topics"].values()
            for t in spec["triggers"]] + [p for p, _, _ in comparatives]
        #: "norwegian" -> "norway": where someone is said to be from.
        self.demonyms: dict[str, str] = {
            k: v for k, v in raw.get("demonyms", {}).items() if not k.startswith("_")}
        self.countries = frozenset(self.demonyms.values()) | frozenset(
            raw.get("countries", {}).get("places", ()))
        #: "seattle" -> "america": the country of a place a fact records (or of its state).
        self.country_of: dict[str, str] = {
            place: country for country, places in raw.get("place_countries", {}).items()
            if not country.startswith("_") for place in places}
        #: "seattle" -> "washington": the state of a place a fact records only by name.
        self.region_of: dict[str, str] = {
            place: region for region, places in raw.get("place_regions", {}).items()
            if not region.startswith("_") for place in places}
        self._facet_cues = _PhraseIndex(facet_cues)
        self._triggers = _PhraseIndex(triggers, _weak_surfaces(raw))
        self._comparatives = _comparatives_by_first_word(comparatives)

    @classmethod
    def load(cls, path: str | os.PathLike[str] = _RELATIONS_PATH) -> Relations:
        return cls(read_json(path, FactStoreError, "the relations file"), str(path))

    def vocabulary(self) -> set[str]:
        """Every word of every trigger, cue and comparative (known words, not names)."""
        # (a country is known only if a fact uses it: "visiting from germany" is chatter)
        words = {w for phrase in self._words for w in phrase if w not in ("*", "$")}
        return words - self.countries

    def is_relation(self, key: str) -> bool:
        """Whether ``key`` is a relation this vocabulary knows (for validating facts.json)."""
        topic, _, facet = key.partition(".")
        if facet:
            return topic in self.topics and facet in self.facets
        return key in self.topics or key in self.facets or key in ("identity", "real")

    def one_word_triggers(self) -> frozenset[str]:
        """The stems that name a topic on their own ("die", "born"), not weakly."""
        return self._triggers.one_word()

    def topics_in(self, stems: Sequence[str], words: Sequence[str] | None = None) -> list[Hit]:
        """Topic triggers in the (stemmed) words, in order; with the words as said, a trigger
        marked weak ("~own") is weak only where it was said that way."""
        return self._triggers.find(stems, words)

    def facet_cues(self, words: Sequence[str]) -> list[Hit]:
        """Facet cues ("how far", "what year", "where") in the (plain) words, in order."""
        return self._facet_cues.find(words)

    def comparatives_in(self, words: Sequence[str]) -> list[Comparative]:
        """Comparative and superlative phrases ("older", "born first", "most famous")."""
        found = []
        for i, word in enumerate(words):
            for phrase, spec, superlative in self._comparatives.get(word, ()):
                end = _match_at(words, i, phrase)
                if end is not None:
                    found.append(Comparative(
                        spec["relation"], spec["order"], spec.get("fallback"), superlative,
                        tuple(spec.get("needs", ())), i, end, spec.get("prefer"),
                        tuple(spec.get("needs_before", ()))))
                    break
        return found


_DEFAULT: Relations | None = None


def default_relations() -> Relations:
    """The packaged relation vocabulary, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Relations.load()
    return _DEFAULT
