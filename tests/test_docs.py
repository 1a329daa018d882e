"""The README stays short and true to CI; every link in the docs leads somewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
DOCS = sorted((REPO / "docs").glob("*.md"))
LINK = re.compile(r"\]\(([^)\s]+)\)")


def _anchor(heading: str) -> str:
    """GitHub's anchor for a heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def test_readme_is_short_enough_to_read_to_the_end() -> None:
    assert len(README.read_text().splitlines()) < 200


def test_quick_start_has_the_two_commands_and_ci_runs_the_second_verbatim() -> None:
    text = README.read_text()
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.+?)\n```", quick, re.DOTALL)
    assert len(commands) == 2
    assert commands[0].endswith("balto chat")
    assert commands[1] in (REPO / ".ci" / "run").read_text()


def test_internal_working_notes_are_not_shipped() -> None:
    assert not (REPO / "docs" / "HELPERS.md").exists()


@pytest.mark.parametrize("page", [README, *DOCS], ids=lambda p: p.name)
def test_every_relative_link_resolves(page: Path) -> None:
    for target in LINK.findall(page.read_text()):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        assert file.exists(), f"{page.name}: {target} does not exist"
        if anchor and file.suffix == ".md":
            headings = re.findall(r"^#+ (.+)$", file.read_text(), re.MULTILINE)
            assert anchor in {_anchor(h) for h in headings}, f"{page.name}: no #{anchor}"


def test_docs_named_in_code_and_docs_exist() -> None:
    named = set()
    for path in [*REPO.glob("skill/**/*.py"), *REPO.glob("scripts/*.py"), README, *DOCS,
                 *REPO.glob(".ci/*")]:
        named.update(re.findall(r"docs/[\w.-]+\.md", path.read_text(errors="replace")))
    missing = sorted(name for name in named if not (REPO / name).exists())
    assert missing == []
