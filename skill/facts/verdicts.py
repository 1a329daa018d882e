"""Yes or no: what the facts say of the claim a yes/no question makes.

A yes/no question claims something of what it names ("did Balto die in Alaska", "was Togo
named after an admiral"). The answering core (:mod:`skill.facts.answering`) chooses the fact;
this module says which way that fact decides the claim, and only where it does: "no" when the
fact says the contrary of a claimed word, puts the subject somewhere else or records another
in the role claimed; "yes" when a recorded value matches the claim, or the fact's own words say
every claimed word and deny none; "disputed" when only a reading the sources disagree on
matches; otherwise no verdict, and the fact is spoken as it is.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from skill.facts import values
from skill.facts.model import IMPLIED_SUBJECT, Fact
from skill.facts.ranking import Analysis, Ranker
from skill.facts.understanding import Query
from skill.text.normalise import plain_words
from skill.text.terms import content_terms
from skill.text.vocabulary import NOT_FOCUS, STOPWORDS, YES_NO_STARTS, stem

if TYPE_CHECKING:
    from skill.facts.relations import Relations
    from skill.facts.store import FactStore


def yes_no(ranker: Ranker, fact: Fact, key: str, query: Query, subject: str,
           analysis: Analysis) -> str | None:
    """The verdict of a fact on a yes/no question: no if it says the contrary of a claimed
    word; else from the relation that chose it, or from its words."""
    if ((contradicted(ranker, query, fact) and speaks_of_all(ranker, query, fact, subject))
            or _placed_elsewhere(ranker, query, fact, key)
            or _deed_done_to_another(ranker, query, fact)):
        return "no"
    if _kind_claimed_of_another(query, fact):
        return None  # "was Balto a musher": "Kaasen was a musher" says it of someone else
    if key:
        polarity = _polarity(ranker, fact, key, query, subject, unheard(query, analysis))
    else:
        polarity = _lexical_polarity(ranker, query, fact, analysis)
    return "no" if polarity == "yes" and _came_to_nothing(ranker, query, fact) else polarity


@lru_cache(maxsize=4)
def place_words(store: FactStore) -> frozenset[str]:
    """Every word that names a place the store knows: its places, their states and the
    places facts record by name ("Everett", "Seattle")."""
    names = {e.name for e in store.entities.values() if e.type == "place"}
    names |= {e.region for e in store.entities.values() if e.region}
    names |= {value for fact in store.facts.values() for relations in fact.answers.values()
              for key, value in relations.items()
              if key.endswith(".where") and isinstance(value, str) and value not in store.entities}
    return frozenset(w for name in names for w in plain_words(name) if w not in STOPWORDS)


def _placed_elsewhere(ranker: Ranker, query: Query, fact: Fact, key: str) -> bool:
    """Whether the question puts what it asks in a place the fact never mentions, while the
    fact records where it was: "did Kaasen die in Alaska" (Everett, Washington), "is Togo's
    body in Maine" (Wasilla, Alaska)."""
    store = ranker.store
    topic = key.partition(".")[0]
    where = [v for relations in fact.answers.values() for k, value in relations.items()
             if k.endswith(".where") and (not topic or k.partition(".")[0] == topic)
             for v in values.readings(value) if isinstance(v, str)]
    if not where:
        return False
    # (a recorded place says its state: Cleveland is in Ohio)
    regions = [store.entities[v].region or "" for v in where if v in store.entities]
    text = fact.spoken.lower()
    said = f" {' '.join(plain_words(' '.join((fact.spoken, *regions))))} "
    places = place_words(store)
    claimed = [store.entities[e] for _, e in query.located if e not in fact.about]
    return (any(not place.named_in(text) for place in claimed)
            or any(w in places and f" {w} " not in said for w in _put_in(query))
            or _held_by(query, places, said))


def _held_by(query: Query, places: frozenset[str], said: str) -> bool:
    """Whether the question's own subject is a place the fact never mentions, while the fact
    records where the thing is: "did *Alaska* get to keep Balto's body" against "kept by the
    Cleveland Museum"."""
    words = query.words[query.core_start:]
    return (len(words) > 2 and words[0] in ("did", "does", "do") and words[1] in places
            and f" {words[1]} " not in said)


