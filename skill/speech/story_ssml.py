"""Narration SSML for one story chapter.

Why a builder of its own: chapters are long-form reading, not answers. They get Alexa's long-form
speaking style where the locale supports it, paragraph structure, longer pauses at scene changes,
large numbers marked up so they are read as one number, and a little emphasis where the
chapters file asks for it. Chapter text stays plain in ``chapters.json``; markup is added only here,
through the general builder's escaping (:mod:`skill.speech.ssml`), so text can never inject tags.

PURE: standard library and the speech package only.
"""

from __future__ import annotations

import re

from skill.speech import ssml
from skill.speech.regional import localise
from skill.story.chapters import Chapter

#: Locales whose voices support ``<amazon:domain name="long-form">``: English (US) only. Amazon
#: launched the style for US skills (April 2020) and has not extended it; ssml-check-core, the SSML
#: linter Alexa developers use, allows "long-form" for en-US alone (0.3.9, checktag.js). en-GB,
#: en-CA, en-AU and en-IN get the same paragraphs and pauses without the style.
LONG_FORM_LOCALES = frozenset({"en-US"})

#: Pause after the chapter heading, at a scene change, and before the closing question.
HEADING_PAUSE_MS = 800
SCENE_PAUSE_MS = 1200
CLOSING_PAUSE_MS = 700

# A grouped number ("300,000"): read as one cardinal, never digit by digit or as a list.
# Dates ("February 2, 1925") are left as text on purpose: Alexa already reads "Month D, YYYY"
# as a date, and a <say-as interpret-as="date">19250202</say-as> would only make transcripts
# (the simulator, the Alexa app's history) unreadable.
# A pattern string, compiled (and cached) by ``re`` on the first narration, not at import.
_GROUPED = r"(?<![\d,])(\d{1,3}(?:,\d{3})+)(?![\d,])"


def supports_long_form(locale: str | None) -> bool:
    """True when the long-form speaking style may be used for ``locale``."""
    return locale in LONG_FORM_LOCALES


def _escaped(text: str) -> str:
    """Escape a fragment with the general builder, keeping the spaces that border markup.

    ``ssml.escape`` trims, which is right for whole sentences but would glue a word to the tag
    next to it ("on<say-as ...>"), so the bordering spaces are put back.
    """
    if not text:
        return ""
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() and text.strip() else ""
    return f"{lead}{ssml.escape(text)}{trail}"


def _inline(text: str) -> str:
    """Escape text, marking up grouped numbers with ``<say-as interpret-as="cardinal">``."""
    out: list[str] = []
    pos = 0
    for match in re.finditer(_GROUPED, text):
        out.append(_escaped(text[pos : match.start()]))
        digits = match.group(1).replace(",", "")
        out.append(f'<say-as interpret-as="cardinal">{digits}</say-as>')
        pos = match.end()
    out.append(_escaped(text[pos:]))
    return "".join(out).strip()


def _with_emphasis(text: str, phrases: tuple[str, ...], used: set[str]) -> str:
    """Inline markup plus ``<emphasis level="moderate">`` on the first use of each phrase."""
    for phrase in phrases:
        if phrase in used:
            continue
        index = text.find(phrase)
        if index == -1:
            continue
        used.add(phrase)
        before, after = text[:index], text[index + len(phrase) :]
        head = _with_emphasis(before, phrases, used)
        tail = _with_emphasis(after, phrases, used)
        sep_before = " " if before[-1:].isspace() else ""
        sep_after = " " if after[:1].isspace() else ""
        return (
            f"{head}{sep_before}"
            f'<emphasis level="moderate">{_inline(phrase)}</emphasis>'
            f"{sep_after}{tail}"
        ).strip()
    return _inline(text)


def paragraphs_ssml(chapter: Chapter, locale: str | None = None) -> str:
    """The chapter's paragraphs as ``<p>`` elements, with pauses at scene changes.

    The text is first rewritten in the locale's English (spelling, dates, units); emphasis
    phrases are rewritten the same way, so they are still found.
    """
    used: set[str] = set()
    parts: list[str] = []
    emphasis = tuple(localise(phrase, locale) for phrase in chapter.emphasis)
    for index, paragraph in enumerate(chapter.paragraphs):
        if index in chapter.scene_breaks:
            parts.append(ssml.brk(SCENE_PAUSE_MS))
        clean = " ".join(localise(paragraph, locale).split())  # whitespace runs to one space
        parts.append(f"<p>{_with_emphasis(clean, emphasis, used)}</p>")
    return "".join(parts)


def chapter_ssml(
    chapter: Chapter,
    locale: str | None,
    *,
    preface: str | None = None,
    closing: str | None = None,
) -> str:
    """One chapter as an SSML fragment (no ``<speak>``): heading, narration, closing question.

    ``preface`` (plain text, e.g. "Welcome back.") is spoken before the heading; ``closing``
    (plain text, e.g. "Shall I go on?") after a pause at the end. Both are escaped here.
    """
    title = localise(f"Chapter {chapter.number}. {chapter.title}.", locale)
    heading = f"<p>{ssml.escape(title)}</p>"
    body = paragraphs_ssml(chapter, locale)
    if supports_long_form(locale):
        body = f'<amazon:domain name="long-form">{body}</amazon:domain>'
    parts = []
    if preface:
        parts.append(f"<p>{ssml.escape(localise(preface, locale))}</p>")
    parts.extend([heading, ssml.brk(HEADING_PAUSE_MS), body])
    if closing:
        question = ssml.escape(localise(closing, locale))
        parts.extend([ssml.brk(CLOSING_PAUSE_MS), f"<p>{question}</p>"])
    return "".join(parts)
