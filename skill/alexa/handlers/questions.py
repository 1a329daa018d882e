"""Question answering: slot-based intents, free-form questions, "tell me more", sources.

Handlers stay thin: read slots and session state, call the pure core
(:mod:`skill.facts.answering`), hand a :class:`Reply` to the speech module.
"""

from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name
from ask_sdk_model import Response

from skill.alexa import state
from skill.alexa.respond import respond
from skill.alexa.slots import intent_name, slot
from skill.facts.answering import Answer, Question, answer, is_blank
from skill.facts.model import Fact
from skill.facts.ranking import Ranker
from skill.speech import phrases
from skill.speech.reply import Card, Reply

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
}


def fact_reply(
    fact: Fact, ranker: Ranker, entity_id: str | None, *, in_story: bool = False
) -> Reply:
    """Speak a fact (with its disagreement note) and invite a follow-up.

    Mid-story, the invitation says how to get back to the story, which is still waiting.
    """
    entity = ranker.store.entities.get(entity_id) if entity_id else None
    name = entity.spoken_name if entity else None
    followup = phrases.STORY_FOLLOWUP if in_story else phrases.answer_followup(name)
    speech = f"{fact.spoken} {followup}"
    title = f"Serum Run: {name}" if name else "Serum Run"
    sources = "; ".join(s.reference for s in ranker.store.sources_for(fact))
    return Reply(
        speech=speech,
        reprompt=phrases.ANSWER_REPROMPT,
        card=Card(title=title, text=f"{fact.card}\n\nSources: {sources}"),
    )


def speak_answer(handler_input: HandlerInput, ranker: Ranker, result: Answer) -> Response:
    """Respond with the answer, or an honest "don't know", and update the session memory."""
    if result.fact is None:
        state.set_pending(handler_input, None)
        return respond(
            handler_input,
            Reply(phrases.unknown_question(None), reprompt=phrases.UNKNOWN_REPROMPT),
        )
    state.remember_fact(handler_input, result.fact.id, result.entity)
    state.set_pending(handler_input, "more")
    in_story = state.mode(handler_input) == state.MODE_STORY
    return respond(
        handler_input, fact_reply(result.fact, ranker, result.entity, in_story=in_story)
    )


class EntityQuestionHandler(AbstractRequestHandler):
    """About/HowFar/WhereNow/When intents with a custom slot type carrying entity ids."""

    def __init__(self, ranker: Ranker) -> None:
        self.ranker = ranker

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) in ENTITY_INTENTS

    def handle(self, handler_input: HandlerInput) -> Response:
        name = intent_name(handler_input) or ""
        slot_name, aspect, kind = ENTITY_INTENTS[name]
        value = slot(handler_input, slot_name)
        store = self.ranker.store
        entity = value.resolved_id if value.resolved_id in store.entities else None
        if entity is None and value.raw:
            exact = store.entity_for_name(value.raw)
            entity = exact.id if exact else None
        if entity is None and value.raw is None:
            entity = _context_entity(handler_input, self.ranker)
        if entity is None:
            log.info("unresolved %s slot %r in %s", slot_name, value.raw, name)
            if value.raw and not is_blank(value.raw):
                # Alexa's ER_SUCCESS_NO_MATCH: the words were heard but are not one of our names
                # ("the antitoxin in nome expired"). Rank them as a question before giving up.
                shape = None if aspect == "identity" else aspect
                result = answer(
                    self.ranker, Question(text=value.raw, aspect=shape),
                    context_entity=_context_entity(handler_input, self.ranker),
                )
                if result.known:
                    return speak_answer(handler_input, self.ranker, result)
            if value.raw is None:
                # "how far did he run" with nobody mentioned yet: ask who is meant.
                return respond(
                    handler_input, Reply(phrases.WHICH_SUBJECT, reprompt=phrases.WHICH_SUBJECT)
                )
            return respond(
                handler_input,
                Reply(phrases.unknown_entity(kind, value.raw), reprompt=phrases.HELP_REPROMPT),
            )
        result = answer(self.ranker, Question(entity=entity, aspect=aspect))
        return speak_answer(handler_input, self.ranker, result)


