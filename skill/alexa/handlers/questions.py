"""Question answering: slot-based intents, free-form questions, follow-ups, "tell me more",
sources.

Handlers stay thin: read slots and session state, call the pure core
(:mod:`skill.facts.answering`), hand a :class:`Reply` to the speech module.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, cast

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from skill.alexa import state
from skill.alexa.respond import respond
from skill.alexa.slots import intent_name, slot
from skill.alexa.state import Meaning, Pending
from skill.facts.lazy import LazyRanker
from skill.speech import phrases
from skill.speech.reply import AnswerScreen, Card, Reply
from skill.text.vocabulary import QUESTION_WORDS

if TYPE_CHECKING:  # the answering core loads with the first question, not at launch
    from skill.facts.answer_records import Answer, Question
    from skill.facts.context import Context
    from skill.facts.model import Fact
    from skill.facts.ranking import Ranker

log = logging.getLogger(__name__)

#: Slot-based intents: intent -> (slot name, aspect the intent asks for, kind for messages).
ENTITY_INTENTS: dict[str, tuple[str, str, str]] = {
    "AboutDogIntent": ("dog", "identity", "dog"),
    "AboutPersonIntent": ("person", "identity", "person"),
    "AboutPlaceIntent": ("place", "identity", "place"),
    "AboutTopicIntent": ("topic", "identity", "topic"),
    "HowFarIntent": ("subject", "distance", "subject"),
    "WhereNowIntent": ("subject", "where_now", "subject"),
    "WhenIntent": ("subject", "when", "subject"),
}

#: The question each slot-based intent asks, with the slot's words where the name goes: an
#: unresolved slot ("toe go") is understood as the whole question, names heard by sound.
INTENT_QUESTIONS: dict[str, str] = {
    "identity": "who is {name}",
    "distance": "how far did {name} run",
    "where_now": "where is {name} now",
    "when": "when was {name}",
}

#: Free-form question intents (AMAZON.SearchQuery): the carrier phrase's question word is not in
#: the slot value, so each intent restores it before ranking ("when" + "did balto die").
QUESTION_INTENTS: dict[str, str] = {
    "QuestionIntent": "",
    "AskWhoIntent": "who",
    "AskWhatIntent": "what",
    "AskWhenIntent": "when",
    "AskWhereIntent": "where",
    "AskWhyIntent": "why",
    "AskHowIntent": "how",
    # (one intent per tense: "was balto stuffed" is not "is balto stuffed")
    "AskYesNoIntent": "is",
    "AskWasIntent": "was",
    "AskDidIntent": "did",
    "AskDoesIntent": "does",
    "AskAndIntent": "and",  # "and his brother", "what about the dog": a follow-up
}


def answer_reply(handler_input: HandlerInput, ranker: Ranker, text: str, facts: list[Fact],
                 entity_id: str | None) -> Reply:
    """Speak an answer and close it by context; the card lists the facts and their sources.

    Sets what a following "yes" means: mid-story, back to the story (which is still waiting);
    otherwise, more on the subject. The closing says which (:mod:`skill.speech.closings`).
    """
    from skill.facts.followups import next_fact
    from skill.speech import closings

    store = ranker.store
    entity = store.entities.get(entity_id) if entity_id else None
    seen = state.seen_facts(handler_input)
    in_story = state.in_story(handler_input)
    more = in_story or next_fact(ranker, facts[0].id, seen, entity_id) is not None
    state.set_pending(handler_input, Pending.BACK_TO_STORY if in_story else Pending.MORE)
    steps = "" if more else next_steps(handler_input, ranker, entity_id, seen)
    closing = closings.answer_closing(closings.subject_name(entity), turn=max(0, len(seen) - 1),
                                      more=more, in_story=in_story, next_steps=steps)
    references = [[s.reference for s in store.sources_for(fact)] for fact in facts]
    cards = [phrases.fact_card(fact.card, refs)
             for fact, refs in zip(facts, references, strict=True)]
    name = entity.spoken_name if entity else None
    title = phrases.card_title(name)
    screen = AnswerScreen(entity.name if entity else title, text,
                          tuple(ref for refs in references for ref in refs), entity_id,
                          facts[0].id if facts else "")
    return Reply(
        speech=f"{text} {closing.text}",
        reprompt=closing.reprompt,
        card=Card(title=title, text="\n\n".join(cards)),
        screen=screen,
    )


def next_steps(handler_input: HandlerInput, ranker: Ranker, entity_id: str | None,
               seen: list[str]) -> str:
    """Where to go once a subject is exhausted: people, dogs or places met along the way whose
    story is still unheard ("yes" then speaks the first), or the mushers and the story."""
    from skill.facts.followups import where_next
    from skill.speech import closings

    found = where_next(ranker.store, entity_id, seen)
    first = ranker.store.identity_of(found[0].id) if found else None
    if first is None:
        state.set_pending(handler_input, None)
        return phrases.ELSEWHERE
    state.set_pending(handler_input, Pending.OFFER)
    state.remember_offer(handler_input, first.id)
    return closings.suggestions(found)


def not_known_reply(handler_input: HandlerInput) -> Reply:
    """ "I don't know that one", pointing back to the story when one is waiting."""
    if state.in_story(handler_input):
        state.set_pending(handler_input, Pending.BACK_TO_STORY)
        return Reply(phrases.unknown_question(None, in_story=True),
                     reprompt=phrases.UNKNOWN_STORY_REPROMPT)
    state.set_pending(handler_input, None)
    return Reply(phrases.unknown_question(None), reprompt=phrases.UNKNOWN_REPROMPT)


def _name_of(ranker: Ranker) -> object:
    def name_of(entity_id: str) -> str:
        entity = ranker.store.entities.get(entity_id)
        return entity.spoken_name if entity else entity_id
    return name_of


def _offer_label(ranker: Ranker, fact: Fact, entity_id: str) -> str:
    """How the offered fact is named ("what happened to Gunnar Kaasen afterwards")."""
    entity = ranker.store.entities[entity_id]
    relations = ranker.relations
    for key in fact.answers.get(entity_id, {}):
        topic, _, facet = key.partition(".")
        if topic == "identity" and entity.type in ("person", "dog"):
            break  # (who Togo was, not "whether Togo was real", which it also says)
        if topic not in relations.topics or topic in entity.spoken_name.lower():
            continue  # (not "a statue of the Balto statue": the entity is the thing itself)
        label = relations.topics[topic].describe(facet or None, entity.spoken_name)
        if entity.type in ("person", "dog") or f"{entity.spoken_name}'s" not in label:
            # (not "the temperature on the weather on the run's run": only someone has a run)
            return label
    return f"who {entity.spoken_name} was" if entity.type in ("person", "dog") else (
        f"about {entity.spoken_name}")


def speak_answer(handler_input: HandlerInput, ranker: Ranker, result: Answer) -> Response:
    """Respond with the answer, an honest "no record", or "don't know"; update the session."""
    from skill.speech.answers import answer_text, no_record_text

    if result.kind == "no_record" and result.missing:
        offer = result.offer
        label = _offer_label(ranker, offer, result.entity) if offer and result.entity else None
        state.set_pending(handler_input, Pending.OFFER if offer else None)
        attrs = state.session(handler_input)
        if offer:
            attrs[state.OFFER_FACT] = offer.id
        if result.entity:
            attrs[state.LAST_ENTITY] = result.entity
        context = result.context()
        state.remember_question(handler_input, context.topic, context.facet,
                                list(context.entities), question=context.question)
        return respond(handler_input, Reply(no_record_text(result.missing, label),
                                            reprompt=phrases.UNKNOWN_REPROMPT))
    if not result.known or result.fact is None:
        return respond(handler_input, not_known_reply(handler_input))
    facts = [result.fact]
    if result.comparison is not None:
        unique = {r.fact.id: r.fact for r in result.comparison.rows}
        facts = list(unique.values())[:3]
    context = result.context()
    for fact in reversed(facts):
        # (whom the talk stays with: the answer's subject, or whom "he" asked of before)
        state.remember_fact(handler_input, fact.id, context.entity or result.entity)
    state.remember_question(handler_input, context.topic, context.facet, list(context.entities),
                            context.values, context.question)
    text = answer_text(result, _name_of(ranker))  # type: ignore[arg-type]
    state.remember_answer(handler_input, text)
    return respond(handler_input, answer_reply(handler_input, ranker, text, facts, result.entity))


def conversation_context(handler_input: HandlerInput, ranker: Ranker) -> Context:
    """What the session remembers of the last answer (ids and topics the skill does not know
    dropped: session attributes come from the client)."""
    from skill.facts.context import Context

    known = ranker.store.entities
    entity = state.get_str(handler_input, state.LAST_ENTITY)
    topic = state.get_str(handler_input, state.LAST_TOPIC)
    return Context(
        entity if entity in known else None,
        topic if topic in ranker.relations.topics else None,
        state.get_str(handler_input, state.LAST_FACET),
        tuple(e for e in state.get_str_list(handler_input, state.LAST_ENTITIES) if e in known),
        _known_fact(ranker, state.get_str(handler_input, state.LAST_FACT)),
        tuple(e for e in state.get_str_list(handler_input, state.LAST_VALUES) if e in known),
        state.last_question(handler_input),
    )


def _known_fact(ranker: Ranker, fact_id: str | None) -> str | None:
    return fact_id if fact_id and ranker.store.get(fact_id) is not None else None


def ask(handler_input: HandlerInput, ranker: Ranker, question: Question) -> Response:
    """Answer a question in the conversation's context and log how it was understood."""
    from skill.facts.answering import answer

    result = answer(ranker, question, conversation_context(handler_input, ranker))
    query = result.query
    if not log.isEnabledFor(logging.INFO):
        return speak_answer(handler_input, ranker, result)
    why = (ranker.explain(result.analysis, result.fact, result.relation)
           if result.fact and result.analysis else ())
    log.info(
        "question %r -> %s %s (entities=%s topic=%s facet=%s form=%s) why: %s",
        question.text or question.entity, result.kind,
        result.fact.id if result.fact else result.missing,
        query.entities if query else (), query.topic if query else None,
        query.facet if query else None, query.form if query else None, "; ".join(why) or "-",
    )
    return speak_answer(handler_input, ranker, result)


