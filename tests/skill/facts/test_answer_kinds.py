"""Answers a listener hears: yes or no first, comparisons with their values, an honest "no
record" that names what was asked, offers taken with "yes", and follow-ups that keep the question.

Every question goes through the simulator NLU and the Lambda-style handler, as ``balto ask``
and ``balto chat`` send it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from balto.simulator.answer_eval import NO_RECORD, classify
from balto.simulator.runtime import conversation
from balto.simulator.session import Conversation
from balto.simulator.transcript import summary


@pytest.fixture(scope="module")
def new_talk(
    handler: Callable[[dict[str, Any], Any], dict[str, Any]],
) -> Callable[[], Conversation]:
    engine = conversation(handler=handler).engine

    def make() -> Conversation:
        return Conversation(handler=handler, engine=engine)

    return make


def said(talk: Conversation, text: str, alexa_valid: Any) -> str:
    turn = talk.say(text)
    alexa_valid(turn.response)
    return str(summary(turn)["speech"])


@pytest.mark.parametrize(("question", "starts", "contains"), [
    ("is the statue still in central park", "Yes.", "Central Park"),
    # The fact chosen says neither; the next the words lead to says it, or its contrary.
    ("was ed rohn awake when kaasen came through point safety", "No.", "asleep"),
    ("did cleveland let alaska keep balto", "No.", "declined"),
    ("did balto live in a zoo at the end of his life", "Yes.", "Brookside Zoo"),
    # A superlative asked of a lead dog: his leg is his musher's.
    ("was it togo who had the longest stretch of the relay", "Yes.", "91 miles"),
    ("did balto run the longest leg", "No.", "Seppala"),
    # "Kept in" a museum: what the serum was carried in means nothing of a dog.
    ("is togo's skeleton kept in a museum somewhere", "Yes.", "Peabody"),
    ("did balto die in nome", "No.", "Cleveland"),
    # A weak topic ("finish") asked yes or no of a value it records ("in nome").
    ("does the iditarod race finish in nome", "Yes.", "Nome"),
    # A fact that denies something of the name the question says ("leaves out Kaasen").
    ("is gunnar kaasen in the balto cartoon", "No.", "leaves out Gunnar Kaasen"),
    # Where someone is from, said as a nationality, against the country recorded.
    ("was leonhard seppala swedish", "No.", "Norway"),
    ("was kaasen norwegian", "Yes.", "Norway"),
    # A country said against the country the recorded place is in (Seattle: America).
    ("did seppala die back in norway", "No.", "Seattle"),
    ("did seppala die in america", "Yes.", "Seattle"),
    ("gunnar kaasen he was from norway yes", "Yes.", "Norway"),
    # "Old age" names a time of life, and asks no age.
    ("did balto spend his old age in new york", "No.", "Cleveland"),
    # Lent out: the 1998 loan to Anchorage is a topic of its own, not his remains' place.
    ("was balto ever brought to anchorage", "Yes.", "Anchorage Museum"),
    # A yes doubted ("really") of what the sources disagree on: accounts differ.
    ("did balto really lead kaasen's team", "Accounts differ on that.", "Fox"),
    ("did balto lead kaasen's team", "Yes.", "led by Balto"),
    # A name said first, then asked of by a pronoun.
    ("gunnar kaasen was he from norway", "Yes.", "Norway"),
    # "Was X the dog that ...": which dog did it decides, not X's own fact's words; a value
    # recorded of X (Seppala's lead dog) still says yes.
    ("was togo the dog that brought the serum into nome", "No.", "Balto"),
    ("was balto really the dog that brought the medicine into nome", "Yes.", "Balto"),
    ("was togo the dog that led seppala's team", "Yes.", "Togo in the lead"),
    ("was balto the dog that led seppala's team", "No.", "Togo in the lead"),
    # "Still in" asks where someone is now; a museum named for its city is in it.
    ("is balto still in cleveland", "Yes.", "Cleveland Museum"),
    ("is balto here in cleveland", "Yes.", "Cleveland"),
    ("is balto still in anchorage", "No.", "Cleveland Museum"),
    # Whether something the store holds existed; "somewhere" claims nothing.
    ("was there a second shipment of serum", "Yes.", "1.1 million"),
    ("is togo stuffed and on display somewhere", "Yes.", "Wasilla"),
    # A claim said, then asked about; one that denies is right where the thing did not happen.
    ("first iditarod 1973 right", "Yes.", "1973"),
    ("my grandpa always said the airplane couldn't go because of the cold is that right",
     "Yes.", "planes"),
    ("my friend told me balto died in nome is that true", "No.", "Cleveland"),
    # Two claims argued over: the first, when the speaker's own names nothing.
    ("my brother says balto was a wolf dog and i say he was just a husky who's right",
     "No.", "husky"),
    ("did an airplane carry the serum", "No.", "dog teams"),
    ("was balto part wolf", "No.", "wolf"),
    ("did togo get a medal", "Yes.", "gold medal"),
    ("was togo older than balto", "Yes.", "1913"),
    ("was kaasen's leg longer than seppala's", "No.", "91 miles"),
    # A superlative asked of one: is it that one, among its kind?
    ("was seppala the last musher to carry the serum", "No.", "Kaasen"),
    ("was balto the oldest dog", "No.", "Togo"),
    ("did togo run the farthest", "Yes.", "261"),
    # A year claimed, against the date "when ..." finds.
    ("was the iditarod race started in 1925", "No.", "1973"),
    ("was the first iditarod in 1925", "No.", "1973"),
    # A measure against a bound, from the figure "how long ..." finds.
    ("did the relay take more than a week", "No.", "127"),
    ("did the relay go more than six hundred miles", "Yes.", "674"),
    ("did kaasen have more than ten dogs", "Yes.", "13"),
    # A number claimed in the facet's own unit, with no subject named, against the measure the
    # best fact records (no word the store never heard: it is a value to check).
    ("did the dogs run a thousand miles", "No.", "674"),
    ("did they run more than six hundred miles", "Yes.", "674"),
    # Someone named right after the auxiliary, with no fact saying yes or no: "who" asked of
    # the rest names someone else, in a fact that never names them.
    ("was joe redington the first iditarod winner", "No.", "Wilmarth"),
    ("did ed rohn take the serum into nome", "No.", "Kaasen"),
    ("is gunnar kaasen in the animated balto movie", "No.", "voice cast"),
    # A claimed "live" is the fact's "lived" (the stemmer keeps the base's silent "e");
    # "for a while" claims nothing.
    ("did balto live at the brookside zoo for a while", "Yes.", "Brookside Zoo"),
    # An irregular past ("froze") meets its base ("freeze").
    ("did edgar kalland's hands freeze to his sled", "Yes.", "handlebar"),
    # Living past an age is the age at death against the bound, of any reading the sources
    # give (Togo died at 16 by most accounts, 13 by one).
    ("did seppala live past eighty", "Yes.", "89"),
    ("did seppala live past ninety", "No.", "89"),
    ("did togo live past fifteen", "Yes.", "13"),
    # Trying is a campaign or a request, whatever came of it.
    ("did alaska try to get balto back", "Yes.", "campaign"),
    # A state is checked against the state the recorded place is in.
    ("did balto die in alaska", "No.", "Cleveland"),
    ("did togo die in maine", "Yes.", "Poland Spring"),
    ("did togo die in alaska", "No.", "Poland Spring"),
    # A place recorded only by name is checked against the state it is in (the ashes near
    # Knik, Alaska, are not where he died).
    ("did seppala die in alaska", "No.", "Seattle"),
    ("did seppala die in washington", "Yes.", "Seattle"),
    # The place a question puts its subject in only says which one it means: the park is
    # right, but the statue is of Balto.
    ("is the dog statue in central park supposed to be togo", "No.", "Balto"),
    # "Fixed" is what people say for neutered.
    ("was balto fixed", "Yes.", "neutered"),
    # Every word the question claims is in the fact; "again later on" claims nothing.
    ("was balto loaned to alaska again later on", "Yes.", "2017"),
    # The relation the question speaks of is recorded with someone else of the kind it names.
    ("did kaasen own balto", "No.", "Seppala"),
    ("did seppala own balto", "Yes.", "Seppala"),
    # Only names, one recorded as the other's; a name heard by sound is no unknown word.
    ("is toe go in wah silla", "Yes.", "Wasilla"),
    # Only names: the fact recording one as the other's, before one speaking of both.
    ("is balto at the cleveland museum of natural history", "Yes.", "Cleveland Museum"),
    # "Is" he in a place, now: where his remains are, before where he died.
    ("is balto here in cleveland", "Yes.", "Cleveland Museum"),
    # A relation the sources dispute, asked alone or with someone; "alone" spans further than
    # "lead the team", so it is what is asked.
    ("did balto lead the team alone", "Accounts differ", "Fox"),
    ("was fox a lead dog too", "Accounts differ", "Fox"),
    # Relay order, asked with "before" after what was carried.
    ("did evans have the serum before patsy", "Yes.", "leg 12"),
    # Money asked as "made back what it cost" (a clause, not a question of its own).
    ("did the balto cartoon make back what it cost", "No.", "31 million"),
    # Where someone is from, with no birthplace recorded: the place a fact says they were of.
    ("was george kimble from cleveland", "Yes.", "businessman from Cleveland"),
    # A negation that denies something else ("could not be used as a stud dog") is no no.
    ("was balto neutered", "Yes.", "neutered young"),
    # One who ran a leg did not go the whole way.
    ("did balto run the whole way from nenana", "No.", "Bluff to Nome"),
    # Words a listener uses for the same happening ("tip over", "flipped"); "over" and "on
    # the way" claim nothing.
    ("did kaasen's sled tip over on the way", "Yes.", "flipped"),
    # What a thing is made of, against the material recorded.
    ("is the balto statue made of bronze", "Yes.", "bronze"),
    # "The only" claims something, where "only" elsewhere is a filler.
    ("was doctor welch the only doctor in nome", "Yes.", "only doctor"),
    # A character in a film is whether someone is in it, not their character.
    ("is gunnar kaasen a character in the balto movie", "No.", "leaves out Gunnar Kaasen"),
    # A fact that says the contrary of the word claimed, and never the word, answers no.
    ("did seppala win the race at lake placid", "No.", "came second"),
    ("did alaska get to keep balto", "No.", "declined"),
    ("did kaasen and seppala get along", "No.", "fell out"),
    ("did seppala think balto was a good sled dog", "No.", "thought little"),
    ("did cleveland give balto back to alaska", "No.", "declined"),
    # Tried and failed is no; asked whether it was tried, yes.
    ("did they fly the second batch of serum in", "No.", "failed"),
    ("did anyone try to fly the second shipment of serum", "Yes.", "failed"),
    # A claim no fact words ("awake") is no unknown word when its contrary is said.
    ("was the musher at point safety awake when kaasen came through", "No.", "asleep"),
    # A yes/no question opening mid-utterance with "did they" after what the speaker read.
    ("i was reading about that dna study they did on balto did they find any wolf in him",
     "No.", "DNA study"),
    # A list of who took part, by name, that leaves the subject out.
    ("did togo go to cleveland with balto", "No.", "Seven dogs"),
    # The kind of place said after its name claims nothing ("washington state").
    ("did kaasen ever live in washington state", "Yes.", "Everett"),
    # A fact that uses the claimed word states the claim, whatever contrary it also says.
    ("did the museum keep balto", "Yes.", "Cleveland"),
    # A place claimed that a fact recording where never mentions; a state its place is in.
    ("did gunnar kaasen die in alaska", "No.", "Everett"),
    ("is togo's statue in central park too", "No.", "Seward Park"),
    ("did balto die in ohio", "Yes.", "Cleveland"),
    # A place claimed of the relay's start is checked against the start recorded.
    ("did the dog relay start in anchorage", "No.", "Nenana"),
    ("did the relay begin in nenana", "Yes.", "Nenana"),
    # ... the relay only implied ("the dog sleds").
    ("did the dog sleds start out from anchorage", "No.", "Nenana"),
    # "Did X give it to Y": X acts, so X's hand-over is checked.
    ("did henry ivanoff give the serum to seppala", "Yes.", "Ivanoff"),
    ("did seppala give the serum to kaasen", "No.", "Olson"),
    # Whether one event came before another, by the dates recorded for each.
    ("is the iditarod race older than the serum run", "No.", "1973"),
    # Whether one named is the other's in a role: the one recorded in it says.
    ("is togo the dog gunnar kaasen was driving", "No.", "Seppala"),
    ("did kaasen drive balto", "Yes.", "Kaasen"),
    # One named, then a description the store gives someone: the same one, or another.
    ("was togo seppala's lead dog", "Yes.", "Togo"),
    ("was balto seppala's lead dog", "No.", "Togo"),
    # A kind said in other words ("a Siberian husky" is a dog).
    ("was the dog in the togo movie named diesel", "Yes.", "Diesel"),
    # Two comparatives offered: the one that holds of the first named.
    ("was balto's part of the trip longer or shorter than togo's", "Shorter.", "91 miles"),
    # One's deed before another's, the other only named; alive at a happening, by the dates.
    ("did togo die before balto did", "Yes.", "1929"),
    ("was gunnar kaasen still alive when the balto cartoon came out", "No.", "1960"),
    ("was balto alive when togo died", "Yes.", "1933"),
    # A season, by the month of the date recorded.
    ("was the serum run in the summertime", "No.", "January 27"),
    ("did the relay take place during winter", "Yes.", "January 27"),
    ("was the balto statue put up in the fall", "No.", "December"),
    # "Go across" is crossing.
    ("did togo go across norton sound", "Yes.", "Norton Sound"),
    # "Before or after": which way, by the dates recorded; a second one only named happens as
    # the first did.
    ("was the statue put up before or after balto died", "Before.", "1933"),
    ("did balto die before or after togo", "After.", "1929"),
    ("did the serum run happen before the iditarod", "Yes.", "1925"),
    # A topic that means nothing of the first thing named is asked of the next it fits.
    ("did the dna study find any wolf in balto", "No.", "no sign of recent wolf"),
    # A closing phrase ("in the end") asks nothing of an end.
    ("did alaska get to keep balto in the end", "No.", "declined"),
    # A place as the question's own subject, which a fact recording where never mentions.
    ("did alaska get to keep balto's body", "No.", "Cleveland Museum"),
    # The deed claimed was done to someone else, and the one claimed is never named.
    ("did willem dafoe play gunnar kaasen", "No.", "Seppala"),
    ("did willem dafoe play seppala", "Yes.", "Seppala"),
    # "A bunch of" against "the only".
    ("were there a bunch of doctors in nome back then", "No.", "only doctor"),
    # "Anybody" is "anyone": no word the store has never heard.
    ("did anybody die from the diphtheria", "Yes.", "deaths"),
])
def test_yes_no_questions_answer_yes_or_no_first(new_talk: Callable[[], Conversation],
                                                  alexa_valid: Any, question: str, starts: str,
                                                  contains: str) -> None:
    speech = said(new_talk(), question, alexa_valid)
    assert speech.startswith(starts) and contains in speech, speech


def test_a_place_gone_to_is_no_place_claimed(new_talk: Callable[[], Conversation],
                                             alexa_valid: Any) -> None:
    # "To" names a way taken, not where something is: no "No" from where the body is kept.
    speech = said(new_talk(), "did balto ever go back to alaska after he died", alexa_valid)
    assert not speech.startswith("No."), speech


@pytest.mark.parametrize("question", [
    # A cue ("did they get along") is a question the fact answers, not a yes: the fact
    # itself says they fell out.
    "did kaasen and seppala get along",
    # A place claimed that no value or word of the fact confirms.
    "did balto die in the snow",
    # Words the store has never heard: nothing in the fact can vouch for them.
    "did balto have blue eyes",
    # The fact says the museum turned Alaska down.
    "did the cleveland museum give balto back to alaska",
    # A superlative among mushers asked of a dog: no ranking settles it.
    "was balto the leader on the longest leg",
    # What kind of thing one named is, from a fact about someone else ("Kaasen was a musher").
    "was balto a musher",
])
def test_no_yes_the_fact_cannot_vouch_for(new_talk: Callable[[], Conversation],
                                          alexa_valid: Any, question: str) -> None:
    speech = said(new_talk(), question, alexa_valid)
    assert not speech.startswith("Yes."), speech


@pytest.mark.parametrize(("question", "contains"), [
    ("who was born first seppala or kaasen", ["Leonhard Seppala", "1877", "1882"]),
    ("which dog died first balto or togo", ["Togo died first", "1929", "1933"]),
    ("who passed away first seppala or balto", ["Balto died first", "1933", "1967"]),
    ("togo and balto which one is dying first", ["Togo died first", "1929"]),
    ("between seppala and kaasen who lived longer", ["Seppala lived longer", "89", "78"]),
    ("which dog was heavier togo or balto", ["Togo was heavier", "48 pounds"]),
    ("who weighed more balto or togo", ["Togo was heavier", "48 pounds"]),
    # Two measures in one unit: how far apart they are, from the main readings.
    ("how much farther did togo run than balto",
     ["Togo went farther", "261 miles", "a difference of 208 miles"]),
    # The same value is no win: said as the same.
    ("who ran farther titus nikolai or edgar nollner", ["the same", "24 miles"]),
    # "The first one or the second one" after the thing they count ("which serum shipment").
    ("which serum shipment was bigger the first one or the second one",
     ["The second serum relay was the bigger", "1.1 million units", "300,000 units"]),
    ("which was bigger the first shipment of serum or the second", ["1.1 million units"]),
    # One age recorded for 1925, the other worked out from a birth date; "more young" as said.
    ("who was more young edgar nollner or leonhard seppala",
     ["Edgar Nollner was younger", "21", "47"]),
    # A surname said of all who share it ("the nollner brothers") compares them.
    ("which of the nollner brothers ran the longer leg",
     ["Edgar Nollner went farther", "24 miles", "18 miles"]),
    # Said alone, a surname several share names each; "first" after what was carried, between
    # people named, is relay order.
    ("who had the serum first nollner or evans",
     ["Edgar Nollner ran earlier", "leg 12", "George Nollner, leg 11"]),
    ("who got the medicine earlier olson or kaasen", ["Charlie Olson ran earlier", "leg 20"]),
    # The same question of each one named: each one's fact, in turn.
    ("what cities are balto and togo in now", ["Cleveland", "Wasilla"]),
    ("when did balto and togo die", ["1933", "1929"]),
    # Ranks alone say little: the winner's fact says why ("more of the credit" as said).
    ("which got more of the credit balto or togo",
     ["Balto got more of the fame and the credit than Togo", "symbol"]),
])
def test_comparisons_speak_both_values(new_talk: Callable[[], Conversation], alexa_valid: Any,
                                       question: str, contains: list[str]) -> None:
    speech = said(new_talk(), question, alexa_valid)
    assert all(c in speech for c in contains), speech


def test_relay_order_says_no_dispute_over_a_legs_dogs(new_talk: Callable[[], Conversation],
                                                       alexa_valid: Any) -> None:
    """Evans's leg has a note on its dogs and hours; compared by order, it is not said."""
    speech = said(new_talk(), "who had the serum first nollner or evans", alexa_valid)
    assert "Accounts differ" not in speech, speech


