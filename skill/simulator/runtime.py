"""Wire the simulator: find the model, build the NLU engine and the skill handler.

Kept apart from the CLI so tests and the dialog runner assemble conversations the same way.
The skill itself comes from the one composition root, ``skill.alexa.skill_factory``.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from skill.nlu import NluEngine, load_model
from skill.simulator import envelopes
from skill.simulator.session import Conversation, Handler

REPO_ROOT = Path(__file__).resolve().parents[2]
MODEL_DIR = REPO_ROOT / "interaction_model"


class SimulatorSetupError(RuntimeError):
    """The simulator cannot start; the message says what is missing and how to fix it."""


def model_path(locale: str = "en-US", explicit: str | Path | None = None) -> Path:
    """The interaction model for ``locale`` (or the explicit path given)."""
    if explicit is not None:
        return Path(explicit)
    path = MODEL_DIR / f"{locale}.json"
    if not path.exists():
        available = sorted(p.stem for p in MODEL_DIR.glob("*.json")) if MODEL_DIR.is_dir() else []
        raise SimulatorSetupError(
            f"no interaction model for locale {locale!r} at {path}"
            + (f"; available: {', '.join(available)}" if available else ""))
    return path


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


def sqlite_persistence(path: str | Path) -> Any:
    """The embedded progress store, with a clear error if it cannot be used."""
    try:
        from skill.alexa.sqlite_persistence import SQLitePersistenceAdapter
    except ImportError as error:  # pragma: no cover - depends on another module landing
        raise SimulatorSetupError(
            f"the SQLite progress store is not available ({error}); run without --db") from error
    try:
        return SQLitePersistenceAdapter(path)
    except Exception as error:  # noqa: BLE001 - any failure to open becomes a setup error
        raise SimulatorSetupError(str(error)) from error


def skill_handler(persistence: Any = None) -> Handler:
    """The lambda-style handler over a freshly built skill."""
    try:
        from skill.alexa.skill_factory import build_skill, make_handler
    except ImportError as error:  # pragma: no cover - depends on another module landing
        raise SimulatorSetupError(f"the skill cannot be imported: {error}") from error
    try:
        return make_handler(build_skill(persistence=persistence))
    except Exception as error:  # noqa: BLE001 - data errors surface as one readable line
        raise SimulatorSetupError(f"the skill cannot be built: {error}") from error


def user_id_for(name: str | None) -> str:
    """A stable user id from --user, else from the OS user name."""
    if name and name.startswith("amzn1.ask.account."):
        return name
    if not name:
        try:
            import getpass

            name = getpass.getuser()
        except (ImportError, KeyError, OSError):
            name = "local"
    return envelopes.local_user_id(name)


def conversation(*, locale: str = "en-US", model: str | Path | None = None,
                 user: str | None = None, db: str | Path | None = None,
                 handler: Handler | None = None) -> Conversation:
    """A ready conversation: model -> engine, skill -> handler, user id, persistence."""
    engine = engine_for(model_path(locale, model))
    if handler is None:
        handler = skill_handler(sqlite_persistence(db) if db is not None else None)
    return Conversation(handler=handler, engine=engine, user_id=user_id_for(user), locale=locale)
