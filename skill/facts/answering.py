"""Choose what to say to a question (pure: no ask-sdk, no I/O).

Handlers turn an intent into a :class:`Question` and get back an :class:`Answer`:

- a **fact** that answers the relation asked ("where was Balto laid to rest": the fact recording
  Balto's remains, not his retirement), found through the facts' ``answers`` and, between
  several, by the lexical ranker (:mod:`skill.facts.ranking`);
- a **yes/no** verdict with the fact behind it, when the question asks one;
- a **comparison** of two or more entities, or a superlative across a kind, from the values
  the facts record;
- an honest **no record** naming what was asked ("Kaasen's wife or husband"), with the nearest
  real fact only as an offer;
- **unknown** when the question could not be placed at all.

The same decision runs in the simulator, the tests and the Lambda.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from skill.facts import values
from skill.facts.answer_records import (
    Answer,
    Comparison,
    Question,
    Row,
)
from skill.facts.context import Context
from skill.facts.descriptions import descriptions, may_describe
from skill.facts.fact_subjects import (
    of_a_place,
    of_someone,
    of_someone_ranked,
    split_relation,
    subject_of,
    who_named,
)
from skill.facts.happenings import (
    alive_then,
    dated,
    season_verdict,
    time_of_day_verdict,
    value_of,
    which_first,
)
from skill.facts.honesty import (
    FACET_LABELS,
    NAME_INSIDE,
    SENTENCE,
    YEAR,
    speakers_own_clause,
)
from skill.facts.model import IMPLIED_SUBJECT, Entity, Fact
from skill.facts.ranking import (
    MIN_WORD_SUPPORT,
    STRONG_WORD_SUPPORT,
    Analysis,
    Ranker,
    Scored,
)
from skill.facts.relation_fit import VALUE_FACETS, key_fits, recorded
from skill.facts.relations import Topic
from skill.facts.role_verdicts import (
    depicted_verdict,
    identity_verdict,
    passed_through_verdict,
    role_verdict,
)
from skill.facts.routes import between_places
from skill.facts.that_day import of_that_day
from skill.facts.understanding import ANIMATE, ORIGIN_OF, SPEAKERS, Query
from skill.facts.verdicts import (
    STATES,
    claimed_terms,
    links_named,
    named_within,
    place_words,
    speaks_of_all,
    states,
    unheard,
    values_named,
    yes_no,
)
from skill.facts.withholding import honest, kind_instead, withheld
from skill.records import Record
from skill.text.normalise import plain_words, strip_fillers
from skill.text.numbers import MONTHS, ORDINAL_UNITS, parse_ordinal
from skill.text.numbers import UNITS as NUMBER_UNITS
from skill.text.vocabulary import PRONOUNS, QUESTION_WORDS, STOPWORDS, stem

if TYPE_CHECKING:
    from skill.facts.relations import Comparative
    from skill.facts.store import FactStore

#: Score per level of relation fit (1 same topic, 2 compatible facet, 3 exact) when choosing
#: between facts that record the asked relation.
RELATION_FIT_WEIGHT = 3.0
_MANNER = frozenset({"how", "why"})


def _gating(query: Query) -> bool:
    """Whether the question asks a relation precisely enough to require a fact recording it."""
    if query.topic is not None:
        return True
    return query.facet in VALUE_FACETS


#: The verdicts that say which way two happenings stand ("was X before or after Y").
_ORDERS = frozenset({"before", "after"})


# -- the decision --------------------------------------------------------------------------------
def answer(ranker: Ranker, question: Question, context: Context | None = None) -> Answer:
    """Decide what to say (see the module docstring)."""
    named = _descriptions_named(ranker, question, context) or _legs_named(ranker, question)
    if named is not None:
        # "where was the man who drove balto born": where Gunnar Kaasen was born
        return answer(ranker, named, context)
    both = _two_questions(ranker, question, context) or _claim_then_asked(
        ranker, question, context)
    if both is not None:
        return both
    return _one_question(ranker, question, context)


#: Words that ask only who a description is ("*what was the name of* the dog that ...").
_ASKING_WHO = frozenset("who whos what whats was is the name of tell me do you know".split())


def _descriptions_named(ranker: Ranker, question: Question,
                        context: Context | None) -> Question | None:
    """The question with each description by a deed ("the man who drove balto") replaced by
    the name of the one whose deed it is, as the skill answers "who drove balto"; None when
    none is. The deed's answer must record one (a relation, not a neighbouring fact), who is
    a person or a dog the deed does not itself name."""
    words = plain_words(question.text or "")
    # (each word as the lexicon hears it: "the *doggy* that played togo" is "the dog that")
    heard = [ranker.lexicon.canonical.get(w, w) for w in words]
    if not may_describe(heard):
        return None
    found = descriptions(heard, ranker.understander.names.find(words))
    if not found:
        return None
    first = found[0]
    asking = first.start
    while asking > 0 and words[asking - 1] in _ASKING_WHO:
        asking -= 1
    if len(found) == 1 and QUESTION_WORDS & set(words[asking:first.start]):
        # "what is the name of the dog that played togo": the deed is what is asked
        return question._replace(text=" ".join(
            (*words[:asking], *first.deed(words), *words[first.end:])))
    out = list(words)
    for description in reversed(found):
        deed = _one_question(ranker, Question(text=" ".join(description.deed(words))), context)
        who = ranker.store.entities.get(deed.entity or "")
        if (deed.kind != "fact" or not deed.relation or who is None
                or who.type not in ("person", "dog")
                or deed.query is None or who.id in deed.query.named):
            continue
        out[description.start:description.end] = plain_words(who.spoken_name)
    return question._replace(text=" ".join(out)) if out != words else None


#: A leg of the relay said by its place in the order ("the *first* leg", "the last one").
_LEG_BY_ORDER = re.compile(
    rf"\bthe (?P<order>last|final|{'|'.join(sorted(ORDINAL_UNITS, key=len, reverse=True))}|"
    r"twentieth) (?:leg|one|run|stretch|part)\b")


def _legs_named(ranker: Ranker, question: Question) -> Question | None:
    """ "Which was longer, the first leg or the last leg": two legs set against each other by
    their place in the order are their mushers' legs ("Shannon's leg or Kaasen's leg"),
    which the comparison can rank. None unless two are said."""
    words = plain_words(question.text or "")
    text = " ".join(words)
    said = list(_LEG_BY_ORDER.finditer(text))
    # (legs said: "the first one or the second one" of shipments is no leg)
    if len(said) != 2 or not {"leg", "legs"} & set(words):
        return None
    mushers = _mushers_by_leg(ranker.store)
    last = max(mushers, default=0)
    out = text
    for found in reversed(said):
        word = found.group("order")
        order = last if word in ("last", "final") else parse_ordinal(word)
        musher = mushers.get(order) if order is not None else None
        if musher is None:
            return None
        name = plain_words(ranker.store.entities[musher].spoken_name)
        out = f"{out[:found.start()]}{' '.join(name)}'s leg{out[found.end():]}"
    return question._replace(text=out)


@lru_cache(maxsize=1)
def _mushers_by_leg(store: FactStore) -> dict[int, str]:
    """The person who ran each leg, by its place in the order."""
    return {value: entity for fact in store.facts.values()
            for entity, relations in fact.answers.items()
            if isinstance(value := relations.get("leg.order"), int)
            and store.entities.get(entity) is not None
            and store.entities[entity].type == "person"}


def _two_questions(ranker: Ranker, question: Question,
                   context: Context | None) -> Answer | None:
    """ "Which museum has Balto and which one has Togo", "who was the first musher and who
    was the last one": two questions in one breath, the second asked after the first as a
    follow-up would be; both answers, one after the other. None unless both are facts."""
    parts = _split_in_two(question.text or "")
    if parts is None:
        return None
    first = _one_question(ranker, Question(text=parts[0]), context)
    if first.kind != "fact" or first.fact is None:
        return None
    second = _one_question(ranker, Question(text=parts[1]), first.context())
    if second.kind != "fact" or second.fact is None or second.fact.id == first.fact.id:
        return None
    rows = (Row(first.entity or "", None, first.fact), Row(second.entity or "", None, second.fact))
    return Answer("compare", first.fact, first.entity, first.analysis, first.query,
                  comparison=Comparison("each", "none", rows))


def _claim_then_asked(ranker: Ranker, question: Question,
                      context: Context | None) -> Answer | None:
    """ "I heard the dogs ended up in a freak show, is that true, and what city was it in",
    "she wants to know if he was a real dog and where he ended up": a yes or no asked, then a
    question asked after it, as a follow-up would be. Yes, then the second answer; no, and
    the second asks of what did not happen: only the first; no verdict on the claim, the
    second answer alone. None unless the first is a yes/no answer and the second a fact."""
    words = plain_words(question.text or "")
    at = next((i for i in range(len(words) - 3, 2, -1)
               if words[i] == "and" and words[i + 1] in _ASKED_AFTER), None)
    if at is None:
        return None
    first = _one_question(ranker, Question(text=" ".join(words[:at])), context)
    if first.kind != "yes_no" or first.fact is None:
        return None
    if first.polarity == "no":
        return first
    second = _one_question(ranker, Question(text=" ".join(words[at + 1:])), first.context())
    if second.kind != "fact" or second.fact is None:
        return None
    # (no verdict on the claim: the second question's answer alone)
    return second._replace(kind="yes_no", polarity="yes") if first.polarity == "yes" else second


#: Question words that open a question asked after a yes or no ("... and *where* is he now").
_ASKED_AFTER = frozenset("what where when who how which why whose".split())


def _split_in_two(text: str) -> tuple[str, str] | None:
    """The two questions of "<question> and <question word> ...", each of two words or more."""
    words = plain_words(text)
    if len(words) < 6 or words[0] not in QUESTION_WORDS:
        return None
    at = next((i for i in range(2, len(words) - 2)
               if words[i] == "and" and words[i + 1] in QUESTION_WORDS), None)
    if at is None:
        return None
    return " ".join(words[:at]), " ".join(words[at + 1:])


def _one_question(ranker: Ranker, question: Question, context: Context | None) -> Answer:
    """The answer to one question."""
    result = _decide(ranker, question, context)
    result = _asked_without_the_preamble(ranker, result) or result
    if _another_asked(ranker, result):
        # "what was Seppala's lead dog before Togo": the store records only Togo as his
        return _another_unrecorded(ranker, result)
    if _context_misled(ranker, result):
        # "and how many did they find in anchorage" after Welch's telegram: "they" is not
        # Welch, whose facts never speak of Anchorage; what it names answers on its own.
        alone = _decide(ranker, question, None)
        if alone.kind in ("fact", "yes_no"):
            result = alone
    result = _of_them_all_unsaid(ranker, _verdict_settled(ranker, result))
    result = _what_came_next(ranker, result, context) or result
    result = _passed_on_next(ranker, result, context) or result
    result = _handed_back(ranker, question, result, context) or result
    result = of_that_day(ranker, result, context) or result
    result = _asked_of_the_new_one(ranker, result, context) or result
    if result.query is not None and result.query.choice and not (
            result.comparison is not None and result.comparison.polarity in _ORDERS):
        # "did shannon or kaasen go farther": which one, never "No."; "was balto's part
        # longer or shorter than togo's": the one of the two words that holds of him
        comparison = result.comparison
        chosen = _comparative_chosen(result.query, comparison) if comparison else None
        return result._replace(polarity=None, comparison=comparison._replace(polarity=chosen)
                               if comparison is not None else None)
    return result


def _asked_without_the_preamble(ranker: Ranker, result: Answer) -> Answer | None:
    """ "my kids keep saying balto carried the serum the whole way ... so how many mushers were
    part of it": a question proper that names no one asks of the story, not of whom the
    preamble named; when that one records nothing of it, the question proper alone answers."""
    query = result.query
    if result.kind != "no_record" or query is None or not query.core_start:
        return None
    proper = query.words[query.core_start:]
    # (not a description asked of: "what was the name of the engineer *who* took it")
    # (nor one leaning on the preamble for whom "he" or "she" is)
    if ANIMATE.intersection(proper) or QUESTION_WORDS.intersection(
            query.words[:query.core_start]):
        return None
    alone = _decide(ranker, Question(text=" ".join(proper)), None)
    # (of the story, or of something said: not a neighbour the ranking found, "how much did
    # it cost to make" after the statue is not the film's budget)
    said = {*ranker.lexicon.background, *query.named,
            *(alone.query.named if alone.query is not None else ())}
    if alone.kind in ("fact", "yes_no", "compare") and alone.entity != result.entity and (
            alone.entity in said):
        return alone
    return None


def _what_came_next(ranker: Ranker, result: Answer, context: Context | None) -> Answer | None:
    """ "What did he do then" after why Togo was given away: not the fact just spoken again,
    but the next one the question's words lead to about the same one (he escaped)."""
    query, fact = result.query, result.fact
    if (context is None or query is None or fact is None or result.kind != "fact"
            or fact.id != context.fact or not _asks_what_next(query)):
        return None
    entity = result.entity or ""
    # (first one recording of him what was asked before: his being given away)
    on_topic = [f for _, f, _ in recorded(ranker.store, entity, query.topic, None)
                if f.id != fact.id]
    following = [s.fact for s in result.ranked or ranker.rank_analysis(result.analysis, limit=5)
                 if s.fact.id != fact.id and entity in s.fact.about]
    found = (on_topic or following)[:1]
    return result._replace(fact=found[0]) if found else None


def _passed_on_next(ranker: Ranker, result: Answer, context: Context | None) -> Answer | None:
    """ "Who did he give it to after that", after the hand-over from Ivanoff to Seppala: not
    that hand-over spoken again, but the next one, by the one who got it (Seppala to Olson)."""
    query, fact = result.query, result.fact
    if (context is None or query is None or fact is None or result.kind != "fact"
            or result.relation != "handoff.to" or fact.id != context.fact
            or not _asks_onward(query.words)):
        return None  # (not "who was next", whom the hand-over just told was to)
    receiver = result.entity  # (the answer to whom it was given)
    if receiver is None or not any(relations.get("handoff.to") == receiver
                                   for relations in fact.answers.values()):
        return None
    onward = [f for _, f, key in recorded(ranker.store, receiver, "handoff", "to")
              if key == "handoff.to" and f.id != fact.id]
    return result._replace(fact=onward[0], entity=receiver) if onward else None


