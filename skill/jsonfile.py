"""Read a JSON data file, turning every failure into one clear, typed error.

The fact store, the story chapters and the interaction model are all JSON files a person edits by
hand; whichever one is broken, the message names the file and says what is wrong with it.
Standard library only: the pure packages use it.
"""

from __future__ import annotations

import json
import os
from typing import Any


def read_json(path: str | os.PathLike[str], error: type[Exception], what: str) -> Any:
    """Parse ``path``; raise ``error("<path>: ...")`` if it can't be read or isn't JSON.

    ``what`` names the file's role in the message ("the chapters file", "the model file").
    """
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as exc:
        raise error(f"{path}: cannot read {what} ({exc.strerror})") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from exc
