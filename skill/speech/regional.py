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
microseconds and compiles no pattern. PURE: standard library only.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from skill.records import Record


class Region(Record):
    """How one locale writes English."""

    __slots__ = ()

    spelling: str  # "uk" (British, -ise), "ca" (Canadian: -our, -re, but -ize)
    day_first: bool  # "27 January 1925" rather than "January 27, 1925"
    kilometres: bool  # add kilometres (and km/h) after miles (and mph)
    celsius: bool  # add Celsius after Fahrenheit


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
_COMMON = """
color colour|colors colours|colored coloured|colorful colourful|honor honour|honors honours|
honored honoured|honoring honouring|honorable honourable|favor favour|favors favours|
favored favoured|favorite favourite|favorites favourites|favorable favourable|labor labour|
labored laboured|harbor harbour|harbors harbours|harbored harboured|neighbor neighbour|
neighbors neighbours|neighboring neighbouring|neighborhood neighbourhood|rumor rumour|
rumors rumours|rumored rumoured|valor valour|vigor vigour|endeavor endeavour|
endeavored endeavoured|behavior behaviour|humor humour|savior saviour|armor armour|
armored armoured|odor odour|splendor splendour|parlor parlour|center centre|centers centres|
centered centred|theater theatre|theaters theatres|meter metre|meters metres|
kilometer kilometre|kilometers kilometres|centimeter centimetre|centimeters centimetres|
liter litre|liters litres|fiber fibre|somber sombre|specter spectre|luster lustre|
meager meagre|traveled travelled|traveling travelling|traveler traveller|travelers travellers|
canceled cancelled|canceling cancelling|modeled modelled|labeled labelled|fueled fuelled|
signaled signalled|marveled marvelled|channeled channelled|totaled totalled|leveled levelled|
counseled counselled|jeweled jewelled|quarreled quarrelled|tunneled tunnelled|
shoveled shovelled|defense defence|offense offence|pretense pretence|gray grey|
grayish greyish|jewelry jewellery|catalog catalogue|plow plough|plowed ploughed|mold mould|
molded moulded|mustache moustache|maneuver manoeuvre|maneuvers manoeuvres
"""
#: US -> British, where Canada writes as the US does.
_UK_ONLY = """
airplane aeroplane|airplanes aeroplanes|aluminum aluminium|toward towards|cozy cosy|
pajamas pyjamas|fulfill fulfil|enroll enrol|installment instalment|percent per cent|
skeptic sceptic|skeptical sceptical|anemia anaemia|anesthetic anaesthetic|
hemorrhage haemorrhage|pediatric paediatric|diarrhea diarrhoea|fetus foetus|analyze analyse|
analyzed analysed|paralyze paralyse|paralyzed paralysed|catalyze catalyse
"""
#: British forms the US and Canada also accept: never rewritten back.
_SHARED = frozenset({"towards"})
#: -ise words American and Canadian spelling write with -ize. The British direction is a rule
#: (any -ize but the exceptions below); this direction needs a list, because "promise",
#: "exercise" and "surprise" are -ise everywhere.
_ISE_STEMS = """
organ real recogn apolog emphas critic memorial euthan character summar author civil immun
public special familiar mobil final minim maxim priorit util visual categor symbol legal
hospital standard normal modern capital colon fertil steril steril neutral central terror
"""
_ISE_ENDINGS = ("ise", "ises", "ised", "ising", "isation", "isations", "iser", "isers")
#: Words ending in -ize that keep the z in British spelling too.
_IZE_KEPT = frozenset(
    "size prize seize capsize maize baize downsize resize oversize outsize supersize assize".split()
)
_IZE = r"\b([A-Za-z]{2,})iz(e|es|ed|ing|ation|ations|er|ers)\b"

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
#: "January 27", "Jan 29-30", "January 29 and 30, 1925", "February 2, 1925"; a month already
#: after its day ("27 January") is left alone.
_DATE = (
    rf"(?<!\d )\b({_MONTHS}) (\d{{1,2}})(?:st|nd|rd|th)?"
    r"(?:(\s?(?:-|–|to|and)\s?)(\d{1,2})(?:st|nd|rd|th)?)?(?:,? (\d{4}))?\b"
)
#: Protected spans: URLs and double-quoted text (titles, quotations).
_PROTECTED = r"https?://\S+|\"[^\"]*\"|“[^”]*”"

_SMALL = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    word: 10 * (value + 2)
    for value, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