def _handed_back(ranker: Ranker, question: Question, result: Answer,
                 context: Context | None) -> Answer | None:
    """ "Who did Seppala get the serum from" (Ivanoff), "and who did *he* give it to": the
    hand-over the other way, asked of the one just answered, only gives back the one the
    last question was about (Ivanoff gave it to Seppala); "he" is Seppala, as in the last
    question, and the answer is his hand-over (to Olson)."""
    query = result.query
    if (context is None or query is None or not query.from_context or result.kind != "fact"
            or context.topic != "handoff" or not result.relation.startswith("handoff.")
            or result.relation.partition(".")[2] == context.facet or result.entity is None
            or not context.question):
        return None
    asked = " ".join(context.question)
    subject = ranker.store.entities.get(result.entity)
    if subject is None or not subject.named_in(asked) or result.entity == context.entity:
        return None
    again = _decide(ranker, question, context._replace(entity=subject.id, entities=(subject.id,)))
    ranker.new_question()
    return again if again.kind == "fact" and again.entity != subject.id else None


def _asks_onward(words: Sequence[str]) -> bool:
    """Whether a question asks past what was just told: "after that", "then", "afterwards"."""
    return bool(_ONWARD & set(words)) or any(
        tuple(words[i:i + 2]) == ("after", "that") for i in range(len(words) - 1))


def _asked_of_the_new_one(ranker: Ranker, result: Answer,
                          context: Context | None) -> Answer | None:
    """ "And nome" after "when did the serum reach nenana": the topic carried over is the one
    the last answer's fact recorded (the train's arrival at Nenana), which Nome does not
    have; the last question asked again with Nome in Nenana's place is what was meant. Only
    for one name standing in for one of its own kind, and only when that gives a fact."""
    query = result.query
    if (context is None or query is None or not query.elliptical or len(query.named) != 1
            or result.kind not in ("no_record", "unknown") or not context.question):
        return None
    store = ranker.store
    new = store.entities.get(query.named[0])
    if new is None:
        return None
    asked = " ".join(context.question)
    for old_id in dict.fromkeys((context.entity, *context.entities)):
        old = store.entities.get(old_id or "")
        again = _with_in_place(asked, old, new) if old and old.type == new.type else None
        if again is None:
            continue
        found = _decide(ranker, Question(text=again), None)
        ranker.new_question()
        fact = found.fact
        if found.kind in ("fact", "yes_no") and fact is not None and fact.id != context.fact and (
                new.id in fact.about or new.named_in(fact.answer.lower())):
            return found
        return None  # (the one the last question named, asked again: no fact of the new one)
    return None


def _with_in_place(asked: str, old: Entity, new: Entity) -> str | None:
    """The question with the new one's name where the old one's was, if it was named."""
    form = next((f for f in sorted(old.spoken_forms, key=len, reverse=True)
                 if re.search(rf"\b{re.escape(f)}\b", asked)), None)
    if form is None or old is new:
        return None
    return re.sub(rf"\b{re.escape(form)}\b", new.spoken_forms[0], asked, count=1)


#: Words asking what came after what was just told.
_NEXT = frozenset("then next afterwards afterward later".split())
#: ... past what was just told, not "next" ("who was next" is whom the hand-over told).
_ONWARD = _NEXT - {"next"}


def _asks_what_next(query: Query) -> bool:
    """ "What did he do (then)", "and what happened next"."""
    words = [w for w in query.words[query.core_start:] if w != "and"]
    return (words[:1] == ["what"] and bool(_NEXT & set(words))) or (
        len(words) == 4 and words[:2] == ["what", "did"] and words[2] in PRONOUNS
        and words[3] == "do")


def _verdict_settled(ranker: Ranker, result: Answer) -> Answer:
    """A yes/no answer's verdict, where the fact chosen did not settle it (or may not)."""
    if result.kind in ("yes_no", "no_record") and (result.polarity is None or (
            result.polarity == "yes" and _claimed_by_words(ranker, result))):
        # "did ed rohn take the serum into nome": who did it says, when no fact said yes or
        # no; "was togo the dog that brought the serum into nome" too, for a yes from his own
        # fact's words says only that he carried it
        result = _verdict_by_who(ranker, result) or result
    elif result.kind == "yes_no" and result.polarity == "no" and _asks_who_alone(result.query):
        # "was it seppala who brought the serum into nome", "did he carry it in *himself*":
        # No from his own leg, which never says who did; the fact of the one who did says it
        by_who = _verdict_by_who(ranker, result)
        result = by_who if by_who is not None and by_who.polarity == "no" else result
    if result.kind == "yes_no" and result.polarity is None:
        # "was ed rohn awake when kaasen came through": Kaasen's fact says neither, the next
        # the words lead to (Point Safety's) says he was asleep
        result = _verdict_by_words(ranker, result) or result
    if result.kind == "yes_no" and result.polarity == "yes" or _yes_compared(result):
        # "did balto *really* lead kaasen's team": doubted, where accounts differ on it (so
        # too where the yes compares: "did balto really lead *the last team*")
        result = _doubted(ranker, result._replace(kind="yes_no", comparison=None)) or result
    return result


def _yes_compared(result: Answer) -> bool:
    """Whether a yes/no question is answered yes by a comparison."""
    return (result.kind == "compare" and result.comparison is not None
            and result.comparison.polarity == "yes" and result.query is not None
            and result.query.yes_no_compare)


def _another_asked(ranker: Ranker, result: Answer) -> bool:
    """Whether the question asks, of a description naming one alone, for another who fits
    it ("Seppala's lead dog before Togo"), and names no one else (but the description's
    own: Seppala)."""
    query = result.query
    if query is None or query.form != "wh" or not query.another_than:
        return False
    described = " ".join(query.another_than[2:])
    return all(entity == query.another_than[0]
               or ranker.store.entities[entity].named_in(described)
               for entity in query.entities)


def _another_unrecorded(ranker: Ranker, result: Answer) -> Answer:
    """ "I don't have a record of Seppala's lead dog other than Togo", offering his own."""
    query = result.query
    assert query is not None
    entity = ranker.store.entities[query.another_than[0]]
    join, owner, *rest = query.another_than[1:]
    identity = ranker.store.identity_of(entity.id)
    # (names as the one's own fact writes them: "the governor of *Alaska*")
    proper = set(re.findall(r"\b[A-Z][a-z]+", identity.answer)) if identity else set()
    named = [w.capitalize() if w.capitalize() in proper or ranker.store.entity_for_name(w)
             else w for w in rest]
    # (the description as said, its owner given back the apostrophe: "seppalas" -> Seppala's;
    # or a title: "the governor of Alaska")
    described = " ".join([f"{owner[:-1].capitalize()}'s" if owner.endswith("s")
                          else f"the {owner}", *named])
    return Answer("no_record", None, entity.id, result.analysis, query,
                  missing=f"{described} {join} {entity.spoken_name}",
                  offer=identity)


#: Auxiliaries a yes/no question about someone's deed or role opens with.
_DEED_AUXILIARIES = frozenset("did does do".split())
_ROLE_AUXILIARIES = frozenset("was is were are".split())
#: Words after which "who did it" no longer decides it: others may have done it too, or the
#: claim is of more than the deed ("did balto lead *the whole way*").
_SHARED_CLAIMS = frozenset("only alone himself herself also too all whole ever never not again "
                           "both each still like".split())


def _which_one_did(rest: Sequence[str]) -> str | None:
    """ "Which dog brought the serum into Nome", of "(was Togo) the dog that brought the serum
    into Nome"; "who ..." of "the one who ..."; None if the words are not of that shape."""
    at = next((i for i, w in enumerate(rest[:5]) if w in ("that", "who", "which")), None)
    if at is None or rest[:1] != ["the"] or at < 2 or at + 1 >= len(rest):
        return None
    kind = [w for w in rest[1:at] if w not in _EMPHASIS]
    opener = ["who"] if kind in (["one"], ["person"], ["man"], ["guy"]) else ["which", *kind]
    return " ".join([*opener, *rest[at + 1:]])


def _claimed_by_words(ranker: Ranker, result: Answer) -> bool:
    """ "Was Togo the dog that ...", "is Kaasen the one who ...": the one named claimed as
    the one who did something (the shape :func:`_which_one_did` reads), answered yes by a
    fact's words, not by a value it records of him (Seppala's lead dog, Togo, says yes to
    "was Togo the dog that led his team")."""
    query, fact = result.query, result.fact
    if query is None or query.form != "yes_no" or fact is None:
        return False
    words = query.words[query.core_start:]
    subject = _named_right_after(ranker, query, words)
    if subject is None or words[0] not in ("was", "is") or subject[0] in values_named(fact):
        return False
    return _which_one_did([w for w in words[1 + subject[1]:] if w not in _EMPHASIS]) is not None


def _verdict_by_words(ranker: Ranker, result: Answer) -> Answer | None:
    """A yes or no from the next facts the question's words lead to, when the one chosen
    says neither: one that speaks of all the question names and says what it claims, or
    its contrary."""
    query, analysis = result.query, result.analysis
    if query is None or analysis is None or query.choice or _disputed(result):
        return None  # (where the sources disagree, neither is the verdict)
    for scored in ranker.rank_analysis(analysis, limit=_VERDICT_CANDIDATES):
        fact = scored.fact
        if fact is result.fact or not speaks_of_all(ranker, query, fact, result.entity):
            continue
        polarity = yes_no(ranker, fact, "", query, result.entity or "", analysis)
        # (a yes from words alone only where they strongly support the fact: "was Togo a
        # young dog" is no yes from "as a young dog, Togo was thought too small")
        if polarity == "no" or polarity == "yes" and scored.words >= STRONG_WORD_SUPPORT:
            return Answer("yes_no", fact, result.entity, analysis, query, polarity=polarity)
    return None


def _disputed(result: Answer) -> bool:
    """Whether the fact chosen says the sources disagree ("was Balto a Siberian husky": his
    breed, which they give three ways): then neither yes nor no is the verdict."""
    return result.fact is not None and bool(result.fact.disagreement)


#: How many of the facts the words rank first may give a verdict the chosen one does not.
_VERDICT_CANDIDATES = 3


def _doubted(ranker: Ranker, result: Answer) -> Answer | None:
    """ "Did Balto *really* lead Kaasen's team": a yes doubted ("really", "actually") of
    something the sources disagree on (Fox may have shared the lead) is "accounts differ",
    from the fact that records the dispute."""
    query, subject = result.query, result.entity
    if query is None or subject is None or query.topic is None or not (
            _EMPHASIS & set(query.words[query.core_start:])):
        return None
    disputed = next((fact for fact in ranker.store.answering(subject) if any(
        value == "disputed" and key.partition(".")[0] == query.topic
        for relations in fact.answers.values() for key, value in relations.items())), None)
    return result._replace(fact=disputed, polarity="disputed") if disputed else None


#: Words that only stress a claim ("was Balto *really* the dog ...").
_EMPHASIS = frozenset("really actually truly".split())


def _verdict_by_who(ranker: Ranker, result: Answer) -> Answer | None:
    """A yes/no question whose subject is a person or dog said by name, right after the
    auxiliary, is "who" asked of the rest ("was Joe Redington the first Iditarod winner":
    who was the first Iditarod winner). The one that answer names says it: No when it is
    someone else, and the fact never names the one asked of; Yes when it is the one asked."""
    query = result.query
    if query is None or query.form != "yes_no" or query.choice:
        return None
    words = _uncleft(query.words[query.core_start:])
    subject = _named_right_after(ranker, query, words)
    if subject is None:
        return None
    entity, size = subject
    text = _who_asked(words, size)
    if text is None:
        return None
    # (where the claim is that he did it alone, only someone else having done it settles it)
    alone = _without_alone(words) != words
    asked = _decide(ranker, Question(text=text), None)
    if asked.kind != "fact" or asked.fact is None or asked.query is None:
        return None
    store = ranker.store
    fact = asked.fact
    named = who_named(ranker, asked.query, fact) or asked.entity
    if entity in fact.about or store.entities[entity].named_in(fact.spoken.lower()) and not (
            named != entity and named in fact.about):
        # (a fact that speaks of the one asked of, and of others, may say they did it too;
        # not one only naming them in passing, about the one it says did it: "13 of
        # *Seppala's* reserve dogs" in Kaasen's leg)
        return Answer("yes_no", fact, entity, result.analysis, query,
                      polarity="yes") if named == entity and not alone else None
    if not of_someone(ranker, fact):
        return None
    return Answer("yes_no", fact, named, result.analysis, query, polarity="no")


def _asks_who_alone(query: Query | None) -> bool:
    """Whether a yes/no question asks who did it ("was *it* Seppala who ...") or whether the
    one named did it alone ("... *himself*", "... alone")."""
    if query is None:
        return False
    words = query.words[query.core_start:]
    return _uncleft(words) is not words or _without_alone(words) != words


#: Words that end a claim that the one named did it alone ("... by *himself*").
_ALONE = frozenset("himself herself itself themselves alone".split())


def _without_alone(words: Sequence[str]) -> Sequence[str]:
    """The words without a closing "(by) himself", "alone": who did the rest is asked."""
    if words and words[-1] in _ALONE:
        return words[:-2] if len(words) > 1 and words[-2] == "by" else words[:-1]
    return words


def _uncleft(words: Sequence[str]) -> Sequence[str]:
    """ "Was it Seppala who brought the serum in" as "was Seppala who brought ...": the one
    named right after the auxiliary, and who did the rest asked."""
    if len(words) > 3 and words[0] in _ROLE_AUXILIARIES and words[1] == "it":
        return [words[0], *words[2:]]
    return words


