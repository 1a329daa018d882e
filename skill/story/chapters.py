"""Load and validate the story chapters (``data/chapters.json``) once.

Why the story is data: the narration is edited by people checking it against the fact store, not
by programmers, and a test can read the same file to check every date, distance and name it
mentions. Why validate on load: a typo in the file (a duplicated number, an alias used by two
chapters, an emphasis phrase that is not in the text) would otherwise surface as a confusing answer
in the middle of a conversation; here it fails on first load with the file and chapter named.

PURE: standard library only.
"""

import os
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from skill.jsonfile import read_json
from skill.records import Record
from skill.text.normalise import normalise

if TYPE_CHECKING:
    from pathlib import Path

#: The packaged chapters file as a plain string: the serving path avoids pathlib (~5 ms of cold
#: start to import). ``DEFAULT_PATH`` is the same file as a ``Path``, made on first access.
_DEFAULT_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "chapters.json")


def __getattr__(name: str) -> "Path":
    """``DEFAULT_PATH`` as a ``pathlib.Path`` (PEP 562), importing pathlib only when asked."""
    if name == "DEFAULT_PATH":
        from pathlib import Path

        return Path(_DEFAULT_FILE)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

#: Validation patterns as strings, compiled (and cached by ``re``) when the chapters are first
#: loaded: docs/DESIGN.md, cold start.
_ID = r"^[a-z][a-z0-9_]*$"


class ChaptersError(ValueError):
    """The chapters file is malformed; the message names the file, the chapter and the problem."""


class Chapter(Record):
    """One chapter of the narrated story (plain text; SSML is added by the speech module)."""

    __slots__ = ()

    id: str
    number: int
    title: str
    aliases: tuple[str, ...]
    paragraphs: tuple[str, ...]
    emphasis: tuple[str, ...] = ()
    scene_breaks: tuple[int, ...] = ()

    @property
    def text(self) -> str:
        """All paragraphs as one plain string (cards, word counts, fact checks)."""
        return " ".join(self.paragraphs)

    @property
    def word_count(self) -> int:
        """Words in the chapter body, the measure the 150–300 word guideline uses."""
        return len(self.text.split())


class Story(Record):
    """The ordered chapters, with lookups by number and by spoken name."""

    __slots__ = ()

    title: str
    chapters: tuple[Chapter, ...]

    @property
    def chapter_count(self) -> int:
        """How many chapters there are (chapter numbers run 1..chapter_count). Not ``count``:
        a Record is a tuple, and that name is tuple's own method."""
        return len(self.chapters)

    def chapter(self, number: int) -> Chapter | None:
        """The chapter with this number, or None when it does not exist."""
        if 1 <= number <= len(self.chapters):
            return self.chapters[number - 1]
        return None

    def by_id(self, chapter_id: str) -> Chapter | None:
        """The chapter with this id (the CHAPTER slot's resolved id), or None."""
        for chapter in self.chapters:
            if chapter.id == chapter_id:
                return chapter
        return None

    def find(self, spoken: str) -> Chapter | None:
        """Resolve a spoken chapter name ("the norton sound", "togo's run") to a chapter.

        Tries the id, then exact aliases and titles, then names with a leading "the" and a
        trailing "chapter" removed, so raw slot values work even without Alexa's entity
        resolution (the simulator, or ER_SUCCESS_NO_MATCH).
        """
        wanted = normalise_name(spoken)
        if not wanted:
            return None
        for candidate in (wanted, _strip_fillers(wanted)):
            for chapter in self.chapters:
                names = {chapter.id.replace("_", " "), normalise_name(chapter.title)}
                names.update(chapter.aliases)
                names.update(_strip_fillers(a) for a in chapter.aliases)
                if candidate in names:
                    return chapter
        return None


def normalise_name(text: str) -> str:
    """A chapter name as the text pipeline normalises what a listener says."""
    return normalise(text)


def _strip_fillers(name: str) -> str:
    """Drop a leading "the" and trailing "chapter"/"part" ("the storm chapter" -> "storm")."""
    words = name.split()
    if words and words[0] == "the":
        words = words[1:]
    while words and words[-1] in ("chapter", "part", "one"):
        words = words[:-1]
    return " ".join(words)


def _fail(source: str, where: str, problem: str) -> ChaptersError:
    return ChaptersError(f"{source}: {where}: {problem}")


