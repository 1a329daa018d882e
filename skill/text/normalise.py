"""Normalising spoken and typed text: case, accents, apostrophes, punctuation, length.

Speech recognition hands a skill lower-case words without punctuation; typed text (the
simulator, tests) has capitals, commas, apostrophes and digits. Both meet here.
"""

from __future__ import annotations

import re
import unicodedata

#: Longer than any question a person speaks in one breath (the longest in the project's blind
#: sets is under 250 characters); anything past it is cut before any other work is done.
MAX_SPOKEN_CHARS = 400

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})
#: Everything but letters, digits, apostrophes, periods and spaces becomes a space.
_NOT_WORD = re.compile(r"[^a-z0-9'.\s]+")
#: A period that is not a decimal point between two digits.
_STRAY_PERIOD = re.compile(r"(?<!\d)\.|\.(?!\d)")

#: Contractions as speech recognition writes them without the apostrophe.
CONTRACTIONS: dict[str, str] = {
    "whats": "what is", "whos": "who is", "wheres": "where is", "whens": "when is",
    "hows": "how is", "whys": "why is", "whatre": "what are", "what's": "what is",
    "who's": "who is", "where's": "where is", "when's": "when is", "how's": "how is",
    "why's": "why is",
    # "'d" after a question word is "did" far more often than "would" ("why'd they name him")
    "whyd": "why did", "howd": "how did", "whered": "where did", "whatd": "what did",
    "whend": "when did", "why'd": "why did", "how'd": "how did", "where'd": "where did",
    "what'd": "what did", "when'd": "when did",
    # (without the apostrophe "we're" would be "were" and "we'll" "well": other words)
    "we're": "we are", "they're": "they are", "you're": "you are", "we'll": "we will",
    "we've": "we have",
}

#: Hesitations speech recognition may transcribe, and "please"; dropped wherever they occur.
HESITATIONS: frozenset[str] = frozenset(
    {"um", "umm", "uh", "uhh", "er", "erm", "hmm", "hm", "ah", "mm", "please"}
)

#: Politeness and discourse words; dropped only at the start or end of an utterance, since in
#: the middle they can carry meaning.
EDGE_FILLERS: frozenset[str] = frozenset(
    {"pls", "alexa", "hey", "ok", "okay", "so", "well", "actually", "just", "thanks", "oh",
     "and", "also"}
)

FILLERS: frozenset[str] = HESITATIONS | EDGE_FILLERS


def clip(text: str, limit: int = MAX_SPOKEN_CHARS) -> str:
    """The text cut to ``limit`` characters, at a word boundary where there is one."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return cut[:space] if space > limit // 2 else cut


def normalise(text: str) -> str:
    """Clipped, lower-case, accent-free words separated by single spaces.

    Apostrophes inside words are kept ("what's" stays one token, as Alexa transcribes it), and
    so is a decimal point between digits ("1.1 million"); other punctuation, hyphens included,
    separates words.
    """
    text = clip(text)
    if not text.isascii():  # accents off ("Sámi" -> "sami"); spoken text rarely has any
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _NOT_WORD.sub(" ", text.translate(_APOSTROPHES).lower())
    words = (w.strip("'") for w in _STRAY_PERIOD.sub(" ", text).split())
    return " ".join(w for w in words if w)


def plain_words(text: str) -> list[str]:
    """Normalised words with contractions expanded and apostrophes gone ("balto's" -> "baltos",
    as speech recognition writes it).

    The form the fact ranker and question understanding compare; the stemmer takes the "s".
    """
    words = normalise(text).split()
    if any(w in CONTRACTIONS for w in words):
        words = " ".join(CONTRACTIONS.get(w, w) for w in words).split()
    if not any("'" in w for w in words):
        return words  # the common case (spoken text has no apostrophes)
    return [w for w in (w.replace("'", "") for w in words) if w]


def strip_fillers(words: list[str]) -> list[str]:
    """Drop hesitations anywhere and politeness words (and "thank you") at the edges."""
    kept = [w for w in words if w not in HESITATIONS]
    start, end = 0, len(kept)
    while True:
        if start < end and kept[start] in EDGE_FILLERS:
            start += 1
        elif start < end and kept[end - 1] in EDGE_FILLERS:
            end -= 1
        elif end - start > 2 and kept[end - 2:end] == ["thank", "you"]:
            end -= 2
        else:
            return kept[start:end]
