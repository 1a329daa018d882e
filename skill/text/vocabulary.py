"""Word lists and the stemmer shared by the ranker and the NLU.

One stop-word list: words that carry no topic. Question words are kept apart
(:data:`QUESTION_WORDS`, with the words opening a yes/no question) because the question's
shape depends on them, and spoken fillers live with the normaliser
(:data:`skill.text.normalise.FILLERS`). :data:`NOT_FOCUS` gathers every word that never carries
what a question is about.
"""

from __future__ import annotations

import re
from functools import lru_cache

from skill.text.normalise import FILLERS

STOPWORDS: frozenset[str] = frozenset(
    """a an the and or but of to in on at by for with from into onto as is are was were be been
    being am do does did done doing have has had having it its it's this that these those there
    their they them he him his she her hers i me my we us our you your yours can could would should
    will shall may might must about tell know give some any just please um uh er hmm like
    so then than too very really also alexa ask skill me more much ever get got go going let lets
    okay ok hey well all exactly actually anything something thing things stuff kind sort bit
    even still yet again exact basically quite pretty whole from else someone anyone many
    somebody anybody
    remind heard hear wonder wondering wondered good great interesting cool nice guess maybe
    people person around connection connected link linked relationship if want
    thats theres its ive im id youre youve weve theyre hes shes somewhere anywhere everywhere
    here enough during throughout gets getting""".split()
)

#: Negative auxiliaries as the normaliser writes them ("can't": cant): function words, which
#: no fact needs to share for a question to be heard ("i *can't* remember who wrote it").
NEGATED_AUXILIARIES: frozenset[str] = frozenset(
    """cant cannot couldnt didnt doesnt dont isnt wasnt werent arent wont wouldnt shouldnt
    hasnt havent hadnt aint""".split()
)

QUESTION_WORDS: frozenset[str] = frozenset(
    "who whom whose what which when where why how".split()
)

#: Words that open a yes/no question (speech recognition drops apostrophes).
YES_NO_STARTS: frozenset[str] = frozenset(
    """is was were are did does do has had have can could would will isnt wasnt werent arent
    didnt doesnt dont hasnt hadnt cant couldnt wouldnt""".split()
)
#: The plain openers of a yes/no question, the subset of YES_NO_STARTS that are not also heard
#: for something else ("were" is also "we're" heard; "have" opens "have you got").
ASKS_YES_NO: frozenset[str] = frozenset("did does do was is has had can could".split())
#: Verbs of a thing coming to be, which "that" asks of the last answer ("what year was that
#: *published*").
MADE: frozenset[str] = frozenset(
    "published released written made built unveiled dedicated founded come came out".split())
#: The verb "be" as a question or clause says it.
BE_FORMS: frozenset[str] = frozenset("is was are were".split())
#: Verbs of being ("was he *there*": of the last answer, not a place to name).
BEING: frozenset[str] = BE_FORMS | {"be", "been"}

#: Personal pronouns a follow-up uses for what the last answer was about.
PRONOUNS: frozenset[str] = frozenset("he him his she her it its they them their".split())

#: Words that never carry what a question is about.
NOT_FOCUS: frozenset[str] = (
    STOPWORDS | QUESTION_WORDS | FILLERS | PRONOUNS | YES_NO_STARTS | frozenset(
    """happen happened happens happening do did done doing make made makes get got gets go went
    goes gone come came comes take took takes tell told know knew say said call called name
    named names like really actually exactly ever still during while before after since until
    then also just only even much many more most some any other others one ones thing things
    stuff way whole time times long far old first last finally originally altogether roughly
    approximately around about back again already yet went mean means meant true right
    people person someone somebody anyone everyone""".split()))

#: Irregular verb forms a suffix stripper cannot reach, to their base ("frostbitten" meets
#: "frostbite", "drove" meets "drive"); only forms that are not also common other words.
#: Content terms fold them; topic triggers keep the forms they list ("ran" a leg, not the
#: "serum run").
IRREGULAR = {form: base for base, forms in {
    "bite": "bit bitten", "frostbite": "frostbitten frostbit", "run": "ran", "win": "won",
    "drive": "drove driven driving", "ride": "rode ridden riding",
    "write": "wrote written writing", "take": "took taken taking",
    "give": "gave given giving", "go": "went gone", "come": "came coming",
    "bring": "brought", "buy": "bought", "sell": "sold", "tell": "told", "think": "thought",
    "catch": "caught", "fight": "fought", "know": "knew known", "grow": "grew grown",
    "fly": "flew flown", "break": "broke broken",
    "choose": "chose chosen", "begin": "began begun", "send": "sent", "spend": "spent",
    "build": "built", "lose": "lost", "meet": "met", "feed": "fed", "hold": "held",
    "keep": "kept", "sleep": "slept", "pay": "paid", "make": "made making", "stand": "stood",
    "throw": "threw thrown", "wear": "wore worn", "hide": "hid hidden", "fall": "fell fallen",
    "eat": "ate eaten", "speak": "spoke spoken", "become": "became", "find": "found",
    "teach": "taught", "seek": "sought", "swim": "swam swum", "sink": "sank sunk",
    "steal": "stole stolen", "forget": "forgot forgotten", "sing": "sang sung",
    "freeze": "froze", "shake": "shook shaken", "hear": "heard", "feel": "felt",
    "say": "said", "wake": "woke woken", "hang": "hung", "dig": "dug", "draw": "drew drawn",
    "blow": "blew blown", "tear": "tore torn", "lead": "led",
}.items() for form in forms.split()}

#: Forms whose base is another word's ("trained" is no railroad "train").
_OWN_SENSE = {w: "training" for w in ("training", "trained", "trainer", "trainers")} | {
    # ("a dog *named* Togo" calls him by his name; it does not ask where the name came from)
    "named": "nam"}
_DOUBLE_FINAL = re.compile(r"([bdfgmnprt])\1$")  # wrapp -> wrap, stopp -> stop
#: One short syllable ending consonant, vowel, consonant: the base of "lived", "shared",
#: "closed" lost a silent "e" ("liv", "shar", "clos"), where "rained" or "visited" did not.
_SHORT_SYLLABLE = re.compile(r"[^aeiouy]*[aeiou][^aeiouwxy]")
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A deliberately small suffix stripper: possessive, plural, past and -ing forms meet
    their base ("mushers" -> "musher", "carried" -> "carry", "balto's" -> "balto")."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) <= 3 or word.isdigit():
        return word
    if word in _OWN_SENSE:
        return _OWN_SENSE[word]
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "es" and not word.endswith(("ches", "shes", "xes", "sses")):
                continue
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                continue
            base = word[: -len(suffix)] + repl
            if suffix in ("ed", "ing"):
                undoubled = _DOUBLE_FINAL.sub(r"\1", base)
                # ("lived", "closing": the silent "e" the ending took, given back so they
                # meet "live" and "close"; "hopped" keeps its short "hop")
                base = undoubled if undoubled != base else (
                    base + "e" if _SHORT_SYLLABLE.fullmatch(base) else base)
            return base
    return word


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
