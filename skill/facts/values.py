"""Reading the values facts record for their relations: ordering them and checking a claim.

A value (see :attr:`skill.facts.model.Fact.answers`) is a date string ("1933", "1933-03-14"), a
number, an entity id or a word, a boolean, ``{"v": main, "alt": [...]}`` when sources disagree,
or ``{"min": a, "max": b}`` for a range. Pure: standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Any

from skill.text.numbers import BELOW_ZERO

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")

#: When the relay began: the first musher left Nenana on the night of 27 January 1925.
SERUM_RUN_START = (1925, 1, 27)


def main(value: Any) -> Any:
    """The main reading of a value (the first of disputed ones; a range stays a range)."""
    return value["v"] if isinstance(value, dict) and "v" in value else value


def readings(value: Any) -> list[Any]:
    """Every reading a source gives: the main one first, then the disputed alternatives."""
    if isinstance(value, dict) and "v" in value:
        return [value["v"], *value["alt"]]
    return [value]


def same(first: Any, second: Any) -> bool:
    """Whether two recorded values order the same (a tie: neither is more)."""
    key = sort_key(first)
    return key is not None and key == sort_key(second)


def sort_key(value: Any) -> float | None:
    """A number to order by (dates as year + fraction; ranges by their middle), or None."""
    value = main(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, dict):
        return float((value["min"] + value["max"]) / 2)
    if isinstance(value, str):
        match = _DATE.match(value)
        if match:
            year, month, day = match.groups()
            return int(year) + (int(month or 1) - 1) / 12 + (int(day or 1) - 1) / 372
    return None


def year_of(value: Any) -> int | None:
    """The year of a date value."""
    value = main(value)
    match = _DATE.match(value) if isinstance(value, str) else None
    return int(match.group(1)) if match else None


def age_on(value: Any, year: int, month: int, day: int) -> tuple[int, bool] | None:
    """Age on a day from a recorded birth date, and whether it is exact: a birth year alone
    leaves the birthday unknown, so the age could be one less."""
    value = main(value)
    match = _DATE.match(value) if isinstance(value, str) else None
    if match is None:
        return None
    born_year, born_month, born_day = match.groups()
    if born_month is None or born_day is None:
        return year - int(born_year), False
    before_birthday = (month, day) < (int(born_month), int(born_day))
    return year - int(born_year) - int(before_birthday), True


def is_comparable(value: Any) -> bool:
    """Whether the value can take part in a comparison."""
    return sort_key(value) is not None


def claim_matches(value: Any, said_entities: Collection[str], said_words: Collection[str],
                  said_numbers: Collection[str], sentence: Sequence[str] = ()) -> bool | None:
    """Whether what the question says agrees with the recorded value (None: it says nothing
    the value can be checked against).

    An entity named in the question is checked against an entity value, a word against a word
    value ("norway"), a number or year against a number or date (any reading a source gives);
    "more than", "over", "less than", "under" before the number compare instead of matching.
    """
    options = readings(value)
    bound = _bound(sentence)
    if bound is not None and sort_key(options[0]) is not None and year_of(options[0]) is None:
        op, number = bound
        # (true of any reading: "disputed" where the main one is not, see verdicts._verdict)
        return any(_COMPARE[op](float(value), number)
                   for value in map(sort_key, options) if value is not None)
    if any(isinstance(option, bool) for option in options):
        return None
    near = roughly(sentence)
    if any(_option_said(option, said_entities, said_words, said_numbers, near)
           for option in options):
        return True
    first = options[0]
    if isinstance(first, str) and not _DATE.match(first):
        return False if said_entities else None
    if sort_key(first) is not None and said_numbers:
        return False
    return None


def _option_said(option: Any, said_entities: Collection[str], said_words: Collection[str],
                 said_numbers: Collection[str], near: bool = False) -> bool:
    """Whether the question says this one reading of a value."""
    if isinstance(option, str) and not _DATE.match(option):
        words = option.lower().split()
        if option in said_entities or (words and all(w in said_words for w in words)):
            return True
    number = sort_key(option)
    if number is None or not said_numbers:
        return False
    year = year_of(option)
    return any(_same_number(n, number, year, option, near) for n in said_numbers)


_MORE = ("more than", "over", "longer than", "farther than", "further than",
         "above", "greater than", "past", "beyond")
_LESS = ("less than", "under", "fewer than", "shorter than", "below")
#: Bounds that take the number itself in: "at least 20", "down to minus 60" (that cold or
#: colder).
_AT_LEAST = ("at least",)
_AT_MOST = ("at most", "down to", "as low as", "as cold as")
_COMPARE = {">": float.__gt__, "<": float.__lt__, ">=": float.__ge__, "<=": float.__le__}
#: A number said below zero: "minus 62".
_BELOW_ZERO = re.compile(rf"\b(?:{'|'.join(BELOW_ZERO)}) (?=\d)")


def _bound(sentence: Sequence[str]) -> tuple[str, float] | None:
    """(">", "<", ">=" or "<=", number) when the question bounds a number ("more than
    600")."""
    text = _BELOW_ZERO.sub("-", " ".join(sentence))
    for phrases, op in ((_MORE, ">"), (_LESS, "<"), (_AT_LEAST, ">="), (_AT_MOST, "<=")):
        for phrase in phrases:
            match = re.search(rf"\b{phrase} (?:like |about |around )?(-?\d+(?:\.\d+)?)\b", text)
            if match:
                return op, float(match.group(1))
    return None


def _same_number(said: str, number: float, year: int | None, option: Any,
                 near: bool = False) -> bool:
    """Whether a number said is the value: the same, or, said as roughly so ("about 260"
    miles of 261), within a twentieth of it."""
    try:
        spoken = float(said)
    except ValueError:
        return False
    if year is not None:
        return int(spoken) == year
    if isinstance(option, dict):
        return bool(option["min"] <= spoken <= option["max"])
    tolerance = abs(number) * NEAR if near else 0.0
    return abs(spoken - number) < max(0.5, tolerance)


#: How far a number said as roughly so may be from the value.
NEAR = 0.05
#: Words saying a number is roughly so.
_ROUGHLY = frozenset("about around roughly approximately nearly almost like some".split())


def roughly(sentence: Sequence[str]) -> bool:
    """Whether the words say a number only roughly ("about 260", "like sixty below")."""
    return any(w in _ROUGHLY and i + 1 < len(sentence) and sentence[i + 1][:1].isdigit()
               for i, w in enumerate(sentence))