class EntityQuestionHandler(AbstractRequestHandler):
    """About/HowFar/WhereNow/When intents with a custom slot type carrying entity ids."""

    def __init__(self, ranker: Ranker) -> None:
        self.ranker = ranker

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) in ENTITY_INTENTS

    def handle(self, handler_input: HandlerInput) -> Response:
        from skill.facts.answer_records import Question
        from skill.facts.answering import answer, is_blank

        name = intent_name(handler_input) or ""
        slot_name, aspect, kind = ENTITY_INTENTS[name]
        value = slot(handler_input, slot_name)
        store = self.ranker.store
        entity = value.resolved_id if value.resolved_id in store.entities else None
        if entity is None and value.raw:
            exact = store.entity_for_name(value.raw)
            entity = exact.id if exact else None
        if entity is not None:
            return ask(handler_input, self.ranker, Question(entity=entity, aspect=aspect))
        if value.raw and not is_blank(value.raw):
            # Alexa's ER_SUCCESS_NO_MATCH: the words were heard but are not one of our names
            # ("toe go", "the antitoxin in nome expired"). Ask the whole question with them.
            text = INTENT_QUESTIONS[aspect].format(name=value.raw)
            result = answer(self.ranker, Question(text=text, aspect=aspect),
                            conversation_context(handler_input, self.ranker))
            if result.known or result.kind == "no_record":
                return speak_answer(handler_input, self.ranker, result)
            log.info("unresolved %s slot %r in %s", slot_name, value.raw, name)
            return respond(
                handler_input,
                Reply(phrases.unknown_entity(kind, value.raw), reprompt=phrases.HELP_REPROMPT),
            )
        context = conversation_context(handler_input, self.ranker)
        if context.entity is not None and aspect != "identity":
            # "how far did he run": the entity the conversation is about.
            return ask(handler_input, self.ranker, Question(entity=context.entity, aspect=aspect))
        return respond(handler_input, Reply(phrases.which(kind), reprompt=phrases.which(kind)))


