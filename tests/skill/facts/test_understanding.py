"""What a question asks: entities, topic, facet and form, read from the words and the context."""

from __future__ import annotations

import pytest

from skill.facts.context import Context
from skill.facts.ranking import Ranker
from skill.facts.understanding import Understander


@pytest.fixture(scope="module")
def understander() -> Understander:
    return Ranker().understander


@pytest.mark.parametrize(("said", "entity", "topic", "facet", "form"), [
    ("when did balto die", "balto", "death", "when", "wh"),
    ("where was balto laid to rest", "balto", "remains", "where", "wh"),
    ("how old did togo live to", "togo", "death", "age", "wh"),
    ("how old did the real balto get", "balto", "death", "age", "wh"),
    ("who passed the serum to kaasen", "kaasen", "handoff", "from", "wh"),
    ("who did kaasen give it to", "kaasen", "handoff", "to", "wh"),
    # the kind "which" asks, said right before the deed asked of it: the deed is the topic
    ("which musher started the relay", "relay", "leg", "who", "wh"),
    ("who took it from seppala", "seppala", "handoff", "to", "wh"),
    # The one handed the serum said before it ("gave kaasen the serum"); a dog's team's
    # hand-over is his musher's.
    ("who handed kaasen the serum", "kaasen", "handoff", "from", "wh"),
    ("who handed the serum to balto's team", "kaasen", "handoff", "from", "wh"),
    ("what was kaasens wifes name", "kaasen", "spouse", "who", "wh"),
    ("is the statue still in central park", "balto_statue", None, "where", "yes_no"),
    ("did balto ever have pups", "balto", "offspring", None, "yes_no"),
    ("who was born first seppala or kaasen", "seppala", "birth", "who", "compare"),
    ("which team went farther togo or balto", "togo", "leg", "what", "compare"),
    ("where was the musher of togo born", "seppala", "birth", "where", "wh"),
    # A trigger ending inside a longer name ("give *the serum* relay") is the verb alone.
    ("what nickname did the newspapers give the serum relay", "relay", "nickname", "what", "wh"),
    # A trailing "in the ... movie" is where it happened, not what is asked.
    ("what dog played togo in the disney movie", "togo_film", "cast", "who", "wh"),
    # A trigger inside a longer one is the longer one's ("part of *the race*").
    ("how long was baltos part of the race", "balto", "leg", "miles", "wh"),
    # "the sled dog" right after a name says what kind of one it is: no topic of its own.
    ("what year did balto the sled dog die", "balto", "death", "when", "wh"),
    # "'s" written as "s" after a name heard by sound.
    ("what happened to cassins sled at bonanza flat", "kaasen", "danger", "what", "wh"),
    # A phrase holding a trigger that names no topic: "showed up" is not a show.
    ("who was the doctor in nome when the diphtheria showed up", "welch", None, "who", "wh"),
    # "Norwegian born" describes the musher; no trigger starts inside it.
    ("what norwegian born musher drove togo", "togo", "musher", "who", "wh"),
    # Of triggers starting at one word, the one spanning most: "lead the team alone".
    ("did balto lead the team alone", "balto", "co_lead", "who", "yes_no"),
    # "How much is the distance": the measure named says which.
    ("how much is the distance from anchorage until nome", "anchorage", None, "miles", "wh"),
    # A question word inside a yes/no question is a clause ("make back what it cost").
    ("did the balto cartoon make back what it cost", "balto_film", "profit", None, "yes_no"),
    # A trigger inside a longer, weak one keeps its topic: "get his *name from*" is no hand-over.
    ("where did togo get his name from", "togo", "name", "where", "wh"),
    # "What happened to" frames the topic named right after it.
    ("what happened to seppalas ashes", "seppala", "remains", "where", "wh"),
    # One phrase of two topics ("finish": a leg's end, an arrival): the one recorded of what
    # is named; "which alaskan town" asks where.
    ("the iditarod sled dog race finishes in which alaskan town", "iditarod", "arrival",
     "where", "wh"),
    # What happened *to* someone befell them: no place where something happened.
    ("what happened to edgar kalland after the serum run", "kalland", "later_life", "what",
     "wh"),
    # Running out of something is no run.
    ("why did nome run out of antitoxin", "nome", "serum", "why", "wh"),
    # A topic said in a clause that only dates what is asked ("after he moved") is not it.
    ("what did kaasen do for work after he moved to everett", "kaasen", "job", "what", "wh"),
])
def test_questions(understander: Understander, said: str, entity: str, topic: str | None,
                   facet: str | None, form: str) -> None:
    query = understander.understand(said)
    assert (query.entities[0], query.topic, query.facet, query.form) == (
        entity, topic, facet, form)


