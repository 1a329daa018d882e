"""The one text pipeline: normalising, words, terms and spoken numbers stay linear and bounded."""

from __future__ import annotations

import time

import pytest

from skill.text.normalise import MAX_SPOKEN_CHARS, clip, normalise, plain_words, strip_fillers
from skill.text.numbers import MAX_NUMBER_WORDS, fold_numbers, parse_number, parse_ordinal
from skill.text.terms import content_terms, content_words
from skill.text.vocabulary import stem


@pytest.mark.parametrize(("said", "words"), [
    ("What's Balto's story?", "what's balto's story"),
    ("Dr. Welch asked for 1.1 million units.", "dr welch asked for 1.1 million units"),
    ("The Sámi man", "the sami man"),
    ("nineteen-twenty five", "nineteen twenty five"),
    ("  extra   spaces\tand\ttabs ", "extra spaces and tabs"),
])
def test_normalise(said: str, words: str) -> None:
    assert normalise(said) == words


def test_plain_words_expand_contractions_and_keep_the_possessive_s() -> None:
    assert plain_words("Where's Togo's body?") == ["where", "is", "togos", "body"]
    # Without its apostrophe "we're" would be "were", a word that opens a yes/no question.
    assert plain_words("so we're going") == ["so", "we", "are", "going"]


def test_terms_meet_between_questions_and_facts() -> None:
    assert content_terms("How many miles did the mushers carry it?") == ["mile", "musher", "carry"]
    assert content_terms("nineteen twenty five") == ["1925"]
    assert content_terms("127.5 hours") == ["127", "5", "hour"]
    assert content_words(["um", "who", "was", "togo"]) == ["togo"]


def test_irregular_verb_forms_meet_their_base_as_terms() -> None:
    """ "Did Olson get frostbite" meets "his hands were frostbitten"; "sent" meets "send"."""
    assert content_terms("his hands were frostbitten") == ["hand", "frostbite"]
    assert content_terms("what did welch send") == content_terms("what did welch sent")
    assert stem("ran") == "ran"  # topic triggers keep their forms: "ran" a leg, not a run


def test_stems() -> None:
    assert [stem(w) for w in ("mushers", "carried", "running", "baltos", "census")] == [
        "musher", "carry", "run", "balto", "census"]


def test_a_number_below_zero_is_said_as_minus() -> None:
    from skill.text.numbers import fold_below_zero
    assert fold_below_zero("was it 62 below 0 at minto".split()) == [
        "was", "it", "minus", "62", "at", "minto"]
    assert fold_below_zero("40 degrees below".split()) == ["minus", "40"]
    assert fold_below_zero("60 below 70".split()) == ["60", "below", "70"]  # a bound


def test_a_day_said_by_name_is_its_date() -> None:
    from skill.text.numbers import fold_dates
    assert fold_dates("the weather on valentines day 1925".split()) == [
        "the", "weather", "on", "february", "14", "1925"]
    assert fold_dates("on christmas eve".split()) == ["on", "december", "24"]
    assert fold_dates("on christmas".split()) == ["on", "december", "25"]


def test_a_silent_e_taken_by_an_ending_comes_back() -> None:
    """ "Lived" and "closing" meet "live" and "close"; a doubled consonant ("hopped") or a
    longer base ("rained", "visited") keeps what it had; "named" keeps its own sense."""
    assert [stem(w) for w in ("lived", "living", "closed", "shared", "hopped", "rained",
                              "visited", "played", "named")] == [
        "live", "live", "close", "share", "hop", "rain", "visit", "play", "nam"]


def test_fillers_go_from_the_edges_only() -> None:
    assert strip_fillers(["okay", "so", "um", "who", "was", "togo", "thank", "you"]) == [
        "who", "was", "togo"]


def test_free_text_is_clipped_at_a_word_boundary() -> None:
    long = "who was togo " * 200
    clipped = clip(long)
    assert len(clipped) <= MAX_SPOKEN_CHARS and not clipped.endswith(" ")
    assert long.startswith(clipped)
    assert len(normalise(long)) <= MAX_SPOKEN_CHARS


def test_a_run_of_number_words_too_long_to_be_said_is_left_as_words() -> None:
    words = ["hundred"] * 160
    assert fold_numbers(words) == words  # no 10**320, no OverflowError
    assert parse_number(" ".join(["hundred"] * 2200)) is None
    assert parse_ordinal(" ".join(["hundred"] * 2200 + ["third"])) is None
    assert parse_number(" ".join(["one"] * (MAX_NUMBER_WORDS + 1))) is None
    assert fold_numbers("nineteen twenty five".split()) == ["1925"]


@pytest.mark.parametrize("text", [
    "nineteen twenty five " * 800,      # the old quadratic number parser: 1 s
    "who was togo " * 3000,
    "x" * 41_000,
])
def test_long_input_is_cheap(text: str) -> None:
    """Work is bounded by the clip, whatever the input's length (a generous bound: this asserts
    the absence of quadratic work, not a timing goal; timing lives in benchmarks/)."""
    start = time.perf_counter()
    content_terms(text)
    assert time.perf_counter() - start < 0.5
