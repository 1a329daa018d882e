"""Every sentence the skill says that is not a fact or a story chapter.

One module so wording stays consistent, is reviewed in one place, and can be translated later.
Functions, not templates, where the wording depends on state.

Every example the skill suggests (a question to ask, a command to say) comes from the lists at
the top (:data:`QUESTIONS`, :data:`NAMES`, :data:`COMMANDS`, :data:`ASK_ABOUT`): a suggestion
that fails is the worst failure there is, since the skill told the listener what to say, so a
test asks every one of them through the simulator. Add an example there, never inline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from skill.facts.model import Source

# -- what the skill suggests ---------------------------------------------------------------------
#: Example questions, each answered from the fact store.
QUESTIONS: dict[str, str] = {
    "togo": "who was Togo",
    "balto": "who was Balto",
    "kaasen": "who was Gunnar Kaasen",
    "mushers": "who were the mushers",
    "balto_distance": "how far did Balto run",
    "togo_distance": "how far did Togo run",
    "balto_now": "where is Balto now",
    "togo_now": "where is Togo now",
    "cold": "how cold was it",
    "plane": "why didn't they fly the serum",
    "norton_sound": "tell me about Norton Sound",
    "nome": "tell me about Nome",
    "serum": "tell me about the serum",
    "movies": "tell me about the movies",
}
#: Names offered when the skill asks "who do you mean?" (each is answered on its own).
NAMES: dict[str, str] = {"balto": "Balto", "togo": "Togo", "seppala": "Leonhard Seppala"}
#: Commands, with the intent each must reach.
COMMANDS: dict[str, tuple[str, str]] = {
    "story": ("tell me the story", "StoryIntent"),
    "back": ("back to the story", "ResumeStoryIntent"),
    "start_over": ("start over", "AMAZON.StartOverIntent"),
    "more": ("tell me more", "TellMeMoreIntent"),
    "next": ("next", "AMAZON.NextIntent"),
    "repeat": ("repeat", "AMAZON.RepeatIntent"),
    "continue": ("continue", "AMAZON.ResumeIntent"),
    "continue_story": ("continue the story", "ResumeStoryIntent"),
    "help": ("help", "AMAZON.HelpIntent"),
    "stop": ("stop", "AMAZON.StopIntent"),
    "yes": ("yes", "AMAZON.YesIntent"),
    "chapter": ("chapter 4", "ChapterIntent"),
    "chapter_name": ("the Norton Sound chapter", "ChapterIntent"),
    "source": ("where did you get that", "SourceIntent"),
}
#: How a suggestion asks about an entity of each type (people and dogs by "who", places by name).
ASK_ABOUT: dict[str, str] = {
    "person": "who was {name}",
    "dog": "who was {name}",
    "place": "tell me about {name}",
}


def q(key: str) -> str:
    """An example question."""
    return QUESTIONS[key]


def say(key: str) -> str:
    """A command's words."""
    return COMMANDS[key][0]


def ask_about(entity_type: str, name: str) -> str | None:
    """The question that asks about an entity ("who was Edgar Kalland"), if its type has one."""
    template = ASK_ABOUT.get(entity_type)
    return template.format(name=name) if template else None


# -- launch, help, small talk --------------------------------------------------------------------
WELCOME = (
    "Welcome to Serum Run, the true story of Balto, Togo and the 1925 race to bring diphtheria "
    f"serum to Nome, Alaska. You can ask me a question, like {q('togo')}, or "
    f"{q('balto_distance')}. Or say {say('story')}, and I'll narrate it chapter by chapter. "
    "What would you like?"
)
WELCOME_REPROMPT = f"Ask me something like, {q('balto_now')}? Or say, {say('story')}."

HELP = (
    "I know the history of the 1925 serum run to Nome: the dogs, the twenty mushers, every leg of "
    f"the relay, and what happened afterwards. Ask a question like, {q('kaasen')}, {q('cold')}, "
    f"or {q('togo_now')}. Say {say('more')} after an answer to keep going on that subject, "
    f"or say {say('story')} to hear it all, chapter by chapter. What would you like to know?"
)
HELP_REPROMPT = f"Try asking, {q('togo')}? Or say, {say('story')}."
#: Help in the middle of the story: the story commands first.
HELP_STORY = (
    f"We're in the middle of the story. Say {say('next')} to go on, {say('repeat')} to hear the "
    f"chapter again, or a chapter, like {say('chapter')}. You can also ask me a question, like "
    f"{q('togo_distance')}, and then say {say('back')}. What would you like?"
)
HELP_STORY_REPROMPT = f"Say {say('next')} to go on with the story, or ask me a question."

