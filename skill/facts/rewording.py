"""The words of a question as a question: rewrites of what was said before it is read.

People wrap a question in their own words ("... was it balto or the other one", "i need the year
balto died", "tell me who togo was", "can you settle it for us") and point back with words
("that one", "in it", "there"). Each rewrite here says the question the way the understanding
reads one: a guess, request or closing phrase dropped, a thing wanted asked as "what was" it, a
clause's order put back, a pointer replaced by the name it stands for. One job, kept apart from
the reading itself (:mod:`skill.facts.understanding`), which it sits below.

Pure: standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from skill.facts.asked_again import asked_again, names_of_counted, one_counted, ordinal_swapped
from skill.facts.context import Context
from skill.facts.names import NameMatcher
from skill.facts.relations import Relations
from skill.text.normalise import plain_words
from skill.text.numbers import fold_below_zero, fold_dates, fold_numbers
from skill.text.vocabulary import (
    ASKS_YES_NO,
    BE_FORMS,
    BEING,
    NOT_FOCUS,
    QUESTION_WORDS,
    STOPWORDS,
    YES_NO_STARTS,
)

#: Question words that may open a question said in a clause's order ("who togo was").
_EMBEDDED_OPENERS = frozenset("who what where".split())
#: Words around a word for where someone is from that make it said of them ("was he
#: *norwegian* or swedish", "a swede").
_AFTER_ORIGIN = frozenset("or right yes too correct true and is was originally".split())
_BEFORE_ORIGIN = frozenset("was is were are a an he she they or".split())
#: What "that ..." stands for: "that one" a thing, as "it" does; "that (last) musher" a
#: person, as "he" does.
_THAT_ONE = {"one": "it", "guy": "he", "man": "he", "fellow": "he", "fella": "he", "musher": "he",
             "woman": "she", "lady": "she", "dog": "it"}
#: Of those, the ones only a person can be ("where was that man from" is not about the dog).
_PEOPLE = frozenset("guy man fellow fella woman lady girl".split())
#: Fond words said of one talked of, after "the": "how old was *the little fella*", "*the
#: old boy*" (a dog, too: Togo at his death). ("That little boy" is said of one the facts
#: tell of without a name, whose words then find him.)
_FOND = frozenset("little old poor brave good young big".split())
_FOND_ONE = {**_THAT_ONE, "boy": "he", "girl": "she"}


#: Spans of time "that one" may count ("in *that one day*"): then it stands for nothing.
_TIMES = frozenset("day night week month year morning evening afternoon time trip".split())


#: Ordinals that, with "one" or alone, stand for a thing the question names ("the first one
#: or the second one").
_ORDINAL_ONES = frozenset("first second third last".split())
_ASKING_VERBS = frozenset("was is were are had has did does".split())


def _ordinals_named(words: list[str]) -> list[str]:
    """ "Which serum shipment was bigger, the first one or the second one", "the first shipment
    or the second": each ordinal of a choice said with the thing it counts, named once
    ("shipment"), so that "the second shipment" can name what it is."""
    if "or" not in words and "than" not in words:
        return words
    ordinals = [i for i, w in enumerate(words) if w in _ORDINAL_ONES]
    if len(ordinals) < 2:
        return words
    thing = _thing_counted(words, ordinals)
    if thing is None:
        return words
    out = list(words)
    for i in reversed(ordinals):
        after = words[i + 1] if i + 1 < len(words) else ""
        if after == "one":
            out[i + 1] = thing
        elif after in ("", "or", "than"):
            out.insert(i + 1, thing)
    return out


def _thing_counted(words: Sequence[str], ordinals: Sequence[int]) -> str | None:
    """The thing the ordinals count: said after one of them ("the first *shipment*"), or
    asked for by "which" ("which serum *shipment* was", "which *shipment* of antitoxin")."""
    for i in ordinals:
        after = words[i + 1] if i + 1 < len(words) else ""
        if after and after not in ("one", "or", "than") and after not in STOPWORDS:
            return after
    if words[0] not in ("which", "what"):
        return None
    head = None
    for word in words[1:4]:
        if word in _ASKING_VERBS or word == "of":
            break
        head = word
    return head if head is not None and head not in STOPWORDS else None


def _that_one_as_it(words: list[str], is_name: Callable[[str], bool] = lambda w: False
                    ) -> tuple[list[str], str | None]:
    """ "When did that one come out", "where did that last musher start from": "that one"
    (or "this one") stands for a thing, as "it" does, and "that (last) musher" for him, as
    "he" does; not in "that one of the dogs" or "that musher who ...". Also the kind what was
    stood for can only be: a person ("that man", never the dog) or a dog ("that dog")."""
    words = _that_as_it(words)
    if not _FOND_ONE.keys() & set(words):
        return words, None
    kind = None
    out: list[str] = []
    i = 0
    while i < len(words):
        pointed = _one_pointed_at(words, i, is_name)
        if pointed is None:
            out.append(words[i])
            i += 1
            continue
        noun, pronoun, size = pointed
        out.append(pronoun)
        kind = kind or ("person" if noun in _PEOPLE else "dog" if noun == "dog" else None)
        i += size
    return out, kind


def _one_pointed_at(words: Sequence[str], i: int, is_name: Callable[[str], bool]
                    ) -> tuple[str, str, int] | None:
    """The noun, its pronoun and how many words say it, when the words from ``i`` point
    back at one talked of ("that last musher", "the little fella"); else None."""
    fond = words[i] == "the" and i + 2 < len(words) and words[i + 1] in _FOND
    skip = 1 if i + 2 < len(words) and (words[i + 1] in ("last", "other") or fond) else 0
    noun = words[i + 1 + skip] if i + 1 + skip < len(words) else ""
    after = words[i + 2 + skip] if i + 2 + skip < len(words) else ""
    ones = _FOND_ONE if fond else _THAT_ONE
    if (_pointing(words[i], noun, after, skip) or fond
            or _the_dog_doing(words, i, noun, after, skip) and not is_name(after)
            ) and noun in ones and (
            after not in ("of", "who", "that", "which") and after not in _TIMES
            and (noun == "one" or not skip or words[i + 1] == "last" or fond)):
        return noun, ones[noun], 2 + skip
    return None


def _pointing(word: str, noun: str, after: str, skip: int) -> bool:
    """Whether the word points back at the noun after it: "that" or "this", or "the" before
    "dog" as the last word ("how old was *the dog*": the dog talked of, as "that dog" is)."""
    return word in ("that", "this") or (
        word == "the" and noun == "dog" and not after and not skip)


#: Words that, after "the dog", make it part of another thing's name ("the dog team").
_DOG_COMPOUNDS = frozenset(
    "team teams sled sleds race races relay relays musher mushers driver drivers yard food "
    "show shows statue statues park handler handlers owner owners breed breeds days "
    "world".split())


def _the_dog_doing(words: Sequence[str], i: int, noun: str, after: str, skip: int) -> bool:
    """Whether "the dog" after an auxiliary is the one talked of, doing what the next word
    says ("when did *the dog* die"), as "that dog" would be: not "the dog team" (nor "the
    dog fox", whose next word names him: the caller knows the names)."""
    return (words[i] == "the" and noun == "dog" and not skip and i > 0
            and words[i - 1] in ("did", "does", "do") and bool(after)
            and after not in _DOG_COMPOUNDS and after not in STOPWORDS)


#: Verbs said after "when was that ...", "when did that ...": "that" is then a pronoun.
_THAT_DONE = frozenset("come made put built shot out happen start end take taken done written "
                       "begin begun".split())


def _that_as_it(words: list[str]) -> list[str]:
    """ "When was *that* released", "when did *that* come out": "that" after the verb of a
    question, before another verb or nothing, stands for a thing, as "it" does (not in
    "when was that statue put up")."""
    if "that" not in words[2:] or words[0] not in QUESTION_WORDS:
        return words
    out = list(words)
    for i in range(2, len(words)):
        after = words[i + 1] if i + 1 < len(words) else ""
        if (words[i] == "that" and words[i - 1] in ASKS_YES_NO and i - 1 <= 2
                and (not after or after in _THAT_DONE or after.endswith("ed"))):
            out[i] = "it"
    return out


#: Words before something seen ("*a* stuffed dog", "*this* stuffed husky").
_ONE_SEEN = frozenset("a an the this that".split())
#: Words for a dog's body kept as it was.
_MOUNTED = frozenset("stuffed mounted preserved taxidermy".split())
#: Words for a dog, as one seen or owned is called ("kaasen's *dog*", "a stuffed *husky*").
_DOG_WORDS = frozenset("dog husky pup puppy".split())
#: What "the real ..." may stand for when a work named for a dog was named ("the real *one*").
_REAL_ONES = frozenset("one dog husky thing".split())

#: Phrases that close a question without asking anything ("... in the end", "... for good").
_CLOSING_PHRASES = (("in", "the", "end"), ("for", "good"), ("after", "all"), ("at", "all"))


#: Verbs whose particle is their own ("end up in", "put up at", "grew up in").
_PHRASAL_BEFORE = frozenset(
    "end ended ends wind wound winds grew grow grows put set show showed turn turned "
    "stay stayed stays live lived lives pick picked take took".split())


#: Where "all the way" goes before the place it ends at ("all the way *to* nome"; not "all
#: the way *from* nenana", the whole way).
_WAY_TO = frozenset("to into in across up down back over out".split())


def _without_idle_particles(words: list[str]) -> list[str]:
    """The words without a particle before "in" or "at" that says nothing of its own ("a
    statue *up* in anchorage"), not one its verb owns ("end up in cleveland"); nor "all the
    way" before where it went ("bring the serum *all the way* into nome": into Nome), which
    the place said claims already (alone, "did balto run all the way", it is the claim)."""
    words = [w for i, w in enumerate(words) if not (
        w in ("up", "down", "over", "out") and 0 < i < len(words) - 1
        and words[i + 1] in ("in", "at") and words[i - 1] not in _PHRASAL_BEFORE)]
    at = next((i for i in range(1, len(words) - 3) if words[i:i + 3] == ["all", "the", "way"]
               and words[i + 3] in _WAY_TO), None)
    return words if at is None else [*words[:at], *words[at + 3:]]


#: A clause of the speaker's own closing a question: "... *and honestly i had no idea*".
_NO_IDEA = re.compile(
    r"(?:^| )(?:(?:and|but|so) )?(?:honestly |to be honest |frankly )?(?:i|we|ive|weve) "
    r"(?:have|had|got|really have|really had|honestly have|honestly had) "
    r"(?:no|zero) (?:idea|clue)(?: either)?$"
    r"|(?:^| )(?:(?:and|but|so) )?(?:honestly )?(?:i|we) (?:cant|cannot|dont|couldnt|can never) "
    r"(?:remember|recall)(?: either)?$")


#: A guess tagged on a question, open to another answer: "which dog ran the longest part,
#: *was it balto or the other one*". The question before it asks; the name is only a guess.
_GUESS_OPENERS = frozenset({("was", "it"), ("is", "it"), ("was", "that"), ("is", "that"),
                            ("wasnt", "it"), ("was", "he"), ("was", "she")})
_OPEN_ALTERNATIVES: tuple[tuple[str, ...], ...] = tuple(tuple(a.split()) for a in (
    "the other one", "the other", "the other dog", "another one", "another dog", "someone else",
    "somebody else", "something else", "some other dog", "a different dog", "a different one"))


def _without_guess(words: list[str]) -> list[str]:
    """The words without a guess tagged on a question asked by a question word: "who drove
    the last leg, was it kaasen or someone else" asks who drove it (whoever did is the answer,
    said by name), not about Kaasen."""
    for alternative in _OPEN_ALTERNATIVES:
        end = len(words) - len(alternative)
        if tuple(words[end:]) != alternative or words[end - 1:end] != ["or"]:
            continue
        opener = next((i for i in range(max(3, end - 6), end - 2)
                       if tuple(words[i:i + 2]) in _GUESS_OPENERS), None)
        if opener is not None and QUESTION_WORDS.intersection(words[:opener]):
            return words[:opener]
    return words


#: A request closing a question, asking nothing of its own: "... *can you settle it for
#: us*", "... *can you help me with that*".
_REQUEST_TAIL = re.compile(
    r" (?:(?:so|and|please|just) )?(?:can|could|would|will) you (?:please )?(?:settle|help|tell|"
    r"answer|figure)(?: (?:it|that|this|me|us|him|her|them|out|for|with|the|answer|question|"
    r"please|one|argument|bet))*$")


#: Words wanting what follows them: "i need *the name of the doctor*", "the worksheet wants
#: *the total distance*".
_WANTING = frozenset("need needs needed want wants wanted".split())


def _wanted_as_asked(words: list[str]) -> list[str]:
    """ "My teacher wants the exact number of hours it took": the thing wanted, asked as
    "what was" it, when no question word asks anything."""
    at = next((i for i in range(len(words) - 2, 0, -1)
               if words[i] in _WANTING and words[i + 1] == "the"), None)
    if at is None or QUESTION_WORDS.intersection(words):
        return words
    return [*words[:at + 1], "what", "was", *words[at + 1:]]


def _without_closing(words: list[str]) -> list[str]:
    """The words without a closing phrase: "did Alaska get to keep Balto *in the end*" asks
    nothing of an end (a leg's end is a topic), nor "... and i had no idea" of an idea, nor
    "... can you settle it for us" of settling."""
    for closing in (_NO_IDEA, _REQUEST_TAIL):
        joined = " ".join(words)
        said = closing.search(joined)
        if said is not None and said.start() > 0:
            words = words[:joined[:said.start()].count(" ") + 1]
    for phrase in _CLOSING_PHRASES:
        if len(words) > len(phrase) + 2 and tuple(words[-len(phrase):]) == phrase:
            return words[:-len(phrase)]
    return words


class Rewording:
    """Rewrites a question's words, in the order that lets each see the last one's work, with
    the store's names and the conversation's last question."""

    def __init__(self, names: NameMatcher, relations: Relations,
                 entity_types: Mapping[str, str], entity_words: Mapping[str, str]) -> None:
        self.names = names
        self.relations = relations
        self.entity_types = entity_types
        self.entity_words = entity_words
        #: A work (a film, a statue) -> the one dog it is named for: "the real one" is he.
        self.works_named_for: dict[str, str] = {}
        #: A place -> the one dog whose mounted body is kept there or within it (Wasilla ->
        #: Togo): "the stuffed dog" seen there is he.
        self.mounted_at: dict[str, str] = {}

    def as_asked(self, text: str, context: Context | None = None) -> tuple[list[str], str | None]:
        """The words of ``text`` as a question, and the kind of one a pointer stood for
        ("that man": a person), if any."""
        words, kind = _that_one_as_it(self.names.joined(
            fold_below_zero(fold_numbers(fold_dates(_without_idle_particles(_without_guess(_wanted_as_asked(
                _without_closing(self._mounted_named(self._demonstrative_named(
                plain_words(text))))))))))),
            self._a_name)
        words = _ordinals_named(self._origins(self.names.respell_over_first_names(words)))
        words = self._embedded_order(words)
        if context is not None and context.question:
            # "to who" after "where did they hand off": "who did they hand off to".
            words = (asked_again(words, context.question, self._asks_a_facet)
                     or ordinal_swapped(words, context.question)
                     or one_counted(words, context.question)
                     or names_of_counted(words, context.question) or words)
        words = self._there_named(words, context)
        words = self._work_named(words, context)
        words = self._real_one_named(words)
        return self._owner_said(words), kind

    def _mounted_named(self, words: list[str]) -> list[str]:
        """ "We saw *a stuffed dog* at the Iditarod headquarters, *which dog* was it": a
        mounted dog said where the store keeps one dog's body is that dog, and so are "that
        dog", "the dog" and "was it" said after it."""
        at = next((i for i in range(len(words) - 2) if words[i] in _ONE_SEEN
                   and words[i + 1] in _MOUNTED and words[i + 2] in _DOG_WORDS), None)
        if at is None:
            return words
        dogs = {self.mounted_at[m.entity] for m in self.names.find(words)
                if m.entity in self.mounted_at}
        if len(dogs) != 1:
            return words
        name = self.entity_words[dogs.pop()].split()
        out = [*words[:at], *name, *words[at + 3:]]
        i = at + len(name)
        while i < len(out) - 1:
            if out[i] in ("that", "the") and out[i + 1] in _DOG_WORDS:
                out[i:i + 2] = name
            elif out[i + 1] == "it" and out[i] in BE_FORMS:
                # "which (famous) dog was it": who he was.
                asked = next((j for j in (i - 2, i - 3) if j >= 0 and out[j] in ("which", "what")
                              and out[i - 1] in _DOG_WORDS), None)
                out[i + 1:i + 2] = name
                if asked is not None:
                    out[asked:i] = ["who"]
                    i = asked + 1
            i += 1
        return out

    def _work_named(self, words: list[str], context: Context | None) -> list[str]:
        """ "Was Kaasen *in it*" after an answer about the 1995 film: the film the last answer
        was about, by its name (not another film he was in)."""
        if context is None or self.entity_types.get(context.entity or "") != "film":
            return words
        at = [i for i in range(1, len(words)) if words[i] == "it" and words[i - 1] == "in"]
        if not at:
            return words
        name = self.entity_words[context.entity or ""].split()
        for i in reversed(at):
            words = [*words[:i], *name, *words[i + 1:]]
        return words

    def _demonstrative_named(self, words: list[str]) -> list[str]:
        """ "Who sculpted *that husky statue* in Central Park": "that" or "this" opening a
        name the store gives with "the" ("the husky statue") is that name, not a pointer back
        at the last answer."""
        for i in [i for i, w in enumerate(words[:-2]) if w in ("that", "this")]:
            named = [*words[:i], "the", *words[i + 1:]]
            if words[i + 1].removesuffix("s") not in _TIMES and any(
                    m.start == i and m.end - m.start >= 3
                    and self.entity_types.get(m.entity) not in ("person", "dog")
                    for m in self.names.find(named)):
                words = named  # (not "that little boy", who is pointed back at)
        return words

    def _embedded_order(self, words: list[str]) -> list[str]:
        """ "(Tell me) who Togo was", "where Balto is now": a question said in the order of
        a clause, the name before its verb, asks what "who was Togo" asks."""
        at = next((i for i in range(len(words) - 2) if words[i] in _EMBEDDED_OPENERS
                   and words[i + 1] not in NOT_FOCUS), None)
        if at is None:
            return words
        verb = next((j for j in range(at + 2, min(at + 6, len(words)))
                     if words[j] in BE_FORMS), None)
        if verb is None or not any(m.start == at + 1 and m.end == verb
                                   for m in self.names.find(words)):
            return words
        return [*words[:at + 1], words[verb], *words[at + 1:verb], *words[verb + 1:]]

    def _there_named(self, words: list[str], context: Context | None) -> list[str]:
        """ "When did it arrive *there*" after a question naming Nenana: the place last
        named, when the time or way of what was done there is asked (not "was he there", a
        yes/no question of the last answer)."""
        if context is None or len(words) < 3:
            return words
        place = context.entity or ""
        at = next((i for i in range(2, len(words)) if words[i] == "there"
                   and words[i - 1] not in BEING and words[i + 1:i + 2] not in (
                       ["is"], ["are"], ["was"], ["were"])), None)
        if at is not None and self.entity_types.get(place) == "place" and (
                self.entity_words.get(place)):
            # "who was meant to take over there" after what happened at Point Safety, "how
            # many people live there": the place the last answer was about
            return [*words[:at], "at", *self.entity_words[place].split(), *words[at + 1:]]
        if words[-1] != "there" or words[-2] in BEING or words[0] not in ("when", "how"):
            return words  # (nor "who got them there": who took them, wherever it was)
        named = next((e for e in context.entities if e != context.entity
                      and self.entity_types.get(e) == "place"), None)
        if named is None or not self.entity_words.get(named):
            return words
        return [*words[:-1], "to", *self.entity_words[named].split()]

    def _owner_said(self, words: list[str]) -> list[str]:
        """ "Was Balto Kaasen's dog": whether Kaasen owned him, "was balto owned by kaasen"
        (the one who drove him is no owner); not "Kaasen's *lead* dog", a role."""
        if not words or words[0] not in YES_NO_STARTS or not _DOG_WORDS & set(words):
            return words  # (a cheap look first: names are sought again when the words are read)
        mentions = self.names.find(words)
        dog = next((m for m in mentions if self.entity_types.get(m.entity) == "dog"), None)
        owner = next((m for m in mentions if m.possessive and dog is not None
                      and m.start >= dog.end
                      and self.entity_types.get(m.entity) == "person"), None)
        if dog is None or owner is None:
            return words
        at = owner.end + (words[owner.end:owner.end + 1] == ["own"])
        if at >= len(words) or words[at] not in _DOG_WORDS:
            return words
        return [*words[:owner.start], "owned", "by", *self.entity_words[owner.entity].split(),
                *words[at + 1:]]

    def _real_one_named(self, words: list[str]) -> list[str]:
        """ "We named our husky after the dog in the cartoon, what year did *the real one*
        die": the dog the one work named is named for, when no dog is named himself."""
        at = [i for i in range(1, len(words) - 1) if words[i - 1] in ("the", "that")
              and words[i] in ("real", "actual") and words[i + 1] in _REAL_ONES]
        if not at:
            return words
        mentions = self.names.find(words)
        if any(self.entity_types.get(m.entity) == "dog" for m in mentions):
            return words
        dogs = {self.works_named_for[m.entity] for m in mentions
                if m.entity in self.works_named_for}
        if len(dogs) != 1:
            return words
        name = self.entity_words[dogs.pop()].split()
        for i in reversed(at):
            words = [*words[:i + 1], *name, *words[i + 2:]]
        return words

    def _a_name(self, word: str) -> bool:
        """Whether the word alone is one of the store's names ("fox")."""
        return bool(self.names.find([word]))

    def _asks_a_facet(self, phrase: Sequence[str]) -> bool:
        """Whether a question phrase asks a facet of its own ("what year": a date), not only
        "what" ("what journal")."""
        return any(c.name != "what" for c in self.relations.facet_cues(phrase))

    def _origins(self, words: list[str]) -> list[str]:
        """ "Was Seppala Norwegian": "was seppala from norway", what the birth topic hears;
        not "the norwegian musher", where the word describes a name."""
        demonyms = self.relations.demonyms
        if not demonyms.keys() & set(words):
            return words
        out: list[str] = []
        for i, word in enumerate(words):
            after = words[i + 1] if i + 1 < len(words) else None
            before = words[i - 1] if i else None
            if word in demonyms and (after is None or after in _AFTER_ORIGIN
                                     or before in _BEFORE_ORIGIN):
                out += ["from", demonyms[word]]
            else:
                out.append(word)
        return out
