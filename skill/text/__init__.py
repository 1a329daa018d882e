"""One text pipeline for everything that reads what a listener said (pure: standard library only).

The fact ranker, the simulator's NLU and the story's chapter names all meet spoken text here:
normalising (:mod:`.normalise`), word lists and the stemmer (:mod:`.vocabulary`), and spoken
numbers (:mod:`.numbers`). Every function is linear in its input, and free-form text is clipped
to :data:`~skill.text.normalise.MAX_SPOKEN_CHARS` first, so no request can make the skill slow.
"""
