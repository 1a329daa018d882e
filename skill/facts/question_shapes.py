"""The shapes of questions: which aspect a question asks about, and who-/which-dog questions.

Kept as regular-expression source text and compiled on the first question
(:func:`question_patterns`), as docs/DESIGN.md's cold-start rules ask (~2 ms at import).
"""

from __future__ import annotations

import re

#: Shapes so general that a question naming only an entity is still asking who or what it is.
GENERIC_ASPECTS = frozenset({"identity", "role", "what"})
FILM_TERM = "film"  # the lexicon's head word for movie, cartoon, directed, ...
#: "which dog ran the farthest", "the dog that ...": a fact led by a dog answers it.
_WHICH_DOG_PATTERN = r"^(which|what) dogs?\b|\b(the|which) dog (that|who|which)\b"
_WHO_PATTERN = (
    r"^(who|whose|whom|whos)\b|^(which|what) (doctor|musher|driver|man|woman|person|people|mayor|"
    r"governor|sculptor|actor|actress|director|author|singer)s?\b"
)

PRONOUNS = frozenset("he him his she her it its they them their this that".split())

#: Question shapes. Order matters only for explanation output; all matching aspects count.
_ASPECT_SOURCES: tuple[tuple[str, str], ...] = (
    ("where_now", (
        r"\b(what|which) museum\b|"
        r"\bwhere (is|are|can i (see|find|visit)|can you see|do i see)\b.*"
        r"\b(now|today|these days|nowadays|kept|displayed|buried|body|remains)\b|"
        r"\b(on display|remains|body now|see (him|her|balto|togo) today)\b|"
        r"\bwhere can i see\b|\bwhere (is|are) .* (kept|displayed)\b"
    )),
    ("distance", (
        r"\bhow (far|long a distance)\b|\bfar(thest|ther)\b|\bfurthest\b|"
        r"\blongest (way|distance|run|part|stretch)\b|\bhow many miles\b|\bmiles?\b|"
        r"\bdistance\b|"
        r"\bhow long (was|is) (the|his|her|that|their) "
        r"(trail|route|run|leg|relay|trip|journey|stretch|stage)\b"
    )),
    ("duration", (
        r"\bhow long did\b|\bhow many (hours|days)\b|\bhow long (was|did) .* take\b|"
        r"\bhow (quick|fast)\b|\bhours?\b|\bdays? did\b"
    )),
    ("when", (
        r"\bwhen\b|\bwhat (year|date|day|time|month)\b|\bwhich (year|date|day)\b|"
        r"\bwhat time\b|\bborn\b"
    )),
    ("why", r"\bwhy\b|\bhow come\b|\breason\b|\bbecause\b"),
    ("how_many", r"\bhow many\b(?! miles)|\bhow much\b|\bnumber of\b"),
    ("death", r"\bdie[ds]?\b|\bdeath\b|\bdead\b|\bpass(ed)? away\b|\bput down\b|\beuthani[sz]"),
    ("temperature", (
        r"\bcold(est)?\b|\btemperatures?\b|\bdegrees\b|\bfreezing\b|\bweather\b|"
        r"\bwind chill\b|\bblizzard\b"
    )),
    ("breed", r"\bbreed\b|\bkind of dog\b|\btype of dog\b|\bwolf\b|\bdna\b|\bgenetic"),
    ("film", r"\bmovies?\b|\bfilms?\b|\bcartoon\b|\bdisney\b|\banimated\b"),
    ("later_life", (
        r"\bafter(wards)?\b|\blater\b|\bretire|\bwhat (happened|became) (to|of)\b|"
        r"\brest of (his|her) life\b"
    )),
    ("controversy", (
        r"\bcontrovers|\bcredit\b|\bdeserve|\breal hero\b|\bunsung\b|\bfair\b|"
        r"\boverrated\b|\brivalry\b"
    )),
    ("role", r"\blead dog\b|\bwhat did .* do\b|\brole\b|\bjob\b"),
    ("where", r"\bwhere\b"),
    ("identity", (
        r"^(who (was|is|were|are)|(tell me )?about|what (was|is|were|are)|do you know( about)?|"
        r"what do you know about|who's)\b"
    )),
)

_Patterns = tuple[re.Pattern[str], re.Pattern[str], tuple[tuple[str, re.Pattern[str]], ...]]
_compiled_patterns: _Patterns | None = None


def question_patterns() -> _Patterns:
    """The "who ...", "which dog ..." and aspect patterns, compiled once on first use.

    Two threads asking the first question at once compile identical copies; either is kept."""
    global _compiled_patterns
    if _compiled_patterns is None:
        _compiled_patterns = (
            re.compile(_WHO_PATTERN),
            re.compile(_WHICH_DOG_PATTERN),
            tuple((aspect, re.compile(pattern)) for aspect, pattern in _ASPECT_SOURCES),
        )
    return _compiled_patterns