#: A number as written before a unit: digits ("1,000", "9.5") or words ("six hundred").
_NUMBER_WORD = "|".join([*_SMALL, *_TENS, "hundred", "thousand", "a", "and"])
_NUMBER = (
    rf"\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:(?:{_NUMBER_WORD})[ -])*"
    rf"(?:{'|'.join([*_SMALL, *_TENS, 'hundred', 'thousand'])})"
)
#: "674 miles", "a 630-mile race", "52 mi"; "50 to 80 miles" converts both ends.
_DISTANCE = (
    rf"\b(?:({_NUMBER})(-| to ))?({_NUMBER})(-| )(miles|mile|mi)\b"
    r"(?!-an-hour|-a-|-per| an hour| per hour)"
)
_SPEED = (
    rf"\b(?:({_NUMBER})(-| to ))?({_NUMBER})"
    r"( mph\b| miles an hour\b| miles per hour\b|-mile-an-hour\b| mile-an-hour\b)"
)
_MINUS_DEGREES = r"\b(?:minus (\d+) to )?minus (\d+) degrees(?: Fahrenheit)?+(?! Celsius)"
#: "60 below zero", "40 to nearly 60 below zero", "the thermometer read 62 below."
_BELOW_ZERO = (
    r"\b(?:(\d+) to (?:nearly |about |almost )?)?(\d+) (?:degrees )?below(?: zero\b|(?=[.,;]))"
    r"( Fahrenheit)?+"
)
_CARD_F = r"(?<![\w.])(~?-?\d+)(?: to (-?\d+))? ?F\b"


def localise(text: str, locale: str | None) -> str:
    """``text`` as a listener in ``locale`` expects it (unchanged for unknown locales)."""
    region = REGIONS.get(locale) if locale else None
    if region is None or not text:
        return text
    return _localised(text, region)


#: Punctuation to spaces, so ``str.split`` yields bare words for the spelling table lookup.
_SEPARATORS = str.maketrans({c: " " for c in ".,;:!?()[]{}\"'“”‘’—–-/\n\t"})
_MONTH_WORDS = tuple(_MONTHS.split("|"))


@functools.lru_cache(maxsize=4096)
def _localised(text: str, region: Region) -> str:
    """:func:`localise` for a known region, cached: the same sentences come back all the time."""
    table, phrases = _spelling(region.spelling)
    words = set(text.translate(_SEPARATORS).lower().split())
    respell = sorted(words.intersection(table), key=len, reverse=True)
    respell += [phrase for phrase in phrases if phrase in text.lower()]
    steps: list[Callable[[str], str]] = []
    if respell:
        pattern = r"\b(" + "|".join(re.escape(w) for w in respell) + r")\b"
        steps.append(lambda t: re.sub(pattern, lambda m: _respelled(m, table), t, flags=re.I))
    if region.spelling == "uk" and "iz" in text:
        steps.append(lambda t: re.sub(_IZE, _ise, t))
    if region.day_first and any(month in text for month in _MONTH_WORDS):
        steps.append(lambda t: re.sub(_DATE, _day_first, t))
    if region.kilometres and ("mi" in text or "mph" in text):
        steps.append(lambda t: re.sub(_DISTANCE, _kilometres, re.sub(_SPEED, _kmh, t)))
    if region.celsius and ("minus" in text or "below zero" in text or "F" in text):
        steps.append(_to_celsius)
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


def _apply(steps: list[Callable[[str], str]], text: str) -> str:
    for step in steps:
        if text:
            text = step(text)
    return text


def _to_celsius(text: str) -> str:
    text = re.sub(_MINUS_DEGREES, _celsius_words, text)
    text = re.sub(_BELOW_ZERO, _celsius_below_zero, text)
    return re.sub(_CARD_F, _celsius_card, text)


@functools.cache
def _spelling(spelling: str) -> tuple[dict[str, str], tuple[str, ...]]:
    """(single word -> respelling, multi-word phrases to look for) for one spelling system."""
    common, uk_only = _table(_COMMON), _table(_UK_ONLY)
    back = {uk: us for us, uk in {**common, **uk_only}.items() if uk not in _SHARED}
    ise = {
        f"{stem}{ending}": f"{stem}{ending.replace('is', 'iz', 1)}"
        for stem in _ISE_STEMS.split()
        for ending in _ISE_ENDINGS
    }
    if spelling == "uk":
        table = {**common, **uk_only}
    elif spelling == "ca":
        table = {**common, **{uk: us for uk, us in back.items() if uk not in common.values()},
                 **ise}
    else:
        table = {**back, **ise}
    return table, tuple(word for word in table if " " in word)


def _table(pairs: str) -> dict[str, str]:
    """ "us uk|us uk|..." -> {us: uk}; the British form may have a space ("per cent")."""
    entries = (pair.strip().split(" ", 1) for pair in " ".join(pairs.split()).split("|"))
    return {us: uk for us, uk in entries}


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