def last_fact(handler_input: HandlerInput, ranker: Ranker) -> Fact | None:
    """The fact spoken last in this session, if the session remembers a valid one."""
    fact_id = state.get_str(handler_input, state.LAST_FACT)
    return ranker.store.get(fact_id) if fact_id else None


def _context_entity(handler_input: HandlerInput, ranker: Ranker) -> str | None:
    """The entity follow-ups refer to, if the session remembers a valid one.

    Session attributes come back from the client; an id the store doesn't know is ignored.
    """
    entity = state.get_str(handler_input, state.LAST_ENTITY)
    return entity if entity in ranker.store.entities else None


class FreeQuestionHandler(AbstractRequestHandler):
    """Free-form questions on AMAZON.SearchQuery, ranked against every fact."""

    def __init__(self, ranker: Ranker) -> None:
        self.ranker = ranker

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) in QUESTION_INTENTS

    def handle(self, handler_input: HandlerInput) -> Response:
        name = intent_name(handler_input) or ""
        query = slot(handler_input, "query").raw
        if is_blank(query):
            return respond(
                handler_input, Reply(phrases.FALLBACK, reprompt=phrases.FALLBACK_REPROMPT)
            )
        text = f"{QUESTION_INTENTS[name]} {query}".strip()
        context = _context_entity(handler_input, self.ranker)
        result = answer(self.ranker, Question(text=text), context_entity=context)
        log.info(
            "question %r -> %s (entities=%s aspects=%s)",
            text, result.fact.id if result.fact else None,
            result.analysis.entities, sorted(result.analysis.aspects),
        )
        return speak_answer(handler_input, self.ranker, result)


class TellMeMoreHandler(AbstractRequestHandler):
    """ "Tell me more": the next most related fact not yet heard in this session."""

    def __init__(self, ranker: Ranker) -> None:
        self.ranker = ranker

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if is_intent_name("TellMeMoreIntent")(handler_input):
            return True
        pending_more = state.get_str(handler_input, state.PENDING) == "more"
        return pending_more and (
            is_intent_name("AMAZON.YesIntent")(handler_input)
            or is_intent_name("AMAZON.NextIntent")(handler_input)
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        last_fact = state.get_str(handler_input, state.LAST_FACT)
        entity = _context_entity(handler_input, self.ranker)
        if last_fact is None or last_fact not in self.ranker.store.facts:
            return respond(
                handler_input, Reply(phrases.HELP, reprompt=phrases.HELP_REPROMPT)
            )
        nxt = self.ranker.related(last_fact, state.seen_facts(handler_input), entity)
        if nxt is None:
            known = self.ranker.store.entities.get(entity) if entity else None
            name = known.spoken_name if known else None
            text = phrases.no_more_about(name) if name else phrases.NOTHING_MORE_GENERIC
            state.set_pending(handler_input, None)
            return respond(handler_input, Reply(text, reprompt=phrases.UNKNOWN_REPROMPT))
        subject = entity if entity in nxt.about else nxt.about[0]
        state.remember_fact(handler_input, nxt.id, subject)
        state.set_pending(handler_input, "more")
        return respond(handler_input, fact_reply(nxt, self.ranker, subject))


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
        return respond(
            handler_input,
            Reply(
                phrases.sources_sentence([s.spoken_name for s in sources]),
                reprompt=phrases.ANSWER_REPROMPT,
                card=Card(title="Serum Run: sources", text="\n".join(s.citation for s in sources)),
            ),
        )


def question_handlers(ranker: Ranker) -> tuple[AbstractRequestHandler, ...]:
    """The question family, in dispatch order."""
    return (
        TellMeMoreHandler(ranker),
        SourceHandler(ranker),
        EntityQuestionHandler(ranker),
        FreeQuestionHandler(ranker),
    )
