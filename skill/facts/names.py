"""Finding the people, dogs and places a question names, as said or as a recogniser heard them.

Speech recognition writes names it does not know as ordinary words: "toe go" for Togo,
"kass in" for Kaasen, "gnome" for Nome, "shock tool lick" for Shaktoolik. Names are therefore
matched twice: exactly (every name and synonym in ``entities.json``, longest first), then by sound
for the words left over. The sound match uses the jellyfish library's Metaphone and NYSIIS codes
(well kept, compiled, about 1 ms to import, only on the first question that needs it) plus a
Jaro-Winkler spelling check, and only for windows of one to four words that contain a word the
fact store does not know, so ordinary words ("dog", "took", "name") never turn into names. Two
exceptions, both beside a name already found: a known word that sounds like the rest of that
name ("gunner *cousin*" is Gunnar Kaasen), and the words after a name heard by sound that make
a longer name ("ball toe *statue*" is the Balto statue).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from skill.records import Record
from skill.text.normalise import plain_words
from skill.text.numbers import TENS, UNITS
from skill.text.vocabulary import QUESTION_WORDS, STOPWORDS, stem

#: Words of entity names that say what kind of thing it is rather than which one.
GENERIC_NAME_WORDS: frozenset[str] = frozenset(
    """dog dogs sled husky the a of alaska ohio maine new york city museum natural history statue
    film movie movies films park zoo race trail serum run relay doctor dr mayor governor musher
    lead team leg point little hot springs spring central mount mountain bay roadhouse station
    railroad town village river sound inspector postal conductor train senior sr jr junior
    national historic board health plan two sol lesser great alaskan
    diphtheria antitoxin outbreak epidemic disease first second shipment batch package anniversary
    centennial commemorative one hundredth hundred year twenty five nineteen films weather
    cold wind winds chill temperatures airplane plane planes flying aircraft dna genome study
    genetic books book reading timeline day dates chronology credit controversy dispute who
    deserves shelter cabin portage creek lake whiskey cartoon airplanes blizzard chairman option
    railway reel reenactments runs screw silent yorks""".split()
)

#: Words that tell one thing from another of its kind ("the *other* doctor"): never taken as
#: merely describing a name.
_DISTINGUISHING: frozenset[str] = frozenset(
    """other another second third first last next new old previous original final former
    later earlier real fake different same young younger older elder only sole lone single
    main chief head""".split())
#: Words before a name that ask of someone ("did *to go* retire", "was *bal to* real").
_ASKS_OF = frozenset("did does was is were and named called dog musher".split())
#: Words that say a surname is said of all who share it ("the nollner *brothers*").
_GROUP_WORDS = frozenset("brothers brother sisters sister boys family twins".split())
#: Metaphone codes this long or longer may differ by one sound and still match.
_LONG_CODE = 5
#: The speaker's or listener's own: what follows is theirs, not a name in the story.
OWNERS = frozenset("my your our".split())
#: Words asking how much, never part of a name heard by sound.
_QUANTITIES = frozenset("many much".split())
#: What kind of one a name is, said right after it ("where's tokyo *the sled dog* now").
_KIND_AFTER = frozenset({("the", "sled"), ("the", "dog"), ("the", "musher"), ("the", "husky")})
#: Words that end a clause after a name ("where is ball toe *now*").
_CLAUSE_ENDINGS = frozenset("now then there here today too also again anymore".split())
_MIN_SPELLING = 0.7   # Jaro-Winkler similarity of the letters, for a sound match
_CLOSE_SPELLING = 0.88  # spelt this alike, a short name may differ by one sound ("nicholai")
_MAX_WINDOW = 4
_SOUNDS_SPELLING = 0.6  # the same sounds, spelt as several words ("eye did a rod")
_SAME_CODE_SPELLING = 0.5  # beside the rest of the name, the same sounds spelt however
_MIN_RESPELLING = 0.88  # Jaro-Winkler similarity to respell an ordinary word
_HEARD_APART_SPELLING = 0.84  # ... to take two words for one of the store's ("dif theria")


#: Small numbers as said ("10": "ten"), for a name a recogniser wrote with a figure in it.
_SAID = {str(value): word for word, value in {**UNITS, **TENS}.items() if word != "oh"}


def _said_to_be_one(words: Sequence[str], start: int, end: int) -> bool:
    """Whether the words are said to be a name, whatever ordinary words they are: a dog or
    musher said as what kind of one it is ("where's *tokyo* the sled dog now": Togo), or
    called so ("a dog named *toe go*"). Not a question's own words."""
    if any(w in QUESTION_WORDS or w in STOPWORDS or w in _CLAUSE_ENDINGS
           for w in words[start:end]):
        return False
    return (tuple(words[end:end + 2]) in _KIND_AFTER
            or start > 0 and words[start - 1] in ("named", "called"))