def _day_first(match: re.Match[str]) -> str:
    month, day, joiner, last_day, year = match.groups()
    if int(day) > 31 or (last_day and int(last_day) > 31):
        return match.group(0)
    days = f"{day}{joiner}{last_day}" if last_day else day
    return f"{days} {month}" + (f" {year}" if year else "")


def _number(text: str) -> float | None:
    """The value of "1,000", "9.5", "eighty", "six hundred", "a hundred and fifty"."""
    digits = text.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        pass
    total = current = 0
    for word in text.replace("-", " ").split():
        if word in _SMALL:
            current += _SMALL[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif word not in ("a", "and"):
            return None
    return float(total + current)


def _rounded(value: float) -> str:
    """A converted figure rounded as the original was meant: approximately."""
    if value >= 1000:
        value = round(value / 10) * 10
    elif value >= 100:
        value = round(value / 5) * 5
    return f"{round(value):,}"


def _converted(match: re.Match[str], low_text: str | None, high_text: str) -> str | None:
    """ "130" or "80 to 130" kilometres for a matched mile figure (or range); None if unreadable.

    None too when a conversion already follows, so rewriting twice changes nothing.
    """
    high = _number(high_text)
    low = _number(low_text) if low_text else None
    if high is None or high == 0 or (low_text and low is None):
        return None
    if _converted_already(match):
        return None
    converted = _rounded(high * 1.609344)
    if low is not None:
        converted = f"{_rounded(low * 1.609344)} to {converted}"
    return converted


#: A conversion this module wrote: " (about 420 kilometres)", " (84 km)", " (-40 C)", ...
_WRITTEN = (
    r" \((?:about )?[\d,]+(?: to [\d,]+)?[ -](?:km|kilometre)"
    r"| \((?:minus )?~?-?\d+(?: to (?:minus )?-?\d+)?(?: C\)| degrees Celsius)"
)


def _converted_already(match: re.Match[str]) -> bool:
    """True when the figure is already followed by its conversion (rewriting twice is a no-op)."""
    return re.match(_WRITTEN, match.string[match.end() :]) is not None


def _kilometres(match: re.Match[str]) -> str:
    low, _, high, joiner, unit = match.groups()
    km = _converted(match, low, high)
    if km is None:
        return match.group(0)
    if unit == "mi":
        return f"{match.group(0)} ({km} km)"
    if joiner == "-" and not low:
        return f"{match.group(0)} ({km}-kilometre)"
    return f"{match.group(0)} (about {km} kilometres)"


def _kmh(match: re.Match[str]) -> str:
    low, _, high, unit = match.groups()
    kmh = _converted(match, low, high)
    if kmh is None:
        return match.group(0)
    if unit.strip() == "mph":
        return f"{match.group(0)} ({kmh} km/h)"
    if "mile-" in unit:
        return f"{match.group(0)} ({kmh}-kilometre-an-hour)"
    return f"{match.group(0)} (about {kmh} kilometres an hour)"


def _celsius(fahrenheit: float) -> int:
    return round((fahrenheit - 32) * 5 / 9)


def _spoken_celsius(value: int) -> str:
    return f"minus {-value}" if value < 0 else str(value)


def _celsius_words(match: re.Match[str]) -> str:
    first, second = match.group(1), match.group(2)
    if _converted_already(match):
        return match.group(0)
    celsius = _spoken_celsius(_celsius(-int(second)))
    if first:
        celsius = f"{_spoken_celsius(_celsius(-int(first)))} to {celsius}"
        return f"minus {first} to minus {second} degrees Fahrenheit ({celsius} degrees Celsius)"
    return f"minus {second} degrees Fahrenheit ({celsius} degrees Celsius)"


def _celsius_below_zero(match: re.Match[str]) -> str:
    first, second = match.group(1), match.group(2)
    if _converted_already(match):
        return match.group(0)
    said = match.group(0) if match.group(3) else f"{match.group(0)} Fahrenheit"
    celsius = _spoken_celsius(_celsius(-int(second)))
    if first:
        celsius = f"{_spoken_celsius(_celsius(-int(first)))} to {celsius}"
    return f"{said} ({celsius} degrees Celsius)"


def _celsius_card(match: re.Match[str]) -> str:
    first, second = match.group(1), match.group(2)
    if _converted_already(match):
        return match.group(0)
    approximate = first.startswith("~")
    low = _celsius(float(first.lstrip("~")))
    if second is None:
        return f"{match.group(0)} ({'~' if approximate else ''}{low} C)"
    return f"{match.group(0)} ({low} to {_celsius(float(second))} C)"
