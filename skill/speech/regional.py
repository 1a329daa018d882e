"""Regional English: the spelling, date order and units each English locale expects.

The facts, chapters and phrases are written once, mostly in American English (a few British
spellings have crept in: "travelled"). A listener in Sydney or Delhi should still hear
"kilometres" and read "harbour" on the card, a listener in London should see "2 February 1925"
and hear temperatures in Celsius, and a listener in Ohio should read "traveled", without a copy
of the text per locale to keep in step. :func:`localise` rewrites plain text for one locale:

* **spelling**: American for en-US; British for en-GB, en-AU and en-IN (colour, travelled,
  organise, aeroplane); Canadian for en-CA (colour, centre, travelled, but organize, airplane).
* **dates**: day before month for en-GB, en-AU and en-IN ("27 January 1925").
* **distances**: kilometres added after miles where road signs use them (en-CA, en-AU, en-IN;
  Britain still signs miles): "674 miles (about 1,080 kilometres)".
* **temperatures**: Celsius added after Fahrenheit outside the US: "minus 40 degrees Fahrenheit
  (minus 40 degrees Celsius)". All of the story's temperatures are Fahrenheit, as its American
  sources give them, so a bare "minus 62 degrees" is one too.

Text inside double quotes (titles, quotations) and URLs is left exactly as written: a cited title
keeps its own spelling. Only lower-case words, or a capitalised word opening a sentence, are
respelled, so names such as "Pearl Harbor" stay as they are. Unknown locales get the text back.

Cost: results are cached per (text, locale), and a text is scanned with set and substring tests
before any pattern runs, so a response with nothing to change (most en-US ones) costs a few
microseconds and compiles no pattern. Dates and units live in :mod:`skill.speech.regional_units`,
which an en-US response never imports. PURE: standard library only.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable


class Region:
    """How one locale writes English. (A plain slotted class, not a Record: the few instances
    here are compared by identity.)"""

    __slots__ = ("spelling", "day_first", "kilometres", "celsius")

    def __init__(self, *, spelling: str, day_first: bool, kilometres: bool, celsius: bool) -> None:
        self.spelling = spelling  # "us", "uk" (British, -ise) or "ca" (Canadian: -our, -re, -ize)
        self.day_first = day_first  # "27 January 1925" rather than "January 27, 1925"
        self.kilometres = kilometres  # add kilometres (and km/h) after miles (and mph)
        self.celsius = celsius  # add Celsius after Fahrenheit

    def __repr__(self) -> str:
        return (f"Region(spelling={self.spelling!r}, day_first={self.day_first}, "
                f"kilometres={self.kilometres}, celsius={self.celsius})")


REGIONS: dict[str, Region] = {
    "en-US": Region(spelling="us", day_first=False, kilometres=False, celsius=False),
    "en-GB": Region(spelling="uk", day_first=True, kilometres=False, celsius=True),
    "en-AU": Region(spelling="uk", day_first=True, kilometres=True, celsius=True),
    "en-IN": Region(spelling="uk", day_first=True, kilometres=True, celsius=True),
    "en-CA": Region(spelling="ca", day_first=False, kilometres=True, celsius=True),
}
"""How each English locale the skill is built for writes (spelling ``us``, ``uk`` or ``ca``)."""

#: US -> British spelling, shared by Canada. Only words with one reading: "tire", "check",
#: "program" and "practice" change with their meaning, so they are left alone.
_COMMON = {
    "color": "colour", "colors": "colours", "colored": "coloured", "colorful": "colourful",
    "honor": "honour", "honors": "honours", "honored": "honoured", "honoring": "honouring",
    "honorable": "honourable", "favor": "favour", "favors": "favours", "favored": "favoured",
    "favorite": "favourite", "favorites": "favourites", "favorable": "favourable",
    "labor": "labour", "labored": "laboured", "harbor": "harbour", "harbors": "harbours",
    "harbored": "harboured", "neighbor": "neighbour", "neighbors": "neighbours",
    "neighboring": "neighbouring", "neighborhood": "neighbourhood", "rumor": "rumour",
    "rumors": "rumours", "rumored": "rumoured", "valor": "valour", "vigor": "vigour",
    "endeavor": "endeavour", "endeavored": "endeavoured", "behavior": "behaviour",
    "humor": "humour", "savior": "saviour", "armor": "armour", "armored": "armoured",
    "odor": "odour", "splendor": "splendour", "parlor": "parlour", "center": "centre",
    "centers": "centres", "centered": "centred", "theater": "theatre", "theaters": "theatres",
    "meter": "metre", "meters": "metres", "kilometer": "kilometre", "kilometers": "kilometres",
    "centimeter": "centimetre", "centimeters": "centimetres", "liter": "litre",
    "liters": "litres", "fiber": "fibre", "somber": "sombre", "specter": "spectre",
    "luster": "lustre", "meager": "meagre", "traveled": "travelled", "traveling": "travelling",
    "traveler": "traveller", "travelers": "travellers", "canceled": "cancelled",
    "canceling": "cancelling", "modeled": "modelled", "labeled": "labelled", "fueled": "fuelled",
    "signaled": "signalled", "marveled": "marvelled", "channeled": "channelled",
    "totaled": "totalled", "leveled": "levelled", "counseled": "counselled",
    "jeweled": "jewelled", "quarreled": "quarrelled", "tunneled": "tunnelled",
    "shoveled": "shovelled", "defense": "defence", "offense": "offence", "pretense": "pretence",
    "gray": "grey", "grayish": "greyish", "jewelry": "jewellery", "catalog": "catalogue",
    "plow": "plough", "plowed": "ploughed", "mold": "mould", "molded": "moulded",
    "mustache": "moustache", "maneuver": "manoeuvre", "maneuvers": "manoeuvres",
}
#: US -> British, where Canada writes as the US does.
_UK_ONLY = {
    "airplane": "aeroplane", "airplanes": "aeroplanes", "aluminum": "aluminium",
    "toward": "towards", "cozy": "cosy", "pajamas": "pyjamas", "fulfill": "fulfil",
    "enroll": "enrol", "installment": "instalment", "percent": "per cent", "skeptic": "sceptic",
    "skeptical": "sceptical", "anemia": "anaemia", "anesthetic": "anaesthetic",
    "hemorrhage": "haemorrhage", "pediatric": "paediatric", "diarrhea": "diarrhoea",
    "fetus": "foetus", "analyze": "analyse", "analyzed": "analysed", "paralyze": "paralyse",
    "paralyzed": "paralysed", "catalyze": "catalyse",
}
#: British forms the US and Canada also accept: never rewritten back.
_SHARED = frozenset({"towards"})
#: -ise words American and Canadian spelling write with -ize. The British direction is a rule
#: (any -ize but the exceptions below); this direction needs a list, because "promise",
#: "exercise" and "surprise" are -ise everywhere.
_ISE_STEMS = frozenset("""
organ real recogn apolog emphas critic memorial euthan character summar author civil immun
public special familiar mobil final minim maxim priorit util visual categor symbol legal
hospital standard normal modern capital colon fertil steril neutral central terror
""".split())
_ISE_ENDINGS = ("isations", "isation", "isers", "iser", "ises", "ised", "ising", "ise")
#: Words ending in -ize that keep the z in British spelling too.
_IZE_KEPT = frozenset(
    "size prize seize capsize maize baize downsize resize oversize outsize supersize assize".split()
)
_IZE = r"\b([A-Za-z]{2,})iz(e|es|ed|ing|ation|ations|er|ers)\b"

#: Protected spans: URLs and double-quoted text (titles, quotations).
_PROTECTED = r"https?://\S+|\"[^\"]*\"|“[^”]*”"

def localise(text: str, locale: str | None) -> str:
    """``text`` as a listener in ``locale`` expects it (unchanged for unknown locales)."""
    region = REGIONS.get(locale) if locale else None
    if region is None or not text:
        return text
    return _localised(text, region)


#: Punctuation to spaces, so ``str.split`` yields bare words for the spelling table lookup.
_SEPARATORS = str.maketrans({c: " " for c in ".,;:!?()[]{}\"'“”‘’—–-/\n\t"})
#: Month names and abbreviations (a cheap test before the date pattern runs).
_MONTH_WORDS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@functools.lru_cache(maxsize=4096)
def _localised(text: str, region: Region) -> str:
    """:func:`localise` for a known region, cached: the same sentences come back all the time."""
    steps = [*_spelling_steps(text, region), *_unit_steps(text, region)]
    if not steps:
        return text
    out: list[str] = []
    position = 0
    for protected in re.finditer(_PROTECTED, text):
        out.append(_apply(steps, text[position : protected.start()]))
        out.append(protected.group(0))
        position = protected.end()
    out.append(_apply(steps, text[position:]))
    return "".join(out)


def _spelling_steps(text: str, region: Region) -> list[Callable[[str], str]]:
    """Respell the words of ``text`` the region spells otherwise (only those it contains)."""
    table, phrases = _spelling(region.spelling)
    words = set(text.translate(_SEPARATORS).lower().split())
    found = {word: table[word] for word in words.intersection(table)}
    if region.spelling != "uk":
        found.update((word, ize) for word in words if (ize := _ise_word(word)))
    found.update((phrase, table[phrase]) for phrase in phrases if phrase in text.lower())
    steps: list[Callable[[str], str]] = []
    if found:
        pattern = r"\b(" + "|".join(re.escape(w) for w in sorted(found, key=len, reverse=True))
        pattern += r")\b"
        steps.append(lambda t: re.sub(pattern, lambda m: _respelled(m, found), t, flags=re.I))
    if region.spelling == "uk" and "iz" in text:
        steps.append(lambda t: re.sub(_IZE, _ise, t))
    return steps


def _unit_steps(text: str, region: Region) -> list[Callable[[str], str]]:
    """Day-first dates, kilometres and Celsius where the region uses them and ``text`` has any
    (:mod:`skill.speech.regional_units` is loaded by the first non-US response only)."""
    if region.spelling == "us":
        return []
    from skill.speech import regional_units as units

    steps: list[Callable[[str], str]] = []
    if region.day_first and any(month in text for month in _MONTH_WORDS):
        steps.append(units.day_first)
    if region.kilometres and ("mi" in text or "mph" in text):
        steps.append(units.add_kilometres)
    if region.celsius and ("minus" in text or "below" in text or "F" in text):
        steps.append(units.add_celsius)
    return steps


def _apply(steps: list[Callable[[str], str]], text: str) -> str:
    for step in steps:
        if text:
            text = step(text)
    return text


@functools.cache
def _spelling(spelling: str) -> tuple[dict[str, str], tuple[str, ...]]:
    """(word -> respelling, multi-word entries to look for) for one spelling system."""
    if spelling == "uk":
        table = {**_COMMON, **_UK_ONLY}
    else:
        back = {uk: us for us, uk in _UK_ONLY.items() if uk not in _SHARED}
        if spelling == "ca":
            table = {**_COMMON, **back}
        else:
            table = {**{uk: us for us, uk in _COMMON.items()}, **back}
    return table, tuple(word for word in table if " " in word)


def _ise_word(word: str) -> str | None:
    """The -ize spelling of a listed -ise word ("organised" -> "organized"), else None."""
    for ending in _ISE_ENDINGS:
        if word.endswith(ending) and word[: -len(ending)] in _ISE_STEMS:
            return word[: -len(ending)] + ending.replace("is", "iz", 1)
    return None


def _may_respell(match: re.Match[str]) -> bool:
    """Lower-case words always; a capitalised word only where a sentence starts (not a name)."""
    word = match.group(0)
    if word.islower():
        return True
    if not (word[0].isupper() and word[1:].islower()):
        return False
    before = match.string[: match.start()].rstrip()
    return not before or before[-1] in ".!?:;\n"


def _respelled(match: re.Match[str], table: dict[str, str]) -> str:
    word = match.group(0)
    replacement = table.get(" ".join(word.lower().split()))
    if replacement is None or not _may_respell(match):
        return word
    return replacement[0].upper() + replacement[1:] if word[0].isupper() else replacement


def _ise(match: re.Match[str]) -> str:
    stem, ending = match.group(1), match.group(2)
    if f"{stem}ize".lower() in _IZE_KEPT or not _may_respell(match):
        return match.group(0)
    return f"{stem}is{ending}"
