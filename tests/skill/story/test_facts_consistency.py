"""Every date, distance and name the story mentions is a fact in the fact store.

The narration is written in the team's own words, but its facts must come from the store that the
question answering uses, so the two never contradict each other. Checked per chapter: every year,
every "N miles" figure, every temperature ("62 below", "40 to 58 below zero", "minus 30") and
every proper name (capitalised word not at a sentence start).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

import pytest

from skill.facts.store import FACTS_FILE
from skill.story.chapters import load_chapters

STORY = load_chapters()

#: Capitalised words that are not facts to check (titles, regions, honorifics), with why.
NOT_NAMES = {
    "America": "the country, not a claim",
    "Bering": "the Bering Sea, geography",
    "Sea": "part of 'Bering Sea'",
    "River": "part of a river's name",
    "Doctor": "honorific before Welch",
    "Senior": "suffix of Joe Redington Senior",
    "Roald": "Amundsen's first name; the surname is checked",
    "Mc": "split of McKinley/McCarty by the word pattern",
}


@lru_cache(maxsize=1)
def fact_text() -> str:
    """Answers, cards and disagreement notes of every fact, as one searchable string."""
    data = json.loads(FACTS_FILE.read_text(encoding="utf-8"))
    parts = []
    for fact in data["facts"]:
        parts.extend([fact["answer"], fact.get("card", ""), fact.get("disagreement") or ""])
    return " ".join(parts)


def in_facts(token: str) -> bool:
    return re.search(rf"(?<![\w,]){re.escape(token)}(?![\w])", fact_text()) is not None


def distance_in_facts(figure: str) -> bool:
    """The figure is given as a distance in some fact ("53 miles", "21 or 25 miles")."""
    pattern = rf"(?<![\w,]){re.escape(figure)}(?![\w,])[^.;]{{0,20}}?\bmiles\b"
    return re.search(pattern, fact_text()) is not None


@pytest.fixture(scope="module", autouse=True)
def _facts_present() -> None:
    if not FACTS_FILE.exists():
        pytest.fail(f"{FACTS_FILE} is missing; the story's facts cannot be checked")


@pytest.mark.parametrize("number", range(1, STORY.chapter_count + 1))
def test_years_are_facts(number: int) -> None:
    chapter = STORY.chapter(number)
    assert chapter is not None
    years = set(re.findall(r"\b(1[89]\d\d|20\d\d)\b", chapter.text))
    missing = sorted(y for y in years if not in_facts(y))
    assert not missing, f"chapter {number} mentions years not in facts.json: {missing}"


@pytest.mark.parametrize("number", range(1, STORY.chapter_count + 1))
def test_distances_are_facts(number: int) -> None:
    chapter = STORY.chapter(number)
    assert chapter is not None
    miles = set(re.findall(r"\b(\d[\d,]*) miles\b(?! an hour)", chapter.text))
    missing = sorted(m for m in miles if not distance_in_facts(m))
    assert not missing, f"chapter {number} mentions distances not in facts.json: {missing}"


def temperature_in_facts(degrees: str) -> bool:
    """The figure is given as a temperature below zero in some fact ("minus 62", "-62 F")."""
    pattern = rf"(?:\bminus |(?<![\w,])-){re.escape(degrees)}(?![\w,])"
    return re.search(pattern, fact_text()) is not None


#: "62 below", "40 to 58 below zero", "64 degrees below", "minus 30": every figure in them.
_TEMPERATURE = re.compile(r"\b(\d+)(?: to (\d+))? (?:degrees )?below\b|\bminus (\d+)\b")


def temperatures(text: str) -> set[str]:
    return {n for match in _TEMPERATURE.finditer(text) for n in match.groups() if n}


def test_temperature_pattern_reads_ranges_and_minus() -> None:
    """The extraction the check relies on (so a chapter's cold can't slip past it)."""
    assert temperatures("from 40 to 58 below zero; 62 below; minus 30; far below zero") == {
        "40", "58", "62", "30"}


@pytest.mark.parametrize("number", range(1, STORY.chapter_count + 1))
def test_temperatures_are_facts(number: int) -> None:
    chapter = STORY.chapter(number)
    assert chapter is not None
    missing = sorted(t for t in temperatures(chapter.text) if not temperature_in_facts(t))
    assert not missing, f"chapter {number} mentions temperatures not in facts.json: {missing}"


@pytest.mark.parametrize("number", range(1, STORY.chapter_count + 1))
def test_names_are_facts(number: int) -> None:
    chapter = STORY.chapter(number)
    assert chapter is not None
    names: set[str] = set()
    for paragraph in chapter.paragraphs:
        for match in re.finditer(r"(?<![.!?:]\s)(?<!^)\b([A-Z][a-z']+)", paragraph):
            names.add(match.group(1).removesuffix("'s"))
    missing = sorted(n for n in names - set(NOT_NAMES) if not in_facts(n))
    assert not missing, f"chapter {number} names people/places/dogs not in facts.json: {missing}"


def test_key_figures_are_present_somewhere_in_the_story() -> None:
    """The story carries the headline numbers the facts give (so the check above has teeth)."""
    text = " ".join(c.text for c in STORY.chapters)
    for figure in ("674 miles", "127 and a half hours", "91 miles", "261 miles", "53 miles",
                   "298 miles", "62 below", "64 below"):
        assert figure in text
    assert in_facts("674") and in_facts("261") and in_facts("298")
    assert {"40", "58", "62", "64"} <= set().union(*(temperatures(c.text) for c in STORY.chapters))
