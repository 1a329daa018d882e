"""The only place SSML is written.

Why a module of its own: ask-sdk's ``speak()`` does not escape ``&``, ``<`` or ``>``, so a fact that
mentions "Seward & Nome" would produce malformed SSML and Alexa would reject the whole response.
Every string that reaches the listener goes through :func:`escape` here, and every response is
trimmed to Alexa's limits before it leaves the process.
"""

from __future__ import annotations

import re

#: Alexa rejects outputSpeech whose SSML is longer than this (characters, tags included).
MAX_SPEECH_CHARS = 8000
#: Card title/content limit (Simple card: title + content together).
MAX_CARD_CHARS = 8000
#: Break tags may be at most ten seconds long.
MAX_BREAK_MS = 10_000

#: One-pass XML escaping. xml.sax.saxutils.escape gives the same result, but importing it pulls
#: in urllib.request, http.client, email and ssl: 10-25 ms of every cold start.
_XML_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"}
)
#: Characters XML 1.0 forbids that are not whitespace (C0 controls, U+FFFE, U+FFFF): a slot
#: value carrying one would make the whole response malformed SSML, so they are dropped. Lone
#: surrogates are dropped by a UTF-8 round trip. (Translate tables and ``str.split`` rather than
#: regular expressions: compiling a pattern costs the cold start 50-600 us each.)
_NOT_XML = dict.fromkeys([*range(0x00, 0x09), *range(0x0E, 0x1C), 0xFFFE, 0xFFFF])
#: Tags, for :func:`strip_tags` (a rare path: compiled by ``re``'s cache on first use).
_TAG = r"<[^>]+>"


def _collapse(text: str) -> str:
    r"""Whitespace runs to one space, ends trimmed: ``re.sub(r"\s+", " ", text).strip()``, whose
    ``\s`` is exactly :meth:`str.isspace`, the separator :meth:`str.split` uses."""
    return " ".join(text.split())


def escape(text: str) -> str:
    """Escape text for inclusion in SSML and collapse whitespace.

    Quotes are escaped too, so the same helper is safe inside attribute values. Characters XML
    cannot carry at all are dropped.
    """
    text = text.translate(_NOT_XML)
    if not text.isascii():
        text = text.encode("utf-8", "ignore").decode("utf-8")  # drops lone surrogates
    return _collapse(text).translate(_XML_ESCAPES)


def brk(ms: int) -> str:
    """A pause of ``ms`` milliseconds, clamped to Alexa's 0–10 s range."""
    return f'<break time="{max(0, min(ms, MAX_BREAK_MS))}ms"/>'


def audio(url: str) -> str:
    """An ``<audio>`` clip (the URL escaped as an attribute value)."""
    return f'<audio src="{escape(url)}"/>'


def paragraph(text: str) -> str:
    """One escaped ``<p>`` paragraph (Alexa adds the longer pause between paragraphs)."""
    return f"<p>{escape(text)}</p>"


def speak(*fragments: str) -> str:
    """Wrap already-built SSML fragments in ``<speak>``, trimmed to Alexa's length limit."""
    body = "".join(f for f in fragments if f)
    return fit_speak(body)


def speak_text(text: str) -> str:
    """Escape plain text and wrap it in ``<speak>``."""
    return speak(escape(text))


def fit_speak(body: str) -> str:
    """Return ``<speak>body</speak>`` no longer than :data:`MAX_SPEECH_CHARS`.

    Bodies that would be too long are cut at the last complete top-level element or sentence, so
    the result stays well-formed; this is a safety net, not a way of writing long answers.
    """
    wrapper = len("<speak></speak>")
    if len(body) + wrapper <= MAX_SPEECH_CHARS:
        return f"<speak>{body}</speak>"
    budget = MAX_SPEECH_CHARS - wrapper
    cut = body[:budget]
    # Cut back to the end of the last closed paragraph, or failing that the last sentence end
    # outside any tag, so no element is left open.
    close = cut.rfind("</p>")
    if close != -1 and "<p>" in cut[: close]:
        cut = cut[: close + len("</p>")]
    elif "<" not in cut:
        end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
        cut = cut[: end + 1] if end > 0 else cut
    else:
        cut = escape(strip_tags(cut))[:budget]
    return f"<speak>{cut}</speak>"


def strip_tags(ssml: str) -> str:
    """Plain text of an SSML string: tags removed, entities decoded, whitespace collapsed, no
    space left before punctuation (a tag between a word and its full stop). The one SSML-to-text
    converter: the simulator's transcript and the tests read speech through it."""
    text = re.sub(_TAG, " ", ssml)
    text = (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )
    return re.sub(r" ([,.!?;:])", r"\1", _collapse(text))


def card_text(text: str, limit: int = MAX_CARD_CHARS) -> str:
    """Card content trimmed to a sentence boundary within ``limit`` characters.

    Line breaks are kept (the Alexa app shows them: one source a line); spaces within a line are
    collapsed and runs of blank lines become one.
    """
    lines = [_collapse(line) for line in text.splitlines()]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    text = "\n".join(kept).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "), cut.rfind("\n"))
    return cut[: end + 1].rstrip() if end > 0 else cut[: limit - 1] + "…"