class Mention(Record):
    """One entity named in a question: where (word positions) and how it was matched."""

    __slots__ = ()

    entity: str
    start: int
    end: int
    by_sound: bool = False
    #: The words said are one of the entity's names or synonyms (not a part of one).
    exact: bool = True
    #: Said as an owner ("togos harness": speech recognition writes the "'s" as "s").
    possessive: bool = False


def _vowel_start(code: str) -> str:
    """Metaphone keeps a leading vowel as written ("EYTTRT" for "eye ditta rod"); one sound."""
    return "A" + code[1:].lstrip("AEIOUY") if code[:1] in "AEIOUY" else code


def _one_apart(a: str, b: str) -> bool:
    from skill.text.vocabulary import edit_distance

    return edit_distance(a, b, 1) <= 1


#: Sounds a recogniser writes for one another (a soft or hard "g": "tojo" for Togo; "s" and
#: "sh"; "t" and "th"): codes one such swap apart sound alike, however the letters differ.
_SWAPPED = frozenset({frozenset("JK"), frozenset("SX"), frozenset("T0")})


#: ... and in ordinary words, a "ph" heard as "p" ("dip theory": diphtheria).
_SPELT_SWAPS = _SWAPPED | {frozenset("PF")}


def _swapped(a: str, b: str, swaps: frozenset[frozenset[str]] = _SWAPPED) -> bool:
    """Two phonetic codes the same but for one sound a recogniser confuses with the other."""
    if len(a) != len(b):
        return False
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(differ) == 1 and frozenset(differ[0]) in swaps


def _close(a: str, b: str) -> bool:
    """Two phonetic codes equal, or one sound apart when both are long."""
    if a == b:
        return True
    if min(len(a), len(b)) < _LONG_CODE - 1 or abs(len(a) - len(b)) > 1:
        return False
    from skill.text.vocabulary import edit_distance

    return edit_distance(a, b, 1) <= 1


def _forms_by_first_word(
    forms: Mapping[str, str]
) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Longest form first under each first word, so the longest name said wins."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for form, entity_id in forms.items():
        words = tuple(form.split())
        if words:
            by_first.setdefault(words[0], []).append((words, entity_id))
    for entries in by_first.values():
        entries.sort(key=lambda e: -len(e[0]))
    return by_first


def _identifying_names(forms: Mapping[str, str], names: Mapping[str, str],
                       ordinary: frozenset[str]) -> list[tuple[str, str]]:
    """Words of the proper names, single-word synonyms ("kasen"), and words of other synonyms
    that are no ordinary word of the store's text ("gunner", not "first" of "the first
    musher"): (name, entity) pairs that identify an entity on their own."""
    proper = list(names.items())
    proper += [(f, e) for f, e in forms.items() if len(f.split()) == 1]
    proper += [(w, e) for f, e in forms.items() if len(f.split()) > 1
               for w in f.split() if w not in ordinary]
    return proper


def _distinctive_words(proper: Sequence[tuple[str, str]]) -> dict[str, frozenset[str]]:
    name_words: dict[str, set[str]] = {}
    for name, entity_id in proper:
        for word in name.split():
            if len(word) >= 4 and word not in STOPWORDS and word not in GENERIC_NAME_WORDS:
                name_words.setdefault(word, set()).add(entity_id)
    return {w: frozenset(ids) for w, ids in name_words.items()}


#: Words that make a name of several words a place's or a thing's, not a person's.
#: Words no person's name opens with (a sentence's first words: "After Balto died").
_NOT_NAME_OPENERS = frozenset("after before when while in on at by the a an and but so".split())
_PLACE_WORDS = frozenset("""city park museum river lake mountain street railroad hospital history
    alaska york states trail committee company service hall award drive cabin creek flat
    sound coast olympics race times news reflections miles quest native natives athabaskan
    athabascan legislature consolidated gold""".split())


