"""Dates and units for regional English: day-first dates, kilometres, Celsius.

Split from :mod:`skill.speech.regional` so an en-US response never loads it: only the first
response in a locale that writes dates or units differently imports this module. Every function
rewrites plain text and leaves a conversion it already wrote alone, so applying one twice changes
nothing. PURE: standard library and skill.text.numbers (the shared number words);
patterns compile through ``re``'s cache on first use.
"""

from __future__ import annotations

import re

from skill.text import numbers

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

#: A number as written before a unit: digits ("1,000", "9.5") or words ("six hundred").
#: (The words are the shared text pipeline's, skill.text.numbers, which also reads their value.)
_NUMBER_WORD = "|".join([*numbers.UNITS, *numbers.TENS, *numbers.SCALES, "a", "and"])
_NUMBER = (
    rf"\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:(?:{_NUMBER_WORD})[ -])*"
    rf"(?:{'|'.join([*numbers.UNITS, *numbers.TENS, *numbers.SCALES])})"
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


def day_first(text: str) -> str:
    """ "January 27, 1925" -> "27 January 1925" (and "Jan 29-30" -> "29-30 Jan")."""
    return re.sub(_DATE, _day_first, text)


def add_kilometres(text: str) -> str:
    """Kilometres after every distance in miles, km/h after every speed in miles an hour."""
    return re.sub(_DISTANCE, _kilometres, re.sub(_SPEED, _kmh, text))


def add_celsius(text: str) -> str:
    """Celsius after every Fahrenheit temperature ("minus 40 degrees", "60 below zero", "-40 F")."""
    text = re.sub(_MINUS_DEGREES, _celsius_words, text)
    text = re.sub(_BELOW_ZERO, _celsius_below_zero, text)
    return re.sub(_CARD_F, _celsius_card, text)



def _day_first(match: re.Match[str]) -> str:
    month, day, joiner, last_day, year = match.groups()
    if int(day) > 31 or (last_day and int(last_day) > 31):
        return match.group(0)
    days = f"{day}{joiner}{last_day}" if last_day else day
    return f"{days} {month}" + (f" {year}" if year else "")


def _number(text: str) -> float | None:
    """The value of "1,000", "9.5", "eighty", "six hundred", "a hundred and fifty"."""
    value = numbers.parse_number(text.replace(",", "").replace("-", " "))
    return None if value is None else float(value)


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
