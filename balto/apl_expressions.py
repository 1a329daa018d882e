"""APL data-binding expressions (``${...}``), evaluated for the local screen preview.

The subset the skill's documents use, and the common rest of the grammar: numbers, strings,
``true``/``false``/``null``, names and ``@resources``, ``.field`` and ``[index]``, arrays,
unary ``!`` and ``-``, ``* / %``, ``+ -`` (``+`` joins when either side is a string),
comparisons, ``&&``, ``||``, ``??`` and ``? :``
(https://developer.amazon.com/docs/alexa-presentation-language/apl-data-binding-syntax.html).
A string that is one whole ``${...}`` keeps the value's type; otherwise each ``${...}`` is
replaced by its text. Anything unknown is ``None`` (an unbound name renders as empty text on a
device too), never an exception.

PURE: standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_TOKEN = re.compile(r"""\s*(?:(\d+(?:\.\d+)?)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|"""
                    r"""(@?[A-Za-z_][A-Za-z0-9_]*)|(\?\?|&&|\|\||==|!=|<=|>=|[-+*/%!<>?:.,()\[\]]))""")
_WHOLE = re.compile(r"^\$\{(.*)\}$", re.S)
_PART = re.compile(r"\$\{([^{}]*)\}")


class _Parser:
    def __init__(self, text: str, scope: Mapping[str, Any], resources: Mapping[str, Any]):
        self.tokens: list[tuple[str, str]] = []
        pos = 0
        while pos < len(text):
            match = _TOKEN.match(text, pos)
            if match is None or match.end() == pos:
                if text[pos:].strip():
                    raise ValueError(f"cannot read {text[pos:]!r}")
                break
            number, string, name, op = match.groups()
            if number is not None:
                self.tokens.append(("num", number))
            elif string is not None:
                self.tokens.append(("str", string[1:-1]))
            elif name is not None:
                self.tokens.append(("name", name))
            elif op is not None:
                self.tokens.append(("op", op))
            pos = match.end()
        self.i = 0
        self.scope = scope
        self.resources = resources

    def peek(self) -> str | None:
        return self.tokens[self.i][1] if self.i < len(self.tokens) else None

    def take(self, op: str | None = None) -> tuple[str, str]:
        token = self.tokens[self.i]
        if op is not None and token != ("op", op):
            raise ValueError(f"expected {op!r}")
        self.i += 1
        return token

    def expression(self) -> Any:
        condition = self.binary(0)
        if self.peek() == "?" and self.tokens[self.i][0] == "op":
            self.take("?")
            yes = self.expression()
            self.take(":")
            no = self.expression()
            return yes if truthy(condition) else no
        return condition

    _LEVELS = (("??",), ("||",), ("&&",), ("==", "!="), ("<", ">", "<=", ">="), ("+", "-"),
               ("*", "/", "%"))

    def binary(self, level: int) -> Any:
        if level == len(self._LEVELS):
            return self.unary()
        left = self.binary(level + 1)
        while self.i < len(self.tokens) and self.tokens[self.i][0] == "op" and (
                self.peek() in self._LEVELS[level]):
            op = self.take()[1]
            right = self.binary(level + 1)
            left = _apply(op, left, right)
        return left

    def unary(self) -> Any:
        if self.peek() == "!" and self.tokens[self.i][0] == "op":
            self.take()
            return not truthy(self.unary())
        if self.peek() == "-" and self.tokens[self.i][0] == "op":
            self.take()
            value = self.unary()
            return -value if isinstance(value, (int, float)) else None
        return self.postfix(self.primary())

    def postfix(self, value: Any) -> Any:
        while self.i < len(self.tokens) and self.tokens[self.i][0] == "op" and (
                self.peek() in (".", "[")):
            if self.take()[1] == ".":
                key = self.take()[1]
                value = value.get(key) if isinstance(value, Mapping) else (
                    len(value) if key == "length" and isinstance(value, (list, str)) else None)
            else:
                index = self.expression()
                self.take("]")
                value = _index(value, index)
        return value

    def primary(self) -> Any:
        kind, text = self.take()
        if kind == "num":
            return float(text) if "." in text else int(text)
        if kind == "str":
            return text
        if kind == "name":
            if text.startswith("@"):
                return self.resources.get(text[1:])
            return {"true": True, "false": False, "null": None}.get(text, self.scope.get(text))
        if text == "(":
            value = self.expression()
            self.take(")")
            return value
        if text == "[":
            items = []
            while self.peek() != "]":
                items.append(self.expression())
                if self.peek() == ",":
                    self.take(",")
            self.take("]")
            return items
        raise ValueError(f"unexpected {text!r}")


def _index(value: Any, index: Any) -> Any:
    if isinstance(value, list) and isinstance(index, int) and -len(value) <= index < len(value):
        return value[index]
    if isinstance(value, Mapping):
        return value.get(index)
    return None


def _apply(op: str, left: Any, right: Any) -> Any:
    if op == "??":
        return right if left is None else left
    if op == "||":
        return left if truthy(left) else right
    if op == "&&":
        return right if truthy(left) else left
    if op == "==":
        return left == right
    if op == "!=":
        return left != right
    if op == "+" and (isinstance(left, str) or isinstance(right, str)):
        return f"{text_of(left)}{text_of(right)}"
    if not isinstance(left, (int, float)) or not isinstance(right, (int, float)):
        return None
    if op in ("<", ">", "<=", ">="):
        return {"<": left < right, ">": left > right, "<=": left <= right,
                ">=": left >= right}[op]
    if op in ("/", "%") and right == 0:
        return None
    return {"+": left + right, "-": left - right, "*": left * right, "/": left / right,
            "%": left % right}[op]


def truthy(value: Any) -> bool:
    """APL truthiness: false, null, 0 and "" are false; everything else is true."""
    return value not in (None, False, 0, "") or isinstance(value, (list, dict))


def text_of(value: Any) -> str:
    """A value as APL writes it into text (whole numbers without ".0", null as "")."""
    if value is None:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def evaluate(text: str, scope: Mapping[str, Any], resources: Mapping[str, Any]) -> Any:
    """One expression's value (None when it cannot be read)."""
    try:
        parser = _Parser(text, scope, resources)
        value = parser.expression()
        return value if parser.i == len(parser.tokens) else None
    except (ValueError, IndexError, TypeError):
        return None


def bind(value: Any, scope: Mapping[str, Any], resources: Mapping[str, Any]) -> Any:
    """A property value with its ``${...}`` evaluated and ``@name`` resources looked up."""
    if not isinstance(value, str):
        return value
    if value.startswith("@") and value[1:].isidentifier():
        return resources.get(value[1:])
    whole = _WHOLE.match(value)
    if whole and "${" not in whole.group(1):
        return evaluate(whole.group(1), scope, resources)
    if "${" not in value:
        return value
    return _PART.sub(lambda m: text_of(evaluate(m.group(1), scope, resources)), value)