@pytest.mark.parametrize(("question", "missing"), [
    ("what was kaasens wifes name", "Gunnar Kaasen's wife or husband"),
    ("how tall was balto", "how tall Balto was"),
    ("what color was togos harness", "Togo's harness"),
    ("what were the names of doctor welchs nurses", "the names of Dr. Curtis Welch's nurses"),
    ("what did balto eat", "what Balto ate"),
    # The dogs someone owned are not the team he set out with.
    ("how many dogs did seppala own altogether", "how many dogs Leonhard Seppala owned"),
    ("what kind of harness did kaasen use", "the kind of harness"),
    # A job is recorded where a source gives one (Kaasen's, Kimble's), and only there.
    ("what did henry ivanoff do for a living", "what Henry Ivanoff did for a living"),
    # "when" after the question is a clause: the age is what is asked, and is missing.
    ("how old was george kimble when he rescued balto", "George Kimble's age"),
    # The hour asked: a fact with only the day does not answer.
    ("what time did sam joseph reach kallands", "the time of day"),
    # A name asked for must stand beside the thing: "the last ship before the sea froze" and
    # "pushed for planes" name none.
    ("what was the name of the ship that missed nome with the serum in 1924",
     "the name of the ship"),
    ("what was the name of the plane with the frozen engine", "the name of the plane"),
    # What is counted is a word no fact and no vocabulary of the skill knows.
    ("how many votes did the alaska bill to bring balto home get", "that"),
    ("how much was a ticket to see balto at the brookside zoo", "that"),
    # A weight asked at a moment the fact never speaks of.
    ("how much did balto weigh when he died", "how big Balto was when he died"),
    # An office asked ("who was the mayor of ...") that the fact never speaks of.
    ("who was the mayor of cleveland when balto arrived", "that"),
    ("who was the vet that neutered balto", "that"),
    # A percentage no fact states.
    ("what percent of balto's dna was siberian husky",
     "that percentage for the 2023 Balto DNA study"),
    ("what color were balto's eyes", "Balto's eyes"),
    # ... or said "in his X" of the one named (and "his own statue" is the statue).
    ("how many dogs did seppala have in his kennel", "Leonhard Seppala's kennel"),
    # A price is of one deal: not another's pay, nor the cost of something else.
    ("how much did kevin bacon get paid to voice balto", "that"),
    ("how much did it cost to have balto stuffed", "that"),
    ("how much did the balto dna study cost", "that"),
    # "What was the temperature": a measure asked, which a fact chosen on its words must state.
    ("what was the temperature in nome when the serum arrived", "the temperature for Nome"),
    # "Who" asked of one named by name, answered by a fact that names no one else.
    ("who did the taxidermy on togo", "that"),
    ("who sculpted the togo statue in seward park", "that"),
    # ... and so is "which vet": a calling asked of a deed the fact records by no one.
    ("which vet put togo to sleep", "that"),
    # The part an actor played, from a fact that names the actor in a cast with no part.
    ("who did bob hoskins voice in the balto movie", "that"),
    ("what character did phil collins voice in the balto movie", "that"),
    # Someone's first of a kind, from a fact that counts nothing ("his first name" is no count).
    ("what was the name of seppala's very first sled dog", "that"),
    # A place asked by its kind of premises, from a fact that never speaks of one.
    ("which hospital in seattle did seppala die in", "that"),
    # What something of someone's was made of: the thing, not the person.
    ("what was togo's harness made of", "what Togo's harness was made of"),
    # "What year": a fact chosen on its words that gives no year does not say it.
    ("what year was togo's mount moved to wasilla", "when that was for Togo"),
    # How or why asked of a topic that has them: its date and place do not say it.
    ("what did gunnar kaasen die of", "how Gunnar Kaasen died"),
    # Someone's death is their own: a fact of others dying does not say when they died.
    ("when did doctor welch die", "when Dr. Curtis Welch died"),
    # A fact the words point to must speak of all else named: the 1925 film is not the Togo film.
    ("who played gunnar kaasen in the togo movie", "who played Gunnar Kaasen"),
    # Someone named by title and a surname the facts mention is not "the doctor" of another.
    ("what was doctor powell's first name", "that"),
    # ... nor is a place the facts mention after "in": his job in Nome is not one in Everett.
    ("what job did gunnar kaasen have in everett", "that"),
    # The figures a fact gives count other things: deaths are no count of cases.
    ("how many diphtheria cases were there in nome altogether",
     "that number for the 1925 diphtheria outbreak in Nome"),
    # A measure no fact records, asked of something recorded.
    ("how thick was the ice on norton sound when togo crossed it",
     "how thick or deep it was, for Norton Sound"),
    # A count of which one ("the second Iditarod") that the fact says only of another.
    ("who won the second iditarod race", "that"),
    # A topic no fact records of anyone, asked of someone the store does not know.
    ("what school did cody mcginn go to", "that"),
    # A kind asked of a thing a fact speaks of without saying its kind ("Kaasen's sled").
    ("what kind of sled did kaasen use", "the kind of sled"),
    ("what kind of plane had the frozen engine", "the kind of plane"),
    # A fact saying its one came second (the contrary of the deed) says not who won.
    ("who won the 1932 lake placid sled dog race", "that"),
    # An event the question proper names that the fact never speaks of: it tells of another.
    ("what place did balto finish in the first iditarod",
     "that about the Iditarod Trail Sled Dog Race"),
    # A place a clause dating the question names ("when he was loaned to anchorage").
    ("exactly how many people came to see balto when he was loaned to anchorage",
     "that in Anchorage"),
    # "When", of something the store never speaks of, is not answered by a fact with no time.
    ("when did balto visit the white house", "when that was for Balto"),
    # A middle name, recorded only of those whose full name gives one.
    ("what's gunnar kaasen's middle name", "Gunnar Kaasen's middle name"),
    # A price asked of someone a price fact is about but never names as paying.
    ("how much money did george kimble put in himself", "that"),
    # A clause dating what is asked points to a fact of that time that records none of it;
    # what the store records is of another time.
    ("what job did kaasen have after he moved to everett",
     "what Gunnar Kaasen did for a living then"),
    # A dog's training, which no fact records, is no railroad train.
    ("who trained diesel for the togo movie", "who trained Diesel"),
    # A price asked, answered by a fact that says no price.
    ("how much did the zoo charge people to see balto", "what it cost"),
    # "The name of the last ship", of a fact that speaks of the last ship, naming none; the
    # name of a thing the fact's words never speak of (only a question it answers does).
    ("what was the name of the last ship that left nome in 1924", "the name of the ship"),
    ("what was the name of seppala's kennel in nome", "the name of the kennel"),
    # An hour said only of another place than the one asked.
    ("what time did charlie olson leave golovin", "the time of day"),
    # Why, or an illness, asked of a death whose fact gives no cause.
    ("why did they have to put togo down", "why Togo died"),
    ("what was togo sick with when they put him down", "why Togo died"),
    # Names asked of a topic no relation answered: the fact must name them.
    ("what were the names of kaasen's children", "the names of the children"),
    # Of a relative named as someone's, what is asked is the relative's own.
    ("when did kaasen's wife pass away", "Gunnar Kaasen's wife"),
    ("what was dr welch's wife's name", "Dr. Curtis Welch's wife or husband"),
    # "When ... in a place": the years of a fact recording only where are said of another
    # place (the Maine statue), so they give no date for this one.
    ("when was the togo statue in seward park put up", "a date for a statue of Togo"),
    # The words on a thing are recorded only of the Balto statue: the medal is no inscription.
    ("what's written on togo's gold medal", "the words on Togo's gold medal"),
    # "What did X do after ...": what became of them, not their identity or another's life.
    ("what did doctor welch do after the epidemic was over",
     "what happened to Dr. Curtis Welch afterwards"),
    ("how many sled dogs did seppala own altogether", "how many dogs Leonhard Seppala owned"),
    # A description asked of another than the one it names: the store records only him.
    ("what was seppala's lead dog before togo", "Seppala's lead dog before Togo"),
    ("who took over from togo as seppala's lead dog", "Seppala's lead dog other than Togo"),
    ("who became governor of alaska after scott bone",
     "the governor of Alaska after Governor Scott Bone"),
    # A later life said as a clause dating what is asked: his work in 1925 is not it.
    ("what did wild bill shannon do for work after the serum run",
     'what "Wild Bill" Shannon did for a living afterwards'),
    # An office asked without "the"; a ride's length is how long it took.
    ("who was mayor of cleveland when balto got there", "that"),
    ("how long was the train ride from anchorage to nenana", "how long that took"),
    # A count of people is a figure said of people; the last leg's 13 dogs count none.
    ("how many people were on front street when balto came in", "that"),
])
def test_no_record_names_what_was_asked(new_talk: Callable[[], Conversation], alexa_valid: Any,
                                        question: str, missing: str) -> None:
    speech = said(new_talk(), question, alexa_valid)
    assert speech.startswith(f"I don't have a record of {missing}."), speech


