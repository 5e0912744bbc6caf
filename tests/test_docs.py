"""Docs are part of the product: these fail when a command or setting is undocumented."""

from __future__ import annotations

import re
from pathlib import Path

from onward.cli.app import app
from onward.cli.reference import generate
from onward.config import Settings

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_matches_the_commands() -> None:
    expected = generate(app)
    actual = (ROOT / "docs" / "cli.md").read_text()
    assert actual == expected, "run: python -m onward.cli.reference > docs/cli.md"


def test_every_setting_is_documented() -> None:
    text = (ROOT / "docs" / "configuration.md").read_text()
    for name in Settings.names():
        assert f"`{name}`" in text, name


def test_readme_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", readme, re.S)
    assert blocks, "README needs a command block"
    first = blocks[0].split()
    assert first[:2] == ["make", "run"] and "make" in first[2:] and "test" in first[2:]


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_the_architecture_page_names_every_package_and_layer() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    package = ROOT / "src" / "onward"
    parts = [p.name for p in package.iterdir() if (p / "__init__.py").is_file()]
    parts += [p.name for p in package.glob("*.py") if not p.name.startswith("__")]
    missing = [name for name in parts if f"`{name}/`" not in text and f"`{name}`" not in text]
    assert missing == [], "describe them in docs/architecture.md"
    assert "docs/architecture.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_decision_records_are_numbered_without_gaps() -> None:
    numbers = sorted(int(p.name[:4]) for p in (ROOT / "docs" / "decisions").glob("[0-9]*.md"))
    assert numbers == list(range(1, len(numbers) + 1))


def test_code_does_not_point_at_tracker_issues() -> None:
    pattern = re.compile(r"\bissue\s+#?\d+", re.I)
    files = [p for d in ("src", "tests", "bench", "tools") for p in (ROOT / d).rglob("*.py")]
    assert [str(p.relative_to(ROOT)) for p in files if pattern.search(p.read_text())] == []
