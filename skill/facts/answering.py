"""Choose the fact that answers a question (pure: no ask-sdk, no I/O).

Handlers translate an intent into a :class:`Question` (free text and/or a resolved entity and an
aspect) and get back an :class:`Answer`. Keeping this pure means the simulator, the tests and the
Lambda all exercise the exact same decision.
"""

from collections.abc import Sequence

from skill.facts.model import Fact
from skill.facts.ranking import Analysis, Ranker, Scored
from skill.records import Record
from skill.text.terms import content_terms


class Question(Record):
    """What the listener asked, as far as the intent tells us.

    This and :class:`Answer` are :class:`~skill.records.Record` types: as immutable as a frozen
    dataclass, at a fraction of the class-creation cost on the Lambda cold start."""

    __slots__ = ()

    text: str | None = None
    entity: str | None = None
    aspect: str | None = None


class Answer(Record):
    """The chosen fact (None = we don't know) with the ranking that led to it."""

    __slots__ = ()

    fact: Fact | None
    entity: str | None
    ranked: tuple[Scored, ...]
    analysis: Analysis

    @property
    def known(self) -> bool:
        return self.fact is not None


def answer(ranker: Ranker, question: Question, context_entity: str | None = None) -> Answer:
    """Pick the best fact for a question.

    A slot-resolved entity with an aspect (e.g. HowFarIntent with dog=togo) goes straight to the
    store's facts for that entity and aspect; anything else is ranked as free text, with the
    resolved entity and aspect folded into the analysis so they still count.
    """
    store = ranker.store
    if question.entity and question.aspect and not question.text:
        if question.aspect == "identity":
            identity = store.identity_of(question.entity)
            if identity is not None:
                analysis = Analysis((question.entity,), frozenset({"identity"}), ())
                return Answer(identity, question.entity, (Scored(identity, 99.0, ("slot",)),),
                              analysis)
        # Rank the entity's facts against the intent's own question shape, so the cues decide
        # between, say, the relay's arrival time and its overall dates for "when was the relay".
        entity = store.entities[question.entity]
        # The shortest everyday name ("serum run", not "The 1925 serum relay to Nome"), so the
        # words of a formal name don't pull in facts that merely share them.
        name = entity.synonyms[0] if entity.synonyms else entity.spoken_name
        shaped = _SHAPES.get(question.aspect, "{name}").format(name=name)
        analysis = ranker.analyse(shaped)._replace(
            entities=(question.entity,), aspects=frozenset({question.aspect})
        )
        candidates = [
            s for s in ranker.rank_analysis(analysis, limit=40) if question.entity in s.fact.about
        ]
        # Facts tagged with the asked aspect come first; the rest only if none is tagged.
        ranked = tuple(
            [s for s in candidates if question.aspect in s.fact.aspects]
            or candidates
        )
        direct = store.find(question.entity, question.aspect)
        best = direct[0] if direct and not any(
            question.aspect in s.fact.aspects for s in ranked
        ) else (ranked[0].fact if ranked else None)
        if best is not None:
            return Answer(best, question.entity, ranked, analysis)
    if question.text:
        analysis = ranker.analyse(question.text, context_entity)
    else:
        analysis = Analysis((), frozenset(), ())
    if question.entity and question.entity not in analysis.entities:
        analysis = analysis._replace(entities=(question.entity, *analysis.entities))
    if question.aspect and question.aspect not in analysis.aspects:
        analysis = analysis._replace(aspects=analysis.aspects | {question.aspect})
    ranked = tuple(ranker.rank_analysis(analysis))
    best = ranked[0].fact if ranked else None
    entity = _subject(best, analysis.entities) if best else None
    return Answer(best, entity, ranked, analysis)


#: The canonical question each slot-based aspect stands for (what the intent's samples ask).
_SHAPES: dict[str, str] = {
    "distance": "how far did {name} run",
    "where_now": "where is {name} now",
    "when": "when did {name} take place",
}


def _subject(fact: Fact, named: Sequence[str]) -> str | None:
    """The entity a follow-up pronoun should refer to after this answer."""
    for entity_id in named:
        if entity_id in fact.about:
            return entity_id
    return fact.about[0] if fact.about else None


def is_blank(text: str | None) -> bool:
    """True when a free-text slot holds no content words at all ("um", "the", "")."""
    return not text or not content_terms(text)
