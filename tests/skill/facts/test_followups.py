"""'Tell me more' never repeats what this session has heard, and knows when a subject is done."""

from __future__ import annotations

from skill.facts.followups import Heard, heard_in, next_fact, profile, where_next
from skill.facts.model import Fact
from skill.facts.ranking import Ranker
from skill.facts.store import default_store

STORE = default_store()
RANKER = Ranker(STORE)


def fact(fact_id: str) -> Fact:
    found = STORE.get(fact_id)
    assert found is not None
    return found


def test_profile_keeps_numbers_and_names_not_sentence_openers() -> None:
    details, words = profile(
        "He drove 9 malamutes led by Blackie. On January 28, 1925, it was cold.")
    assert {"9", "blackie", "january", "28", "1925"} <= details
    assert not {"he", "on"} & details
    assert {"drive", "malamute"} <= words  # "drove", folded to its base


def test_a_fact_saying_what_was_heard_in_other_words_is_a_repeat() -> None:
    """After "how old was Balto" (born 1919) and who he was, his birth fact says nothing new."""
    heard = heard_in(STORE, ["balto.age_1925", "balto.identity"])
    assert heard.repeats(fact("balto.birth"))
    assert not heard.repeats(fact("balto.name"))  # Fridtjof Nansen, Samuel Balto: new


def test_nothing_heard_means_nothing_repeats() -> None:
    empty = Heard([])
    assert not any(empty.repeats(f) for f in list(STORE.facts.values())[:50])


def test_tell_me_more_after_the_age_skips_the_birth() -> None:
    seen = ["balto.age_1925", "balto.identity"]
    following = next_fact(RANKER, "balto.identity", seen, "balto")
    assert following is not None and following.id not in (*seen, "balto.birth")


def test_more_on_a_subject_never_repeats_a_detail_and_then_runs_out() -> None:
    """Eight turns of "tell me more" about Shannon used to say minus 62 at Minto three times."""
    seen = ["shannon.identity"]
    last = "shannon.identity"
    for _ in range(12):
        following = next_fact(RANKER, last, seen, "shannon")
        if following is None:
            break
        assert "shannon" in following.about and following.id not in seen
        seen.append(following.id)
        last = following.id
    else:
        raise AssertionError("the subject never ran out")
    spoken = " ".join(fact(f).spoken for f in seen)
    assert spoken.count("minus 62") <= 2
    assert len(seen) >= 3


def test_where_next_suggests_unheard_people_dogs_and_places() -> None:
    found = where_next(STORE, "kaasen", ["kaasen.identity"])
    assert found and all(e.type in ("person", "dog", "place") for e in found)
    assert all(e.id != "kaasen" for e in found)
    balto = STORE.identity_of("balto")
    assert balto is not None
    after = where_next(STORE, "kaasen", ["kaasen.identity", balto.id])
    assert all(e.id != "balto" for e in after)
    assert where_next(STORE, None, []) == []
