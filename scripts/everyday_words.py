"""Write skill/facts/data/everyday_words.txt: the most frequent words of English.

Why: names are also heard by their sound ("toe go" is Togo), and a sound code is loose enough
that hundreds of everyday words sound like some name in the store ("tough", "event",
"personal"). A word this common, said alone, is taken as itself. The list comes from wordfreq
(https://github.com/rspeer/wordfreq, data CC BY-SA 4.0), which is not a dependency of the
skill: install it only to regenerate the file (``pip install wordfreq``), then

    python scripts/everyday_words.py
"""

from __future__ import annotations

from pathlib import Path

COUNT = 20000
#: Of them, the most frequent, said alone, are never a name heard by sound (rarer ones may be:
#: "gnome" is often Nome); none of them is respelt to a word of the store's ("cried" is no
#: "carried").
NAME_COUNT = 5000
OUTPUT = Path(__file__).resolve().parents[1] / "skill" / "facts" / "data" / "everyday_words.txt"
HEADER = f"""\
# The {COUNT:,} most frequent words of English (those of four letters or more), from wordfreq
# 3.1.1 (top_n_list('en', {COUNT}); data CC BY-SA 4.0, https://github.com/rspeer/wordfreq).
# Most frequent first. None is respelt to a word of the store's ("cried" is no "carried"); the
# first {NAME_COUNT:,} here, said alone, are never a name heard by sound ("tough": no Togo).
# Regenerate with scripts/everyday_words.py.
"""


def main() -> None:
    from wordfreq import top_n_list  # type: ignore[import-not-found]  # (not a dependency)

    words = [w for w in top_n_list("en", COUNT) if w.isalpha() and len(w) >= 4]
    OUTPUT.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{OUTPUT}: {len(words)} words")


if __name__ == "__main__":
    main()
