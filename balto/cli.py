"""The ``balto`` command: talk to Serum Run locally, test dialogs, evaluate the NLU, serve,
and the browser test console.

Sub-commands import their modules lazily, so ``balto --help`` is instant and ``balto serve``
does not pay for the simulator (nor the simulator for Flask).  This is the configuration
step: it alone reads the environment (``SERUM_RUN_DB``, ``XDG_DATA_HOME``, ``SKILL_ID``,
``LOG_LEVEL``, ``LOG_FORMAT``).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def default_db_path(environ: Mapping[str, str]) -> Path:
    """$SERUM_RUN_DB, else $XDG_DATA_HOME/serum-run/progress.sqlite3 (~/.local/share)."""
    if environ.get("SERUM_RUN_DB", "").strip():
        return Path(environ["SERUM_RUN_DB"].strip()).expanduser()
    base = environ.get("XDG_DATA_HOME", "").strip() or str(Path.home() / ".local" / "share")
    return Path(base).expanduser() / "serum-run" / "progress.sqlite3"


def _add_user_options(parser: argparse.ArgumentParser) -> None:
    """Who talks, and where their progress is kept (the conversation commands, the console)."""
    parser.add_argument("--user", metavar="ID",
                        help="user name or Alexa user id (default: your OS user name)")
    parser.add_argument("--db", metavar="PATH",
                        help="progress database (default: $SERUM_RUN_DB or "
                             "~/.local/share/serum-run/progress.sqlite3)")


def _add_conversation_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object per turn instead of text")
    parser.add_argument("--explain", action="store_true",
                        help="show how each utterance was resolved (sample, score, slots)")
    _add_user_options(parser)
    parser.add_argument("--locale", default="en-US",
                        help="en-US (default), en-CA, en-GB, en-AU or en-IN: that locale's model, "
                             "and replies in its English")
    parser.add_argument("--model", metavar="FILE", help="interaction model file to use instead "
                        "of the installed model for --locale")
    parser.add_argument("--device", default="speaker", choices=_devices(),
                        help="the device that talks: a speaker (default, no screen) or an Echo "
                             "Show / Spot that declares APL and gets screens")
    parser.add_argument("--screen-out", metavar="PATH",
                        help="write what the device's screen shows as SVG to PATH (chat: one "
                             "file per turn with a screen, PATH with the turn number added)")


def _devices() -> list[str]:
    from balto.simulator.envelopes import DEVICES

    return list(DEVICES)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and --help)."""
    parser = argparse.ArgumentParser(
        prog="balto", description="Talk to the Serum Run Alexa skill on your own machine.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    ask = sub.add_parser("ask", help='one utterance in a new session ("ask serum run ...")')
    ask.add_argument("text", nargs="+", help="what you would say, e.g. who was togo")
    _add_conversation_options(ask)

    chat = sub.add_parser("chat", help="a conversation: one utterance per line (/new, /quit)")
    _add_conversation_options(chat)
    chat.add_argument("--speak", action="store_true",
                      help="speak replies with espeak-ng (if installed)")

    dialogs = sub.add_parser("test-dialogs", help="run YAML dialog scripts with assertions "
                             "(balto's own format, or Bespoken bst unit-test suites)")
    dialogs.add_argument("files", nargs="+", metavar="FILE")
    dialogs.add_argument("--model", metavar="FILE", help="interaction model file")
    dialogs.add_argument("--verbose", "-v", action="store_true", help="show every turn")

    evaluate = sub.add_parser("nlu-eval", help="measure the NLU on annotated utterances")
    evaluate.add_argument("file", metavar="FILE")
    evaluate.add_argument("--model", metavar="FILE", help="interaction model file")
    evaluate.add_argument("--min-accuracy", type=float, default=0.0, metavar="FRACTION",
                          help="exit 1 when intent accuracy is below this (e.g. 0.9)")
    evaluate.add_argument("--json", action="store_true", help="print the metrics as JSON")

    answers = sub.add_parser("eval-answers",
                             help="measure answer quality on question sets (tests/data/*.json)")
    answers.add_argument("files", nargs="+", metavar="FILE")
    answers.add_argument("--model", metavar="FILE", help="interaction model file")
    answers.add_argument("--misses", action="store_true", help="list every miss with its answer")
    answers.add_argument("--json", action="store_true", help="print the figures as JSON")

    model = sub.add_parser("model", help="interaction model tools")
    model_sub = model.add_subparsers(dest="model_command", metavar="ACTION")
    model_sub.required = True
    check = model_sub.add_parser("check", help="lint the model against ASK's build rules")
    check.add_argument("files", nargs="*", metavar="FILE",
                       help="model files (default: every installed locale's model)")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")

    unanswered = sub.add_parser(
        "unanswered", help="summarise a deployed skill's log: outcomes and unanswered questions")
    unanswered.add_argument("files", nargs="+", metavar="FILE",
                            help="log exports (sam logs, aws logs tail or filter-log-events "
                                 "output; - reads stdin)")
    unanswered.add_argument("--top", type=int, default=25, metavar="N",
                            help="list the N most asked unanswered questions (default 25)")
    unanswered.add_argument("--json", action="store_true", help="print the summary as JSON")

    serve = sub.add_parser("serve", help="host the skill over HTTPS-ready HTTP (flask-ask-sdk)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--no-verify", action="store_true",
                       help="skip Alexa signature and timestamp checks (local testing only)")
    serve.add_argument("--db", metavar="PATH", help="progress database (SQLite; default: "
                       "$SERUM_RUN_DB, else none unless TABLE_NAME selects DynamoDB)")
    _add_console(sub)
    return parser


def _port(text: str) -> int:
    """A TCP port number (0 asks for any free one)."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0-65535)")
    return port


def _add_console(sub: Any) -> None:
    from balto.simulator.envelopes import DEVICES

    console = sub.add_parser(
        "console", help="a test console in your browser: chat, intents and slots, the NLU's "
                        "reasoning, the JSON envelopes, the screen, the speech (offline)")
    console.add_argument("--host", default="127.0.0.1",
                         help="address to listen on (default 127.0.0.1; loopback only unless "
                              "--allow-remote)")
    console.add_argument("--port", type=_port, default=8000, help="port (default 8000; 0: any)")
    console.add_argument("--allow-remote", action="store_true",
                         help="allow a non-loopback --host: the console has no login, so "
                              "anyone who reaches it can use it")
    _add_user_options(console)
    console.add_argument("--locale", default="en-US", help="locale to start with (default "
                         "en-US; the page switches between every installed one)")
    console.add_argument("--device", default="speaker", choices=list(DEVICES),
                         help="device to start with (default speaker; echo-show and the "
                              "others have a screen)")


# -- conversation commands ---------------------------------------------------------------------
#: The logger whose INFO line says how a question was understood and why its fact won.
QUESTIONS_LOGGER = "skill.alexa.handlers.questions"


def _start_logging(environ: Mapping[str, str], err: TextIO, explain: bool = False) -> None:
    """The shared logging setup for the conversation front doors (``ask``, ``chat``).

    LOG_LEVEL defaults to WARNING here rather than INFO: the conversation is on the same
    terminal, and INFO lines (an unresolved slot, a skipped save) would interleave with it.
    ``--explain`` lets the question log line through: the question as understood, the fact
    chosen and the reasons behind its score.
    """
    from skill.config import load_config
    from skill.logging_setup import configure_logging

    settings = {key: environ[key] for key in ("LOG_LEVEL", "LOG_FORMAT") if key in environ}
    if not settings.get("LOG_LEVEL", "").strip():
        settings["LOG_LEVEL"] = "WARNING"
    config = load_config(settings)
    configure_logging(config.log_level, config.log_format, stream=err)
    if explain:
        logging.getLogger(QUESTIONS_LOGGER).setLevel(logging.INFO)


def _conversation(args: argparse.Namespace, environ: Mapping[str, str]) -> Any:
    from balto.simulator.runtime import conversation

    db = Path(args.db) if args.db else default_db_path(environ)
    return conversation(locale=args.locale, model=args.model, user=args.user, db=db,
                        device=args.device)


def cmd_ask(args: argparse.Namespace, environ: Mapping[str, str], out: TextIO,
            err: TextIO) -> int:
    """One-shot: "Alexa, ask Serum Run TEXT"."""
    from balto.simulator.chat import TurnPrinter

    _start_logging(environ, err, args.explain)
    talk = _conversation(args, environ)
    printer = TurnPrinter(out, args.json, args.explain, err=err,
                          screens=_screens(args, err))
    printer.turn(talk.say(" ".join(args.text)))
    return EXIT_OK


def _screens(args: argparse.Namespace, err: TextIO) -> Any:
    """The screen writer for --screen-out (None without it)."""
    if not args.screen_out:
        return None
    from balto.simulator.screens import ScreenWriter

    if args.device == "speaker":
        print("balto: --screen-out needs a --device with a screen (e.g. echo-show); a speaker "
              "gets no screens.", file=err)
    return ScreenWriter(Path(args.screen_out), args.device, numbered=args.command == "chat")


def cmd_chat(args: argparse.Namespace, environ: Mapping[str, str], stdin: TextIO,
             out: TextIO, err: TextIO) -> int:
    """A conversation: launch, then one utterance per line."""
    from balto.simulator.chat import run_chat

    _start_logging(environ, err, args.explain)
    talk = _conversation(args, environ)
    speaker = None
    if args.speak:
        from balto.simulator.speak import SpeakerUnavailable, find_espeak

        try:
            speaker = find_espeak()
        except SpeakerUnavailable as error:
            print(f"balto: {error} Continuing without speech.", file=err)
    history = None
    if stdin.isatty():
        data_home = environ.get("XDG_DATA_HOME", "").strip() or str(
            Path.home() / ".local" / "share")
        history = Path(data_home).expanduser() / "serum-run" / "chat_history"
    return run_chat(talk, stdin=stdin, out=out, as_json=args.json, explain=args.explain,
                    speaker=speaker, history=history, err=err, screens=_screens(args, err))


def cmd_console(args: argparse.Namespace, environ: Mapping[str, str], err: TextIO) -> int:
    """Serve the browser test console until Ctrl+C (what it says goes to stderr, as a
    server's log does)."""
    from balto.console.server import HostRefused, check_host, make_console
    from balto.console.state import build_state

    try:
        warning = check_host(args.host, allow_remote=args.allow_remote)
    except HostRefused as error:
        print(f"balto: {error}", file=err)
        return EXIT_USAGE
    _start_logging(environ, err)
    db = Path(args.db) if args.db else default_db_path(environ)
    state = build_state(db=str(db), user=args.user, locale=args.locale, device=args.device)
    console = make_console(state, args.host, args.port, allow_remote=args.allow_remote)
    if warning:
        print(warning.format(host=args.host, url=console.url), file=err, flush=True)
    speech = ("speech: espeak-ng" if state.espeak else
              "speech: off (install espeak-ng to hear replies)")
    print(f"Serum Run console: {console.url}\nprogress: {db}; {speech}. Ctrl+C stops it.",
          file=err, flush=True)
    console.serve_forever()
    return EXIT_OK


# -- tool commands -------------------------------------------------------------------------------
def cmd_test_dialogs(args: argparse.Namespace, out: TextIO) -> int:
    """Run dialog scripts; exit 1 on any failure."""
    from balto.simulator.dialogs import run_files

    report = run_files([Path(f) for f in args.files], model=args.model)
    print(report.render(verbose=args.verbose), file=out)
    return EXIT_OK if report.passed else EXIT_FAILED


def cmd_nlu_eval(args: argparse.Namespace, out: TextIO) -> int:
    """Evaluate the NLU on an annotated set."""
    import json

    from balto.simulator.nlu_eval import evaluate_file

    result = evaluate_file(Path(args.file), model=args.model)
    if args.json:
        print(json.dumps(result.summary(), indent=2), file=out)
    else:
        print(result.render(), file=out)
    return EXIT_OK if result.intent_accuracy >= args.min_accuracy else EXIT_FAILED


def cmd_eval_answers(args: argparse.Namespace, out: TextIO) -> int:
    """Ask every question of each set through the whole skill and report how many were right."""
    import json

    from balto.simulator.answer_eval import evaluate_file
    from balto.simulator.runtime import conversation

    handler = None

    def fresh() -> Any:
        nonlocal handler
        talk = conversation(model=args.model, handler=handler)
        handler = talk.handler  # one skill for every session, as one container would
        return talk

    reports = [evaluate_file(Path(f), fresh) for f in args.files]
    if args.json:
        print(json.dumps([r.summary() for r in reports], indent=2), file=out)
    else:
        for report in reports:
            print(report.render(show_misses=args.misses), file=out)
    return EXIT_OK


def cmd_model_check(args: argparse.Namespace, out: TextIO) -> int:
    """Lint model files; exit 1 on errors (or warnings with --strict)."""
    from balto.simulator.model_check import check_files
    from balto.simulator.runtime import MODELS_PACKAGE, model_files, on_disk

    files = [Path(f) for f in args.files] or [on_disk(f) for f in model_files()]
    if not files:
        print(f"balto: no model files in {MODELS_PACKAGE}", file=out)
        return EXIT_USAGE
    findings = check_files(files)
    for finding in findings:
        print(finding.render(), file=out)
    errors = [f for f in findings if f.level == "error" or args.strict]
    print(f"{len(files)} file(s) checked: {sum(f.level == 'error' for f in findings)} error(s), "
          f"{sum(f.level == 'warning' for f in findings)} warning(s)", file=out)
    return EXIT_FAILED if errors else EXIT_OK


def cmd_unanswered(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    """Summarise outcome-metric lines from log files (the questions worth adding facts for)."""
    import json

    from balto.unanswered import summarise

    texts = (stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8",
                                                                   errors="replace")
             for name in args.files)
    summary = summarise(texts)
    top = max(args.top, 0)
    if args.json:
        print(json.dumps(summary.as_dict(top), indent=2, ensure_ascii=False), file=out)
    else:
        print(summary.render(top), file=out)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace, environ: Mapping[str, str]) -> int:
    """Host the skill with the web adapter."""
    from balto.web.app import serve
    from skill.alexa.skill_factory import handler_from_config
    from skill.config import load_config

    config = load_config(environ)
    if args.db:  # --db wins over TABLE_NAME and SERUM_RUN_DB
        config = config._replace(table_name=None, sqlite_path=args.db)
    serve(handler_from_config(config), host=args.host, port=args.port, verify=not args.no_verify,
          skill_id=config.skill_id, log_level=config.log_level, log_format=config.log_format)
    return EXIT_OK


def run(argv: Sequence[str], *, environ: Mapping[str, str], stdin: TextIO, out: TextIO,
        err: TextIO) -> int:
    """Run the command line; returns the exit status (for tests and ``main``)."""
    from balto.nlu import ModelError
    from balto.simulator.runtime import SimulatorSetupError

    args = build_parser().parse_args(list(argv))
    try:
        if args.command == "ask":
            return cmd_ask(args, environ, out, err)
        if args.command == "chat":
            return cmd_chat(args, environ, stdin, out, err)
        if args.command == "test-dialogs":
            return cmd_test_dialogs(args, out)
        if args.command == "nlu-eval":
            return cmd_nlu_eval(args, out)
        if args.command == "eval-answers":
            return cmd_eval_answers(args, out)
        if args.command == "model":
            return cmd_model_check(args, out)
        if args.command == "unanswered":
            return cmd_unanswered(args, stdin, out)
        if args.command == "console":
            return cmd_console(args, environ, err)
        return cmd_serve(args, environ)
    except BrokenPipeError:  # output piped into head & co.: stop quietly
        return EXIT_OK
    except (ModelError, SimulatorSetupError, OSError, ValueError) as error:
        print(f"balto: error: {error}", file=err)
        return EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    """Console entry point (``balto``)."""
    return run(sys.argv[1:] if argv is None else argv, environ=os.environ, stdin=sys.stdin,
               out=sys.stdout, err=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
