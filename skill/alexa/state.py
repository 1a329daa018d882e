"""Conversation state: every session and persistent key, what is pending, and what a reply means.

One module owns the shape of what the skill remembers:

* session attributes (sent back and forth with every response): the last answer and what it was
  about, the facts heard, the mode, the story position and what a yes/no answers
  (:class:`Pending`);
* the persistent record (SQLite or DynamoDB, one per listener): the story position with the time
  it was saved;
* one request attribute (this request only): the fact spoken, for the outcome metrics.

:data:`REPLIES` is the one table of what "yes", "no" and "repeat" mean in each pending state; the
handlers' ``can_handle`` ask :func:`reply_meaning` rather than reading ``pending`` themselves.

Per-request state lives in ``HandlerInput`` (session attributes), never on long-lived objects:
the web host serves many requests on threads, and a Lambda container serves many listeners.
Accessors tolerate missing or wrongly typed values, because session attributes come back from the
client and a malformed one must not crash a conversation.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum, StrEnum
from typing import Any

from ask_sdk_core.exceptions import AttributesManagerException
from ask_sdk_core.handler_input import HandlerInput

from skill.alexa.slots import intent_name
from skill.story.navigation import StoryPosition

# -- session attributes -------------------------------------------------------------------------
#: Entity id the conversation is about ("how far did he run").
LAST_ENTITY = "last_entity"
#: Fact id spoken last ("repeat", "where did you get that", "tell me more").
LAST_FACT = "last_fact"
#: The topic, facet and entities of the last question, for elliptical follow-ups ("and togo").
LAST_TOPIC = "last_topic"
LAST_FACET = "last_facet"
LAST_ENTITIES = "last_entities"
#: Whom the last answer gave as the value asked ("his lead dog": Togo), for "that dog" next.
LAST_VALUES = "last_values"
#: The last question's words as understood, for a bare "to who" or "in what journal" next.
LAST_QUESTION = "last_question"
#: Fact id a "no record" answer offered instead ("I can tell you ... instead"): "yes" speaks it.
OFFER_FACT = "offer_fact"
#: The answer as spoken, for "repeat" (a comparison is built, not stored in the fact store).
LAST_ANSWER = "last_answer"
#: Fact ids already spoken in this session, oldest first ("tell me more" skips them).
SEEN_FACTS = "seen_facts"
#: "qa" or "story".
MODE = "mode"
#: What a following yes/no answers: a :class:`Pending` value.
PENDING = "pending"
#: The story position while a session lasts: :data:`CHAPTER` and :data:`FINISHED`.
STORY = "story"
#: Set once a progress-store failure has been logged in this session (logged once, not per turn).
STORE_FAILED = "story_store_failed"

MODE_QA = "qa"
MODE_STORY = "story"

#: Longest answer kept for "repeat".
MAX_ANSWER_CHARS = 1500
#: Bounded so session attributes never push a response over Alexa's 24 KB limit.
MAX_SEEN = 40
#: Entities remembered for follow-ups.
MAX_ENTITIES = 5
#: Words of the last question remembered (longer spoken questions are rare; the cap keeps
#: session attributes small whatever a client sends back).
MAX_QUESTION_WORDS = 40

# -- the persistent record -----------------------------------------------------------------------
#: Top-level key of the stored record holding the story position (other keys are preserved).
PERSISTENT_STORY = "story"
#: Keys of the position dict, in the session and in the stored record.
CHAPTER = "chapter"
FINISHED = "finished"
#: Stored record only: the Alexa request timestamp that wrote it (ISO 8601, ``Z``).
LAST_LISTENED = "last_listened"

# -- request attributes (this request only, never sent back) -------------------------------------
#: The fact spoken in this response, for the outcome metrics (skill/alexa/metrics.py).
FACT_SPOKEN = "fact_spoken"


class Pending(StrEnum):
    """What the skill just asked, so that a bare "yes" or "no" can be understood."""

    RESUME_STORY = "resume_story"  # launch: "welcome back, shall I pick up at chapter N?"
    CONTINUE_STORY = "continue_story"  # after a chapter: "shall I go on to chapter N?"
    STORY_END = "story_end"  # after the last chapter: "start over, or ask a question?"
    MORE = "more"  # after an answer: "want to hear more about X?"
    OFFER = "offer"  # after an honest "no record": "I can tell you ... instead"
    BACK_TO_STORY = "back_to_story"  # after an answer mid-story: "shall we go back to the story?"


class Reply(StrEnum):
    """The short replies whose meaning depends on what is pending."""

    YES = "AMAZON.YesIntent"
    NO = "AMAZON.NoIntent"
    REPEAT = "AMAZON.RepeatIntent"


class Meaning(Enum):
    """What a short reply asks for; each is handled by exactly one handler."""

    RESUME_STORY = "narrate the saved chapter"  # StoryYesHandler
    NEXT_CHAPTER = "go on: the next chapter once this one was told (or: the story is over)"  # ditto
    REPEAT_CHAPTER = "narrate the current chapter again"  # StoryRepeatHandler
    PAUSE_STORY = "pause, session open, offer the next chapter later"  # StoryNoHandler
    STORY_MENU = "no thanks to resuming: the menu"  # StoryNoHandler
    STORY_GOODBYE = "no more after the last chapter: goodbye"  # StoryNoHandler
    TELL_MORE = "the next related fact"  # TellMeMoreHandler
    SPEAK_OFFER = "the fact the no-record answer offered"  # OfferHandler
    REPEAT_ANSWER = "the last answer again"  # RepeatHandler
    ANYTHING_ELSE = "okay, what else would you like to know?"  # NoHandler
    NOT_UNDERSTOOD = "a yes to nothing: the fallback"  # FallbackHandler


def _means(yes: Meaning, no: Meaning, repeat: Meaning) -> dict[Reply, Meaning]:
    return {Reply.YES: yes, Reply.NO: no, Reply.REPEAT: repeat}


M = Meaning
#: What "yes", "no" and "repeat" mean in each pending state (None: nothing pending).
REPLIES: dict[Pending | None, dict[Reply, Meaning]] = {
    #                           yes                no                 repeat
    None:                   _means(M.NOT_UNDERSTOOD, M.ANYTHING_ELSE, M.REPEAT_ANSWER),
    Pending.RESUME_STORY:   _means(M.RESUME_STORY,   M.STORY_MENU,    M.RESUME_STORY),
    Pending.CONTINUE_STORY: _means(M.NEXT_CHAPTER,   M.PAUSE_STORY,   M.REPEAT_CHAPTER),
    Pending.STORY_END:      _means(M.NEXT_CHAPTER,   M.STORY_GOODBYE, M.REPEAT_CHAPTER),
    Pending.MORE:           _means(M.TELL_MORE,      M.ANYTHING_ELSE, M.REPEAT_ANSWER),
    Pending.OFFER:          _means(M.SPEAK_OFFER,    M.ANYTHING_ELSE, M.REPEAT_ANSWER),
    Pending.BACK_TO_STORY:  _means(M.NEXT_CHAPTER,   M.ANYTHING_ELSE, M.REPEAT_ANSWER),
}
del M

_REPLY_INTENTS = {reply.value: reply for reply in Reply}

#: Pending questions about the story ("shall I go on?", "welcome back, shall I pick up?").
STORY_QUESTIONS = frozenset({
    Pending.RESUME_STORY, Pending.CONTINUE_STORY, Pending.STORY_END, Pending.BACK_TO_STORY,
})


def session(handler_input: HandlerInput) -> dict[str, Any]:
    """The mutable session-attribute dict (created if the request had none).

    Requests outside a session (ask-sdk raises for those) get a throw-away dict, so handlers can
    read and write state uniformly; nothing is sent back for them anyway.
    """
    try:
        attrs = handler_input.attributes_manager.session_attributes
    except AttributesManagerException:
        return {}
    if not isinstance(attrs, dict):
        attrs = {}
        handler_input.attributes_manager.session_attributes = attrs
    return attrs


def get_str(handler_input: HandlerInput, key: str) -> str | None:
    """A string attribute, or None when absent or of the wrong type."""
    value = session(handler_input).get(key)
    return value if isinstance(value, str) and value else None


def get_str_list(handler_input: HandlerInput, key: str, limit: int = MAX_ENTITIES) -> list[str]:
    """A list-of-strings attribute (at most ``limit`` items), or [] when absent or malformed."""
    value = session(handler_input).get(key)
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, str) and v][:limit]


# -- what is pending -----------------------------------------------------------------------------
def pending(handler_input: HandlerInput) -> Pending | None:
    """What a following yes/no answers, or None (an unknown value reads as nothing pending)."""
    value = session(handler_input).get(PENDING)
    try:
        return Pending(value) if isinstance(value, str) else None
    except ValueError:
        return None


def set_pending(handler_input: HandlerInput, what: Pending | None) -> None:
    """Remember what a following yes/no answers; None clears it."""
    attrs = session(handler_input)
    if what is None:
        attrs.pop(PENDING, None)
    else:
        attrs[PENDING] = what.value


def reply_meaning(handler_input: HandlerInput) -> Meaning | None:
    """What this request's yes / no / repeat means now (None for any other request)."""
    reply = _REPLY_INTENTS.get(intent_name(handler_input) or "")
    if reply is None:
        return None
    return REPLIES[pending(handler_input)][reply]