def last_fact(handler_input: HandlerInput, ranker: Ranker) -> Fact | None:
    """The fact spoken last in this session, if the session remembers a valid one."""
    fact_id = state.get_str(handler_input, state.LAST_FACT)
    return ranker.store.get(fact_id) if fact_id else None


class FreeQuestionHandler(AbstractRequestHandler):
    """Free-form questions on AMAZON.SearchQuery, ranked against every fact."""

    def __init__(self, ranker: Ranker) -> None:
        self.ranker = ranker

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) in QUESTION_INTENTS

    def handle(self, handler_input: HandlerInput) -> Response:
        from skill.facts.answer_records import Question
        from skill.facts.answering import is_blank

        name = intent_name(handler_input) or ""
        query = slot(handler_input, "query").raw
        if is_blank(query):
            return respond(
                handler_input, Reply(phrases.FALLBACK, reprompt=phrases.FALLBACK_REPROMPT)
            )
        text = f"{QUESTION_INTENTS[name]} {query}".strip()
        return ask(handler_input, self.ranker, Question(text=text))


class FollowUpHandler(AbstractRequestHandler):
    """Elliptical turns: "and Togo", "what about Kaasen" (FollowUpIntent) and "and when",
    "where was that" (FollowUpQuestionIntent): the last question, with what is new."""

    def __init__(self, ranker: Ranker) -> None:
        self.ranker = ranker

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) in ("FollowUpIntent", "FollowUpQuestionIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        from skill.facts.answer_records import Question

        if intent_name(handler_input) == "FollowUpIntent":
            value = slot(handler_input, "subject")
            entity = value.resolved_id if value.resolved_id in self.ranker.store.entities else None
            said = value.raw or ""
            if entity is not None:
                said = self.ranker.store.entities[entity].spoken_forms[0]
            if not said:
                return respond(handler_input, Reply(phrases.which("subject"),
                                                    reprompt=phrases.which("subject")))
            return ask(handler_input, self.ranker, Question(text=f"and {said}", entity=entity))
        qword = slot(handler_input, "qword").raw
        if not qword:
            return respond(handler_input, Reply(phrases.FALLBACK,
                                                reprompt=phrases.FALLBACK_REPROMPT))
        if qword.split()[0] not in QUESTION_WORDS:
            # "so i'm writing a pub quiz ... the date balto died": a whole question the
            # recogniser put in the slot after "so", not a question word to carry.
            return ask(handler_input, self.ranker, Question(text=qword))
        return ask(handler_input, self.ranker, Question(text=f"and {qword}"))


class OfferHandler(AbstractRequestHandler):
    """ "Yes" after "I don't have a record of that. I can tell you ... instead.": the offer."""

    def __init__(self, ranker: Ranker) -> None:
        self.ranker = ranker

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return state.reply_meaning(handler_input) is Meaning.SPEAK_OFFER

    def handle(self, handler_input: HandlerInput) -> Response:
        fact = self.ranker.store.get(state.get_str(handler_input, state.OFFER_FACT) or "")
        state.session(handler_input).pop(state.OFFER_FACT, None)
        if fact is None:
            state.set_pending(handler_input, None)
            return respond(handler_input, Reply(phrases.HELP, reprompt=phrases.HELP_REPROMPT))
        entity = state.get_str(handler_input, state.LAST_ENTITY)
        subject = entity if entity in fact.about else fact.about[0]
        state.remember_fact(handler_input, fact.id, subject)
        state.remember_answer(handler_input, fact.spoken)
        return respond(handler_input,
                       answer_reply(handler_input, self.ranker, fact.spoken, [fact], subject))


class TellMeMoreHandler(AbstractRequestHandler):
    """ "Tell me more" (or "yes" / "next" after an answer): the next related fact this session
    has not heard, not even in other words (:mod:`skill.facts.followups`); once the subject is
    exhausted, says so and suggests where to go next."""

    def __init__(self, ranker: Ranker) -> None:
        self.ranker = ranker

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if is_intent_name("TellMeMoreIntent")(handler_input):
            return True
        if state.reply_meaning(handler_input) is Meaning.TELL_MORE:  # "yes" after an answer
            return True
        return is_intent_name("AMAZON.NextIntent")(handler_input) and state.pending(
            handler_input) in (Pending.MORE, Pending.OFFER)

    def handle(self, handler_input: HandlerInput) -> Response:
        from skill.facts.followups import next_fact
        from skill.speech import closings

        last = state.get_str(handler_input, state.LAST_FACT)
        entity = conversation_context(handler_input, self.ranker).entity
        if last is None or last not in self.ranker.store.facts:
            return respond(
                handler_input, Reply(phrases.HELP, reprompt=phrases.HELP_REPROMPT)
            )
        seen = state.seen_facts(handler_input)
        nxt = next_fact(self.ranker, last, seen, entity)
        if nxt is None:
            known = self.ranker.store.entities.get(entity) if entity else None
            steps = next_steps(handler_input, self.ranker, entity, seen)
            said = closings.exhausted(closings.subject_name(known), steps)
            return respond(handler_input, Reply(said.text, reprompt=said.reprompt))
        subject = entity if entity in nxt.about else nxt.about[0]
        state.remember_fact(handler_input, nxt.id, subject)
        state.remember_answer(handler_input, nxt.spoken)
        return respond(handler_input,
                       answer_reply(handler_input, self.ranker, nxt.spoken, [nxt], subject))


class SourceHandler(AbstractRequestHandler):
    """ "Where did you get that?": the sources of the last fact, spoken and on a card."""

    def __init__(self, ranker: Ranker) -> None:
        self.ranker = ranker

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("SourceIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        fact = last_fact(handler_input, self.ranker)
        if fact is None:
            return respond(
                handler_input, Reply(phrases.NO_SOURCE_YET, reprompt=phrases.HELP_REPROMPT)
            )
        sources = self.ranker.store.sources_for(fact)
        reprompt = (phrases.UNKNOWN_STORY_REPROMPT if state.in_story(handler_input)
                    else phrases.PENDING_PROMPTS["more"])
        return respond(
            handler_input,
            Reply(
                phrases.sources_sentence(sources),
                reprompt=reprompt,
                card=Card(title=phrases.SOURCES_CARD_TITLE, text=phrases.sources_card(sources)),
            ),
        )


#: The packaged fact store's ranker, shared by every handler that answers from it. It is
#: imported and loaded (from the prepared index where the build wrote one) on the first
#: question, not here: a launch never needs it (skill/facts/lazy.py).
RANKER = cast("Ranker", LazyRanker())

#: The question family, in dispatch order (after launch and the built-ins).
HANDLERS: tuple[AbstractRequestHandler, ...] = (
    OfferHandler(RANKER),
    TellMeMoreHandler(RANKER),
    SourceHandler(RANKER),
    FollowUpHandler(RANKER),
    EntityQuestionHandler(RANKER),
    FreeQuestionHandler(RANKER),
)
