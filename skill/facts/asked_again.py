"""A bare question phrase after a question: the last question asked again with it.

"Where did they hand off?" ... "To who?"; "When was it published?" ... "In what journal?";
"Where did Kaasen die?" ... "Which city?". The turn says only what is asked now, a question
word with a preposition or a noun; what it is asked *of* is the last question. Rebuilt as one
question ("who did they hand off to", "what journal was it published in"), it is understood as
any other, its pronouns resolved by the conversation as before. A bare "and when" or "how old"
is not rebuilt: the conversation's topic and facet already carry it (:mod:`understanding`).

"The last one" after "who was the first musher" is the last *musher*: an ordinal's "one" is
the thing the last question counted (:func:`one_counted`); a bare "and the first" after it is
that question asked again with the new ordinal (:func:`ordinal_swapped`).

PURE: standard library and the shared vocabulary only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from skill.text.vocabulary import PRONOUNS, QUESTION_WORDS

#: Prepositions a bare question phrase may open with ("to who", "in what journal").
_PREPOSITIONS = frozenset(
    "to from in at on for by with near into of after before since until toward towards".split())
#: Words that open a turn without changing what it asks.
_OPENERS = frozenset("and so but ok okay well then".split())
#: Auxiliaries: where a question's own words begin after its question phrase.
_AUXILIARIES = frozenset(
    "did does do was is were are has have had will would can could should".split())
#: Words after a question word that make the phrase a question of its own or a request for
#: more ("what else", "which one", "what kind", "how about", "what about").
_NOT_A_THING = _AUXILIARIES | PRONOUNS | frozenset(
    "one ones else kind kinds sort type about that this those these the a an".split())
#: Endings of verbs, which a thing asked for does not have ("what happened").
_DONE = ("ed", "ing", "happen", "happens")
#: Longest turn read as a bare question phrase, preposition included.
_LONGEST = 4
#: Verbs that take a person "to" or "from" ("who did seppala give it *to*"). A last question
#: with none of them ("how far did he go" ... "to who") cannot take the person asked: the
#: one thing passed from person to person in this story is the serum, so "to who" asks whom
#: it was handed to.
_PASSING = frozenset("""give gives gave given hand hands handed pass passes passed sell sells
    sold send sends sent take takes took taken bring brings brought deliver delivers delivered
    carry carries carried lend lent loan loaned donate donated get gets got receive received
    buy bought pick picked inherit inherited leave left""".split())
#: The hand-over asked of whom the conversation talks of, for such a "to who" or "from who".
_HANDED = {"to": ("did", "he", "hand", "the", "serum"),
           "from": ("did", "he", "get", "the", "serum")}


def _phrase(words: Sequence[str],
            carried: Callable[[Sequence[str]], bool]) -> tuple[str | None, list[str]] | None:
    """(preposition or None, the question phrase) when the words are only a question phrase
    that a last question must complete, else None. Without a preposition, only a phrase the
    conversation's facet does not already carry ("what journal", not "what year")."""
    start = 0
    while start < len(words) and words[start] in _OPENERS:
        start += 1
    rest = list(words[start:])
    preposition = rest[0] if rest and rest[0] in _PREPOSITIONS else None
    phrase = rest[1:] if preposition else rest
    if not phrase or len(rest) > _LONGEST or phrase[0] not in QUESTION_WORDS:
        return None
    things = phrase[1:]
    if any(w in _NOT_A_THING or w in QUESTION_WORDS or w.endswith(_DONE) for w in things):
        return None  # ("what happened": a question of its own)
    if preposition is None and not (phrase[0] in ("what", "which") and things
                                    and not carried(phrase)):
        return None  # "and when", "how old", "what year": the topic and facet carry these
    if phrase[0] == "how" and not things:
        return None
    return preposition, phrase