def test_a_word_that_only_names_the_subject_is_no_topic(understander: Understander) -> None:
    """'name' in "what was the name of the man who drove balto" asks who, not a name origin."""
    query = understander.understand("what was the name of the man who drove balto")
    assert query.topic != "name" and query.facet == "who"


def test_the_question_proper_of_a_chatty_utterance(understander: Understander) -> None:
    query = understander.understand(
        "my grandson just watched the cartoon balto and he keeps asking me whether the real "
        "balto was half wolf like in the movie")
    assert (query.entities[0], query.topic, query.form) == ("balto", "wolf", "yes_no")
    assert "grandson" not in query.ranker_text  # chatter before the question is dropped


def test_and_opens_a_hand_over_follow_up(understander: Understander) -> None:
    """ "And who handed him the serum" after Kaasen: the giver, as without the "and"."""
    context = Context("kaasen", "musher", "who", ("kaasen",))
    query = understander.understand("and who handed him the serum", context)
    assert (query.entities[:1], query.topic, query.facet) == (("kaasen",), "handoff", "from")


ASKED_WHEN_BALTO_DIED = Context("balto", "death", "when", ("balto",))


@pytest.mark.parametrize(("said", "entity", "topic", "facet"), [
    ("and togo", "togo", "death", "when"),
    ("what about kaasen", "kaasen", "death", "when"),
    ("and where", "balto", "death", "where"),
    ("how old was he", "balto", "death", "age"),
])
def test_follow_ups_keep_the_question(understander: Understander, said: str, entity: str,
                                      topic: str, facet: str) -> None:
    query = understander.understand(said, ASKED_WHEN_BALTO_DIED)
    assert (query.entities[0], query.topic, query.facet) == (entity, topic, facet)


def test_pronouns_follow_the_kind_the_topic_needs(understander: Understander) -> None:
    """After "who is edgar nollner" then his lead dog (Dixie), "his brother" is Edgar's."""
    context = Context("dixie", "lead_dog", "who", ("dixie", "edgar_nollner"))
    query = understander.understand("and his brother", context)
    assert (query.entities[0], query.topic) == ("edgar_nollner", "siblings")
    # Asked of the brother himself, the role leads to him.
    query = understander.understand("how far did his brother go", context)
    assert (query.entities[0], query.facet) == ("george_nollner", "miles")


def test_it_is_the_thing_not_the_dog(understander: Understander) -> None:
    context = Context("diesel", "cast", "who", ("diesel", "togo_film", "togo"))
    assert understander.understand("when did it come out", context).entities[0] == "togo_film"


def test_a_question_naming_something_unknown_is_not_about_the_last_answer(
        understander: Understander) -> None:
    query = understander.understand("who was amundsen", ASKED_WHEN_BALTO_DIED)
    assert "balto" not in query.entities


def test_the_preamble_of_a_chatty_question_neither_compares_nor_vetoes(
        understander: Understander) -> None:
    """Before the question proper, a comparative is description ("a second, much bigger
    shipment"), and words no fact uses are chatter ("i read online that scientists ...")."""
    query = understander.understand(
        "so there was a second much bigger shipment wasnt there where did that one come from")
    assert query.form == "wh" and query.comparative is None
    query = understander.understand(
        "okay random question but i read online that scientists looked at baltos dna "
        "recently what did they actually find out")
    assert "online" not in query.ranker_text.split() and "dna" in query.ranker_text
    # A preamble that is itself a question keeps every word: "zookeeper" is what is asked.
    query = understander.understand(
        "what was the name of the zookeeper who looked after balto in cleveland")
    assert "zookeeper" in query.ranker_text.split()


