"""Parts of the day a yes/no question claims ("did the serum get to nome *before sunrise*"),
and the hour a fact's words give a happening ("at about 5:30 in the morning").

Facts record dates as values but the hour only in their words, so a claim about the time of
day is checked against the one clock time a fact states. A part of the day holds for some
hours, fails for others, and is left undecided near its edges ("at night" of 5:30 in the
morning), where the fact is spoken without a yes or no.
"""

from __future__ import annotations

import re

from skill.records import Record


class PartOfDay(Record):
    """A part of the day as claimed: the hours it surely covers, those it surely does not
    (both as ``[start, end)`` ranges, wrapping past midnight when ``start > end``), and where
    its words stand in the text."""

    __slots__ = ()

    holds: tuple[tuple[float, float], ...]
    fails: tuple[tuple[float, float], ...]
    start: int
    end: int


_BEFORE_LIGHT = (((0.0, 7.0),), ((11.0, 24.0),))
_DAYTIME = (((10.0, 16.0),), ((19.0, 7.0),))
_NIGHT = (((22.0, 4.0),), ((8.0, 19.0),))

#: Each part of the day's words, with the hours it holds for and fails for. Nome's winter
#: dawn is late: "before sunrise" holds only well before seven and fails from late morning.
_PARTS: tuple[tuple[str, tuple[tuple[tuple[float, float], ...], ...]], ...] = (
    (r"before (?:the )?(?:sunrise|sun ?up|dawn|daylight|daybreak|first light|sun (?:came|comes|"
     r"was|had come) up)|in the dark", _BEFORE_LIGHT),
    (r"(?:in|during) the (?:early )?morning|in the early hours|early in the morning",
     (((4.0, 12.0),), ((13.0, 3.0),))),
    (r"(?:in|during) the afternoon", (((12.0, 18.0),), ((20.0, 11.0),))),
    (r"(?:in|during) the evening", (((18.0, 22.0),), ((0.0, 16.0),))),
    (r"(?:in|during) (?:the )?(?:daytime|daylight|day ?light|day time)|during the day|"
     r"(?:in )?the middle of the day|at (?:midday|noon|lunch ?time)|in broad daylight",
     _DAYTIME),
    (r"(?:at|in the|during the) (?:night|nighttime|night time)|in the middle of the night|"
     r"overnight", _NIGHT),
)
_PART = re.compile("|".join(f"(?P<p{i}>{words})" for i, (words, _) in enumerate(_PARTS)))

#: A clock time as facts say it ("5:30 in the morning", "10 at night", "9 p.m.").
_CLOCK = re.compile(
    r"\b(\d{1,2})(?::(\d\d))? ?(in the morning|in the afternoon|in the evening|at night|"
    r"a\.m\.|p\.m\.|am\b|pm\b)")
_AFTER_NOON = ("in the afternoon", "in the evening", "p.m.", "pm")


def part_claimed(text: str) -> PartOfDay | None:
    """The part of the day the words claim, if any."""
    found = _PART.search(text)
    if found is None or found.lastgroup is None:
        return None
    holds, fails = _PARTS[int(found.lastgroup[1:])][1]
    return PartOfDay(holds, fails, found.start(), found.end())


def clock_hour(text: str) -> float | None:
    """The hour (0-24) of the one clock time the words state; None for none or several."""
    times = _CLOCK.findall(text)
    if len(times) != 1:
        return None
    hour, minutes, part = times[0]
    value = int(hour) % 12 + int(minutes or 0) / 60
    if part in _AFTER_NOON or (part == "at night" and 6 <= int(hour) < 12):
        value += 12
    return value


def _within(hour: float, spans: tuple[tuple[float, float], ...]) -> bool:
    return any(start <= hour < end if start <= end else hour >= start or hour < end
               for start, end in spans)


def verdict(part: PartOfDay, hour: float) -> str | None:
    """ "yes", "no", or None near the part's edges."""
    if _within(hour, part.holds):
        return "yes"
    if _within(hour, part.fails):
        return "no"
    return None
