"""Content terms: what the fact ranker matches and the NLU counts as meaningful words."""

from __future__ import annotations

from skill.text.normalise import FILLERS, plain_words
from skill.text.numbers import UNITS, fold_dates, fold_numbers
from skill.text.vocabulary import IRREGULAR, QUESTION_WORDS, STOPWORDS, stem

#: Small number words as digits, so "two dogs" in a question meets "2 dogs" in a fact.
_SMALL_NUMBERS = {word: str(value) for word, value in UNITS.items() if word != "oh"}
_SMALL_NUMBERS.update({"twenty": "20"})


def content_words(words: list[str]) -> list[str]:
    """Words that are neither stop words, question words nor fillers (no stemming)."""
    return [w for w in words if w not in STOPWORDS and w not in QUESTION_WORDS
            and w not in FILLERS]


def content_terms(text: str) -> list[str]:
    """Stemmed content words with spoken numbers and dates as digits, in order.

    A decimal counts as its parts ("127.5" -> "127", "5"): a question says "127 and a half".
    """
    words = fold_numbers(fold_dates(plain_words(text)))
    if any("." in w for w in words):
        words = [part for w in words for part in w.split(".") if part]
    return [
        stem(_SMALL_NUMBERS.get(w) or IRREGULAR.get(w, w))
        for w in words
        if w not in STOPWORDS and w not in QUESTION_WORDS
    ]