def test_a_preamble_about_the_speaker_lends_only_its_names(understander: Understander) -> None:
    """ "I just finished watching Togo ... what was the real name of the dog that played Togo":
    the speaker's own preamble gives the question its names, not its words, unless the
    question points back into it ("... a dog too small to pull a sled, which dog was that")."""
    query = understander.understand(
        "i just finished watching togo on disney plus and i loved it what was the real name "
        "of the dog that played togo")
    words = query.ranker_text.split()
    assert "togo" in words and not {"watching", "disney", "loved"} & set(words)
    query = understander.understand(
        "my teacher said there was a dog that was too small to pull a sled but he became a "
        "hero anyway which dog was that")
    assert {"small", "sled"} <= set(query.ranker_text.split())
    # A question word joining a clause to a noun ("the town *where* ...") asks nothing: the
    # preamble is still the speaker's, and lends what the question points back to.
    query = understander.understand(
        "we're on a cruise up to alaska and the guide mentioned the town where the serum relay "
        "started but i didn't catch it what was that town")
    assert not {"cruise", "guide", "catch"} & set(query.ranker_text.split()), query.ranker_text
    # Nor where the speaker heard of what is asked, said after it.
    query = understander.understand("what is this serum run i am hearing about")
    assert query.ranker_text.split()[-2:] == ["serum", "run"], query.ranker_text
    # After the question, a clause of the speaker's group ("none of us ...") lends nothing.
    query = understander.understand(
        "my book club is reading the cruelest miles and someone asked who wrote it and none "
        "of us could remember")
    assert "remember" not in query.ranker_text.split(), query.ranker_text
    query = understander.understand(
        "hey so i was at the iditarod start last march and an old timer told me the race "
        "began sometime in the seventies what year was the first one")
    assert "race" in query.ranker_text.split()
    # A question proper that names someone itself needs none of the preamble's names.
    query = understander.understand(
        "my mother grew up in nome and used to talk about the serum run who was the mayor of "
        "nome back then")
    assert query.ranker_text.split()[:2] == ["who", "was"], query.ranker_text


def test_a_given_name_is_not_heard_by_sound(understander: Understander) -> None:
    """People are named by surname or in full; "scout" sounds like Scott but is a scout."""
    query = understander.understand("im visiting cleveland with my scout troop")
    assert "bone" not in query.entities
    assert understander.understand("what did kass in do").entities[:1] == ("kaasen",)


def test_a_bare_name_after_a_value_question_asks_the_same_value(
        understander: Understander) -> None:
    """ "and balto" after "how old was togo in 1925" (a facet, no topic) asks Balto's age."""
    query = understander.understand("and balto", Context("togo", None, "age", ("togo",)))
    assert (query.entities[0], query.facet) == ("balto", "age")


def test_he_in_a_place_is_still_him(understander: Understander) -> None:
    """ "how did he end up in cleveland": Cleveland is where; he is the dog just talked about."""
    query = understander.understand("how did he end up in cleveland",
                                    Context("balto", "remains", "where", ("balto",)))
    assert query.entities[0] == "balto"


def test_the_mushers_after_a_dog_are_all_of_them(understander: Understander) -> None:
    """ "who were the mushers" right after Balto asks about the relay's mushers, while "who was
    his musher" still asks about Balto's."""
    after_balto = Context("balto", None, None, ("balto",))
    assert "balto" not in understander.understand("who were the mushers", after_balto).entities
    his = understander.understand("who was his musher", after_balto)
    assert (his.entities[:1], his.topic) == (("balto",), "musher")


@pytest.mark.parametrize(("text", "core"), [
    # The question proper: from the last question word that asks something of its own.
    ("my grandson keeps asking me whether the real balto was half wolf",
     "the real balto was half wolf"),
    # ("it" done to, after a preamble naming a thing, is that thing, by the words naming it)
    ("we're at the balto statue right now and my kid wants to know who made it",
     "who made balto statue"),
    # A tail that asks nothing of its own leaves the content before it.
    ("a student asked me how cold it got on the coldest part of the run what should i tell him",
     "how cold it got on the coldest part of the run what should i tell him"),
    ("i heard about the musher who drove past the last stop in the storm who was that",
     "who drove past the last stop in the storm who was that"),
    ("there was a little girl who died after the old medicine what was her name",
     "who died after the old medicine what was her name"),
    # "when" in a yes/no question joins a clause: the whole is the question.
    ("did seppala give togo away when he was a puppy",
     "did seppala give togo away when he was a puppy"),
    # With no question word before the empty tail: from the last clause opener.
    ("i have a report due and my teacher said i need the name of the very first musher who "
     "was it", "i need the name of the very first musher who was it"),
    # Short, but framed as asking: the question proper is what is asked.
    ("my son wants to know who seppala was", "who was seppala"),
    # "And had to" goes on with the clause before; it opens no yes/no question.
    ("i lost track of who the musher was whose hands froze to the sled and had to be freed "
     "with hot water",
     "whose hands froze to the sled and had to be freed with hot water"),
    # "Is there" opens a question mid-utterance, after no question word.
    ("we're flying into anchorage next month and my wife is crazy about dogs is there a balto "
     "statue there", "is there a balto statue there"),
])
def test_the_question_proper_of_a_chatty_question(understander: Understander, text: str,
                                                  core: str) -> None:
    query = understander.understand(text)
    assert " ".join(query.words[query.core_start:]) == core