def _put_in(query: Query) -> list[str]:
    """The words the question claims something is in, at or from ("did Kaasen die *in
    alaska*"); not "to", which names a way taken ("was Balto lent *to alaska*")."""
    words = query.words
    found = []
    for i in range(max(query.core_start, 1), len(words)):
        before = words[i - 2] if words[i - 1] in ("a", "an", "the") and i >= 2 else words[i - 1]
        if words[i] in query.claim and before in ("in", "at", "from"):
            found.append(words[i])
    return found


#: Phrases that say an attempt came to nothing ("an attempt to fly the serum *failed*").
_CAME_TO_NOTHING = frozenset(("failed", "rejected", "abandoned", "fell through", "called off"))


_TRYING = frozenset("try tried tries trying attempt attempted attempts consider considered".split())


def _came_to_nothing(ranker: Ranker, query: Query, fact: Fact) -> bool:
    """Whether the fact says that what the question asks about was tried and came to
    nothing: "did they fly the second batch in" against "an attempt to fly the serum failed",
    within a few words after the asked word."""
    if _TRYING & set(query.words):
        return False  # "did anyone *try* to fly it": it was tried
    asked = {t for w in query.topic_words for t in ranker.lexicon.terms(w)}
    words = plain_words(fact.answer)
    for i, word in enumerate(words):
        if asked & set(ranker.lexicon.terms(word)):
            after = " ".join(words[i + 1:i + 7])
            if any(re.search(rf"\b{p}\b", after) for p in _CAME_TO_NOTHING):
                return True
            if _only_meant(words[max(0, i - 8):i]):
                return True
    return False


#: Words saying that someone was only meant to do what follows ("Ed Rohn was *waiting to*
#: take the serum", "*posted* at Point Safety *to* run it"): a fact telling of a deed only
#: as meant tells it because it was not done.
_MEANT = frozenset("waiting posted stationed supposed meant planned scheduled expected due "
                   "ready".split())


def _only_meant(before: Sequence[str]) -> bool:
    """Whether the words before a deed say it was only meant ("waiting to", "posted ... to")."""
    at = next((i for i, w in enumerate(before) if w in _MEANT), None)
    return at is not None and "to" in before[at + 1:]


YEAR_PATTERN = r"\b1[89]\d\d\b|\b20[0-2]\d\b"


#: How a fact's own text states a value of each kind, when no relation records it.
STATES: dict[str, str] = {
    "miles": r"\bmiles?\b",
    "how_many": r"(?<![\w,])\d{1,3}(?:,\d{3})*(?![\w,])|\b(one|two|three|four|five|six|seven|"
                r"eight|nine|ten|dozen|hundred|thousand|million)\b",
    "age": r"\byears? old\b|\baged? \d|\b\d+-year", "when": YEAR_PATTERN,
    "temperature": r"\bdegrees\b|\bminus \d", "weight": r"\bpounds\b",
    "speed": r"miles an hour|miles per hour|\bmph\b",
    "duration": r"\b(hours?|days?|minutes?)\b",
    "percent": r"\bper ?cent\b|%",
}


def states(fact: Fact, facet: str | None) -> bool:
    """Whether the fact's words state a value of the facet asked ("how many" needs a number;
    a time may be stated in other ways, "at eight months old")."""
    pattern = STATES.get(facet or "") if facet != "when" else None
    if pattern is None:
        return True
    # Dates are no counts: "January 28, 1925" states no number of anything. What sources
    # disagree on is spoken too.
    text = DATES.sub(" ", fact.spoken.lower())
    return re.search(pattern, text) is not None


DATES = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|"
    r"december)( \d{1,2}(st|nd|rd|th)?(?!\d))?(,? \d{4})?|\b1[89]\d\d\b|\b20\d\d\b|"
    r"\b\d{1,2}(:\d\d)? (in the (morning|evening|afternoon)|at night|am|pm)\b")


