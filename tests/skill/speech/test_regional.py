"""Regional English (skill/speech/regional.py): spelling, dates and units per locale."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from skill.speech.regional import REGIONS, localise

ROOT = Path(__file__).resolve().parents[3]
FACTS = json.loads((ROOT / "skill" / "facts" / "data" / "facts.json").read_text())["facts"]
CHAPTERS = json.loads((ROOT / "skill" / "story" / "data" / "chapters.json").read_text())
#: A distance or speed in miles, as the corpus writes them ("53 miles", "six hundred miles").
MILES = r"(?:\d|\b(?:\w+ty|hundred|thousand|one|two|three|four|five|six|seven|eight|nine|ten))"
MILES += r"[ -]miles?\b|\d mi\b|mph|mile-"
CORPUS = [f[k] for f in FACTS for k in ("answer", "card", "disagreement") if f.get(k)] + [
    p for c in CHAPTERS["chapters"] for p in c["paragraphs"]
]


@pytest.mark.parametrize(
    ("locale", "written", "expected"),
    [
        ("en-GB", "Its harbor froze; they traveled toward the center.",
         "Its harbour froze; they travelled towards the centre."),
        ("en-CA", "Its harbor froze; they traveled toward the center by airplane.",
         "Its harbour froze; they travelled toward the centre by airplane."),
        ("en-US", "Its harbour froze; they travelled by aeroplane; organised.",
         "Its harbor froze; they traveled by airplane; organized."),
        ("en-AU", "The plaque honors the dogs. Honored, he was euthanized.",
         "The plaque honours the dogs. Honoured, he was euthanised."),
        ("en-IN", "They organized and recognized it; the prize was seized; it capsized.",
         "They organised and recognised it; the prize was seized; it capsized."),
        ("en-CA", "They organised it.", "They organized it."),
        ("en-US", "Twenty per cent of the colour.", "Twenty percent of the color."),
    ],
)
def test_spelling_follows_the_locale(locale: str, written: str, expected: str) -> None:
    assert localise(written, locale) == expected


def test_names_titles_and_urls_keep_their_spelling() -> None:
    text = ('He sailed from Pearl Harbor. See "Honor the Dogs of Nome" at '
            "https://example.org/balto-honored-with-a-statue and the harbor.")
    assert localise(text, "en-GB") == text.replace("the harbor.", "the harbour.")


@pytest.mark.parametrize(
    ("locale", "written", "expected"),
    [
        ("en-GB", "On January 27, 1925, the serum left.", "On 27 January 1925, the serum left."),
        ("en-AU", "from January 27 to February 2, 1925", "from 27 January to 2 February 1925"),
        ("en-IN", "Jan 29-30; on January 29 and 30, 1925", "29-30 Jan; on 29 and 30 January 1925"),
        ("en-GB", "Jan 20, 1925: first case. Jan 21: died.",
         "20 Jan 1925: first case. 21 Jan: died."),
        ("en-CA", "On January 27, 1925", "On January 27, 1925"),
        ("en-GB", "In May 1925 and on March 3rd", "In May 1925 and on 3 March"),
    ],
)
def test_dates_put_the_day_first_where_people_do(locale: str, written: str, expected: str) -> None:
    assert localise(written, locale) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Togo ran about 261 miles.", "Togo ran about 261 miles (about 420 kilometres)."),
        ("the 938-mile trail", "the 938-mile (1,510-kilometre) trail"),
        ("Nenana-Tolovana, 52 mi, Jan 27", "Nenana-Tolovana, 52 mi (84 km), Jan 27"),
        ("about eighty miles away", "about eighty miles (about 130 kilometres) away"),
        ("winds of 50 to 80 miles an hour", "winds of 50 to 80 miles an hour (about 80 to 130 "
         "kilometres an hour)"),
        ("65 mile-an-hour winds", "65 mile-an-hour (105-kilometre-an-hour) winds"),
        ("winds 50-80 mph, west", "winds 50-80 mph (80 to 130 km/h), west"),
        ("less than a mile from Nome", "less than a mile from Nome"),
        ("Nine Mile Cabin", "Nine Mile Cabin"),
    ],
)
def test_kilometres_follow_miles_in_canada(written: str, expected: str) -> None:
    assert localise(written, "en-CA") == expected


def test_britain_keeps_miles_but_gets_celsius() -> None:
    text = "After 53 miles, at minus 40 degrees Fahrenheit, and later minus 62 degrees."
    assert localise(text, "en-GB") == (
        "After 53 miles, at minus 40 degrees Fahrenheit (minus 40 degrees Celsius), and later "
        "minus 62 degrees Fahrenheit (minus 52 degrees Celsius)."
    )


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("minus 40 to minus 50 degrees Fahrenheit",
         "minus 40 to minus 50 degrees Fahrenheit (minus 40 to minus 46 degrees Celsius)"),
        ("from 40 to nearly 60 below zero.",
         "from 40 to nearly 60 below zero Fahrenheit (minus 40 to minus 51 degrees Celsius)."),
        ("Temps: -40 to -50 F; ~-64 F, coldest", "Temps: -40 to -50 F (-40 to -46 C); ~-64 F "
         "(~-53 C), coldest"),
        ("William F. Thompson", "William F. Thompson"),
    ],
)
def test_celsius_follows_fahrenheit(written: str, expected: str) -> None:
    assert localise(written, "en-AU") == expected


@pytest.mark.parametrize("locale", [None, "", "de-DE", "en-NZ"])
def test_other_locales_get_the_text_unchanged(locale: str | None) -> None:
    text = "Its harbor froze on January 27, 1925, 53 miles away at minus 40 degrees."
    assert localise(text, locale) == text


@pytest.mark.parametrize("locale", sorted(REGIONS))
def test_the_whole_corpus_localises_cleanly(locale: str) -> None:
    """Every fact and chapter: rewriting twice changes nothing, no figure is mangled, and only
    the units the locale uses are added."""
    region = REGIONS[locale]
    for text in CORPUS:
        once = localise(text, locale)
        assert localise(once, locale) == once, text
        metric = r"kilometre|\bkm\b"
        unquoted = re.sub(r'"[^"]*"', "", text)  # quotations are never rewritten
        assert bool(re.search(metric, once)) == bool(re.search(metric, text) or (
            region.kilometres and re.search(MILES, unquoted))), text
        if not region.celsius:
            assert "Celsius" not in once
        assert once.count("(") == once.count(")"), once
        # every number in the original survives (conversions only add numbers)
        numbers = r"\d+(?:[.,]\d+)*"
        assert set(re.findall(numbers, text)) <= set(re.findall(numbers, once)), text
