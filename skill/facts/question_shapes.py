"""The shapes of questions: which aspect a question asks about, and who-/which-dog questions.

Kept as regular-expression source text and compiled on the first question that may need
each (:func:`question_patterns`, :func:`aspects_in`), as docs/DESIGN.md's cold-start rules ask
(~2 ms at import).
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

#: Words at least one of which each shape's pattern needs (every alternative of the pattern
#: holds one of them): a question with none of them cannot match it, so the pattern is neither
#: compiled nor searched for it. A cold start then compiles only the shapes its first question
#: may have (about 1.4 ms for all of them); ``test_question_shapes`` checks the words against
#: the patterns on every question of the shipped sets.
_ASPECT_WORDS: dict[str, tuple[str, ...]] = {
    "where_now": ("museum", "where", "display", "remains", "body", "today"),
    "distance": ("far", "furthest", "longest", "mile", "distance", "how long"),
    "duration": ("how long", "hour", "day", "how quick", "how fast"),
    "when": ("when", "year", "date", "day", "time", "month", "born"),
    "why": ("why", "how come", "reason", "because"),
    "how_many": ("how many", "how much", "number of"),
    "death": ("die", "death", "dead", "pass", "put down", "euthani"),
    "temperature": ("cold", "temperature", "degree", "freezing", "weather", "wind chill",
                    "blizzard"),
    "breed": ("breed", "kind of dog", "type of dog", "wolf", "dna", "genetic"),
    "film": ("movie", "film", "cartoon", "disney", "animated"),
    "later_life": ("after", "later", "retire", "what happened", "what became", "rest of"),
    "controversy": ("controvers", "credit", "deserve", "real hero", "unsung", "fair",
                    "overrated", "rivalry"),
    "role": ("lead dog", "what did", "role", "job"),
    "where": ("where",),
    "identity": ("who", "about", "what", "know"),
}
_compiled_shapes: dict[str, re.Pattern[str]] = {}
_compiled_patterns: tuple[re.Pattern[str], re.Pattern[str]] | None = None


def question_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The "who ..." and "which dog ..." patterns, compiled once on first use.

    Two threads asking the first question at once compile identical copies; either is kept."""
    global _compiled_patterns
    if _compiled_patterns is None:
        _compiled_patterns = (re.compile(_WHO_PATTERN), re.compile(_WHICH_DOG_PATTERN))
    return _compiled_patterns


def aspects_in(text: str) -> frozenset[str]:
    """The aspects whose shapes the (plain, lower-case) question has; each shape's pattern is
    compiled the first time a question holds one of the words it needs."""
    found = []
    for aspect, source in _ASPECT_SOURCES:
        if not any(word in text for word in _ASPECT_WORDS[aspect]):
            continue
        pattern = _compiled_shapes.get(aspect)
        if pattern is None:
            pattern = _compiled_shapes.setdefault(aspect, re.compile(source))
        if pattern.search(text):
            found.append(aspect)
    return frozenset(found)


def aspects_by_every_pattern(text: str) -> frozenset[str]:
    """The same as :func:`aspects_in`, searching every pattern (for tests of its words)."""
    return frozenset(a for a, source in _ASPECT_SOURCES if re.search(source, text))
