"""Turn a reply's screen into an ``Alexa.Presentation.APL.RenderDocument`` directive.

Imported only when the device declares ``Alexa.Presentation.APL`` (skill/alexa/respond.py), so a
speaker never loads it, nor the documents, the route or ask-sdk-model's APL classes.

The directive carries a packaged document (skill/screens/data/*.apl.json) and one data source
built for this response; its token names the document, so the touch handler can tell which
screen a UserEvent came from.

APL reference: the RenderDocument directive and ``supportedInterfaces``,
https://developer.amazon.com/docs/alexa/alexa-presentation-language/apl-interface.html ; data
sources, https://developer.amazon.com/docs/alexa-presentation-language/apl-data-source.html
"""

from __future__ import annotations

from typing import Any

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.interfaces.alexa.presentation.apl import RenderDocumentDirective

from skill.screens import documents, views
from skill.speech.regional import localise
from skill.speech.reply import AnswerScreen, StoryScreen
from skill.story.chapters import load_chapters

#: Token prefix of every document this skill renders ("serumrun.story", "serumrun.answer").
TOKEN_PREFIX = "serumrun."


def _localised(data: dict[str, Any], locale: str | None, keys: tuple[str, ...]) -> dict[str, Any]:
    return {**data, **{k: localise(data[k], locale) for k in keys if data.get(k)}}


def datasources(screen: StoryScreen | AnswerScreen,
                locale: str | None) -> tuple[str, dict[str, Any]]:
    """(document name, data sources) for a screen, the text in the locale's English."""
    if isinstance(screen, StoryScreen):
        story = views.story_view(load_chapters(), screen.number)
        return "story", {"story": _localised(story, locale, ("title", "legs", "serum"))}
    hint = documents.hint_for(screen.entity, screen.fact_id or screen.text)
    answer = views.answer_view(screen.title, screen.text, screen.sources, hint)
    return "answer", {"answer": _localised(answer, locale, ("title", "text", "hint"))}


def render_directive(screen: StoryScreen | AnswerScreen, locale: str | None
                     ) -> RenderDocumentDirective:
    """The RenderDocument directive that shows ``screen``."""
    name, sources = datasources(screen, locale)
    return RenderDocumentDirective(token=TOKEN_PREFIX + name,
                                   document=documents.document(name), datasources=sources)


def attach(handler_input: HandlerInput, screen: StoryScreen | AnswerScreen) -> None:
    """Add the screen's directive to the response being built."""
    locale = getattr(handler_input.request_envelope.request, "locale", None)
    handler_input.response_builder.add_directive(render_directive(screen, locale))
