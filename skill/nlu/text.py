"""Text normalisation shared by the model compiler and the matcher.

Speech recognition hands a skill lower-case words without punctuation; typed input has
capitals, commas, apostrophes and digits.  Everything the matcher compares goes through
:func:`normalize` so that samples and utterances meet on the same ground.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_NOT_WORD = re.compile(r"[^a-z0-9'.\s-]")
_SPACES = re.compile(r"\s+")

#: Hesitations speech recognition may transcribe, and "please"; dropped wherever they occur.
HESITATIONS: frozenset[str] = frozenset(
    {"um", "umm", "uh", "uhh", "er", "erm", "hmm", "hm", "ah", "mm", "please"}
)

#: Politeness and discourse words; dropped only at the start or end of an utterance, since
#: in the middle they can carry meaning ("tell me about now" is odd, "well" is a noun).
EDGE_FILLERS: frozenset[str] = frozenset(
    {"pls", "alexa", "hey", "ok", "okay", "so", "well", "actually", "just",
     "thanks", "oh", "and", "also"}
)

#: All filler words (for content-word counting).
FILLERS: frozenset[str] = HESITATIONS | EDGE_FILLERS

#: Function words ignored when deciding whether an utterance has any content.
STOPWORDS: frozenset[str] = frozenset(
    {"a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "is", "was", "were",
     "are", "be", "been", "it", "its", "me", "my", "i", "you", "your", "we", "us", "do",
     "did", "does", "that", "this", "there", "with", "about", "by", "from", "as", "can",
     "could", "would", "will", "tell", "what", "who", "whom", "when", "where", "why",
     "how", "which", "some", "any", "more", "please", "um", "uh", "so", "if", "then", "he",
     "she", "they", "them", "him", "her", "his", "hers", "their", "have", "has", "had",
     "not", "no", "yes", "just", "want", "know", "like"}
)


def normalize(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces.

    Apostrophes inside words are kept ("what's" stays one token, as Alexa transcribes it);
    periods are kept only inside tokens such as "1st." is not a thing, so "dr." becomes "dr".
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_APOSTROPHES).lower()
    text = _NOT_WORD.sub(" ", text)
    text = text.replace("-", " ")
    tokens = []
    for raw in _SPACES.split(text):
        token = raw.strip(".'")
        token = token.replace(".", "")
        if token:
            tokens.append(token)
    return " ".join(tokens)


def tokens(text: str) -> list[str]:
    """Split already-normalised text into tokens."""
    return text.split() if text else []


def strip_fillers(words: list[str]) -> list[str]:
    """Drop hesitations anywhere and politeness words (and "thank you") at the edges."""
    kept = [w for w in words if w not in HESITATIONS]
    changed = True
    while changed and kept:
        changed = False
        if kept[0] in EDGE_FILLERS:
            kept.pop(0)
            changed = True
        elif kept[-1] in EDGE_FILLERS:
            kept.pop()
            changed = True
        elif len(kept) > 2 and kept[-2:] == ["thank", "you"]:
            del kept[-2:]
            changed = True
    return kept


def stem(word: str) -> str:
    """A deliberately tiny plural/possessive stemmer: enough for "dogs"/"dog", "mushers"."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(words: list[str]) -> list[str]:
    """Words that are neither stopwords nor fillers."""
    return [w for w in words if w not in STOPWORDS and w not in FILLERS]


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, giving up (returning ``limit + 1``) once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        best = i
        for j, cb in enumerate(b, 1):
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            current.append(value)
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous = current
    return previous[-1]