#: "What can I ask?": shorter than help, all examples.
CAPABILITIES = (
    "Anything about the 1925 serum run: the dogs, the mushers, the trail and what came after. "
    f"For example, ask {q('mushers')}, {q('plane')}, or {q('balto_now')}. "
    f"Or say {say('story')}."
)
GREETINGS = (
    f"Hello! Ask me anything about the serum run, like {q('togo')}. Or say {say('story')}.",
    f"Hi there. You could ask, {q('balto_distance')}? Or say, {say('story')}.",
)
THANKS = ("You're welcome!", "Glad to help.", "Any time.")
ROBOT = (
    "I'm not a person: I'm a voice guide to the 1925 serum run. Every fact I tell you comes "
    f"from a source, and you can always ask, {say('source')}."
)
#: After small talk, whatever was pending is asked again (keys: the Pending values).
PENDING_PROMPTS: dict[str, str] = {
    "resume_story": "Shall I pick up the story where we stopped?",
    "continue_story": "Shall I go on with the story?",
    "story_end": f"You can ask me a question, or say {say('start_over')} to hear it again.",
    "more": "Want to hear more, or ask something else?",
    "offer": "Would you like me to tell you what I do know instead?",
    "back_to_story": "Shall we go back to the story?",
}
OPEN_PROMPT = "What would you like to know?"

GOODBYE = "Thanks for listening to Serum Run. Goodbye!"

#: "No" after an answer or an offer, or with nothing pending.
ANYTHING_ELSE = f"Okay. What else would you like to know? You can also say {say('stop')}."

# -- cards -------------------------------------------------------------------------------------
#: Card titles (the Alexa app shows them above the card text).
CARD_TITLE = "Serum Run"
SOURCES_CARD_TITLE = "Serum Run: sources"


def card_title(name: str | None) -> str:
    """An answer card's title: the skill, and who or what the answer is about."""
    return f"{CARD_TITLE}: {name}" if name else CARD_TITLE


def fact_card(text: str, references: list[str]) -> str:
    """One fact on an answer card: its card text, then its sources, one a line."""
    return "\n".join([text, "", "Sources:", *references])


# -- failures ------------------------------------------------------------------------------------
#: Last-resort answers, already SSML: spoken when the request cannot be parsed or dispatch fails
#: outside the handlers, or when rendering the error reply fails itself, so they must not depend
#: on the renderer that may have just broken (tests check they are valid SSML).
UNPARSEABLE_SSML = "<speak>Sorry, I couldn't understand that request. Please try again.</speak>"
FAILED_SSML = "<speak>Sorry, something went wrong on my side. Please try again.</speak>"
SAFE_ERROR_SSML = "<speak>Sorry, something went wrong. Please try again.</speak>"

FALLBACK = (
    "Sorry, I didn't catch that. I can answer questions about Balto, Togo, the mushers and the "
    f"serum run, like {q('togo_distance')}. Or say {say('story')}."
)
FALLBACK_REPROMPT = f"You can ask, {q('balto')}? Or say, {say('help')}."
#: "Yes" with nothing asked.
YES_TO_NOTHING = (
    f"Sure. What would you like to know? You could ask, {q('mushers')}? Or say, {say('story')}."
)
#: The same, in the middle of the story: the way back to it first.
FALLBACK_STORY = (
    f"Sorry, I didn't catch that. Say {say('back')} to carry on, or ask me a question, "
    f"like {q('togo')}."
)
FALLBACK_STORY_REPROMPT = f"Say {say('back')}, or ask me a question."

ERROR = (
    "Sorry, something went wrong on my side while answering that. Please try again, or ask "
    "something else about the serum run."
)
ERROR_REPROMPT = f"You can ask, {q('togo')}? Or say, {say('help')}."

NOTHING_TO_REPEAT = f"There's nothing to repeat yet. Ask me a question, like {q('togo')}."
#: Where to go when nothing more is known on a subject and nothing related is left to suggest.
ELSEWHERE = f"You could ask, {q('mushers')}? Or say, {say('story')}."
NO_SOURCE_YET = (
    "I haven't told you a fact yet. Ask me a question first, and then ask for the source."
)
NAVIGATE_HOME = "Okay, back to the start. " + WELCOME