def _who_asked(words: Sequence[str], size: int) -> str | None:
    """ "Who was the first Iditarod winner" of "was Joe Redington the first Iditarod winner"
    (the name ``size`` words long after the auxiliary), "which dog brought ..." of "was Togo
    the dog that brought ..."; None where who did it would not settle it."""
    rest = _without_alone([w for w in words[1 + size:] if w not in _EMPHASIS])
    if not rest or _SHARED_CLAIMS & set(rest) or set(rest) & PRONOUNS:
        return None
    if rest[0] in ("who", "that"):
        return " ".join(["who", *rest[1:]])  # "was it Seppala *who brought* the serum in"
    if words[0] in _ROLE_AUXILIARIES and rest[0] not in ("the", "in"):
        return None  # a role ("the first winner") or a cast ("in the film"), not a state
    return _which_one_did(rest) or " ".join(
        ["who", *([words[0]] if words[0] in _ROLE_AUXILIARIES else []), *rest])


def _named_right_after(ranker: Ranker, query: Query,
                       words: Sequence[str]) -> tuple[str, int] | None:
    """The person or dog the words name right after the auxiliary they open with, and how
    many words the name takes ("did *ed rohn* take ..."), said as one of its names."""
    if len(words) < 3 or words[0] not in _DEED_AUXILIARIES | _ROLE_AUXILIARIES:
        return None
    store = ranker.store
    for named in query.named:
        entity = store.entities.get(named)
        if entity is None or entity.type not in ("person", "dog") or named in query.by_sound:
            continue
        for form in entity.spoken_forms:
            size = len(form.split())
            if " ".join(words[1:1 + size]) == form:
                return named, size
    return None


def _comparative_chosen(query: Query, comparison: Comparison) -> str | None:
    """Of two comparatives offered ("longer or shorter"), the one that holds of the first
    one named; None if the question offers no such pair."""
    comparative = query.comparative
    words = query.words
    if comparative is None or not query.entities or comparison.superlative:
        return None
    at = comparative.start
    if at + 2 < len(words) and words[at + 1] == "or":
        pair = (words[at], words[at + 2])
    elif at >= 2 and words[at - 1] == "or":
        pair = (words[at], words[at - 2])
    else:
        return None
    if _tied_rows(comparison.rows):
        return None
    return pair[0] if comparison.rows[0].entity == query.entities[0] else pair[1]


def _tied_rows(rows: Sequence[Row]) -> bool:
    """Whether the first two compared have the same value (none is "more")."""
    return len(rows) > 1 and values.same(rows[0].value, rows[1].value)


def _context_misled(ranker: Ranker, result: Answer) -> bool:
    """Whether a "no record" came of taking someone talked of as the subject when the
    question names a thing of its own (not the story's background: "how much serum did he
    ask for" is still his)."""
    query = result.query
    if result.kind != "no_record" or query is None or not query.from_context:
        return False
    # (nor the one a film asked of is named after: "and the togo one" after the Balto film)
    namesakes = {name for name, films in ranker.understander.films_named_after.items()
                 if any(film in query.entities[:1] for film, _ in films)}
    return bool(set(query.named) - set(query.entities[:1]) - ranker.lexicon.background
                - namesakes)


def _decide(ranker: Ranker, question: Question, context: Context | None) -> Answer:
    store = ranker.store
    ranker.new_question()
    identity = _slot_identity(store, question)
    if identity is not None:
        return identity
    query = ranker.understander.understand(
        _question_text(store, question), context, entity=question.entity,
        facet_hint=_ASPECT_FACETS.get(question.aspect or ""))
    analysis = _analyse(ranker, question, query)
    if analysis.out_of_scope:
        # "who won the iditarod this year", "what time is it in anchorage right now": the
        # present is outside a history skill.
        return Answer("unknown", None, None, analysis, query)
    ordered = (which_first(ranker, answer, query, analysis)
               or season_verdict(ranker, query, analysis)
               or time_of_day_verdict(ranker, answer, query, analysis)
               or alive_then(ranker, answer, query, analysis))
    if ordered is not None:
        return ordered
    if query.form == "compare" or query.yes_no_compare:
        compared = _compare(ranker, query, analysis)
        if compared is not None:
            return compared
    between = between_places(ranker, query, analysis)
    if between is not None:
        return honest(ranker, between, _dated_by_another_time)
    role = (identity_verdict(ranker, query, analysis) or role_verdict(ranker, query, analysis)
            or depicted_verdict(ranker, query, analysis)
            or passed_through_verdict(ranker, query, analysis))
    if role is not None:
        return role
    last = _of_last_answer(ranker, query, analysis, context)
    if last is not None:
        return last
    passing = _named_in_passing(ranker, query, analysis)
    if passing is not None:
        return passing
    decided = _by_what_is_asked(ranker, query, analysis)
    decided = _before_or_after_it(ranker, query, analysis, decided) or decided
    result = _denied(honest(ranker, decided or _by_ranking(ranker, query, analysis),
                             _dated_by_another_time))
    return _unranked(_measured(ranker, query, analysis, result))


def _of_them_all_unsaid(ranker: Ranker, result: Answer) -> Answer:
    """ "Did Togo and Balto ever meet", "did Seppala ever visit Balto": asked yes or no of two
    beings, a fact with no verdict that never speaks of both is no answer of them: no record,
    the fact offered."""
    query, fact = result.query, result.fact
    if (result.kind != "yes_no" or result.polarity is not None or query is None
            or fact is None or query.choice or query.yes_no_compare):
        return result
    # (not one said only as the measure of the other: "is togo stuffed *like balto*")
    words = query.words
    measures = {words[i + 1] for i in range(len(words) - 1) if words[i] in ("like", "as")}
    beings = [e for e in query.named if e in ranker.store.entities
              and ranker.store.entities[e].type in ("person", "dog")
              and not measures & set(ranker.understander.entity_words.get(e, e).split())]
    if len(beings) < 2 or speaks_of_all(ranker, query, fact, None):
        return result
    return withheld(result, "that")


#: "Who was ..." asking only who someone is.
_WHO_WAS = re.compile(r"^(?:who|whos) (?:was|is|were) (\w+)(?: (\w+))?$")


def _named_in_passing(ranker: Ranker, query: Query, analysis: Analysis) -> Answer | None:
    """ "Who was Constance", "who was Ricker": someone the facts name only in passing, not an
    entity of the store, is who the facts naming them say (Seppala's wife; his partner at
    Poland Spring); the best-ranked of them answers."""
    said = _WHO_WAS.match(" ".join(query.words[query.core_start:]))
    if said is None or query.form != "wh":
        return None
    name, other = said.groups()
    store = ranker.store
    named = {w for words in ranker.understander.entity_words.values() for w in words.split()}
    facts = _naming(store).get(name, ())
    # (not a name of the store's own, nor one said with a word the facts naming it never say)
    if name in named or not facts or (other and not any(
            other in f.spoken.lower() for f in facts)):
        return None
    best = ranker.score_facts(analysis, facts)[0].fact
    subject = next((e for e in best.about if e in store.entities), None)
    return Answer("fact", best, subject, analysis, query)


@lru_cache(maxsize=1)
def _naming(store: FactStore) -> dict[str, tuple[Fact, ...]]:
    """The facts naming each name said inside their sentences, lower-cased."""
    found: dict[str, list[Fact]] = {}
    for fact in store.facts.values():
        for name in {m.group(1).lower() for m in NAME_INSIDE.finditer(fact.spoken)}:
            found.setdefault(name, []).append(fact)
    return {name: tuple(facts) for name, facts in found.items()}


def _before_or_after_it(ranker: Ranker, query: Query, analysis: Analysis,
                        decided: Answer | None) -> Answer | None:
    """ "Where was Balto kept *before Cleveland bought him*": the clause only dates what is
    asked. The subject's fact recording the place asked that is dated nearest before the
    clause's happening (the Los Angeles dime museum, February 1927), or nearest after it,
    answers, whatever the words found: they found the clause's happening or its moment (the
    dogs' arrival in Cleveland), or, with so few words of its own to the question ("where
    was Balto before he got to Cleveland"), the clause's words (another arrival, Nome's)."""
    if (decided is None or decided.fact is None or query.form != "wh"
            or query.facet != "where" or not query.entities):
        return None
    subject = query.entities[0]
    found = _clause_dated(ranker, query, subject)
    if found is None:
        return None
    then, moment, before = found
    # (a topic the clause's words found only dates the one its question asks: "where did
    # balto *live* after they brought him to cleveland" asks where he lived, not the rescue)
    own = not _topic_in_the_clause(query)
    asked = [f"{query.topic}.where"] if own else [
        f"{t}.where" for t in sorted(query.topics_said) if t != query.topic]
    key = next((k for k in asked if k in then.answers.get(subject, {})), None)
    if key is not None:
        # ("where did Seppala hand off the serum *after his big run*": the clause's own
        # happening records the place asked, where his run ended)
        return _fact_answer(ranker, then, subject, query, analysis, key)
    if not before and own and any(
            k.endswith(".where") for k in decided.fact.answers.get(subject, {})):
        return None  # ("where did Togo live after he retired": where he retired, from then on)
    nearest = _placed_nearest(ranker, subject, then, moment, before, asked)
    if nearest is None:
        return None
    fact, key = nearest
    return _fact_answer(ranker, fact, subject, query, analysis, key)


def _earlier(when: str, moment: str) -> bool:
    """Whether ``when`` is before ``moment``, to the precision both give ("YYYY-MM(-DD)" or
    "YYYY")."""
    return when[:len(moment)] < moment[:len(when)]


def _placed_nearest(ranker: Ranker, subject: str, then: Fact, moment: str,
                    before: bool, asked: Sequence[str]) -> tuple[Fact, str] | None:
    """The subject's fact recording a place, dated nearest before ``moment`` (or at or after
    it), and the relation that records the place: one of those ``asked`` if any records it."""
    dated = [(when, fact, key) for fact in ranker.store.about(subject) if fact.id != then.id
             for key in fact.answers.get(subject, {}) if key.rpartition(".")[2] == "where"
             if (when := _date_of(fact)) is not None]
    kept = [(when, fact, key) for when, fact, key in dated
            if _earlier(when, moment) == before]
    kept = [e for e in kept if e[2] in asked] or kept
    if not kept:
        return None
    _, fact, key = (max if before else min)(kept, key=lambda e: e[0])
    return fact, key


#: Words after "once" that make it an adverb ("he came *once a* year"), not "after".
_NOT_AFTER_ONCE = frozenset("a again more or and in upon before".split()) | QUESTION_WORDS


def _clause_at(query: Query) -> int | None:
    """Where a "before ..." or "after ..." clause of the question proper begins ("once they
    brought him to cleveland" is after it)."""
    words = query.words
    return next((i for i in range(query.core_start + 2, len(words) - 1)
                 if words[i] in ("before", "after")
                 or words[i] == "once" and words[i + 1] not in _NOT_AFTER_ONCE), None)


def _topic_in_the_clause(query: Query) -> bool:
    """Whether the topic was found in the clause's words only ("where did balto live after
    *they brought him to cleveland*": the rescue only dates the living asked)."""
    at = _clause_at(query)
    return at is not None and bool(query.topic_words) and not set(
        query.topic_words) & set(query.words[:at])


def _clause_dated(ranker: Ranker, query: Query,
                  subject: str) -> tuple[Fact, str, bool] | None:
    """The fact a "before ..." or "after ..." clause of the question proper finds, its date,
    and whether it is "before" (the subject's name said for its pronouns)."""
    words = query.words
    at = _clause_at(query)
    name = ranker.understander.entity_words.get(subject, "")
    if at is None or not name:
        return None
    clause = " ".join(name if w in PRONOUNS else w for w in words[at + 1:])
    then = dated(ranker, answer, clause, asked=True)
    ranker.new_question()
    if then is None:
        return None
    return then.fact, _date_of(then.fact) or str(then.value), words[at] == "before"


_MONTH_YEAR = re.compile(rf"\b({'|'.join(m.capitalize() for m in MONTHS)}) (1[89]\d\d)\b")


def _date_of(fact: Fact) -> str | None:
    """When the fact's happening was, as "YYYY-MM(-DD)" or "YYYY": its earliest recorded
    date, else the first month and year its words give, else the first year."""
    recorded = sorted(str(v) for relations in fact.answers.values()
                      for key, value in relations.items() if key.endswith(".when")
                      for v in values.readings(value) if isinstance(v, (str, int)))
    if recorded:
        return recorded[0]
    said = _MONTH_YEAR.search(fact.answer)
    if said is not None:
        month = MONTHS.index(said.group(1).lower()) + 1
        return f"{said.group(2)}-{month:02d}"
    year = YEAR.search(fact.answer)
    return year.group() if year else None


def _by_what_is_asked(ranker: Ranker, query: Query, analysis: Analysis) -> Answer | None:
    """The answer the relation asked of the subject gives, each one's of several named, or
    the one chosen of names offered; None: the lexical ranker decides."""
    subject = _asked_subject(query)
    decided = None
    if query.subject_is_setting:
        decided = _setting_claimed(ranker, query, analysis)
        if decided is not None:
            return decided
    # (A choice offered of the subject, "is the statue balto or togo", is no coordination.)
    if subject is not None and _gating(query) and (not query.coordinated or query.choice):
        decided = _by_relation(ranker, query, analysis, subject)
    elif query.coordinated and query.form == "wh" and query.facet in VALUE_FACETS:
        decided = _each_of(ranker, query, analysis)
    elif query.coordinated and subject is not None and query.topic is not None:
        decided = _of_them_all(ranker, query, analysis, subject)
    if decided is None and subject is not None and query.choice:
        decided = _the_one_chosen(ranker, query, analysis, subject)
    return decided


