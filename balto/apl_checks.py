"""Checks on a response's APL directives: their shape, and the sizes Alexa allows.

Part of :func:`balto.validation.validate_response`, split out because APL is its own subject.
What is checked, and why:

* Only ``Alexa.Presentation.APL.RenderDocument`` and ``.ExecuteCommands`` are sent by this skill;
  any other ``Alexa.Presentation.APL.*`` type is reported. A directive goes to a device only if
  it declares ``Alexa.Presentation.APL`` in ``supportedInterfaces`` (Alexa's rule:
  https://developer.amazon.com/docs/alexa/alexa-presentation-language/apl-interface.html);
  called with ``apl=False`` (a speaker's request), any APL directive is a problem.
* RenderDocument: a non-empty ``token`` (UserEvents and later commands name the document by it),
  a ``document`` of type ``APL`` with a ``version`` and a ``mainTemplate``, and ``datasources``
  holding every parameter ``mainTemplate`` declares (an unbound parameter renders as empty text:
  https://developer.amazon.com/docs/alexa-presentation-language/apl-data-source.html).
* ExecuteCommands: a ``token`` and a non-empty list of commands, each with a ``type``.
* Size: the whole response is held to Alexa's 24 KB by the caller. A document with its data
  sources must also leave room for what is spoken: this project holds it to
  :data:`MAX_APL_BYTES` (our budget, not a number Alexa publishes for APL).

PURE: standard library only.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

RENDER = "Alexa.Presentation.APL.RenderDocument"
EXECUTE = "Alexa.Presentation.APL.ExecuteCommands"
APL_PREFIX = "Alexa.Presentation.APL."
#: Our budget for one RenderDocument's document and data sources (compact UTF-8 JSON): two
#: thirds of the 24 KB response, leaving the rest for speech, reprompt, card and attributes.
MAX_APL_BYTES = 16 * 1024


def _size(value: Any) -> int:
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def _parameter_names(template: Mapping[str, Any]) -> list[str]:
    names = []
    for parameter in template.get("parameters") or []:
        name = parameter.get("name") if isinstance(parameter, Mapping) else parameter
        if isinstance(name, str):
            names.append(name)
    return names


def _check_render(index: int, directive: Mapping[str, Any]) -> list[str]:
    where = f"directive {index} ({RENDER})"
    problems: list[str] = []
    token = directive.get("token")
    if not isinstance(token, str) or not token:
        problems.append(f"{where}: needs a non-empty 'token'")
    document = directive.get("document")
    if not isinstance(document, Mapping):
        return [*problems, f"{where}: 'document' must be an object"]
    if document.get("type") != "APL":
        problems.append(f"{where}: document 'type' must be \"APL\"")
    if not isinstance(document.get("version"), str):
        problems.append(f"{where}: document needs a 'version' string")
    template = document.get("mainTemplate")
    sources = directive.get("datasources", {})
    if not isinstance(sources, Mapping):
        problems.append(f"{where}: 'datasources' must be an object")
        sources = {}
    if not isinstance(template, Mapping):
        problems.append(f"{where}: document needs a 'mainTemplate' object")
    else:
        unbound = [n for n in _parameter_names(template) if n not in sources]
        if unbound:
            problems.append(f"{where}: mainTemplate parameters without a data source: "
                            f"{', '.join(unbound)}")
    size = _size({"document": document, "datasources": sources})
    if size > MAX_APL_BYTES:
        problems.append(f"{where}: document and data sources are {size} bytes "
                        f"(budget {MAX_APL_BYTES})")
    return problems


def _check_execute(index: int, directive: Mapping[str, Any]) -> list[str]:
    where = f"directive {index} ({EXECUTE})"
    problems: list[str] = []
    if not isinstance(directive.get("token"), str) or not directive.get("token"):
        problems.append(f"{where}: needs the 'token' of the document it commands")
    commands = directive.get("commands")
    if not isinstance(commands, list) or not commands:
        problems.append(f"{where}: 'commands' must be a non-empty list")
    elif not all(isinstance(c, Mapping) and isinstance(c.get("type"), str) for c in commands):
        problems.append(f"{where}: every command needs a 'type'")
    return problems


def check_directives(directives: Any, *, apl: bool | None = None) -> list[str]:
    """Problems with a response's ``directives`` (``apl``: whether the device declares APL,
    None when unknown)."""
    if directives is None:
        return []
    if not isinstance(directives, list):
        return ["'directives' must be a list"]
    problems: list[str] = []
    for index, directive in enumerate(directives):
        kind = directive.get("type") if isinstance(directive, Mapping) else None
        if not isinstance(kind, str) or not kind:
            problems.append(f"directive {index} needs a 'type'")
            continue
        if not kind.startswith(APL_PREFIX):
            continue
        if apl is False:
            problems.append(f"directive {index} ({kind}) sent to a device that does not declare "
                            "Alexa.Presentation.APL")
        if kind == RENDER:
            problems += _check_render(index, directive)
        elif kind == EXECUTE:
            problems += _check_execute(index, directive)
        else:
            problems.append(f"directive {index}: unexpected APL directive type {kind!r}")
    return problems