def _polarity(ranker: Ranker, fact: Fact, key: str, query: Query,
              subject: str, unknown: bool = False) -> str | None:
    """Yes, no or disputed: the fact's recorded values for the asked topic, checked against
    what the question claims ("is the statue still in central park": its place; "did the relay
    go more than six hundred miles": its distance). With nothing to check, the fact's existence
    answers yes."""
    relations = fact.answers.get(subject, {})
    topic = key.partition(".")[0] if key else ""
    keys = [k for k in relations if k == key or (topic and k.partition(".")[0] == topic)]
    measure = key.rpartition(".")[2]
    if query.numbers and measure:
        # ("did togo run about 260 miles": his leg's 91 or his whole run's 261, both miles
        # he ran; a number said is checked against every one of the same measure)
        keys += [k for k in relations if k not in keys and k.rpartition(".")[2] == measure]
    if any(value is False and k in query.topics_said for k, value in relations.items()):
        # ("did balto ever lead a *winning* team": a fact on his leading that records he never
        # raced says no to the race the question claims)
        return "no"
    recorded = _recorded_verdict(ranker, relations, keys or [key], query, subject)
    if recorded is not None:
        return recorded
    if unknown:
        return None  # words the store has never heard ("blue eyes"): nothing says yes
    # A place the question claims that neither a value nor the fact's words confirm ("did
    # Balto die in *the snow*"): the fact is spoken as it is, with no yes it cannot vouch for.
    vouched = ranker.fact_terms(fact.id)
    if any(not set(ranker.lexicon.terms(word)) <= vouched for word in query.claim):
        return None
    return "yes" if speaks_of_all(ranker, query, fact, subject) else None


def _recorded_verdict(ranker: Ranker, relations: Mapping[str, Any], keys: Sequence[str],
                      query: Query, subject: str) -> str | None:
    """What the recorded values of the asked relations say of the claim, yes before
    disputed before no; None when none says anything of it."""
    store = ranker.store
    said = [e for e in query.named if e != subject and e in store.entities]
    words = set(query.words)
    # (a place the question puts its subject in only says which one it means: "is the statue
    # *in central park* supposed to be togo" is no yes because the park is right)
    setting = {place for _, place in query.located}
    verdicts: list[str] = []
    identifying: list[str] = []
    for k in keys:
        value = relations.get(k, True)
        if value == "disputed":
            return "disputed"
        verdict = _verdict(store, k, value, said, words, query, ranker.relations)
        if verdict is not None:
            placed = isinstance(value, str) and value in setting
            (identifying if placed else verdicts).append(verdict)
    verdicts = verdicts or identifying
    return next((v for v in ("yes", "disputed", "no") if v in verdicts), None)


def values_named(fact: Fact) -> set[str]:
    """Every name a fact records as a value, of whomever it records it ("seppala", "Everett")."""
    return {v for relations in fact.answers.values() for value in relations.values()
            for v in values.readings(value) if isinstance(v, str)}


def speaks_of_all(ranker: Ranker, query: Query, fact: Fact, subject: str | None) -> bool:
    """Whether the fact speaks of everything else the question names, as its subject, a
    recorded value or in its words: "was Willem Dafoe in the Balto cartoon" is no yes from a
    fact about the Togo film; "did Balto lead all the way from Nenana" none from a fact that
    never mentions Nenana."""
    store = ranker.store
    text = fact.spoken.lower()
    recorded = values_named(fact)
    for named in query.named:
        if named == subject or named in fact.about or named in recorded or (
                named in ranker.lexicon.background and not _placed_in(ranker, query, named)
                ) or named not in store.entities:
            continue
        entity = store.entities[named]
        if not entity.named_in(text):
            return False
    return True


def _placed_in(ranker: Ranker, query: Query, place: str) -> bool:
    """Whether the question puts its claim in a place of the story's background, by "into"
    said right before the place's name: "did togo carry the serum *into nome*" claims Nome,
    which a fact of Shaktoolik and Golovin never says; "did togo save nome" only names it."""
    said = ranker.understander.entity_words.get(place, "").split()
    words = query.words
    # (not the way somewhere, "did his sled tip over on the way into nome": a route)
    return bool(said) and any(
        words[i] == "into" and words[i - 1] != "way"
        and list(words[i + 1:i + 1 + len(said)]) == said
        for i in range(max(query.core_start, 1), len(words) - len(said)))


def _verdict(store: FactStore, key: str, value: Any, said: list[str], words: set[str],
             query: Query, relations: Relations | None = None) -> str | None:
    """What one recorded value says of the question's claim: "yes", "no", "disputed" (true of
    a reading but not of the main one), or None when it says nothing of it."""
    if isinstance(value, bool):
        if "." not in key or not value:  # a yes/no attribute ("wolf": False)
            return "yes" if value else "no"
        return None  # True on a facet only says the fact answers it
    # An entity is checked against an entity of its kind; a word value only against words.
    named = isinstance(value, str) and value in store.entities
    kind = store.entities[value].type if named else None
    claims = [e for e in said if named and store.entities[e].type == kind]
    verdict = values.claim_matches(value, claims, words, query.numbers, query.words)
    if verdict is None:
        verdict = _place_said(store, value, kind, query, relations)
    elif not verdict and kind == "place":
        verdict = named_within(store, value, claims)
    if verdict is None:
        return None
    if verdict and len(values.readings(value)) > 1 and not values.claim_matches(
            values.readings(value)[0], claims, words, query.numbers, query.words):
        return "disputed"
    return "yes" if verdict else "no"


