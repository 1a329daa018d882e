"""Recognise the spoken forms that open a skill: "open serum run", "ask serum run to ...".

Alexa strips the wake word, the launch phrase, the invocation name and one connecting word
before the skill sees the utterance ("ask serum run *to* tell me the story" reaches the skill
as "tell me the story").  The simulator does the same so users can type what they would say.
"""

from __future__ import annotations

from dataclasses import dataclass

from skill.text.normalise import normalise

LAUNCH_VERBS = ("open", "start", "launch", "begin", "load", "run", "play", "resume", "use")
QUERY_VERBS = ("ask", "tell", "use", "have", "get")
#: Connecting words Alexa drops after "ask <name>"; question words are kept.
DROPPED_CONNECTORS = frozenset({"to", "for", "about", "if", "whether", "that", "and"})


@dataclass(frozen=True)
class Invocation:
    """How the utterance addressed the skill.

    ``kind`` is ``"launch"`` (open the skill, no request), ``"intent"`` (invocation name plus
    a request, in ``utterance``) or ``"none"`` (no invocation name: the whole text is the
    request).  ``dropped`` is the connecting word removed, so a caller can retry with it.
    """

    kind: str
    utterance: str
    dropped: str | None = None


def split_invocation(text: str, invocation_name: str) -> Invocation:
    """Split "ask <name> to <request>"-style text into its parts."""
    words = normalise(text).split()
    if words[:1] == ["alexa"]:
        words = words[1:]
    name = normalise(invocation_name).split()
    if not name:
        return Invocation("none", " ".join(words))
    start = _find(words, name)
    if start is None:
        return Invocation("none", " ".join(words))
    before, after = words[:start], words[start + len(name):]
    if before and before[-1] == "the" and len(before) > 1:
        before = before[:-1]
    if not after and (not before or before[-1] in LAUNCH_VERBS + QUERY_VERBS):
        return Invocation("launch", "")
    if before and before[0] in QUERY_VERBS + LAUNCH_VERBS and len(before) <= 2:
        dropped = None
        if after and after[0] in DROPPED_CONNECTORS and len(after) > 1:
            dropped, after = after[0], after[1:]
        return Invocation("intent", " ".join(after), dropped)
    if not before:
        # "serum run tell me the story": name first, request after.
        return Invocation("intent", " ".join(after))
    # "tell me about togo using serum run" / "... from serum run"
    if not after and before[-1] in ("using", "with", "from"):
        return Invocation("intent", " ".join(before[:-1]))
    return Invocation("none", " ".join(words))


def _find(words: list[str], name: list[str]) -> int | None:
    for start in range(len(words) - len(name) + 1):
        if words[start:start + len(name)] == name:
            return start
    return None
