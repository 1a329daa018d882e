"""Every sentence the skill says that is not a fact or a story chapter.

One module so wording stays consistent, is reviewed in one place, and can be translated later.
Functions, not templates, where the wording depends on state.
"""

from __future__ import annotations

WELCOME = (
    "Welcome to Serum Run, the true story of Balto, Togo and the 1925 race to bring diphtheria "
    "serum to Nome, Alaska. You can ask me a question, like who was Togo, or how far did Balto "
    "run. "
    "Or say tell me the story, and I'll narrate it chapter by chapter. What would you like?"
)
WELCOME_REPROMPT = "Ask me something like, where is Balto now? Or say, tell me the story."

HELP = (
    "I know the history of the 1925 serum run to Nome: the dogs, the twenty mushers, every leg of "
    "the relay, and what happened afterwards. Ask a question like, who was Gunnar Kaasen, how cold "
    "was it, or where is Togo now. Say tell me more after an answer to keep going on that subject, "
    "or say tell me the story to hear it all, chapter by chapter. What would you like to know?"
)
HELP_REPROMPT = "Try asking, who was Togo? Or say, tell me the story."

GOODBYE = "Thanks for listening to Serum Run. Goodbye!"

#: "No" after an answer or an offer, or with nothing pending.
ANYTHING_ELSE = "Okay. What else would you like to know? You can also say stop."

#: Card titles (the Alexa app shows them above the card text).
CARD_TITLE = "Serum Run"
SOURCES_CARD_TITLE = "Serum Run: sources"


def card_title(name: str | None) -> str:
    """An answer card's title: the skill, and who or what the answer is about."""
    return f"{CARD_TITLE}: {name}" if name else CARD_TITLE


def fact_card(text: str, references: list[str]) -> str:
    """One fact on an answer card: its card text, then its sources."""
    return f"{text}\n\nSources: {'; '.join(references)}"


#: Last-resort answers, already SSML: spoken when the request cannot be parsed or dispatch fails
#: outside the handlers, or when rendering the error reply fails itself, so they must not depend
#: on the renderer that may have just broken (tests check they are valid SSML).
UNPARSEABLE_SSML = "<speak>Sorry, I couldn't understand that request. Please try again.</speak>"
FAILED_SSML = "<speak>Sorry, something went wrong on my side. Please try again.</speak>"
SAFE_ERROR_SSML = "<speak>Sorry, something went wrong. Please try again.</speak>"

FALLBACK = (
    "Sorry, I didn't catch that. I can answer questions about Balto, Togo, the mushers and the "
    "serum run, like how far did Togo run. Or say tell me the story."
)
FALLBACK_REPROMPT = "You can ask, who was Balto? Or say, help."

ERROR = (
    "Sorry, something went wrong on my side while answering that. Please try again, or ask "
    "something else about the serum run."
)
ERROR_REPROMPT = "You can ask me about Balto, Togo or the serum run, or say help."

ANSWER_REPROMPT = "Would you like to hear more, or ask another question?"
STORY_FOLLOWUP = "Say back to the story to carry on where we were, or ask another question."

NOTHING_TO_REPEAT = "There's nothing to repeat yet. Ask me a question, like who was Togo."
NOTHING_MORE_GENERIC = (
    "I've told you all I know on that. Try another subject, like the Norton Sound crossing, "
    "or Balto's life in Cleveland."
)
NO_SOURCE_YET = (
    "I haven't told you a fact yet. Ask me a question first, and then ask for the source."
)
NAVIGATE_HOME = "Okay, back to the start. " + WELCOME


def unknown_question(heard: str | None) -> str:
    """Honest "I don't know" that steers towards what the skill can answer."""
    lead = "I don't know that one" if not heard else f"I don't have an answer about {heard}"
    return (
        f"{lead}. I only know the story of the 1925 serum run to Nome: Balto, Togo, the mushers "
        "and "
        "what happened after. You could ask who was Togo, how far did Balto run, or where is Balto "
        "now. Or say tell me the story."
    )


UNKNOWN_REPROMPT = "Try asking, who was Togo? Or say, tell me the story."


def unknown_entity(kind: str, heard: str | None) -> str:
    """A slot value we don't recognise (Alexa's ER_SUCCESS_NO_MATCH)."""
    what = f"the {kind} {heard}" if heard else f"that {kind}"
    return (
        f"I don't know {what}. I can tell you about Balto, Togo, Fox, the mushers like Leonhard "
        "Seppala and Gunnar Kaasen, and the places on the trail from Nenana to Nome. Who would you "
        "like to hear about?"
    )


def answer_followup(entity_name: str | None) -> str:
    """The question that ends an answer, keeping the conversation going."""
    if entity_name:
        return f"Want to hear more about {entity_name}, or ask something else?"
    return "Want to hear more, or ask something else?"


def no_more_about(entity_name: str) -> str:
    """Said when "tell me more" has exhausted a subject."""
    return (
        f"That's everything I know about {entity_name}. You could ask about Togo's run across "
        "Norton Sound, or Balto's later life in Cleveland."
    )


def sources_sentence(names: list[str]) -> str:
    """Spoken list of sources for the last fact (books by title and author, pages by title)."""
    if not names:
        return "I don't have a source listed for that."
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + f", and {names[-1]}"
    return f"That comes from {joined}. The full references are on the card in your Alexa app."


WHICH_SUBJECT = (
    "Who do you mean? You can say Balto, Togo, or a musher's name, like Leonhard Seppala."
)