def _shared_surnames(last_names: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """Last words of two or more names ("Edgar Nollner", "George Nollner") -> those names'
    entities, from each entity's last name."""
    ending: dict[str, set[str]] = {}
    for entity_id, last in last_names.items():
        ending.setdefault(last, set()).add(entity_id)
    return {w: frozenset(ids) for w, ids in ending.items() if len(ids) > 1}


#: How nearly a misheard given name is spelt as the name's own ("ronald": "roald", 0.96).
_GIVEN_SPELLING = 0.9


def _spelt_alike(word: str, other: str) -> float:
    """Jaro-Winkler similarity, importing jellyfish only when a question needs it (a cold
    start answering a plainly heard question never does)."""
    import jellyfish

    return float(jellyfish.jaro_winkler_similarity(word, other))


class NameMatcher:
    """Exact and sound-alike name matching over a question's words.

    ``forms`` maps each spoken form (already normalised to plain words) to an entity id;
    ``known_words`` is every word the fact store, the lexicon and the stop words know, so a
    sound match is only tried where the recogniser produced something unfamiliar.
    """

    def __init__(self, forms: Mapping[str, str], known_words: Iterable[str],
                 names: Mapping[str, str] | None = None,
                 ordinary_words: Iterable[str] = (), given_names: Iterable[str] = (),
                 topic_stems: Iterable[str] = (), phrases: Iterable[str] = ()) -> None:
        self._known = frozenset(known_words)
        #: Names of several words the store's text uses that are no entity's ("willem
        #: dafoe"), by first letter, for a name heard as several ordinary words.
        self._phrases: dict[str, list[tuple[str, str]]] = {}
        for phrase in phrases:
            joined = phrase.replace(" ", "")
            self._phrases.setdefault(joined[:1], []).append((joined, phrase))
        #: Stems that name a topic on their own ("die"): such a word ends a name, not in it.
        self._topic_stems = frozenset(topic_stems)
        #: Given names ("scott", "edgar"): people are named by surname or in full, while a
        #: given name heard by sound is mostly an ordinary word ("my scout troop").
        self._given = frozenset(given_names)
        self._by_first = _forms_by_first_word(forms)
        proper = _identifying_names(forms, names or {}, frozenset(ordinary_words))
        #: A word that is an entity's whole name ("togo") means that entity, not others that
        #: merely contain it ("Togo (2019 film)").
        self._whole = {n: e for n, e in proper if len(n.split()) == 1}
        #: Distinctive single words of names ("seppala", "leonhard", "shaktoolik") -> entities.
        self._name_words = _distinctive_words(proper)
        #: The last word of each name of several words ("kaasen"), by entity.
        self._last_names = {e: n.split()[-1] for n, e in (names or {}).items()
                            if len(n.split()) > 1}
        #: The first word of each name of several words ("titus"), by entity.
        self._first_names = {e: n.split()[0] for n, e in (names or {}).items()
                             if len(n.split()) > 1}
        #: Last words of several proper names ("nollner") and nothing else's name.
        self._surnames_shared = _shared_surnames(self._last_names)
        self._codes: dict[str, list[tuple[str, str, str]]] | None = None
        #: Words of the store's own text a mis-heard word may be respelt to.
        self._respellable = frozenset(w for w in self._known
                                      if len(w) >= 5 and w.isalpha() and w not in STOPWORDS)
        self._vocabulary_codes: dict[str, list[str]] | None = None
        #: Words of six letters or more that a recogniser may write as two ("teammates").
        self._joinable = frozenset(w for w in self._known
                                   if len(w) >= 6 and w.isalpha() and w not in STOPWORDS)
        #: Everyday words that sound like a name ("tough": Togo): said alone, they are
        #: themselves; and those that look like a word of the store's ("cried": "carried"),
        #: never respelt to it (see :meth:`hear_everyday`).
        self._everyday: frozenset[str] = frozenset()
        self._not_respelt: frozenset[str] = frozenset()

    def hear_everyday(self, words: Sequence[str], alone: int = 5000) -> None:
        """Take the most common words of English (most frequent first) as themselves: the
        first ``alone`` of them, said alone, are no name ("event" is not Evans, "personal" not
        Parson); none is respelt to another word ("cried": "carried"), only to its own longer
        or shorter form ("normal": "normally"). Only the words that would otherwise be taken
        for another are kept (a few hundred, not thousands, in the prepared index)."""
        self._everyday = frozenset(
            w for w in words[:alone]
            if self._may_be_a_name([w]) and self._window_sounds_like([w]))
        self._not_respelt = frozenset(
            w for w in words if (to := self.respell(w)) is not None
            and not (to.startswith(w) or w.startswith(to)))  # ("normal": "normally" is it)

    # -- exact ------------------------------------------------------------------------------
    def _exact_at(self, words: Sequence[str], i: int) -> tuple[int, str, bool] | None:
        """The longest form starting at word ``i`` (a trailing plural/possessive "s" allowed):
        (end, entity, whether the "s" was added)."""
        for word, added in ((words[i], False), (words[i][:-1], True)):
            if added and not words[i].endswith("s"):
                break
            for form, entity_id in self._by_first.get(word, ()):
                end = i + len(form)
                if end > len(words) or (added and len(form) > 1):
                    continue
                said = list(words[i:end])
                plural = said[-1] != form[-1] and said[-1].endswith("s")
                if plural:
                    said[-1] = said[-1][:-1]  # "kaasens", "baltos": the apostrophe was dropped
                if tuple(said) == form and not self._of_another(words, end, form, entity_id):
                    return end, entity_id, plural
        return None

    def _of_another(self, words: Sequence[str], end: int, form: tuple[str, ...],
                    entity_id: str) -> bool:
        """ "*The mayor* of Cleveland" is not "the mayor" who is the mayor of Nome: a form
        said with "of" after it, where the entity's own longer form says "of" something else."""
        if end >= len(words) or words[end] != "of":
            return False
        longer = (*form, "of")
        return any(other[:len(longer)] == longer and entity == entity_id
                   for other, entity in self._by_first.get(form[0], ()))

    def _exact_from(self, words: Sequence[str], i: int) -> tuple[int, tuple[int, str, bool] | None]:
        """Where the name at ``i`` starts, and the exact match there (see ``_exact_at``)."""
        exact = self._exact_at(words, i)
        if words[i] != "the" or i + 1 >= len(words):
            return i, exact
        # "the serum relay": the relay, though "the serum" is a name too
        later = self._exact_at(words, i + 1)
        if later is not None and (exact is None or later[0] > exact[0]):
            return i + 1, later
        if exact is None and later is None:
            return i, self._described_at(words, i)
        return i, exact

    def _described_at(self, words: Sequence[str], i: int) -> tuple[int, str, bool] | None:
        """ "the *dog* statue": a name beginning "the", with one word describing it between,
        unless the word tells one from another ("the *other* doctor", "the *second* serum")."""
        if i + 2 >= len(words) or not self._may_describe(words[i + 1]):
            return None
        found = self._exact_at(["the", *words[i + 2:]], 0)
        if found is None or found[0] < 2:
            return None
        return found[0] + i + 1, found[1], found[2]

    def _may_describe(self, word: str) -> bool:
        return (word.isalpha() and word not in STOPWORDS and word not in _DISTINGUISHING
                and word not in self._name_words and word in self._known)

    # -- by sound -----------------------------------------------------------------------------
    def _code_index(self) -> dict[str, list[tuple[str, str, str]]]:
        """First sound of the Metaphone code -> (name word, its code, its NYSIIS code), built on
        the first sound match."""
        if self._codes is None:
            import jellyfish

            codes: dict[str, list[tuple[str, str, str]]] = {}
            for word in self._name_words:
                meta = _vowel_start(jellyfish.metaphone(word))
                codes.setdefault(meta[:1], []).append((word, meta, jellyfish.nysiis(word)))
            self._codes = codes
        return self._codes

    def _sounds_like(self, spoken: str, same_code: bool = False,
                     split: bool = False, loose: bool = False) -> frozenset[str]:
        """Entities whose distinctive name word sounds most like ``spoken`` (letters only):
        the same code before a near one, then the closest spelling. ``same_code``: only the
        same code counts, however it is spelt (next to the rest of the name, "cousin" is
        Kaasen). ``split``: a long name heard as several words, whose letters differ more
        ("eye did a rod"). ``loose``: words said to be a name, which may be one sound from it
        however short ("tokyo the sled dog": Togo)."""
        import jellyfish

        meta = _vowel_start(jellyfish.metaphone(spoken))
        nysiis = jellyfish.nysiis(spoken)
        best: tuple[int, float] = (0, 0.0)
        found: frozenset[str] = frozenset()
        for word, word_meta, word_nysiis in self._code_index().get(meta[:1], ()):
            if word in self._given:
                continue
            similarity = jellyfish.jaro_winkler_similarity(spoken, word)
            rank = 2 if meta == word_meta or nysiis == word_nysiis else (
                1 if _close(meta, word_meta) or _swapped(meta, word_meta) or (
                    (loose or similarity >= _CLOSE_SPELLING) and _one_apart(meta, word_meta))
                else 0)
            if not rank or (same_code and rank < 2):
                continue
            floor = _SAME_CODE_SPELLING if same_code else (
                _SOUNDS_SPELLING if rank == 2 and split else _MIN_SPELLING)
            if (similarity < floor
                    or (rank, similarity) <= best):
                continue
            best = (rank, similarity)
            whole = self._whole.get(word)
            found = frozenset({whole}) if whole else self._name_words[word]
        return found

    def knows(self, word: str) -> bool:
        """Whether the store, its lexicon or the stop words use this word."""
        return word in self._known

    def _unfamiliar(self, word: str) -> bool:
        """Not a word the store knows (a stray letter counts: "black e" is Blackie)."""
        if len(word) == 1:
            return word not in ("a", "i")
        # (an ordinary known word with its possessive "s", as speech recognition writes
        # "wife's"; a name's, "nortons", may still be a name heard by sound)
        base = word[:-1] if word.endswith("s") else ""
        return (word not in self._known and not word.isdigit()
                and not (base in self._known and base not in self._name_words))

    def _sound_at(self, words: Sequence[str], i: int, taken: set[int]) -> tuple[int, str] | None:
        """A window of one to four words from ``i`` that sounds like one entity's name."""
        for size in range(min(_MAX_WINDOW, len(words) - i), 0, -1):
            span = range(i, i + size)
            if any(j in taken for j in span):
                continue
            # (a number heard inside a name is said as a word: "nor *10* sound")
            window = [_SAID.get(words[j], words[j]) if size > 1 else words[j] for j in span]
            said_to_be = _said_to_be_one(words, i, i + size)
            if not self._may_be_a_name(window) and not said_to_be:
                continue
            # Ending in a word naming a topic ("the *annual sled*"), only the very sounds of
            # a name make it one, not sounds near it.
            strict = size > 1 and stem(window[-1]) in self._topic_stems
            entities = self._window_sounds_like(window, strict, loose=said_to_be)
            if entities and size > 1 and (
                    stem(window[-1]) in self._topic_stems and self._window_sounds_like(window[:-1])
                    or window[-1] in _CLAUSE_ENDINGS
                    and self._window_sounds_like(window[:-1]) == entities):
                # "sep ala *die*": a word naming a topic ends the name, not in it; "ball toe
                # *now*": a word that ends a clause, which the name does without, is not in it
                continue
            # Next to a word of a name ("edgar knoll nurse"), keep the entities both name.
            for j in (i - 1, i + size):
                if 0 <= j < len(words) and words[j] in self._name_words:
                    both = entities & self._name_words[words[j]]
                    entities = both or entities
            if len(entities) == 1:
                return i + size, next(iter(entities))
        return None

    def _may_be_a_name(self, window: Sequence[str]) -> bool:
        """A window with a word the store does not know, and none of a question's own words
        ("how *many bed*"); one word alone, not an everyday one ("tough")."""
        if len(window) == 1:
            return self._unfamiliar(window[0]) and window[0] not in self._everyday
        return any(self._unfamiliar(w) for w in window) and not any(
            w in QUESTION_WORDS or w in _QUANTITIES for w in window)

    def _window_sounds_like(self, window: Sequence[str], strict: bool = False,
                            loose: bool = False) -> frozenset[str]:
        joined = "".join(window)
        # One short word is too often an ordinary one; "no m" (Nome) is two.
        if len(joined) < (4 if len(window) == 1 else 3) or not joined.isalpha():
            return frozenset()
        # (not from a stop word: "to nina na" is "to" Nenana, not Tanana)
        split = len(window) >= 3 and window[0] not in STOPWORDS
        found = self._sounds_like(joined, same_code=strict, split=split, loose=loose)
        if not found and joined.endswith("s") and len(joined) > 4:
            found = self._sounds_like(joined[:-1], same_code=strict)  # "cassins": "'s" as "s"
        return found

    # -- ordinary words -------------------------------------------------------------------------
    def joined(self, words: Sequence[str]) -> list[str]:
        """Two words a recogniser split that the store knows as one ("team mates", "brook
        side") or that sound like one of the story's words ("dif theria"): joined, when
        neither is a stop word ("to go" stays two words) and the store does not know both
        ("leg end" stays two words)."""
        out: list[str] = []
        i = 0
        while i < len(words):
            pair = words[i:i + 2]
            one = "".join(pair) if (
                len(pair) == 2 and all(w.isalpha() and w not in STOPWORDS for w in pair)
                and not all(w in self._known for w in pair)) else None
            if one is not None and one not in self._joinable:
                one = self._heard_apart(pair)
            if one is not None:
                out.append(one)
                i += 2
            else:
                out.append(words[i])
                i += 1
        return out

    def _heard_apart(self, pair: Sequence[str]) -> str | None:
        """A word naming the story's topics that a recogniser wrote as two sounding like it,
        one of them no word the store knows ("dif theria", "dip theory": diphtheria; "sea
        rum": serum): the same sounds, or one swapped, spelt nearly alike."""
        joined = "".join(pair)
        if (len(joined) < 5 or all(w in self._known for w in pair)
                or self._window_sounds_like(pair)):
            return None  # (a name heard as two words is found by its sound: "sepp ala")
        import jellyfish

        code = _vowel_start(jellyfish.metaphone(joined))
        codes = self._codes_of_vocabulary()
        # (the same sounds, or one swapped after the first: "TP0R" is "TF0R")
        alike = {code} | {code[:i] + other + code[i + 1:] for i in range(1, len(code))
                          for swap in _SPELT_SWAPS if code[i] in swap for other in swap - {code[i]}}
        best = max(((jellyfish.jaro_winkler_similarity(joined, known), known)
                    for sounds in alike for known in codes.get(sounds, ())
                    if abs(len(known) - len(joined)) <= 2 and known not in self._name_words
                    and stem(known) in self._topic_stems),  # (only the story's own words)
                   default=(0.0, ""))
        return best[1] if best[0] >= _HEARD_APART_SPELLING else None

    def _codes_of_vocabulary(self) -> dict[str, list[str]]:
        """Metaphone code -> the store's words a mis-heard word may be respelt to, built on
        first use (by :meth:`respell` and :meth:`_heard_apart` alike)."""
        if self._vocabulary_codes is None:
            import jellyfish

            codes: dict[str, list[str]] = {}
            for known in self._respellable:
                codes.setdefault(_vowel_start(jellyfish.metaphone(known)), []).append(known)
            self._vocabulary_codes = codes
        return self._vocabulary_codes

    def respell(self, word: str) -> str | None:
        """A word the store uses that an unfamiliar word sounds and looks like ("amundson" ->
        "amundsen"), or None. Only words of five letters or more are respelt, and no everyday
        word ("cried")."""
        if (len(word) < 5 or not word.isalpha() or not self._unfamiliar(word)
                or word in self._not_respelt):
            return None
        import jellyfish

        candidates = self._codes_of_vocabulary().get(
            _vowel_start(jellyfish.metaphone(word)), [])
        scored = [(jellyfish.jaro_winkler_similarity(word, c), c) for c in candidates]
        best = max(scored, default=(0.0, ""))
        return best[1] if best[0] >= _MIN_RESPELLING else None

    def people_in(self, text: str) -> list[str]:
        """Names of several words in ``text`` (as written, capitals kept) that the store's
        text uses and no place word is part of ("Kevin Bacon", not "New York City")."""
        # (nor one opening with a word no name opens with: "*After* Balto", a sentence's)
        return [phrase for phrase in self.phrases_said(f" {' '.join(plain_words(text))} ")
                if not set(phrase.split()) & _PLACE_WORDS
                and phrase.split()[0] not in _NOT_NAME_OPENERS]

    def phrases_said(self, text: str) -> list[str]:
        """The names of several words the store's text uses that ``text`` (plain words, with a
        space at each end) says ("kevin bacon")."""
        return [phrase for entries in self._phrases.values() for _, phrase in entries
                if f" {phrase} " in text]

    def respell_phrases(self, words: Sequence[str], taken: set[int]) -> list[str]:
        """The words with any two to four of them, one unfamiliar, that sound and look like a
        name of several words the store's text uses written as that name ("will am the foe"
        -> "willem dafoe"); the name's other places left empty."""
        out = list(words)
        if not any(self._unfamiliar(w) for w in words):
            return out
        import jellyfish

        i = 0
        while i < len(out):
            for size in range(min(_MAX_WINDOW, len(out) - i), 1, -1):
                window = out[i:i + size]
                if (any(j in taken for j in range(i, i + size))
                        or not all(w.isalpha() for w in window)
                        or not any(self._unfamiliar(w) for w in window)):
                    continue
                joined = "".join(window)
                best = max(((jellyfish.jaro_winkler_similarity(joined, name), phrase)
                            for name, phrase in self._phrases.get(joined[:1], ())
                            if abs(len(name) - len(joined)) <= 2), default=(0.0, ""))
                if best[0] >= _MIN_RESPELLING:
                    out[i:i + size] = [best[1], *([""] * (size - 1))]
                    i += size - 1
                    break
            i += 1
        return out

    def respell_over_first_names(self, words: list[str]) -> list[str]:
        """The words with a name of several words the store's text uses respelt where one
        of its words was heard as an entity's first name alone ("william the foe": Willem
        Dafoe, not William Thompson); names said in full are kept."""
        if not any(self._unfamiliar(w) for w in words):
            return words
        # Only a window that starts at such a first name may be respelt.
        free = {i for m in self.find(words) if not (m.exact or m.by_sound)
                for i in range(m.start, min(m.start + _MAX_WINDOW, len(words)))}
        if not free:
            return words
        respelt = self.respell_phrases(words, set(range(len(words))) - free)
        if respelt == words:
            return words
        return [part for word in respelt for part in word.split()]

    # -- both ---------------------------------------------------------------------------------
    def find(self, words: Sequence[str]) -> list[Mention]:
        """Every entity the words name, in order of appearance, exact matches first."""
        mentions: list[Mention] = []
        taken: set[int] = set()
        i = 0
        while i < len(words):
            i, exact = self._exact_from(words, i)
            if exact is not None:
                end, entity_id, possessive = exact
                mentions.append(Mention(entity_id, i, end, possessive=possessive))
                taken.update(range(i, end))
                i = end
            else:
                i += 1
        mentions += self._split_names(words, taken)
        mentions += self._name_words_said(words, taken)
        if any(self._unfamiliar(w) for j, w in enumerate(words) if j not in taken):
            mentions += self._by_sound(words, taken)
        mentions = self._given_names_misheard(words, mentions, taken)
        mentions.sort(key=lambda m: m.start)
        return [self._longer(words, m) for m in _merge(self._surnames(words, mentions, taken))]

    def _given_names_misheard(self, words: Sequence[str], mentions: list[Mention],
                              taken: set[int]) -> list[Mention]:
        """A word the store does not know right before a surname heard right, spelt nearly as
        that name's given name, is the given name misheard ("*ronald* amundsen"): part of
        the name, not an unknown word the question turns on."""
        out = []
        for mention in mentions:
            at = mention.start - 1
            given = self._first_names.get(mention.entity)
            if (given is not None and at >= 0 and at not in taken and words[at] != given
                    and self._unfamiliar(words[at])
                    and _spelt_alike(words[at], given) >= _GIVEN_SPELLING):
                mention = Mention(mention.entity, at, mention.end, by_sound=True, exact=False,
                                  possessive=mention.possessive)
                taken.add(at)
            out.append(mention)
        return out

    def _split_names(self, words: Sequence[str], taken: set[int]) -> list[Mention]:
        """A whole name written as two ordinary words after a word that asks of someone
        ("where did *to go* retire"); not "it took them long *to go* there"."""
        found = []
        for i in range(1, len(words) - 1):
            whole = self._whole.get(words[i] + words[i + 1])
            if (whole is not None and words[i - 1] in _ASKS_OF and i not in taken
                    and i + 1 not in taken):
                found.append(Mention(whole, i, i + 2, by_sound=True, exact=False))
                taken.update((i, i + 1))
        return found

    def _name_words_said(self, words: Sequence[str], taken: set[int]) -> list[Mention]:
        """Single distinctive name words ("leonhard", "shaktoolik") that no form covered; a
        surname several share names each, said of them all ("the nollner brothers") or alone
        ("who had the serum first, nollner or evans"): one of them, but the question does not
        say which. A given name several share ("charlie") names none of them."""
        found = []
        for i, word in enumerate(words):
            if i in taken:
                continue
            entities = self._name_words.get(word)
            if entities is not None and len(entities) == 1:
                found.append(Mention(next(iter(entities)), i, i + 1, exact=False))
                taken.add(i)
            elif entities and i + 1 < len(words) and words[i + 1] in _GROUP_WORDS:
                found += [Mention(e, i, i + 2, exact=False) for e in sorted(entities)]
                taken.update((i, i + 1))
            elif (entities and word not in self._given
                  and self._surnames_shared.get(word) == entities):
                found += [Mention(e, i, i + 1, exact=False) for e in sorted(entities)]
                taken.add(i)
        return found

    def _by_sound(self, words: Sequence[str], taken: set[int]) -> list[Mention]:
        """Names heard by sound in the words no other match took; not a word the speaker
        calls their own ("what's on *my calendar*" is no Kalland)."""
        found = []
        i = 0
        while i < len(words):
            owned = i > 0 and words[i - 1] in OWNERS
            match = None if i in taken or owned else self._sound_at(words, i, taken)
            if match is None:
                i += 1
                continue
            end, entity_id = match
            found.append(Mention(entity_id, i, end, by_sound=True, exact=False))
            taken.update(range(i, end))
            i = end
        return found

    def _rest_said(self, words: Sequence[str], mention: Mention, taken: set[int]) -> int | None:
        """Where the rest of the name after a mention ends, heard as ordinary words; None
        if no more of it was said. A name said as an owner ends there ("seppala's *street
        address*" is his, not more of his name)."""
        if mention.possessive:
            return None
        found = self._rest_of_name(words, mention.end, frozenset({mention.entity}), taken)
        if found is None:
            found = self._misheard_surname(words, mention, taken)
        if found is None and mention.end - mention.start == 1 and (
                words[mention.start] in self._given):
            near = self._near_surname(words, mention.end, frozenset({mention.entity}), taken)
            found = near[0] if near else None
        return found

    def _surnames(self, words: Sequence[str], mentions: list[Mention],
                  taken: set[int]) -> list[Mention]:
        """One or two words right after a name, or after a given name several people share,
        that sound like another word of one such entity's name, though the store knows them as
        ordinary words ("gunner *cousin*", "edgar *knoll*", "charlie *all son*")."""
        out = []
        for mention in mentions:
            found = self._rest_said(words, mention, taken)
            if found is not None:
                mention = Mention(mention.entity, mention.start, found, True, False)
                taken.update(range(mention.start, found))
            start = self._given_before(words, mention, taken)
            if start is not None:
                mention = Mention(mention.entity, start, mention.end, True, False)
                taken.update(range(start, mention.end))
            out.append(mention)
        for i, word in enumerate(words):
            shared = self._name_words.get(word, frozenset())
            if i in taken or len(shared) < 2:
                continue
            for entity in shared:
                found = self._rest_of_name(words, i + 1, frozenset({entity}), taken)
                if found is not None:
                    out.append(Mention(entity, i, found, True, False))
                    taken.update(range(i, found))
                    break
            else:
                near = self._near_surname(words, i + 1, shared, taken)
                if near is not None:
                    out.append(Mention(near[1], i, near[0], True, False))
                    taken.update(range(i, near[0]))
        out.sort(key=lambda m: m.start)
        return out

    def _misheard_surname(self, words: Sequence[str], mention: Mention,
                          taken: set[int]) -> int | None:
        """The end of a word the store does not know (or of two, the last unknown: "sep
        *holla*"), right after someone's first name alone, that begins with the sound their
        surname begins with ("gunner *carson*"): the surname as heard, though it sounds too
        far from it for :meth:`_rest_of_name`."""
        i = mention.end
        surname = self._last_names.get(mention.entity)
        if (surname is None or mention.end - mention.start != 1 or i >= len(words)
                or i in taken or words[mention.start] == surname):
            return None
        import jellyfish

        # (one word, or two a recogniser split: "leonard *sep holla*")
        for size in (2, 1):
            span = words[i:i + size]
            word = "".join(span)
            if (len(span) < size or any(j in taken for j in range(i, i + size))
                    or len(word) < 4 or not word.isalpha()
                    or not self._unfamiliar(span[-1]) or span[0] in STOPWORDS):
                continue
            if jellyfish.metaphone(word)[:1] == jellyfish.metaphone(surname)[:1]:
                return i + size
        return None

    def _given_before(self, words: Sequence[str], mention: Mention,
                      taken: set[int]) -> int | None:
        """Where a name begins when one or two words the store does not know, right before
        the surname, sound like its bearer's given name ("*tight us* nikolai": Titus)."""
        given = self._first_names.get(mention.entity)
        if given is None:
            return None
        for size in (2, 1):
            start = mention.start - size
            span = words[max(start, 0):mention.start]
            if (start < 0 or any(j in taken for j in range(start, mention.start))
                    or not all(w.isalpha() for w in span) or span[0] in STOPWORDS
                    or not any(self._unfamiliar(w) for w in span)):
                continue
            import jellyfish  # (only here: most questions never need a sound code)

            if jellyfish.metaphone("".join(span)) == jellyfish.metaphone(given):
                return start
        return None

    def _near_surname(self, words: Sequence[str], after: int, entities: frozenset[str],
                      taken: set[int]) -> tuple[int, str] | None:
        """The end of one or two ordinary words right after a given name that sound one sound
        from the surname of just one of ``entities`` ("charlie *old son*": Olson, "charlie
        *heavens*": Evans), with that one; or None. Only after the given name, which narrows
        who is meant, is a sound this far off taken for a name."""
        for span in self._spans_after(words, after, taken):
            entity = self._nearest_surname("".join(span), entities)
            if entity is not None:
                return after + len(span), entity
        return None

    def _nearest_surname(self, spoken: str, entities: frozenset[str]) -> str | None:
        """The one of ``entities`` whose surname's code is at most one sound from ``spoken``'s
        (a leading "h" unsaid, as in "heavens" for Evans)."""
        import jellyfish

        from skill.text.vocabulary import edit_distance

        def code(word: str) -> str:
            return _vowel_start(jellyfish.metaphone(word.removeprefix("h")))

        heard = code(spoken)
        near = [e for e in sorted(entities) if (surname := self._last_names.get(e))
                and len(code(surname)) >= 3 and edit_distance(heard, code(surname), 1) <= 1]
        return near[0] if len(near) == 1 else None

    def _rest_of_name(self, words: Sequence[str], after: int, entities: frozenset[str],
                      taken: set[int]) -> int | None:
        """The end of one or two words from ``after`` that sound, letter for letter in the
        same code, like a word of one of ``entities``' names, or None."""
        for span in self._spans_after(words, after, taken):
            joined = "".join(span)
            if (len(joined) >= 4 + len(span)
                    and self._sounds_like(joined, same_code=True) & entities):
                return after + len(span)
        return None

    def _spans_after(self, words: Sequence[str], after: int,
                     taken: set[int]) -> Iterator[Sequence[str]]:
        """The two words from ``after``, then the one, that may be the rest of a name: free,
        letters only, no name's word among them, not ending in a stop word."""
        for size in (2, 1):
            span = words[after:after + size]
            if (len(span) == size and not any(j in taken for j in range(after, after + size))
                    and span[-1] not in STOPWORDS and all(w.isalpha() for w in span)
                    and not any(w in self._name_words for w in span)):
                yield span

    def _longer(self, words: Sequence[str], mention: Mention) -> Mention:
        """A name heard by sound that begins a longer name with the words after it ("ball toe
        statue": the Balto statue), as it would have had it been heard right."""
        whole = next((n for n, e in self._whole.items() if e == mention.entity), None) \
            if mention.by_sound else None
        if whole is None or mention.end >= len(words):
            return mention
        found = self._exact_at([whole, *words[mention.end:]], 0)
        if found is None or found[0] <= 1 or found[1] == mention.entity:
            return mention
        return Mention(found[1], mention.start, mention.end + found[0] - 1, True, False)


def _merge(mentions: list[Mention]) -> list[Mention]:
    """Adjacent mentions of one entity are one name ("gunner" + "cason": Gunnar Kaasen); not
    two whole names ("is togo | seppala's lead dog"), which say one is the other."""
    merged: list[Mention] = []
    for mention in mentions:
        last = merged[-1] if merged else None
        if (last is not None and last.entity == mention.entity and last.end == mention.start
                and not (last.exact and mention.exact)):
            merged[-1] = Mention(last.entity, last.start, mention.end,
                                 last.by_sound or mention.by_sound, False)
        else:
            merged.append(mention)
    return merged
