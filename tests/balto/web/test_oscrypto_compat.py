"""The oscrypto shim: fixes exactly the version regex, leaves everything else alone.

The import-level checks run in a fresh interpreter so that this process's already-imported
oscrypto cannot hide a failure.
"""

from __future__ import annotations

import re
import ssl
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from balto.web import oscrypto_compat

REPO = Path(__file__).resolve().parents[3]


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_literals_are_the_upstream_regexes() -> None:
    old = eval(oscrypto_compat.OLD_VERSION_LITERAL)  # noqa: S307 - our own constant
    new = eval(oscrypto_compat.NEW_VERSION_LITERAL)  # noqa: S307
    assert old == "\\b(\\d\\.\\d\\.\\d[a-z]*)\\b"
    assert new == "\\b(\\d+\\.\\d+\\.\\d+[a-z]*)\\b"
    for banner, version in [
        ("OpenSSL 3.0.19 27 Jan 2026", "3.0.19"),
        ("OpenSSL 3.0.9 30 May 2023", "3.0.9"),
        ("OpenSSL 1.1.1w  11 Sep 2023", "1.1.1w"),
        ("OpenSSL 3.10.100 1 Jan 2040", "3.10.100"),
    ]:
        match = re.search(new, banner)
        assert match is not None and match.group(1) == version
    assert re.search(old, "OpenSSL 3.0.19 27 Jan 2026") is None


def test_patch_source_changes_only_the_version_literal() -> None:
    source = (
        "x = 1\nversion_match = re.search("
        + oscrypto_compat.OLD_VERSION_LITERAL
        + ", version_string)\nother = 'keep'\n"
    )
    patched = oscrypto_compat.patch_source(source)
    assert patched == source.replace(
        oscrypto_compat.OLD_VERSION_LITERAL, oscrypto_compat.NEW_VERSION_LITERAL
    )
    assert oscrypto_compat.patch_source(patched) is None  # already fixed: leave it alone


@pytest.mark.parametrize("module", sorted(oscrypto_compat.TARGET_MODULES))
def test_installed_oscrypto_sources_still_carry_the_old_literal_or_are_fixed(module: str) -> None:
    """Documents which case this machine is in; the shim must handle both."""
    import importlib.util

    spec = importlib.machinery.PathFinder.find_spec(
        module, [str(Path(importlib.util.find_spec("oscrypto").origin).parent / "_openssl")]
    )
    assert spec is not None and spec.origin is not None
    source = Path(spec.origin).read_text(encoding="utf-8")
    assert (
        oscrypto_compat.OLD_VERSION_LITERAL in source
        or oscrypto_compat.NEW_VERSION_LITERAL in source
    )


@pytest.mark.parametrize("backend", ["cffi", "ctypes"])
def test_with_the_shim_oscrypto_reports_the_real_openssl_version(backend: str) -> None:
    result = run_python(
        f"""
        from balto.web import oscrypto_compat
        oscrypto_compat.install()
        import oscrypto
        if {backend!r} == "ctypes":
            oscrypto.use_ctypes()
        from oscrypto._openssl._libcrypto import libcrypto_version_info
        from oscrypto import ffi
        print(ffi(), ".".join(map(str, libcrypto_version_info[:3])))
        """
    )
    assert result.returncode == 0, result.stderr
    reported_backend, version = result.stdout.split()
    assert reported_backend == backend
    expected = re.search(r"(\d+\.\d+\.\d+)", ssl.OPENSSL_VERSION)
    assert expected is not None
    # oscrypto loads the system libcrypto; Python's ssl module normally links the same one.
    assert version.split(".")[0] == expected.group(1).split(".")[0]


def test_without_the_shim_the_failure_is_the_known_one() -> None:
    """Documents why the shim exists: unpatched, oscrypto 1.3.0 cannot read "3.0.1x" versions."""
    result = run_python(
        """
        import certvalidator
        print("imported")
        """
    )
    if result.returncode == 0:
        # a fixed oscrypto, or an OpenSSL whose version the old regex can still read
        assert result.stdout.strip() == "imported"
    else:
        assert "Error detecting the version of libcrypto" in result.stderr


def test_flask_ask_sdk_imports_with_the_shim() -> None:
    result = run_python(
        """
        from balto.web import oscrypto_compat
        oscrypto_compat.install()
        import flask_ask_sdk.skill_adapter, certvalidator
        print("ok")
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


@pytest.mark.parametrize(
    "module",
    [
        "balto.web.app",
        "balto.web.verification",
        "balto.web.cert_chain",
        "balto.web.replay",
    ],
)
def test_importing_any_verification_module_first_needs_no_manual_step(module: str) -> None:
    """Each module that (indirectly) imports certvalidator installs the fix itself first."""
    result = run_python(f"import {module}; print('ok')")
    assert result.returncode == 0, result.stderr


def test_shim_leaves_installed_files_and_bytecode_untouched(tmp_path: Path) -> None:
    """No .pyc of the patched code is written: the installed package stays as pip left it."""
    result = run_python(
        """
        import sys
        sys.dont_write_bytecode = False
        from balto.web import oscrypto_compat
        oscrypto_compat.install()
        import oscrypto._openssl._libcrypto_cffi as m
        print(m.__file__)
        print(type(m.__spec__.loader).__name__)
        """
    )
    assert result.returncode == 0, result.stderr
    path_line, loader_name = result.stdout.split()
    source = Path(path_line).read_text(encoding="utf-8")
    if oscrypto_compat.OLD_VERSION_LITERAL in source:
        assert loader_name == "_PatchedSourceLoader"
        cache = Path(path_line).parent / "__pycache__"
        for pyc in cache.glob("_libcrypto_cffi.*.pyc"):
            assert oscrypto_compat.NEW_VERSION_LITERAL.encode() not in pyc.read_bytes()
    else:
        assert loader_name == "SourceFileLoader"


def test_shim_ignores_other_modules() -> None:
    finder = oscrypto_compat.OscryptoVersionFinder()
    assert finder.find_spec("oscrypto._openssl._libssl_cffi", None) is None
    assert finder.find_spec("json", None) is None


def test_install_is_idempotent() -> None:
    oscrypto_compat.install()
    oscrypto_compat.install()
    assert sum(isinstance(f, oscrypto_compat.OscryptoVersionFinder) for f in sys.meta_path) == 1
