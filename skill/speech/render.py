"""Turn a :class:`~skill.speech.reply.Reply` into the strings an Alexa response carries."""


from skill.records import Record
from skill.speech import ssml
from skill.speech.regional import localise
from skill.speech.reply import Reply


class Rendered(Record):
    """SSML and card strings ready for ask-sdk's ResponseBuilder."""

    __slots__ = ()

    speech_ssml: str
    reprompt_ssml: str | None
    card_title: str | None
    card_text: str | None
    end_session: bool


def render(reply: Reply, locale: str | None = None) -> Rendered:
    """Build well-formed, length-checked SSML for a reply, in the locale's English.

    A reply that keeps the session open always gets a reprompt: Alexa waits a few seconds and then
    closes the session silently otherwise, which listeners hear as the skill "hanging up".
    Plain text (speech, reprompt, card) is rewritten for ``locale`` by
    :func:`~skill.speech.regional.localise`; ``ssml_body`` comes from the speech module already
    localised (the story narration is built for the request's locale).
    """
    speech = localise(reply.speech, locale)
    body = ssml.escape(speech) if speech else ""
    if reply.ssml_body:
        body = f"{body}{ssml.brk(400) if body else ''}{reply.ssml_body}"
    reprompt = None
    if not reply.end_session:
        reprompt = ssml.speak_text(localise(reply.reprompt, locale) if reply.reprompt else speech)
    title = text = None
    if reply.card is not None:
        title = ssml.card_text(localise(reply.card.title, locale), 200)
        text = ssml.card_text(localise(reply.card.text, locale), ssml.MAX_CARD_CHARS - len(title))
    return Rendered(
        speech_ssml=ssml.fit_speak(body),
        reprompt_ssml=reprompt,
        card_title=title,
        card_text=text,
        end_session=reply.end_session,
    )
