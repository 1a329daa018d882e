"""Bespoken ``bst test`` unit-test files, run offline through the simulator.

Many Alexa developers keep their conversation tests in Bespoken's YAML format: a
``configuration:`` document, then one document per test, each a list of interactions::

    ---
    configuration:
      locale: en-US
    ---
    - test: Ask about Togo
    - LaunchRequest: "Welcome to Serum Run*"
    - who was togo:
      - prompt: "*Seppala*"
      - response.shouldEndSession: false
    - stop: "*Goodbye*"

:func:`run_file` plays each test through the same skill and NLU as ``balto chat`` and judges the
responses the way bst does (skill-testing-ml 1.4.8, ``test/Assertion.js``): ``==`` is a partial
match with ``*`` wildcards, ``=~`` a regular expression (``/.../i``), ``!=`` "does not contain",
``>``/``<`` numbers; ``prompt``, ``reprompt``, ``cardTitle``, ``cardContent``, ``cardImageURL``
and ``sessionEnded`` name parts of the response, anything else is a JSONPath into it. As with
bst's virtual-alexa, ``prompt`` is the SSML as sent and matching is case-sensitive. What is not
supported is refused with a clear error (exit status 2), never silently passed: see
docs/bst.md for the list.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from balto.nlu import Resolution
from balto.simulator import transcript
from balto.simulator.outcomes import DialogFileError, DialogOutcome, TurnOutcome, validate_turn
from balto.simulator.session import Conversation, Turn

#: Operators in bst's string syntax ("- help == Welcome"), in the order bst looks for them.
STRING_OPERATORS = (" == ", " =~ ", " != ", " >= ", " <= ", " > ", " < ")
NUMERIC_OPERATORS = frozenset({">", ">=", "<", "<="})
#: Shortcuts bst's virtual-alexa invoker adds to each response (VirtualAlexaInvoker.js).
SHORTCUTS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "prompt": lambda r: _get(r, "response.outputSpeech.ssml",
                             _get(r, "response.outputSpeech.text")),
    "reprompt": lambda r: _get(r, "response.reprompt.outputSpeech.ssml",
                               _get(r, "response.reprompt.outputSpeech.text")),
    "cardTitle": lambda r: _get(r, "response.card.title"),
    "cardContent": lambda r: _get(r, "response.card.content"),
    "cardImageURL": lambda r: _get(r, "response.card.image.largeImageUrl"),
    "sessionEnded": lambda r: _get(r, "response.shouldEndSession"),
}
#: Configuration keys that matter only to bst's own runners (a Node.js handler, a URL, a mock
#: DynamoDB, reporters): balto always tests this skill, with a throw-away progress store.
IGNORED_CONFIGURATION = frozenset({
    "handler", "skillURL", "dynamo", "trace", "jest", "description", "type", "platform",
    "applicationId", "skillId", "accessToken", "deviceId", "filter", "runInBand", "html",
    "include", "exclude", "reporters", "stage",
})
SUPPORTED_CONFIGURATION = frozenset({
    "locale", "locales", "interactionModel", "userId", "findReplace", "lenientMode",
})
_MISSING = object()
_INTENT_UTTERANCE = re.compile(r'([\w|.-]*)((?: \w*=(?:"[^"]*"|[^ ]*))*)')
_PATH_PART = re.compile(r"\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[['\"]([^'\"]+)['\"]\]")


class BstAssertion:
    """One check on a response: ``path operator value`` (value may be a list: any of them)."""

    def __init__(self, path: str, operator: str, value: Any, *, lenient: bool = False,
                 written_with_colon: bool = True) -> None:
        self.path = path.strip()
        self.operator = operator
        self.value = value
        self.lenient = lenient
        # "path: /regex/" decides per value; "path == /x/" compares text (Assertion.js).
        self.written_with_colon = written_with_colon
        if self.path not in SHORTCUTS:
            _path_parts(self.path)  # refuse paths this runner cannot read, up front
        if operator in NUMERIC_OPERATORS and not _is_number(value):
            raise DialogFileError(f"{path} {operator} {value!r}: expected value must be numeric")

    def __str__(self) -> str:
        return f"{self.path} {self.operator} {self.value!r}"

    def check(self, response: dict[str, Any]) -> str | None:
        """None when the response satisfies the assertion, else what went wrong."""
        actual = SHORTCUTS[self.path](response) if self.path in SHORTCUTS else _at(
            response, self.path)
        expected = _clean(self.value)
        if self._holds(actual, expected):
            return None
        shown = "(missing)" if actual is _MISSING else _short(_js_string(actual))
        return f"expected {self}, got {shown}"

    def _holds(self, actual: Any, expected: Any) -> bool:
        if self.operator in ("==", "=~"):
            if expected is _MISSING:
                return actual is _MISSING
            if actual is _MISSING:
                return False
            options = expected if isinstance(expected, list) else [expected]
            return any(self._matches(option, actual) for option in options)
        if self.operator in NUMERIC_OPERATORS:
            if not _is_number(actual):
                return False
            got, want = int(float(_js_string(actual))), int(float(str(expected)))
            return {">": got > want, ">=": got >= want, "<": got < want, "<=": got <= want}[
                self.operator]
        # "!=": the value must not occur (any of them, for a list)
        if expected is _MISSING:
            return actual is not _MISSING
        if actual is _MISSING or actual is None:
            return True
        options = expected if isinstance(expected, list) else [expected]
        return not any(_js_string(option) in _js_string(actual) for option in options)

    def _matches(self, expected: Any, actual: Any) -> bool:
        text = _js_string(actual)
        pattern = _js_string(expected)
        if self.operator == "=~" or (self.written_with_colon and pattern.startswith("/")):
            return _regex_test(pattern, text)
        if self.lenient:
            return re.search(_lenient(pattern), _lenient(text)) is not None
        wildcard = "(.|\\n)*".join(pattern.strip().split("*"))
        for special in "+^$?":
            wildcard = wildcard.replace(special, "\\" + special)
        try:
            return re.search(wildcard, text) is not None
        except re.error:
            return False


class Interaction:
    """One line of a bst test: what is said (or sent) and what must come back."""

    def __init__(self, utterance: str) -> None:
        self.utterance = utterance
        self.intent: str | None = None
        self.slots: dict[str, str] = {}
        self.assertions: list[BstAssertion] = []


class BstTest:
    """One ``- test:`` document."""

    def __init__(self, name: str, interactions: list[Interaction], *, only: bool, skip: bool):
        self.name = name
        self.interactions = interactions
        self.only = only
        self.skip = skip


# -- recognising and parsing ---------------------------------------------------------------------
class _Yaml12Loader(yaml.SafeLoader):
    """YAML as bst's js-yaml reads it: "yes", "no", "on" and "off" are words, not booleans.

    PyYAML follows YAML 1.1, where ``- yes: ...`` would be the boolean True, not the utterance.
    """


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def load_documents(path: Path, text: str | None = None) -> list[Any]:
    """The YAML documents of a file (``text`` when already read)."""
    try:
        source = path.read_text(encoding="utf-8") if text is None else text
        return [d for d in yaml.load_all(source, Loader=_Yaml12Loader) if d is not None]
    except OSError as error:
        raise DialogFileError(f"{path}: cannot read ({error.strerror})") from error
    except yaml.YAMLError as error:
        raise DialogFileError(f"{path}: not valid YAML ({error})") from error


def is_bst(documents: list[Any]) -> bool:
    """True for Bespoken's format: a ``configuration`` document, or tests that are plain lists
    of interactions (balto's own dialogs are mappings with ``turns``)."""
    for document in documents:
        if isinstance(document, dict) and "configuration" in document:
            return True
        if isinstance(document, list) and not all(
            isinstance(item, dict) and "turns" in item for item in document
        ):
            return True
    return False


def parse(path: Path) -> tuple[dict[str, Any], list[BstTest]]:
    """The configuration and the tests of a bst file, checked before anything runs."""
    raw = path.read_text(encoding="utf-8")
    documents = load_documents(path, raw)
    configuration: dict[str, Any] = {}
    if documents and isinstance(documents[0], dict) and "configuration" in documents[0]:
        configuration = documents[0]["configuration"] or {}
        if not isinstance(configuration, dict):
            raise DialogFileError(f"{path}: configuration must be a mapping")
        replacements = configuration.get("findReplace") or {}
        if replacements:
            for find, replace in replacements.items():
                raw = raw.replace(str(find), str(replace))
            documents = load_documents(path, raw)
            configuration = documents[0]["configuration"]
        documents = documents[1:]
    _check_configuration(path, configuration)
    lenient = bool(configuration.get("lenientMode"))
    tests = [
        _parse_test(path, number, document, lenient)
        for number, document in enumerate(documents, 1)
        if isinstance(document, list)  # bst skips documents that are not lists, and so do we
    ]
    if not tests:
        raise DialogFileError(f"{path}: no tests found (each test is a YAML list document)")
    return configuration, tests


def _check_configuration(path: Path, configuration: dict[str, Any]) -> None:
    kind = str(configuration.get("type", "unit")).lower()
    platform = str(configuration.get("platform", "alexa")).lower()
    if kind != "unit" or platform != "alexa":
        raise DialogFileError(f"{path}: only Alexa unit tests run offline (this suite is "
                              f"type {kind!r}, platform {platform!r}; see docs/bst.md)")
    unknown = set(configuration) - SUPPORTED_CONFIGURATION - IGNORED_CONFIGURATION
    if unknown:
        raise DialogFileError(
            f"{path}: configuration key(s) {sorted(unknown)} are not supported offline "
            f"(supported: {sorted(SUPPORTED_CONFIGURATION)}; see docs/bst.md)")


def _parse_test(path: Path, number: int, document: list[Any], lenient: bool) -> BstTest:
    name, only, skip = f"Test {number}", False, False
    interactions: list[Interaction] = []
    for index, item in enumerate(document):
        key = next(iter(item)) if isinstance(item, dict) and item else None
        if index < 2 and key in ("test", "test.only", "test.skip"):
            name, only, skip = str(item[key]), key == "test.only", key == "test.skip"
            continue
        if index < 2 and key == "tags":
            continue
        where = f"{path}: {name}, interaction {len(interactions) + 1}"
        try:
            interactions.append(_parse_interaction(item, lenient))
        except DialogFileError as error:
            raise DialogFileError(f"{where}: {error}") from error
    return BstTest(name, interactions, only=only, skip=skip)


def _parse_interaction(item: Any, lenient: bool) -> Interaction:
    if isinstance(item, (str, int, float)):
        utterance, assertion = _string_assertion(str(item), lenient, utterance_included=True)
        interaction = Interaction(utterance)
        interaction.assertions += [assertion] if assertion else []
        return interaction
    if not isinstance(item, dict) or len(item) != 1:
        raise DialogFileError(f"an interaction is 'utterance' or 'utterance: checks', not {item!r}")
    utterance, checks = next(iter(item.items()))
    interaction = Interaction(str(utterance))
    if checks is None:
        return interaction
    if not isinstance(checks, list):  # "- help: Welcome*": one check on the prompt
        operator = "=~" if isinstance(checks, str) and checks.startswith("/") else "=="
        interaction.assertions.append(BstAssertion("prompt", operator, checks, lenient=lenient))
        return interaction
    for check in checks:
        _add_check(interaction, check, lenient)
    return interaction


def _add_check(interaction: Interaction, check: Any, lenient: bool) -> None:
    if isinstance(check, (str, int, float)):
        _, assertion = _string_assertion(str(check), lenient, utterance_included=False)
        if assertion:
            interaction.assertions.append(assertion)
        return
    if not isinstance(check, dict) or not check:
        raise DialogFileError(f"cannot read the check {check!r}")
    if "intent" in check:
        interaction.intent = str(check["intent"])
        interaction.slots.update({str(k): str(v) for k, v in check.items() if k != "intent"})
        return
    if "slots" in check:
        interaction.slots.update({str(k): str(v) for k, v in (check["slots"] or {}).items()})
        return
    key = str(next(iter(check)))
    if key == "label" or key.startswith(("request", "set ")):
        raise DialogFileError(f"'{key}' (goto labels, request expressions) is not supported "
                              "offline; see docs/bst.md")
    value = check[key]
    regex = (isinstance(value, str) and value.strip().startswith("/")) or (
        isinstance(value, list) and any(isinstance(v, str) and v.strip().startswith("/")
                                        for v in value))
    interaction.assertions.append(
        BstAssertion(key, "=~" if regex else "==", value, lenient=lenient))


def _string_assertion(text: str, lenient: bool, *, utterance_included: bool
                      ) -> tuple[str, BstAssertion | None]:
    """bst's short syntax: "utterance == expected" or, inside a list, "path != value"."""
    if text.strip() == "exit":
        raise DialogFileError("'exit' is not supported offline; see docs/bst.md")
    operator = next((op for op in STRING_OPERATORS if op in text), None)
    if operator is None:
        if utterance_included:
            return text, None
        parts = text.split()
        if len(parts) < 3:
            raise DialogFileError(f"invalid assertion: {text!r} (expected 'path operator value')")
        raise DialogFileError(f"invalid operator {parts[1]!r} in {text!r}")
    left, right = text.split(operator, 1)
    value: Any = right.strip()
    # bst reads "a - b - c" after an operator as a list of alternatives (TestParser.js).
    alternatives = [part.strip() for part in value.split("-") if part.strip()]
    if len(alternatives) > 1:
        value = alternatives
    path = "prompt" if utterance_included else left.strip()
    assertion = BstAssertion(path, operator.strip(), value, lenient=lenient,
                             written_with_colon=False)
    return (left.strip() if utterance_included else ""), assertion


# -- running --------------------------------------------------------------------------------------
def run_file(path: Path, model: str | Path | None = None) -> list[DialogOutcome]:
    """Run every test of a bst file; tests share one user and one progress store, as bst's
    virtual device and mock DynamoDB do, and each test starts a new session."""
    from balto.simulator.runtime import conversation

    configuration, tests = parse(path)
    if any(test.only for test in tests):
        tests = [test for test in tests if test.only]
    locales = _locales(configuration)
    if configuration.get("interactionModel") and model is None:
        model = _model_file(path, str(configuration["interactionModel"]))
    user = str(configuration.get("userId") or f"bst:{path.stem}")
    outcomes: list[DialogOutcome] = []
    with tempfile.TemporaryDirectory(prefix="balto-bst-") as tmp:
        for locale in locales:
            for test in tests:
                label = f"{test.name} [{locale}]" if len(locales) > 1 else test.name
                if test.skip:
                    outcomes.append(DialogOutcome(str(path), label, skipped=True))
                    continue
                talk = conversation(locale=locale, model=model, user=user,
                                    db=Path(tmp) / f"{locale}.sqlite3")
                outcomes.append(_run_test(test, talk, str(path), label))
    return outcomes


def _model_file(path: Path, configured: str) -> Path:
    """bst resolves ``interactionModel`` from the directory it runs in; a path relative to the
    test file is accepted too, so the suite runs from anywhere."""
    for candidate in (Path(configured), path.parent / configured):
        if candidate.is_file():
            return candidate
    raise DialogFileError(f"{path}: interactionModel {configured!r} not found")


def _locales(configuration: dict[str, Any]) -> list[str]:
    locales = configuration.get("locales") or configuration.get("locale") or "en-US"
    if isinstance(locales, list):
        return [str(locale).strip() for locale in locales]
    return [part.strip() for part in str(locales).split(",") if part.strip()]


def _run_test(test: BstTest, talk: Conversation, file: str, label: str) -> DialogOutcome:
    outcome = DialogOutcome(file, label)
    for interaction in test.interactions:
        turn = _send(interaction, talk)
        if turn is None:
            outcome.turns.append(TurnOutcome(repr(interaction.utterance), {},
                                             ["no session was open to end"]))
            continue
        failures = [] if turn.request_type == "SessionEndedRequest" else [
            problem for problem in (a.check(turn.response) for a in interaction.assertions)
            if problem is not None
        ]
        failures += validate_turn(turn, talk.locale)
        explanation = turn.resolution.explain() if turn.resolution else None
        outcome.turns.append(TurnOutcome(repr(interaction.utterance), transcript.summary(turn),
                                         failures, explanation))
    return outcome


def _send(interaction: Interaction, talk: Conversation) -> Turn | None:
    """LaunchRequest / SessionEndedRequest, an intent named directly, or an utterance."""
    utterance = interaction.utterance
    if utterance == "LaunchRequest":
        return talk.launch()
    if utterance == "SessionEndedRequest":
        return talk.end()
    if utterance.startswith("AudioPlayer."):
        raise DialogFileError(f"{utterance}: AudioPlayer requests are not supported offline")
    intent, slots = interaction.intent, dict(interaction.slots)
    if intent is None:
        named = _INTENT_UTTERANCE.fullmatch(utterance)
        if named and talk.nlu.model.intent(named.group(1)) is not None:
            intent = named.group(1)
            for pair in named.group(2).split():
                name, _, value = pair.partition("=")
                slots[name] = value.strip('"')
    if intent is None:
        return talk.say(utterance)
    return talk.send_resolution(_direct(talk, intent, slots, utterance), utterance)


def _direct(talk: Conversation, intent_name: str, slots: dict[str, str],
            utterance: str) -> Resolution:
    """A resolution for an intent the test names, its slots resolved like Alexa would."""
    intent = talk.nlu.model.intent(intent_name)
    if intent is None:
        raise DialogFileError(f"intent {intent_name!r} is not in the interaction model")
    types = {slot.name: slot.type for slot in intent.slots}
    unknown = set(slots) - set(types)
    if unknown:
        raise DialogFileError(f"intent {intent_name} has no slot(s) {sorted(unknown)}")
    results = {name: talk.nlu.compiled.slot_result(name, types[name], value)[0]
               for name, value in slots.items()}
    return Resolution(utterance, intent_name, results, "direct", 1.0, None,
                      "intent and slots named in the test")


# -- values, paths and matching like bst's ---------------------------------------------------------
def _get(response: dict[str, Any], path: str, default: Any = _MISSING) -> Any:
    value = _at(response, path)
    return default if value is _MISSING else value


def _path_parts(path: str) -> list[str | int]:
    text = path[2:] if path.startswith("$.") else path
    parts: list[str | int] = []
    position = 0
    while position < len(text):
        match = _PATH_PART.match(text, position)
        if match is None or (position == 0 and text.startswith(".")):
            raise DialogFileError(
                f"JSONPath {path!r} is not supported offline (dotted names, [n] and ['name'] "
                "are; wildcards, '..' and filters are not)")
        name, index, quoted = match.groups()
        parts.append(int(index) if index is not None else (name or quoted))
        position = match.end()
    return parts


def _at(data: Any, path: str) -> Any:
    for part in _path_parts(path):
        if isinstance(part, int) and isinstance(data, list) and part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict) and part in data:
            data = data[part]
        else:
            return _MISSING
    return data


