"""The packaged fact store's sources are ones a listener can trust, and weak ones are heard as such.

Checked on the real data, not on fixtures: every source has a tier and a link or a book citation,
no link points at a pirate copy, mirror or content farm, nothing is listed twice, every
disagreement note is one short clause, and a fact resting only on the weakest tier is spoken as
"one account says" all the way out through the skill's own reply.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import pytest

from skill.alexa.handlers.questions import answer_reply
from skill.facts.model import HEDGE, TIERS, WEAKEST_TIER, Fact
from skill.facts.ranking import Ranker
from skill.facts.store import default_store
from skill.speech.ssml import strip_tags
from tests.support import envelopes as env

STORE = default_store()
SOURCES = list(STORE.sources.values())

#: Hosts that republish other people's work: pirate book sites, Wikipedia mirrors and summarisers,
#: content farms, aggregators and a crowdfunding page. A fact must cite the original instead.
DENYLIST = {
    "bookreadfree.com", "b-ok.org", "libcat.ru", "freenovelread.com", "trantor.is",  # pirate books
    "documents.pub", "pdfslide.us", "docslib.org", "docsbay.net",  # document dumps
    "hospitalityanswers.com", "wikisum.wiki", "pinocchiopedia.com", "knowledger.de",
    "theinfolist.com", "osmarks.net", "owiki.org", "wikiwand.com", "kiddle.co", "zxc.wiki",
    "enwikipedia.net", "memim.com", "factsnippet.com",  # encyclopedia mirrors and summaries
    "ncgovote.org", "fevanutrition.com", "airtoca.com", "sermonsuite.com", "softbeam.net",
    "topix.com", "voyij.com", "funfaxts.com", "wikireplied.com",  # content farms, aggregators
    "aminoapps.com", "gofundme.com", "alpineoutfitters.net", "sleddogcentral.com",  # fans, shop
}

#: Encyclopedia-tier links must be to the encyclopedias themselves, not to copies of them.
ENCYCLOPEDIA_HOSTS = ("wikipedia.org", "olympedia.org")


def host(url: str) -> str:
    name = (urlsplit(url).hostname or "").lower()
    return name.removeprefix("www.")


def weakest_only(fact: Fact) -> bool:
    return all(source.tier == WEAKEST_TIER for source in STORE.sources_for(fact))


def test_every_source_has_a_tier_and_a_link_or_a_book_citation() -> None:
    assert SOURCES
    for source in SOURCES:
        assert source.tier in TIERS, source.tag
        if source.tier == "book":
            assert source.url is None, f"{source.tag}: a book is cited as a book, not a link"
            assert source.author and source.title and source.publisher, source.tag
            assert isinstance(source.year, int) and 1500 <= source.year <= 2100, source.tag
        else:
            assert source.url and source.url.startswith(("http://", "https://")), source.tag
            assert urlsplit(source.url).path.strip("/") or urlsplit(source.url).query, (
                f"{source.tag}: links a home page, not the page that says it")


def test_every_tier_is_in_use_and_books_are_books() -> None:
    assert {s.tier for s in SOURCES} == set(TIERS)
    assert any("The Cruelest Miles" in s.title for s in SOURCES if s.tier == "book")


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.tag)
def test_no_link_is_a_pirate_copy_mirror_or_content_farm(source: Any) -> None:
    if source.url is None:
        return
    name = host(source.url)
    assert not any(name == bad or name.endswith("." + bad) for bad in DENYLIST), (
        f"{source.tag} links {name}; cite the original page or the book instead")
    if source.tier == "encyclopedia":
        assert name.endswith(ENCYCLOPEDIA_HOSTS), f"{source.tag}: {name} is not the encyclopedia"


def test_denylist_check_catches_the_hosts_the_fact_check_found() -> None:
    """The check above has teeth: the links the fact-check flagged would all fail it."""
    flagged = ["https://bookreadfree.com/232838/5764182", "https://wikisum.wiki/wiki/Balto",
               "https://ncgovote.org/es/balto-espa%c3%b1ol", "https://gofundme.com/f/togo"]
    assert all(host(url) in DENYLIST for url in flagged)


def test_no_source_is_listed_twice_and_none_is_unused() -> None:
    urls = [s.url for s in SOURCES if s.url]
    books = [(s.author, s.title) for s in SOURCES if s.tier == "book"]
    assert len(urls) == len(set(urls))
    assert len(books) == len(set(books))
    cited = {tag for fact in STORE.facts.values() for tag in fact.sources}
    assert set(STORE.sources) == cited, f"listed but never cited: {set(STORE.sources) - cited}"
    for fact in STORE.facts.values():
        assert len(fact.sources) == len(set(fact.sources)), fact.id


def test_disagreement_notes_are_single_short_clauses() -> None:
    notes = {f.id: f.disagreement for f in STORE.facts.values() if f.disagreement}
    assert notes
    for fact_id, note in notes.items():
        assert note.startswith("Accounts differ"), fact_id
        assert note.endswith(".") and note.count(". ") == 0, f"{fact_id}: more than one sentence"
        assert len(note) <= 110, f"{fact_id}: {len(note)} characters"
        # Rounding is not a dispute ("some round it to five and a half days").
        assert not re.search(r"\bround(s|ed)? (it|them|up|down)\b", note), fact_id


HEDGED = [f for f in STORE.facts.values() if weakest_only(f)]


def test_some_facts_rest_only_on_the_weakest_tier() -> None:
    """So the hedge test below always runs against real data."""
    assert HEDGED


def _handler_input() -> Any:
    import json

    from ask_sdk_core.attributes_manager import AttributesManager
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_core.serialize import DefaultSerializer
    from ask_sdk_model import RequestEnvelope

    envelope = DefaultSerializer().deserialize(json.dumps(env.intent("TellMeMoreIntent")),
                                               RequestEnvelope)
    return HandlerInput(request_envelope=envelope,
                        attributes_manager=AttributesManager(envelope, None))


@pytest.mark.parametrize("fact", HEDGED, ids=lambda f: f.id)
def test_weakest_tier_only_fact_speaks_its_hedge(fact: Fact) -> None:
    reply = answer_reply(_handler_input(), Ranker(STORE), fact.spoken, [fact], fact.about[0])
    assert strip_tags(reply.speech).startswith(HEDGE)


def test_hedge_reaches_the_listener_through_the_skill(
    handler: Callable[[dict[str, Any], Any], dict[str, Any]], alexa_valid: Any
) -> None:
    prince = STORE.identity_of("prince")
    assert prince is not None and weakest_only(prince)
    out = alexa_valid(handler(env.intent(
        "AboutDogIntent", {"dog": env.slot_value("dog", "prince", "prince", "DOG")}), None))
    assert strip_tags(out["response"]["outputSpeech"]["ssml"]).startswith(HEDGE)


def test_source_request_names_books_as_books_and_shows_full_references(
    handler: Callable[[dict[str, Any], Any], dict[str, Any]], alexa_valid: Any
) -> None:
    books = STORE.identity_of("books")
    assert books is not None
    question = alexa_valid(handler(env.question("what books are there about the serum run"), None))
    assert question["sessionAttributes"]["last_fact"] == books.id
    out = alexa_valid(handler(
        env.intent("SourceIntent", attributes=question["sessionAttributes"]), None))
    said = strip_tags(out["response"]["outputSpeech"]["ssml"])
    assert "the book The Cruelest Miles" in said
    card = out["response"]["card"]["content"]
    assert "Gay Salisbury and Laney Salisbury, The Cruelest Miles" in card
    assert "The Cruelest Miles: The Heroic Story of Dogs and Men" in card
    assert re.search(r"\(W\. W\. Norton, 2003\)", card)
    assert "chicagotribune.com/2005-03-17" in card  # the newspaper among the sources is linked