def _of_them_all(ranker: Ranker, query: Query, analysis: Analysis,
                 subject: str) -> Answer | None:
    """ "Why were Seppala and Kaasen rivals": not a value of each, but one fact recording
    the relation of them all says it."""
    decided = _by_relation(ranker, query, analysis, subject)
    if decided is None or decided.fact is None or decided.kind != "fact":
        return None
    recorded = decided.fact.answers
    return decided if all(e in recorded for e in query.named) else None


def _setting_claimed(ranker: Ranker, query: Query, analysis: Analysis) -> Answer | None:
    """The place is only where something named did what is asked, no subject of its own:
    "did the dog relay start in Anchorage" is claimed of the relay's start, which its record
    (Nenana) checks; "who tracked down the serum in Anchorage" asks who found the serum."""
    located = {e for _, e in query.located}
    if query.form == "yes_no":
        # (not the thing's own topic: "did the serum go through Galena" is not where the
        # serum was found)
        asked = [(topic, "where") for topic in sorted(query.topics_said)]
    elif query.topic and query.facet == "who" and located:
        asked = [(query.topic, query.facet)]
    else:
        return None
    # (the relay, only implied, too: "did the dog sleds start out from anchorage")
    implied = [IMPLIED_SUBJECT] if query.in_domain and IMPLIED_SUBJECT not in query.named else []
    for named in [*query.named, *implied]:
        if named in located:
            continue
        for topic, facet in asked:
            if query.form == "yes_no" and topic == named:
                continue
            found = [(f, k) for fit, f, k in recorded(ranker.store, named, topic, facet)
                     if fit >= 3]
            if found:
                return _fact_answer(ranker, found[0][0], named, query, analysis, found[0][1])
    return None


def _the_one_chosen(ranker: Ranker, query: Query, analysis: Analysis,
                    subject: str) -> Answer | None:
    """ "Is the statue Balto or Togo": the subject's fact that records one of the names
    offered as its value."""
    fact = next((f for f in ranker.store.answering(subject) if links_named(query, f)), None)
    return _fact_answer(ranker, fact, subject, query, analysis, "") if fact else None


def _measured(ranker: Ranker, query: Query, analysis: Analysis, result: Answer) -> Answer:
    """A verdict no fact's words gave, from a date or a figure the store records: a year
    claimed ("in 1925"), a bound ("more than a week")."""
    if (result.kind == "yes_no" and result.polarity != "no" and not result.relation
            or result.kind in ("unknown", "no_record") and query.form == "yes_no"):
        # (also where no fact's words decided: "was the serum run in 1925")
        result = _year_verdict(ranker, query, analysis) or result
    if result.polarity is None and result.kind != "compare":
        result = _threshold_verdict(ranker, query, analysis) or result
    return result


#: "More than a week", "over 600 miles", "fewer than 100 dogs": a measure against a bound.
_THRESHOLD = re.compile(
    r"\b(more|longer|further|farther|over|above|less|fewer|shorter|under|below)"
    r"(?: than)? (?:an? )?(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"\d+(?:\.\d+)?) )?"
    r"(months?|weeks?|days?|hours?|miles?|dogs?|years?|people)\b")
#: "Did the relay take about a month": a span of time claimed in a unit the store does not
#: record it in (hours), checked as the bound is.
_SPAN = (r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+(?:\.\d+)?) "
         r"(months?|weeks?|days?)\b")
#: A span said this far (as a share) from every recorded figure is a claim they deny; one
#: nearer ("did it take about a week": 168 hours against 127 and a half) is left undecided.
_FAR_OFF = 0.35
_BELOW = frozenset("less fewer shorter under below".split())
#: How each unit is asked ("how long ...") and what it is in the unit the store records.
_UNITS: dict[str, tuple[str, str, float]] = {
    "month": ("how long", "duration", 730.0),
    "week": ("how long", "duration", 168.0), "day": ("how long", "duration", 24.0),
    "hour": ("how long", "duration", 1.0), "mile": ("how far", "miles", 1.0),
    "dog": ("how many dogs", "how_many", 1.0), "year": ("how old", "age", 1.0),
    "people": ("how many people", "how_many", 1.0),
}


class _Claimed(Record):
    """A measure a yes/no question claims: the bound's word ("more"; None for a span claimed
    outright), the figure in the store's unit, how it is asked and its facet, and where it
    was said in the question proper."""

    __slots__ = ()

    word: str | None
    figure: float
    how: str
    facet: str
    start: int
    end: int


def _measure_said(core: str) -> _Claimed | None:
    """The bound ("more than a week") or the span ("about a month") a yes/no question
    claims, in the unit the store records it in."""
    if not core.startswith(("did ", "was ", "is ", "were ", "does ")):
        return None
    said = _THRESHOLD.search(core) or re.search(_SPAN, core)
    if said is None:
        return None
    bound = said.re is _THRESHOLD
    word: str | None = said.group(1) if bound else None
    count: str | None = said.group(2 if bound else 1)
    unit: str = said.group(3 if bound else 2)
    how, facet, scale = _UNITS[unit.rstrip("s") if unit != "people" else unit]
    # ("a", "an": one; the number words are the shared pipeline's)
    spoken = NUMBER_UNITS.get(count or "", 1)
    number = float(count) if count and count[0].isdigit() else float(spoken)
    return _Claimed(word, number * scale, how, facet, said.start(), said.end())


def _threshold_verdict(ranker: Ranker, query: Query, analysis: Analysis) -> Answer | None:
    """ "Did the relay take more than a week": the measure "how long did the relay take"
    finds, against the bound; no verdict where the sources' figures fall either side. "Did
    it take about a month" claims the span itself: no, when every figure is far from it."""
    core = " ".join(query.words[query.core_start:])
    claimed = _measure_said(core)
    if claimed is None:
        return None
    asked = f"{claimed.how} {core[:claimed.start]} {core[claimed.end:]}".split()
    found = answer(ranker, Question(text=" ".join(asked)))
    ranker.new_question()
    fact = found.fact
    if (found.kind != "fact" or fact is None or found.query is None
            or found.query.facet != claimed.facet):
        return None
    recorded = [v for relations in fact.answers.values() for key, value in relations.items()
                if key.rpartition(".")[2] == claimed.facet or key == claimed.facet
                for v in values.readings(value) if isinstance(v, (int, float))]
    if not recorded:
        return None
    if claimed.word is None:  # a span: no when every figure is far from it, else the figure
        near = any(abs(v - claimed.figure) <= _FAR_OFF * v for v in recorded)
        return Answer("yes_no", fact, found.entity, analysis, query,
                      polarity=None if near else "no")
    above = {v > claimed.figure for v in recorded}
    if len(above) > 1:
        return None  # (the sources' figures fall either side of it)
    polarity = "yes" if above.pop() != (claimed.word in _BELOW) else "no"
    return Answer("yes_no", fact, found.entity, analysis, query, polarity=polarity)


#: A year said as when something happened ("was the iditarod started *in 1925*").
_IN_YEAR = re.compile(r"\b(?:back )?in (\d{4})\b")


def _year_verdict(ranker: Ranker, query: Query, analysis: Analysis) -> Answer | None:
    """ "Was the Iditarod started in 1925": the year claimed against the date "when was the
    Iditarod started" finds; a year the sources dispute gets no verdict."""
    core = " ".join(query.words[query.core_start:])
    claimed = _IN_YEAR.search(core)
    if claimed is None or query.claim or not core.startswith(
            ("was ", "is ", "were ", "did ", "does ")):
        return None
    happening = f"{core[:claimed.start()]} {core[claimed.end():]}".split()
    then = dated(ranker, answer, " ".join(happening), asked=True)
    ranker.new_question()
    if then is None or not speaks_of_all(ranker, query, then.fact, None):
        return None  # ("did balto go to cleveland in 1927": not from a date of his leg)
    year = claimed.group(1)
    if year in (then.fact.disagreement or ""):
        return None
    polarity = "yes" if values.year_of(str(then.value)) == int(year) else "no"
    return Answer("yes_no", then.fact, then.entity, analysis, query, polarity=polarity)


def _unranked(result: Answer) -> Answer:
    """ "Was Balto the leader on the longest leg": a superlative no ranking could settle for
    the one asked about is never a "yes" from a fact that merely speaks of both."""
    query = result.query
    if result.kind == "yes_no" and query is not None and query.yes_no_compare and len(
            query.entities) < 2:
        return result._replace(polarity=None)
    return result


def _denied(result: Answer) -> Answer:
    """A claim that denies ("the plane couldn't go, is that right") is right where what it
    denies did not happen: the verdict on what it denies, turned round."""
    if result.kind != "yes_no" or result.query is None or not result.query.negated_claim:
        return result
    turned = {"yes": "no", "no": "yes"}.get(result.polarity or "")
    return result._replace(polarity=turned) if turned else result


def _of_last_answer(ranker: Ranker, query: Query, analysis: Analysis,
                    context: Context | None) -> Answer | None:
    """ "What year was that" after an answer that dates what it tells, and no topic to ask it
    of: that answer again, which says when; "was the dog himself there" after the statue's
    dedication: yes, if that answer says so."""
    fact = ranker.store.get(context.fact) if context is not None and context.fact else None
    if fact is not None and query.form == "yes_no":
        return _there_then(ranker, query, analysis, fact)
    if fact is not None and context is not None and (
            _said_by_that_answer(ranker, query, fact)
            or _named_by_that_answer(ranker, query, fact, context)
            or _measured_by_that_answer(query, fact)
            or _what_happened_then(query)):
        return Answer("fact", fact, context.entity, analysis, query)
    if (fact is None or context is None or context.topic is not None
            or not query.of_last_answer or query.facet != "when"
            or not YEAR.search(fact.answer)):
        return None  # (with a topic talked of, "and when" asks it of the relation instead)
    return Answer("fact", fact, context.entity, analysis, query)


#: "How long was it", "how far was that": a length asked of what the last answer told.
_HOW_LONG_WAS_IT = frozenset({("how", "long"), ("how", "far")})


#: A bare "what happened": what came of what the last answer told ("did alaska ever try to
#: get him back" ... "what happened": the museum declined, but lent him).
_WHAT_HAPPENED = (("what", "happened"), ("what", "happened", "then"), ("so", "what", "happened"))


def _what_happened_then(query: Query) -> bool:
    """Whether the question is only "what happened", which the last answer tells."""
    return tuple(query.words) in _WHAT_HAPPENED


def _measured_by_that_answer(query: Query, fact: Fact) -> bool:
    """ "How long was it" after who ran the last leg: the length of what that answer told,
    when it records one (the leg's 53 miles), and the question says nothing else."""
    words = query.words[query.core_start:]
    return (len(words) == 4 and tuple(words[:2]) in _HOW_LONG_WAS_IT
            and words[2] in ("was", "is") and words[3] in ("it", "that", "this")
            and any(key.rpartition(".")[2] == "miles"
                    for relations in fact.answers.values() for key in relations))


def _said_by_that_answer(ranker: Ranker, query: Query, fact: Fact) -> bool:
    """ "What were their names" after an answer that lists them; "and where (was that)" after
    whom Seppala gave it to, an answer that says where it happened (the handler hears "where
    was that" as "and where"): that answer again says it."""
    words = set(query.words)
    # ("which other dogs went", "who else went" after "did he go to cleveland too": the
    # answer that lists them all)
    others = bool({"other", "others"} & words) or "else" in words and bool(QUESTION_WORDS & words)
    listed = (not query.named and (bool({"their", "them"} & words)
                                   and bool({"names", "called"} & words) or others)
              and len(_LISTED_NAME.findall(fact.answer)) >= 3)
    placed = query.of_last_answer and "where" in words and _places_named(ranker, fact)
    return listed or placed


def _named_by_that_answer(ranker: Ranker, query: Query, fact: Fact, context: Context) -> bool:
    """ "And his wife" after who played Seppala: the follow-up names nothing new but what
    that answer speaks of ("Julianne Nicholson plays his wife"), so that answer says it."""
    if (not query.elliptical or set(query.named) - {context.entity, *context.entities}
            or QUESTION_WORDS & set(query.words)):
        return False  # (asking anything of it is another question: "and who did he give it to")
    own = {t for w in query.words if w not in STOPWORDS for t in ranker.lexicon.terms(w)}
    return 0 < len(own) <= 2 and own <= set(ranker.lexicon.terms(fact.answer))


#: A capitalised word after a comma or "and": one name of a list ("Balto, Tillie, Fox").
_LISTED_NAME = re.compile(r"(?:, |and )[A-Z][a-z]+")


def _places_named(ranker: Ranker, fact: Fact) -> bool:
    """Whether the fact says where, naming a place it is about."""
    store = ranker.store
    text = fact.answer.lower()
    return any(store.entities[e].type == "place" and store.entities[e].named_in(text)
               for e in fact.about if e in store.entities)


#: Words for whom "there" is asked of, when no name is said ("was *the dog himself* there").
_ONE_OF_KIND = {"dog": "dog", "himself": None, "he": None, "she": None, "herself": None,
                "man": "person", "musher": "person"}


def _there_then(ranker: Ranker, query: Query, analysis: Analysis, fact: Fact) -> Answer | None:
    """ "Was Balto there", "was the dog himself there": "there" is where the last answer
    was; yes when that answer names whom the question asks of (no verdict otherwise)."""
    words = query.words[query.core_start:]
    if "there" not in words[2:] or query.topic is not None:
        return None
    store = ranker.store
    asked = [e for e in query.named if e not in ranker.lexicon.background]
    if not asked:
        kinds = {_ONE_OF_KIND[w] for w in words if w in _ONE_OF_KIND}
        asked = [e for e in fact.about if e in store.entities and kinds and (
            store.entities[e].type in kinds or None in kinds
            and store.entities[e].type in ("person", "dog"))][:1]
    if len(asked) != 1 or asked[0] not in store.entities:
        return None
    entity = store.entities[asked[0]]
    text = fact.answer.lower()
    if not entity.named_in(text):
        return None
    return Answer("yes_no", fact, asked[0], analysis, query, polarity="yes")