def _what_remains(last: Sequence[str]) -> list[str] | None:
    """The last question without its opener, its question phrase and the preposition left
    at its end for it ("did seppala give it" from "and who did seppala give it to"); a yes/no
    question whole; None when it opens with neither."""
    start = 0
    while start < len(last) and last[start] in _OPENERS:
        start += 1
    words = list(last[start:])
    if not words:
        return None
    if words[0] in _AUXILIARIES:
        return words
    if words[0] not in QUESTION_WORDS:
        return None
    end = 1
    if words[0] in ("what", "which", "how"):
        while end < min(len(words), 3) and words[end] not in _AUXILIARIES:
            end += 1
    rest = words[end:]
    if rest and rest[-1] in _PREPOSITIONS:
        rest = rest[:-1]  # "who did seppala give it *to*": the old question word's own
    return rest if rest and rest[0] in _AUXILIARIES else None


def asked_again(words: Sequence[str], last: Sequence[str],
                carried: Callable[[Sequence[str]], bool]) -> list[str] | None:
    """The turn as a whole question ("who did they hand off to"), or None when it is not a
    bare question phrase or the last question cannot take it. ``carried`` says whether a
    phrase asks a facet of its own (a date, a place), which the conversation carries."""
    found = _phrase(words, carried)
    if found is None or not last:
        return None
    remains = _what_remains(last)
    preposition, phrase = found
    if preposition in ("to", "from") and phrase[0] in ("who", "whom") and (
            remains is not None or last[0] in QUESTION_WORDS) and not _PASSING & set(last):
        remains = list(_HANDED[preposition])
    if remains is None:
        return None
    return [*phrase, *remains, *([preposition] if preposition else [])]


#: Ordinals whose "one" stands for a thing counted before ("the last one", "the second one").
_ORDINALS = frozenset("first second third fourth fifth last final next previous".split())


def one_counted(words: Sequence[str], last: Sequence[str]) -> list[str] | None:
    """The turn with an ordinal's "one" named as the thing the last question counted ("who
    was the last one" after "who was the first musher": "who was the last musher"), or None."""
    at = next((i for i in range(1, len(words)) if words[i] in ("one", "ones")
               and words[i - 1] in _ORDINALS), None)
    if at is None:
        return None
    thing = next((last[i + 1] for i in range(len(last) - 1) if last[i] in _ORDINALS
                  and last[i + 1] not in ("one", "ones") and last[i + 1] not in _NOT_A_THING
                  and last[i + 1] not in _PREPOSITIONS), None)
    if thing is None:
        return None
    return [*words[:at], thing, *words[at + 1:]]


def ordinal_swapped(words: Sequence[str], last: Sequence[str]) -> list[str] | None:
    """A bare ordinal ("and the first", "what about the last one") after a question with
    another: that question asked again with this one ("who was the last musher" ... "and the
    first": "who was the first musher"), or None."""
    rest = list(words[1:] if words[:1] and words[0] in _OPENERS else words)
    if rest[:2] == ["what", "about"] or rest[:2] == ["how", "about"]:
        rest = rest[2:]
    if rest[-1:] in (["one"], ["ones"]):
        rest = rest[:-1]
    if len(rest) != 2 or rest[0] != "the" or rest[1] not in _ORDINALS:
        return None
    at = next((i for i, w in enumerate(last) if w in _ORDINALS and w != rest[1]), None)
    if at is None:
        return None
    return [*last[:at], rest[1], *last[at + 1:]]


def names_of_counted(words: Sequence[str], last: Sequence[str]) -> list[str] | None:
    """ "What were their names" after "how many nurses did Welch have": the names of what the
    last question counted as someone's own, Welch's nurses, or None (after "how many dogs
    came with him", "their" is the dogs the answer named)."""
    at = next((i for i in range(len(words) - 1) if words[i:i + 2] == ["their", "names"]), None)
    if at is None or list(last[:2]) != ["how", "many"] or len(last) < 6:
        return None
    thing, rest = last[2], list(last[3:])
    if rest[0] not in ("did", "does", "do") or rest[-1] not in ("have", "had", "own", "keep"):
        return None
    owner = rest[1:-1]
    return [*words[:at], "the", "names", "of", *owner[:-1], f"{owner[-1]}s", thing,
            *words[at + 2:]]
