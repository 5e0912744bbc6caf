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