def unknown_question(heard: str | None, *, in_story: bool = False) -> str:
    """Honest "I don't know" that steers towards what the skill can answer (mid-story: back to
    the story first)."""
    lead = "I don't know that one" if not heard else f"I don't have an answer about {heard}"
    if in_story:
        return (
            f"{lead}. Say {say('back')} to carry on, or ask me something else about the serum "
            f"run, like {q('togo_distance')}."
        )
    return (
        f"{lead}. I only know the story of the 1925 serum run to Nome: the dogs, the mushers and "
        f"what happened after. You could ask {q('togo')}, {q('balto_distance')}, or "
        f"{q('balto_now')}. Or say {say('story')}."
    )


UNKNOWN_REPROMPT = f"Try asking, {q('togo')}? Or say, {say('story')}."
UNKNOWN_STORY_REPROMPT = f"Say {say('back')}, or ask me another question."


def unknown_entity(kind: str, heard: str | None) -> str:
    """A slot value we don't recognise (Alexa's ER_SUCCESS_NO_MATCH)."""
    what = f"the {kind} {heard}" if heard else f"that {kind}"
    return (
        f"I don't know {what}. I can tell you about the dogs, the twenty mushers, and the places "
        f"on the trail from Nenana to Nome. You could ask, {q('mushers')}? Or, {q('nome')}."
    )


#: "Who do you mean?" when an intent came without its subject, by the slot's kind.
WHICH_SUBJECT = (
    f"Who do you mean? You can say {NAMES['balto']}, {NAMES['togo']}, or a musher's name, like "
    f"{NAMES['seppala']}."
)
WHICH_PLACE = (
    f"Which place do you mean? You could ask, {q('nome')}? Or, {q('norton_sound')}."
)
WHICH_TOPIC = (
    f"What would you like to hear about? You could ask, {q('serum')}? Or, {q('movies')}."
)
WHICH: dict[str, str] = {"place": WHICH_PLACE, "topic": WHICH_TOPIC}


def which(kind: str) -> str:
    """ "Who do you mean?", worded for the kind of thing the intent asks about."""
    return WHICH.get(kind, WHICH_SUBJECT)


# -- sources -------------------------------------------------------------------------------------
#: How a source is named aloud when its title does not begin with a short name.
SHORT_SOURCE_NAMES: dict[str, str] = {
    "Time1925": "Time magazine",
    "Sci": "the journal Science",
    "SDH-K": "Lance Jensen's Siberian Dog History",
    "SDH-Togo": "Lance Jensen's Siberian Dog History",
    "SDH-2nd": "Lance Jensen's Siberian Dog History",
}
#: Sources named aloud; the rest are counted ("and 3 more") and listed on the card.
SPOKEN_SOURCES = 2


def short_source_name(source: Source) -> str:
    """A source as said aloud: a book by its short title, a page by its site or publisher."""
    if source.tag in SHORT_SOURCE_NAMES:
        return SHORT_SOURCE_NAMES[source.tag]
    if source.is_book:
        return f"the book {source.title.split(':')[0]}"
    name = source.title.split(",")[0]
    if "(" in name:
        name = name.split("(")[0]
    return name.strip()


def sources_sentence(sources: list[Source]) -> str:
    """At most two short source names, then how many more, and what the card holds."""
    if not sources:
        return "I don't have a source listed for that."
    names = list(dict.fromkeys(short_source_name(s) for s in sources))
    spoken = names[:SPOKEN_SOURCES]
    rest = sum(1 for s in sources if short_source_name(s) not in spoken)
    if rest:
        listed = f"{', '.join(spoken)}, and {rest} more"
    else:
        listed = " and ".join(spoken)
    links = any(s.url for s in sources)
    if len(sources) == 1:
        card = ("The link is on the card in your Alexa app." if links
                else "The full reference is on the card in your Alexa app.")
    else:
        every = "all " if len(sources) > SPOKEN_SOURCES else ""
        card = (f"They're {every}on the card in your Alexa app, with links to the web pages."
                if links else "The full references are on the card in your Alexa app.")
    return f"That comes from {listed}. {card}"


def sources_card(sources: list[Source]) -> str:
    """Each source on its own line, with its link where it has one."""
    return "\n".join(s.citation for s in sources)