def _slot_identity(store: FactStore, question: Question) -> Answer | None:
    """ "Who is X" from a slot alone: the entity's identity fact, with nothing to understand."""
    if question.entity and not question.text and question.aspect == "identity":
        identity = store.identity_of(question.entity)
        if identity is not None:
            analysis = Analysis((question.entity,), frozenset({"identity"}), ())
            return Answer("fact", identity, question.entity, analysis)
    return None


def _question_text(store: FactStore, question: Question) -> str:
    """The words to understand: the question's own, or for a slot alone the canonical
    question its aspect stands for."""
    text = question.text or ""
    if question.entity and not text:
        entity = store.entities[question.entity]
        name = entity.synonyms[0] if entity.synonyms else entity.spoken_name
        text = _SHAPES.get(question.aspect or "", "{name}").format(name=name)
    return text


def _analyse(ranker: Ranker, question: Question, query: Query) -> Analysis:
    """The ranker's analysis of the question, completed with what understanding saw."""
    context_entity = query.entities[0] if query.from_context and query.entities else None
    analysis = ranker.analyse(query.ranker_text, context_entity)
    first = query.entities[0] if query.entities else None
    if first is not None and first not in analysis.entities and (
            query.from_context or first == question.entity or first in query.by_sound):
        # A name the ranker's own matching cannot see: from the conversation, a slot, or
        # heard by sound.
        analysis = analysis._replace(entities=(first, *analysis.entities))
    analysis = _named_by_topic(ranker, query, analysis)
    if question.aspect and question.aspect not in analysis.aspects:
        analysis = analysis._replace(aspects=analysis.aspects | {question.aspect})
    if analysis.out_of_scope:
        analysis = analysis._replace(out_of_scope=_core_out_of_scope(ranker, query))
    if query.form == "yes_no" and any(t.isdigit() for t in analysis.unknown):
        # A number a yes/no question claims ("did the dogs run a thousand miles") is a value
        # to check against the recorded one, not a word no fact uses.
        analysis = analysis._replace(
            unknown=tuple(t for t in analysis.unknown if not t.isdigit()))
    return analysis


def _named_by_topic(ranker: Ranker, query: Query, analysis: Analysis) -> Analysis:
    """ "What was the sickness": a topic named for a thing of the story (the outbreak's
    "sickness"), in a question naming nothing, asks of that thing."""
    if analysis.entities or not query.in_domain:
        return analysis
    named_for = [t for t in (query.topic, *query.more_topics) if t in ranker.store.entities]
    return analysis._replace(entities=tuple(named_for[:1])) if named_for else analysis


def _core_out_of_scope(ranker: Ranker, query: Query) -> bool:
    """Whether the question proper asks of the present: in "we're at the statue right now, who
    made it" the present is only the preamble, and so it is in a clause of the speaker's own
    that another clause follows ("i'm writing a pub quiz *tonight* and i need the date balto
    died")."""
    scope = ranker.lexicon.out_of_scope
    if scope is None:
        return False
    words = query.words[query.core_start:]
    core = " ".join(words)
    for match in scope.finditer(core):
        start = core[:match.start()].count(" ")
        end = start + match.group().count(" ") + 1
        if not speakers_own_clause(words, start, end):
            return True
    return False


def _asked_subject(query: Query) -> str | None:
    """Whom the question asks about: the first entity, or with none named, the relay itself
    ("how cold was it")."""
    if query.entities:
        return query.entities[0]
    if query.topic is not None and not query.weak_topic and query.in_domain:
        return IMPLIED_SUBJECT
    return None


def _by_relation(ranker: Ranker, query: Query, analysis: Analysis,
                 subject: str) -> Answer | None:
    """Answer from the facts recording the asked relation for the subject, or say there are
    none. None: the relation does not decide (a weak topic with no facts: rank instead)."""
    topic = None if query.weak_topic else query.topic
    found: list[tuple[int, Fact, str]] = []
    if topic is None:
        subject, found = _the_one_in_the_setting(ranker, query, subject)
    if topic is None and not found:
        subject, found = _counted_by_the_relay(ranker, query, subject)
    if topic is None and query.facet not in VALUE_FACETS and not found:
        return None
    found = found or recorded(ranker.store, subject, topic, query.facet)
    if topic is not None:
        found = _with_more_topics(ranker, query, subject, found)
    elif analysis.unknown and query.facet != "why":
        # "how many times did Balto bark": the count of something no fact speaks of (but a
        # reason recorded is one, however it is asked: "why did kaasen go *straight* past")
        found = []
    if topic is None and query.facet == "age" and not any(k == "age" for _, _, k in found):
        derived = _age_in_1925(ranker, subject, query, analysis)
        if derived is not None:
            return derived
    subject, found = _where_else(ranker, query, subject, topic, _whether(query, found))
    if not found:
        return _unrecorded(ranker, query, analysis, subject, topic)
    return _best_recorded(ranker, query, analysis, subject, found)


def _the_one_in_the_setting(ranker: Ranker, query: Query,
                            subject: str) -> tuple[str, list[tuple[int, Fact, str]]]:
    """Whom a weak topic is asked of, with the facts recording it: of a place named only as
    where something happened, the dog or person named with it that records the topic ("how
    many dogs came to the Cleveland zoo with Balto": Balto's team), else the subject."""
    store = ranker.store
    if query.subject_is_setting:
        for other in query.named:
            entity = store.entities.get(other)
            if other != subject and entity is not None and entity.type in ("dog", "person"):
                found = _weak_topic_recorded(ranker, query, other)
                if found:
                    return other, found
    return subject, _weak_topic_recorded(ranker, query, subject)


def _recorded_there(ranker: Ranker, query: Query, place: str,
                    topic: str) -> tuple[str, list[tuple[int, Fact, str]]] | None:
    """ "How many dogs came to Cleveland": a place only where it happened, the one of whom
    a fact about the place records exactly the value asked (Balto, whose team of seven
    came), if there is only one."""
    store = ranker.store
    found: dict[str, list[tuple[int, Fact, str]]] = {}
    for fact in store.about(place):
        for being in fact.answers:
            entity = store.entities.get(being)
            if being == place or entity is None or entity.type not in ("dog", "person"):
                continue
            kept = [e for e in recorded(store, being, topic, query.facet)
                    if e[0] >= 3 and e[1].id == fact.id]
            if kept:
                found.setdefault(being, []).extend(kept)
    return next(iter(found.items())) if len(found) == 1 else None


def _where_else(ranker: Ranker, query: Query, subject: str, topic: str | None,
                found: list[tuple[int, Fact, str]]
                ) -> tuple[str, list[tuple[int, Fact, str]]]:
    """The facts found, or where else the relation is recorded: of the one thing a place
    holds, when the place records the topic only in passing; else wherever it may be."""
    if topic is not None and not any(e[0] >= 2 for e in found):
        subject, found = _held_there(ranker, query, subject, topic) or (subject, found)
    if not found:
        subject, found = _elsewhere(ranker, query, subject, topic)
    return subject, found


def _held_there(ranker: Ranker, query: Query, place: str,
                topic: str) -> tuple[str, list[tuple[int, Fact, str]]] | None:
    """ "Who made it" after the statue in Central Park: of a place that records the topic
    only in passing, the one thing whose topic is recorded there (the statue), with the facts
    recording exactly what is asked of it; None unless there is just one."""
    store = ranker.store
    if store.entities[place].type != "place" or query.facet is None:
        return None
    held = {entity for fact in store.facts.values()
            for entity, relations in fact.answers.items() if entity != place
            and place in values.readings(relations.get(f"{topic}.where"))}
    found = {e: exact for e in sorted(held)
             if (exact := [r for r in recorded(store, e, topic, query.facet) if r[0] >= 3])}
    if len(found) > 1:
        # (the thing itself, not a being it is of: the statue's date, not Balto's statue's)
        found = {e: exact for e, exact in found.items()
                 if store.entities[e].type not in ("person", "dog")}
    return next(iter(found.items())) if len(found) == 1 else None


def _whether(query: Query, found: list[tuple[int, Fact, str]]) -> list[tuple[int, Fact, str]]:
    """Asked yes or no, why or how something was says nothing of whether it was ("was balto
    the only lead dog": not the mushers' complaint about him as one)."""
    if query.form != "yes_no":
        return found
    return [e for e in found if e[2].rpartition(".")[2] not in _MANNER] or found


def _counted_by_the_relay(ranker: Ranker, query: Query,
                          subject: str) -> tuple[str, list[tuple[int, Fact, str]]]:
    """ "How many dogs carried the medicine": a count the story's background records under
    no such topic is the relay's own (its dogs), not the medicine's count of units."""
    if (query.facet == "how_many" and subject in ranker.lexicon.background
            and subject != IMPLIED_SUBJECT):
        relays = _weak_topic_recorded(ranker, query, IMPLIED_SUBJECT, own=True)
        if relays:
            return IMPLIED_SUBJECT, relays
    return subject, []


def _weak_topic_recorded(ranker: Ranker, query: Query, subject: str,
                         own: bool = False) -> list[tuple[int, Fact, str]]:
    """A weak topic (arriving, a run) recorded exactly for a dog or a person: "where did
    Kaasen pull in" is his arrival, not any place of his; so is a common verb asked with a
    value ("where did he live"), though not on its own ("did balto like kids"). With ``own``,
    for the story's background too (the relay's own count of dogs)."""
    # (and a topic said in passing whose reason is asked: "why did balto end up the *famous*
    # one", where a fact records why of him)
    # (of the background too when who is asked of "it": "who brought it in", the serum, is
    # whom the serum's arrival records, not whoever else a fact on the serum names)
    if query.topic is None or (subject in ranker.lexicon.background and not own and not (
            query.facet == "who" and query.from_context)) or not (
            ranker.relations.topics[query.topic].weak or query.facet in VALUE_FACETS
            or query.facet == "why"):
        return []
    others = set(query.named) - {subject}
    # (or, asked yes or no, one recording what else is named as its value: "does the
    # iditarod finish in nome")
    # (a reason recorded exactly is the answer, whatever else the words point to)
    reason = 3 if query.facet == "why" and not ranker.relations.topics[query.topic].weak else 2
    return [(reason, fact, key) for fit, fact, key in recorded(
        ranker.store, subject, query.topic, query.facet) if fit >= 3 or (
            query.form == "yes_no" and fit >= 2 and others & {
                v for v in values.readings(fact.answers[subject][key]) if isinstance(v, str)})]


def _with_more_topics(ranker: Ranker, query: Query, subject: str,
                      found: list[tuple[int, Fact, str]]) -> list[tuple[int, Fact, str]]:
    """The question's other topics count too ("were the mushers native alaskans": a fact on
    the mushers' people beats one on the mushers alone)."""
    store = ranker.store
    extra: dict[str, int] = {}
    for other in query.more_topics:
        if ranker.relations.topics[other].weak:
            continue
        more = recorded(store, subject, other, None)
        for _, fact, _ in more:
            extra[fact.id] = extra.get(fact.id, 0) + 1
    return [(fit + extra.get(f.id, 0), f, k) for fit, f, k in found]


def _elsewhere(ranker: Ranker, query: Query, subject: str,
               topic: str | None) -> tuple[str, list[tuple[int, Fact, str]]]:
    """Where else the relation may be recorded, when the subject records none."""
    store = ranker.store
    if query.subject_is_setting or query.facet == "why":
        # "how much antitoxin did they send from anchorage": the antitoxin, not the town;
        # "why did the people of cleveland buy balto": the reason recorded of him.
        for other in query.named:
            if other != subject:
                found = recorded(store, other, topic, query.facet)
                if found:
                    return other, found
    kind = store.entities[subject].type if subject in store.entities else None
    if query.facet == "who" and kind not in ("person", "dog") and subject != IMPLIED_SUBJECT:
        # "who decided to use dogs instead of planes": a person asked about the story.
        implied = recorded(store, IMPLIED_SUBJECT, topic, query.facet)
        if implied:
            return IMPLIED_SUBJECT, implied
    if topic is not None:
        # The subject named as the value ("which dog is in wasilla": remains.where = wasilla;
        # "did Roth make the statue": statue.who = roth).
        found = _by_value(store.facts.values(), subject, query)
        if found:
            return subject, found
    implied = _the_relays_own(ranker, query, subject, kind, topic)
    if implied:
        return IMPLIED_SUBJECT, implied
    if query.subject_is_setting and query.facet in VALUE_FACETS and topic is not None:
        there = _recorded_there(ranker, query, subject, topic)
        if there is not None:
            return there
    return subject, _in_their_story(ranker, query, subject, topic)


def _in_their_story(ranker: Ranker, query: Query, subject: str,
                    topic: str | None) -> list[tuple[int, Fact, str]]:
    """A value asked of someone that a fact of theirs records for the thing they dealt with:
    "how much did Beeson find" is the serum's count, in the fact of his finding it."""
    if (topic is not None or query.facet not in VALUE_FACETS or query.facet in _PERSONAL
            or query.facet == "where" or subject not in ranker.store.entities):
        return []  # (an age or weight is only one's own; a place, too often a neighbour's)
    return [(1, fact, key) for fact in ranker.store.about(subject)
            if fact.about[:1] == (subject,) or subject in fact.about[:2]
            for other, relations in fact.answers.items() if other != subject
            for key in relations if key.rpartition(".")[2] == query.facet][:3]


def _the_relays_own(ranker: Ranker, query: Query, subject: str, kind: str | None,
                    topic: str | None) -> list[tuple[int, Fact, str]]:
    """The relay's own record of what was asked, when the subject is only its background, a
    setting, or a thing the talk had in mind: "how cold was it" with the serum, or the
    airplane, in mind is the relay's weather; not "how long did it take him" with a later
    race's winner in mind, nor "how cold was it in Anchorage" with a fact about another place."""
    if subject == IMPLIED_SUBJECT or not (
            subject in ranker.lexicon.background or query.subject_is_setting
            or query.from_context and kind not in ("person", "dog")):
        return []
    store = ranker.store
    implied = recorded(store, IMPLIED_SUBJECT, topic, query.facet)
    if query.subject_is_setting and subject in store.entities:
        # (the relay's cold "at Nenana" too, said in a fact about the whole relay's weather)
        place = store.entities[subject]
        implied = [entry for entry in implied if subject in entry[1].about
                   or place.named_in(entry[1].answer.lower())]
    return implied


