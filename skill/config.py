"""Runtime configuration: the one place the serving code reads environment variables.

The Lambda entry and the local front doors call :func:`load_config` once (at cold start / at
process start) and hand the resulting frozen :class:`Config` to
:func:`skill.alexa.skill_factory.handler_from_config`, so no module deeper in the skill ever looks
at ``os.environ`` and tests can build a configuration from a plain dict.
"""

import logging
import os
from collections.abc import Mapping
from dataclasses import FrozenInstanceError
from typing import Any

from skill.records import Record

LOG_LEVELS: tuple[str, ...] = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
"""The values LOG_LEVEL accepts (case-insensitive)."""

DEFAULT_LOG_LEVEL = "INFO"

LOG_FORMATS: tuple[str, ...] = ("text", "json")
"""The values LOG_FORMAT accepts (case-insensitive): plain lines, or one JSON object a line."""


class ConfigError(ValueError):
    """A setting in the environment is malformed; the message says which one and how to fix it."""


class Config(Record):
    """Everything the serving code needs to know about its environment.

    Frozen: assigning to a field raises :class:`dataclasses.FrozenInstanceError`; a changed copy
    comes from ``_replace`` (``balto --db`` overrides the store that way).

    Attributes
    ----------
    table_name:
        DynamoDB table for listener progress (``TABLE_NAME``); ``None`` means "not on AWS".
    skill_id:
        The Alexa skill id requests must carry (``SKILL_ID``); ``None`` disables the check, which
        is what the local simulator wants (``balto serve`` warns at start when it is unset).
    log_level:
        A :mod:`logging` level name (``LOG_LEVEL``, default ``INFO``).
    sqlite_path:
        File for the embedded SQLite progress store (``SERUM_RUN_DB``); used only when no table
        is configured.
    region:
        AWS region (``AWS_REGION``, which Lambda sets, else ``AWS_DEFAULT_REGION``).
    dynamodb_endpoint:
        Override of the DynamoDB endpoint (``AWS_ENDPOINT_URL_DYNAMODB``, the variable botocore
        itself honours), for DynamoDB Local or moto; ``None`` on AWS.
    log_format:
        ``text`` (default) or ``json`` (``LOG_FORMAT``): how log lines are written.
    """

    __slots__ = ()

    table_name: str | None = None
    skill_id: str | None = None
    log_level: str = DEFAULT_LOG_LEVEL
    sqlite_path: str | None = None
    region: str | None = None
    dynamodb_endpoint: str | None = None
    log_format: str = "text"

    @property
    def log_level_number(self) -> int:
        """The numeric :mod:`logging` level, ready for ``Logger.setLevel``."""
        return int(logging.getLevelName(self.log_level))

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")


def _setting(environ: Mapping[str, str], name: str) -> str | None:
    """Return a stripped setting, treating unset and blank alike (SAM passes "" for empty)."""
    value = environ.get(name, "").strip()
    return value or None


def _log_level(environ: Mapping[str, str]) -> str:
    """Normalise LOG_LEVEL, refusing unknown names so a typo fails at cold start, not silently."""
    raw = _setting(environ, "LOG_LEVEL")
    if raw is None:
        return DEFAULT_LOG_LEVEL
    level = raw.upper()
    if level not in LOG_LEVELS:
        raise ConfigError(
            f"LOG_LEVEL={raw!r} is not a logging level; use one of {', '.join(LOG_LEVELS)}."
        )
    return level


def _log_format(environ: Mapping[str, str]) -> str:
    raw = _setting(environ, "LOG_FORMAT")
    if raw is None:
        return LOG_FORMATS[0]
    if raw.lower() not in LOG_FORMATS:
        raise ConfigError(
            f"LOG_FORMAT={raw!r} is not a log format; use one of {', '.join(LOG_FORMATS)}."
        )
    return raw.lower()


def load_config(environ: Mapping[str, str] | None = None) -> Config:
    """Read the configuration from ``environ`` (default: the process environment), once.

    Raises
    ------
    ConfigError
        When a value is present but unusable (an unknown LOG_LEVEL or LOG_FORMAT, a SKILL_ID
        that is not an Alexa skill id).
    """
    env: Mapping[str, str] = os.environ if environ is None else environ
    skill_id = _setting(env, "SKILL_ID")
    if skill_id is not None and not skill_id.startswith("amzn1.ask.skill."):
        raise ConfigError(
            f"SKILL_ID={skill_id!r} does not look like an Alexa skill id "
            "(expected 'amzn1.ask.skill.<uuid>', shown in the Alexa developer console)."
        )
    return Config(
        table_name=_setting(env, "TABLE_NAME"),
        skill_id=skill_id,
        log_level=_log_level(env),
        log_format=_log_format(env),
        sqlite_path=_setting(env, "SERUM_RUN_DB"),
        region=_setting(env, "AWS_REGION") or _setting(env, "AWS_DEFAULT_REGION"),
        dynamodb_endpoint=_setting(env, "AWS_ENDPOINT_URL_DYNAMODB"),
    )
