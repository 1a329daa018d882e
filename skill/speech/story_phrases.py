"""Every sentence story mode says around the chapters (plain text; no markup).

Kept apart from :mod:`skill.speech.phrases` (the question-answering wording) so story wording is
reviewed in one place; the same rule holds: handlers pick a phrase, the speech module renders it.

PURE: standard library only.
"""

from __future__ import annotations

from skill.speech.phrases import q, say
from skill.story.chapters import Chapter, Story

STORY_EXAMPLE_QUESTION = q("togo_distance")


def chapter_label(chapter: Chapter) -> str:
    """ "chapter 4, Seppala, Togo and the Norton Sound Crossing" """
    return f"chapter {chapter.number}, {chapter.title}"


def go_on(next_chapter: Chapter) -> str:
    """The question that ends every chapter but the last."""
    return f"Shall I go on to {chapter_label(next_chapter)}?"


def go_on_reprompt(next_chapter: Chapter) -> str:
    """Reprompt after a chapter: how to continue, and that questions are welcome."""
    return (
        f"Say {say('yes')} or {say('next')} to hear {chapter_label(next_chapter)}, say "
        f"{say('repeat')} to hear this chapter again, or ask me a question."
    )


def story_over(story: Story) -> str:
    """Spoken after the last chapter."""
    return (
        f"And that is the end of {story.title}. You can ask me a question about it, like "
        f"{STORY_EXAMPLE_QUESTION}, or say {say('start_over')} to hear the story again from the "
        "beginning. "
        "What would you like?"
    )


STORY_OVER_REPROMPT = (
    f"Ask me a question about the serum run, or say {say('start_over')} to hear the story again."
)


#: Preface when narration picks up a story already in progress (the chapter heading follows, so
#: the chapter is not named twice).
PICKING_UP = "Picking up where we left off."


def resume_offer(chapter: Chapter) -> str:
    """What a returning listener with an unfinished story hears at launch."""
    return f"Welcome back to Serum Run! We stopped at {chapter_label(chapter)}. Shall I go on?"


RESUME_OFFER_REPROMPT = (
    f"Say {say('yes')} to pick up the story where we stopped, or no for something else."
)


MENU = (
    f"All right. You can ask me a question, like {q('togo')}, or {q('balto_distance')}. "
    f"Or say {say('start_over')} to hear the story from the beginning. What would you like?"
)
MENU_REPROMPT = f"Ask me something like, {q('mushers')}? Or say, {say('story')}."


def where(story: Story, chapter: Chapter | None, finished: bool, told: bool = True) -> str:
    """Answer to "which chapter is this" (``told``: the chapter was narrated this session)."""
    if chapter is None:
        return (
            f"We haven't started the story yet. It has {story.chapter_count} chapters. "
            f"Say {say('story')} to begin."
        )
    if finished and chapter.number == story.chapter_count:
        return (
            f"We've reached the end of the story: the last chapter was {chapter_label(chapter)}. "
            f"Say {say('start_over')} to hear it again, or ask me a question."
        )
    if not told:
        return (
            f"We stopped at {chapter_label(chapter)}, of {story.chapter_count} chapters. "
            f"Say {say('continue')} to pick up there, or {say('start_over')} to begin again."
        )
    return (
        f"This is {chapter_label(chapter)}, of {story.chapter_count} chapters. "
        f"Say {say('next')} to go on, or {say('repeat')} to hear it again."
    )


def where_reprompt(told: bool = True) -> str:
    """Reprompt after "which chapter is this"."""
    if not told:
        return f"Say {say('continue')} to pick up the story, or ask me a question."
    return (
        f"Say {say('next')} to go on, {say('repeat')} to hear this chapter again, or ask me a "
        "question."
    )


def not_started(first: Chapter) -> str:
    """ "Go back" before the story has begun."""
    return f"We haven't started the story yet. Shall I begin with {chapter_label(first)}?"


NOT_STARTED_REPROMPT = f"Say {say('yes')} to begin the story, or ask me a question."


def at_start(chapter: Chapter) -> str:
    """ "Go back" on the first chapter."""
    return (
        f"We're at the beginning already: this is {chapter_label(chapter)}. "
        f"Say {say('repeat')} to hear it again, or {say('next')} to go on."
    )


def at_end(story: Story) -> str:
    """ "Next" after the last chapter."""
    return (
        f"That was the last chapter; {story.title} is over. Say {say('start_over')} to hear it "
        f"again from the beginning, or ask me a question, like {STORY_EXAMPLE_QUESTION}."
    )


def no_such_chapter(story: Story, requested: int | None, heard: str | None) -> str:
    """A jump to a chapter that does not exist, by number or by name."""
    if requested is not None:
        what = f"There's no chapter {requested}"
    elif heard:
        what = f"I don't know a chapter called {heard}"
    else:
        what = "I didn't catch which chapter you wanted"
    return (
        f"{what}. The story has {story.chapter_count} chapters. "
        f"Say a number from 1 to {story.chapter_count}, "
        f"like {say('chapter')}, or a name, like {say('chapter_name')}."
    )


def no_such_chapter_reprompt(story: Story) -> str:
    """Reprompt after a jump to a missing chapter."""
    return (
        f"Say a chapter number from 1 to {story.chapter_count}, or say {say('story')}."
    )


def goodbye(chapter: Chapter | None, finished: bool) -> str:
    """Stop or cancel in story mode: where they stopped, and how to come back."""
    if chapter is None or finished:
        return "Thanks for listening to Serum Run. Goodbye!"
    return (
        f"Okay. We stopped at {chapter_label(chapter)}. Next time, just say: ask Serum Run to "
        f"{say('story')}, and we'll pick up right there. Goodbye!"
    )


def paused(chapter: Chapter | None) -> str:
    """Pause in story mode: progress is saved and the session closes."""
    if chapter is None:
        return f"Paused. Say: ask Serum Run to {say('story')}, whenever you're ready."
    return (
        f"Paused at {chapter_label(chapter)}. Whenever you're ready, say: ask Serum Run to "
        f"{say('continue_story')}."
    )


def pause_offer(next_chapter: Chapter | None) -> str:
    """ "No" to "shall I go on?": keep the session, say what can happen next."""
    if next_chapter is None:
        return MENU
    return (
        f"All right, we'll stop here for now. Say {say('next')} when you want "
        f"{chapter_label(next_chapter)}, or ask me a question about the serum run."
    )


def chapter_card_title(chapter: Chapter) -> str:
    """Card title in the Alexa app."""
    return f"Chapter {chapter.number}: {chapter.title}"