def _as_part_of(ranker: Ranker, query: Query, analysis: Analysis, subject: str,
                spec: Topic | None) -> Answer | None:
    """A topic falling back to one it is part of, recorded exactly where it is not: "what
    about Balto" after where Togo's skeleton is, Balto's remains (his body, mounted whole)."""
    whole = spec.fallback if spec is not None else None
    if whole not in ranker.relations.topics:
        return None
    found = [e for e in recorded(ranker.store, subject, whole, query.facet) if e[0] >= 3]
    if not found:
        return None
    return _best_recorded(ranker, query._replace(topic=whole), analysis, subject, found)


def _unrecorded(ranker: Ranker, query: Query, analysis: Analysis, subject: str,
                topic: str | None) -> Answer | None:
    """No fact records what was asked: the identity if the topic falls back to it, a fact the
    words plainly support, an honest "no record", or None to leave it to ranking."""
    store = ranker.store
    spec = ranker.relations.topics.get(topic or "")
    identity = store.identity_of(subject)
    if identity is not None and (
            spec is not None and spec.fallback == "identity"
            or topic is None and query.facet == "where"
            and store.entities[subject].type == "place"):
        # "what was Welch's first name", "was Togo real": who or what the entity was says it;
        # so does where a place is ("where was the brookside zoo": in Cleveland).
        return _fact_answer(ranker, identity, subject, query, analysis, "")
    part_of = _as_part_of(ranker, query, analysis, subject, spec)
    if part_of is not None:
        return part_of
    origin = _origin_instead(ranker, query, analysis, subject, topic)
    if origin is not None:
        return origin
    # "No record" needs a topic the question clearly asks (not a common verb, not just a value
    # asked of the story's background), about what the question is about.
    background = subject in ranker.lexicon.background
    implied = subject == IMPLIED_SUBJECT and subject not in query.entities
    if query.subject_is_setting or implied or (
            background and (topic is None or query.weak_topic)):
        return None
    if topic is None and not query.facet_from_question:
        return None
    supported = _supported(ranker, analysis, subject, query)
    if supported is not None:
        return _fact_answer(ranker, supported, subject, query, analysis, "")
    return _left_off_the_list(ranker, query, analysis, subject, topic) or _no_record(
        ranker, query, analysis, subject)


def _origin_instead(ranker: Ranker, query: Query, analysis: Analysis, subject: str,
                    topic: str | None) -> Answer | None:
    """Where someone is *from*, with no birthplace on record: the place a fact says they
    were of ("where was George Kimble from": Cleveland, Ohio), though it never says where
    they were born."""
    if topic not in ORIGIN_OF or "from" not in query.topic_words:
        return None
    origin = recorded(ranker.store, subject, ORIGIN_OF[topic], "where")
    if not origin:
        return None
    return _fact_answer(ranker, origin[0][1], subject, query, analysis, origin[0][2])


def _left_off_the_list(ranker: Ranker, query: Query, analysis: Analysis, subject: str,
                       topic: str | None) -> Answer | None:
    """ "Did Togo go to Cleveland with Balto": no, when a fact recording the topic of another
    one named lists who took part by name (three or more) and leaves the subject out."""
    store = ranker.store
    entity = store.entities.get(subject)
    if query.form != "yes_no" or topic is None or entity is None:
        return None
    for other in query.named:
        if other == subject or other in ranker.lexicon.background:
            continue
        for _, fact, _ in recorded(store, other, topic, None):
            if (len(_LISTED_NAME.findall(fact.answer)) >= 3
                    and not entity.named_in(fact.spoken.lower())):
                return Answer("yes_no", fact, subject, analysis, query, polarity="no")
    return None


def _best_recorded(ranker: Ranker, query: Query, analysis: Analysis, subject: str,
                   found: list[tuple[int, Fact, str]]) -> Answer | None:
    """Between facts recording the relation, the better fit and then the question's words
    decide; a fact the words point to strongly competes too ("where did Kaasen's sled flip
    over": the crash at Bonanza Flat, though it records no place)."""
    found = _answering_the_facet(ranker, query, found)
    # A reason recorded exactly is the answer: "why did cleveland buy balto" is why, not the
    # price that the question's words (and the topic's other facets) point to.
    reason = query.facet == "why" and any(e[0] >= 3 for e in found)
    found = [e for e in found if e[0] >= 3] if reason else found
    if not found:
        return _unrecorded(ranker, query, analysis, subject, query.topic)
    found, passed_over = _kept_for_the_facet(ranker, query, subject, found)
    keys = {f.id: (fit, key) for fit, f, key in found}
    pool = {f.id: f for _, f, _ in found}
    if not reason:
        for fact in _pointed_to(ranker, query, analysis, subject, passed_over):
            pool.setdefault(fact.id, fact)
    exact = frozenset(fid for fid, (fit, _) in keys.items() if fit >= 3)
    ranked = ranker.score_facts(analysis, pool.values(), exact)
    best = max(ranked, key=lambda s: s.score + RELATION_FIT_WEIGHT * keys.get(s.fact.id, (0,))[0])
    if _dated_otherwise(query, best.fact, subject, keys):
        return _of_another_time(ranker, query, analysis, subject, best.fact)
    return _fact_answer(ranker, best.fact, subject, query, analysis,
                        keys.get(best.fact.id, (0, ""))[1])


def _kept_for_the_facet(ranker: Ranker, query: Query, subject: str,
                        found: list[tuple[int, Fact, str]]
                        ) -> tuple[list[tuple[int, Fact, str]], set[str]]:
    """The facts that can say the facet asked, and those passed over for it: "who handed
    the serum to Tommy Patsy" (Evans, not whom Patsy handed it to); "how did he get out of
    that sideshow" (how, not the sideshow); "and how far" (a measure of it)."""
    if query.facet in ("who", "from", "to", "how"):
        anyone = subject == IMPLIED_SUBJECT and subject not in query.named
        kept = _recording_who(_who_of_anyone(found) if anyone else found, subject, anyone)
        return kept, {f.id for _, f, _ in found} - {f.id for _, f, _ in kept}
    if query.facet in _MEASURED and query.elliptical:
        return _measuring(ranker, found, subject, query.facet), set()
    return found, set()


def _pointed_to(ranker: Ranker, query: Query, analysis: Analysis, subject: str,
                passed_over: set[str]) -> list[Fact]:
    """The subject's facts the question's words point to strongly, stating any value asked
    ("how many nurses"). Only those sharing a word with the question can, so only they are
    scored (not the whole ranking)."""
    floor = ranker.weights.min_score
    # (after a preamble, by the question proper's words too: "... there's this bronze dog on
    # a rock near the zoo, who sculpted it" points to the statue's place by the preamble's)
    proper = {t for w in query.words[query.core_start:] if w not in STOPWORDS
              for t in ranker.lexicon.terms(w)} if SPEAKERS & set(
                  query.words[:query.core_start]) else None
    return [scored.fact for scored in ranker.score_facts(
                analysis, ranker.sharing_words(analysis, subject))
            if scored.score >= floor and scored.words >= STRONG_WORD_SUPPORT
            and states(scored.fact, query.facet) and scored.fact.id not in passed_over
            and (proper is None or proper & ranker.fact_terms(scored.fact.id))]


def _of_another_time(ranker: Ranker, query: Query, analysis: Analysis, subject: str,
                     fact: Fact) -> Answer:
    """No record of what was asked at the time a clause gave, the fact of that time offered."""
    return withheld(_fact_answer(ranker, fact, subject, query, analysis, ""),
                     _asked_then(ranker, query, subject))


def _dated_by_another_time(ranker: Ranker, query: Query, result: Answer) -> str | None:
    """ "What did the people of Nome do to celebrate when the serum came": the clause dates
    what is asked (1925); a fact recording when what it tells happened, in another year (the
    centennial, 2025), does not answer. The clause is dated as "when ..." would date it, and
    only a clause about a thing ("when the serum came") is dated so."""
    fact = result.fact
    if result.kind != "fact" or fact is None or query.form != "wh" or query.facet == "when":
        return None
    recorded = {values.year_of(value) for relations in fact.answers.values()
                for key, value in relations.items() if key.rpartition(".")[2] == "when"}
    recorded.discard(None)
    words = query.words
    at = next((i for i in range(query.core_start + 1, len(words) - 2)
               if words[i] == "when" and words[i + 1] in _CLAUSE_SUBJECTS), None)
    if not recorded or at is None:
        return None
    found = answer(ranker, Question(text=" ".join(words[at:])))
    ranker.new_question()
    then = _year_recorded(found)
    if then is None or any(year is not None and abs(year - then) <= _ANOTHER_TIME
                           for year in recorded):
        return None
    return f"that in {then}"


#: How a clause dating a question begins after "when": "when *the* serum came" (not "when
#: he died", whose "he" only the question's subject says, nor "when was", a question).
_CLAUSE_SUBJECTS = frozenset({"the"})
#: Years apart that make another time altogether: a clause's own date is only as good as the
#: fact its words find ("when balto got to nome" finds his arrival in Cleveland, 1927), so
#: only a fact decades away (the centennial, 2025) is of another time.
_ANOTHER_TIME = 10


def _year_recorded(found: Answer) -> int | None:
    """The year the answer to a "when" question records, if it is a fact that records one."""
    if found.kind != "fact" or found.fact is None:
        return None
    years = [values.year_of(value) for relations in found.fact.answers.values()
             for key, value in relations.items() if key.rpartition(".")[2] == "when"]
    return next((year for year in years if year is not None), None)


def _dated_otherwise(query: Query, fact: Fact, subject: str, recording: Mapping[str, Any]) -> bool:
    """Whether a clause dating what is asked can point away from every fact recording it:
    "what job did Kaasen have after he moved to Everett" (the clause's words find the fact of
    that time, which records no job; the jobs recorded are of another time). Not a why or
    how, nor something of the subject's own ("what happened to Balto's *body* after he
    died")."""
    if not recording or fact.id in recording:
        return False  # (the best fact records what was asked)
    recorded = {k.partition(".")[0] for k in fact.answers.get(subject, {})}
    return (query.dated_by_clause and not query.weak_topic and query.facet not in _MANNER
            and not query.possessed and not recorded & query.before_clause)


def _asked_then(ranker: Ranker, query: Query, subject: str) -> str:
    """What was asked, at the time a clause gave: "what Gunnar Kaasen did for a living then"
    (or "that", where the topic has no words for the facet asked)."""
    spec = ranker.relations.topics[query.topic or ""]
    entity = ranker.store.entities.get(subject)
    if entity is None or not (query.facet in spec.labels or query.facet in (None, "what")):
        return "that"
    return f"{spec.describe(query.facet, entity.spoken_name)} then"


#: Words that ask for an illness, a cause ("what was Togo *sick* with").
_ILLNESS = frozenset("illness ill sick sickness disease cause".split())
#: Words that give a cause (compiled on first use, by the few questions that ask one).
_CAUSE = (r"\b(because|causes?|caused|due to|reasons?|of old age|illness|disease|sick"
          r"|heart|cancer|injur\w*|so that)\b")


def _answering_the_facet(ranker: Ranker, query: Query,
                         found: list[tuple[int, Fact, str]]) -> list[tuple[int, Fact, str]]:
    """Of the facts recording the topic under another facet, those that can still say what
    was asked."""
    if query.facet == "where" and _asks_whence(query):
        # "Where did the medicine come from": whence, never where it arrived.
        found = [(fit, f, k) for fit, f, k in found if not k.startswith("arrival.")]
    if query.facet in VALUE_FACETS:
        # Another facet of the topic answers a value only if the fact states one ("how old
        # was Kimble when he rescued Balto": the rescue, but no age).
        return [(fit, f, k) for fit, f, k in found
                if fit > 1 or (states(f, query.facet) and _dated_with_topic(ranker, query, f))]
    found = _giving_a_cause(query, found)
    if query.facet in _MANNER and query.topic is not None and not query.weak_topic and (
            query.facet in ranker.relations.topics[query.topic].labels):
        # "What did Kaasen die of": when and where he died say nothing of how or why, where
        # the topic has a how or why of its own.
        return [(fit, f, k) for fit, f, k in found
                if fit > 1 or k.rpartition(".")[2] not in VALUE_FACETS]
    return found


def _giving_a_cause(query: Query,
                    found: list[tuple[int, Fact, str]]) -> list[tuple[int, Fact, str]]:
    """Asked why, or what illness: how, when or where it was done, with no cause said, is
    no reason ("why did they have to put Togo down", "what was he sick with")."""
    illness = bool(_ILLNESS & set(query.words))
    if query.facet != "why" and not illness:
        return found
    told = (".how", ".where", ".when") if illness else (".how",)
    return [(fit, f, k) for fit, f, k in found
            if not k.endswith(told) or re.search(_CAUSE, f.spoken.lower())]


def _dated_with_topic(ranker: Ranker, query: Query, fact: Fact) -> bool:
    """A fact that records no date of what was asked answers "when ... in <a place>" only
    with a year said of that place: "when was the Togo statue in Seward Park put up" is not
    answered by the year a statue in Maine was dedicated."""
    if query.facet != "when":
        return True
    # (not a state, "move to Alaska", which its towns' years answer)
    places = place_words(ranker.store) - _region_words(ranker.store)
    places &= set(query.words[query.core_start:])
    if not places:
        return True
    return any(YEAR.search(sentence) and places & set(plain_words(sentence))
               for sentence in SENTENCE.split(fact.spoken))


def _asks_whence(query: Query) -> bool:
    """ "Where did it come *from*", "where was he from": the place left, not reached."""
    words = query.words[query.core_start:]
    return "where" in words and "from" in words[words.index("where"):]