# -- mode ----------------------------------------------------------------------------------------
def mode(handler_input: HandlerInput) -> str:
    """Current conversation mode: question answering or story."""
    value = session(handler_input).get(MODE)
    return value if value in (MODE_QA, MODE_STORY) else MODE_QA


def in_story(handler_input: HandlerInput) -> bool:
    """True while a story is being told."""
    return mode(handler_input) == MODE_STORY


def set_mode(handler_input: HandlerInput, value: str) -> None:
    """Switch between question answering and story mode."""
    session(handler_input)[MODE] = value


# -- the story position --------------------------------------------------------------------------
def position_dict(position: StoryPosition) -> dict[str, int | bool]:
    """The position as kept in the session and the stored record."""
    return {CHAPTER: position.chapter, FINISHED: position.finished}


def parse_position(value: object, count: int) -> StoryPosition | None:
    """A position read back from the session or a stored record; None when absent or malformed.

    Attributes come back from the device or from a store another version of the skill wrote, so
    a wrong type or an out-of-range chapter must not crash the conversation.
    """
    if not isinstance(value, dict):
        return None
    chapter = value.get(CHAPTER)
    finished = value.get(FINISHED, False)
    if isinstance(chapter, bool) or not isinstance(chapter, int):
        return None
    if not isinstance(finished, bool):
        finished = False
    if chapter < 1:
        return None
    if chapter > count:
        return StoryPosition(chapter=count, finished=True)
    return StoryPosition(chapter=chapter, finished=finished)