def named_within(store: FactStore, place: str, claims: Sequence[str]) -> bool:
    """Whether every place claimed names the recorded one ("is Balto in Cleveland": the
    Cleveland Museum of Natural History is)."""
    name = store.entities[place].name.lower()
    return bool(claims) and all(store.entities[c].name.lower() in name for c in claims)


def _place_said(store: FactStore, value: Any, kind: str | None, query: Query,
                relations: Relations | None) -> bool | None:
    """A state said against the recorded place's ("did Balto die in Alaska"), or a country
    against the country recorded or the one the recorded place is in ("was Seppala from
    Sweden", "did Seppala die in Norway": Seattle); None if neither is said."""
    if kind == "place":
        in_region = _region_said(store, value, query.words)
        if in_region is not None:
            return in_region
    if relations is None or not isinstance(value, str):
        return None
    state = relations.region_of.get(value.lower())
    if state is not None and kind is None:
        # "did Seppala die in Alaska": Seattle, a place recorded by name, is in Washington.
        states = _regions_said(_regions(store) | frozenset(relations.region_of.values()),
                               query.words)
        if states:
            return state in states
    said = relations.countries & set(query.words)
    place = store.entities[value] if kind == "place" else None
    where = (place.region or place.name) if place is not None else value
    country = where.lower() if where.lower() in relations.countries else (
        relations.country_of.get(where.lower()))
    return country in said if said and country else None


def _region_said(store: FactStore, place: str, words: Sequence[str]) -> bool | None:
    """Whether the state or territory the question names ("did Balto die in Alaska") is the
    one the recorded place is in; None when it names none."""
    said = _regions_said(_regions(store), words)
    if not said:
        return None
    region = store.entities[place].region
    return region is not None and region.lower() in said


@lru_cache(maxsize=4)
def _regions(store: FactStore) -> frozenset[str]:
    """The states and territories the store's places are in, lower-case ("alaska", "ohio")."""
    return frozenset(e.region.lower() for e in store.entities.values() if e.region)


def _regions_said(regions: frozenset[str], words: Sequence[str]) -> frozenset[str]:
    """Those of the regions the question names."""
    text = f" {' '.join(words)} "
    return frozenset(r for r in regions if f" {r} " in text)


#: Words of a yes/no question that claim nothing a fact must say ("was Balto loaned to
#: Alaska *again later on*").
_NOT_CLAIMED = frozenset(stem(w) for w in NOT_FOCUS | frozenset(
    "later eventually afterwards afterward sometime once anymore away over way while".split()))


_NEGATIONS = frozenset(
    "not no never nor neither without rather instead rejected refused declined wasnt isnt "
    "didnt doesnt couldnt cannot nothing none".split())


def _lexical_polarity(ranker: Ranker, query: Query, fact: Fact, analysis: Analysis) -> str | None:
    """ "Yes" when the fact plainly says what the yes/no question asks: every word of the
    question (names aside) is in the fact, and the fact negates nothing. Otherwise no verdict:
    the fact is spoken as it is."""
    asked = claimed_terms(ranker, fact, analysis, query)
    if _there_was(query, fact):
        return "yes"  # "was there a second shipment": the store holds it
    if _denies_named(ranker, query, fact):
        return "no"  # "is Kaasen in the Balto cartoon": it "leaves out Gunnar Kaasen"
    if not asked:
        # Only names: yes if the fact records one of them as the other's ("is Togo in
        # Wasilla": his remains are).
        return "yes" if links_named(query, fact) or _tells_of_both(ranker, query, fact) else None
    # A cue is a question the fact answers; one asked as yes or no ("did kaasen own balto")
    # says nothing of the answer, and only the fact's own words can say yes, so at least one
    # asked word must be among them.
    cues = " ".join(c for c in fact.cues if c.split()[:1] and c.split()[0] not in YES_NO_STARTS)
    said = set(ranker.lexicon.terms(f"{fact.answer} {cues}"))
    own = set(ranker.lexicon.terms(fact.answer))
    words = plain_words(fact.answer)
    if _names_another(ranker, query, fact):
        return "no"  # "did Kaasen own Balto": the fact records Seppala as his owner
    if (unheard(query, analysis) or not all(_as_said(t, said) in said for t in asked)
            or not own & {_as_said(t, own) for t in asked}
            or _negates_claim(ranker, words, asked)):
        return None
    return "yes" if speaks_of_all(ranker, query, fact, None) else None