#: Facets a recorded value measures: a fact giving it states the measure itself.
_MEASURED = frozenset({"miles", "age", "how_many", "duration", "weight", "speed"})


def _measuring(ranker: Ranker, found: list[tuple[int, Fact, str]], subject: str,
               facet: str) -> list[tuple[int, Fact, str]]:
    """ "And Togo?" after how far Balto went: the facts recording his distance as a value,
    before one that only speaks of it (a single day's run), which only the question's own
    words can point to; with none, the measure the subject records of itself ("and the whole
    relay" after a leg's miles: the relay's own)."""
    valued = [(fit, f, k) for fit, f, k in found
              if fit >= 3 and f.answers.get(subject, {}).get(k) is not True]
    if not valued:
        valued = [(fit, f, k) for fit, f, k in recorded(ranker.store, subject, None, facet)
                  if f.answers.get(subject, {}).get(k) is not True]
    return valued or found


def _who_of_anyone(found: list[tuple[int, Fact, str]]) -> list[tuple[int, Fact, str]]:
    """Asked "who" with nothing named ("who came up with the idea of two teams meeting
    halfway"), a fact recording who, of whatever it records it, fits as well as one
    recording it of the relay implied."""
    keys = {k for fit, _, k in found if fit >= 3}
    out = []
    for fit, fact, key in found:
        recorded = [k for k in keys for relations in fact.answers.values()
                    if isinstance(relations.get(k), str)]
        out.append((3, fact, recorded[0]) if fit < 3 and recorded else (fit, fact, key))
    return out


def _recording_who(found: list[tuple[int, Fact, str]], subject: str,
                   anyone: bool = False) -> list[tuple[int, Fact, str]]:
    """ "Who got Balto out of that Los Angeles freak show": the facts recording who did, not
    one that tells the show in more of the question's words; and those naming who ("who won
    the first Iditarod": Wilmarth) before one that only speaks of it (with ``anyone``, naming
    who of anything they record it of)."""
    if not any(fit >= 3 for fit, _, _ in found):
        return found
    found = [(fit, f, k) for fit, f, k in found if fit >= 3]
    naming = [(fit, f, k) for fit, f, k in found
              if any(isinstance(relations.get(k), str) for relations in (
                  f.answers.values() if anyone else [f.answers.get(subject, {})]))]
    return naming or found


def _fact_answer(ranker: Ranker, fact: Fact, subject: str, query: Query, analysis: Analysis,
                 key: str) -> Answer:
    """The answer a fact gives; follow-ups are then about the entity it names as the value
    ("who drove Balto": Kaasen, so "where was he from" asks about Kaasen)."""
    background = ranker.lexicon.background
    entity = subject if subject in fact.about or subject in fact.answers else fact.about[0]
    if entity in background and fact.about and fact.about[0] not in background:
        entity = fact.about[0]  # follow-ups are about the airplane, not "the serum" again
    value = fact.answers.get(subject, {}).get(key) if key else None
    named_value = None
    if key.rpartition(".")[2] in ("who", "from", "to"):
        # Only a person or dog the answer names becomes "he" next; after "where is Balto now"
        # (the museum), "he" is still Balto.
        named_value = next((v for v in values.readings(value) if isinstance(v, str)
                            and ranker.store.entities.get(v) is not None
                            and ranker.store.entities[v].type in ("person", "dog")), None)
    if query.form == "yes_no":
        polarity = yes_no(ranker, fact, key, query, subject, analysis)
        return Answer("yes_no", fact, entity, analysis, query, polarity=polarity, relation=key)
    if named_value is not None and not _value_is_new_focus(query):
        # (still talked of: "how old was it" after "what was his lead dog" is the dog)
        return Answer("fact", fact, entity, analysis, query, about=(named_value,),
                      relation=key)
    if named_value is None and _asks_which_dog(query):
        # "which dog ran co-lead with Balto": Fox, whom the fact is also about
        named_value = who_named(ranker, query, fact, among_all=True)
    thing = _the_thing_itself(ranker, fact, entity)
    about = (entity,) if named_value else ()
    return Answer("fact", fact, named_value or entity, analysis, query,
                  about=about + thing, relation=key)


@lru_cache(maxsize=4)
def _region_words(store: FactStore) -> frozenset[str]:
    """The words of the states places are in ("Alaska", "Ohio")."""
    return frozenset(w for e in store.entities.values() if e.region
                     for w in plain_words(e.region))


def _asks_which_dog(query: Query) -> bool:
    """ "Which dog ran co-lead with Balto", "what dog played Togo": the answer is a dog."""
    words = query.words[query.core_start:]
    return (len(words) > 1 and words[0] in ("which", "what") and words[1] == "dog"
            and _value_is_new_focus(query))


def _the_thing_itself(ranker: Ranker, fact: Fact, entity: str) -> tuple[str, ...]:
    """The film, place or event a fact is first about, when the answer is about someone in
    it: "it" next may be the film ("who directed it", "when did it come out")."""
    lead = ranker.store.entities.get(fact.about[0]) if fact.about else None
    if lead is None or lead.id == entity or lead.type in ("person", "dog"):
        return ()
    return (lead.id,)


def _value_is_new_focus(query: Query) -> bool:
    """Whether the one the answer names is whom the talk turns to next. "Who drove Balto",
    "and who gave it to him": asked who, the listener follows the answer. "What was his lead
    dog", "whose dog was he": asked of someone already talked of, the talk stays with them.
    "And before him" asks the last question again, and follows its answer too."""
    words = query.words
    return (not query.from_context or any(w in ("who", "whom") for w in words[:3])
            # ("where did that happen" asks a place, and the talk stays where it was)
            or query.elliptical and not {"where", "when", "how"} & set(words))


def _supported(ranker: Ranker, analysis: Analysis, subject: str, query: Query) -> Fact | None:
    """A fact about the subject that the question's own words clearly point to, though it
    records no relation matching what was asked ("when did Balto move to Cleveland"). It must
    use the words that named the topic ("paid", "miles per hour"): a fact about the right
    entity that shares only other words is a neighbour, not an answer. For what is someone's
    own (an age, children), the fact must be the subject's too, first about it or recording
    something of it: the outbreak's first case, which Welch only diagnosed, does not say how
    old Welch was."""
    needed = set(ranker.lexicon.terms(" ".join(query.topic_words)))
    kind = ranker.store.entities[subject].type if subject in ranker.store.entities else None
    # (an event has children only as a figure of speech: "the father of the Iditarod")
    own = kind in ("person", "dog") and (query.facet in _PERSONAL or query.topic in _PERSONAL)
    for scored in ranker.rank_analysis(analysis, limit=3):
        fact = scored.fact
        theirs = subject in fact.answers or fact.about[:1] == (subject,)
        if (subject not in fact.about or (own and not theirs)
                or scored.words < MIN_WORD_SUPPORT or not states(fact, query.facet)
                or not _dated_with_topic(ranker, query, fact)
                or _records_topic(ranker, fact, subject, query)
                or _in_another_sense(ranker, query, fact, subject)
                or not speaks_of_all(ranker, query, fact, subject)):
            continue
        if needed <= ranker.fact_terms(fact.id):
            return fact
    return None


def _in_another_sense(ranker: Ranker, query: Query, fact: Fact, subject: str) -> bool:
    """Whether the fact records, of the subject, another topic the same words name: "what
    did Togo like to *play* with" is not said by whom a husky *played* him in a film."""
    said = [w for w in query.topic_words if w not in STOPWORDS]
    others = {h.name for h in ranker.relations.topics_in([stem(w) for w in said], said)}
    others -= {query.topic, *query.more_topics}  # (a topic named besides is meant: "telegram")
    return any(key.partition(".")[0] in others for key in fact.answers.get(subject, {}))


def _records_topic(ranker: Ranker, fact: Fact, subject: str, query: Query) -> bool:
    """Whether the fact records, as values only, the topic whose how or why was asked: "what
    did Kaasen die of" is not said by when and where he died."""
    topic = query.topic
    return (topic is not None and query.facet in _MANNER
            and query.facet in ranker.relations.topics[topic].labels and any(
                key.partition(".")[0] == topic for key in fact.answers.get(subject, {})))


#: Facets and topics that are someone's own: only a fact of theirs can say them.
_PERSONAL = frozenset({"age", "weight", "offspring", "spouse", "siblings", "family", "birth",
                       "death"})

def _age_in_1925(ranker: Ranker, subject: str, query: Query,
                 analysis: Analysis) -> Answer | None:
    """ "How old was Seppala during the serum run": the recorded birth year says it."""
    born = _born_age(ranker, subject)
    if born is None or not 0 < born[1][0] < 85:
        return None
    return Answer("fact", born[0].fact, subject, analysis, query, derived_age=born[1])


def _born_age(ranker: Ranker, entity: str) -> tuple[Row, tuple[int, bool]] | None:
    """The recorded birth, and the age it gives when the relay began (exact or "about")."""
    row = value_of(ranker, entity, "birth.when")
    age = values.age_on(row.value, *values.SERUM_RUN_START) if row is not None else None
    return (row, age) if row is not None and age is not None else None


def _by_value(facts: Iterable[Fact], value: str, query: Query) -> list[tuple[int, Fact, str]]:
    """Facts where some entity's relation for the asked topic has ``value`` as its value; none
    for a measure asked ("how long did Roth take to make the statue": that he made it says
    nothing of how long)."""
    found: list[tuple[int, Fact, str]] = []
    if query.facet in STATES and query.facet != "when":
        return found
    for fact in facts:
        for entity, relations in fact.answers.items():
            if entity == value:
                continue
            for key, held in relations.items():
                if key_fits(key, query.topic, None) and value in values.readings(held):
                    found.append((2, fact, key))
    return found


def _no_record(ranker: Ranker, query: Query, analysis: Analysis, subject: str) -> Answer:
    """ "I don't have a record of X's Y", offering the nearest real fact about X."""
    store = ranker.store
    entity = store.entities[subject]
    # A weak topic (the serum, a run) is no thing of its own to be missing.
    topic = None if query.weak_topic else ranker.relations.topics.get(query.topic or "")
    facet = query.facet or ""
    if topic is not None and _ILLNESS & set(query.words) and "why" in topic.labels:
        facet = "why"  # "what was Togo sick with": why he died, not his death, is missing
    if topic is not None and (facet not in _ANY_TOPIC_LABELS or facet in topic.labels):
        missing = _topic_missing(query, topic, facet, entity.spoken_name)
    elif facet in _ANY_TOPIC_LABELS:
        # "how old was Kimble when he rescued Balto": his age is what is missing; "how many
        # people came to the dedication": a number, not the statue.
        missing = _ANY_TOPIC_LABELS[facet].format(name=entity.spoken_name)
    elif query.kind_of:
        missing = f"the kind of {query.kind_of[0]}"
    else:
        missing = FACET_LABELS.get(query.facet or "", "that about {name}").format(
            name=entity.spoken_name)
    about = [s for s in ranker.rank_analysis(analysis, limit=20, threshold=False)
             if subject in s.fact.about]
    offer = about[0].fact if about else store.identity_of(subject)
    return Answer("no_record", None, subject, analysis, query, missing=missing, offer=offer)


def _topic_missing(query: Query, topic: Topic, facet: str, name: str) -> str:
    """What is missing of a topic, by its label for the facet asked ("what Kaasen's *sled*
    was made of": the sled's, not Kaasen's); "when", which it has no label for, is a date
    for it (not "a statue of Togo", which is recorded)."""
    label = topic.describe(facet, "").split()
    # (not where the label already says what is owned: "whose *dogs* Henry Ivanoff drove")
    owned = f"'s {query.possessed[0]}" if query.possessed and not {
        query.possessed[0], query.possessed[0].rstrip("s")} & set(label) else ""
    missing = topic.describe(facet, name + owned)
    if facet == "when" and query.measure_asked and facet not in topic.labels:
        # (nor "a date for where Togo lived")
        missing = FACET_LABELS["when"].format(name=name) if (
            missing.split()[0] in QUESTION_WORDS) else f"a date for {missing}"
    return missing


def _by_ranking(ranker: Ranker, query: Query, analysis: Analysis) -> Answer:
    """The lexical ranker's best fact, when the question names no relation to check."""
    ranked = tuple(ranker.rank_analysis(analysis))
    best = ranked[0].fact if ranked else None
    if best is None:
        return _nothing_ranked(ranker, query, analysis, ranked)
    if (query.facet == "who" and query.form == "wh" and of_a_place(ranker, best)
            and not of_someone(ranker, best)):
        best = of_someone_ranked(ranker, ranked) or best
    entity = subject_of(best, analysis.entities)
    if query.facet == "who" and not _who_is_asked(ranker, query, best, entity):
        # "who started the relay out of nenana": Shannon is "he" next; "who was the first
        # case": the boy the fact records as it. (Not "who's this fox": Fox himself.)
        if _names_no_one_else(ranker, query, best):
            # "who neutered balto": a fact on it that names no one but Balto says not who
            return Answer("no_record", None, entity, analysis, query, missing="that",
                          offer=best, ranked=ranked)
        entity = who_named(ranker, query, best) or entity
    if unheard(query, analysis) and ranked[0].words < STRONG_WORD_SUPPORT:
        # "who was the zookeeper who looked after balto": the question turns on a word no fact
        # uses, and the best fact shares only the rest. Offer it; don't pass it off as the answer.
        # (A name heard by its sound, "gunner *carson*", is no such word.)
        return Answer("no_record", None, entity, analysis, query, missing="that", offer=best,
                      ranked=ranked)
    if query.form == "yes_no":
        if not claimed_terms(ranker, best, analysis, query):
            linking = _linking_named(ranker, query, ranked)
            if linking is not None:
                best, entity = linking, subject_of(linking, analysis.entities)
        key = _measure_claimed(ranker, best, entity, query)
        polarity = yes_no(ranker, best, key, query, entity or "", analysis)
        return Answer("yes_no", best, entity, analysis, query, polarity=polarity, ranked=ranked)
    return Answer("fact", best, entity, analysis, query, ranked=ranked)


