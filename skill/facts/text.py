"""Tiny text normalisation shared by the ranker (pure, stdlib only).

Speech recognition hands us lower-case words without punctuation; typed text may have both. The
same normalisation is applied to questions and to fact text so they meet in the middle.
"""

from __future__ import annotations

import re
from functools import lru_cache

from skill.nlu.numbers import parse_number

_NON_WORD = re.compile(r"[^a-z0-9' ]+")
_APOSTROPHE = re.compile(r"'s\b|'")

#: Words that carry no topic. Question words are kept out of this list on purpose: the aspect
#: detector needs them, and the lexical scorer drops them via :data:`QUESTION_WORDS`.
STOPWORDS: frozenset[str] = frozenset(
    """a an the and or but of to in on at by for with from into onto as is are was were be been
    being am do does did done doing have has had having it its it's this that these those there
    their they them he him his she her hers i me my we us our you your yours can could would should
    will shall may might must about tell know give some any just please um uh er hmm like
    so then than too very really also alexa ask skill me more much ever get got go going let lets
    okay ok hey well all exactly actually anything something thing things stuff kind sort bit
    even still yet again exact basically quite pretty whole from else someone anyone many
    remind heard hear wonder wondering wondered good great interesting cool nice guess maybe
    people person around connection connected link linked relationship
    thats theres its ive""".split()
)

#: Contractions as speech recognition writes them without the apostrophe.
_CONTRACTIONS = {
    "whats": "what is", "whos": "who is", "wheres": "where is", "whens": "when is",
    "hows": "how is", "whys": "why is", "whatre": "what are",
}

_DOUBLE_FINAL = re.compile(r"([bdfgmnprt])\1$")  # wrapp -> wrap, stopp -> stop

QUESTION_WORDS: frozenset[str] = frozenset(
    "who whom whose what which when where why how".split()
)

_NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
    "eighteen": "18", "nineteen": "19", "twenty": "20",
}


def normalise(text: str) -> str:
    """Lower-case, drop possessive 's and punctuation, collapse spaces."""
    text = _APOSTROPHE.sub("", text.lower().replace("’", "'"))
    return " ".join(_NON_WORD.sub(" ", text).split())


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A deliberately small suffix stripper: plural, past and -ing forms meet their base."""
    word = _NUMBER_WORDS.get(word, word)
    if len(word) <= 3 or word.isdigit():
        return word
    suffixes = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))
    for suffix, repl in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "es" and not word.endswith(("ches", "shes", "xes", "sses")):
                continue
            if suffix == "s" and word.endswith("ss"):
                continue
            base = word[: -len(suffix)] + repl
            if suffix in ("ed", "ing"):
                base = _DOUBLE_FINAL.sub(r"\1", base)
            return base
    return word


def tokens(text: str) -> list[str]:
    """Normalised words, in order (stop words kept; "whats" read as "what is")."""
    words = normalise(text).split()
    if _CONTRACTIONS.keys().isdisjoint(words):
        return words  # the common case (the ranker's index tokenises ~1,000 fact texts)
    return " ".join(_CONTRACTIONS.get(w, w) for w in words).split()


_NUMBER_WORD = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred thousand million""".split()
)


_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)


def fold_dates(words: list[str]) -> list[str]:
    """ "january twenty second" -> "january 22": spoken day ordinals after a month, as digits."""
    out: list[str] = []
    i = 0
    while i < len(words):
        out.append(words[i])
        if words[i] in _MONTHS and i + 1 < len(words):
            tens = 20 if words[i + 1] == "twenty" else 30 if words[i + 1] == "thirty" else 0
            j = i + 2 if tens else i + 1
            if j < len(words) and words[j] in _ORDINALS and (tens == 0 or _ORDINALS[words[j]] < 10):
                out.append(str(tens + _ORDINALS[words[j]]))
                i = j + 1
                continue
        i += 1
    return out


def fold_numbers(words: list[str]) -> list[str]:
    """Replace spoken number runs with digits ("nineteen twenty five" -> "1925").

    Speech recognition often spells numbers out; fact text uses digits. Single small words
    ("one", "two") are left alone because they are usually not quantities in questions.
    """
    if _NUMBER_WORD.isdisjoint(words):
        return list(words)  # the common case: the loop below would copy them unchanged
    out: list[str] = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and (words[j] in _NUMBER_WORD or (j > i and words[j] == "and")):
            j += 1
        while j > i and words[j - 1] == "and":
            j -= 1
        value = parse_number(" ".join(words[i:j])) if j - i >= 2 or (
            j > i and words[i] not in ("one", "two", "three")) else None
        if value is not None and j > i:
            out.append(str(int(value)) if float(value).is_integer() else str(value))
            i = j
        else:
            out.append(words[i])
            i += 1
    return out


def content_terms(text: str) -> list[str]:
    """Stemmed content words: what the lexical scorer matches on."""
    return [
        stem(w)
        for w in fold_numbers(fold_dates(tokens(text)))
        if w not in STOPWORDS and w not in QUESTION_WORDS
    ]