def _as_said(term: str, said: set[str]) -> str:
    """A claimed term as the fact's words have it: the stemmer leaves a silent "e" on the base
    ("live") and strips it with the ending ("lived": "liv")."""
    return term[:-1] if term not in said and term.endswith("e") and term[:-1] in said else term


def _kind_claimed_of_another(query: Query, fact: Fact) -> bool:
    """ "Was Balto a musher": what kind of thing the one named is, from a fact that is about
    someone else, is no yes (it says it of him)."""
    words = query.words[query.core_start:]
    subject = query.entities[0] if query.entities else None
    return (len(words) >= 4 and words[0] in ("is", "was") and words[1] != "there"
            and words[-2] in ("a", "an") and subject is not None and subject in query.named
            and fact.about[:1] != (subject,))


def contradicted(ranker: Ranker, query: Query, fact: Fact) -> bool:
    """Whether the fact says the contrary of a word the question claims and never uses the
    word itself: "did Seppala *win* at Lake Placid" against "came second", "did Alaska get to
    *keep* Balto" against "declined, but lent". A fact that says the word ("was given")
    states the claim, whatever else it says."""
    claimed = query.words[query.core_start:]
    word = ranker.lexicon.contrary(claimed, " ".join(plain_words(fact.answer)))
    if word is None:
        return False
    # (the word itself, not its equivalents: "is the Togo movie a *cartoon*" against a
    # "live-action film", though a cartoon is a film to the ranker)
    return not set(content_terms(word)) & set(content_terms(fact.answer))


#: Phrases that say something was not done to what follows them.
_DENIES = re.compile(r"\b(leaves out|left out|leave out|without|not|never|declined|turned down)"
                     r"((?: \w+){0,2})$")


def _denies_named(ranker: Ranker, query: Query, fact: Fact) -> bool:
    """Whether the fact denies something of a name the question says, right before it:
    "it shows Balto as half wolf, leaves out *Gunnar Kaasen*"."""
    text = fact.answer.lower()
    store = ranker.store
    for named in query.named:
        entity = store.entities.get(named)
        if entity is None or named in ranker.lexicon.background:
            continue
        for form in entity.spoken_forms:
            at = text.find(form)
            if at > 0 and _DENIES.search(" ".join(plain_words(text[:at]))):
                return True
    return False


#: Words for what kind of thing a subject is: they claim nothing of it ("was Togo an old
#: *dog*").
_KIND_TERMS: dict[str, frozenset[str]] = {
    "dog": frozenset(stem(w) for w in "dog dogs husky".split()),
    "person": frozenset(stem(w) for w in "man person guy".split()),
}


#: Kinds of place said after a place's name ("washington state", "new york city").
_PLACE_KINDS = frozenset("state city town village country territory".split())


def _tells_of_both(ranker: Ranker, query: Query, fact: Fact) -> bool:
    """ "Did Fox go to Cleveland too": names and common verbs only, answered by a fact of the
    subject's own that speaks of the other name and denies nothing."""
    subject = query.entities[0] if query.entities else None
    # (the story's background counts when nothing else is named: "was Togo in the serum run")
    named = [e for e in query.named if e != subject]
    others = [e for e in named if e not in ranker.lexicon.background] or named
    if subject is None or not others or fact.about[:1] != (subject,):
        return False
    words = plain_words(fact.answer)
    return (speaks_of_all(ranker, query, fact, subject) and not set(words) & _NEGATIONS
            and not _NEGATIVE_PHRASE.search(" ".join(words)))