@pytest.mark.parametrize(("said", "entity", "topic"), [
    # "he" in a question proper that names no one: the last person or dog named before it.
    ("hi so my grandson just watched the balto cartoon and now he wants to know if balto was "
     "a real dog and where he is now", "balto", "remains"),
    # A word describing the thing asked is not what is asked; the rest of the question is.
    ("which norwegian polar explorer gave togo a gold medal", "togo", "award"),
    ("which actor played leonhard seppala in the 2019 film togo", "seppala", "cast"),
    # A topic in a clause of the speaker's own ("my grandmother grew up") is not asked.
    ("my grandmother grew up in nome and she always said the whole town got shut down "
     "during the epidemic who was the mayor then", "maynard", "quarantine"),
    # The speaker's own film is no subject of a question proper that names its own ("after
    # all that" points back to nothing said).
    ("i just finished the togo movie on disney plus and i cried like a baby so what happened "
     "to togo after all that", "togo", "later_life"),
    # Though what the speaker heard is said of the story ("i hear the musher of togo ...").
    ("hello i am from norway and i hear the musher of togo was from my country please in "
     "which place he was born", "seppala", "birth"),
])
def test_whom_and_what_a_long_question_asks(understander: Understander, said: str,
                                            entity: str, topic: str) -> None:
    query = understander.understand(said)
    assert (query.entities[:1], query.topic) == ((entity,), topic), query


def test_that_guy_is_a_person_the_last_answer_named(understander: Understander) -> None:
    """After how Balto reached Cleveland (a fact about Cleveland and Balto that names George
    Kimble, who found the dogs), "that guy" can only be Kimble."""
    context = Context("balto", "later_life", "how", ("balto", "cleveland"),
                      fact="cleveland.identity")
    query = understander.understand("what did that guy do for a living", context)
    assert query.entities[0] == "kimble"
    # "he" may be the dog still.
    assert understander.understand("where did he live", context).entities[0] == "balto"


def test_a_clause_that_says_nothing_dates_nothing(understander: Understander) -> None:
    """ "After he moved to Everett" dates what is asked; "after all that" says no time."""
    assert understander.understand("what job did kaasen have after he moved to everett",
                                   None).dated_by_clause
    assert not understander.understand("what happened to togo after all that",
                                       None).dated_by_clause


def test_ending_up_doing_a_thing_is_doing_it(understander: Understander) -> None:
    """ "End up" asks what became of someone, but not before a deed: "how many dogs did
    evans end up carrying" asks of the carrying."""
    assert understander.understand("where did balto end up", None).topic == "later_life"
    assert understander.understand("how many dogs did charlie evans end up carrying in his sled",
                                   None).topic != "later_life"


@pytest.mark.parametrize("said", ["where is balto's mounted body compared to togo's",
                                  "shannon's leg versus kalland's leg how many miles each"])
def test_a_name_set_against_another_asks_both(understander: Understander, said: str) -> None:
    assert understander.understand(said, None).coordinated


def test_names_side_by_side_without_a_word_between_are_not_both_asked(
        understander: Understander) -> None:
    assert not understander.understand("how far did balto's team run to nome", None).coordinated


@pytest.mark.parametrize("said", ["how old was the dog", "and how old was that dog"])
def test_the_dog_at_the_end_is_the_dog_the_answer_gave(understander: Understander,
                                                       said: str) -> None:
    """After Shannon's lead dog (Blackie), "the dog" is Blackie, not Shannon."""
    context = Context("shannon", "lead_dog", "who", ("shannon",), fact="blackie.identity",
                      values=("blackie",))
    assert understander.understand(said, context).entities[0] == "blackie"


def test_a_particle_before_a_place_says_nothing(understander: Understander) -> None:
    """ "Up in anchorage" is "in anchorage"; "end up in cleveland" keeps its verb's particle."""
    query = understander.understand("is there a statue of balto up in anchorage too", None)
    assert "up" not in query.words and ("in", "anchorage") in query.located
    assert understander.understand("how did balto end up in cleveland", None).topic == (
        "later_life")
