"""Understanding a spoken question: who or what it is about, what it asks of them, and how.

The result, a :class:`Query`, is what the answering step decides on:

- **entities** named (exactly or by sound, see :mod:`skill.facts.names`), pronouns and elliptical
  turns ("and togo", "and when") resolved against the conversation's :class:`Context`;
- **topic and facet** (see :mod:`skill.facts.relations`): "where was X laid to rest" asks
  ``remains.where``, "who passed the serum to X" ``handoff.from``;
- **form**: a question word, a yes/no question, or a comparison ("who was born first, Seppala
  or Kaasen", "which leg was the longest");
- the **core** of a chatty question ("my grandson keeps asking me whether the real Balto was
  half wolf"): the words from its last question word on. Topics and names count anywhere, but
  only words of the core that the store does not know count against an answer.

Pure: standard library only.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from skill.facts.context import Context
from skill.facts.names import GENERIC_NAME_WORDS, OWNERS, Mention, NameMatcher
from skill.facts.relations import Comparative, Hit, Relations
from skill.facts.rewording import Rewording
from skill.records import Record
from skill.text.normalise import FILLERS, plain_words
from skill.text.numbers import BELOW_ZERO, MONTHS
from skill.text.vocabulary import (
    ASKS_YES_NO,
    BE_FORMS,
    BEING,
    MADE,
    NEGATED_AUXILIARIES,
    NOT_FOCUS,
    PRONOUNS,
    QUESTION_WORDS,
    STOPWORDS,
    YES_NO_STARTS,
    stem,
)

if TYPE_CHECKING:
    from skill.facts.lexicon import Lexicon
    from skill.facts.store import FactStore

#: Words asking a colour, and what may stand between them and the thing coloured.
_COLOURS = frozenset("colour color colours colors".split())
_COLOUR_GAP = BE_FORMS | {"the", "a"}
#: Words that may stand between one described and the name said of it ("the doctor *in*
#: nome *named* curtis welch"), and words that put a name in a place ("was balto *in* nome").
_DESCRIBED_GAP = frozenset("in at of from on named called".split())
_PLACED_BY = frozenset("in at of from on to near".split())
#: Words after which a new clause, and so possibly the real question, begins.
_CLAUSE_OPENERS = frozenset(
    """and but so if whether know wondering wonder curious asked asking question tell me out
    told said think thought remember""".split()
)
#: Words after which "whether" or "if" opens the question ("wants to know if ...").
_ASKING = frozenset("know wondering wonder asking asked ask curious see tell me out sure remember "
                    "recall forget forgot".split())
#: What starts an elliptical follow-up ("and togo", "what about kaasen", "how about the dog").
_ELLIPSIS_OPENERS: tuple[tuple[str, ...], ...] = (
    ("and", "what", "about"), ("and", "how", "about"), ("what", "about"), ("how", "about"),
    ("same", "question", "for"), ("same", "for"), ("and", "for"), ("what", "of"), ("and",),
)
_OTHER_ONE = (("the", "other", "one"), ("the", "other", "dog"), ("the", "other"), ("other", "one"))
#: "How far did *the other one* go": the one of two just talked of, said inside a question.
_THE_OTHER = frozenset({"one", "dog", "guy", "man", "musher", "fellow"})
_CATEGORY_WORDS = {
    "dog": "dog", "dogs": "dog", "musher": "person", "mushers": "person", "driver": "person",
    "drivers": "person", "man": "person", "person": "person", "leg": "leg", "legs": "leg",
    "stretch": "leg", "team": "leg", "teams": "leg", "stage": "leg", "part": "leg",
}
_KINDS = frozenset("kind kinds type types sort sorts".split())
#: Words that end a noun's phrase as adverbs ("the doctor *up* in nome").
_PARTICLES = frozenset("up down out over back away off there here".split())
#: Topics that are someone's relatives, who may be the subject of what else is asked.
RELATIVES = frozenset({"spouse", "parents", "offspring", "siblings", "family"})
#: Facets that ask a measure: one of them asked after another asks something new.
_MEASURES = frozenset(
    {"miles", "duration", "how_many", "age", "temperature", "weight", "speed", "height", "percent"})
#: Measures of a living thing: "it" asked them may be a dog.
_LIVING_MEASURES = frozenset({"age", "weight"})
#: The words of a question that asks nothing of its own ("who was that", "what was his name").
_EMPTY_TAIL = QUESTION_WORDS | PRONOUNS | YES_NO_STARTS | FILLERS | frozenset(
    "that this those these one ones the a an it then there really exactly name called again "
    "right true tell say answer think whos should would could can will do does i me you "
    "real actual story deal truth".split())
#: Words that ask the hour, not only the day.
_CLOCK_ASKED = frozenset({("what", "time"), ("what", "hour"), ("which", "hour")})
#: Words asking the day, not only the year ("his exact birthday", "what day").
_DAY_ASKED = frozenset("birthday birthdate date day exact exactly".split())
#: Pronouns for a person or a dog ("he", "her"), not a thing.
ANIMATE = frozenset("he him his she her hers".split())
#: Words between "in" and the place it puts something in ("in downtown anchorage").
_BEFORE_A_PLACE = frozenset("the downtown uptown central city town of".split())
#: Topics where "it" stands for the weather, not a thing ("how cold was it").
_WEATHER_TOPICS = frozenset({"temperature", "wind", "duration"})
_INANIMATE = frozenset("it its".split())
_THINGS = ("film", "topic", "event", "place")
#: Prepositions before a place named only as where something happened.
_LOCATIVE = frozenset(
    "from to in at near outside into across over through".split())
#: Words that describe rather than name what is asked ("what second shipment").
#: Words before a noun that say which or how many, not what ("*all* the dogs").
_DETERMINERS = frozenset("the a an his her their its all both every each".split())
_ORDINALS_AND_SIZES = frozenset(
    "second third fourth big bigger biggest small little large famous real".split())
#: Words of order before the thing whose name is asked ("the name of the last ship").
_ORDER_WORDS = frozenset("first second third last final next previous".split())
#: Topics that name an entity by its role towards another ("the musher of togo", "kaasen's
#: lead dog").
ROLES = frozenset({"musher", "lead_dog", "owner", "siblings", "parents", "spouse"})
#: Facets that, asked of a role ("how far did his brother go"), ask about the one in the role.
_ROLE_FACETS = frozenset({"when", "where", "miles", "age", "how_many", "duration", "temperature",
                          "weight", "speed", "order"})
#: A long utterance whose question sits at its end ("my class wants to know who ...").
_CHATTY_WORDS = 8


#: Words joining a description and the one it describes to ask for another holder of it.
_ANOTHER_THAN = frozenset({
    ("before",), ("after",), ("besides",), ("except",), ("from",), ("other", "than"),
    ("apart", "from"), ("instead", "of"), ("replaced",), ("succeeded",)})


class Query(Record):
    """What a question asks, as far as the words tell (see the module docstring)."""

    __slots__ = ()

    words: tuple[str, ...]
    ranker_text: str
    form: str  # "wh", "yes_no" or "compare"
    entities: tuple[str, ...]
    topic: str | None
    facet: str | None
    comparative: Comparative | None = None
    category: str | None = None
    elliptical: bool = False
    from_context: bool = False
    by_sound: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    core_start: int = 0
    topic_from_question: bool = False
    facet_from_question: bool = False
    weak_topic: bool = False
    #: The first entity is only where something happened ("the race from anchorage to nome").
    subject_is_setting: bool = False
    #: The words that named the topic ("miles per hour"), which a fact must use to answer it.
    topic_words: tuple[str, ...] = ()
    #: The entities are asked about together ("films about balto and togo").
    coordinated: bool = False
    #: A comparison asked as a yes/no question ("was togo older than balto").
    yes_no_compare: bool = False
    #: The thing said as the subject's own ("harness" in "what colour was togo's harness"):
    #: a fact about the subject that never mentions it does not answer.
    possessed: tuple[str, ...] = ()
    #: Every entity named, the story's background included ("did balto die in nome").
    named: tuple[str, ...] = ()
    #: Other topics the question names ("were the mushers native": mushers, then ethnicity).
    more_topics: tuple[str, ...] = ()
    #: The question names something the skill's story is about (a name, or a word such as
    #: "musher", "sled", "serum"): without it, nothing is asked of the relay by default.
    in_domain: bool = False
    #: The words naming what a question asks the name of ("which newspaper", "the names of
    #: welch's nurses"): a fact that only says "a newspaper" does not answer.
    asked: tuple[str, ...] = ()
    #: The thing "the name of ..." asks the name of ("the vaudeville *act*"): a fact that
    #: never speaks of it does not answer either.
    name_of: tuple[str, ...] = ()
    #: A place the question proper names that no name, topic or facet accounts for ("did
    #: balto die in *alaska*"): a claim the answer must check before it may say yes.
    claim: tuple[str, ...] = ()
    #: The thing whose kind is asked ("what kind of sled"): a fact that never speaks of it
    #: does not answer.
    kind_of: tuple[str, ...] = ()
    #: The question proper opens by asking the facet's measure ("how cold was it ..."), not
    #: only mentions it ("name the long distance race").
    measure_asked: bool = False
    #: The question asks only of "that", the last answer ("what year was that", "when was
    #: this").
    of_last_answer: bool = False
    #: Every topic the words speak of, weak ones too ("own" in "did kaasen own balto").
    topics_said: frozenset[str] = frozenset()
    #: The hour is asked ("what time did the train leave"), not only the day.
    clock_asked: bool = False
    #: The one a description is asked of besides, how, then the description's words
    #: ("Seppala's lead dog before Togo": togo, before, seppalas, lead, dog).
    another_than: tuple[str, ...] = ()
    #: The day is asked ("what was balto's exact birthday"), not only the year.
    day_asked: bool = False
    #: A claim said, then asked about, that denies something ("the plane couldn't go, is that
    #: right"): yes if what it denies did not happen.
    negated_claim: bool = False
    #: Words heard as a name by sound ("wah silla"): not words the store has never heard.
    heard_as_names: frozenset[str] = frozenset()
    #: Places the question proper puts what it asks in or at ("who sculpted the statue *in
    #: anchorage*"): a fact that never speaks of the place does not answer.
    located: tuple[tuple[str, str], ...] = ()
    #: "Was Togo Seppala's lead dog", "is Balto Kaasen's lead dog": a yes/no question saying
    #: one named is another, by a name or a description the store gives it (the two ids).
    identity: tuple[str, ...] = ()
    #: A clause after the topic dates what is asked ("what job did Kaasen have *after he
    #: moved to Everett*"): the words of the clause only say when.
    dated_by_clause: bool = False
    #: The topics said before that clause ("what happened to Balto's *body* after he died").
    before_clause: frozenset[str] = frozenset()
    #: A question offering names to choose from ("is the statue balto or togo", "did shannon
    #: or kaasen go farther", "who owned balto, was it seppala or kaasen"): answered by which,
    #: never by yes or no, and not as if each name were asked about.
    choice: bool = False
    #: The stems of the words that named a topic some fact records ("figured out": the
    #: diagnosis), understood though no fact uses them.
    understood: frozenset[str] = frozenset()


def _starts_with(words: Sequence[str], phrase: Sequence[str]) -> bool:
    return tuple(words[: len(phrase)]) == tuple(phrase)


def _core_start(words: Sequence[str]) -> int:
    """Where the question proper begins in a chatty utterance (0 for a plain question)."""
    if len(words) <= _CHATTY_WORDS:
        # (short, but for a frame asking it: "my son wants to know *who seppala was*", or a
        # label before it: "pub quiz *who wrote the cruelest miles*")
        return next((i for i in range(1, len(words) - 1)
                     if words[i] in QUESTION_WORDS and (
                         (i >= 2 and words[i - 1] in _ASKING) or _labelled(words, i))), 0)
    starts = [0, *(start for i in range(1, len(words) - 1)
                   if (start := _question_at(words, i)) is not None)]
    # A question word leading only a tail with nothing of its own ("... who was that", "...
    # what was her name") leaves the content before it to the question.
    for start in reversed(starts[1:]):
        if len(words) - start >= 2 and any(w not in _EMPTY_TAIL for w in words[start:]):
            return start
    if len(starts) > 1:
        # "... my teacher said i need the name of the very first musher, who was it": the
        # content after the last clause opener before the empty tail.
        openers = [j + 1 for j in range(starts[-1] - 1, 0, -1) if words[j] in _CLAUSE_OPENERS]
        return openers[0] if openers else 0
    return 0


#: Words opening a description that a question word goes on ("the musher *who* drove the last
#: leg"), not a label said before a question.
_DESCRIBED = frozenset("the a an his her their its this that these those some any".split())
_JOINING = frozenset("and or but".split())


def _labelled(words: Sequence[str], i: int) -> bool:
    """A question word at ``i`` after a label of words that ask nothing ("pub quiz who wrote
    the cruelest miles", "trivia question what year ..."), not a description it goes on."""
    before = words[:i]
    return (i <= 3 and before[0] not in _DESCRIBED and not any(
        w in QUESTION_WORDS or w in YES_NO_STARTS or w in PRONOUNS or w in _JOINING
        for w in before) and len(words) - i >= 3 and words[i + 1] not in ("about", "of")
        and any(w not in _EMPTY_TAIL for w in words[i:]))


def _positions(spans: Iterable[Mention | Hit]) -> set[int]:
    """The word positions the names or phrases found take up."""
    return {i for span in spans for i in range(span.start, span.end)}


#: Tags that settle an argument: the claim asked about is the first one reported ("he
#: says balto was a wolf dog and i say he was a husky, who is right").
_WHO_IS_RIGHT = ("who is right", "who is correct", "which of us is right",
                 "which one of us is right", "who is wrong")
#: What turns a claim into a question when said after it ("... is that true", "... right").
_TRUTH_TAGS: tuple[tuple[str, ...], ...] = tuple(sorted((tuple(t.split()) for t in (
    "is that true", "is that right", "is that correct", "is it true", "is this true",
    "is that so", "is he right", "is she right", "are they right", "am i right",
    "was that true", "was he right", "right", "true", "correct", "or not", "yes or no", "yes",
    "yeah", *_WHO_IS_RIGHT)),
    key=len, reverse=True))
#: Words that deny a claim ("the plane *couldn't* go").
_CLAIM_NEGATIONS = NEGATED_AUXILIARIES | {"not", "no", "never"}
_TAG_ENDS = frozenset(tag[-1] for tag in _TRUTH_TAGS)
#: Words that may sit inside a tag ("is that *even* right").
_TAG_ADVERBS = frozenset("actually really even true".split()) - {"true"}
#: Words that report someone else's claim ("my husband *says* ..."): the claim follows.
_REPORTING = frozenset(
    """says said say told tells thinks thought heard read claims claimed saying bragging
    believes reckons insists swears""".split())


def _tagged_claim(words: list[str],
                  names: Callable[[Sequence[str]], Sequence[Mention]] = lambda _: ()
                  ) -> list[str] | None:
    """The claim of "so my husband says togo ran three hundred miles, is that even right":
    the words between what reports it and the tag, or None if no tag ends the words. Of two
    claims argued over ("... who is right"), the last if it ``names`` something, else the
    first ("he says balto was a wolf dog and i say *he* was a husky")."""
    if not words or words[-1] not in _TAG_ENDS:
        return None
    kept = [w for w in words[-5:] if w not in _TAG_ADVERBS]
    tag = next((t for t in _TRUTH_TAGS if tuple(kept[-len(t):]) == t), None)
    if tag is None or words[0] in QUESTION_WORDS or words[0] in YES_NO_STARTS:
        return None  # ("was balto real or not" is a question already)
    cut = len(words)
    for _ in tag:
        cut -= 1
        while cut > 0 and words[cut - 1] in _TAG_ADVERBS:
            cut -= 1
    claim = _claim_reported(words[:cut], " ".join(tag) in _WHO_IS_RIGHT, names)
    while claim and claim[0] in ("me", "us", "that", "them", "him", "her"):
        claim = claim[1:]
    return claim if len(claim) >= 2 else None


def _claim_reported(claim: list[str], argued: bool,
                    names: Callable[[Sequence[str]], Sequence[Mention]]) -> list[str]:
    """The claim after what reports it ("my husband *says* ..."): the last one, or, of two
    ``argued`` over, the first up to "and I say" when the speaker's own names nothing."""
    reported = [i for i, w in enumerate(claim) if w in _REPORTING]
    if len(reported) > 1 and argued:
        first = claim[reported[0] + 1:]
        ends = [i for i in range(len(first) - 2)
                if first[i] == "and" and first[i + 1] in ("i", "we") and first[i + 2] in _REPORTING]
        first = first[:ends[0]] if ends else first
        last = claim[reported[-1] + 1:]
        if tuple(last[:2]) in _IT_WAS or tuple(last[:1]) in _IT_WAS:
            # "he says togo ran the longest part and i say *it was balto*": which of them
            # did it is asked, "who ran the longest part"
            said = names(first)
            if said and said[0].start == 0:
                return ["who", *first[said[0].end:]]
        if not names(last):
            return first
    return claim[reported[-1] + 1:] if reported else claim


#: How a second claim says another did what the first claims ("... and I say *it was*
#: Balto").
_IT_WAS = frozenset({("it", "was"), ("it", "is"), ("its",), ("twas",)})


#: Words that say how real or whose a thing is, not what it is ("balto's *actual* body").
_MERE_ADJECTIVES = frozenset("actual real own very whole entire original true".split())


def _past_mere_adjectives(words: Sequence[str], at: int) -> int:
    """The position of the word at ``at`` or after the mere adjectives there, short of the
    last word."""
    while at + 1 < len(words) and words[at] in _MERE_ADJECTIVES:
        at += 1
    return at


def _thing_after(words: Sequence[str], start: int, covered: set[int]) -> str | None:
    """The first word of the thing asked from ``start`` ("which newspaper", "what ship"),
    past names, articles and the year of it ("which month of *1925*"); None where a word of
    size or order, which describes rather than names it, or a small word comes first."""
    for i in range(start, min(start + 4, len(words))):
        if words[i] in ("the", "his", "her", "their", "of") or i in covered or (
                words[i].isdigit() and words[i - 1] == "of"):
            continue
        if words[i] not in NOT_FOCUS and words[i] not in _ORDINALS_AND_SIZES:
            return words[i]
        return None
    return None


#: Pronouns a clause opens with: "did *they* find", "when *he* died" (a yes/no question
#: mid-utterance, a moment asked of).
SUBJECT_PRONOUNS = frozenset("he she they it".split())
#: Where someone is *from*: a birthplace, or else the place they were of (a topic of its own).
ORIGIN_OF: dict[str, str] = {"birth": "origin"}
#: Verbs saying the one named got the serum ("did Kaasen get it from Olson") or bought a dog.
GETTING = frozenset({"get", "got", "take", "took", "receive", "received", "gets", "takes",
                     "buy", "bought", "buys", "purchase", "purchased", "pay", "paid", "pays"})
#: Topics of a thing passing from one to another, asked "who" in one direction: who gave
#: (``from``) or who got it (``to``): the serum's hand-over, a dog's sale.
_PASSED_ON = frozenset({"handoff", "sale"})


#: Pronouns said as the one who acts, and as the one acted on ("where did *they* take *him*").
_SUBJECTS = frozenset("he she they".split())
_OBJECTS = frozenset("him her them".split())


def _with_recent(d: _Draft, compared: list[str], recent: list[str]) -> list[str]:
    """The named and the recent compared, in the order said: "was *he* heavier than
    balto" asks of him first."""
    first = min((m.start for m in d.mentions if m.start >= d.core), default=0)
    said_first = any(w in PRONOUNS for w in d.words[d.core:first])
    return [*recent, *compared] if said_first else [*compared, *recent]


def _did_they_at(words: Sequence[str], i: int) -> bool:
    """ "... that dna study they did on balto *did they* find any wolf in him": a yes/no
    question opening mid-utterance, after no question word ("how many units of antitoxin
    *did they* find" is one question)."""
    before = words[i - 1]
    # ("... my wife is crazy about dogs *is there* a balto statue there": one asking whether
    # something is)
    asks = (words[i] in ("did", "does", "do") and words[i + 1] in SUBJECT_PRONOUNS
            or words[i] in ("is", "are", "was", "were") and words[i + 1] == "there")
    return (asks and before not in STOPWORDS and before not in YES_NO_STARTS
            and not any(w in QUESTION_WORDS for w in words[:i]))


def _only_a_clause(words: Sequence[str], i: int, opener: bool) -> bool:
    """Whether the question word at ``i`` only opens a clause: "how old was kimble *when* he
    rescued balto", "did the balto cartoon make back *what* it cost", "... and i didn't know
    *what to say*"."""
    word = words[i]
    if word in ("when", "where") and not opener and (
            words[0] in ASKS_YES_NO or any(w in QUESTION_WORDS for w in words[:i])
            # (a yes/no asked after a preamble: "the kids are asking *was* the real balto
            # there *when* they unveiled it")
            or any(words[j] in YES_NO_STARTS and words[j - 1] in _ASKING for j in range(1, i))):
        return True
    if word in QUESTION_WORDS and not opener and words[0] in ASKS_YES_NO:
        return True
    return word in QUESTION_WORDS and i + 1 < len(words) and words[i + 1] == "to"


def _question_at(words: Sequence[str], i: int) -> int | None:
    """Where a question begins if one begins at word ``i`` of a chatty utterance."""
    word, before = words[i], words[i - 1]
    opener = before in _CLAUSE_OPENERS or before in _ASKING
    if _only_a_clause(words, i, opener):
        return None
    if before == "like" and words[0] in QUESTION_WORDS:
        # ("where was balto before cleveland *like what city*": the question already asked,
        # narrowed, not a new one)
        return None
    if word in QUESTION_WORDS and not (word == "what" and before == "about"):
        return i
    if word in YES_NO_STARTS and opener and words[i + 1] != "to":
        return i  # (not "... and *had to* be freed": the clause goes on)
    if _did_they_at(words, i):
        return i
    if word in ("whether", "if") and before in _ASKING:
        return i + 1
    return None


def _ellipsis_opener(words: Sequence[str]) -> tuple[str, ...]:
    """The words opening an elliptical follow-up ("and", "what about"), or none."""
    for opener in _ELLIPSIS_OPENERS:
        if _starts_with(words, opener):
            return opener
    return ()


def _only_names(words: Sequence[str], mentions: Sequence[Mention], offset: int = 0) -> bool:
    """Whether the words (from position ``offset`` of the question) are names and nothing
    more ("togo", "the musher kaasen")."""
    return bool(words) and bool(mentions) and all(
        w in STOPWORDS or w in FILLERS or any(m.start <= i < m.end for m in mentions)
        for i, w in enumerate(words, offset))


def _asked_head(words: Sequence[str], hit: Hit, core_start: int) -> bool:
    """Whether the topic is the thing "what" or "which" asks, in the question proper: "what
    *trail* did the mushers follow", "what the *sickness* was that everybody feared"; not a
    word describing it ("which *norwegian* polar explorer"), nor one asking a facet ("what
    *time*", for which the caller passes the cued positions)."""
    before = list(words[max(core_start, hit.start - 2):hit.start])
    if before[-1:] == ["the"]:
        before = before[:-1]
    after = words[hit.end] if hit.end < len(words) else ""
    return (before[-1:] in (["what"], ["which"]) and hit.end - hit.start == 1
            and (not after or after in NOT_FOCUS and not after.endswith("ed")))


#: Words that open a clause saying when the thing asked happened ("... *after* he moved").
_TIME_CLAUSE = frozenset("after before when while since until once".split())
#: ... at or after a time the clause names ("after he moved to Everett", "when he lived").
_LATER_CLAUSE = frozenset("after when while since".split())


def _in_time_clause(words: Sequence[str], hit: Hit, core_start: int) -> bool:
    """Whether the topic is said in a clause that only dates what is asked: "what did Kaasen
    do for work *after he moved to Everett*" asks his work, not where he lived; "did Balto
    become a stud dog *after the run*" (a topic said as such a clause) asks of stud dogs."""
    return any(w in _TIME_CLAUSE for w in words[core_start + 1:hit.start + 1])


#: Words that open a clause describing a thing just named ("the sled *that* got ...").
_RELATIVE_WORDS = frozenset("that which who".split())
_RESULT_WORDS = frozenset("so such".split())


def _in_relative_clause(words: Sequence[str], hit: Hit, core_start: int) -> bool:
    """Whether the topic is said in a clause describing a thing the question names after its
    verb: "who drove the sled *that got the medicine into nome*" asks who drove, not who got
    the medicine (those treated)."""
    return any(words[j] in _RELATIVE_WORDS and words[j - 1] not in NOT_FOCUS
               # (not a result: "was he *such* a runt *that* seppala gave him away")
               and not _RESULT_WORDS.intersection(words[core_start:j])
               for j in range(core_start + 2, hit.start))


def _determined(words: Sequence[str], hit: Hit, hits: Sequence[Hit] = ()) -> bool:
    """Whether the topic is one noun after "the": the thing a question speaks of ("what did
    *the mushers* eat"), beside which another topic is what it asks; or one word describing
    the thing asked."""
    if hit.end - hit.start != 1 or not 0 < hit.start <= len(words):
        return False
    before = words[hit.start - 1]
    # (or one word describing the thing asked: "which *norwegian* polar explorer")
    after = words[hit.end] if hit.end < len(words) else ""
    if before == "the":
        # ("who was *the pilot*": the thing asked, not spoken of)
        return not (hit.start >= 3 and words[hit.start - 2] in ("was", "is", "were", "are")
                    and words[hit.start - 3] in ("who", "what", "which"))
    if before not in ("which", "what") and hit.start >= 2 and before not in NOT_FOCUS and (
            words[hit.start - 2] in ("which", "what")
            and not any(other.start == hit.end for other in hits)):
        # (after another word describing it, "which *famous* norwegian explorer"; not the
        # thing asked, whose deed follows: "what famous race *remembers* the serum run")
        before = words[hit.start - 2]
    return (before in ("which", "what") and after not in NOT_FOCUS
            and not after.endswith("ed"))  # (not "which actor *played*")


#: Words that say what kind of one a name is, after it ("balto *the sled dog*").
_KIND_OF_ONE = frozenset("sled dog dogs husky musher lead famous hero doctor".split())


def _appositions(words: Sequence[str], mentions: Sequence[Mention]) -> set[int]:
    """Positions of "the ..." right after a name that only say what kind of one it is ("what
    year did balto *the sled dog* die"): part of the name, not a topic."""
    found: set[int] = set()
    for m in mentions:
        i = m.end
        # (not "balto's the famous one": "balto is", a claim, not an apposition)
        if (i + 1 < len(words) and words[i] == "the" and words[i + 1] in _KIND_OF_ONE
                and not m.possessive):
            j = i + 1
            while j < len(words) and words[j] in _KIND_OF_ONE:
                j += 1
            found.update(range(i, j))
    return found


#: Who a clause of the speaker's own business is about ("*my* grandmother grew up ...").
SPEAKERS = frozenset("i i'm im we my our me".split())
_CLAUSE_BREAKS = frozenset("and but so because when then".split())
#: Words that open an utterance before the speaker speaks of themself ("hi there, I'm ...").
_GREETINGS = frozenset(
    "good morning afternoon evening hi hello hey there okay ok so well um uh oh alright".split())
_LEARNING = frozenset("hear learned learnt know knew think read saw seen watched".split())


_BACK_PRONOUNS = frozenset("it its they them their there one ones".split())
_BACK_DEMONSTRATIVES = frozenset("that this those these".split())


def _points_back(words: Sequence[str]) -> bool:
    """Whether a question stands on what was said before it: "who wrote *it*", "which dog
    was *that*" (not "that film", which names its own noun), "what year was the first
    *one*", or a bare "which dog"."""
    return all(w in _EMPTY_TAIL or w in _KIND_OF_ONE or w in STOPWORDS for w in words) or any(
        w in _BACK_PRONOUNS and not (w in _THEY and _many_before(words[:i]))
        or w in _BACK_DEMONSTRATIVES and (i + 1 == len(words) or words[i + 1] in STOPWORDS)
        and tuple(words[i - 1:i]) != ("all",)  # ("after all that": everything, not a thing)
        for i, w in enumerate(words))


_THEY = frozenset("they them their".split())


def _speakers_preamble(words: Sequence[str], core: int) -> bool:
    """Whether the words before the question proper are the speaker's own ("i just finished
    the togo movie ..."), and the question proper does not point back into them ("... which
    dog was that")."""
    return (core > 0 and any(w in SPEAKERS for w in words[:core])
            and not _points_back(words[core:]))


def _asks_before(preamble: Sequence[str]) -> bool:
    """Whether the words before the question proper ask something themselves ("what was the
    name of the zookeeper who ..."): a question word opening them or a clause, not one
    joining a clause to a noun ("the town *where* the relay started", "the cruelest miles,
    *which* was great")."""
    return any(w in QUESTION_WORDS and (i == 0 or preamble[i - 1] in _CLAUSE_OPENERS
                                        or preamble[i - 1] in _ASKING)
               for i, w in enumerate(preamble))


def _many_before(words: Sequence[str]) -> bool:
    """Whether the question itself names some who "they" may be ("what did *scientists* find
    when they looked"): a plural noun before it."""
    return any(len(w) > 3 and w.endswith("s") and w not in STOPWORDS and not w.endswith("ss")
               for w in words)


def _said_of_the_speaker(words: Sequence[str], i: int, floor: int = 0) -> bool:
    """Whether word ``i`` is in a clause of the speaker's own ("*my grandmother* grew up in
    nome", "*i* grew up near nenana"): from its clause's first word, at ``floor`` at the
    earliest (the question proper's start: "my son keeps asking me *why everybody knows
    balto* when ..." is the question, not the son's)."""
    j = i
    while j > floor and words[j - 1] not in _CLAUSE_BREAKS:
        j -= 1
    while j < i and words[j] in _GREETINGS:
        j += 1  # "good morning *i'm* a retired nurse"
    # (not after "i hear", "i read": what follows is said of the story)
    return j < i and words[j] in SPEAKERS and not _reports(words[j:i])


def _after_the_question(words: Sequence[str], i: int, core: int) -> bool:
    """Whether word ``i`` is in a clause of the speaker's own that follows the question
    proper, unpunctuated: "how cold did it get on the run *my kids think fifty below is made
    up*" (the clause opens at the speaker's "my", with a question asked before it; "where can
    *we* go" is still the question)."""
    j = i
    while j > core and words[j - 1] not in _CLAUSE_BREAKS and words[j] not in SPEAKERS:
        j -= 1
    return (core < j < i and words[j] in ("my", "our")
            and any(w in QUESTION_WORDS for w in words[core:j]))


#: What asks the names of what someone owns ("the *names of* kaasen's kids").
_NAMES_OF = frozenset({("names", "of"), ("name", "of")})
def _reports(words: Sequence[str]) -> bool:
    """Whether the words report or learn something ("i *hear*", "my husband *says*"): what
    follows is said of the story, not of the speaker."""
    return any(w in _REPORTING or w in _LEARNING for w in words)


#: Words for some of a group the speaker is in ("*none* of us", "*both* of us").
_SOME_OF = frozenset("none neither both all some most".split())


def _named_then_asked(words: Sequence[str], mentions: Sequence[Mention], core: int) -> bool:
    """ "Gunnar Kaasen, was he from Norway": a name said first, then a yes/no question of
    it by a pronoun."""
    first = next((m for m in mentions if m.start == core), None)
    if first is None:
        return False
    rest = words[first.end - core:]
    return len(rest) > 2 and rest[0] in YES_NO_STARTS and rest[1] in SUBJECT_PRONOUNS


def _asks_yes_no(d: _Draft) -> bool:
    """Whether the question proper asks yes or no: tagged as a claim, opened by an
    auxiliary, after "whether", or of a name said first ("gunnar kaasen, was he ...")."""
    words, core = d.words, d.core
    proper = words[core:]
    # ("*and* did fox come to cleveland too": the follow-up's "and" opens a yes/no too)
    opens = proper[1:2] if proper[:1] == ["and"] and len(proper) > 2 else proper[:1]
    return bool(proper) and (
        d.tagged or opens[0] in YES_NO_STARTS or _named_then_asked(proper, d.mentions, core)
        or core > 0 and words[core - 1] in ("whether", "if"))


def _measure_in_topic(d: _Draft) -> bool:
    """Whether the measure asked is cued only by a word inside the words that named the
    topic ("old *age*": a time of life, not an age)."""
    hit = d.topic_hit
    return hit is not None and hit.facet is None and d.facet in _MEASURES and any(
        c.name == d.facet and hit.start <= c.start and c.end <= hit.end for c in d.cues)


def _speaker_opens(words: Sequence[str], k: int) -> bool:
    """Whether the speaker speaks of themselves from word ``k``: "i ...", "we ...", "none of
    us ...", "nobody here ..."."""
    return (words[k] in SPEAKERS or words[k] in ("nobody", "noone")
            or words[k] in _SOME_OF and tuple(words[k + 1:k + 3]) == ("of", "us"))


#: Verbs of hearing or reading of something, which a speaker says after naming it ("what is
#: this serum run *i keep hearing about*").
_HEARD_OF = frozenset("hearing heard hear read reading reads seen seeing saw".split())


def _speakers_tail(words: Sequence[str], core: int) -> range:
    """A clause of the speaker's own after the question proper ("who sent the telegram *and
    i wasn't sure* ..."): from its break to the next, or empty; or one saying where the
    speaker met the thing asked of, to the end ("... serum run *i am hearing about*")."""
    heard = next((k for k in range(core + 2, len(words) - 1) if words[k] in ("i", "we")
                  and _HEARD_OF & set(words[k + 1:k + 4])
                  and not QUESTION_WORDS & set(words[k:])), None)
    if heard is not None:
        return range(heard, len(words))
    asked = False
    for k in range(core + 1, len(words)):
        asked = asked or words[k - 1] in QUESTION_WORDS
        if asked and words[k - 1] in _CLAUSE_BREAKS and _speaker_opens(words, k):
            end = next((j for j in range(k + 1, len(words)) if words[j] in _CLAUSE_BREAKS),
                       len(words))
            if not _reports(words[k:end]):
                return range(k - 1, end)
    return range(0)


def _outermost(hits: Sequence[Hit]) -> list[Hit]:
    """ "How long was balto's *part of the race*": a trigger inside a longer one is its (not
    a strong one inside a weak one: "where did togo *get his name from*" is where his name
    came from, not a hand-over)."""
    return [h for h in hits
            if not any(_within(h, o) and not (o.weak and not h.weak) for o in hits)]


def _unframed(hits: list[Hit], words: Sequence[str], mentions: Sequence[Mention]) -> list[Hit]:
    """ "What happened *to* his ashes": a question phrase ending in "to" or "of" frames the
    topic named right after it (after "the", "his" or an owner's name), and is dropped."""
    owners = {i for m in mentions if m.possessive for i in range(m.start, m.end)}

    def frames(h: Hit) -> bool:
        return bool(words) and words[h.start] in QUESTION_WORDS and words[h.end - 1] in (
            "to", "of") and any(
            o.start >= h.end and not o.weak and all(
                words[i] in _DETERMINERS or i in owners for i in range(h.end, o.start))
            for o in hits)

    return [h for h in hits if not frames(h)] or hits


def _set_against(between: Sequence[str]) -> bool:
    """Whether words between two names set the second against the first ("where is balto's
    body *compared to* togo's", "balto *versus* togo"): both are asked, as with "and"."""
    return between[-1:] in (["versus"], ["vs"]) or between[-2:] in (
        ["compared", "to"], ["compared", "with"])


def _before_a_deed(hit: Hit, words: Sequence[str], hits: Sequence[Hit]) -> bool:
    """ "How many dogs did evans *end up carrying*", "why did seppala and kaasen *end up
    rivals*": a phrasal verb before the deed or the state it ends in asks of that (ending up
    doing a thing is doing it; ending up rivals, being rivals)."""
    if words[hit.end - 1] not in _PARTICLES:
        return False
    after = words[hit.end] if hit.end < len(words) else ""
    return (after.endswith("ing") and len(after) > 4) or any(
        h.start == hit.end and h.name != hit.name for h in hits)


def _kind_before_a_deed(hit: Hit, words: Sequence[str], hits: Sequence[Hit]) -> bool:
    """ "Which *musher* started the relay": the one-word kind "which" asks, said right before
    the deed the question asks of it, is who is asked (a person), not the topic."""
    return (hit.end - hit.start == 1 and hit.start > 0 and words[hit.start - 1] in ("which", "what")
            and hit.end < len(words) and words[hit.end] not in STOPWORDS
            and any(h.start == hit.end and h.name != hit.name for h in hits))


#: Verbs of going somewhere, which "to" and another verb turn into a purpose.
_GOING = frozenset("go goes going gone went come comes coming came".split())


def _going_to_do(hit: Hit, words: Sequence[str], hits: Sequence[Hit]) -> bool:
    """ "Where did he *go to live*": going somewhere to do something asks of what he did
    there (where he lived), not of a journey."""
    return (hit.end - hit.start == 1 and words[hit.start] in _GOING
            and words[hit.end:hit.end + 1] == ["to"]
            and any(h.start == hit.end + 1 and h.name != hit.name for h in hits))


def _recent(context: Context, said: set[str]) -> tuple[str, ...]:
    """The ones talked of, most recent first; "where did they take him" after "who saved
    him": the one who acted is the one that answer named, and "him" still the one talked of."""
    recent = (context.entity, *context.entities, *context.values)
    if said & _SUBJECTS and said & _OBJECTS and context.values:
        recent = (*context.values, *recent)
    return tuple(dict.fromkeys(e for e in recent if e is not None))


def _numbers_said(words: Sequence[str], topic_words: Sequence[str]) -> tuple[str, ...]:
    """The figures said; "one" too where it counts the topic's thing ("by just *one*
    musher"), not where it stands for a thing ("which one")."""
    return tuple(_signed(words, i) for i, w in enumerate(words)
                 if w.replace(".", "", 1).isdigit()
                 or w == "one" and i + 1 < len(words) and words[i + 1] in topic_words)


def _signed(words: Sequence[str], i: int) -> str:
    """The figure at ``i`` as a number: "one" as 1; below zero where said so ("minus 62";
    the rewording turns "sixty below" into it)."""
    word = "1" if words[i] == "one" else words[i]
    return f"-{word}" if i > 0 and words[i - 1] in BELOW_ZERO else word


def _day_asked(words: Sequence[str]) -> bool:
    """Whether the day is asked, not only the year: "what day of the year was balto born",
    "balto's exact birthday"; not "what year was togo born exactly", whose year is asked."""
    said = _DAY_ASKED & set(words)
    return bool(said) and not ("year" in words and said <= {"exact", "exactly"})


def _spans_the_cue(hit: Hit, cues: Sequence[Hit]) -> bool:
    """Whether a trigger says its facet over the question phrase it spans: "how long did
    balto *live*" asks his age at death, not a duration."""
    return any(hit.start <= c.start and c.end <= hit.end for c in cues)


def _ends_in_a_name(hit: Hit, mentions: Sequence[Mention]) -> bool:
    """ "give *the serum relay*": a trigger ("give the serum") whose end begins a longer name
    is the verb alone."""
    return hit.end - hit.start > 1 and any(
        hit.start < m.start < hit.end < m.end for m in mentions)


def _short_of_the_name(hit: Hit, words: Sequence[str], mentions: Sequence[Mention]) -> Hit:
    """A trigger ending in the article that begins a name ("what did people call *the*
    serum run"): the trigger without it."""
    for m in mentions:
        if hit.start < m.start < hit.end < m.end and all(
                w in ("the", "a", "an") for w in words[m.start:hit.end]):
            return hit._replace(end=m.start)
    return hit


def _within(hit: Hit, other: Hit) -> bool:
    """Whether ``hit`` begins or ends a longer trigger ("race" in "part of the race"; not
    "start" in "where did he start from")."""
    return (other.start <= hit.start and hit.end <= other.end
            and (other.start == hit.start or other.end == hit.end)
            and other.end - other.start > hit.end - hit.start)


def _setting_phrase(words: Sequence[str], hit: Hit) -> bool:
    """Whether the topic is said in "in the ..." that ends the question ("in the disney
    movie", "in the *disney* film")."""
    if hit.end < len(words) - 1 or hit.start < 2:
        return False
    lead = words[max(0, hit.start - 4):hit.start]
    return any(a == "in" and b in ("the", "that", "this")
               for a, b in zip(lead, lead[1:], strict=False))


def _kinds_meant(applies_to: tuple[str, ...], said: set[str],
                 facet: str | None = None) -> tuple[str, ...]:
    """The kinds of entity a pronoun can stand for, given the kinds the asked topic applies
    to: "he" a person or dog, "it" a thing, or a dog when a living thing's measure is asked
    ("how old was it" after a lead dog)."""
    if said & ANIMATE and not applies_to:
        return ("person", "dog")
    if said & _INANIMATE and not said & ANIMATE:
        if not applies_to:
            return (*_THINGS, "dog") if facet in _LIVING_MEASURES else _THINGS
        return tuple(k for k in applies_to if k not in ("person", "dog")) or applies_to
    return applies_to


class _Draft:
    """The question as understanding proceeds (one per question, never shared)."""

    __slots__ = ("words", "context", "mentions", "core", "topic_hit", "form", "facet", "topic",
                 "weak_topic", "facet_from_question", "topic_from_question", "named",
                 "specific", "entities", "elliptical", "from_context", "comparative",
                 "category", "hits", "coordinated", "yes_no_compare", "cues", "in_domain",
                 "tagged", "kind_meant")

    def __init__(self, words: list[str], context: Context) -> None:
        self.words = words
        self.context = context
        self.mentions: list[Mention] = []
        self.core = 0
        self.topic_hit: Hit | None = None
        self.form = "wh"
        self.facet: str | None = None
        self.topic: str | None = None
        self.weak_topic = False
        self.facet_from_question = False
        self.topic_from_question = False
        self.named: list[str] = []
        self.specific: list[str] = []
        self.entities: list[str] = []
        self.elliptical = False
        self.from_context = False
        self.comparative: Comparative | None = None
        self.category: str | None = None
        self.hits: list[Hit] = []
        self.coordinated = False
        self.yes_no_compare = False
        self.cues: list[Hit] = []
        self.in_domain = False
        #: A claim said and then asked about ("... is that true"): a yes/no question.
        self.tagged = False
        #: "That man", "that guy" stands for a person ("he" may be a dog); "that dog" a dog.
        self.kind_meant: str | None = None

    def query(self, ranker_text: str, setting: bool, types: Mapping[str, str]) -> Query:
        words = self.words
        hit = self.topic_hit
        clause = self.dating_clause()
        return Query(
            words=tuple(words), ranker_text=ranker_text, form=self.form,
            entities=tuple(self.entities), topic=self.topic, facet=self.facet,
            comparative=self.comparative, category=self.category, elliptical=self.elliptical,
            from_context=self.from_context,
            by_sound=tuple(m.entity for m in self.mentions if m.by_sound),
            numbers=_numbers_said(words, tuple(words[hit.start:hit.end]) if hit else ()),
            core_start=self.core, topic_from_question=self.topic_from_question,
            facet_from_question=self.facet_from_question, weak_topic=self.weak_topic,
            subject_is_setting=setting,
            topic_words=tuple(words[hit.start:hit.end]) if hit else (),
            coordinated=self.coordinated, yes_no_compare=self.yes_no_compare,
            possessed=self.possessed(), named=tuple(self.named), more_topics=self.more_topics(),
            in_domain=self.in_domain, asked=self.asked(),
            claim=self.claim() if self.form == "yes_no" else (),
            kind_of=self.kind_of(),
            measure_asked=self.measure_asked(),
            of_last_answer=self.of_last_answer(),
            topics_said=frozenset(h.name for h in self.hits),
            heard_as_names=frozenset(
                stem(w) for m in self.mentions if m.by_sound for w in words[m.start:m.end]),
            clock_asked=("time" in words or "hour" in words) and any(
                tuple(words[i:i + 2]) in _CLOCK_ASKED for i in range(self.core, len(words))),
            # (not "what year was togo born exactly": the year is what is asked)
            day_asked=self.facet == "when" and _day_asked(words[self.core:]),
            negated_claim=self.tagged and bool(_CLAIM_NEGATIONS & set(words)),
            choice=(self.form in ("yes_no", "wh") or self.yes_no_compare)
            and self.offers_a_choice(),
            identity=self.identity(types),
            dated_by_clause=clause is not None,
            before_clause=self.topics_before(clause),
            another_than=self.another_than(),
        )

    def another_than(self) -> tuple[str, ...]:
        """Whom a description is asked of besides, how, and its words: "Seppala's lead dog
        *before Togo*", "who took over *from Togo* as Seppala's lead dog" (a description
        that names Togo himself, and the one asked for is another holder of it)."""
        words = self.words
        for first, second in itertools.combinations(self.mentions, 2):
            if first.entity != second.entity or first.end > second.start:
                continue
            between = tuple(words[first.end:second.start])
            if between in _ANOTHER_THAN or (
                    tuple(words[first.start - 1:first.start]) in _ANOTHER_THAN
                    and between[-1:] == ("as",)):
                described = max((first, second), key=lambda m: m.end - m.start)
                join = between[0] if between in (("before",), ("after",)) else "other than"
                return (first.entity, join, *words[described.start:described.end])
        return ()

    def topics_before(self, at: int | None) -> frozenset[str]:
        """The topics said before a clause dating what is asked (none without one)."""
        return frozenset(h.name for h in self.hits if at is not None and h.end <= at)

    def dating_clause(self) -> int | None:
        """Where a clause after the topic dating what is asked begins, if one does."""
        hit = self.topic_hit
        if hit is None or self.words[hit.end:][:1] == ["when"]:
            return None
        # (a clause that says nothing, "after all that", dates nothing)
        return next((i for i in range(hit.end, len(self.words))
                     if self.words[i] in _LATER_CLAUSE and any(
                         w not in STOPWORDS and w not in PRONOUNS for w in self.words[i + 1:])),
                    None)

    def identity(self, types: Mapping[str, str]) -> tuple[str, ...]:
        """The two said to be one in "is A B" ("was togo seppala's lead dog"): two whole
        names of dogs or people side by side, right after the verb ("the" or "a" between)."""
        if self.form != "yes_no" or len(self.mentions) < 2:
            return ()
        described = self.described_then_named(types)
        if described:
            return described
        first, second = self.mentions[:2]
        gap = self.words[first.end:second.start]
        if (first.start != self.core + 1 or not first.exact or not second.exact
                or second.possessive or first.possessive or gap not in ([], ["the"], ["a"])
                or types.get(first.entity) != types.get(second.entity)
                or types.get(first.entity) not in ("dog", "person")):
            return ()
        return (first.entity, second.entity)

    def described_then_named(self, types: Mapping[str, str]) -> tuple[str, ...]:
        """ "Was the doctor in Nome named Curtis Welch", "was the disease diphtheria": one
        described by what the store calls it ("the doctor"), then named last, after nothing
        but a place it is in and "named" or "called" (the name, then the description)."""
        words, mentions = self.words, self.mentions
        first, last = mentions[0], mentions[-1]
        if (first.start != self.core + 1 or words[first.start] != "the" or last.end != len(words)
                or words[last.start] == "the" or not last.exact or last.possessive
                or first.possessive or words[last.start - 1] in _PLACED_BY):
            return ()
        inside = _positions(mentions[1:-1])
        gap = [w for i, w in enumerate(words[first.end:last.start], first.end) if i not in inside]
        same = first.entity == last.entity
        if not set(gap) <= _DESCRIBED_GAP or not same and (
                types.get(first.entity) != types.get(last.entity)
                or types.get(first.entity) not in ("dog", "person")):
            return ()
        return (last.entity, first.entity)

    def offered(self) -> list[str]:
        """The two names "or" (or "than") stands between in the question proper ("minto *or*
        at nenana", "was minto colder *than* nenana"), or none."""
        words = self.words
        for i, w in enumerate(words[self.core:], self.core):
            if w not in ("or", "than"):
                continue
            # (not a place it came from: "the first one *from anchorage* or the second")
            mentions = [m for m in self.mentions if m.start == 0 or words[m.start - 1] != "from"]
            before = [m.entity for m in mentions if i - 3 <= m.end <= i]
            after = [m.entity for m in mentions if i < m.start <= i + 3]
            if before and after and before[-1] != after[0]:
                return [before[-1], after[0]]
        return []

    def offers_a_choice(self) -> bool:
        """Whether "or" stands between two names in the question proper ("balto or togo",
        "tommy patsy's leg or on jackscrew's"), not before "not" or between plain words
        ("brothers or sisters")."""
        starts = [m.start for m in self.mentions if m.start >= self.core]
        ends = [m.end for m in self.mentions if m.start >= self.core]
        return any(
            w == "or" and any(e <= i for e in ends) and any(i < s <= i + 3 for s in starts)
            for i, w in enumerate(self.words) if i >= self.core)

    def measure_asked(self) -> bool:
        """Whether the question proper opens by asking the facet's measure: "how cold was it",
        or "what was *the temperature*" (a measure named in its first words after "what")."""
        opener = self.words[self.core:self.core + 1]
        return any(c.name == self.facet and (
            c.start == self.core or opener in (["what"], ["whats"]) and c.start <= self.core + 3)
            for c in self.cues)

    def more_topics(self) -> tuple[str, ...]:
        strong = [h.name for h in self.hits if not h.weak and h.name != self.topic]
        return tuple(dict.fromkeys(strong))

    def possessed(self) -> tuple[str, ...]:
        """The word after a name said as an owner ("togos harness" -> "harness")."""
        found = []
        for m in self.mentions:
            at = _past_mere_adjectives(self.words, m.end)  # "balto's actual body": the body
            if m.possessive and at < len(self.words):
                word = self.words[at]
                # (a relative is theirs even where the word names a topic: "when did kaasen's
                # *wife* pass away" asks of her death, not his)
                if word not in NOT_FOCUS and not any(
                        h.start == at and not (h.name in RELATIVES and h.name != self.topic
                                               and m.start >= self.core)
                        for h in self.hits):
                    found.append(word)
        # "how many dogs did Seppala have *in his kennel*": his, said of the one named
        words = self.words
        for i in range(max(self.core, 1), len(words) - 2):
            if not (self.mentions and words[i] in ("in", "at") and words[i + 1] in ANIMATE):
                continue
            at = _past_mere_adjectives(words, i + 2)  # "at his own statue": the statue
            if words[at] not in NOT_FOCUS:
                found.append(words[at])
        return (*found, *self._coloured())

    def _coloured(self) -> tuple[str, ...]:
        """The thing whose colour is asked ("what colour *harness* did togo wear", "what
        colour was *the harness* balto wore"): not a name nor "his" or "her" own (those are
        found as owned)."""
        words = self.words
        at = next((i + 1 for i in range(self.core, len(words) - 1)
                   if words[i] in _COLOURS and words[i - 1:i] == ["what"]), None)
        while at is not None and at < len(words) and words[at] in _COLOUR_GAP:
            at += 1
        if at is not None:
            at = _past_mere_adjectives(words, at)  # ("the *real* balto": balto's own colour)
        starts = {m.start for m in self.mentions}
        if (at is None or at >= len(words) or at in starts or words[at] in NOT_FOCUS
                or words[at] in _CATEGORY_WORDS):  # ("the dog fox": fox)
            return ()
        return (words[at],)

    def claim(self) -> tuple[str, ...]:
        """Where the core says something happened that no name, topic or facet cue accounts
        for: the word after "in", "at", "from" ("did balto die in *alaska*", "did he live in a
        *zoo*")."""
        words = self.words
        covered = _positions(self.mentions)
        # (another topic's word is still a claim)
        covered |= _positions((self.topic_hit, *self.cues) if self.topic_hit else self.cues)
        found = []
        for i in range(max(self.core, 1), len(words)):
            before = words[i - 1] if words[i - 1] not in ("a", "an", "the") or i < 2 \
                else words[i - 2]
            if (before in _LOCATIVE and i not in covered and words[i] not in NOT_FOCUS
                    and not words[i].isdigit()):
                found.append(words[i])
        return tuple(found)

    def of_last_answer(self) -> bool:
        """ "What year was that", "when did that happen", "and what year": "that" (or "and")
        and nothing of its own."""
        words = self.words
        if len(words) > 8:
            return False
        covered = _positions(self.cues)
        # (or "it", as "when was that released" is heard: see _that_as_it)
        pointing = any(w in ("that", "this", "it") for w in words) or words[:1] == ["and"]
        return (pointing and not self.mentions and bool(covered)
                and all(w in _EMPTY_TAIL or w in NOT_FOCUS or w in MADE or i in covered
                        for i, w in enumerate(words)))

    def located(self, types: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
        """Places named right after "in" or "at" in the question proper ("the statue in
        anchorage", "at the cleveland museum"), with the preposition; not "from" or "to",
        which name a way taken."""
        words = self.words
        found = []
        for m in self.mentions:
            if types.get(m.entity) != "place" or m.start <= self.core:
                continue
            before = m.start - 1
            while words[before] in _BEFORE_A_PLACE and before > self.core:
                before -= 1  # "in *the*", "in *downtown*", "at *the city of*"
            if words[before] in ("in", "at"):
                found.append((words[before], m.entity))
            elif words[before] in ("to", "into") and self.facet != "where" and any(
                    w in _TIME_CLAUSE for w in words[self.core + 1:before]):
                # "... *when* he was loaned *to* anchorage": where what is asked happened
                # (not where he was "before they brought him to cleveland")
                found.append(("in", m.entity))
        return tuple(dict.fromkeys(found))

    def kind_of(self) -> tuple[str, ...]:
        """The thing whose kind is asked: "what kind of *sled*", "what type of *plane*"."""
        words = self.words
        if "of" not in words:
            return ()
        # After "what" or "which" only: "some kind of sideshow" is a hedge, not a question.
        return tuple(words[i + 2] for i in range(1, len(words) - 2)
                     if words[i - 1] in ("what", "which") and words[i] in _KINDS
                     and words[i + 1] == "of"
                     and words[i + 2] not in NOT_FOCUS)

    def asked(self) -> tuple[str, ...]:
        """Up to three words after "which", "what", "who was the" or "the name(s) of" that no
        name or topic accounts for: the thing whose name is asked."""
        words = self.words
        starts = [i + 1 for i, w in enumerate(words[:-1]) if w in ("which", "what")]
        starts += [i + 2 for i in range(len(words) - 2)
                   if words[i] in ("name", "names") and words[i + 1] == "of"]
        starts += [i + 3 for i in range(len(words) - 3)
                   if words[i] == "who" and words[i + 1] in ("was", "were")
                   and words[i + 2] == "the"]
        # ("what year", "which leg": the facet's words, not a thing)
        covered = _positions(self.mentions) | _positions(self.cues)
        # ("what made the sled tip over": a reason asked, not the name of a sled)
        reasons = _positions(c for c in self.cues if c.name in ("why", "how"))
        found = [thing for start in starts if start not in reasons
                 if (thing := _thing_after(words, start, covered)) is not None]
        return tuple(dict.fromkeys(found))

    def name_of(self, types: Mapping[str, str]) -> tuple[str, ...]:
        """The things "the name(s) of ..." asks the names of."""
        words = self.words
        starts = [i + 2 for i in range(len(words) - 2)
                  if words[i] in ("name", "names") and words[i + 1] == "of"]
        return tuple(t for i in starts if (t := self._named_thing(i, types)) is not None)

    def _clause_names(self, covered: set[int]) -> set[int]:
        """Where a name not said as an owner opens a clause after a thing ("the zoo *balto*
        lived at"); "doctor welch's *hospital*" (its "s" heard by sound too) goes on to the
        thing named."""
        words = self.words
        return {m.start for m in self.mentions if m.start in covered and not m.possessive
                and not (m.by_sound and words[m.end - 1].endswith("s"))}

    def _named_thing(self, start: int, types: Mapping[str, str]) -> str | None:
        """The thing whose name "the name of ..." asks: the last word of the words naming it
        ("the los angeles *museum* where", "balto's vaudeville *act*", "all 13 *dogs* on"),
        the word of a thing named only by its kind included ("the *plane* with"), though not
        of a person or dog ("the doctor", whose name is the answer)."""
        words = self.words
        covered = {i for m in self.mentions for i in range(m.start, m.end)
                   if types.get(m.entity) in ("person", "dog")
                   or not all(w in GENERIC_NAME_WORDS for w in words[m.start:m.end])}
        clause_names = self._clause_names(covered)
        head = None
        for i in range(start, len(words)):
            word = words[i]
            if head is not None and (word in _DETERMINERS or i in clause_names):
                break  # "the trail *the* mail teams used", "the zoo *balto* lived at": a
                # clause of its own begins
            if word in _DETERMINERS or word.isdigit() or i in covered or (
                    head is None and word in _ORDER_WORDS
                    or head is None and word in _BACK_DEMONSTRATIVES):
                continue  # ("the name of the *last* ship": the ship; "of *that* show")
            if word in NOT_FOCUS or word in _ORDINALS_AND_SIZES or word in _PARTICLES:
                break  # ("the doctor *up* in nome": the doctor)
            head = word
        return head


class Understander:
    """Turns a question's text and the conversation's context into a :class:`Query`."""

    def __init__(self, names: NameMatcher, relations: Relations,
                 entity_types: Mapping[str, str], entity_words: Mapping[str, str],
                 chatter: frozenset[str], background: frozenset[str],
                 films_named_after: Mapping[str, list[tuple[str, str]]] | None = None,
                 roles: Mapping[tuple[str, str], str] | None = None) -> None:
        self.films_named_after = dict(films_named_after or {})
        #: Stems that place a question in the story ("musher", "sled", "serum", "cold").
        self.domain_words: frozenset[str] = frozenset()
        #: (entity, topic) pairs some fact records, for resolving "he" and "it".
        self.recorded: frozenset[tuple[str, str]] = frozenset()
        #: Every relation some fact records ("death.age"): a measure asked after a topic that
        #: never records it asks afresh.
        self.relation_keys: frozenset[str] = frozenset()
        #: The topics of those relations ("death"): words naming one are understood.
        self.relation_topics: frozenset[str] = frozenset()
        #: (entity, role topic) -> the entity in that role ("togo", "musher") -> "seppala".
        self.roles = dict(roles or {})
        #: Fact id -> the people and dogs it is about, for "he" after an answer about the
        #: relay ("the first leg was run by Shannon").
        self.fact_beings: Mapping[str, tuple[str, ...]] = {}
        #: Fact id -> the people its words name beyond those it is about ("that guy" after
        #: Cleveland's story: George Kimble, who found the dogs).
        self.people_named: Mapping[str, tuple[str, ...]] = {}
        #: A work whose name holds one dog's name -> that dog (the Balto statue -> Balto).
        self.works_named_for: Mapping[str, str] = {}
        #: Each of the two dogs the store tells of far more than any other -> the other one
        #: (Balto <-> Togo): "and the other dog" after one of them, with no other in the talk.
        self.counterparts: Mapping[str, str] = {}
        #: Names the facts mention of no entity, and those of them that are places: "Doctor
        #: *Powell*", "in *Everett*" (worked out at build time: the first question is cold).
        self.unknown_names: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
        #: Of those names, the ones no common word shares ("tillie", "constance"): said as
        #: whom a question is about, they are someone the store knows no more of.
        self.unknown_people: frozenset[str] = frozenset()
        self.names = names
        self.relations = relations
        self.entity_types = entity_types
        self.entity_words = entity_words
        #: What was said, as a question (a guess or request dropped, pointers named).
        self.rewording = Rewording(names, relations, entity_types, entity_words)
        self.chatter = chatter
        self.background = background

    # -- pieces ---------------------------------------------------------------------------------
    def _usable(self, hits: list[Hit], words: Sequence[str],
                mentions: Sequence[Mention], core: int = 0) -> list[Hit]:
        """Topic triggers that speak of the question, not of a name or of the speaker."""
        hits = [_short_of_the_name(h, words, mentions) for h in hits]
        named = self._names_own_words(words, mentions)
        apposed = self._past_first_word(words, mentions)
        named |= apposed
        # "the *real* togo": a word between "the" and a name describes the name.
        described = {m.start - 1 for m in mentions if m.start > 1 and words[m.start - 2] == "the"}
        countries = self.relations.countries | {"from"}
        return [
            h for h in hits
            if not _ends_in_a_name(h, mentions) and h.start not in apposed
            # "my grandson", "my husband": the speaker's own family is chatter, not a topic.
            if not (h.start > 0 and words[h.start - 1] in OWNERS)
            and not all(i in named for i in range(h.start, h.end))
            and not (h.end - h.start == 1 and h.start in described)
            and not _before_a_deed(h, words, hits)
            and not self._the_speakers(h, words, countries, core)
        ]

    def _names_own_words(self, words: Sequence[str], mentions: Sequence[Mention]) -> set[int]:
        """Positions of words that are a name's ("the serum run", "kaasen's lead dog"), unless
        the entity is itself a subject of conversation ("the airplane", "the statue"); and the
        misheard words of a name heard by sound ("*ball toe's* statue" names no ball, though
        "statue" is the statue's)."""
        named = {i for m in mentions for i in range(m.start, m.end)
                 if self.entity_types.get(m.entity) != "topic"}
        named |= {i for m in mentions if m.by_sound for i in range(m.start, m.end)
                  if words[i] not in self.entity_words.get(m.entity, "").split()}
        return named

    def _the_speakers(self, hit: Hit, words: Sequence[str], countries: frozenset[str],
                      core: int) -> bool:
        """Whether a trigger is in a clause of the speaker's own: before the question proper,
        or in a clause another follows (also where the question proper was only a tail, "...
        who was that"), or after the question proper ("... my kids think ...")."""
        return ((hit.end <= core or any(w in _CLAUSE_BREAKS for w in words[hit.end:]))
                and self._speakers_own(hit, words, countries, core if hit.start >= core else 0)
                or _after_the_question(words, hit.start, core))

    def _speakers_own(self, hit: Hit, words: Sequence[str], countries: frozenset[str],
                      floor: int = 0) -> bool:
        """Whether a trigger before the question proper is the speaker's own business: "i'm
        doing a school project on ...", "we are visiting from germany", "my grandmother *grew
        up* in nome and ..."."""
        return all(w in self.chatter or w in countries
                   for w in words[hit.start:hit.end]) or _said_of_the_speaker(
                       words, hit.start, floor)

    def _past_first_word(self, words: Sequence[str], mentions: Sequence[Mention]) -> set[int]:
        """Positions where a trigger cannot begin: past a name's first word ("balto the sled
        *dog* die") or in "the sled dog" after it."""
        return _appositions(words, mentions) | {
            i for m in mentions if self.entity_types.get(m.entity) != "topic"
            for i in range(m.start + 1, m.end)}

    def _topic(self, hits: Sequence[Hit], core_start: int,
               mentions: Sequence[Mention] = (), words: Sequence[str] = (),
               cued: set[int] | frozenset[int] = frozenset()) -> Hit | None:
        """The topic the question asks about: strong before weak, words of their own before
        words of a name ("how much did the central park statue cost": the price), the core
        before the rest."""
        if not hits:
            return None
        # "what dog played togo *in the disney movie*": where it happened, said last, is not
        # what is asked when anything else is.
        hits = [h for h in hits if not _setting_phrase(words, h)] or hits
        hits = _unframed(_outermost(hits), words, mentions)
        hits = [h for h in hits if not _kind_before_a_deed(h, words, hits)
                and not _going_to_do(h, words, hits)] or hits
        named = [m.entity for m in mentions]

        kinds = {self.entity_types.get(e) for e in named}
        # (a topic of the speaker's own words before the question proper is not what it asks:
        # "my teacher said there was a *race* with medicine, what town was it going to")
        speakers = _speakers_preamble(words, core_start)

        def rank(hit: Hit) -> tuple[bool, bool, bool, bool, bool, bool, bool, bool, bool, bool,
                                    bool, int, int, bool]:
            topic = self.relations.topics[hit.name]
            weak = topic.weak or hit.weak
            # ("is Togo's skeleton *kept in* a museum": what the serum was carried in means
            # nothing of a dog, nor of anything else named)
            unmeant = bool(kinds) and all(
                self.relations.topics[hit.name].for_type(kind) is None for kind in kinds)
            in_name = any(m.start <= hit.start and hit.end <= m.end for m in mentions)
            asked = _asked_head(words, hit, core_start) and hit.start not in cued
            # (last, between the same words: the topic a fact records of what is named,
            # "the iditarod *finishes*": its arrival, not a relay leg's end)
            # ("did *one musher* carry the serum the whole way": the count claimed comes
            # before how far the deed went)
            counted = hit.start > 0 and words[hit.start - 1] == "one" and not weak
            return (not counted, not topic.scope, not asked,
                    hit.start < core_start and speakers, weak,
                    in_name, _in_relative_clause(words, hit, core_start), unmeant,
                    _in_time_clause(words, hit, core_start),
                    hit.start < core_start, _determined(words, hit, hits),
                    -(hit.end - hit.start), hit.start,
                    not any((e, hit.name) in self.recorded for e in named))

        return min(hits, key=rank)

    def _facet(self, words: Sequence[str], core_start: int) -> str | None:
        """The facet of the question's first question phrase in the core (longest first)."""
        cues = [c for c in self.relations.facet_cues(words) if c.start >= core_start] or \
            self.relations.facet_cues(words)
        if not cues:
            return None
        first = min(cues, key=lambda c: (c.start, -(c.end - c.start)))
        if list(words[first.start:first.end]) == ["how", "much"]:
            # "how much is *the distance*": the measure named right after says which
            measure = [c for c in cues if first.end <= c.start <= first.end + 2
                       and c.name in _MEASURES - {"how_many"}]
            if measure:
                return measure[0].name
        return first.name

    def _comparative(self, words: Sequence[str], start: int = 0,
                     among: int = 0) -> Comparative | None:
        """The comparison asked, if any. "first" and "last" rank only when a word they need
        follows ("the last musher", not "how long did the relay last"), or, between ``among``
        two or more people or dogs named, precedes ("who had the serum first, nollner or evans")."""
        for comparative in self.relations.comparatives_in(words):
            if comparative.start < start:
                continue  # "there was a second, much bigger shipment, where did it come from"
            if comparative.start > 0 and words[comparative.start - 1] in ("that", "this"):
                continue  # "where did *that last* musher start from": the one just named
            after = words[comparative.end: comparative.end + 2]
            before = words[max(0, comparative.start - 2): comparative.start]
            if (not comparative.needs and not comparative.needs_before
                    or any(w in comparative.needs for w in after)
                    or among >= 2 and any(w in comparative.needs_before for w in before)):
                return comparative
        return None

    @staticmethod
    def _category(words: Sequence[str], comparative: Comparative) -> str | None:
        """What kind of thing a superlative ranks: the category word nearest to it."""
        found = [(abs(i - comparative.start), _CATEGORY_WORDS[w])
                 for i, w in enumerate(words) if w in _CATEGORY_WORDS]
        if found:
            return min(found)[1]
        if words and words[0] in ("who", "whom", "whose"):
            return "person"
        return None

    # -- the whole question ---------------------------------------------------------------------
    def understand(self, text: str, context: Context | None = None,
                   entity: str | None = None, facet_hint: str | None = None) -> Query:
        """The :class:`Query` for a question (``entity``: an intent's resolved slot)."""
        words, kind = self.rewording.as_asked(text, context)
        claim = _tagged_claim(words, self.names.find)
        draft = _Draft(claim or words, context or Context())
        # (a claim argued over may be asked as who did it: no yes or no)
        draft.tagged = claim is not None and claim[0] not in QUESTION_WORDS
        draft.kind_meant = kind
        self._read(draft)
        counted = self._counted_instead(draft) or self._thing_before_named(draft)
        if counted is not None:
            # "and dogs" after "how many mushers": the same count, of the dogs; "who made
            # it" after the speaker's "the dog statue": who made the statue.
            draft = _Draft(counted, draft.context)
            self._read(draft)
        self._name(draft, entity)
        self._follow(draft)
        self._roles(draft)
        self._settle(draft, facet_hint)
        self._compare(draft)
        query = draft.query(self._ranker_text(draft), self._setting(draft), self.entity_types)
        located = draft.located(self.entity_types)
        name_of = draft.name_of(self.entity_types)
        if query.topic in self.relation_topics:
            query = query._replace(understood=frozenset(stem(w) for w in query.topic_words))
        given = self._given_before_a_name(query.words)
        if given:
            query = query._replace(understood=query.understood | given)
        if name_of:
            query = query._replace(name_of=name_of,
                                   asked=tuple(dict.fromkeys((*query.asked, *name_of))))
        return query._replace(located=located) if located else query

    def _given_before_a_name(self, words: Sequence[str]) -> frozenset[str]:
        """Words no fact uses said right before a surname the facts write of someone they
        know no more of ("*roald* amundsen"): a given name, not a thing the question turns on."""
        names = self.unknown_names[0]
        return frozenset(stem(word) for word, after in zip(words, words[1:], strict=False)
                         if after in names and word not in NOT_FOCUS and word.isalpha())

    def _read(self, d: _Draft) -> None:
        """Names, the question proper, its form, topic and facet, as the words say them."""
        while d.words and d.words[0] in FILLERS and not (
                d.words[0] == "and" and len(d.words) > 1 and d.words[1] not in FILLERS):
            d.words = d.words[1:]  # but "and the dog": a follow-up, which "and" marks
        words = d.words
        d.mentions = self.names.find(words)
        d.core = _core_start(words)
        d.hits = self._usable(self.relations.topics_in([stem(w) for w in words], words), words,
                              d.mentions, d.core)
        d.cues = self.relations.facet_cues(words)
        d.topic_hit = self._topic(d.hits, d.core, d.mentions, d.words, _positions(d.cues))
        d.facet = self._facet(words, d.core)
        if _measure_in_topic(d):
            d.facet = None  # ("did balto spend his *old age* in new york": no age asked)
        if self._preamble_topic_unmeasured(d):
            # "my teacher says togo was the real *hero* ... how far did togo really go": the
            # preamble's topic records no distance; the question proper asks one.
            d.topic_hit = None
        if _asks_yes_no(d):
            d.form = "yes_no"
            if d.facet in ("what", "when", "where", "who", "why", "how"):
                d.facet = None  # "was the serum frozen when it arrived": "when" joins a clause
        if d.topic_hit is not None:
            d.topic = d.topic_hit.name
            d.weak_topic = self._weak(d)
        d.in_domain = bool(d.mentions) or any(
            stem(w) in self.domain_words for w in words[d.core:])
        d.facet_from_question = d.facet is not None and d.facet != "what"
        d.topic_from_question = d.topic is not None

    def _weak(self, d: _Draft) -> bool:
        """Whether the topic found gives way to others (see ``relations.json``)."""
        hit = d.topic_hit
        assert hit is not None
        owned = any(m.possessive and m.end == hit.start
                    and tuple(d.words[max(m.start - 2, 0):m.start]) not in _NAMES_OF
                    for m in d.mentions)
        # (a word that is weak alone is not when someone named owns it: "kaasen's *kids*";
        # "the names of kaasen's kids" asks their names, which say more of what is missing)
        return not self._each_of_the_named(d) and (
            (hit.weak and not owned) or self.relations.topics[hit.name].weak)

    @staticmethod
    def _each_of_the_named(d: _Draft) -> bool:
        """Whether the topic's word is said of each of the named one's parts ("how long was
        *each leg of* the relay", "the *legs of* the relay"): the topic itself is asked, not
        only a measure of the one named."""
        hit = d.topic_hit
        assert hit is not None
        before = d.words[hit.start - 1] if hit.start else ""
        each = before in ("each", "every", "different")
        # (not a unit counted: "how many *units of* antitoxin")
        plural = (d.words[hit.end - 1].endswith("s") and hit.end - hit.start == 1
                  and before == "the")
        of_named = any(m.start in (hit.end + 1, hit.end + 2) and d.words[hit.end:hit.end + 1]
                       == ["of"] for m in d.mentions)
        return (each or plural) and of_named

    def _preamble_topic_unmeasured(self, d: _Draft) -> bool:
        """Whether the topic was said only before the question proper, which asks a measure
        that no fact records of that topic."""
        hit = d.topic_hit
        return (hit is not None and 0 < d.core and hit.end <= d.core and d.facet in _MEASURES
                and bool(self.relation_keys) and f"{hit.name}.{d.facet}" not in self.relation_keys)

    @staticmethod
    def _counted_instead(d: _Draft) -> list[str] | None:
        """The words of "how many" asked again of a thing named alone after a count ("and
        dogs", "what about the legs"), or None."""
        if d.context.facet != "how_many":
            return None
        opener = _ellipsis_opener(d.words)
        rest = d.words[len(opener):]
        things = [w for w in rest if w not in NOT_FOCUS]
        if (not opener or d.context.facet != "how_many" or d.mentions or not things
                or len(rest) > 3 or any(w in QUESTION_WORDS for w in rest)):
            return None
        return ["how", "many", *things]

    def _name(self, d: _Draft, entity: str | None) -> None:
        """The entities in order: the question proper's first, then the preamble's ("my
        grandson watched the cartoon balto and asks whether the real balto was half wolf" is
        about the dog), the story's background (the relay, the serum) only if nothing else."""
        named = [m.entity for m in sorted(d.mentions, key=lambda m: m.start < d.core)]
        referent = self._said_before(d)
        if referent is not None:
            named.insert(0, referent)
        if entity and entity not in named:
            named.insert(0, entity)
        d.named = list(dict.fromkeys(named))
        d.specific = [e for e in d.named if e not in self.background]
        d.entities = d.specific or list(d.named)
        if referent is None:
            d.entities = self._asked_of(d) or d.entities
        ordered = sorted(d.mentions, key=lambda m: m.start)
        d.coordinated = any(
            a.entity != b.entity and (b.start == a.end + 1 and d.words[a.end] in ("and", "or")
                                      or _set_against(d.words[a.end:b.start]))
            for a, b in zip(ordered, ordered[1:], strict=False))

    def _asked_of(self, d: _Draft) -> list[str] | None:
        """Whom a chatty question asks of, when not all it names: only those its question
        proper names, after a preamble of the speaker's own ("i just finished the togo movie
        and i cried, what happened to togo after all that": not the film); the background it
        names first, after a preamble naming something (see :meth:`_asks_of_the_background`)."""
        proper = [m.entity for m in d.mentions if m.start >= d.core]
        specific = [e for e in proper if e not in self.background]
        if specific and _speakers_preamble(d.words, d.core) and not (
                _asks_before(d.words[:d.core]) or PRONOUNS & set(d.words[d.core:])):
            return list(dict.fromkeys(specific))
        if self._asks_of_the_background(d):
            return list(dict.fromkeys([*proper, *d.entities]))
        return None

    def _asks_of_the_background(self, d: _Draft) -> bool:
        """Whether the question proper names only the story's own background and points back
        to nothing, while the preamble named a thing: "i'm writing a poem for *the
        centennial* and i need to know how many hours *the relay* took" asks of the relay
        ("who wrote *that* movie" points back; someone the preamble named may be the answer:
        "... the name of *the mayor* when the diphtheria hit")."""
        proper = {m.entity for m in d.mentions if m.start >= d.core}
        pointing = PRONOUNS | {"that", "this", "those", "these"}
        return (bool(d.core) and bool(proper) and not proper - self.background
                and bool(d.specific) and not pointing & set(d.words[d.core:])
                and not any(self.entity_types.get(e) in ("person", "dog") for e in d.specific))

    def _thing_before_named(self, d: _Draft) -> list[str] | None:
        """ "We walked past the dog statue in Central Park and my wife wants to know who made
        *it*": a question proper naming nothing, asking of "it", after a preamble naming a
        thing (not a being, nor a place), asks it of that thing, by its name."""
        words = d.words
        # ("it" done to, not "what street was it")
        at = next((i for i in range(d.core + 1, len(words)) if words[i] == "it"
                   and words[i - 1] not in BEING and words[i - 1] not in STOPWORDS), None)
        if not d.core or at is None or any(m.start >= d.core for m in d.mentions):
            return None
        # (the thing itself, not a word describing another: "my *book* club")
        things = [m for m in d.mentions if m.end <= d.core
                  and self.entity_types.get(m.entity) not in ("person", "dog", "place")
                  and m.entity not in self.background
                  and (m.end - m.start > 1 or words[m.end] in NOT_FOCUS)]
        if not things:
            return None
        last = max(things, key=lambda m: m.end)
        return [*words[:at], *words[last.start:last.end], *words[at + 1:]]

    def _said_before(self, d: _Draft) -> str | None:
        """Whom "he" or "she" in a question proper that names no one stands for: the last
        person or dog named before it ("my grandson watched the balto cartoon and wants to
        know if balto was real and where he is now": the dog, not the film); and what "it"
        stands for, the last thing named ("i'm next to the dog statue and my kid wants to
        know who sculpted it": the statue)."""
        core = set(d.words[d.core:])
        if not d.core or not (ANIMATE | _INANIMATE) & core or any(
                m.start >= d.core for m in d.mentions):
            return None
        beings = ("person", "dog")
        before = [m.entity for m in d.mentions
                  if (self.entity_types.get(m.entity) in beings) == bool(ANIMATE & core)
                  and self.entity_types.get(m.entity) != "place"]
        return before[-1] if before else None

    def _follow(self, d: _Draft) -> None:
        """Ellipsis and pronouns: "and togo" (new entity, the question asked before), "and
        when" (new facet, the same subject), "he", "the other one"."""
        opener = _ellipsis_opener(d.words)
        if opener:
            d.elliptical = True
        rest = d.words[len(opener):]
        other = any(_starts_with(rest, phrase) for phrase in _OTHER_ONE) or any(
            tuple(d.words[i - 2:i]) == ("the", "other") and w in _THE_OTHER
            for i, w in enumerate(d.words) if i >= 2)
        short = self._short(d)
        pronoun = other or any(w in PRONOUNS for w in d.words[d.core:])
        self._entity_from_context(d, other, pronoun, short)
        if not self._other_measure(d.context.topic, d.facet):
            # "and how far was it" after "how long did it take" asks distance, not time.
            self._question_from_context(d, rest, short or other)
        self._one_like_it(d)

    def _short(self, d: _Draft) -> bool:
        """A short question with nothing of its own to ask about ("where", "how old", "and
        when was that"), not one naming something the store does not know ("who was amundsen")."""
        words, context = d.words, d.context
        covered = _positions((*d.hits, *d.cues))
        if len(words) > 6 or any(
                w not in NOT_FOCUS and i not in covered for i, w in enumerate(words)):
            return False
        # "who were the mushers" after Balto: the relay's mushers, not his.
        return not (d.topic and context.entity and self.relations.topics[d.topic].for_type(
            self.entity_types.get(context.entity)) != d.topic)

    def _entity_from_context(self, d: _Draft, other: bool, pronoun: bool, short: bool) -> None:
        """The conversation's entity the question means: "the other one", "he", or the subject
        of a bare follow-up ("and when")."""
        context = d.context
        runner = self._runner_of_that_leg(d)
        if runner is not None:
            d.entities, d.from_context = [runner, *d.entities], True
        elif other and (len(context.entities) > 1 or self._counterpart(d) is not None):
            self._the_other_one(d)
        elif context.entity and (pronoun and self._only_settings(d) or not d.specific and (
                pronoun or (d.elliptical or short) and not d.named)):
            # (a bare "and when" asks the topic before of whichever recent one records it;
            # "what year was that" asks of the last answer)
            topic = d.topic or (context.topic if (d.elliptical or short) and not pronoun
                                else None)
            d.entities = [self._referent(context, topic, d.words[d.core:], d.facet,
                                         d.kind_meant, beings=not d.elliptical),
                          *d.entities]
            d.from_context = True
        elif not pronoun:
            self._doer_from_context(d)

    def _the_other_one(self, d: _Draft) -> None:
        """ "How far did the other one go" after two were talked of: the one not talked of
        last (of the kind said: "the other dog"); after one alone, its counterpart."""
        context = d.context
        kind = _other_kind(d.words)
        others = [e for e in context.entities if e != context.entity
                  and (kind is None or self.entity_types.get(e) == kind)]
        counterpart = others[0] if others else self._counterpart(d)
        d.entities = [counterpart, *d.entities] if counterpart else d.entities
        d.from_context = True
        hit = d.topic_hit
        if hit is not None and d.words[hit.start:hit.end] == ["other", "dog"]:
            # "and the other dog" names one dog, not the teammates ("the other dogs")
            d.topic, d.topic_hit, d.topic_from_question = None, None, False

    def _counterpart(self, d: _Draft) -> str | None:
        """ "And the other dog" after Togo alone: Balto, the other of the two dogs the story
        is about (and after a work named for one of them, the other of him)."""
        if _after_other(d.words) not in ("", "one", "dog", "husky"):
            return None  # (not "the other statue of balto")
        entity = d.context.entity or ""
        return self.counterparts.get(self.works_named_for.get(entity, entity))

    def _runner_of_that_leg(self, d: _Draft) -> str | None:
        """ "Who was running *that leg*" after the coldest run: the leg the last answer told
        of, so the musher its fact names first, whatever else was talked of before."""
        words = d.words[d.core:]
        if d.specific or not any(w in ("that", "this") and _CATEGORY_WORDS.get(n) == "leg"
                                 for w, n in zip(words, words[1:], strict=False)):
            return None
        return next((b for b in self.fact_beings.get(d.context.fact or "", ())
                     if self.entity_types.get(b) == "person"), None)

    def _doer_from_context(self, d: _Draft) -> None:
        """ "Who was driving" after Kaasen's sled flipped, "who was mushing there" after the
        coldest run: whom a role names (a musher, of a dog), asked of no one after a fact
        about someone who is no such one, is the person that fact is about."""
        spec = self.relations.topics[d.topic] if d.topic else None
        if (spec is None or spec.default != "who" or spec.for_type("person") is not None
                or d.named or d.facet != "who"):
            return
        people = [b for b in self.fact_beings.get(d.context.fact or "", ())
                  if self.entity_types.get(b) == "person"]
        if people and self.entity_types.get(d.context.entity or "") != "dog":
            d.entities, d.topic, d.from_context = [people[0]], None, True

    def _question_from_context(self, d: _Draft, rest: Sequence[str], short: bool) -> None:
        """The question asked before, asked again of what this turn names: "and togo" after
        "when did balto die" (the same topic and facet), "and where" (the same topic, the new
        facet), "and balto" after "how old was togo in 1925" (the same value)."""
        context = d.context
        only_names = _only_names(rest, d.mentions, len(d.words) - len(rest))
        # "is there one of togo" after the statue: "one" stands for the thing asked before.
        one = any(w in ("one", "ones") for w in d.words) and bool(d.mentions)
        if one and self._of_a_thing(context):
            return  # "one" is the thing talked of (a statue), whatever was asked of it
        if context.topic and d.topic is None and (only_names or d.elliptical or short or one
                                                  or self._its_topic(d)):
            d.topic = context.topic
            if (d.facet is None or d.facet == "what") and d.form != "yes_no":
                d.facet = context.facet
            d.elliptical = d.from_context = True
        elif only_names or one or short:
            self._facet_from_context(d)

    def _its_topic(self, d: _Draft) -> bool:
        """ "Who brought *it*" after the serum reached Nenana by train: "it", naming nothing
        else, is the thing the last answer's topic was (the train), never a being (a cast)."""
        topic = d.context.topic
        return ("it" in d.words[d.core:] and not d.mentions and topic is not None
                and self.relations.topics[topic].default != "who")

    @staticmethod
    def _facet_from_context(d: _Draft) -> None:
        """With no topic before or now, the facet asked before ("and togo" after "who was
        the first musher"), unless this turn asks one of its own."""
        context = d.context
        if (context.topic is None and context.facet not in (None, "what", "who")
                and d.topic is None and d.facet in (None, "what") and d.form != "yes_no"):
            d.facet = context.facet
            d.elliptical = d.from_context = True

    def _of_a_thing(self, context: Context) -> bool:
        """Whether the talk is of a thing (a statue, the serum), not a being or a place."""
        return self.entity_types.get(context.entity or "") == "topic"

    def _one_like_it(self, d: _Draft) -> None:
        """ "Is there one of togo" after the Balto statue: "one" is the kind of thing the last
        answer was about, which its name says (a statue), or a film named after the one named
        ("the balto one" after the Togo film)."""
        context = d.context
        if (d.topic is not None and not d.from_context or context.entity is None
                or not d.mentions or not any(w in ("one", "ones") for w in d.words)):
            return
        if self.entity_types.get(context.entity) == "film":
            # "what about the balto one" after the Togo film: the film named after Balto.
            films = self.films_named_after.get(d.mentions[0].entity)
            if films and d.entities and d.entities[0] == d.mentions[0].entity:
                d.entities = [films[0][0], *d.entities]
            return
        if d.topic is not None or self.entity_types.get(context.entity) != "topic":
            return
        name = self.entity_words.get(context.entity, "").split()
        hits = self.relations.topics_in([stem(w) for w in name], name)
        if hits:
            d.topic = hits[0].name
            d.elliptical = d.from_context = True

    def _other_measure(self, topic: str | None, facet: str | None) -> bool:
        """Whether the facet asks a measure other than the one the topic is ("how far" after
        the topic of how long it took)."""
        if topic is None:
            return False
        spec = self.relations.topics.get(topic)
        default = spec.default if spec is not None else topic
        if facet in _MEASURES and self.relation_keys and (
                f"{topic}.{facet}" not in self.relation_keys):
            return True  # "how old was he" after his birth: no fact records a birth's age
        return (facet is not None and facet != default and facet in _MEASURES
                and default in _MEASURES)

    def _only_settings(self, d: _Draft) -> bool:
        """Whether everything named is a place where something happened: "how did he end up
        in cleveland" is about him, in Cleveland."""
        return bool(d.specific) and all(
            self.entity_types.get(m.entity) == "place" and m.start > 0
            and d.words[m.start - 1] in _LOCATIVE
            for m in d.mentions if m.entity in d.specific)

    def _referent(self, context: Context, topic: str | None, pronouns: Sequence[str] = (),
                  facet: str | None = None, kind: str | None = None, beings: bool = False) -> str:
        """What "he", "it" or a bare follow-up means: the last answer's entity, or the most
        recent entity the pronoun and the asked topic can stand for ("his brother": a person;
        "when did it come out": the film, not the dog who starred in it)."""
        assert context.entity is not None
        applies_to = self.relations.topics[topic].applies_to if topic else ()
        said = set(pronouns)
        candidates = self._recorded_first(_recent(context, said), topic, said)
        thing = self._thing_meant(context, topic, said, candidates)
        if thing is not None:
            return thing
        kinds = (kind,) if kind else _kinds_meant(applies_to, said, facet)
        if kinds:
            for candidate in candidates:
                if self.entity_types.get(candidate) in kinds:
                    return candidate
            if beings and said & ANIMATE and context.fact and (
                    kind or context.entity not in self.fact_beings.get(context.fact, ())[:1]):
                # No one talked of is a "he": whom the last answer's fact is about (not in
                # "and his wife", which asks the question before of the film's own; nor, unless
                # "the dog" or "the man" says so, when the one talked of is whom that fact is
                # first about: after who Kaasen was, "when did he come to alaska" is his).
                for being in self.fact_beings.get(context.fact, ()):
                    if self.entity_types.get(being) in kinds:
                        return being
            if kind == "person" and context.fact:
                # "what did that guy do for a living": a person that answer spoke of.
                named = self.people_named.get(context.fact, ())
                if named:
                    return named[0]
        return candidates[0]

    def _thing_meant(self, context: Context, topic: str | None, said: set[str],
                     candidates: Sequence[str]) -> str | None:
        """The thing "it" stands for, when the talk settles it: the weather of what we talk
        of ("how cold was it"), or, since "it" is never a person, after only people the thing
        the topic names ("who found it" after how many units Welch asked for: the serum)."""
        if topic in _WEATHER_TOPICS and not said & ANIMATE:
            if self.entity_types.get(context.entity or "") in ("film", "topic"):
                return context.entity  # after the films, "how cold was it" is the run's cold
            return candidates[0]  # "how cold was it": "it" is the weather of what we talk of
        thing = topic or context.topic or ""
        if said & _INANIMATE and not said & ANIMATE and self.entity_types.get(thing) == (
                "topic") and all(self.entity_types.get(c) == "person" for c in candidates):
            return thing
        return None

    def _recorded_first(self, candidates: tuple[str, ...], topic: str | None,
                        said: set[str]) -> tuple[str, ...]:
        """Of the recent ones, first those the asked topic is recorded for ("how cold was it"
        after Shannon's lead dog: Shannon's run; "and when" after who made the statue: the
        statue, not its sculptor)."""
        # (not for "he" with a weak topic: "did he go to cleveland too" asks of him, not of
        # whoever ran a leg)
        if topic is not None and (topic in _WEATHER_TOPICS or not (
                said & ANIMATE and self.relations.topics[topic].weak)):
            stands_in = (ORIGIN_OF[topic],) if topic in ORIGIN_OF and "from" in said else ()
            recorded = [c for c in candidates
                        if any((c, t) in self.recorded for t in (topic, *stands_in))]
            if recorded and (topic in _WEATHER_TOPICS or not said & _INANIMATE):
                candidates = (*recorded, *candidates)
        return candidates

    def _roles(self, d: _Draft) -> None:
        """ "The musher of Togo", "his brother", "Kaasen's lead dog", when the question asks
        something else of them ("where was the musher of togo born"): the entity in that role."""
        for hit in d.hits:
            owner = self._role_owner(d, hit)
            if owner is None:
                continue
            role = self.relations.topics[hit.name].for_type(self.entity_types.get(owner))
            # (not a trigger sharing the role's words: "his lead *dogs name*")
            others = [h for h in d.hits if h.end <= hit.start or h.start >= hit.end]
            if role not in ROLES or not (others or d.facet in _ROLE_FACETS):
                continue
            value = self.roles.get((owner, role))
            if value is None:
                continue
            d.entities = [value, *(e for e in d.entities if e not in (value, owner))]
            d.named = [value, *d.named]
            d.specific = [value]
            d.topic_hit = self._topic(others, d.core, words=d.words)
            d.topic = d.topic_hit.name if d.topic_hit else None
            d.weak_topic = bool(d.topic) and self.relations.topics[d.topic or ""].weak
            return

    def _named_owner(self, d: _Draft, hit: Hit) -> str | None:
        """The name right before the role, or right after its "of" or "in" a film named
        after the one named."""
        words = d.words
        for m in d.mentions:
            after = words[hit.end] if hit.end < len(words) and m.start == hit.end + 1 else ""
            if m.end == hit.start or after == "of" or (
                    after == "in" and m.entity in self.films_named_after):
                return m.entity
        return None

    def _role_owner(self, d: _Draft, hit: Hit) -> str | None:
        """Whose role it is: the name before it ("togo's musher"), after "of" ("the musher of
        togo") or "in" a film named after it ("the musher in togo"), or the conversation's
        subject ("his brother", "the brother")."""
        words = d.words
        owner = self._named_owner(d, hit)
        if owner is not None:
            return owner
        before = words[hit.start - 1] if hit.start > 0 else ""
        if before == "the" and words[hit.end - 1].endswith("s") and hit.name not in (
                "siblings", "parents"):
            return None  # "who were the mushers": all of them, not the last dog's musher
        if before in ("his", "her", "their", "the", "its") and d.context.entity:
            kinds = ("person",) if hit.name in ("siblings", "spouse") else ()
            for candidate in (d.context.entity, *d.context.entities):
                if not kinds or self.entity_types.get(candidate) in kinds:
                    return candidate
        if before == "the":
            # "we watched togo last night, who was the actor playing *the musher*": the film
            # or dog the speaker named
            return next((m.entity for m in d.mentions if m.end <= hit.start
                         and self.entity_types.get(m.entity) in ("dog", "film")), None)
        return None

    def _settle(self, d: _Draft, facet_hint: str | None) -> None:
        """The topic meant for this kind of entity, and the facet the topic implies."""
        hit = d.topic_hit
        if d.topic and d.entities:
            self._topic_for_kind(d, d.topic)
            self._film_meant(d)
        if (d.topic is None or not d.topic_from_question) and d.form == "yes_no":
            self._kept_there(d)  # (also "... too" after another question: its place is said)
        self._facet_settled(d, hit, facet_hint)
        if (hit is not None and d.form == "wh" and d.facet in (None, "what") and d.entities
                and self._inside_mention(hit, d.mentions, d.entities[0])):
            d.topic = None  # "what is the balto statue": the statue itself, not a statue topic

    def _kept_there(self, d: _Draft) -> None:
        """ "Is Togo in the Cleveland museum too": of a dog whose body is kept, being in a
        place is where his remains are (No: Wasilla), not a thing the place records. (Not
        "is balto here in cleveland", asked where one is of his being there, and then of his
        coming: "when did he come here".)"""
        if (d.words[d.core:d.core + 1] not in (["is"], ["are"]) or "here" in d.words
                or not d.located(self.entity_types)):
            return
        dog = next((m.entity for m in d.mentions if m.start == d.core + 1), None)
        if dog is not None and self.entity_types.get(dog) == "dog" and (
                dog, "remains") in self.recorded:
            d.topic, d.facet = "remains", "where"

    def _facet_settled(self, d: _Draft, hit: Hit | None, facet_hint: str | None) -> None:
        """The facet a trigger says, else the topic's own, else the intent's; for a thing
        passed on, which way it went."""
        if hit is not None and hit.facet and not d.weak_topic and (
                d.facet in (None, "what") or _spans_the_cue(hit, d.cues)):
            d.facet = hit.facet
        if d.topic and d.facet in (None, "what") and not d.weak_topic:
            d.facet = self.relations.topics[d.topic].default or d.facet
        if d.facet is None and facet_hint:
            d.facet = facet_hint
        self._serum_carried(d)
        self._passed_on_settled(d, hit)

    def _serum_carried(self, d: _Draft) -> None:
        """Where one who ran a leg had the serum ("where did Kaasen pick the serum up"): his
        leg, not the first place recorded of him (his birth)."""
        if (d.topic == "serum" and d.facet == "where" and d.form == "wh" and d.entities
                and (d.entities[0], "leg") in self.recorded):
            d.topic = "leg"

    def _passed_on_settled(self, d: _Draft, hit: Hit | None) -> None:
        """For the serum passed on: what of it is asked, and which way it went."""
        if d.topic == "handoff" and d.facet in _MEASURES and (
                f"leg.{d.facet}" in self.relation_keys):
            d.topic = "leg"  # "how far did seppala take it": how far he carried it, his leg
        if d.topic == "handoff" and d.form == "yes_no" and self._taken_to_a_place(d):
            d.topic, d.facet = "arrival", "where"
        if d.topic == "handoff" or d.topic in _PASSED_ON and d.facet == "who":
            where = d.topic == "handoff" and d.facet == "where" and d.form == "wh"
            d.facet = self._handoff_asked(d, hit)
            placed = "departure" if d.facet == "from" else "arrival"
            if where and d.entities and (d.entities[0], placed) in self.recorded:
                # ("where did Kaasen get the serum", "at what town did he hand it on": where
                # his run began, or ended, is where it was handed to him, or by him)
                d.topic, d.facet = placed, "where"

    def _taken_to_a_place(self, d: _Draft) -> bool:
        """ "Did Seppala take the serum (all the way) to Nome": the serum handed on to a
        place, not a person, is where the one who took it arrived with it (Golovin); not why
        or how it was (asked yes or no only)."""
        return any(m.start > d.core and d.words[m.start - 1] in ("to", "into")
                   and self.entity_types.get(m.entity) == "place" for m in d.mentions)

    def _topic_for_kind(self, d: _Draft, topic: str) -> None:
        """The topic as it applies to the first entity's kind (a shipment's "birth" is its
        departure), or to the one in a role of it the topic asks by (a dog's musher); None
        when it means nothing for it."""
        topics = self.relations.topics
        kind = self.entity_types.get(d.entities[0])
        meant = topics[topic].for_type(kind)
        role = topics[topic].by_role.get(kind or "")
        # (said plainly in the question proper: "who handed the serum to balto", not "i
        # want to see balto", nor "... *next* week ... where is balto")
        plain = d.topic_hit is not None and not d.topic_hit.weak and d.topic_hit.start >= d.core
        holder = self.roles.get((d.entities[0], role)) if (
            meant is None and role and plain) else None
        if holder is not None:
            # "who handed the serum to balto's team": to his musher
            d.entities = [holder, *(e for e in d.entities if e != holder)]
            kind, meant = self.entity_types.get(holder), topic
        if meant is None and kind not in ("person", "dog"):
            # "did the DNA study find any wolf in Balto": of a study, of Balto then
            fits = next((e for e in d.entities[1:]
                         if topics[topic].for_type(self.entity_types.get(e)) == topic), None)
            if fits is not None:
                d.entities = [fits, *(e for e in d.entities if e != fits)]
                kind, meant = self.entity_types.get(fits), topic
        if meant is not None and meant != topic:
            meant = topics[meant].for_type(kind)
            if meant is not None:
                d.weak_topic = topics[meant].weak
        d.topic = meant

    def _film_meant(self, d: _Draft) -> None:
        """ "Who directed togo": the film named after the dog; of several, the one whose year
        is said ("the first movie about balto in 1925")."""
        films = self.films_named_after.get(d.entities[0], [])
        if (d.topic in ("film", "cast") and films
                and (d.facet not in (None, "what") or d.form == "yes_no")
                and len(d.specific) == 1):
            film = next((f for f, year in films if year and year in d.words), films[0][0])
            d.entities = [film, *d.entities]

    def _compare(self, d: _Draft) -> None:
        """A comparison between the named (or last answer's) entities, or a superlative."""
        core_words = d.words[d.core:]
        if core_words[:1] in (["why"], ["how"]) and d.facet in ("why", "how"):
            return  # "why is balto more famous than togo" asks a reason
        compared = self._compared(d)
        runners = [e for e in compared if self.entity_types.get(e) in ("person", "dog")]
        comparative = self._comparative(d.words, d.core, len(runners))
        if comparative is None:
            if "difference" in d.words and len(d.specific) >= 2:
                d.form = "compare"
            return
        compared = self._with_context(d, compared, comparative)
        if self._is_it_the_one(d, compared, comparative):
            return
        if len(compared) < 2 and d.specific:
            return  # "how much was kaasen paid for the last leg": the leg is only described
        if len(compared) >= 2 or comparative.superlative or d.form != "yes_no":
            d.yes_no_compare = d.form == "yes_no" and len(compared) >= 2
            d.form = "compare"
            d.comparative = comparative
            d.entities = compared if len(compared) >= 2 else d.entities
            d.category = self._category(d.words, comparative)

    def _with_context(self, d: _Draft, compared: list[str],
                      comparative: Comparative) -> list[str]:
        """The compared, with those last talked of when fewer than two are named; not for
        the first or last of a thing ("who ran the first *leg*" after Balto and Togo)."""
        after = d.words[comparative.end:comparative.end + 1]
        if len(compared) >= 2 or comparative.superlative and after and after[0] not in NOT_FOCUS:
            return compared
        recent = self._recent_to_compare(d, compared, comparative.superlative)
        if len(compared) + len(recent) < 2:
            return compared
        d.from_context = True
        return _with_recent(d, compared, recent)

    def _compared(self, d: _Draft) -> list[str]:
        """The entities a comparison is between: those named, of the kind "or" offers ("was
        it colder at minto or at nenana when shannon set off": the places, not the musher;
        but all three of "george's leg, titus's or edgar's")."""
        compared = [e for e in d.entities if e not in self.background]
        mentioned = {m.entity for m in d.mentions} - self.background
        if len(mentioned) == 1 and not d.from_context:
            # ("who took the serum after togo": his musher stands in for him, and is no second)
            compared = [e for e in compared if e in mentioned]
        offered = d.offered()
        if len(offered) == 2 and len(compared) > 2:
            kinds = {self.entity_types.get(e) for e in offered}
            compared = [e for e in compared if self.entity_types.get(e) in kinds]
        return compared

    def _is_it_the_one(self, d: _Draft, compared: list[str],
                       comparative: Comparative) -> bool:
        """ "Was seppala the last musher", "did togo run the farthest": a yes/no superlative
        asked of the one it names first, as what it asks about (set on the draft)."""
        if len(compared) != 1 or d.form != "yes_no" or not comparative.superlative:
            return False
        if not any(m.entity == compared[0] and m.start <= d.core + 2
                   and m.start < comparative.start for m in d.mentions):
            return False
        d.yes_no_compare = True
        d.comparative = comparative
        d.entities = compared
        d.category = self._category(d.words, comparative) or self.entity_types.get(compared[0])
        return True

    def _recent_to_compare(self, d: _Draft, compared: list[str], superlative: bool) -> list[str]:
        """Whom a comparison means that names fewer than two: "which one went farther" after
        Balto and Togo (the two last talked of), "which was heavier, him or Balto" (him: the
        last one of Balto's kind). Only entities of one kind, never the story's background."""
        pronoun = any(w in PRONOUNS for w in d.words[d.core:])
        if d.named and not pronoun:
            return []
        context = d.context
        recent = [e for e in dict.fromkeys((context.entity, *context.entities))
                  if e and e not in self.background and e not in compared]
        kind = self.entity_types.get(compared[0] if compared else recent[0]) if recent else None
        recent = [e for e in recent if self.entity_types.get(e) == kind]
        return recent if superlative else recent[:2 - len(compared)]

    def _ranker_text(self, d: _Draft) -> str:
        """The words for the lexical ranker: names heard by sound or by a part ("gunner cason")
        written as the name, so its exact matching sees them; ordinary words respelt to the
        store's ("amundson"); outside the question proper, chatter ("my granddaughter's
        teacher") dropped, so it does not count against the answer."""
        words = list(d.words)
        named: set[int] = set()
        for m in d.mentions:
            named.update(range(m.start, m.end))
            if not m.exact:
                words[m.start] = self.entity_words.get(m.entity, "")
                for i in range(m.start + 1, m.end):
                    words[i] = ""
        words = self.names.respell_phrases(words, named)  # "will am the foe"
        for i, word in enumerate(words):
            if i not in named and word:
                words[i] = self.names.respell(word) or word  # "amundson" -> "amundsen"
        # After the question proper, a clause of the speaker's own ("... *and i wasn't sure*
        # can you tell me") lends nothing but its names.
        dropped = set(_speakers_tail(d.words, d.core)) - named
        dropped |= self._preamble_dropped(d, words, named)
        return " ".join(w for i, w in enumerate(words) if w and i not in dropped)

    def _preamble_dropped(self, d: _Draft, words: Sequence[str], named: set[int]) -> set[int]:
        """Before the question proper, only words the store knows count: "i read somewhere
        that scientists looked at balto's dna, what did they find" is a question about the
        DNA study, not one that turns on two words no fact uses. (Not when the words before
        are a question themselves: "what was the name of the zookeeper who looked after
        balto".) A preamble about the speaker ("i'm standing right next to the balto statue
        ... they want to know who the sculptor was") lends the question its names, not its
        words; not when the question points back into it ("... a dog too small to pull a
        sled, which dog was that")."""
        chatty = not _asks_before(d.words[:d.core])
        own = chatty and _speakers_preamble(d.words, d.core)
        # (the preamble's names are lent only to a question proper that names nothing itself)
        lent = named if not own or not any(
            m.start >= d.core and m.entity not in self.background for m in d.mentions) else set()
        return {i for i, w in enumerate(words[:d.core]) if w in self.chatter or not (
            i in lent or not chatty or not own and self.names.knows(w))}

    def _setting(self, d: _Draft) -> bool:
        """Whether the first entity is named only as where something happened ("the race from
        anchorage to nome")."""
        first = next((m for m in d.mentions if d.entities and m.entity == d.entities[0]), None)
        if first is None:
            return False
        before = first.start - 1
        if before > 0 and d.words[before] in ("the", "a", "an"):
            before -= 1  # ("came to *the* cleveland zoo with balto")
        if tuple(d.words[before - 1:before + 1]) in (("happened", "to"), ("happen", "to")) and (
                self.entity_types.get(first.entity) in ("person", "dog")):
            return False  # ("what happened *to* edgar kalland": what befell him, no place)
        return before >= 0 and d.words[before] in _LOCATIVE

    @staticmethod
    def _inside_mention(hit: Hit, mentions: Sequence[Mention], entity: str) -> bool:
        return any(m.entity == entity and m.start <= hit.start and hit.end <= m.end
                   for m in mentions)

    def _handoff_asked(self, d: _Draft, hit: Hit | None) -> str:
        """The hand-over's direction: one the words name ("who was *next*", "who came *before*
        him") decides, whatever the question word."""
        named = hit.facet if hit is not None and hit.facet in ("from", "to") else d.facet
        # (the question proper: "*and* who handed him the serum", "my nephew says the team
        # *got* sold, who sold them": an opener's or a preamble's words are not the question's)
        start = 1 if tuple(d.words[:1]) in (("and",), ("so",), ("then",)) else d.core
        return self._direction(d.words[start:], [m._replace(start=m.start - start,
                                                            end=m.end - start)
                                                 for m in d.mentions if m.start >= start], named)

    @staticmethod
    def _direction(words: Sequence[str], mentions: Sequence[Mention], facet: str | None) -> str:
        """Who passed the serum *to* X (``from``: the giver is asked), or whom X passed it to.

        X after "to" or "before" received it, so the giver is asked; X after "from" or "after"
        gave it. Otherwise X is the one acting: "did X give it" asks the receiver, "did X get
        it" the giver.
        """
        if facet in ("from", "to"):
            return facet
        if words[:1] and words[0] in ("where", "when", "how", "did", "does") and len(mentions) > 1:
            # "where did Seppala hand it to Olson", "did Ivanoff give it to Seppala": the
            # first named acts, so what he did is asked, the one after "to" receiving from him.
            for m in mentions[1:]:
                if m.start > 0 and words[m.start - 1] in ("to", "from"):
                    return words[m.start - 1]
        places = [m.start for m in mentions] + [i for i, w in enumerate(words) if w in PRONOUNS]
        for at in sorted(places):
            before = words[at - 1] if at > 0 else ""
            if before in ("to", "before"):
                return "from"
            if before in ("from", "after"):
                return "to"
        receiving = _receiving(words)
        if len(words) > 1 and words[0] in ("who", "whom", "which") and words[1] not in (
                "did", "does", "do", "had"):
            # "who gave X the serum" asks the giver; "who got it next" the receiver.
            return "to" if words[1] in receiving else "from"
        return "from" if receiving & set(words) else "to"


def _receiving(words: Sequence[str]) -> frozenset[str]:
    """The verbs that say the one named got the serum: "take" too, except where it is
    asked where they took it ("where did Jackscrew take the serum": where he carried it)."""
    # ("where did Kaasen *take over* the serum": where he got it)
    taken_over = any(w in ("take", "took", "takes") and after == "over"
                     for w, after in zip(words, words[1:], strict=False))
    if words[:1] == ["where"] and "from" not in words and not taken_over:
        return GETTING - {"take", "took", "takes"}
    return GETTING


def _words_of(texts: Iterable[str]) -> set[str]:
    return {w for text in texts for w in plain_words(text)}


def _topic_stems(relations: Relations, lexicon: Lexicon) -> frozenset[str]:
    """Words that name a topic or the story's things ("sled"): a name heard by sound does not
    end in one."""
    return relations.one_word_triggers() | {stem(w) for w in lexicon.topic_words}


def build_understander(store: FactStore, lexicon: Lexicon, relations: Relations) -> Understander:
    """An :class:`Understander` over a fact store's names and every word the skill knows."""
    forms = {" ".join(plain_words(form)): entity_id
             for form, entity_id in store.entity_names.items()}
    # A long name is the same name without its "the" ("the first iditarod trail sled dog
    # race"); a short one is not ("statue" alone may be any statue).
    for form, entity_id in list(forms.items()):
        bare = form.removeprefix("the ")
        if bare != form and len(bare.split()) >= 3:
            forms.setdefault(bare, entity_id)
    ordinary = frozenset(_words_of(_fact_texts(store)))
    known = _known_words(ordinary, forms, lexicon, relations)
    entity_words = {e.id: " ".join(plain_words(e.spoken_forms[0])) for e in store.entities.values()}
    proper = {" ".join(plain_words(e.name)): e.id for e in store.entities.values()}
    understander = Understander(
        NameMatcher({f: e for f, e in forms.items() if f}, known, proper, ordinary,
                    _given_names(store, forms), _topic_stems(relations, lexicon),
                    _names_in_text(store, forms)),
        relations,
        {e.id: e.type for e in store.entities.values()}, entity_words,
        lexicon.chatter, lexicon.background, _films_named_after(store), _roles_recorded(store))
    everyday = lexicon.everyday_words()
    understander.names.hear_everyday(everyday)
    understander.unknown_names = _unknown_names(store, forms)
    understander.unknown_people = frozenset(
        name for name in understander.unknown_names[0] - set(everyday[:_EVERYDAY_ENOUGH])
        if len(name) >= 4)
    understander.works_named_for = _works_named_for(store)
    understander.counterparts = _counterparts(store)
    understander.rewording.works_named_for = dict(understander.works_named_for)
    understander.rewording.mounted_at = _mounted_at(store)
    understander.fact_beings = {
        fact.id: tuple(e for e in fact.about if store.entities[e].type in ("person", "dog"))
        for fact in store.facts.values()}
    understander.people_named = _people_named_in(store)
    understander.domain_words = frozenset(lexicon.topic_words) | {
        stem(w) for w in lexicon.domain}
    understander.recorded = frozenset(
        (entity_id, key.partition(".")[0]) for fact in store.facts.values()
        for entity_id, keys in fact.answers.items() for key in keys)
    understander.relation_keys = _relation_keys(store)
    understander.relation_topics = frozenset(
        key.partition(".")[0] for key in understander.relation_keys)
    return understander


def _relation_keys(store: FactStore) -> frozenset[str]:
    """Every relation some fact records ("death.age")."""
    return frozenset(
        key for fact in store.facts.values() for keys in fact.answers.values() for key in keys)


#: A name of two or three capitalised words in a fact's text ("Willem Dafoe").
_CAPITALISED_NAME = re.compile(r"\b[A-Z][a-zA-Z]+(?: [A-Z][a-zA-Z]+){1,2}\b")


def _people_named_in(store: FactStore) -> dict[str, tuple[str, ...]]:
    """Whom each fact's words name beyond whom it is about (~20 ms: worked out when the index
    is built, not on a cold first question)."""
    people = [(e.id, re.compile(rf"\b(?:{'|'.join(map(re.escape, e.spoken_forms))})\b"))
              for e in store.entities.values() if e.type == "person" and e.spoken_forms]
    named = {}
    for fact in store.facts.values():
        text = fact.answer.lower()
        found = tuple(e for e, form in people if e not in fact.about and form.search(text))
        if found:
            named[fact.id] = found
    return named


def _names_in_text(store: FactStore, forms: Mapping[str, str]) -> set[str]:
    """Names of several words the facts speak of that name no entity ("willem dafoe",
    "julianne nicholson"), as plain words."""
    found = set()
    for fact in store.facts.values():
        for match in _CAPITALISED_NAME.finditer(fact.answer):
            words = plain_words(match.group())
            while words and words[0] in STOPWORDS:  # "In Los Angeles", "The Cruelest Miles"
                words = words[1:]
            name = " ".join(words)
            if len(words) >= 2 and name not in forms:
                found.add(name)
    return found


#: How many of the commonest English words are too common to be taken for a name someone
#: gives ("army", "garden"; not "constance", "tillie"). The list holds words of four letters
#: or more, and so do the names taken.
_EVERYDAY_ENOUGH = 10000


def _unknown_names(store: FactStore,
                   forms: Mapping[str, str]) -> tuple[frozenset[str], frozenset[str]]:
    """Words the facts only ever write capitalised that no entity's name uses: names of
    people and places the store mentions without knowing them ("Powell", "Ricker"); and of
    those, the ones a fact says after "in", "at" or "near" (places: "Everett")."""
    capitalised: set[str] = set()
    lower: set[str] = set()
    placed: set[str] = set()
    for fact in store.facts.values():
        text = fact.spoken
        for word in re.findall(r"[A-Za-z]+", text):
            (capitalised if word[0].isupper() else lower).add(word.lower())
        placed.update(w.lower() for w in re.findall(r"\b(?:in|at|near) ([A-Z][a-z]+)", text))
    entity_words = {w for form in forms for w in form.split()}
    names = frozenset(capitalised - lower - entity_words - STOPWORDS)
    return names, frozenset(names & placed - set(MONTHS))


def _fact_texts(store: FactStore) -> Iterable[str]:
    return (text for fact in store.facts.values()
            for text in (fact.answer, fact.card, *fact.cues, fact.disagreement or ""))


def _known_words(ordinary: frozenset[str], forms: Mapping[str, str], lexicon: Lexicon,
                 relations: Relations) -> set[str]:
    """Every word the skill knows: its facts', its names', its vocabularies' and the stop words;
    a sound match is tried only on other words."""
    known = set(ordinary)
    known |= _words_of(forms)
    known |= relations.vocabulary() | lexicon.vocabulary()
    known |= STOPWORDS | QUESTION_WORDS | PRONOUNS | YES_NO_STARTS | FILLERS | _BACK_PRONOUNS
    return known


def _given_names(store: FactStore, forms: Mapping[str, str]) -> set[str]:
    """People's given names that are no name's last or only word ("scott", not "kaasen")."""
    whole = {w for f in forms for w in f.split()[-1:]} | {f for f in forms if " " not in f}
    return {w for e in store.entities.values() if e.type == "person"
            for w in plain_words(e.name)[:-1]} - whole


def _films_named_after(store: FactStore) -> dict[str, list[tuple[str, str]]]:
    """Dog or person -> the films whose names contain theirs, each with its year if said."""
    films: dict[str, list[tuple[str, str]]] = {}
    for film in (e for e in store.entities.values() if e.type == "film"):
        words = set(plain_words(film.name)) | {w for f in film.synonyms for w in plain_words(f)}
        years = re.findall(r"\b(1[89]\d\d|20\d\d)\b", " ".join(
            [film.name, *film.synonyms, *(f.answer for f in store.about(film.id))]))
        for entity in store.entities.values():
            if entity.type in ("dog", "person") and set(plain_words(entity.name)) <= words:
                films.setdefault(entity.id, []).append((film.id, years[0] if years else ""))
    return films


def _works_named_for(store: FactStore) -> dict[str, str]:
    """A film or another work whose name holds one dog's name (the Balto statue) -> that dog."""
    dogs = {e.id: set(plain_words(e.name)) for e in store.entities.values() if e.type == "dog"}
    works: dict[str, str] = {}
    for work in store.entities.values():
        if work.type in ("film", "topic"):
            words = set(plain_words(work.name))
            named = [dog for dog, name in dogs.items() if name <= words and dog != work.id]
            if len(named) == 1:
                works[work.id] = named[0]
    return works


def _after_other(words: Sequence[str]) -> str:
    """The word after "other" ("the other *dog*"), "" if none follows or "other" is unsaid."""
    return next((after for w, after in zip(words, [*words[1:], ""], strict=True)
                 if w == "other"), "")


def _other_kind(words: Sequence[str]) -> str | None:
    """The kind "the other ..." names ("the other *dog*": a dog; "the other one": none)."""
    return _CATEGORY_WORDS.get(_after_other(words))


def _counterparts(store: FactStore) -> dict[str, str]:
    """The two dogs the store's facts are about far more often than any other (three times
    the third's count), each -> the other; none if no two stand out so."""
    counts = Counter(e for fact in store.facts.values() for e in fact.about
                     if store.entities[e].type == "dog")
    ranked = counts.most_common(3)
    if len(ranked) < 2 or (len(ranked) == 3 and ranked[1][1] < 3 * ranked[2][1]):
        return {}
    (first, _), (second, _) = ranked[:2]
    return {first: second, second: first}


def _mounted_at(store: FactStore) -> dict[str, str]:
    """A place -> the one dog whose mounted body the store keeps there or within it (Wasilla,
    the Cleveland museum and Cleveland itself)."""
    dogs: dict[str, set[str]] = {}
    for fact in store.facts.values():
        for entity, relations_of in fact.answers.items():
            place = relations_of.get("remains.where")
            if store.entities[entity].type != "dog" or place not in store.entities:
                continue
            name = store.entities[place].name.lower()
            for other in store.entities.values():
                if other.type == "place" and (other.id == place or other.name.lower() in name):
                    dogs.setdefault(other.id, set()).add(entity)
    return {place: next(iter(found)) for place, found in dogs.items() if len(found) == 1}


def _roles_recorded(store: FactStore) -> dict[tuple[str, str], str]:
    """(entity, role topic) -> the entity the facts record in that role, the first recorded."""
    roles: dict[tuple[str, str], str] = {}
    for fact in store.facts.values():
        for entity_id, relations_of in fact.answers.items():
            for key, value in relations_of.items():
                topic = key.partition(".")[0]
                if topic in ROLES and isinstance(value, str) and value in store.entities:
                    roles.setdefault((entity_id, topic), value)
    return roles