def claimed_terms(ranker: Ranker, fact: Fact, analysis: Analysis, query: Query) -> list[str]:
    """The question's terms that claim something of the fact's subject: not names, not words
    that claim nothing, not a word for the kind of thing it is. "Only" claims something
    after "the" or a possessive ("was Welch *the only* doctor in Nome", "Seppala's only lead
    dog"), where elsewhere it is a filler."""
    kinds = _claiming_nothing(ranker, fact, analysis, query.words)
    claimed = [t for t in analysis.terms
               if t not in analysis.name_terms and t not in _NOT_CLAIMED and t not in kinds]
    words = query.words
    core = words[query.core_start:]
    if query.core_start and len(core) > 3 and core[0] in YES_NO_STARTS:
        # ("i'm at the statue *right now* and the kids are asking was balto there"): the
        # question asked after a preamble claims only its own words
        own_words = set(ranker.lexicon.terms(" ".join(core)))
        claimed = [t for t in claimed if t in own_words]
    if any(w == "only" and (words[i - 1] in ("the", "his", "her", "their", "its")
                            or words[i - 1].endswith("s") and words[i - 1] not in STOPWORDS)
           for i, w in enumerate(words) if i):
        claimed.append("only")
    return claimed


def _claiming_nothing(ranker: Ranker, fact: Fact, analysis: Analysis,
                      words: Sequence[str]) -> frozenset[str]:
    """The terms that say only what kind of thing is spoken of, or which one: its kind
    ("husky"), a kind of place after a place's name, "the real" before a name."""
    lead = ranker.store.entities.get(fact.about[0]) if fact.about else None
    kinds = _KIND_TERMS.get(lead.type, frozenset()) if lead is not None else frozenset()
    # ("was the dog in the togo movie named diesel": "a Siberian husky named Diesel" is one)
    own = set(ranker.lexicon.terms(fact.answer))
    kinds = kinds.union(*(group for group in _KIND_TERMS.values() if group & own))
    # "did Kaasen live in Washington *state*": the kind of place after its name claims nothing
    kinds = kinds | {t for i, w in enumerate(words) if i and w in _PLACE_KINDS
                     and words[i - 1] not in STOPWORDS for t in ranker.lexicon.terms(w)}
    # ("did *the dogs* have to go through a blizzard", "*his team*", "*used to*": who or when)
    kinds = kinds.union(*(ranker.lexicon.terms(w) for w in _said_of_whom(words, fact)))
    # ("was *the real* Balto there": the dog himself, not his statue or film; no claim)
    return kinds | {t for i, w in enumerate(words[1:-1], 1)
                    if w in ("real", "actual") and words[i - 1] == "the"
                    and set(ranker.lexicon.terms(words[i + 1])) & set(analysis.name_terms)
                    for t in ranker.lexicon.terms(w)}


def _said_of_whom(words: Sequence[str], fact: Fact) -> list[str]:
    """Words that say only who or when: the relay's own dogs or mushers, said of a fact about
    the whole relay (they only say who went through it); "used to"; "his team"."""
    relays_own = _the_relays_own(words) if IMPLIED_SUBJECT in fact.about else ()
    return [*relays_own, *_habit(words), *_own_team(words)]


def _own_team(words: Sequence[str]) -> list[str]:
    """The "team" (or "dogs") of "his team", "her dogs": the one spoken of, with his dogs
    ("did seppala take *his team* across the ice")."""
    return [w for i, w in enumerate(words) if i and w in ("team", "dogs")
            and words[i - 1] in ("his", "her", "their")]


def _habit(words: Sequence[str]) -> list[str]:
    """The "used" of "used to" (or "use to", as heard): it says when, not what."""
    return [w for i, w in enumerate(words[:-1]) if w in ("used", "use") and words[i + 1] == "to"]


def _the_relays_own(words: Sequence[str]) -> Sequence[str]:
    """ "Did *the dog teams* go through a blizzard": the words that say those who ran the
    relay, said as a whole after a yes/no opener, with what they were; none otherwise."""
    if len(words) <= 3 or words[0] not in YES_NO_STARTS or words[1] != "the":
        return ()
    said = list(itertools.takewhile(lambda w: w in _RELAY_KINDS, words[2:]))
    head = words[2 + len(said)] if len(words) > 2 + len(said) else ""
    return (*said, head) if head in _THE_RELAYS_OWN else ()


#: Those who ran the relay, said as a whole.
_THE_RELAYS_OWN = frozenset("dogs mushers teams drivers men".split())
#: What those who ran it were, said before them ("the *dog* teams", "the *sled* dogs").
_RELAY_KINDS = frozenset("dog sled".split())


