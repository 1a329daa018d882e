"""The ``balto chat`` loop: launch, then one utterance per line until /quit or end of input.

On a terminal it offers line editing and history (readline); piped input is read line by
line and echoed, so a transcript reads like a conversation.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from balto.simulator import transcript
from balto.simulator.screens import ScreenWriter
from balto.simulator.session import Conversation, Turn
from balto.simulator.speak import speak

COMMANDS_HELP = ("/new ends the session and opens a new one; /touch back|repeat|next presses a "
                 "story button (a device with a screen); /quit exits; /help shows this.")


class TurnPrinter:
    """Writes turns as JSON lines or text, and speaks them when asked.

    With JSON output, ``--explain`` goes to ``err`` so stdout stays one object per line.
    """

    def __init__(self, out: TextIO, as_json: bool = False, explain: bool = False,
                 speaker: str | None = None, err: TextIO | None = None,
                 screens: ScreenWriter | None = None) -> None:
        self.out = out
        self.screens = screens
        self.as_json = as_json
        self.explain = explain
        self.speaker = speaker
        self.err = err

    def turn(self, turn: Turn | None) -> None:
        """Show (and speak) one turn; nothing for None."""
        if turn is None:
            return
        if self.as_json:
            if self.explain and self.err is not None and turn.resolution is not None:
                print(turn.resolution.explain(), file=self.err, flush=True)
            print(transcript.json_line(turn), file=self.out, flush=True)
        else:
            print(transcript.text_block(turn, explain=self.explain), file=self.out, flush=True)
        if self.screens is not None:
            written = self.screens.write(turn)
            if written is not None:
                print(f"(screen: {written})", file=self.err if self.as_json and self.err
                      else self.out, flush=True)
        ssml = transcript.summary(turn)["ssml"]
        if self.speaker and ssml:
            speak(ssml, self.speaker)

    def note(self, text: str) -> None:
        """A line for people (suppressed in JSON mode)."""
        if not self.as_json:
            print(text, file=self.out, flush=True)


def _setup_readline(history: Path | None) -> None:
    try:
        import readline
    except ImportError:  # pragma: no cover - Windows without pyreadline
        return
    if history is None:
        return
    history.parent.mkdir(parents=True, exist_ok=True)
    try:
        readline.read_history_file(history)
    except OSError:
        pass
    readline.set_history_length(1000)
    import atexit

    atexit.register(readline.write_history_file, history)


def _read_line(stdin: TextIO, interactive: bool, printer: TurnPrinter) -> str | None:
    """Read one line; None at end of input (or Ctrl+C / Ctrl+D on a terminal)."""
    if interactive:
        try:
            return input("You: ")
        except (EOFError, KeyboardInterrupt):
            print(file=printer.out)
            return None
    line = stdin.readline()
    if not line:
        return None
    text = line.rstrip("\n")
    if text.strip():
        printer.note(f"You: {text.strip()}")
    return text


def _touch(talk: Conversation, text: str, printer: TurnPrinter) -> None:
    """``/touch next``: the UserEvent the story screen's button sends."""
    arguments = text.split()[1:]
    if not arguments:
        printer.note("Touch what? /touch back, /touch repeat or /touch next.")
        return
    try:
        printer.turn(talk.touch(*arguments))
    except ValueError as error:
        printer.note(f"({error}; start chat with --device echo-show)")


def run_chat(talk: Conversation, *, stdin: TextIO, out: TextIO, as_json: bool = False,
             explain: bool = False, speaker: str | None = None,
             history: Path | None = None, err: TextIO | None = None,
             screens: ScreenWriter | None = None) -> int:
    """Hold a conversation until /quit or end of input; returns the exit status."""
    printer = TurnPrinter(out, as_json, explain, speaker, err, screens)
    interactive = stdin.isatty()
    if interactive:
        _setup_readline(history)
        printer.note(f"Serum Run simulator. {COMMANDS_HELP}")
    printer.turn(talk.launch())
    while True:
        line = _read_line(stdin, interactive, printer)
        if line is None:
            break
        text = line.strip()
        if not text:
            continue
        if text in ("/quit", "/exit", "/q"):
            break
        if text == "/help":
            printer.note(COMMANDS_HELP)
            continue
        if text == "/new":
            printer.turn(talk.end())
            printer.turn(talk.launch())
            continue
        if text.startswith("/touch"):
            _touch(talk, text, printer)
            continue
        if text.startswith("/"):
            printer.note(f"Unknown command {text!r}. {COMMANDS_HELP}")
            continue
        if not talk.active:
            printer.note("(new session)")
        printer.turn(talk.say(text))
    printer.turn(talk.end())
    return 0
