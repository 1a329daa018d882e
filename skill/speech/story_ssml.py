"""Narration SSML for one story chapter.

Why a builder of its own: chapters are long-form reading, not answers. They get Alexa's long-form
speaking style where the locale supports it, paragraph structure, longer pauses at scene changes,
large numbers marked up so they are read as one number, a sound-library clip at the opening or a
turning point of some chapters (:mod:`skill.speech.sounds`), and, where the long-form style is not
used, a little emphasis where the chapters file asks for it. Chapter text stays plain in
``chapters.json``; markup is added only here, through the general builder's escaping
(:mod:`skill.speech.ssml`), so text can never inject tags.

PURE: standard library and the speech package only.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from skill.speech import ssml
from skill.speech.regional import localise
from skill.story.chapters import Chapter

if TYPE_CHECKING:  # the clips load with the first narration, not at launch
    from skill.speech.sounds import Clip

#: Locales whose voices support ``<amazon:domain name="long-form">``: English (US) only. Amazon
#: launched the style for US skills (April 2020) and has not extended it; ssml-check-core, the SSML
#: linter Alexa developers use, allows "long-form" for en-US alone (0.3.9, checktag.js). en-GB,
#: en-CA, en-AU and en-IN get the same paragraphs and pauses without the style.
LONG_FORM_LOCALES = frozenset({"en-US"})

# No ``<emphasis>`` inside a speaking style. Alexa's SSML reference lists emphasis among the tags
# incompatible with ``<amazon:domain>`` ("Incompatible tags",
# https://developer.amazon.com/en-US/docs/alexa/custom-skills/speech-synthesis-markup-language-ssml-reference.html#incompatible-tags),
# and Amazon Polly's table of supported tags marks ``<emphasis>`` "not available" for its long-form
# voices (https://docs.aws.amazon.com/polly/latest/dg/supportedtags.html). So the chapters'
# emphasis phrases are marked only where the long-form style is not used (every locale but
# en-US); the validator (balto/validation.py) rejects emphasis inside any amazon:domain.

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


def _long_form(runs: list[str], locale: str | None) -> list[str]:
    """Wrap each run of paragraphs in the long-form style where the locale has it."""
    if not supports_long_form(locale):
        return runs
    return [f'<amazon:domain name="long-form">{run}</amazon:domain>' for run in runs]


def paragraphs_ssml(
    chapter: Chapter, locale: str | None = None, sounds: dict[int, Clip] | None = None
) -> str:
    """The chapter's paragraphs as ``<p>`` elements, with pauses at scene changes and a clip
    before the paragraphs ``sounds`` names.

    The text is first rewritten in the locale's English (spelling, dates, units); emphasis
    phrases are rewritten the same way, so they are still found. Clips sit between runs of
    paragraphs, outside the long-form style, so the style only ever wraps speech.
    """
    sounds = sounds or {}
    used: set[str] = set()
    emphasis: tuple[str, ...] = ()
    if not supports_long_form(locale):  # never inside the long-form style: see the top
        emphasis = tuple(localise(phrase, locale) for phrase in chapter.emphasis)
    parts: list[str] = []
    run: list[str] = []
    for index, paragraph in enumerate(chapter.paragraphs):
        clip = sounds.get(index)
        if clip is not None:
            if run:
                parts.extend(_long_form(["".join(run)], locale))
                run = []
            parts.append(ssml.audio(clip.url))
        if index in chapter.scene_breaks:
            run.append(ssml.brk(SCENE_PAUSE_MS))
        clean = " ".join(localise(paragraph, locale).split())  # whitespace runs to one space
        run.append(f"<p>{_with_emphasis(clean, emphasis, used)}</p>")
    parts.extend(_long_form(["".join(run)], locale))
    return "".join(parts)


def chapter_ssml(
    chapter: Chapter,
    locale: str | None,
    *,
    preface: str | None = None,
    closing: str | None = None,
    sounds: dict[int, Clip] | None = None,
) -> str:
    """One chapter as an SSML fragment (no ``<speak>``): heading, narration, closing question.

    ``preface`` (plain text, e.g. "Welcome back.") is spoken before the heading; ``closing``
    (plain text, e.g. "Shall I go on?") after a pause at the end. Both are escaped here.
    ``sounds`` (paragraph index -> clip) places the chapter's sound effects.
    """
    title = localise(f"Chapter {chapter.number}. {chapter.title}.", locale)
    heading = f"<p>{ssml.escape(title)}</p>"
    body = paragraphs_ssml(chapter, locale, sounds)
    parts = []
    if preface:
        parts.append(f"<p>{ssml.escape(localise(preface, locale))}</p>")
    parts.extend([heading, ssml.brk(HEADING_PAUSE_MS), body])
    if closing:
        question = ssml.escape(localise(closing, locale))
        parts.extend([ssml.brk(CLOSING_PAUSE_MS), f"<p>{question}</p>"])
    return "".join(parts)
