"""Wire the simulator: find the model, build the NLU engine and the skill handler.

Kept apart from the CLI so tests and the dialog runner assemble conversations the same way.
The skill's handler comes from the one composition root, ``skill.alexa.skill_factory``.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from balto.nlu import NluEngine, load_model
from balto.simulator import envelopes
from balto.simulator.session import Conversation, Handler
from skill.alexa.skill_factory import handler_from_config
from skill.config import Config

#: The package holding the interaction models: the top-level ``interaction_model/`` folder,
#: mapped to this name in pyproject.toml, so a wheel install finds the same files.
MODELS_PACKAGE = "balto.interaction_model"

#: Models of packages that do not live in plain folders (a zip) are extracted once per process.
_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


class SimulatorSetupError(RuntimeError):
    """The simulator cannot start; the message says what is missing and how to fix it."""


def model_dir() -> Traversable:
    """The installed interaction models (``interaction_model/`` in a checkout)."""
    try:
        return resources.files(MODELS_PACKAGE)
    except ModuleNotFoundError as error:
        raise SimulatorSetupError(
            f"the interaction models ({MODELS_PACKAGE}) are not installed: "
            "install the project (pip install -e . in a checkout)") from error


def model_files() -> list[Traversable]:
    """Every locale's model, sorted by locale."""
    return sorted((f for f in model_dir().iterdir() if f.name.endswith(".json")),
                  key=lambda f: f.name)


def available_locales() -> list[str]:
    """The locales with an installed interaction model ("en-AU", "en-CA", ...)."""
    return [f.name.removesuffix(".json") for f in model_files()]


def on_disk(resource: Traversable) -> Path:
    """A file-system path for a packaged file (the file itself unless the package is zipped)."""
    if isinstance(resource, Path):
        return resource
    return _extracted.enter_context(resources.as_file(resource))


def model_path(locale: str = "en-US", explicit: str | Path | None = None) -> Path:
    """The interaction model for ``locale`` (or the explicit path given)."""
    if explicit is not None:
        return Path(explicit)
    resource = model_dir() / f"{locale}.json"
    if not resource.is_file():
        available = available_locales()
        raise SimulatorSetupError(
            f"no interaction model for locale {locale!r}"
            + (f"; available: {', '.join(available)}" if available else ""))
    return on_disk(resource)


@functools.lru_cache(maxsize=8)
def _engine(path: str, mtime: float) -> NluEngine:
    return NluEngine(load_model(path))


def engine_for(path: str | Path) -> NluEngine:
    """A compiled engine for a model file, cached until the file changes."""
    resolved = Path(path).resolve()
    try:
        mtime = resolved.stat().st_mtime
    except OSError:
        mtime = 0.0
    return _engine(str(resolved), mtime)


def skill_handler(config: Config | None = None) -> Handler:
    """The skill's handler from ``config`` (default: no progress store), the way every front
    door builds it; a setup failure becomes one readable :class:`SimulatorSetupError`."""
    try:
        return handler_from_config(config or Config())
    except Exception as error:  # noqa: BLE001 - data and store errors surface as one line
        raise SimulatorSetupError(f"the skill cannot be built: {error}") from error


def default_user_name() -> str:
    """The OS user name ("local" when there is none): whose progress a local tool uses."""
    try:
        import getpass

        return getpass.getuser()
    except (ImportError, KeyError, OSError):
        return "local"


def user_id_for(name: str | None) -> str:
    """A stable user id from --user, else from the OS user name."""
    if name and name.startswith("amzn1.ask.account."):
        return name
    return envelopes.local_user_id(name or default_user_name())


def conversation(*, locale: str = "en-US", model: str | Path | None = None,
                 user: str | None = None, db: str | Path | None = None,
                 handler: Handler | None = None, device: str = "speaker") -> Conversation:
    """A ready conversation: model -> engine, skill -> handler, user id, persistence, and the
    device that sends the requests (a name in envelopes.DEVICES)."""
    envelopes.device_context(device)  # an unknown device fails here, before anything is built
    engine = engine_for(model_path(locale, model))
    if handler is None:
        handler = skill_handler(Config(sqlite_path=str(db)) if db is not None else None)
    return Conversation(handler=handler, engine=engine, user_id=user_id_for(user), locale=locale,
                        device=device)
