"""Check a serialized Alexa response envelope against Alexa's published limits.

Why this exists: Alexa rejects a response it cannot speak ("The requested skill did not provide a
valid response") and the listener hears a generic error instead of our answer. Those failures only
show up on a real device, so every test that builds a response runs it through
:func:`validate_response` and fails with a readable list of what Alexa would object to.

The checks follow the Alexa Skills Kit documentation (custom skill JSON interface reference and the
SSML reference). Where the documentation is ambiguous the check is the stricter reading:

* ``outputSpeech`` must not exceed 8,000 characters; we count the whole SSML string, tags included.
* The whole response must not exceed 24 KB; we measure the larger of the compact UTF-8 encoding and
  the default ``json.dumps`` encoding (ASCII escapes), session attributes included.
* SSML must be well-formed XML with a ``<speak>`` root and use only the tags and attribute values
  Alexa documents; at most five ``<audio>`` clips per response, each from an ``https`` (or Alexa
  sound library) URL, and at most 240 seconds of audio in all. Sound-library clips are timed from
  the durations the library documents, recorded in ``skill/speech/data/sounds.json`` (the file the
  skill plays them from); a library clip not recorded there is reported, since its length cannot
  be checked. An ``https`` clip's length cannot be known offline and is not timed (the skill
  plays none).
* No tag Alexa lists as incompatible with a speaking style (``<emphasis>``, ``<amazon:emotion>``,
  ``<voice>``, pitch ``<prosody>``, interjection ``<say-as>``) inside ``<amazon:domain>``, or the
  other way round.
* A session that stays open (``shouldEndSession`` is ``false``) must carry a non-empty reprompt,
  our own standard: a listener who says nothing must hear what to say next.
* The ``long-form`` speaking style is only allowed in locales that support it.
* APL directives: their shape, our size budget, and never to a device without APL
  (:mod:`balto.apl_checks`).

PURE: standard library only.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from xml.parsers import expat

from balto.apl_checks import check_directives
from skill import jsonfile

#: Alexa's limit on one ``outputSpeech`` (characters).
MAX_SPEECH_CHARS = 8000
#: Alexa's limit on the whole response body (bytes).
MAX_RESPONSE_BYTES = 24 * 1024
#: Simple/Standard card: title and content (or text) together (characters).
MAX_CARD_CHARS = 8000
#: Card image URLs (characters).
MAX_IMAGE_URL_CHARS = 2000
#: ``<audio>`` clips allowed in one response, and their total length (seconds).
MAX_AUDIO_CLIPS = 5
MAX_AUDIO_SECONDS = 240.0
#: The sound-library clips the skill plays, with their documented durations. Read as data from the
#: skill's package (the validator imports no serving code): ``skill/speech/data/sounds.json``.
SOUNDS_FILE = os.path.join(
    os.path.dirname(os.path.abspath(jsonfile.__file__)), "speech", "data", "sounds.json"
)
SOUNDBANK = "soundbank://soundlibrary/"
#: Longest ``<break>`` Alexa honours (milliseconds).
MAX_BREAK_MS = 10_000

#: Locales whose Alexa voice offers the ``long-form`` speaking style.
LONG_FORM_LOCALES = frozenset({"en-US"})

SUPPORTED_TAGS = frozenset(
    {
        "speak",
        "p",
        "s",
        "break",
        "emphasis",
        "lang",
        "phoneme",
        "prosody",
        "say-as",
        "sub",
        "voice",
        "w",
        "audio",
        "amazon:domain",
        "amazon:effect",
        "amazon:emotion",
    }
)

CARD_TYPES = frozenset({"Simple", "Standard", "LinkAccount", "AskForPermissionsConsent"})

_BREAK_STRENGTHS = frozenset({"none", "x-weak", "weak", "medium", "strong", "x-strong"})
_EMPHASIS_LEVELS = frozenset({"strong", "moderate", "reduced"})
_INTERPRET_AS = frozenset(
    {
        "characters",
        "spell-out",
        "cardinal",
        "number",
        "ordinal",
        "digits",
        "fraction",
        "unit",
        "date",
        "time",
        "telephone",
        "address",
        "interjection",
        "expletive",
    }
)
_DATE_FORMATS = frozenset({"mdy", "dmy", "ymd", "md", "dm", "ym", "my", "d", "m", "y"})
_DOMAINS = frozenset({"conversational", "long-form", "music", "news", "fun"})
_EFFECTS = frozenset({"whispered"})
_EMOTIONS = frozenset({"excited", "disappointed"})
_EMOTION_INTENSITIES = frozenset({"low", "medium", "high"})
_PHONETIC_ALPHABETS = frozenset({"ipa", "x-sampa"})
_WORD_ROLES = frozenset({"amazon:VB", "amazon:VBD", "amazon:NN", "amazon:SENSE_1"})
#: Languages the ``<lang>`` tag can switch to (the locales Alexa lists for it and for Polly voices).
_LANGS = frozenset(
    {
        "en-US",
        "en-GB",
        "en-IN",
        "en-AU",
        "en-CA",
        "de-DE",
        "es-ES",
        "fr-FR",
        "hi-IN",
        "it-IT",
        "ja-JP",
    }
)
_RATE_WORDS = frozenset({"x-slow", "slow", "medium", "fast", "x-fast"})
_PITCH_WORDS = frozenset({"x-low", "low", "medium", "high", "x-high"})
_VOLUME_WORDS = frozenset({"silent", "x-soft", "soft", "medium", "loud", "x-loud"})

_TIME = re.compile(r"^(\d+(?:\.\d+)?)(ms|s)$")
_PERCENT = re.compile(r"^([+-]?)(\d+(?:\.\d+)?)%$")
_DECIBELS = re.compile(r"^([+-])(\d+(?:\.\d+)?)dB$")
_AUDIO_SRC = re.compile(r"^(https://\S+|soundbank://soundlibrary/\S+)$")

#: Tags Alexa's SSML reference lists as incompatible with the speaking styles
#: (``<amazon:domain>``): "Incompatible tags",
#: https://developer.amazon.com/en-US/docs/alexa/custom-skills/speech-synthesis-markup-language-ssml-reference.html#incompatible-tags
#: Each entry: tag -> the attribute (and value) that makes it incompatible, or None for any use.
_NOT_IN_A_STYLE: dict[str, tuple[str, str | None] | None] = {
    "emphasis": None,
    "amazon:emotion": None,
    "voice": None,
    "prosody": ("pitch", None),
    "say-as": ("interpret-as", "interjection"),
}

#: Attributes each tag may carry (anything else is reported).
_ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "speak": frozenset(),
    "p": frozenset(),
    "s": frozenset(),
    "break": frozenset({"time", "strength"}),
    "emphasis": frozenset({"level"}),
    "lang": frozenset({"xml:lang"}),
    "phoneme": frozenset({"alphabet", "ph"}),
    "prosody": frozenset({"rate", "pitch", "volume"}),
    "say-as": frozenset({"interpret-as", "format"}),
    "sub": frozenset({"alias"}),
    "voice": frozenset({"name"}),
    "w": frozenset({"role"}),
    "audio": frozenset({"src"}),
    "amazon:domain": frozenset({"name"}),
    "amazon:effect": frozenset({"name"}),
    "amazon:emotion": frozenset({"name", "intensity"}),
}

#: Attributes a tag must carry.
_REQUIRED_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "lang": ("xml:lang",),
    "phoneme": ("ph",),
    "say-as": ("interpret-as",),
    "sub": ("alias",),
    "voice": ("name",),
    "w": ("role",),
    "audio": ("src",),
    "amazon:domain": ("name",),
    "amazon:effect": ("name",),
    "amazon:emotion": ("name", "intensity"),
}


def validate_response(
    response: Mapping[str, Any],
    *,
    locale: str | None = None,
    apl: bool | None = None,
    audio_seconds: Mapping[str, float] | None = None,
) -> list[str]:
    """Return every problem Alexa would have with ``response`` (empty list = valid).

    Parameters
    ----------
    response:
        The full serialized envelope: ``{"version", "sessionAttributes", "response": {...}}``, as
        ``lambda_handler`` returns it.
    locale:
        The request's locale, when known; enables locale-specific checks (long-form narration).
    apl:
        Whether the requesting device declares ``Alexa.Presentation.APL`` (None when unknown);
        False makes any APL directive a problem (balto/apl_checks.py checks the directives).
    audio_seconds:
        Known clip lengths by URL; by default the sound-library clips the skill records
        (:func:`recorded_clip_seconds`).
    """
    if not isinstance(response, Mapping):
        return [f"envelope must be a JSON object, got {type(response).__name__}"]
    problems: list[str] = []
    problems += _check_envelope(response)
    problems += _check_size(response)
    body = response.get("response")
    if not isinstance(body, Mapping):
        return problems
    audio_sources: list[str] = []
    if body.get("outputSpeech") is not None:
        problems += _check_speech("outputSpeech", body["outputSpeech"], locale, audio_sources)
    problems += _check_reprompt(body.get("reprompt"), locale, audio_sources)
    problems += _check_audio_budget(
        audio_sources, recorded_clip_seconds() if audio_seconds is None else audio_seconds
    )
    problems += _check_session(body)
    if body.get("card") is not None:
        problems += _check_card(body["card"])
    problems += check_directives(body.get("directives"), apl=apl)
    return problems


def assert_valid_response(response: Mapping[str, Any], locale: str | None = None,
                          apl: bool | None = None) -> None:
    """Raise ``AssertionError`` listing every problem in ``response``; return quietly if valid."""
    problems = validate_response(response, locale=locale, apl=apl)
    if problems:
        listing = "\n".join(f"  - {p}" for p in problems)
        raise AssertionError(f"invalid Alexa response ({len(problems)} problems):\n{listing}")


# --------------------------------------------------------------------------- envelope and size


def _check_envelope(envelope: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    version = envelope.get("version")
    if not isinstance(version, str) or not version:
        problems.append('envelope needs a "version" string (e.g. "1.0")')
    if "response" not in envelope:
        problems.append('envelope has no "response" object')
    elif not isinstance(envelope["response"], Mapping):
        problems.append('"response" must be an object')
    attributes = envelope.get("sessionAttributes")
    if attributes is not None and not isinstance(attributes, Mapping):
        problems.append('"sessionAttributes" must be an object')
    return problems


def _check_size(envelope: Mapping[str, Any]) -> list[str]:
    try:
        compact = json.dumps(envelope, ensure_ascii=False, separators=(",", ":"))
        escaped = json.dumps(envelope)
    except (TypeError, ValueError) as exc:
        return [f"response is not JSON-serializable: {exc}"]
    try:
        size = max(len(compact.encode("utf-8")), len(escaped.encode("utf-8")))
    except UnicodeEncodeError as exc:
        return [f"response contains text that cannot be encoded as UTF-8 ({exc.reason})"]
    if size > MAX_RESPONSE_BYTES:
        return [f"response is {size} bytes as JSON (Alexa allows {MAX_RESPONSE_BYTES})"]
    return []


def _check_reprompt(reprompt: Any, locale: str | None, audio_sources: list[str]) -> list[str]:
    if reprompt is None:
        return []
    if not isinstance(reprompt, Mapping):
        return ["reprompt must be an object"]
    speech = reprompt.get("outputSpeech")
    if speech is None:
        return ["reprompt has no outputSpeech"]
    return _check_speech("reprompt.outputSpeech", speech, locale, audio_sources)


@lru_cache(maxsize=1)
def recorded_clip_seconds() -> dict[str, float]:
    """The documented length of each sound-library clip the skill plays, by URL."""
    data = jsonfile.read_json(SOUNDS_FILE, ValueError, "the sounds file")
    clips = data.get("clips", {}) if isinstance(data, dict) else {}
    return {
        str(clip["url"]): float(clip["seconds"])
        for clip in clips.values()
        if isinstance(clip, dict) and "url" in clip and "seconds" in clip
    }


def _check_audio_budget(sources: list[str], seconds: Mapping[str, float]) -> list[str]:
    """At most five clips and 240 seconds of audio across the speech and the reprompt."""
    problems: list[str] = []
    if len(sources) > MAX_AUDIO_CLIPS:
        problems.append(
            f"{len(sources)} <audio> clips in one response (Alexa allows {MAX_AUDIO_CLIPS})"
        )
    total = 0.0
    for src in sources:
        if src in seconds:
            total += seconds[src]
        elif src.startswith(SOUNDBANK):
            problems.append(
                f"<audio src={src!r}>: a sound-library clip whose duration is not recorded "
                "(add it, with its documented length, to skill/speech/data/sounds.json)"
            )
    if total > MAX_AUDIO_SECONDS:
        problems.append(
            f"{total:g} seconds of audio in one response (Alexa allows {MAX_AUDIO_SECONDS:g})"
        )
    return problems


def _check_session(body: Mapping[str, Any]) -> list[str]:
    end = body.get("shouldEndSession")
    if end is not None and not isinstance(end, bool):
        return [f"shouldEndSession must be true, false or absent, got {end!r}"]
    if end is False:
        if not body.get("outputSpeech"):
            return ["session stays open (shouldEndSession=false) but there is no outputSpeech"]
        if not body.get("reprompt"):
            return ["session stays open (shouldEndSession=false) but there is no reprompt"]
    return []


# --------------------------------------------------------------------------- speech


def _check_speech(
    where: str, speech: Any, locale: str | None, audio_sources: list[str]
) -> list[str]:
    if not isinstance(speech, Mapping):
        return [f"{where} must be an object"]
    kind = speech.get("type")
    if kind == "PlainText":
        text = speech.get("text")
        if not isinstance(text, str) or not text.strip():
            return [f"{where} PlainText has no text"]
        if len(text) > MAX_SPEECH_CHARS:
            return [f"{where} is {len(text)} characters (Alexa allows {MAX_SPEECH_CHARS})"]
        return []
    if kind == "SSML":
        ssml = speech.get("ssml")
        if not isinstance(ssml, str) or not ssml.strip():
            return [f"{where} SSML has no ssml string"]
        problems: list[str] = []
        if len(ssml) > MAX_SPEECH_CHARS:
            problems.append(
                f"{where} is {len(ssml)} characters of SSML (Alexa allows {MAX_SPEECH_CHARS})"
            )
        problems += [f"{where}: {p}" for p in check_ssml(ssml, locale, audio_sources)]
        return problems
    return [f"{where} has unknown type {kind!r} (expected PlainText or SSML)"]


@dataclass
class _SsmlWalk:
    """State gathered while expat walks one SSML document."""

    locale: str | None
    audio_sources: list[str]
    problems: list[str] = field(default_factory=list)
    depth: int = 0
    roots: int = 0
    #: Tags open at the current point, outermost first (for nesting rules).
    open_tags: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if self.depth == 0:
            self.roots += 1
            if tag != "speak":
                self.problems.append(f"root element is <{tag}>, expected <speak>")
        elif tag == "speak":
            self.problems.append("<speak> nested inside <speak>")
        self.depth += 1
        self._check_style_nesting(tag, attributes)
        self.open_tags.append((tag, attributes))
        if tag not in SUPPORTED_TAGS:
            self.problems.append(f"<{tag}> is not an Alexa-supported SSML tag")
            return
        unknown = sorted(set(attributes) - _ALLOWED_ATTRIBUTES[tag])
        if unknown:
            self.problems.append(f"<{tag}> has unsupported attribute(s): {', '.join(unknown)}")
        for name in _REQUIRED_ATTRIBUTES.get(tag, ()):
            if not attributes.get(name):
                self.problems.append(f'<{tag}> needs a non-empty "{name}" attribute')
        checker = _ATTRIBUTE_CHECKS.get(tag)
        if checker is not None:
            self.problems += checker(attributes, self)

    def end(self, tag: str) -> None:
        self.depth -= 1
        if self.open_tags:
            self.open_tags.pop()

    def _check_style_nesting(self, tag: str, attributes: dict[str, str]) -> None:
        """A speaking style and a tag incompatible with it, nested either way round."""
        styles = [a.get("name", "?") for t, a in self.open_tags if t == "amazon:domain"]
        if styles and _not_in_a_style(tag, attributes):
            self.problems.append(
                f"<{tag}> inside <amazon:domain name={styles[-1]!r}>: Alexa lists it as "
                "incompatible with speaking styles"
            )
        if tag == "amazon:domain":
            inside = next((t for t, a in self.open_tags if _not_in_a_style(t, a)), None)
            if inside is not None:
                self.problems.append(
                    f"<amazon:domain> inside <{inside}>: Alexa lists <{inside}> as incompatible "
                    "with speaking styles"
                )


def _not_in_a_style(tag: str, attributes: dict[str, str]) -> bool:
    """True for a tag (with these attributes) that Alexa forbids with a speaking style."""
    if tag not in _NOT_IN_A_STYLE:
        return False
    rule = _NOT_IN_A_STYLE[tag]
    if rule is None:
        return True
    name, value = rule
    return name in attributes and (value is None or attributes[name] == value)


def check_ssml(
    ssml: str, locale: str | None = None, audio_sources: list[str] | None = None
) -> list[str]:
    """Return the problems in one SSML string (well-formedness, tags, attribute values).

    ``audio_sources`` collects every ``<audio src>`` seen, so a caller can count clips across the
    speech and the reprompt of one response.
    """
    sources = audio_sources if audio_sources is not None else []
    walk = _SsmlWalk(locale=locale, audio_sources=sources)
    # Namespace processing stays off: Alexa accepts "amazon:" tags without an xmlns declaration,
    # which a namespace-aware parser would reject as an unbound prefix.
    parser = expat.ParserCreate()
    parser.StartElementHandler = walk.start
    parser.EndElementHandler = walk.end
    try:
        parser.Parse(ssml, True)
    except expat.ExpatError as exc:
        reason = expat.ErrorString(exc.code)
        return [f"SSML is not well-formed XML ({reason} at line {exc.lineno}, column {exc.offset})"]
    except UnicodeEncodeError as exc:
        return [f"SSML contains text that cannot be encoded as UTF-8 ({exc.reason})"]
    if walk.roots == 0:
        walk.problems.append("SSML has no <speak> root element")
    return walk.problems


# --------------------------------------------------------------------------- attribute values


def _check_break(attributes: dict[str, str], walk: _SsmlWalk) -> list[str]:
    problems: list[str] = []
    strength = attributes.get("strength")
    if strength is not None and strength not in _BREAK_STRENGTHS:
        problems.append(f"<break strength={strength!r}> is not a supported strength")
    time = attributes.get("time")
    if time is not None:
        match = _TIME.match(time)
        if match is None:
            problems.append(f'<break time={time!r}> must look like "500ms" or "2s"')
        else:
            value = float(match.group(1)) * (1 if match.group(2) == "ms" else 1000)
            if value > MAX_BREAK_MS:
                problems.append(f"<break time={time!r}> is longer than 10 seconds")
    return problems


def _check_emphasis(attributes: dict[str, str], walk: _SsmlWalk) -> list[str]:
    level = attributes.get("level")
    if level is not None and level not in _EMPHASIS_LEVELS:
        return [f"<emphasis level={level!r}> is not strong, moderate or reduced"]
    return []


def _check_say_as(attributes: dict[str, str], walk: _SsmlWalk) -> list[str]:
    problems: list[str] = []
    interpret = attributes.get("interpret-as")
    if interpret and interpret not in _INTERPRET_AS:
        problems.append(f"<say-as interpret-as={interpret!r}> is not supported by Alexa")
    fmt = attributes.get("format")
    if fmt is not None and (interpret != "date" or fmt not in _DATE_FORMATS):
        problems.append(f"<say-as format={fmt!r}> is only valid as a date format")
    return problems


def _check_domain(attributes: dict[str, str], walk: _SsmlWalk) -> list[str]:
    name = attributes.get("name")
    if not name:
        return []
    if name not in _DOMAINS:
        return [f"<amazon:domain name={name!r}> is not a supported speaking style"]
    if name == "long-form" and walk.locale is not None and walk.locale not in LONG_FORM_LOCALES:
        return [f"long-form narration is not available in locale {walk.locale!r}"]
    return []


def _check_effect(attributes: dict[str, str], walk: _SsmlWalk) -> list[str]:
    name = attributes.get("name")
    if name and name not in _EFFECTS:
        return [f"<amazon:effect name={name!r}> is not supported (only 'whispered')"]
    return []


def _check_emotion(attributes: dict[str, str], walk: _SsmlWalk) -> list[str]:
    problems: list[str] = []
    name = attributes.get("name")
    if name and name not in _EMOTIONS:
        problems.append(f"<amazon:emotion name={name!r}> is not excited or disappointed")
    intensity = attributes.get("intensity")
    if intensity and intensity not in _EMOTION_INTENSITIES:
        problems.append(f"<amazon:emotion intensity={intensity!r}> is not low, medium or high")
    return problems


def _check_lang(attributes: dict[str, str], walk: _SsmlWalk) -> list[str]:
    lang = attributes.get("xml:lang")
    if lang and lang not in _LANGS:
        return [f"<lang xml:lang={lang!r}> is not a language Alexa can switch to"]
    return []


def _check_phoneme(attributes: dict[str, str], walk: _SsmlWalk) -> list[str]:
    alphabet = attributes.get("alphabet")
    if alphabet is not None and alphabet not in _PHONETIC_ALPHABETS:
        return [f"<phoneme alphabet={alphabet!r}> is not ipa or x-sampa"]
    return []


def _check_prosody(attributes: dict[str, str], walk: _SsmlWalk) -> list[str]:
    problems: list[str] = []
    rate = attributes.get("rate")
    if rate is not None and rate not in _RATE_WORDS:
        match = _PERCENT.match(rate)
        if match is None or match.group(1) or float(match.group(2)) < 20:
            problems.append(f"<prosody rate={rate!r}> must be a rate word or a percentage >= 20%")
    pitch = attributes.get("pitch")
    if pitch is not None and pitch not in _PITCH_WORDS:
        match = _PERCENT.match(pitch)
        value = (
            None if match is None else float(match.group(2)) * (-1 if match.group(1) == "-" else 1)
        )
        if match is None or not match.group(1) or value is None or not -33.3 <= value <= 50:
            problems.append(
                f"<prosody pitch={pitch!r}> must be a pitch word or a +/- percentage "
                "between -33.3% and +50%"
            )
    volume = attributes.get("volume")
    if volume is not None and volume not in _VOLUME_WORDS:
        match = _DECIBELS.match(volume)
        if match is None or (match.group(1) == "+" and float(match.group(2)) > 4.08):
            problems.append(
                f"<prosody volume={volume!r}> must be a volume word or +/-NdB (at most +4.08dB)"
            )
    return problems


def _check_word(attributes: dict[str, str], walk: _SsmlWalk) -> list[str]:
    role = attributes.get("role")
    if role and role not in _WORD_ROLES:
        return [f"<w role={role!r}> is not a supported word role"]
    return []


def _check_audio(attributes: dict[str, str], walk: _SsmlWalk) -> list[str]:
    src = attributes.get("src")
    if not src:
        return []
    walk.audio_sources.append(src)
    if not _AUDIO_SRC.match(src):
        return [f"<audio src={src!r}> must be an https URL or an Alexa sound library sound"]
    return []


_ATTRIBUTE_CHECKS: dict[str, Callable[[dict[str, str], _SsmlWalk], list[str]]] = {
    "break": _check_break,
    "emphasis": _check_emphasis,
    "say-as": _check_say_as,
    "amazon:domain": _check_domain,
    "amazon:effect": _check_effect,
    "amazon:emotion": _check_emotion,
    "lang": _check_lang,
    "phoneme": _check_phoneme,
    "prosody": _check_prosody,
    "w": _check_word,
    "audio": _check_audio,
}


# --------------------------------------------------------------------------- cards


def _check_card(card: Any) -> list[str]:
    if not isinstance(card, Mapping):
        return ["card must be an object"]
    kind = card.get("type")
    if kind not in CARD_TYPES:
        return [f"card has unknown type {kind!r}"]
    if kind not in ("Simple", "Standard"):
        return []
    body_key = "content" if kind == "Simple" else "text"
    problems: list[str] = []
    title = card.get("title") or ""
    body = card.get(body_key) or ""
    if not isinstance(title, str) or not isinstance(body, str):
        return [f"{kind} card title and {body_key} must be strings"]
    if not title and not body:
        problems.append(f"{kind} card has neither title nor {body_key}")
    if len(title) + len(body) > MAX_CARD_CHARS:
        problems.append(
            f"{kind} card title + {body_key} is {len(title) + len(body)} characters "
            f"(Alexa allows {MAX_CARD_CHARS})"
        )
    if kind == "Standard":
        problems += _check_card_image(card.get("image"))
    return problems


def _check_card_image(image: Any) -> list[str]:
    if image is None:
        return []
    if not isinstance(image, Mapping):
        return ["Standard card image must be an object"]
    problems: list[str] = []
    for key in ("smallImageUrl", "largeImageUrl"):
        url = image.get(key)
        if url is None:
            continue
        if not isinstance(url, str) or not url.startswith("https://"):
            problems.append(f"card image {key} must be an https URL")
        elif len(url) > MAX_IMAGE_URL_CHARS:
            problems.append(f"card image {key} is longer than {MAX_IMAGE_URL_CHARS} characters")
    return problems
