"""Turn a :class:`~skill.speech.reply.Reply` into the strings an Alexa response carries."""


from skill.records import Record
from skill.speech import ssml
from skill.speech.reply import Reply


class Rendered(Record):
    """SSML and card strings ready for ask-sdk's ResponseBuilder."""

    __slots__ = ()

    speech_ssml: str
    reprompt_ssml: str | None
    card_title: str | None
    card_text: str | None
    end_session: bool


def render(reply: Reply) -> Rendered:
    """Build well-formed, length-checked SSML for a reply.

    A reply that keeps the session open always gets a reprompt: Alexa waits a few seconds and then
    closes the session silently otherwise, which listeners hear as the skill "hanging up".
    """
    body = ssml.escape(reply.speech) if reply.speech else ""
    if reply.ssml_body:
        body = f"{body}{ssml.brk(400) if body else ''}{reply.ssml_body}"
    reprompt = None
    if not reply.end_session:
        reprompt = ssml.speak_text(reply.reprompt or reply.speech)
    title = text = None
    if reply.card is not None:
        title = ssml.card_text(reply.card.title, 200)
        text = ssml.card_text(reply.card.text, ssml.MAX_CARD_CHARS - len(title))
    return Rendered(
        speech_ssml=ssml.fit_speak(body),
        reprompt_ssml=reprompt,
        card_title=title,
        card_text=text,
        end_session=reply.end_session,
    )