def test_a_topic_said_as_a_clause_dating_the_question_is_not_what_it_asks(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    speech = said(new_talk(), "did balto become a stud dog after the run", alexa_valid)
    assert speech.startswith("No.") and "stud dog" in speech, speech


def test_a_given_name_no_fact_uses_before_a_known_surname_is_no_unheard_word(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    speech = said(new_talk(), "what did roald amundsen give togo", alexa_valid)
    assert "gold medal" in speech and not speech.startswith("I don't"), speech


def test_a_claim_argued_as_it_was_another_asks_who_did_it(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    speech = said(new_talk(), "my wife says togo ran the longest part and i say it was balto "
                              "so who's right", alexa_valid)
    assert speech.startswith("Togo led"), speech


def test_a_film_named_at_the_end_is_where_the_part_was_played(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    speech = said(new_talk(), "which dog played togo in the disney film", alexa_valid)
    assert speech.startswith("Diesel"), speech


def test_an_office_asked_is_answered_by_the_one_it_names(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    speech = said(new_talk(), "who was the mayor of nome when the diphtheria broke out",
                  alexa_valid)
    assert speech.startswith("George Maynard was the mayor of Nome"), speech


def test_picking_the_serum_up_from_someone_is_the_hand_over(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    speech = said(new_talk(), "who did kaasen pick up the serum from", alexa_valid)
    assert "Charlie Olson handed the serum to Gunnar Kaasen" in speech, speech
    talk = new_talk()
    said(talk, "where did kaasen pick up the serum", alexa_valid)
    assert "Charlie Olson" in said(talk, "from who", alexa_valid)


def test_there_is_the_place_the_last_answer_was_about(new_talk: Callable[[], Conversation],
                                                      alexa_valid: Any) -> None:
    talk = new_talk()
    said(talk, "what happened at point safety", alexa_valid)
    speech = said(talk, "so who was meant to take over there", alexa_valid)
    assert speech.startswith("Ed Rohn"), speech
    talk = new_talk()
    said(talk, "where is nome", alexa_valid)
    assert "1,430 people" in said(talk, "how many people live there in 1925", alexa_valid)


def test_the_first_of_a_kind_is_not_a_comparison_of_the_last_two(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    talk = new_talk()
    said(talk, "how far did togo run", alexa_valid)
    said(talk, "and balto", alexa_valid)
    assert "Shannon" in said(talk, "who ran the very first leg", alexa_valid)


@pytest.mark.parametrize(("question", "contains"), [
    ("how many people came to see balto on his first day at the zoo", "15,000 people"),
    ("how many people lived in nome in 1925", "1,430 people"),
])
def test_a_count_of_people_is_a_figure_said_of_people(new_talk: Callable[[], Conversation],
                                                      alexa_valid: Any, question: str,
                                                      contains: str) -> None:
    speech = said(new_talk(), question, alexa_valid)
    assert contains in speech, speech


def test_the_words_on_a_thing_are_the_subjects_fact_that_records_them(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    speech = said(new_talk(), "what is written on balto's statue", alexa_valid)
    assert "Endurance. Fidelity. Intelligence." in speech, speech
    # (and the offer says what the offered fact records of the one asked about)
    speech = said(new_talk(), "how many dogs did seppala own", alexa_valid)
    assert "I can tell you which dogs Leonhard Seppala owned instead" in speech, speech


@pytest.mark.parametrize(("question", "contains"), [
    # "A *gold* medal", "a reddish colour": the word of its kind answers "what medal".
    ("what medal did togo get", "gold medal"),
    ("what colour was balto", "black"),
    # Not the fact the words ranked first, but the subject's own that says what kind.
    ("what kind of heart problem did balto have", "enlarged heart"),
    # A place or a name before the thing is no kind of it.
    ("which cleveland newspaper helped bring balto to the zoo", "I don't have a record"),
    ("what kind of sled did seppala use", "I don't have a record"),
])
def test_a_word_of_its_kind_answers_what_kind(new_talk: Callable[[], Conversation],
                                              alexa_valid: Any, question: str,
                                              contains: str) -> None:
    speech = said(new_talk(), question, alexa_valid)
    assert contains in speech, speech


@pytest.mark.parametrize(("question", "contains"), [
    # "the real togo" describes the dog; where he is is asked.
    ("where is the real togo now", "Wasilla"),
    ("was togo a real dog", "Yes."),
    # Where it happened, said last ("in the disney movie"), is not what is asked.
    ("what dog played togo in the disney movie", "Diesel"),
    # "guy" is a man; "who ... driving" asks who drove.
    ("who was the guy driving the sled when balto got to nome", "Kaasen"),
    ("what year did togo pass on", "1929"),
    # A long name without its "the"; a fact naming who before one only speaking of it.
    ("who won the first iditarod trail sled dog race", "Wilmarth"),
    # "Who" is answered by the fact recording who, however many words another shares.
    ("who was the man that got balto out of that los angeles freak show", "Kimble"),
    # A count asked of the medicine, that it does not record, is the relay's own.
    ("how many dogs helped carry the medicine", "150 dogs"),
    # Where a place is, with nothing else recorded of where: what the place is says it.
    ("where was the brookside zoo", "Cleveland"),
    # The relay's cold "at Nenana", said in a fact about the whole relay's weather.
    ("how cold was it in nenana when the serum left", "minus 40"),
    # A place's own fact names no one, so it cannot say who; a fact about someone can.
    ("who is the doctor that found the serum in the anchorage hospital", "Beeson"),
    ("who found the antitoxin at the hospital in anchorage", "Beeson"),
    # A word saying how real a thing is ("actual") is not the thing.
    ("where can i go see balto's actual body today", "Cleveland Museum"),
    # The serum's own arrival; "where ... from" asks whence, never where it arrived.
    ("i'm in nome right now where did the serum arrive", "Front Street"),
    ("where did the medicine come from before the dogs got it", "Anchorage"),
    # A shipment is a batch; the first one's size, not the second's or the need.
    ("how many units of antitoxin were in the first shipment", "300,000"),
    # "The final leg" is the last one.
    ("how many dogs were in kaasen's team on the last leg", "13"),
    # A topic said only before the question proper ("hero") that records no distance.
    ("my teacher says togo was the real hero and balto just got lucky so how far did togo "
     "really go", "261 miles"),
    # One place and a deed: the run that began there ("got ... at", "out of") or ended there
    # ("into"), the place heard by sound too.
    ("who got the serum at golovin", "Charlie Olson"),
    ("who brought the serum into shack too lick", "Myles Gonangnan"),
    ("who carried the serum out of unalakleet", "Myles Gonangnan"),
    # A role the facts never speak of is no run's musher.
    ("who was the pilot that was supposed to fly the serum to nome", "I don't have a record"),
    # "Where did X take the serum": where X carried it, not where X got it.
    ("where did edgar nollner take the serum", "Galena"),
    ("where did charlie olson take the serum", "Bluff"),
    ("where did gunnar kaasen take over the serum", "Bluff"),
    # "The musher" in a film, or in the film the speaker named: the role's actor.
    ("who was the actor playing the musher in togo", "Willem Dafoe"),
    ("my husband and i watched togo last night who was the actor playing the musher",
     "Willem Dafoe"),
    # ... while a year said of the place named does answer.
    ("when was the togo statue in maine dedicated", "2022"),
    # "Carved" the statue is who made it; words carved on it are its inscription.
    ("who carved the balto statue", "Roth"),
    ("what words are carved on the balto statue", "indomitable"),
    # A word ending a clause ("now"), which a name heard by sound does without, is not in it.
    ("where is the dog ball toe now", "Cleveland Museum"),
    # The misheard words of a name heard by sound name no topic ("ball": no toys and games).
    ("where is ball toe's statue", "Central Park"),
    ("what was john beeson's middle name", "John Bradley Beeson"),
    # How two named are related: brothers.
    ("how were edgar and george nollner related", "brother"),
    # "The doctor up in nome": "up" ends the thing whose name is asked.
    ("what was the name of the doctor up in gnome", "Welch"),
    # Dogs dying is the relay's topic; a dog named dying is that dog's death.
    ("what year did the dog balto die", "1933"),
    # Words on a statue or a place, not what a study "said" about a dog (a test is a study).
    ("what did the dna test say about balto", "a study of Balto's genome"),
    # "Produced" is the producer's work (the stemmer alone leaves "produc").
    ("what company produced the 1995 animated film balto", "Amblin"),
    # A place only where it happened: "who" is asked of what else is named (the serum).
    ("who tracked down the serum in anchorage", "Beeson"),
    # "Who" with nothing named: a fact recording who of anything, not only of the relay.
    ("who came up with the idea of two fast dog teams meeting halfway", "Mark Summers"),
    # A clause of the speaker's own after the question lends it nothing.
    ("one of my students asked who sent the telegram that asked for help and i wasn't sure "
     "can you tell me", "Welch"),
])
def test_a_word_describing_a_name_is_not_the_topic(new_talk: Callable[[], Conversation],
                                                   alexa_valid: Any, question: str,
                                                   contains: str) -> None:
    speech = said(new_talk(), question, alexa_valid)
    assert contains in speech, speech


@pytest.mark.parametrize(("question", "contains"), [
    # The fact about both places that names fewest others: the whole relay, not a leg.
    ("how far is it from nenana to nome", "674 miles"),
    ("how far is it from nay nana to gnome", "674 miles"),
    # Point Safety's own run-in, not the last leg that passes through it.
    ("how far was it from point safety to nome", "21 or 25 miles"),
])
def test_the_distance_between_two_places(new_talk: Callable[[], Conversation],
                                         alexa_valid: Any, question: str, contains: str) -> None:
    speech = said(new_talk(), question, alexa_valid)
    assert contains in speech, speech


def test_a_month_and_year_state_no_count() -> None:
    """ "December 1925" is a date, not a number of anything ("how many came to it")."""
    from skill.facts.store import default_store
    from skill.facts.verdicts import states

    store = default_store()
    statue = store.get("statue.identity")
    assert statue is not None and "December 1925" in statue.answer
    assert not states(statue, "how_many")
    seven = store.get("balto.teammates")  # "Seven dogs went to Cleveland in March 1927"
    assert seven is not None and states(seven, "how_many")


def test_a_number_missing_is_named_as_a_number(new_talk: Callable[[], Conversation],
                                               alexa_valid: Any) -> None:
    speech = said(new_talk(), "how many people came to the dedication of the balto statue",
                  alexa_valid)
    assert speech.startswith("I don't have a record of that number for the Balto statue"), speech
    assert "a statue of the Balto statue" not in speech, speech


def test_the_speakers_own_business_is_not_the_topic(new_talk: Callable[[], Conversation],
                                                     alexa_valid: Any) -> None:
    speech = said(new_talk(), "i'm doing a school project on the serum run and i need to know "
                  "which town the relay started from", alexa_valid)
    assert "Nenana" in speech and "schooling" not in speech, speech


@pytest.mark.parametrize("question", [
    "was willem dafoe in the balto cartoon",  # he is in the Togo film
    "did balto lead the team all the way from nenana",  # no fact speaks of Nenana and Balto
])
def test_no_yes_from_a_fact_that_never_speaks_of_what_is_named(
        new_talk: Callable[[], Conversation], alexa_valid: Any, question: str) -> None:
    assert not said(new_talk(), question, alexa_valid).startswith("Yes."), question


def test_a_measure_asked_must_be_stated(new_talk: Callable[[], Conversation],
                                        alexa_valid: Any) -> None:
    """The relay's coldest leg is not Anchorage's weather; a fact about the train states none."""
    speech = said(new_talk(), "how cold was it in anchorage when the serum train left",
                  alexa_valid)
    assert speech.startswith("I don't have a record of"), speech


@pytest.mark.parametrize(("question", "answered", "contains"), [
    # A place the question puts what it asks in or at must be one the fact speaks of.
    ("who sculpted the balto statue in anchorage", False, "in Anchorage"),
    ("who sculpted the balto statue in downtown anchorage", False, "in Anchorage"),
    ("who sculpted the balto statue in central park", True, "Roth"),
    ("how many people came to see balto at the cleveland museum", False,
     "at the Cleveland Museum of Natural History"),
    # A day asked of a date recorded only by its year is not answered by the year.
    ("what was balto's exact birthday", False, "the exact day Balto was born"),
    ("when was seppala born exactly", True, "September 14"),
    ("on what date was the balto statue in central park dedicated", True, "December 15"),
    # What "how many" counts must be what the answering relation counts.
    ("how many children did leonhard seppala have", False, "how many children"),
    ("how many dogs did seppala have", True, "20 dogs"),
    # A film's running time is a duration no fact states.
    ("how long is the togo movie in minutes", False, "how long"),
    ("where is gunnar kaasen buried", False, "Kaasen's remains"),
    # The pilot is a relation of its own, not the airplane option.
    ("who was the pilot of the plane that couldn't fly the serum", False, "flown the serum"),
    # A fact about another film does not answer of this one.
    ("what was the budget of the togo movie", False, "for Togo"),
    ("what was the budget of the balto movie", True, "31 million"),
    # So must a year other than the relay's own.
    ("who won the iditarod in nineteen seventy four", False, "in 1974"),
    ("who won the first iditarod in nineteen seventy three", True, "Wilmarth"),
    # Another fact the question's words lead to that says it all, the place with it, answers.
    ("who organized the relay in nenana", True, "Wetzler"),
    # That he made it says nothing of how long he took.
    ("how long did it take frederick roth to make the balto statue", False, "how long"),
    # "The name of" asks of the last word naming the thing; a fact that never speaks of it,
    # or only unnamed ("a Los Angeles dime museum"), does not answer.
    ("what was the name of balto's vaudeville act", False, "the name of the act"),
    ("what was the name of the los angeles museum where balto was chained up", False,
     "the name of the museum"),
    ("what were the names of the dogs that went to cleveland", True, "Tillie"),
])
def test_a_place_day_or_year_asked_of_must_be_the_facts_own(
        new_talk: Callable[[], Conversation], alexa_valid: Any, question: str,
        answered: bool, contains: str) -> None:
    speech = said(new_talk(), question, alexa_valid)
    assert speech.startswith("I don't have a record of") is not answered, speech
    assert contains in speech, speech


@pytest.mark.parametrize(("question", "contains"), [
    # Words people use for what the store records in others.
    ("where did kaasen pick up the serum", "Bluff"),
    ("how many dogs were pulling kaasen's sled", "13"),
    ("how long was balto's part of the run", "53 miles"),
    ("who wrote the script for the togo movie", "Tom Flynn"),
    ("why didn't nome have enough good antitoxin", "expired"),
    ("what did gunnar kaasen do for a living", "Pioneer Mining Company"),
    ("what did george kimble do for a living", "businessman"),
])
def test_a_recorded_job_is_answered(new_talk: Callable[[], Conversation], alexa_valid: Any,
                                    question: str, contains: str) -> None:
    speech = said(new_talk(), question, alexa_valid)
    assert contains in speech, speech


def test_the_nearest_fact_is_offered_and_yes_takes_the_offer(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    talk = new_talk()
    speech = said(talk, "what was kaasens wifes name", alexa_valid)
    assert "Would you like that?" in speech
    offered = said(talk, "yes", alexa_valid)
    assert "Kaasen" in offered and "don't have a record" not in offered


def test_follow_ups_keep_what_was_asked(new_talk: Callable[[], Conversation],
                                        alexa_valid: Any) -> None:
    talk = new_talk()
    assert "1933" in said(talk, "when did balto die", alexa_valid)
    assert "1929" in said(talk, "and togo", alexa_valid)            # the same question of Togo
    assert "Poland Spring" in said(talk, "and where", alexa_valid)  # the new facet, same dog
    assert "1967" in said(talk, "what about seppala", alexa_valid)


def test_a_place_named_answers_when_the_one_talked_of_has_no_record_of_it(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    talk = new_talk()
    assert "1 million" in said(talk, "how many units did welch ask for", alexa_valid)
    # "They" is not Welch, whose facts never speak of Anchorage: Anchorage answers.
    assert "300,000" in said(talk, "and how many did they find in anchorage", alexa_valid)


def test_a_follow_up_naming_only_what_the_answer_spoke_of_is_that_answer(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    talk = new_talk()
    assert "Willem Dafoe" in said(talk, "who played seppala in the togo movie", alexa_valid)
    # "And his wife": who played her, which that answer says.
    assert "Julianne Nicholson" in said(talk, "and his wife", alexa_valid)


def test_one_of_another_is_the_thing_talked_of(new_talk: Callable[[], Conversation],
                                               alexa_valid: Any) -> None:
    talk = new_talk()
    said(talk, "who made the balto statue in central park", alexa_valid)
    assert "indomitable" in said(talk, "what does it say on it", alexa_valid)
    # "One" is a statue, whatever was asked of Balto's: not the words on Togo.
    assert "Seward Park" in said(talk, "is there one of togo too", alexa_valid)


def test_pronouns_follow_the_answer(new_talk: Callable[[], Conversation],
                                    alexa_valid: Any) -> None:
    talk = new_talk()
    assert "Kaasen" in said(talk, "who drove balto's team", alexa_valid)
    assert "Norway" in said(talk, "where was he from", alexa_valid)  # he: Kaasen, the answer
    # Someone with no birthplace but a place they were of is still "he" (not Balto).
    assert "Kimble" in said(talk, "who rescued balto from los angeles", alexa_valid)
    assert "Cleveland, Ohio" in said(talk, "where was he from", alexa_valid)


def test_asked_of_someone_talked_of_the_talk_stays_with_them(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    """Asked "who", the listener follows the answer; asked what someone's lead dog was, the
    talk stays with that someone, though "it" may still be the dog."""
    talk = new_talk()
    assert "Kaasen" in said(talk, "who drove the final leg into nome", alexa_valid)
    assert "Balto" in said(talk, "what was his lead dog", alexa_valid)
    assert "Everett" in said(talk, "where did he die", alexa_valid)  # he: Kaasen still
    talk = new_talk()
    assert "Shannon" in said(talk, "who ran the first leg of the relay", alexa_valid)
    assert "Blackie" in said(talk, "what was his lead dog called", alexa_valid)
    assert "five years old" in said(talk, "how old was it", alexa_valid)  # it: Blackie


def test_it_can_be_the_film_an_answer_was_about(new_talk: Callable[[], Conversation],
                                                alexa_valid: Any) -> None:
    talk = new_talk()
    assert "Dafoe" in said(talk, "who played seppala in togo", alexa_valid)
    assert "Ericson Core" in said(talk, "who directed it", alexa_valid)
    assert "2019" in said(talk, "when did it come out", alexa_valid)  # it: the film


def test_which_dog_follows_the_dog_the_answer_names(new_talk: Callable[[], Conversation],
                                                    alexa_valid: Any) -> None:
    talk = new_talk()
    assert "Fox" in said(talk, "which dog ran co lead with balto", alexa_valid)
    assert said(talk, "whose dog was he", alexa_valid).startswith("Fox")  # he: Fox
    # Going to Cleveland is the dogs' rescue, which a fact records of him: yes.
    speech = said(talk, "did he go to cleveland too", alexa_valid)
    assert speech.startswith("Yes.") and "Fox" in speech, speech


@pytest.mark.parametrize(("question", "expected"), [
    ("which came first the serum run or the first iditarod race",
     "The serum run came first, in 1925; the first iditarod race was in 1973."),
    ("what came first balto going to cleveland or togo dying",
     "Balto going to cleveland came first, in 1927; togo dying was in 1929."),
])
def test_two_happenings_are_put_in_order_by_their_dates(
        new_talk: Callable[[], Conversation], alexa_valid: Any, question: str,
        expected: str) -> None:
    assert said(new_talk(), question, alexa_valid).startswith(expected)


def test_a_count_asked_of_someone_is_of_what_they_dealt_with(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    talk = new_talk()
    assert "Beeson" in said(talk, "who found the serum in anchorage", alexa_valid)
    assert "300,000" in said(talk, "how much did he find", alexa_valid)


def test_a_new_measure_asked_after_another_asks_it_afresh(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    """ "and how far was it" after how long the run took asks the distance, not the time."""
    talk = new_talk()
    assert "127" in said(talk, "how long did the relay take", alexa_valid)
    assert "674 miles" in said(talk, "and how far was it", alexa_valid)


def test_a_pronoun_for_a_person_keeps_the_person(new_talk: Callable[[], Conversation],
                                                 alexa_valid: Any) -> None:
    """ "how long did it take him" after the first Iditarod's winner: his race, not the relay
    that happens to record a duration."""
    talk = new_talk()
    assert "Wilmarth" in said(talk, "who won the first iditarod", alexa_valid)
    speech = said(talk, "how long did it take him", alexa_valid)
    assert "20 days" in speech and "127" not in speech, speech


def test_a_comparison_that_names_fewer_than_two_compares_the_last_ones(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    """ "which one went farther" after Balto and Togo; "him or balto" after Togo. Each
    one's distance in all, where recorded: Togo's 261 miles, not only the 91 with the serum."""
    talk = new_talk()
    said(talk, "who was balto", alexa_valid)
    said(talk, "and togo", alexa_valid)
    speech = said(talk, "which one went farther", alexa_valid)
    assert speech.startswith("Togo went farther") and "261" in speech and "53" in speech, speech
    talk = new_talk()
    said(talk, "what breed was togo", alexa_valid)
    speech = said(talk, "which one was heavier him or balto", alexa_valid)
    assert speech.startswith("Togo was heavier"), speech


def test_legs_compared_are_compared_by_leg(new_talk: Callable[[], Conversation],
                                           alexa_valid: Any) -> None:
    speech = said(new_talk(), "whose leg was longer seppala's or kaasen's", alexa_valid)
    assert "91 miles" in speech and "261" not in speech, speech


def test_who_was_next_asks_whom_the_serum_went_to(new_talk: Callable[[], Conversation],
                                                   alexa_valid: Any) -> None:
    """The direction a word names ("next") decides, whatever the question word ("who")."""
    talk = new_talk()
    assert "Charlie Evans" in said(talk, "who ran the coldest leg", alexa_valid)
    assert "Tommy Patsy" in said(talk, "who was next", alexa_valid)


@pytest.mark.parametrize(("first", "then", "contains"), [
    # "and" marks a follow-up: the question before, asked of what this turn names.
    ("who plays seppala in the togo movie", "and the dog", "Diesel"),
    ("how many mushers were there", "and dogs", "150 dogs"),
    ("how old was togo in the serum run", "and balto", "years old"),
])
def test_and_asks_the_question_before_of_what_it_names(
        new_talk: Callable[[], Conversation], alexa_valid: Any, first: str, then: str,
        contains: str) -> None:
    talk = new_talk()
    said(talk, first, alexa_valid)
    speech = said(talk, then, alexa_valid)
    assert contains in speech, speech


@pytest.mark.parametrize(("turns", "contains"), [
    # "then": the time the last answer was about (his death), not the relay.
    (["where did gunnar kaasen die", "how old was he then"], "aged 78"),
    # "There" is where the last answer was; yes when it names whom the question asks of.
    (["who made the balto statue", "when was it dedicated", "was the dog himself there"],
     "Yes."),
    # A measure the carried topic never records asks afresh: "how old" after a birth year.
    (["which dog was older balto or togo", "how old was he"], "12 years old"),
    # "the other one" asks the last question of the other.
    (["which dog was older balto or togo", "how old was he", "and the other one"],
     "five or six"),
    # ... and said inside a question of its own.
    (["which dog went farther balto or togo", "how far did the other one go"], "53 miles"),
    # "Come out" is when something was made public: the last answer, which dates it.
    (["who wrote the cruelest miles", "when did it come out"], "2003"),
    # "There", asked when, is the place last named.
    (["how did the serum get to nenana", "when did it arrive there"], "January 27"),
    # "He", said before the one named, is asked about: yes if he is the heavier.
    (["how much did togo weigh", "was he heavier than balto"], "Yes."),
    # A preposition before the question word ("in which country"), and "he" after a person.
    (["who was gunnar kaasen", "in which country he was born"], "Norway"),
    # "that": the last answer, which dates what it tells, when no topic carries the question.
    (["which zoo did balto live in", "what year was that"], "1927"),
    # "it" after a lead dog is the dog.
    (["who ran the first leg", "what was his lead dog called", "how old was it"],
     "five years old"),
    # "pass" ending the question is to die, not to pass the serum on.
    (["tell me about leonhard seppala", "and when did he pass"], "1967"),
    # "That man" is a person: the rescuer just named, not the dog he rescued.
    (["what happened to balto after the serum run", "who rescued him",
      "where was that man from"], "George Kimble"),
    # "His hands" are an injury: "he" is whoever records one (Olson, frostbitten).
    (["who handed the serum over to kaasen", "how many dogs did he have",
      "what happened to his hands"], "frostbit"),
    # A preposition before "what" with nothing after the noun ("near what village").
    (["who met seppala out on the ice", "near what village"], "Shaktoolik"),
    # Where one lived at the end, asked of the other dog: where he retired.
    (["where did balto live at the end", "and togo"], "Poland Spring"),
    # "Up front" on a team is its lead dog.
    (["how many dogs did kaasen have on the last leg", "which one was up front"], "Balto"),
    # "And where (was that)": where the last answer happened, which it says.
    (["how far did seppala carry the serum", "who did he give it to", "and where was that"],
     "Golovin"),
    # Coming or being brought to Cleveland is the dogs' rescue.
    (["which dogs went to cleveland with balto", "who got them there"], "Kimble"),
    # "What year was that published": the last answer, which gives the year.
    (["what's the book about the serum run by the salisburys", "what year was that published"],
     "2003"),
    # What happened to his sled: the crash at Bonanza Flat.
    (["how many dogs did kaasen have", "what happened to his sled on the way"], "flipped"),
    # "Where can I find him": where his remains are.
    (["who was balto", "where i can find him"], "Cleveland Museum"),
    # "Their names" after an answer that lists them: that answer.
    (["how many dogs went to cleveland with balto", "what were their names"], "Tillie"),
    # "Where did he start from" is where his leg began, not where he was born.
    (["who ran the last leg", "where did that last musher start from"], "Bluff"),
    # "Which zoo" asks where someone lived: the dog, not the man who saved him.
    (["what happened to balto after the race", "who saved him", "which zoo did he go to"],
     "Brookside"),
    # Where the rescuer took the dog: where his rescue led.
    (["who rescued balto from los angeles", "where did he take him"], "Cleveland"),
    # After an answer about the relay, "his" is the man its fact is about.
    (["tell me about the relay", "which one ran first", "what was his lead dog"], "Blackie"),
    # "His lead dog's name" is the role's holder, not the names of the dogs: "he" after is
    # still the musher.
    (["who was the first musher in the relay", "what was his lead dog's name"], "Blackie"),
    (["who was the first musher in the relay", "what was his lead dog's name",
      "where did he start"], "Nenana"),
    # "That dog" is the dog talked of, as "it" is.
    (["who was the first musher in the relay", "what was his lead dog", "how old was that dog"],
     "five years old"),
    # "There" is the place talked of; "the whole relay" after a leg's miles is the relay's own.
    (["who handed the serum to gunnar kaasen", "where did that happen",
      "how far was it from there to nome"], "53 miles"),
    (["how far did togo run", "and balto", "and the whole relay"], "674 miles"),
    # ... but "and his wife" after the Togo film's cast asks the cast again.
    (["when did the togo movie come out", "who played the musher", "and his wife"],
     "Julianne Nicholson"),
    # "Did Balto have babies": a dog's babies are pups.
    (["did balto have babies"], "No."),
    # "When was that released": "that" stands for the film talked of, as "it" does.
    (["who played seppala in togo", "when was that released"], "2019"),
    # The hand-over the other way, asked of the one just answered, is asked of the one the
    # last question was about (Ivanoff only gave it back to Seppala)
    (["who did seppala get the serum from", "and who did he give it to"], "Olson"),
    # Where the serum was handed to him, or by him, is where his run began, or ended; "he"
    # then is still the one asked about
    (["at what town did kaasen take the serum over", "what time did he leave"], "10 at night"),
    (["where did edgar nollner hand the serum to his brother"], "Galena"),
    (["where did seppala hand off the serum after his big run"], "Golovin"),
    # "where'd" opens a question as "where" does (the interaction model's samples)
    (["who was seppala", "where'd he pass"], "Seattle"),
    # "how did he get there": how he came to be there (lexicon.json rewrites)
    (["is balto in cleveland", "how did he get there"], "Kimble"),
])
def test_short_follow_ups_lean_on_the_last_answer(new_talk: Callable[[], Conversation],
                                                 alexa_valid: Any, turns: list[str],
                                                 contains: str) -> None:
    talk = new_talk()
    for turn in turns[:-1]:
        said(talk, turn, alexa_valid)
    speech = said(talk, turns[-1], alexa_valid)
    assert contains in speech, speech


@pytest.mark.parametrize(("turns", "contains"), [
    # "one" is the kind of thing the last answer was about: a statue.
    (["where is the balto statue", "is there one of togo"], "Seward Park"),
    # "that one" stands for a thing, as "it" does.
    (["who voiced balto in the cartoon", "when did that one come out"], "1995"),
    # "the balto one" after a film: the film named after Balto.
    (["who directed the togo movie", "what about the balto one"], "Simon Wells"),
])
def test_one_stands_for_the_thing_talked_of(new_talk: Callable[[], Conversation],
                                            alexa_valid: Any, turns: list[str],
                                            contains: str) -> None:
    talk = new_talk()
    said(talk, turns[0], alexa_valid)
    speech = said(talk, turns[1], alexa_valid)
    assert contains in speech, speech


@pytest.mark.parametrize(("question", "contains"), [
    ("did wild bill shannon or kaasen cover more miles", "Kaasen went farther"),
    ("was it colder on tommy patsy's leg or on jackscrew's", "Tommy Patsy"),
    ("was balto the real hero or was it togo", "Togo"),
    # Names offered of a thing: the one its facts record ("is the statue balto or togo").
    ("is the statue balto or togo", "sculpture of Balto"),
    ("is the central park statue balto or togo", "statues of Balto"),
    # Names offered after a "who" question are the choices, not its subject.
    ("who actually owned balto was it seppala or kaasen", "belonged to Leonhard Seppala"),
])
def test_a_choice_between_names_is_answered_by_which_not_yes_or_no(
        new_talk: Callable[[], Conversation], alexa_valid: Any, question: str,
        contains: str) -> None:
    speech = said(new_talk(), question, alexa_valid)
    assert contains in speech and not speech.startswith(("Yes", "No")), speech


@pytest.mark.parametrize("question", ["what's twelve times eight", "what is 12 times 8"])
def test_a_sum_is_not_answered_with_a_number_from_the_story(
        new_talk: Callable[[], Conversation], alexa_valid: Any, question: str) -> None:
    speech = said(new_talk(), question, alexa_valid)
    assert "I don't know that one" in speech and "84" not in speech, speech


def test_a_superlative_across_a_kind(new_talk: Callable[[], Conversation],
                                     alexa_valid: Any) -> None:
    assert "Blackie" in said(new_talk(), "what was the first lead dog called", alexa_valid)


def test_sound_alike_names_are_understood(new_talk: Callable[[], Conversation],
                                          alexa_valid: Any) -> None:
    assert "Everett" in said(new_talk(), "where did gunner cason die", alexa_valid)
    assert "261" in said(new_talk(), "how many miles did toe go run", alexa_valid)


def test_age_in_1925_is_exact_from_a_full_birth_date_and_hedged_from_a_year() -> None:
    """A full birth date gives the exact age when the relay began (27 January 1925); a
    birth year alone cannot say whether the birthday had passed, so the age is "about"."""
    from skill.facts import values

    assert values.age_on("1877-09-14", 1925, 1, 27) == (47, True)
    assert values.age_on("1882-01-10", 1925, 1, 27) == (43, True)
    assert values.age_on("1913", 1925, 1, 27) == (12, False)
    assert values.age_on("unknown", 1925, 1, 27) is None


@pytest.mark.parametrize(("question", "age"), [
    ("how old was seppala during the serum run", "Leonhard Seppala 47 during"),
    ("how old was gunnar kaasen in 1925", "Gunnar Kaasen 42 during"),
])
def test_age_in_1925_is_worked_out_from_the_birth_date(new_talk: Callable[[], Conversation],
                                                       alexa_valid: Any, question: str,
                                                       age: str) -> None:
    speech = said(new_talk(), question, alexa_valid)
    assert age in speech, speech


def test_the_present_in_a_preamble_does_not_make_a_question_about_the_present(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    """ "We're at the statue right now, who made it" asks about the statue; "who won the
    race this year" asks about the present, which a history skill cannot know."""
    speech = said(new_talk(), "we are at the balto statue right now and my kid wants to "
                  "know who made it", alexa_valid)
    assert "Roth" in speech, speech
    speech = said(new_talk(), "who won the iditarod this year", alexa_valid)
    assert "Roth" not in speech and "I don't" in speech, speech


@pytest.mark.parametrize(("question", "answered"), [
    # Counts and prices of today are the present, which a history skill cannot know.
    ("how many people live in nome today", False),
    ("how much is a ticket to go see balto at the museum", False),
    ("how much did the statue cost", False),  # the past, though not recorded
    ("how many people live in nome", True),  # in 1925, as recorded
    # The present in a clause of the speaker's own, another clause after it, is not asked.
    ("i'm writing questions for a pub quiz tonight and i need to double check the exact date "
     "balto died", True),
    ("i want to know who won the iditarod last year", False),
    ("who won this year's iditarod", False),
    # When something will come back is the future, even of where Balto is shown.
    ("when is balto going back on display in cleveland", False),
    # After "so", the follow-up intent hears the whole question as its slot: asked whole.
    ("so i'm writing questions for a pub quiz tonight and i need to double check the exact "
     "date balto died", True),
    # ... or a clause of the speaker's own before a question of its own.
    ("i'm going to new york next week where is the balto statue", True),
    # What is near the speaker is the present too.
    ("what movies are playing near me", False),
    # A request of the speaker's assistant ("remind me to"), not a question of the story;
    # "remind me who" is a question.
    ("remind me to call mom at five", False),
    ("remind me who the doctor was", True),
])
def test_counts_and_prices_of_today_are_out_of_scope(
        new_talk: Callable[[], Conversation], alexa_valid: Any, question: str,
        answered: bool) -> None:
    speech = said(new_talk(), question, alexa_valid)
    declined = speech.startswith(("I don't know that one", "I don't have a record"))
    assert declined is not answered, speech


@pytest.mark.parametrize(("question", "contains"), [
    ("where was balto laid to rest", "Cleveland Museum of Natural History"),
    ("where did balto retire", "Brookside Zoo"),
    # Who started a race is who founded it, not who won it.
    ("i saw a poster for the iditarod who actually started that race", "Dorothy Page"),
    ("who won the first iditarod", "Wilmarth"),
    # A long name heard as several ordinary words, by its sounds.
    ("who won the first eye did a rod race", "Wilmarth"),
    # Someone's last years are where they retired, not where they went first after the run.
    ("where did balto spend his last years", "Brookside Zoo"),
    ("who passed the serum to kaasen", "Olson"),
    # "From X to Y": the run that went from the first to the second, not one ending at X.
    ("who carried the serum from golovin to bluff", "Charlie Olson"),
    # Names and common words only: the fact about everything named.
    ("how did the serum get to nenana", "by train"),
    # "That one day" counts a day; it stands for nothing said before.
    ("how far did togo go in that one day crossing norton sound", "84 miles"),
    # The direction asked decides, however many words a fact of the other direction shares.
    ("who handed the serum to tommy patsy", "Evans"),
    # "The leg before Kaasen" is who handed it to him.
    ("who ran the leg right before kaasen", "Olson"),
    # ... and the musher before him; "after X, who carried it" is whom X handed it to.
    ("who was the musher right before gunnar kaasen", "Olson"),
    ("after harry pitka who carried the serum", "McCarty"),
    # A place named only as where the dog went ("to the zoo"), with him: his count.
    ("how many dog are going to the cleveland zoo with balto", "Seven dogs"),
    # A trigger ending in the article that begins a name is the trigger without it.
    ("what did people call the serum run back then", "Great Race of Mercy"),
    # "What trail" asks the trail itself, which a trail said in passing does not.
    ("what trail did the mushers follow", "Iditarod Trail"),
    # The race said to honor the relay is recorded of it.
    ("what famous race came out of the serum run", "Iditarod"),
    # Sequels are their own relation, not the first film asked of the dog.
    ("what were the titles of the two sequels to the movie balto", "Wolf Quest"),
    ("what was the subtitle of the third balto movie", "Wings of Change"),
    # The facts tell how things ended: where Seppala met the serum in the end, and where
    # Balto's team went from the dime museum.
    ("where did seppala meet up with the serum", "Shaktoolik"),
    ("where did the real balto end up", "Cleveland"),
    # A package of serum is a shipment.
    ("how many units of serum were in the first package", "300,000"),
    # Asked where, with both named, the first named acts: whom he handed it to.
    ("where did seppala hand the serum off to charlie olson", "Golovin"),
    # What sources disagree on is the fact's too: the vet one account names.
    ("which vet put balto down", "Powell"),
    # A count asked of what a fact counts: nurses, not the town's people.
    ("how many nurses were there in nome", "four nurses"),
    # The speaker's own clause after a greeting: "retired" asks nothing.
    ("good morning i'm a retired nurse how many nurses did doctor welch have", "four nurses"),
    # "They" after the scientists the question names points back to nothing before it, so
    # the speaker's own words ("we're doing genetics") lend it nothing.
    ("i teach middle school science and we're doing genetics so what did scientists find "
     "when they looked at balto's dna", "Siberian husky"),
    # "Settle it" settles an argument; it is not where someone settled.
    ("my buddy and i bet on it so settle it how far did togo actually go", "261 miles"),
    ("who did kaasen give it to", "Nome"),
    # Giving a pup away is its own relation, not a hand-over of the serum.
    ("why did seppala try to give togo away as a puppy", "too small"),
    # The thing "what" asks is the topic, over one the clause after it speaks of ("scared").
    ("one of my students asked what the sickness was that everybody in nome was so scared of "
     "can you tell me", "diphtheria"),
    # "What was it that killed ...": how he died.
    ("what was it that killed balto in the end", "put to sleep"),
    # "How long ... took": a duration.
    ("a student asked me how long the whole relay took and honestly i don't remember",
     "days"),
    # The speaker's own school and trip are chatter; "which museum" asks where; "coming"
    # meets "come"; "was he from" at the end asks where he was born.
    ("i am norwegian and in school we learned two famous mushers were from norway from which "
     "part of norway was kaasen coming", "Troms"),
    ("i'm heading to cleveland this weekend with my daughter who loves dogs and i want to "
     "take her to see balto which museum is he in", "Cleveland Museum"),
    ("a musher from our area named kaasen which place in norway was he from", "Burfjord"),
    # Moving is where someone lived, from when.
    ("when did kaasen move down there", "1950"),
    # What the serum was carried in.
    ("what was the serum carried in on the sleds", "cylinder"),
    # The hospital in Anchorage is where the serum was found, not the railroad.
    ("who found the serum at the railroad hospital in anchorage", "Beeson"),
    # "What dog did he drive": his lead dog.
    ("what dog did leonard sep ala drive", "Togo"),
    # Getting him out of the sideshow is his rescue; asked who or how, the facts recording
    # that, not the fact telling the sideshow in more of the question's words.
    ("who was the man that got balto out of that sideshow in los angeles", "Kimble"),
    ("so i read that balto ended up in some kind of sideshow how did he get out of there",
     "raised"),  # (the money for his rescue, by either fact recording it)
])
def test_the_relation_asked_decides_between_facts_about_the_same_dog(
        new_talk: Callable[[], Conversation], alexa_valid: Any, question: str,
        contains: str) -> None:
    """A fact recording the relation asked is evidence enough, even in words no fact uses
    ("laid to rest"): it beats a fact that only shares the question's shape."""
    speech = said(new_talk(), question, alexa_valid)
    assert contains in speech, speech


def test_the_two_names_offered_are_compared(new_talk: Callable[[], Conversation],
                                            alexa_valid: Any) -> None:
    """ "Was it colder at Minto or at Nenana when Shannon set off": the places "or" offers,
    not the musher the clause after them names (who ran past Minto at its very cold)."""
    speech = said(new_talk(), "was it colder at minto or at nenana when shannon set off",
                  alexa_valid)
    assert "Minto" in speech and "Shannon the same" not in speech, speech
    speech = said(new_talk(), "was minto colder than nenana when shannon set out", alexa_valid)
    assert "Minto" in speech and "Shannon the same" not in speech, speech


@pytest.mark.parametrize("follow_up", ["which other dogs went", "who else went"])
def test_the_others_are_in_the_answer_that_lists_them(new_talk: Callable[[], Conversation],
                                                      alexa_valid: Any, follow_up: str) -> None:
    talk = new_talk()
    said(talk, "who was fox", alexa_valid)
    said(talk, "did he go to cleveland too", alexa_valid)
    speech = said(talk, follow_up, alexa_valid)
    assert "Tillie" in speech and "Alaska Slim" in speech


def test_that_dog_is_the_dog_the_last_answer_gave(new_talk: Callable[[], Conversation],
                                                  alexa_valid: Any) -> None:
    """After "what was his lead dog" (Seppala's: Togo), "that dog" is Togo, not Seppala; the
    session remembers whom the answer gave."""
    talk = new_talk()
    said(talk, "who ran the longest leg of the serum run", alexa_valid)
    said(talk, "what was his lead dog", alexa_valid)
    assert "1929" in said(talk, "and when did that dog die", alexa_valid)


def test_dogs_dying_is_not_the_outbreaks_toll(new_talk: Callable[[], Conversation],
                                              alexa_valid: Any) -> None:
    """No source counts dogs dead on the run: the outbreak's human toll is not the answer."""
    speech = said(new_talk(), "how many dogs died during the serum run", alexa_valid)
    assert speech.startswith("I don't have a record")


@pytest.mark.parametrize(("question", "starts"), [
    # The one word a "what" asks, before its verb, is one no fact uses: no fact can say it.
    ("what hotel did seppala stay at when he toured new york with togo",
     "I don't have a record"),
    # An unknown word before the thing asked only describes it (the explorer is recorded).
    ("which polar explorer gave togo a gold medal", "From October 1926"),
])
def test_a_thing_asked_that_no_fact_names(new_talk: Callable[[], Conversation],
                                          alexa_valid: Any, question: str, starts: str) -> None:
    assert said(new_talk(), question, alexa_valid).startswith(starts)


@pytest.mark.parametrize(("question", "contains"), [
    # A reason a fact records is the answer, however the question's other words point.
    ("why did the people in cleveland want to buy balto", "poor condition"),
    ("why did kaasen go straight past point safety", "asleep"),
    ("why did balto end up being the famous one", "final stretch"),
    # Everybody knowing or loving someone is his fame.
    ("why does everybody know balto when togo did way more", "final stretch"),
    ("why did balto have an enlarged heart", "strained by the serum run"),
    # A thing of his ("his heart") that the facts of the topic its adjective names ("big":
    # his size) never speak of: his own fact that speaks of it and records a reason.
    ("why was balto's heart so big", "strained by the serum run"),
    # Of two named, the fact recording the relation of both ("ending up rivals" is being so).
    ("why were seppala and kaasen rivals", "resented the credit"),
    # Annoyed, irritated, angry and mad are upset: words a listener uses for one another.
    ("why was seppala so annoyed about balto", "resented the credit"),
    ("why did seppala and kaasen end up rivals", "resented the credit"),
    # Breeding is having pups, not the breed.
    ("why was balto never used for breeding", "neutered"),
    # The fact of his fame says why he is the unsung hero: he ran the longest stretch.
    ("why do people call togo the unsung hero", "longest and most dangerous"),
])
def test_why_is_answered_by_the_reason_recorded(new_talk: Callable[[], Conversation],
                                                alexa_valid: Any, question: str,
                                                contains: str) -> None:
    assert contains in said(new_talk(), question, alexa_valid)


def test_a_calling_asked_is_answered_by_the_one_a_disagreement_names(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    """ "Which vet put Balto down": the vet is named only in what the sources disagree on
    ("by a veterinarian, Doctor Powell"), which is spoken too, so it is an answer."""
    assert "Powell" in said(new_talk(), "which vet put balto down", alexa_valid)


def test_in_a_row_is_running(new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    """ "Three years in a row" is the idiom the sources write as "three years running": no
    word the store never heard, which would leave a question that names no one unanswered."""
    speech = said(new_talk(), "which musher won the all alaska sweepstakes three years in a row",
                  alexa_valid)
    assert "Seppala" in speech and "1915" in speech


def test_running_into_someone_is_meeting_them(new_talk: Callable[[], Conversation],
                                              alexa_valid: Any) -> None:
    """ "Run into" is an idiom for meeting, not a run: where Seppala met the relay."""
    speech = said(new_talk(), "where did seppala run into the musher with the serum", alexa_valid)
    assert "Shaktoolik" in speech


@pytest.mark.parametrize(("question", "wrong"), [
    # A description many fit ("seppala's dog"), a claim of more than who ("named after the
    # country"), a likeness: "who" asked of the rest decides none of them.
    ("was balto actually seppala's dog", "No."),
    ("was togo named after the country togo", "Yes."),
    ("is togo stuffed like balto", "No."),
])
def test_who_did_it_decides_no_claim_it_cannot(new_talk: Callable[[], Conversation],
                                               alexa_valid: Any, question: str,
                                               wrong: str) -> None:
    speech = said(new_talk(), question, alexa_valid)
    assert not speech.startswith(wrong), speech


def test_the_speakers_framing_words_are_no_names_by_sound(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    """ "My buddy swears ...": "swears" frames the question (chatter); heard by its sound it
    had been Mark Summers, whose fact then answered how far the dogs ran."""
    speech = said(new_talk(), "hey so my buddy swears the dogs ran like a thousand miles is that "
                  "right how far was it really", alexa_valid)
    assert "674" in speech and "Summers" not in speech


def test_a_clause_of_the_speakers_after_the_question_asks_nothing(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    """ "... on the run my kids think fifty below is made up": "made up" (is it real?) is the
    speaker's own clause, after the question proper; the cold is what is asked."""
    speech = said(new_talk(), "so um how cold did it actually get on the run my kids think fifty "
                  "below is made up", alexa_valid)
    assert "minus 62" in speech


@pytest.mark.parametrize(("question", "contains"), [
    # What was wrong with a thing, or went wrong at a place, is what there is to tell of it.
    ("what was wrong with the airplane", "taken apart"),
    ("what went wrong at point safety", "asleep"),
    # ... not of someone, whose troubles a biography does not tell.
    ("what was wrong with balto", "I don't have a record"),
    # What happened on or at a place is what there is to tell of it; "what's the deal with"
    # (normalised "what is") is "tell me about".
    ("what happened on norton sound", "Togo"),
    ("whats the deal with the balto statue", "Central Park"),
    # "Mommy" is mother.
    ("who was togo's mommy", "Dolly"),
    # Who "is called", "gets called" or "is known as" a name is who that name is.
    ("which musher is called the father of the iditarod", "Redington"),
    ("who gets called the father of the iditarod", "Redington"),
])
def test_idioms_ask_the_plain_question(new_talk: Callable[[], Conversation], alexa_valid: Any,
                                       question: str, contains: str) -> None:
    assert contains in said(new_talk(), question, alexa_valid)


def test_a_question_proper_of_the_story_itself_is_not_of_the_preambles_thing(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    """ "I'm writing a poem for the centennial and I need to know how many hours the whole relay
    took": the question proper names only the relay, which it asks of; the centennial the
    preamble named is the speaker's business."""
    speech = said(new_talk(), "i'm writing a little poem for the centennial and i need to know "
                  "exactly how many hours the whole relay took", alexa_valid)
    assert "127" in speech


def test_a_bare_question_phrase_asks_the_last_question_again(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    talk = new_talk()
    said(talk, "what did the dna study find about balto", alexa_valid)
    said(talk, "when was it published", alexa_valid)
    assert "Science" in said(talk, "in what journal", alexa_valid)
    talk = new_talk()
    assert "Golovin" in said(talk, "where did seppala hand off the serum", alexa_valid)
    assert "Olson" in said(talk, "to who", alexa_valid)


@pytest.mark.parametrize("question", [
    "did balto like kaasen or seppala better",   # a preference nobody recorded
    "is there going to be a new balto movie",    # the future: no source speaks of it
    "will there ever be a togo sequel",
])
def test_what_no_source_records_is_no_record(new_talk: Callable[[], Conversation],
                                             alexa_valid: Any, question: str) -> None:
    assert classify(said(new_talk(), question, alexa_valid)) == NO_RECORD


def test_it_in_the_question_proper_is_the_thing_the_preamble_named(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    speech = said(new_talk(), "so i'm standing in central park next to the dog statue and my "
                  "kid wants to know who sculpted it", alexa_valid)
    assert "Roth" in speech


def test_a_span_near_the_record_gets_no_verdict(new_talk: Callable[[], Conversation],
                                                alexa_valid: Any) -> None:
    speech = said(new_talk(), "did the relay take about a week", alexa_valid)
    assert "127" in speech and not speech.startswith(("No", "Yes"))


def test_a_question_word_said_last_asks_as_said_first(new_talk: Callable[[], Conversation],
                                                      alexa_valid: Any) -> None:
    talk = new_talk()
    said(talk, "togo when he was born", alexa_valid)
    assert "Poland Spring" in said(talk, "he die where", alexa_valid)


@pytest.mark.parametrize(("question", "expected"), [
    ("what made kaasen's sled tip over", "winds"),     # a reason asked, not a sled's name
    ("how many doggies were in the relay", "150"),     # a child's word for dogs
])
def test_words_people_use_are_understood(new_talk: Callable[[], Conversation],
                                         alexa_valid: Any, question: str,
                                         expected: str) -> None:
    assert expected in said(new_talk(), question, alexa_valid)


@pytest.mark.parametrize(("question", "missing"), [
    ("how much did togo weigh as a puppy", "how big Togo was as a puppy"),
    ("how much did balto weigh when he was born", "how big Balto was when he was born"),
    # a count of dogs given, none named: "his 7 dogs were blown off the trail"
    ("what were the names of charlie olson's seven dogs", "the names of the dogs"),
    # "that" points at the thing whose name is asked
    ("what was the name of that freak show in los angeles", "the name of the show"),
    # the relay's year, asked of a fact dated only by other years
    ("which musher won the 1925 iditarod", "that in 1925"),
    # a count asked of a dog, from a fact that is his musher's ("he won ... three times")
    ("how many races did togo win", "that about Togo"),
    # who did something to one named, met only by a fact naming no one else
    ("which vet neutered balto", "that"),
    ("who stuffed togo", "that"),
    # what someone said, of a person the store knows only by his deeds
    ("what did amundsen say when he gave togo the medal", "what Roald Amundsen said"),
    # last words are words said, not how long something lasted
    ("what were seppala's last words", "what Leonhard Seppala said"),
    # what a film cost and took in, recorded only of the Balto film
    ("what was the budget for the disney togo film", "that number for Togo"),
    # a precise day asked with "exact" between; a superlative of a quality no fact speaks of
    ("what exact day was togo born", "the exact day Togo was born"),
    ("which musher was the wealthiest", "that"),
    # kin of one the store knows only by name; a country no fact names
    ("who were suggen's parents", "Suggen's parents"),
    ("how much did the balto film make in france", "that"),
    # someone named by an office no fact speaks of
    ("what did the mayor of anchorage say about the serum", "that"),
    # the office asked, with a clause describing its holder
    ("who was the pilot who was meant to fly the serum", "that"),
    # a day said by name is that day, which no fact records
    ("what was the weather like in nome on valentine's day 1925", "that on February 14"),
    # an opinion of something else named than the one recorded
    ("what did seppala think about the statue of balto in new york", "that"),
    # a measure asked of one moment the fact never places it at
    ("how much did togo weigh on the day he died", "that"),
    # a place in a race other than first that the fact never states; whom "who was the ..."
    # asks by, a word the store has never heard
    ("who finished third in the first iditarod", "that"),
    ("who was the very first patient to be given the antitoxin", "that"),
    # asked yes or no of two beings, a fact with no verdict that never speaks of both
    ("did seppala ever visit balto at the zoo", "that"),
    ("did togo and balto ever see each other", "that"),
])
def test_a_measure_or_names_the_fact_does_not_state_are_no_record(
        new_talk: Callable[[], Conversation], alexa_valid: Any, question: str,
        missing: str) -> None:
    assert said(new_talk(), question, alexa_valid).startswith(
        f"I don't have a record of {missing}.")


def test_a_grown_dogs_measure_is_the_one_recorded(new_talk: Callable[[], Conversation],
                                                  alexa_valid: Any) -> None:
    assert "48 pounds" in said(new_talk(), "how much did togo weigh when he grew up",
                               alexa_valid)


def test_a_fact_of_another_time_than_the_clause_gives_does_not_answer(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    speech = said(new_talk(), "what did the people of nome do to celebrate when the serum came",
                  alexa_valid)
    # the centennial (2025) is no celebration of the serum's arrival (1925): offered, not given
    assert speech.startswith("I don't have a record of that in 1925."), speech
    assert "centennial" in speech
    # a clause whose own date is a near neighbour is no other time
    assert "Kaasen" in said(new_talk(), "who was driving the sled when balto got into nome",
                            alexa_valid)


@pytest.mark.parametrize(("question", "apart"), [
    ("how many years were there between the serum run and the first iditarod", "48 years"),
    ("how many years after the serum run did balto die", "8 years"),
    ("how many years between togo's death and balto's death", "4 years"),
])
def test_the_years_between_two_happenings(new_talk: Callable[[], Conversation],
                                          alexa_valid: Any, question: str, apart: str) -> None:
    assert f"That is {apart} apart." in said(new_talk(), question, alexa_valid)


@pytest.mark.parametrize(("question", "first", "second"), [
    ("which museum has balto and which one has togo", "Cleveland", "Wasilla"),
    ("who was the first musher and who was the last one", "Shannon", "Kaasen"),
    ("which dog led the very first leg and which one led the last leg", "Blackie", "Balto"),
])
def test_two_questions_in_one_breath_get_both_answers(
        new_talk: Callable[[], Conversation], alexa_valid: Any, question: str, first: str,
        second: str) -> None:
    speech = said(new_talk(), question, alexa_valid)
    assert first in speech and second in speech
    assert speech.index(first) < speech.index(second)


@pytest.mark.parametrize("question", [
    # the question proper after a preamble of the speaker's own is the question's, up to
    # the clause of the speaker's that follows it
    "my son keeps asking me why everybody knows balto when togo did way more can you explain "
    "that",
    # "what to say": the speaker's, not a question
    "um my kid asked me why everyone loves balto when togo did more and i honestly didn't "
    "know what to say",
    # "balto's the famous one": Balto is, not "Balto the famous dog"
    "hey there my nephew asked me why balto's the famous one and not togo and honestly i dunno",
])
def test_why_balto_is_famous_asked_by_a_parent(new_talk: Callable[[], Conversation],
                                               alexa_valid: Any, question: str) -> None:
    assert "final stretch" in said(new_talk(), question, alexa_valid)


def test_the_tense_asked_reaches_the_skill(new_talk: Callable[[], Conversation],
                                           alexa_valid: Any) -> None:
    """"Was" and "is" are intents of their own: the carrier word is not in the slot."""
    talk = new_talk()
    said(talk, "was balto really a hero", alexa_valid)
    assert talk.attributes.get("last_question", "").startswith("was ")


def test_how_long_was_it_is_the_length_the_last_answer_told(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    talk = new_talk()
    assert "Kaasen" in said(talk, "who ran the last leg into nome", alexa_valid)
    assert "53 miles" in said(talk, "how long was it", alexa_valid)


def test_the_dog_doing_something_is_the_dog_talked_of(new_talk: Callable[[], Conversation],
                                                      alexa_valid: Any) -> None:
    talk = new_talk()
    said(talk, "what dog brought the serum into nome", alexa_valid)
    said(talk, "who was driving his sled", alexa_valid)
    assert "1933" in said(talk, "and when did the dog die", alexa_valid)
    # "the dog fox": the dog named, not the one talked of
    assert "Fox" in said(new_talk(), "when did the dog fox die", alexa_valid)


def test_a_bare_what_happened_is_what_the_last_answer_told(
        new_talk: Callable[[], Conversation], alexa_valid: Any) -> None:
    talk = new_talk()
    said(talk, "did alaska ever try to get balto back", alexa_valid)
    assert "declined" in said(talk, "what happened", alexa_valid)


def test_a_year_after_of_names_no_thing_asked(new_talk: Callable[[], Conversation],
                                              alexa_valid: Any) -> None:
    assert "February 2" in said(new_talk(), "in which month of 1925 did the serum reach nome",
                                alexa_valid)
    # ... while a year before the thing is part of naming it
    assert "Togo" in said(new_talk(), "what 2019 disney plus film tells the story of a sled "
                          "dog and his musher", alexa_valid)


def test_words_naming_a_recorded_topic_are_understood(new_talk: Callable[[], Conversation],
                                                      alexa_valid: Any) -> None:
    # "figured out" names the diagnosis, which a fact records: not a word never heard
    assert "Welch" in said(new_talk(), "who was the doctor in nome that figured out it was "
                           "diphtheria", alexa_valid)
    # ... while a topic no fact records (what people ate) stays unheard
    assert said(new_talk(), "what did people in nome eat during the quarantine",
                alexa_valid).startswith("I don't have a record of")


@pytest.mark.parametrize("question", [
    "who organized the relay out of nenana",              # no run asked: not Shannon's leg
    "who organized the relay of mushers out of nenana",
    "who actually organized the relay",
])
def test_who_organised_the_relay(new_talk: Callable[[], Conversation], alexa_valid: Any,
                                 question: str) -> None:
    assert "Wetzler" in said(new_talk(), question, alexa_valid)


@pytest.mark.parametrize(("question", "who"), [
    # "at the end" is last: the last musher, not a fact that only speaks of a sled
    ("who drove the sled at the end", "Kaasen"),
    ("can you tell me the name of the man who drove the sled at the end", "Kaasen"),
])
def test_at_the_end_is_last(new_talk: Callable[[], Conversation], alexa_valid: Any,
                            question: str, who: str) -> None:
    assert who in said(new_talk(), question, alexa_valid)


@pytest.mark.parametrize(("question", "verdict"), [
    ("did the serum run take about a month", "No."),   # 730 hours against 127 and a half
    ("did the relay take two weeks", "No."),
    ("did the relay take more than two weeks", "No."),
    # no fact's words decide: the year claimed against the date "when ..." finds
    ("was the serum run in nineteen twenty five", "Yes."),
    ("was the iditarod race already going in 1925", "No."),
    # how far a deed went is what the question turns on, not the deed alone
    ("did balto lead the team the whole way from nenana", "No."),
    # a studio or a kind of namesake the fact gives otherwise (lexicon.json contraries)
    ("was the balto movie a disney movie", "No."),
    ("was the togo movie a disney movie", "Yes."),
    ("was togo named after the country togo", "No."),
    ("was togo named after an admiral", "Yes."),
    # Brookside Zoo is where he lived, and the fact records his later life in Cleveland
    ("did balto live at a zoo in cleveland", "Yes."),
    ("did balto live at a zoo in new york", "No."),
    # being in a place, asked of a dog whose body is kept, is where his remains are
    ("is togo in the cleveland museum too", "No. Togo's mounted body"),
    ("is balto in wasilla", "No."),
    # a kind said as such against its contrary ("live-action"), though a cartoon is a film
    ("is the togo movie a cartoon", "No."),
    ("is the balto movie a cartoon", "Yes."),
    ("was balto an experienced lead dog before the serum run", "No."),  # "inexperienced"
    # "the real" Balto claims nothing; a yes/no after "asking" runs past its "when" clause
    ("the kids are asking was the real balto there when they unveiled it", "Yes."),
    # "much" or "a lot of" credit against "little national credit"
    ("did togo get a lot of credit at the time", "No."),
    # the relay's own mushers or dogs, said of the whole relay, claim nothing
    ("did the mushers have to go through a blizzard", "Yes."),
    # ... or said with what they were; "used to" says only that it was so once
    ("did the sled dogs have to go through a blizzard", "Yes."),
    ("did balto use to live at the zoo in cleveland", "Yes."),
    ("did seppala take his team across norton sound", "Yes."),
    # the serum "rode" a train: it was carried
    ("did the serum ride on a train", "Yes."),
    # "thought little of" him is no happiness at his fame
    ("was seppala happy that balto got all the credit", "No."),
    # caught in a storm is in it; running into one is going through it
    ("was kaasen caught in a storm", "Yes."),
    ("did the mushers run into a blizzard", "Yes."),
    # a fact recording that he never raced says no to a race claimed of his leading
    ("did balto ever win a race before the serum run", "No."),
    ("was balto ever a racing champion", "No."),
    # a part of the day against the one clock time the happening's fact states
    ("did the antitoxin reach nome before dawn", "Yes."),
    ("did kaasen get to nome in the afternoon", "No."),
    # "closed" meets "close"
    ("did they close the churches in nome", "Yes."),
    # "sixty below" is minus 60, and "down to" it is that cold or colder; "about 260" miles
    # is near enough 261, and a number is checked against every value of its measure
    ("did it really get down to like sixty below on that trail", "Yes."),
    ("was it sixty two below zero at minto", "Yes."),
    ("was it minus 62 at minto", "Yes."),
    ("was it minus 30 at minto", "No."),
    ("did togo run at least 261 miles", "Yes."),
    ("did togo run about 260 miles", "Yes."),
    ("did togo run 91 miles with the serum", "Yes."),
    ("did togo run 500 miles", "No."),
])
def test_this_rounds_yes_no_verdicts(new_talk: Callable[[], Conversation], alexa_valid: Any,
                                     question: str, verdict: str) -> None:
    """A span of time in another unit ("about a month": 730 hours against 127 and a half), a
    year where no fact's words decide, how far a deed went, a studio or a namesake's kind
    stated otherwise, a place within the one named."""
    assert said(new_talk(), question, alexa_valid).startswith(verdict)


@pytest.mark.parametrize(("question", "contains"), [
    # a recogniser's soft "g" for a hard one is the same name heard
    ("when did tojo the sled dog die", "December 5, 1929"),
    # "how long did he live" is his age at death; "in Cleveland" is a stay somewhere
    ("how long did balto live", "aged 14"),
    # a word of the story heard as two ("dif theria", "sea rum"), the same sounds or one
    # swapped ("dip theory": a "ph" heard as "p")
    ("what was the dip theory a outbreak in nome", "diphtheria broke out in Nome"),
    ("how long did the sea rum run take", "127 and a half hours"),
    # a count of a time's units is how long it took, however it is said
    ("how many day it take the relay", "127 and a half hours"),
    # what a dog liked to play with is not who played him in a film
    ("what did togo like to play with", "I don't have a record of Togo's toys and games"),
    # a day the fact never states is another day's ("february tenth": the storm was the 1st)
    ("what was the weather like in nome on february tenth 1925", "I don't have a record of "
     "that on February 10"),
    # a father is not a mother, though both are parents
    ("what breed was togo's dad", "I don't have a record of Togo's dad's breed"),
    # a cause however it is said ("prompted"); the year asked "exactly" is still the year
    ("which disease prompted the 1925 serum run", "diphtheria"),
    ("in what year was togo born exactly", "1913"),
    # going to see him is where his remains are
    ("where can i go to see the real balto", "Cleveland Museum of Natural History"),
    # one only named does as the other did; "apart" asks the years between
    ("how many years after togo did balto die", "4 years apart"),
    ("how many years apart did the balto cartoon and the togo movie come out", "24 years apart"),
    # an older age lived to is the age at death, not the earlier birth
    ("which of them lived to an older age seppala or kaasen", "to the age of 89"),
    # the speaker's own words before the question proper name no topic of it
    ("hi um i'm doing a school project on alaska and my teacher said there was a race with "
     "medicine in the 1920s what town was the medicine going to", "Nome"),
    # "before ..." only dates what is asked: the place dated nearest before the purchase
    ("where was balto kept before cleveland bought him", "Los Angeles dime museum"),
    ("where did balto live after cleveland bought him", "Brookside Zoo"),
    ("where did togo live after he retired", "Togo retired at Poland Spring"),
    # a body of water is no dog's body
    ("which body of water did togo and seppala cross", "Norton Sound"),
    # the kind "which" asks, said before the deed: the deed is asked
    ("which musher started the relay", "Wild Bill Shannon"),
    # a sale asked one way or the other: who sold, who bought
    ("who sold balto", "Kaasen sold them"),
    ("who bought balto", "Cleveland raised the money"),
    # "whose dogs" said of a musher: the owner of the team he drove
    ("whose dogs were the ones kaasen was driving", "13 of Seppala's reserve dogs"),
    ("who owned the reindeer that tangled henry ivanoff's team",
     "I don't have a record of whose dogs Henry Ivanoff drove"),
    # raising the alarm is sending for help (the telegram), not raising money
    ("name the doctor who raised the alarm about diphtheria in nome", "Dr. Curtis Welch sent a "
     "telegram"),
    # whether he did it himself, or whether it was he who did it: who did it says
    ("was it seppala who brought the serum into nome", "Gunnar Kaasen"),
    ("did leonhard seppala carry the serum into nome himself", "Gunnar Kaasen"),
    # going somewhere to live asks where he lived
    ("where did balto go to live", "Brookside Zoo"),
    # "breed" as a deed done to a dog is breeding him, not his breed
    ("why couldn't they breed balto", "neutered"),
    # where a thing is now, from a fact that records no place of anything
    ("where is togo's gold medal today", "I don't have a record of where that is now"),
    # where one is coming from, or from which country, is where he was born
    ("gunnar kaasen he is coming from which country", "Norway"),
    # no fresh antitoxin is expired antitoxin (lexicon.json "negated")
    ("why was there no good antitoxin in nome that winter", "antitoxin had expired"),
    # who had the serum before or after one is the hand-over; a dog's musher stands in for
    # him, and is no second one to compare him with
    ("who had the serum right before seppala", "Henry Ivanoff"),
    ("who took the serum after togo", "handed the serum to Charlie Olson"),
    # two dates compared say the years between them
    ("how many years older was seppala than kaasen", "a difference of 5 years"),
    # a relative known only by name: a fact naming her records nothing of her work
    ("what did seppala's wife constance do for a living",
     "I don't have a record of what Leonhard Seppala's wife did for a living"),
    # "can't" is a function word no fact needs to share, and "i can't remember" frames the
    # question after it
    ("so i just finished reading the cruelest miles and i can't remember who wrote it",
     "Salisbury"),
    ("i can't remember who wrote the cruelest miles", "Salisbury"),
    # split or divided into some parts asks how many it was in
    ("how many legs was the relay split into", "20 legs"),
    # carrying the serum compares the legs that carried it, not the miles run in all
    ("how many more miles did seppala carry the serum than kaasen", "a difference of 38 miles"),
    # the weather asked of a moment whose fact never speaks of it is no record; the run's
    # weather, and a leg's that does speak of it, are answered
    ("what was the weather like in new york the day the balto statue was dedicated",
     "I don't have a record of the weather then"),
    ("what was the weather like the day balto died", "I don't have a record of the weather then"),
    ("how was the weather in nome", "minus 40"),
    ("how did balto wind up in cleveland", "1927"),
    # dogs a musher lost are dogs dying on the run, which no fact counts for him (not the
    # dogs he set out with)
    ("how many dogs did seppala lose on the serum run",
     "I don't have a record of that number for Leonhard Seppala"),
    # "who" asked of the Balto statue's dedication: Balto, named by the question itself, is
    # no one the fact names as the answer
    ("who gave the speech at the balto statue dedication", "I don't have a record of that"),
    # the names of his own pups, from the fact recording that he had none, which names no one
    ("what were the names of balto's puppies",
     "I don't have a record of the names of Balto's puppies"),
    ("what were the names of doctor welch's nurses",
     "I don't have a record of the names of Dr. Curtis Welch's nurses"),
    # a number naming one thing is not a fact's miles; the number of dogs is a count
    ("what was the engine number of the train that carried the serum",
     "I don't have a record of the number of the train"),
    ("what was the number of dogs in kaasen's team", "13"),
    # when the serum reached a place on the way is when the run ending there ran; leaving a
    # place is a run's start
    ("when did the serum reach shaktoolik", "January 31"),
    ("who took the serum when it left nulato", "Tommy Patsy"),
    # how far someone took the serum is how far he carried it, his leg, not who handed it over
    ("how far did seppala take it", "91 miles"),
    ("how far did charlie olson take the serum", "25 miles"),
    ("who did seppala take it from", "Ivanoff"),
    # a word describing the one asked for ("which famous *norwegian* explorer") is not what
    # is asked, even after another describing word
    ("which famous norwegian explorer presented togo with a medal", "Amundsen"),
    # a fact telling of the years after the run speaks of what came after it
    ("who sold balto and his team after the run", "highest bidder"),
    # an ordinary word said to be a dog is heard by sound ("tokyo the sled dog": Togo)
    ("where's tokyo the sled dog now", "Wasilla"),
    # shipped from a place asks where it came from
    ("was the first batch of serum shipped up from seattle", "No. "),
    # hours counted, which a fact never counts (a speed in miles an hour, one clock time), is
    # no record; a start and an end by the clock say how long
    ("how many hours did charlie olson's leg take", "I don't have a record of how long that took"),
    ("how many hours did kaasen's leg take", "5:30"),
    # a count for every year, which a count of one day does not give
    ("how many people visit balto in cleveland every year",
     "I don't have a record of a yearly count"),
    # when he married, from a fact naming his wife among other things whose years it gives
    ("what year did seppala marry constance",
     "I don't have a record of when Leonhard Seppala married"),
    ("who was seppala's wife", "Constance"),
    # who made a film is who directed it, not the list of films
    ("who made the togo movie", "Ericson Core"),
    # the name of a thing a clause then says more of: the zoo, not "lived"
    ("what was the name of the zoo balto lived at", "Brookside Zoo"),
    ("what was the name of the mining company seppala worked for when he came to nome",
     "Pioneer Mining Company"),
    ("what were the names of the two dogs charlie evans carried in his sled",
     "I don't have a record of the names of the dogs"),
    # a question of dogs in general, now, is outside a history skill; the mail's usual time on
    # the trail then is the story's
    ("how long do huskies usually live", "I only know the story of the 1925 serum run"),
    ("how long did the mail usually take", "25 days"),
    # a topic named for a thing of the story, asked of nothing else, asks of that thing: the
    # sickness is the outbreak's; a sickness asked of a dog is still why he died
    ("what was the sickness", "diphtheria"),
    ("i saw something on tv about dogs saving a town what was the illness they were fighting",
     "diphtheria"),
    ("what illness did togo have when they put him down", "I don't have a record of why Togo"),
    # someone named by a deed is the one who did it: "the man who drove balto" is Kaasen
    ("where was the man who drove balto born", "Burfjord"),
    ("who was born first the man who drove togo or the man who drove balto", "Seppala was older"),
    ("what is the name of the dog that played togo on disney plus", "Diesel"),
    # a clause of the speaker's own closing the question asks nothing ("no idea" is no plan)
    ("my son asked me why they didn't just send a plane and honestly i had no idea",
     "taken apart for the winter"),
    ("the kids asked how many dogs were pulling kaasen's sled at the end and ive got no idea",
     "13 of Seppala's reserve dogs"),
    # "the real one" after a work named for one dog (a film, a statue) is that dog
    ("we named our husky after the dog in the cartoon what year did the real one die", "1933"),
    ("my daughter loved the dog statue in central park when did the real dog die", "1933"),
    # a yes or no, then a question asked after it: yes, then the second answer
    ("i heard the dogs ended up in a freak show is that true and what city was it in",
     "Los Angeles"),
    ("my dad says balto was stuffed is that true and where is he", "Yes. After Balto died"),
    # one word of the speaker's own ("sad") among many a fact uses, naming no one: the fact
    # (no verdict: no fact says "sad")
    ("the dogs ended up in some sad freak show is that true", "Los Angeles dime museum"),
    # what a name said as an owner owns is his: neither more of his name ("seppala's street
    # address") nor a word weak alone ("kaasen's kids")
    ("what was seppala's street address in nome", "I don't have a record of that about"),
    ("who were kaasen's kids", "I don't have a record of Gunnar Kaasen's"),
    # someone's dog, asked yes or no, is whether he owned him ("seppala's dog" is no name of
    # Togo's: Seppala owned Balto too); the one who drove him is no owner
    ("was balto really seppala's dog", "Yes. Balto belonged to Leonhard Seppala"),
    ("was balto kaasen's dog", "No. Balto belonged to Leonhard Seppala"),
    # whether a thing's topic is the one named: the one its fact records there (the statue's
    # is Balto)
    ("is the statue in central park of togo", "No. The Balto statue"),
    ("is the central park statue of balto", "Yes. The Balto statue"),
    # the relay went through a place where one of its legs set out or came in
    ("did the relay go through nulato", "Yes. The twelfth leg"),
    # a name given after "was" names what it follows ("his wife was Constance")
    ("what was the name of seppala's wife", "His wife was Constance"),
    # a description's noun as the lexicon hears it ("doggy": dog, "fella": man)
    ("what was the name of the doggy that played togo in the movie", "Diesel"),
    ("where was the fella who drove balto born", "Burfjord"),
    # a topic said in a clause describing the thing asked of is not what is asked
    ("who drove the sled that finally got the medicine into nome", "Gunnar Kaasen"),
    ("who was the family that took togo as a pet when he was a puppy",
     "I don't have a record of Togo's family"),
    # a given name the store knows of no one, before a surname it knows, is another of that
    # family; a name of no one's, said as whom a question asks of, must be in the answer
    ("what did constance seppala do for a living", "I don't have a record of that"),
    ("when was leonhard seppala born", "September 14, 1877"),
    ("what kind of dog was tillie", "I don't have a record of the kind of dog"),
    # "into" a place of the story's background claims it: a fact that never says it is no yes
    ("did togo carry the serum into nome", "No."),
    ("did kaasen carry the serum into nome", "Yes."),
    ("did kaasen's sled tip over on the way into nome", "Yes."),
    # a guess tagged on a question, open to another answer, is no subject of it
    ("which dog ran the longest part of the serum run was it balto or the other one", "Togo"),
    ("my daughter keeps asking whether balto was a siberian husky or something else what's "
     "the real story", "husky"),
    # one described, then named: the same one or another
    ("was the doctor in nome named curtis welch", "Yes."),
    ("was the doctor in nome named john beeson", "No."),
    ("was the disease diphtheria", "Yes."),
    # a deed a fact tells only as meant was not done
    ("did ed rohn take the serum into nome", "No."),
    # the story's background, when nothing else is named, is what a name-only claim is of
    ("was togo in the serum run too", "Yes."),
    # a word only describing another ("a lead *sled* dog") says no kind of it
    ("what kind of sled did seppala use on the run", "I don't have a record"),
    # the thing whose colour is asked must be spoken of; not a kind word before a name
    ("what colour harness did togo wear", "I don't have a record"),
    ("what colour was the harness balto wore into nome", "I don't have a record"),
    ("what color was togo's coat", "dark gray"),
    # a request closing a question asks nothing; a thing wanted is asked
    ("we argued about how many miles the whole relay was can you settle it for us", "674"),
    ("we're building a timeline and i need the year balto died can you help me with that",
     "1933"),
    ("the worksheet wants the total distance the relay covered in miles", "674"),
    # "it" done to, after a preamble naming a thing: that thing
    ("we just walked past the dog statue near the zoo and my wife wants to know who made it",
     "Roth"),
    # a museum's name, a sentence's first words, are no one's name
    ("who stuffed balto", "I don't have a record"),
    # "that" or "this" opening a name the store gives with "the" is that name
    ("who sculpted that dog statue by the zoo in central park", "Roth"),
    ("who sculpted that husky statue in central park", "Roth"),
    # "the other lead dog" with one who led is whom he shared the lead with
    ("what was balto's other lead dog called", "Fox"),
    ("the other dog that led with balto what was his name", "Fox"),
    # "the real balto": the colour is his own, not of a thing called "real"
    ("what color was the real balto", "black with white socks"),
    # the skeleton is a relation of its own (the mounted body is not where the bones are)
    ("where is togo's skeleton now", "Yale Peabody"),
    # whom someone worked for is recorded where the fact names the company
    ("who did seppala work for when he came to nome", "Pioneer Mining Company"),
    # "which" with a word for a person asks who, as "which musher" does
    ("which doctor found the serum sitting in anchorage", "John Beeson"),
    # a count at a place named only as where it happened: the one a fact there records it of
    ("how many dogs came to cleveland", "Seven dogs"),
    # "each leg of", "the legs of" the relay: the legs themselves, not the relay's length
    ("how long was each leg of the relay", "24 to 52 miles"),
    ("how long were the legs of the relay usually", "24 to 52 miles"),
    # a stuffed dog seen where the store keeps one dog's body is that dog
    ("we were at the natural history museum in cleveland and saw a stuffed husky, when did that"
     " dog die", "1933"),
    ("we saw a stuffed dog in a glass case at the iditarod headquarters, which dog was it",
     "Togo"),
    ("i saw this mounted dog in wasilla how did he die", "put to sleep"),
    # the relay's route, and a river asked of it
    ("what big river did the relay follow for most of the way", "Yukon River"),
    ("what route did the relay take", "Kaltag"),
    # helping one lead is sharing the lead; producing a film is making it
    ("who helped balto lead the team", "Fox"),
    ("who produced the two reel film", "Sol Lesser"),
    # "the race of mercy" is the relay's name said without "great"
    ("how many days did the race of mercy take", "127 and a half hours"),
    # "'d" after a question word is "did"
    ("why'd they name him togo", "Heihachiro"),
    ("howd balto die", "enlarged heart"),
    # who bred a dog: the kennel he came from
    ("who bred balto", "Seppala's kennel"),
    ("who bred togo", "Seppala's kennel"),
    # how far Seppala had come out to meet the serum; "all told" is the total; "end up with"
    # is to get, not where one ended up
    ("how far had seppala already come out", "170 miles"),
    ("how many miles did seppala's team cover all told", "261 miles"),
    ("why did balto end up with an enlarged heart", "enlarged heart"),
    # the explorer, known by his two deeds in the story
    ("who was roald amundsen", "explorer"),
    ("what did amundsen give togo", "gold medal"),
    # someone's "part" is the topic's own word for his leg; pretending to be one is playing him
    ("how long was seppala's part", "91 miles"),
    ("who was the doggy that pretended to be togo in the movie", "Diesel"),
    # a label before a short question asks nothing
    ("trivia night who wrote the cruelest miles", "Salisbury"),
    # a place after a thing recorded there only says which thing is meant
    ("who organized the sled dog relay in nenana", "Wetzler"),
    # a "before" clause dates where he was asked, whatever its own words find; "like what
    # city" only narrows the question already asked
    ("where was balto before he got to cleveland like what city", "Los Angeles"),
    ("where was balto living before he came to cleveland", "Los Angeles"),
    # bitterness is how he got on with others; looking down on Balto is his opinion of him
    ("why was seppala so bitter about balto", "resented"),
    ("why did seppala look down on balto", "thought little of Balto"),
    # where one who ran a leg had the serum is his leg, not his birthplace
    ("where did gunnar kaasen pick the serum up", "from Bluff"),
    # "dug up" the serum is found it ("dug it out" of the snow is another thing)
    ("who was the doctor that dug up the serum in anchorage", "Beeson"),
    # a question proper naming no one asks of the story when whom the preamble named records
    # nothing of it (answering._asked_without_the_preamble)
    ("my nephew swears togo carried the medicine all the way by himself so how many mushers "
     "took part", "Twenty mushers"),
    ("my kid loves the togo movie and wants to know how many hours the whole thing took",
     "127"),
    # "once ..." dates like "after ..."; a topic found only in the clause dates what is asked
    ("where did balto end up living once cleveland took him in", "Brookside"),
    ("where did balto live after the people of cleveland bought him", "Brookside"),
    # two legs set against each other by their place in the order are their mushers' legs
    ("which was shorter the first leg or the last leg", "had the shorter run: 52 miles"),
    ("which dog covered the greatest distance", "Togo"),
    # the fact that records why (data: danger.why on the Norton Sound crossing)
    ("why was seppala's part of the run so dangerous", "shifting ice"),
    # after the speaker's own preamble, a fact its words alone point to does not compete
    ("we were walking past the zoo in central park and saw a bronze dog on a big rock and my "
     "son wants to know who sculpted it", "Roth"),
    # the present said in the speaker's own clause describing what is asked of, not asked
    ("who sculpted the dog statue we're standing next to right now", "Roth"),
    ("how did kaasen and seppala get on", "resented"),  # how they got on: their rivalry
    # someone the facts name only in passing is who those facts say
    ("who was hotfoot", "with the lead dog Hotfoot"),
    ("who was elizabeth ricker", "by Elizabeth Ricker"),
    # someone's part in it is who they were in it (relations.json "part", identity fallback);
    # taking part is no part asked, a role in a film is its cast
    ("what was frank knight's role in the serum run", "train conductor"),
    ("how many mushers took part in the relay", "Twenty"),
    ("who had a voice role in the balto cartoon", "Phil Collins"),
    ("is togo stuffed like balto", "mounted body"),  # Balto only the measure of the claim
    # of a place, the thing held there whose date is recorded, not the being it is of
    ("when did central park get its sled dog sculpture", "The Balto statue is a bronze"),
])
def test_this_rounds_answers(new_talk: Callable[[], Conversation], alexa_valid: Any,
                             question: str, contains: str) -> None:
    speech = said(new_talk(), question, alexa_valid)
    assert contains in speech, speech


@pytest.mark.parametrize(("question", "verdict"), [
    ("was balto buried when he died", "No."),        # mounted (lexicon.json contraries)
    ("was the serum run done by just one musher", "No."),  # "one" counts the mushers: 20
    ("did kaasen's sled flip over in the storm", "Yes."),   # a storm is its winds
    ("did seppala drive the team into nome", "No."),  # Kaasen did; Seppala's only his dogs
    # "when he was a puppy" is when he was young; "supposed to be" reports what is claimed
    ("was togo too small when he was a puppy", "Yes."),
    ("was togo supposed to be too small to be a sled dog", "Yes."),
    ("was it seppala who brought the serum into nome", "No."),  # "was it X who": who did
    # doubted ("really") where accounts differ, though the yes compares ("the last team")
    ("did balto really lead the last team", "Accounts differ"),
    # fathering pups is having them, not his father
    ("did balto ever father any puppies", "No"),
    # the serum taken to a place, not to a person: where he arrived with it (Golovin)
    ("did seppala take the serum to nome", "No."),
    ("did kaasen take the serum to nome", "Yes."),
    # "all the way" before where it went says no more than the place
    ("did seppala bring the serum all the way into nome", "No."),
    # a work's making put after a deed, each dated as said; "he" the one the work is of
    ("was the balto statue made after balto died", "No."),
    ("was the balto statue made before or after he died", "Before."),
    # "one musher" is a count claimed, which goes before how far the deed went
    ("did one musher carry the serum the whole way", "No. Twenty mushers"),
])
def test_a_deed_or_a_fate_said_otherwise_is_no(new_talk: Callable[[], Conversation],
                                               alexa_valid: Any, question: str,
                                               verdict: str) -> None:
    assert said(new_talk(), question, alexa_valid).startswith(verdict)


@pytest.mark.parametrize(("turns", "contains"), [
    # "to who" after a question no person completes: whom he handed the serum to
    (["how cold was it on charlie evans leg", "to who"], "Tommy Patsy"),
    # "it" is the serum, and who brought it in is whom its arrival records
    (["when did the serum reach nome", "who brought it in"], "Gunnar Kaasen"),
    # "he" stays with the one "him" was: Balto, not the man who sold him
    (["what happened to balto right after the serum run", "who sold him",
      "where did he end up"], "Los Angeles"),
    # ... but after a thing's "it", "he" is the one the answer named: the winner
    (["in what year was the first iditarod", "who won it", "how much prize money did he get"],
     "12,000 dollars"),
    # coming to Alaska is a loan there, and "for how long" asks its length
    (["where is balto's body kept", "has it ever come to alaska", "for how long"],
     "for a few months"),
    # "the togo one" after the Balto film's sequels: the Togo film's, not a fact of the dog
    (["when did the balto cartoon come out", "were there any sequels", "and the togo one"],
     "I don't have a record of sequels to Togo"),
    # "what did he do then": what came next, not the fact just spoken again
    (["why was togo almost given away", "what did he do then"], "Togo escaped"),
    # after "who's this Fox", "he" is Fox, not the owner his identity names
    (["who's this fox then", "when did he die"], "I don't have a record of when Fox died"),
    # "he" after who Kaasen was is Kaasen: a topic said of dogs (a loan to Alaska) does not
    # move "he" to the dog his fact names, when he is whom that fact is about
    (["who was gunnar kaasen", "when did he come to alaska"], "1903"),
    (["who was gunnar kaasen", "where did he move later in life"], "Everett"),
    # "and nome" after when the serum reached Nenana (the train's arrival, which Nome does
    # not have): the question asked again of Nome
    (["when did the serum reach nenana", "and nome"], "February 2"),
    # getting out, at the end of a question, is escaping
    (["who was togo", "how did he get out"], "window"),
    # who was driving, asked of no one after a fact about a musher's run: that musher
    (["what happened at bonanza flat", "who was driving"], "Gunnar Kaasen"),
    (["where was it coldest", "who was mushing there"], "Charlie Evans"),
    # how far he took it, after the hand-over to him: his leg
    (["who handed the serum to seppala", "how far did seppala take it from there"], "91 miles"),
    # a bare ordinal after a question with another asks that question with this one
    (["who was the last musher", "and the first"], "Shannon"),
    # "and his wife" after who played Seppala is answered by the film's cast, and the talk
    # stays with the cast: "what about the dog" asks who played Togo
    (["who played seppala in togo", "and his wife", "what about the dog"], "Diesel"),
    (["so when was the balto cartoon released", "who directed it", "and who made the togo one"],
     "Ericson Core"),
    # "after that", after the hand-over to Seppala: the next one, by him (to Olson)
    (["who gave seppala the serum", "where did they meet", "who did he give it to after that"],
     "Charlie Olson"),
    # "it", naming nothing, is the thing the last answer's topic was: the train that brought
    # the serum to Nenana, and where it came from
    (["when did the serum reach nenana", "who brought it"], "Frank Knight"),
    (["when did the serum reach nenana", "who brought it", "from where"], "from Anchorage"),
    # "that day" is the day the last answer told of: Togo's 84 miles on January 31, not the
    # relay's 674; and a dog's cold is his musher's run
    (["what happened on norton sound", "how far did they go that day"], "84 miles"),
    (["what happened on norton sound", "how far did they go that day", "how cold was it"],
     "minus 30 degrees"),
    # "the little fella", "the old boy": fond words for the one talked of, as "he" is
    (["when did togo die", "how old was the old boy by then"], "16 years old"),
    (["when did togo die", "how old was the old boy by then", "where is he now"], "Wasilla"),
    (["who was the first confirmed case", "how old was the little fella"], "3-year-old"),
    # "in it" after an answer about a film is in that film, not another he was in
    (["when did the animated balto come out", "was kaasen in it"], "No."),
    (["when did the animated balto come out", "is kaasen in it"], "No."),
    # a question said in a clause's order ("tell me who togo was") is of the one named
    (["tell me who togo was", "when was he born"], "1913"),
    # "it" is never a person: after only people, the thing the last question was of
    (["how many units did welch ask for", "who found it"], "Beeson"),
    (["how many units did welch ask for", "where did they find it"], "Anchorage"),
    # "that leg" is the leg the last answer told of, whatever was talked of before it
    (["how many mushers were in the relay", "what was the coldest it got",
      "who was running that leg"], "Evans"),
    # "who" done to "him": a fact naming no one else does not say who ("a taxidermist")
    (["what happened to balto's body", "who stuffed him"], "I don't have a record"),
    (["where is togo now", "who stuffed him"], "I don't have a record"),
    # "their names" after counting someone's own: the names of those, not recorded
    (["how many nurses did welch have", "what were their names"], "names of Dr. Curtis Welch's"),
    (["how many dogs came to cleveland with balto", "what were their names"], "Tillie"),
    # a skeleton falls back to the remains it is part of: Balto's body was mounted whole
    (["where is togo's skeleton now", "what about balto"], "Cleveland Museum"),
    # "it" after a place that records the statue only in passing: the statue there
    (["is there a dog statue in central park", "who made it"], "Roth"),
    (["is there a dog statue in central park", "who made it", "whats written on it"],
     "indomitable spirit"),
    # Fox went to Cleveland with Balto (the teammates' fact records it of him too)
    (["tell me about fox the sled dog", "where did he end up"], "Cleveland"),
    # "the other dog" after one of the story's two dogs alone: the other one
    (["where is togo now", "and the other dog"], "Cleveland Museum"),
    (["how did balto die", "how old was he", "and the other dog"], "Togo"),
    (["is this statue balto or togo", "does the other dog have one"], "Seward Park"),
    # ... but not "the other statue", which is no dog
    (["where is the balto statue", "and the other statue of balto"], "Anchorage"),
    # "... too" after another question still asks where a kept dog's body is, its place said
    (["who bred balto", "is togo in the cleveland museum too"], "No. Togo's mounted body"),
    # a follow-up's "and" before an auxiliary still asks yes or no
    (["whose dog was fox", "and did fox come to cleveland too"], "Yes."),
    (["when did the balto cartoon come out", "how much money did it make"], "31 million"),
])
def test_follow_ups_of_this_round(new_talk: Callable[[], Conversation], alexa_valid: Any,
                                  turns: list[str], contains: str) -> None:
    talk = new_talk()
    for turn in turns[:-1]:
        said(talk, turn, alexa_valid)
    speech = said(talk, turns[-1], alexa_valid)
    assert contains in speech, speech

