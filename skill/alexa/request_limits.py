"""Shape limits for an incoming request envelope, shared by the web host and the Lambda entry.

Why: the envelope arrives from outside, and ask-sdk's (de)serializer and Python's ``json`` recurse
once per nesting level and convert numbers at a cost that grows with their length. Without limits
a body nested 10,000 deep raises ``RecursionError``, session attributes nested 600 deep overflow
the SDK's serializer on the way out, and a 5,000-digit integer trips Python's int-conversion guard:
each an HTTP 500 on the web host (and a traceback in the log). Alexa's own envelopes are about ten
levels deep and carry only small numbers, so the limits below are generous for real traffic and
stop the rest with a one-line reason.

``NaN``, ``Infinity`` and numbers that overflow a float are refused too: JSON has no such values,
and a session attribute holding one would be echoed back as invalid JSON in the response.

PURE: standard library only.
"""

from __future__ import annotations

import json
import math
from typing import Any

#: Deepest nesting accepted (objects and arrays); Alexa's envelopes use about ten levels.
MAX_DEPTH = 64
#: Most digits accepted in an integer; Alexa's numbers are millisecond timestamps at most.
MAX_INT_DIGITS = 40


class RequestShapeError(ValueError):
    """The envelope is outside the limits; the message is short and safe to show the caller."""


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise RequestShapeError(f"a number is longer than {MAX_INT_DIGITS} digits")
    return int(text)


def _parse_float(text: str) -> float:
    if len(text) > 2 * MAX_INT_DIGITS:
        raise RequestShapeError(f"a number is longer than {2 * MAX_INT_DIGITS} characters")
    value = float(text)
    if not math.isfinite(value):
        raise RequestShapeError("a number is too large")
    return value


def _refuse_constant(name: str) -> Any:
    raise RequestShapeError(f"{name} is not valid JSON")


def parse_envelope_json(text: str) -> Any:
    """``json.loads`` with the limits above; raises JSONDecodeError or RequestShapeError."""
    try:
        value = json.loads(
            text,
            parse_int=_parse_int,
            parse_float=_parse_float,
            parse_constant=_refuse_constant,
        )
    except RecursionError as exc:
        raise RequestShapeError(f"nested deeper than {MAX_DEPTH} levels") from exc
    check_shape(value)
    return value


_MAX_INT = 10**MAX_INT_DIGITS
_INFINITIES = (math.inf, -math.inf)


def check_shape(value: Any, limit: int = MAX_DEPTH) -> None:
    """Raise RequestShapeError when ``value`` nests deeper than ``limit`` or holds a bad number.

    For an envelope that is already a Python object (the Lambda runtime parsed it). It walks
    level by level, iteratively, so the check cannot overflow the stack whatever it is given,
    and it costs a few microseconds on an ordinary envelope (it runs on every Lambda request).
    """
    level = [value] if type(value) in (dict, list) else []
    depth = 0
    while level:
        depth += 1
        below: list[Any] = []
        for container in level:
            for child in container.values() if type(container) is dict else container:
                kind = type(child)
                if kind is dict or kind is list:
                    below.append(child)
                elif kind is int:
                    if not -_MAX_INT < child < _MAX_INT:
                        raise RequestShapeError(f"a number is longer than {MAX_INT_DIGITS} digits")
                elif kind is float and (child != child or child in _INFINITIES):
                    raise RequestShapeError("a number is not finite")
        if below and depth >= limit:
            raise RequestShapeError(f"nested deeper than {limit} levels")
        level = below