def _names_no_one_else(ranker: Ranker, query: Query, fact: Fact) -> bool:
    """Whether a "who" question of what someone named did or had done is met by a fact that
    names no person or dog but those the question names (so it cannot say who)."""
    words = query.words[query.core_start:]
    if (query.form != "wh" or query.topic is not None or not query.named or query.core_start
            or words[:1] not in (("who",), ("which",), ("what",))
            or ranker.understander.people_named.get(fact.id)
            or not any(w.endswith("ed") for w in words[1:3])):
        return False  # (not "who was the mayor of nome": only "who neutered balto")
    text, entities = fact.answer.lower(), ranker.store.entities
    return not any(
        entities[e].type in ("person", "dog") and e not in query.named
        and any(word in text for word in entities[e].name.lower().split() if len(word) > 3)
        for e in fact.about)


def _who_is_asked(ranker: Ranker, query: Query, fact: Fact, entity: str | None) -> bool:
    """ "Who's this Fox", "who was Prince": who the one named right after is, answered by
    his own identity; he, not whoever it names (his owner), is talked of next."""
    words = list(query.words[query.core_start:])
    at = 1 if words[:1] == ["whos"] else 2 if words[:2] in (["who", "is"], ["who", "was"]) else 0
    if not at or entity is None or fact.about[:1] != (entity,) or "identity" not in fact.aspects:
        return False
    rest = " ".join(words[at + 1:] if words[at:at + 1] == ["this"] else words[at:])
    return any(f"{rest} ".startswith(f"{form} ")
               for form in ranker.store.entities[entity].spoken_forms)


def _linking_named(ranker: Ranker, query: Query, ranked: Sequence[Scored]) -> Fact | None:
    """Only names ("is balto at the cleveland museum"): a fact recording one as the other's
    says it, before one that merely speaks of both; asked with "is", the one recording where
    the remains are now ("is balto here in cleveland"), not where he died."""
    if query.words[query.core_start:query.core_start + 1] in (("is",), ("are",)):
        resting = next((f for named in query.named for f in ranker.store.answering(named)
                        if _rests_in_named(ranker, query, f)), None)
        if resting is not None:
            return resting
    return next((s.fact for s in ranked if links_named(query, s.fact)), None)


def _rests_in_named(ranker: Ranker, query: Query, fact: Fact) -> bool:
    """Whether the fact records, of one named, remains in a place the question names (the
    Cleveland Museum of Natural History is in Cleveland)."""
    store = ranker.store
    places = [e for e in query.named if e in store.entities and store.entities[e].type == "place"]
    return bool(places) and any(
        key.partition(".")[0] == "remains" and isinstance(value, str) and value in store.entities
        and (value in places or named_within(store, value, places))
        for named in query.named for key, value in fact.answers.get(named, {}).items())


def _measure_claimed(ranker: Ranker, fact: Fact, entity: str | None, query: Query) -> str:
    """The relation of the fact that records the measure a yes/no question claims in the
    facet's own unit ("did the dogs run a thousand *miles*": the relay's miles), so that the
    number is checked against it; "" when the question claims none. (Another unit, "did it
    take five *days*" against hours, is no claim to check.)"""
    facet = ranker.relations.facets.get(query.facet or "")
    if (facet is None or facet.unit is None or not query.numbers or entity is None
            or stem(facet.unit) not in {stem(w) for w in query.words}):
        return ""
    return next((key for key in fact.answers.get(entity, {})
                 if key.rpartition(".")[2] == facet.name), "")


def _nothing_ranked(ranker: Ranker, query: Query, analysis: Analysis,
                    ranked: tuple[Scored, ...]) -> Answer:
    """No fact ranked: the fact about all that is named, an honest "no record" of the one
    named, or "I don't know"."""
    between = _of_all_named(ranker, query, analysis)
    if between is not None:
        return between
    subject = _asked_subject(query)
    if subject in ranker.store.entities and subject not in ranker.lexicon.background:
        # "what kind of whip did Kaasen use": a name the store knows, asked something no
        # fact speaks of. Say so of that name, rather than as if it were off the subject.
        return (query.kind_of
                and kind_instead(ranker, query, analysis, subject, _dated_by_another_time)
                or _no_record(ranker, query, analysis, subject))
    return Answer("unknown", None, None, analysis, query, ranked=ranked)


def _of_all_named(ranker: Ranker, query: Query, analysis: Analysis) -> Answer | None:
    """ "How did the serum get to Nenana": names and common words only, which rank no fact;
    the fact about everything named, and best fitting the words, says it."""
    if len(query.named) < 2 or analysis.unknown or query.form != "wh":
        return None
    named = set(query.named)
    about_all = [f for f in ranker.store.facts.values() if named <= set(f.about)]
    if not about_all:
        return None
    best = ranker.score_facts(analysis, about_all)[0].fact
    return Answer("fact", best, subject_of(best, analysis.entities), analysis, query)


# -- comparisons ---------------------------------------------------------------------------------


def _compare(ranker: Ranker, query: Query, analysis: Analysis) -> Answer | None:
    """Rank the named entities (or every entity of the kind asked) by the compared relation."""
    comparative = query.comparative
    if comparative is None:
        return _side_by_side(ranker, query, analysis)
    entities: Sequence[str] = query.entities
    superlative = len(entities) < 2
    if superlative and query.yes_no_compare:
        return _is_the_one(ranker, query, analysis, comparative)
    if superlative:
        if query.category is None:
            return None  # "the coldest temperature on the run": the facts say it themselves
        entities = _of_kind(ranker, query, comparative.relation)
    rows, relation, order = _compared_rows(ranker, comparative, entities, superlative,
                                           _compared_kind(query))
    if not rows:
        return None
    # A superlative speaks of the entities whose values are recorded.
    missing = () if superlative else tuple(
        e for e in entities if all(r.entity != e for r in rows))
    rows.sort(key=lambda r: values.sort_key(r.value) or 0.0, reverse=order == "desc")
    if superlative:
        stated = _stating(ranker, analysis, rows[0].entity)
        if stated is not None:
            # A fact that says it outright ("the longest was Seppala's 91 miles") beats a
            # sentence built from the values.
            return Answer("fact", stated, rows[0].entity, analysis, query)
    polarity = None
    if query.yes_no_compare and not superlative:
        # (the same value is no "more" either way)
        polarity = "yes" if rows[0].entity == entities[0] and not _tied_rows(rows) else "no"
    comparison = Comparison(relation, order, tuple(rows), missing, superlative, polarity)
    return Answer("compare", rows[0].fact, rows[0].entity, analysis, query,
                  comparison=comparison)


def _is_the_one(ranker: Ranker, query: Query, analysis: Analysis,
                comparative: Comparative) -> Answer | None:
    """ "Was Seppala the last musher": yes or no by whether the one asked about heads the
    superlative among its kind, when its own value is recorded; otherwise no verdict here."""
    asked = query.entities[0]
    entities = _of_kind(ranker, query, comparative.relation)
    if asked not in entities and not _in_setting(query.words, comparative.start):
        # "was it Togo who had the longest stretch": a lead dog's leg is his musher's too
        # (not "the only lead dog *on the last leg*", where the leg is only the setting)
        entities.append(asked)
    # Each one's fuller figure where recorded: "did Togo run the farthest" counts his 261 miles.
    rows, relation, order = _compared_rows(ranker, comparative, entities, False,
                                           _compared_kind(query))
    mine = next((r for r in rows if r.entity == asked), None)
    if mine is None:
        return None
    rows.sort(key=lambda r: values.sort_key(r.value) or 0.0, reverse=order == "desc")
    best = values.sort_key(rows[0].value)
    polarity = "yes" if values.sort_key(mine.value) == best else "no"
    winner = mine if polarity == "yes" else rows[0]
    comparison = Comparison(relation, order, (winner,), (), True, polarity)
    return Answer("compare", winner.fact, winner.entity, analysis, query, comparison=comparison)


def _in_setting(words: Sequence[str], start: int) -> bool:
    """Whether the word at ``start`` follows a preposition of place or time ("on the")."""
    before = [w for w in words[max(0, start - 2):start] if w not in ("the", "a", "an")]
    return bool(before) and before[-1] in ("on", "in", "during", "at")


def _each_of(ranker: Ranker, query: Query, analysis: Analysis) -> Answer | None:
    """ "What cities are Balto and Togo in now": the relation asked, of each one named, said
    one after the other; None unless every one records it."""
    named = [e for e in query.entities if e not in ranker.lexicon.background][:3]
    rows = []
    for entity in named:
        found = _by_relation(ranker, query, analysis, entity)
        if found is None or found.kind != "fact" or found.fact is None:
            return None
        rows.append(Row(entity, None, found.fact))
    if len(rows) < 2 or len({r.fact.id for r in rows}) < len(rows):
        return None
    return Answer("compare", rows[0].fact, rows[0].entity, analysis, query,
                  comparison=Comparison("each", "none", tuple(rows)))


def _side_by_side(ranker: Ranker, query: Query, analysis: Analysis) -> Answer | None:
    """ "What's the difference between Balto and Togo": each one's identity, side by side."""
    identities = tuple(
        Row(e, None, fact) for e in query.entities[:3]
        if (fact := ranker.store.identity_of(e)) is not None
    )
    if len(identities) < 2:
        return None
    comparison = Comparison("identity", "none", identities)
    return Answer("compare", identities[0].fact, identities[0].entity, analysis, query,
                  comparison=comparison)


#: Words for carrying: only the legs carried the serum (Seppala's run out to meet it did not).
_CARRYING = frozenset("carry carried carries carrying".split())


def _compared_kind(query: Query) -> str | None:
    """What the comparison compares: "legs" also where carrying is said ("how many more miles
    did Seppala carry the serum than Kaasen": 91 against 53, not the 261 he ran in all)."""
    return "leg" if _CARRYING & set(query.words[query.core_start:]) else query.category


def _compared_rows(ranker: Ranker, comparative: Comparative, entities: Sequence[str],
                   superlative: bool, category: str | None = None) -> tuple[list[Row], str, str]:
    """The entities' recorded values (rows, relation, order): the comparative's relation, or
    its fallback, in the reverse order, when that records more of the entities named; its
    preferred relation where recorded, unless legs are compared ("whose leg was longer")."""
    relation, order = comparative.relation, comparative.order
    rows = [r for e in entities if (r := value_of(ranker, e, relation)) is not None]
    if comparative.prefer is not None and not superlative and category != "leg":
        preferred = _preferred_rows(ranker, comparative.prefer, relation, entities)
        if preferred:
            rows, relation = preferred, comparative.prefer
    if len(rows) < len(entities) and comparative.fallback and not superlative:
        fallback = [r for e in entities if (r := (
            # Each one's age in 1925, recorded or worked out from the birth year ("who was
            # younger, Edgar Nollner or Seppala": 21, against 47).
            _age_then(ranker, e) if comparative.fallback == "age"
            else value_of(ranker, e, comparative.fallback)))]
        if len(fallback) > len(rows):
            rows, relation = fallback, comparative.fallback
            order = "desc" if order == "asc" else "asc"
    return rows, relation, order


def _preferred_rows(ranker: Ranker, prefer: str, relation: str,
                    entities: Sequence[str]) -> list[Row]:
    """Each one's fuller figure where recorded ("in all"), else the plain one; none if no one
    records the fuller figure."""
    preferred = [value_of(ranker, e, prefer) for e in entities]
    if not any(preferred):
        return []
    plain = [value_of(ranker, e, relation) for e in entities]
    return [row for p, r in zip(preferred, plain, strict=True) if (row := p or r) is not None]


def _age_then(ranker: Ranker, entity: str) -> Row | None:
    """The entity's age during the serum run: recorded, or from the recorded birth date."""
    recorded = value_of(ranker, entity, "age")
    if recorded is not None:
        return recorded
    born = _born_age(ranker, entity)
    return Row(entity, born[1][0], born[0].fact) if born is not None else None


def _stating(ranker: Ranker, analysis: Analysis, winner: str) -> Fact | None:
    """The question's best-supported fact, if it names the superlative's winner."""
    names = ranker.store.entities[winner].spoken_forms
    for scored in ranker.rank_analysis(analysis, limit=2):
        text = scored.fact.answer.lower()
        if scored.words >= MIN_WORD_SUPPORT and any(n in text for n in names):
            return scored.fact
    return None


def _of_kind(ranker: Ranker, query: Query, relation: str) -> list[str]:
    """Every entity of the kind a superlative asks about that records the relation."""
    kind = query.category
    found: list[str] = []
    for fact in ranker.store.facts.values():
        for entity, relations in fact.answers.items():
            entity_type = ranker.store.entities[entity].type
            if kind == "leg" and entity_type != "person":
                continue
            if kind in ("dog", "person") and entity_type != kind:
                continue
            if entity not in found and any(
                    key_fits(k, *split_relation(relation)) == 3 for k in relations):
                found.append(entity)
    return found


#: The canonical question each slot-based aspect stands for (what the intent's samples ask).
_SHAPES: dict[str, str] = {
    "distance": "how far did {name} run",
    "where_now": "where is {name} now",
    "when": "when was {name}",
    "identity": "who is {name}",
}
#: The facet a slot-based intent asks, when its words don't say.
_ASPECT_FACETS: dict[str, str] = {"distance": "miles", "where_now": "where", "when": "when"}
#: Facets whose own label says what is missing better than a topic's label for another facet.
_ANY_TOPIC_LABELS = {k: v for k, v in FACET_LABELS.items() if k not in ("when", "where")}


def is_blank(text: str | None) -> bool:
    """True when a free-text slot holds nothing but hesitations and fillers ("um", "", "okay
    so"); "was he from" is not blank: with its carrier's question word it asks something."""
    return not text or not strip_fillers(plain_words(text))

