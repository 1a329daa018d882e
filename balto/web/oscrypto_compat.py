"""Make oscrypto 1.3.0 importable on OpenSSL >= 3.0.10 without weakening anything.

Why this exists
---------------
flask-ask-sdk -> ask-sdk-webservice-support -> certvalidator -> oscrypto. oscrypto 1.3.0 (the last
release on PyPI) reads the libcrypto version with the regex ``\\b(\\d\\.\\d\\.\\d[a-z]*)\\b``, which
cannot parse a two-digit patch number such as "OpenSSL 3.0.19". The import then fails with
``LibraryNotFoundError: Error detecting the version of libcrypto`` and certificate-chain validation
(the part of Alexa request verification that certvalidator does) is impossible.

Upstream fixed the regex on master (wbond/oscrypto issue #75, pull request #76, commit d5f3437) to
``\\b(\\d+\\.\\d+\\.\\d+[a-z]*)\\b`` but has not released it (issues #78 and #81). Patching files in
site-packages would not survive a fresh install, and disabling verification is not acceptable, so
this module installs an import hook that applies exactly that one-regex change, in memory, to the
two oscrypto modules that contain it, and to nothing else.

Guarantees
----------
- Only ``oscrypto._openssl._libcrypto_cffi`` and ``oscrypto._openssl._libcrypto_ctypes`` are
  touched.
- The installed source is read, the old regex literal is replaced by the upstream one, and the
  result is compiled with the original file name (tracebacks still point at the real file). No
  bytecode is written, so the installed package and its ``__pycache__`` stay pristine.
- If the old literal is absent (a fixed oscrypto is installed), the hook steps aside and the normal
  import machinery loads the module untouched.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
import threading
from collections.abc import Sequence
from types import ModuleType

#: The modules that carry the broken version regex (the cffi and the ctypes backend).
TARGET_MODULES: frozenset[str] = frozenset(
    {"oscrypto._openssl._libcrypto_cffi", "oscrypto._openssl._libcrypto_ctypes"}
)

#: The regex literal exactly as it appears in oscrypto 1.3.0's source text.
OLD_VERSION_LITERAL = r"'\\b(\\d\\.\\d\\.\\d[a-z]*)\\b'"
#: The literal upstream master uses instead (one or more digits in every component).
NEW_VERSION_LITERAL = r"'\\b(\\d+\\.\\d+\\.\\d+[a-z]*)\\b'"

_install_lock = threading.Lock()


def patch_source(source: str) -> str | None:
    """Return ``source`` with the upstream regex fix applied, or None when there is nothing to fix.

    None means "leave this module alone": the old literal is not there, so either oscrypto already
    carries the fix or its code changed in a way this shim was not written for.
    """
    if OLD_VERSION_LITERAL not in source:
        return None
    return source.replace(OLD_VERSION_LITERAL, NEW_VERSION_LITERAL)


class _PatchedSourceLoader(importlib.abc.Loader):
    """Executes an already-patched module source; never reads or writes bytecode caches."""

    def __init__(self, fullname: str, origin: str, source: str) -> None:
        self._fullname = fullname
        self._origin = origin
        self._source = source

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return None  # default module creation

    def exec_module(self, module: ModuleType) -> None:
        code = compile(self._source, self._origin, "exec", dont_inherit=True)
        exec(code, module.__dict__)  # noqa: S102 - executing the installed module's own source

    def get_source(self, fullname: str) -> str:
        """Lets ``inspect``/``linecache`` show the code that actually ran."""
        return self._source


class OscryptoVersionFinder(importlib.abc.MetaPathFinder):
    """Meta-path finder that serves the two oscrypto libcrypto modules with the regex fixed."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in TARGET_MODULES:
            return None
        original = importlib.machinery.PathFinder.find_spec(fullname, path)
        if original is None or not original.has_location or original.origin is None:
            return None
        if not original.origin.endswith(".py"):
            return None  # a compiled/frozen build: nothing we can (or should) rewrite
        with open(original.origin, encoding="utf-8") as handle:
            patched = patch_source(handle.read())
        if patched is None:
            return None
        loader = _PatchedSourceLoader(fullname, original.origin, patched)
        spec = importlib.util.spec_from_file_location(fullname, original.origin, loader=loader)
        return spec


def is_installed() -> bool:
    """True when the finder is on ``sys.meta_path``."""
    return any(isinstance(finder, OscryptoVersionFinder) for finder in sys.meta_path)


def install() -> None:
    """Put the finder first on ``sys.meta_path`` (idempotent, thread-safe).

    Call this before anything imports certvalidator, oscrypto or flask_ask_sdk. A module that is
    already imported is not re-imported; a module whose import failed earlier is not in
    ``sys.modules`` and is loaded through the finder on the next attempt.
    """
    with _install_lock:
        if not is_installed():
            sys.meta_path.insert(0, OscryptoVersionFinder())


def uninstall() -> None:
    """Remove the finder (used by tests that compare patched and unpatched behaviour)."""
    with _install_lock:
        sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, OscryptoVersionFinder)]