def _str_list(value: Any, source: str, where: str, field: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(source, where, f"'{field}' must be a list of non-empty strings")
    return tuple(" ".join(v.split()) for v in value)


def _header(raw: Any, index: int, source: str) -> tuple[str, int, str]:
    """Validate id, number and title; the number must equal the chapter's position."""
    where = f"chapter #{index + 1}"
    if not isinstance(raw, Mapping):
        raise _fail(source, where, "must be an object")
    chapter_id = raw.get("id")
    if not isinstance(chapter_id, str) or not re.match(_ID, chapter_id):
        raise _fail(source, where, f"'id' must be lowercase snake_case, got {chapter_id!r}")
    where = f"chapter {chapter_id!r}"
    number = raw.get("number")
    if not isinstance(number, int) or isinstance(number, bool) or number != index + 1:
        raise _fail(
            source, where, f"'number' must be {index + 1} (chapters in order), got {number!r}"
        )
    title = raw.get("title")
    if not isinstance(title, str) or not title.strip():
        raise _fail(source, where, "'title' must be a non-empty string")
    return chapter_id, number, title.strip()


def _paragraphs(raw: Mapping[str, Any], source: str, where: str) -> tuple[str, ...]:
    """Non-empty plain-text paragraphs (markup characters are refused: SSML is added in code)."""
    paragraphs = _str_list(raw.get("paragraphs"), source, where, "paragraphs")
    if not paragraphs:
        raise _fail(source, where, "'paragraphs' must not be empty")
    for i, para in enumerate(paragraphs):
        if "<" in para or ">" in para:
            raise _fail(source, where, f"paragraph {i + 1} contains '<' or '>'; write plain text")
    return paragraphs


def _aliases(raw: Mapping[str, Any], source: str, where: str) -> tuple[str, ...]:
    """Spoken chapter names, already in the normalised form the lookup compares against."""
    aliases = _str_list(raw.get("aliases", []), source, where, "aliases")
    for alias in aliases:
        if alias != normalise_name(alias):
            raise _fail(
                source, where, f"alias {alias!r} must be lowercase words without punctuation"
            )
    return aliases


def _scene_breaks(raw: Mapping[str, Any], count: int, source: str, where: str) -> tuple[int, ...]:
    """Paragraph indexes that start a new scene (a longer pause is spoken before them)."""
    breaks = raw.get("scene_breaks", [])
    if not isinstance(breaks, list) or not all(
        isinstance(b, int) and not isinstance(b, bool) and 1 <= b < count for b in breaks
    ):
        raise _fail(source, where, f"'scene_breaks' must list paragraph indexes 1..{count - 1}")
    return tuple(sorted(set(breaks)))


def _chapter(raw: Any, index: int, source: str) -> Chapter:
    chapter_id, number, title = _header(raw, index, source)
    where = f"chapter {chapter_id!r}"
    paragraphs = _paragraphs(raw, source, where)
    emphasis = _str_list(raw.get("emphasis", []), source, where, "emphasis")
    body = " ".join(paragraphs)
    for phrase in emphasis:
        if phrase not in body:
            raise _fail(source, where, f"emphasis phrase {phrase!r} does not occur in the text")
    return Chapter(
        id=chapter_id,
        number=number,
        title=title,
        aliases=_aliases(raw, source, where),
        paragraphs=paragraphs,
        emphasis=emphasis,
        scene_breaks=_scene_breaks(raw, len(paragraphs), source, where),
    )


def parse_chapters(data: Any, source: str = "chapters.json") -> Story:
    """Validate already-decoded JSON and build the :class:`Story`.

    Raises
    ------
    ChaptersError
        With ``source`` and the offending chapter in the message.
    """
    if not isinstance(data, Mapping):
        raise _fail(source, "top level", "must be an object with a 'chapters' list")
    raw_chapters = data.get("chapters")
    if not isinstance(raw_chapters, Sequence) or isinstance(raw_chapters, str) or not raw_chapters:
        raise _fail(source, "top level", "'chapters' must be a non-empty list")
    chapters = tuple(_chapter(raw, i, source) for i, raw in enumerate(raw_chapters))
    seen_ids: set[str] = set()
    owner: dict[str, str] = {}
    for chapter in chapters:
        if chapter.id in seen_ids:
            raise _fail(source, f"chapter {chapter.id!r}", "duplicate id")
        seen_ids.add(chapter.id)
        for alias in chapter.aliases:
            if alias in owner and owner[alias] != chapter.id:
                raise _fail(
                    source,
                    f"chapter {chapter.id!r}",
                    f"alias {alias!r} is already used by chapter {owner[alias]!r}",
                )
            owner[alias] = chapter.id
    title = data.get("title", "The Serum Run")
    if not isinstance(title, str) or not title.strip():
        raise _fail(source, "top level", "'title' must be a non-empty string")
    return Story(title=title.strip(), chapters=chapters)


def load_chapters(path: str | os.PathLike[str] | None = None) -> Story:
    """Read and validate a chapters file; the packaged file is read once and cached.

    Raises
    ------
    ChaptersError
        When the file is missing, is not JSON, or fails validation.
    """
    if path is None:
        return _load_default()
    return _load(path)


@lru_cache(maxsize=1)
def _load_default() -> Story:
    return _load(_DEFAULT_FILE)


def _load(path: str | os.PathLike[str]) -> Story:
    data = read_json(path, ChaptersError, "the chapters file")
    return parse_chapters(data, str(path))