def session_position(handler_input: HandlerInput, count: int) -> StoryPosition | None:
    """The position kept in the session, if the story has been touched this session."""
    return parse_position(session(handler_input).get(STORY), count)


def set_session_position(handler_input: HandlerInput, position: StoryPosition) -> None:
    """Keep ``position`` in the session (the source of truth while the session lasts)."""
    session(handler_input)[STORY] = position_dict(position)


def story_pending(handler_input: HandlerInput) -> bool:
    """True when the last thing the skill asked was about the story."""
    return pending(handler_input) in STORY_QUESTIONS


# -- what was said -------------------------------------------------------------------------------
def seen_facts(handler_input: HandlerInput) -> list[str]:
    """Fact ids already spoken in this session (oldest first)."""
    value = session(handler_input).get(SEEN_FACTS)
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, str)]


def remember_fact(handler_input: HandlerInput, fact_id: str, entity_id: str | None) -> None:
    """Remember a spoken fact for "tell me more", "repeat", "source" and pronoun follow-ups."""
    handler_input.attributes_manager.request_attributes[FACT_SPOKEN] = fact_id
    attrs = session(handler_input)
    seen = [f for f in seen_facts(handler_input) if f != fact_id]
    seen.append(fact_id)
    attrs[SEEN_FACTS] = seen[-MAX_SEEN:]
    attrs[LAST_FACT] = fact_id
    if entity_id:
        attrs[LAST_ENTITY] = entity_id


def remember_question(handler_input: HandlerInput, topic: str | None, facet: str | None,
                      entities: list[str], values: Sequence[str] = (),
                      question: Sequence[str] = ()) -> None:
    """What the last answer asked and named, for elliptical follow-ups ("and togo", "and
    when", "who was older", "to who"): its entities first, then those of earlier turns (at
    most five), and the question's words."""
    attrs = session(handler_input)
    if question:
        attrs[LAST_QUESTION] = " ".join(question[:MAX_QUESTION_WORDS])
    else:
        attrs.pop(LAST_QUESTION, None)
    for key, value in ((LAST_TOPIC, topic), (LAST_FACET, facet)):
        if value:
            attrs[key] = value
        else:
            attrs.pop(key, None)
    recent = [*entities, *get_str_list(handler_input, LAST_ENTITIES)]
    attrs[LAST_ENTITIES] = list(dict.fromkeys(recent))[:MAX_ENTITIES]
    if values:
        attrs[LAST_VALUES] = list(values)[:MAX_ENTITIES]
    else:
        attrs.pop(LAST_VALUES, None)


def last_question(handler_input: HandlerInput) -> tuple[str, ...]:
    """The last question's words (at most :data:`MAX_QUESTION_WORDS`; none if not a string)."""
    text = (get_str(handler_input, LAST_QUESTION) or "")[:MAX_QUESTION_WORDS * 20]
    return tuple(text.split()[:MAX_QUESTION_WORDS])


def remember_answer(handler_input: HandlerInput, text: str) -> None:
    """The answer as spoken, for "repeat"."""
    session(handler_input)[LAST_ANSWER] = text[:MAX_ANSWER_CHARS]


def remember_offer(handler_input: HandlerInput, fact_id: str | None) -> None:
    """The fact a "no record" answer offered instead (None: nothing offered)."""
    attrs = session(handler_input)
    if fact_id:
        attrs[OFFER_FACT] = fact_id
    else:
        attrs.pop(OFFER_FACT, None)


def take_offer(handler_input: HandlerInput) -> str | None:
    """The offered fact id, forgotten as it is taken."""
    value = session(handler_input).pop(OFFER_FACT, None)
    return value if isinstance(value, str) and value else None
