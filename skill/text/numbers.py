"""Spoken numbers: cardinals, ordinals, years and dates, as words or digits.

Alexa delivers "twenty one" as the AMAZON.NUMBER value "21"; the simulator does the same, the
ranker folds number words in questions into digits to meet the fact text, and the story reads
chapter numbers. Every parser here is bounded: a run of more than :data:`MAX_NUMBER_WORDS`
number words is not a number anyone says, so it is left as words (no quadratic work, no
thousand-digit integers).
"""

from __future__ import annotations

import re

#: "one thousand nine hundred and twenty five" is 7 words; nobody says a longer number.
MAX_NUMBER_WORDS = 10

UNITS: dict[str, int] = {
    "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

ORDINAL_UNITS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19,
}
ORDINAL_TENS: dict[str, int] = {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}
ORDINAL_SCALES: dict[str, int] = {"hundredth": 100, "thousandth": 1000}
_DAY_ORDINALS = {**ORDINAL_UNITS, "twentieth": 20, "thirtieth": 30}

MONTHS: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)

#: Every word that can be part of a spoken cardinal (not "a", "and", "oh" on their own).
NUMBER_WORDS: frozenset[str] = frozenset({*UNITS, *TENS, *SCALES} - {"oh"})

_NUMBER_PARTS = sorted({*UNITS, *TENS, *SCALES, "a", "and"} - {"oh"}, key=len, reverse=True)
_ORDINAL_WORDS = sorted({*ORDINAL_UNITS, *ORDINAL_TENS, *ORDINAL_SCALES}, key=len, reverse=True)
_CARDINAL_START = sorted({*UNITS, *TENS} - {"oh"}, key=len, reverse=True)

#: Words that put the number after them below zero ("minus 62").
BELOW_ZERO: tuple[str, ...] = ("minus", "negative")

#: Regex fragment for a spoken or written cardinal ("21", "twenty one", "minus three").
NUMBER_PATTERN: str = (
    rf"(?:(?:{'|'.join(BELOW_ZERO)}) )?(?:\d+(?:\.\d+)?|(?:"
    + "|".join(_CARDINAL_START)
    + r")(?: (?:"
    + "|".join(_NUMBER_PARTS)
    + r"))*)"
)

#: Regex fragment for an ordinal ("first", "twenty first", "21st", "hundredth").
ORDINAL_PATTERN: str = (
    r"(?:\d+(?:st|nd|rd|th)|(?:(?:" + "|".join(_NUMBER_PARTS) + r") )*(?:"
    + "|".join(_ORDINAL_WORDS) + r"))"
)

_DIGITS = re.compile(r"^-?\d{1,15}(?:\.\d{1,6})?$")
_ORDINAL_DIGITS = re.compile(r"^(\d{1,6})(?:st|nd|rd|th)$")


def _words_to_int(words: list[str]) -> int | None:
    """Sum spoken number words; None when a word is not part of a number."""
    total = 0
    current = 0
    seen = False
    for word in words:
        if word in ("and", "a"):
            if word == "a" and seen:
                return None
            if word == "a":
                current = 1
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _year_style(words: list[str]) -> int | None:
    """ "nineteen twenty five" -> 1925: two spoken pairs, as people say years."""
    for split in range(1, len(words)):
        head = _words_to_int(words[:split])
        tail = _words_to_int(words[split:])
        if head is None or tail is None:
            continue
        if 10 <= head <= 99 and 10 <= tail <= 99 and "hundred" not in words:
            return head * 100 + tail
        if 10 <= head <= 99 and 1 <= tail <= 9 and words[split - 1] != "hundred" and (
            words[split] == "oh"
        ):
            return head * 100 + tail
    return None


def parse_number(text: str) -> int | float | None:
    """A cardinal spoken as digits or words; None when it is not a number (or too long to be
    one someone says)."""
    text = text.strip()
    if not text:
        return None
    negative = False
    for prefix in ("minus ", "negative "):
        if text.startswith(prefix):
            negative = True
            text = text[len(prefix):]
    if _DIGITS.match(text):
        value: int | float = float(text) if "." in text else int(text)
        return -value if negative else value
    words = text.split()
    if len(words) > MAX_NUMBER_WORDS:
        return None
    value_int = _year_style(words)
    if value_int is None:
        if "oh" in words:
            return None
        value_int = _words_to_int(words)
    if value_int is None:
        return None
    return -value_int if negative else value_int