def _there_was(query: Query, fact: Fact) -> bool:
    """ "Was there a second shipment", "is there a statue of Togo": something the question
    names, asked whether it exists, that the fact is about."""
    words = query.words[query.core_start:]
    return (len(words) > 2 and words[0] in ("is", "was", "are", "were") and words[1] == "there"
            and bool(query.named) and query.named[0] in fact.about and not query.claim)


def unheard(query: Query, analysis: Analysis) -> bool:
    """Whether the question uses words the store has never heard, other than a name heard by
    its sound ("is toe go in *wah silla*") or the words that named a topic some fact records
    ("who *figured out* it was diphtheria": the diagnosis)."""
    understood = query.heard_as_names | query.understood
    return any(word not in understood for word in analysis.unknown)


#: Phrases that say no in more than one word ("turned down", "left out", "fell out").
_NEGATIVE_PHRASE = re.compile(
    r"\b(turned down|turn down|left out|leaves out|leave out|fell out|fell through|no longer)\b")


def _negates_claim(ranker: Ranker, words: Sequence[str], asked: Sequence[str]) -> bool:
    """Whether the fact's words deny what the question claims: a negation among the four
    words before a claimed word ("was *never* neutered"), or anywhere when no claimed word is
    the fact's own. A negation elsewhere denies something else ("Balto was neutered young, so
    he could *not* be used as a stud dog")."""
    claimed = [i for i, w in enumerate(words) if set(ranker.lexicon.terms(w)) & set(asked)]
    if not claimed:
        return bool(set(words) & _NEGATIONS or _NEGATIVE_PHRASE.search(" ".join(words)))
    return any(set(words[max(0, i - 4):i]) & _NEGATIONS
               or _NEGATIVE_PHRASE.search(" ".join(words[max(0, i - 4):i + 1]))
               for i in claimed)


def links_named(query: Query, fact: Fact) -> bool:
    """Whether the fact records one named entity as the value of another's relation."""
    return any(value in query.named for named in query.named
               for value in fact.answers.get(named, {}).values() if isinstance(value, str))


#: A name in a fact's text: capitalised words, one or more ("Leonhard Seppala").
_NAME_AFTER = re.compile(r"^\s*((?:[A-Z][a-z]+\s?){1,3})")


def _deed_done_to_another(ranker: Ranker, query: Query, fact: Fact) -> bool:
    """Whether the fact says the deed the question claims was done to someone else, and never
    names the one claimed: "does Willem Dafoe play Kaasen" against "Willem Dafoe plays
    Leonhard Seppala"."""
    store = ranker.store
    words = query.words[query.core_start:]
    text = fact.answer.lower()
    claimed = [store.entities[e] for e in query.named if e in store.entities
               and store.entities[e].type in ("person", "dog") and e not in fact.about
               and not store.entities[e].named_in(text)]
    if len(claimed) != 1:
        return False
    # The deed: a word of the question just before the one claimed ("play *kaasen*").
    at = next((i for i, w in enumerate(words) if claimed[0].named_in(f"{w} ")), None)
    if not at or words[at - 1] in STOPWORDS:
        return False
    deed = stem(words[at - 1])
    for match in re.finditer(r"[A-Za-z]+", fact.answer):
        if stem(match.group().lower()) == deed and _NAME_AFTER.match(fact.answer[match.end():]):
            return True
    return False


def _names_another(ranker: Ranker, query: Query, fact: Fact) -> bool:
    """Whether the fact records, for something the question names, a relation the question
    speaks of, held by someone else of the kind the question names ("did Kaasen own Balto":
    Balto's owner is Seppala, a person, as Kaasen is)."""
    store = ranker.store
    kinds = {store.entities[e].type for e in query.named if e in store.entities}
    for named in query.named:
        relations = fact.answers.get(named, {})
        # (a place the fact also records for them, the one named, holds the other: Brookside
        # Zoo is where Balto lived, and Cleveland where his later life was)
        held = {v for v in relations.values() if isinstance(v, str)} & set(query.named)
        for key, value in relations.items():
            topic = key.partition(".")[0]
            if (topic in query.topics_said and isinstance(value, str) and value in store.entities
                    and value not in query.named and store.entities[value].type in kinds
                    and not (store.entities[value].type == "place" and held)):
                return True
    return False