def _clean(value: Any) -> Any:
    """bst's Util.cleanValue: "undefined" means absent, quotes around a string are dropped."""
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, str):
        if value == "undefined":
            return _MISSING
        if value == "null":
            return None
        if len(value) >= 2 and value[0] == value[-1] == '"':
            return value[1:-1]
    return value


def _js_string(value: Any) -> str:
    """A value as JavaScript's String() writes it (what bst compares against)."""
    if value is _MISSING:
        return "undefined"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict):
        return "[object Object]"
    if isinstance(value, list):
        return ",".join(_js_string(v) for v in value)
    return str(value)


def _is_number(value: Any) -> bool:
    try:
        float(_js_string(value))
    except ValueError:
        return False
    return True


def _regex_test(pattern: str, text: str) -> bool:
    """A JavaScript regex literal ("/welcome.*/i") or bare pattern, tested like RegExp.test."""
    flags = 0
    if pattern.startswith("/") and "/" in pattern[1:]:
        body, _, options = pattern[1:].rpartition("/")
        flags = re.IGNORECASE if "i" in options else 0
        flags |= re.MULTILINE if "m" in options else 0
        flags |= re.DOTALL if "s" in options else 0
        pattern = body
    try:
        return re.search(pattern, text, flags) is not None
    except re.error:
        return False


def _lenient(text: str) -> str:
    """bst's lenientMode: punctuation and wildcard characters become spaces."""
    text = re.sub(r"[-\f\n\r\t\v.()\"',;:!?*^$]", " ", text)
    return re.sub(r"  +", " ", text).strip()


def _short(text: str, limit: int = 160) -> str:
    return json.dumps(text if len(text) <= limit else text[: limit - 1] + "…")