def parse_ordinal(text: str) -> int | None:
    """An ordinal ("third", "twenty first", "21st"); None when it is not one."""
    text = text.strip()
    match = _ORDINAL_DIGITS.match(text)
    if match:
        return int(match.group(1))
    words = text.split()
    if not words or len(words) > MAX_NUMBER_WORDS:
        return None
    last = words[-1]
    if last in ORDINAL_UNITS:
        tail = ORDINAL_UNITS[last]
    elif last in ORDINAL_TENS:
        tail = ORDINAL_TENS[last]
    elif last in ORDINAL_SCALES:
        head = _words_to_int(words[:-1]) if words[:-1] else 1
        return None if head is None else head * ORDINAL_SCALES[last]
    else:
        return None
    if len(words) == 1:
        return tail
    head = _words_to_int(words[:-1])
    return None if head is None else head + tail


#: Days of the year said by name, longest first, as the month and day they fall on (only
#: those on the same date every year: Easter and Thanksgiving move).
_NAMED_DAYS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = tuple(sorted((
    (tuple(name.split()), tuple(day.split())) for name, day in (
        ("valentines day", "february 14"), ("valentines", "february 14"),
        ("christmas day", "december 25"), ("christmas", "december 25"),
        ("christmas eve", "december 24"), ("new years day", "january 1"),
        ("new years eve", "december 31"), ("halloween", "october 31"),
        ("fourth of july", "july 4"), ("independence day", "july 4"))),
    key=lambda entry: -len(entry[0])))


def _named_day(words: list[str], i: int) -> tuple[tuple[str, ...], int] | None:
    """The month and day a named day at ``i`` falls on, and how many words named it."""
    for name, day in _NAMED_DAYS:
        if tuple(words[i:i + len(name)]) == name:
            return day, len(name)
    return None


def fold_dates(words: list[str]) -> list[str]:
    """ "january twenty second" -> "january 22": spoken day ordinals after a month, as digits;
    a day said by name as its date ("christmas day" -> "december 25")."""
    out: list[str] = []
    i = 0
    while i < len(words):
        named = _named_day(words, i)
        if named is not None:
            out += named[0]
            i += named[1]
            continue
        out.append(words[i])
        if words[i] in MONTHS and i + 1 < len(words):
            tens = 20 if words[i + 1] == "twenty" else 30 if words[i + 1] == "thirty" else 0
            j = i + 2 if tens else i + 1
            day = _DAY_ORDINALS.get(words[j]) if j < len(words) else None
            if day is not None and (tens == 0 or day < 10):
                out.append(str(tens + day))
                i = j + 1
                continue
        i += 1
    return out


def fold_below_zero(words: list[str]) -> list[str]:
    """ "60 below (zero)", "60 degrees below" as "minus 60": a temperature, as the facts say
    it; not "60 below 70", a bound. Reads digits: fold the numbers first ("zero" is "0")."""
    out: list[str] = []
    i = 0
    while i < len(words):
        step = 2 if words[i + 1:i + 2] == ["degrees"] else 1
        after = words[i + step + 1:i + step + 2]
        zero = after in (["zero"], ["0"])
        if (words[i].isdigit() and words[i + step:i + step + 1] == ["below"]
                and (zero or not (after and after[0].isdigit()))):
            out += [BELOW_ZERO[0], words[i]]
            i += step + 1 + zero
            continue
        out.append(words[i])
        i += 1
    return out


def fold_numbers(words: list[str]) -> list[str]:
    """Spoken number runs as digits ("nineteen twenty five" -> "1925"), in one pass.

    Single small words ("one", "two", "three") are left alone: in questions they are rarely
    quantities. A run longer than :data:`MAX_NUMBER_WORDS` is left as it was said.
    """
    if NUMBER_WORDS.isdisjoint(words):
        return list(words)  # the common case
    out: list[str] = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and (words[j] in NUMBER_WORDS or (j > i and words[j] == "and")):
            j += 1
        while j > i and words[j - 1] == "and":
            j -= 1
        run = words[i:j]
        value = None
        if 0 < len(run) <= MAX_NUMBER_WORDS and (
                len(run) >= 2 or run[0] not in ("one", "two", "three")):
            value = parse_number(" ".join(run))
        if value is not None:
            out.append(str(int(value)) if float(value).is_integer() else str(value))
            i = j
        elif run:
            out.extend(run)  # not a number: keep the whole run, never re-scan it
            i = j
        else:
            out.append(words[i])
            i += 1
    return out
