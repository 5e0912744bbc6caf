"""docs/glossary.md matches the code: every module, table, command, route and template it
names exists, and no module or table takes one of its retired names again."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from onward.cli.app import app
from onward.db.tables import metadata
from onward.web.pages import ROUTERS, SERVER_ROUTERS

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "onward"
TEMPLATES = PACKAGE / "web" / "templates"
COLUMNS = ("name", "what", "engine", "services", "table", "cli", "route", "template")

#: Stems no module may take again (docs/glossary.md, "Retired names").
RETIRED_MODULES = {
    "momentum", "wellbeing", "connections", "improvement", "mail_outbound", "sent_drafts",
    "drafts_out", "outbound", "agenda",
}  # fmt: skip
RETIRED_TABLES = {"improvement_items", "activities"}  # former names


def _rows() -> list[dict[str, str]]:
    lines = (ROOT / "docs" / "glossary.md").read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| Name |"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split(" | ")]
        assert len(cells) == len(COLUMNS), line
        rows.append(dict(zip(COLUMNS, cells, strict=True)))
    return rows


ROWS = _rows()


def named(column: str) -> list[str]:
    """Everything the glossary names in ``column``, in `backticks`."""
    return [found for row in ROWS for found in re.findall(r"`([^`]+)`", row[column])]


def test_the_glossary_has_one_line_per_concept() -> None:
    names = [row["name"] for row in ROWS]
    assert len(names) == len(set(names)) > 30


@pytest.mark.parametrize("column", ["engine", "services"])
def test_every_module_named_exists(column: str) -> None:
    missing = [path for path in named(column) if not (PACKAGE / path).is_file()]
    assert missing == []


def test_every_table_named_exists() -> None:
    assert set(named("table")) - set(metadata.tables) == set()


def test_every_command_named_exists() -> None:
    root = typer.main.get_command(app)
    missing = []
    for command in named("cli"):
        words = command.split()
        assert words[0] == "onward", command
        group = root
        for word in words[1:]:
            lookup = getattr(group, "get_command", None)  # typer bundles its own click
            found = lookup(root.context_class(group), word) if lookup else None
            if found is None:
                missing.append(command)
                break
            group = found
    assert missing == []


def test_every_route_and_template_named_exists() -> None:
    routers = (*ROUTERS, *SERVER_ROUTERS)  # the server's own pages (sign-in, admin) too
    paths = {getattr(route, "path", None) for router in routers for route in router.routes}
    assert set(named("route")) - paths == set()
    assert [t for t in named("template") if not (TEMPLATES / t).is_file()] == []


def test_no_module_or_table_takes_a_retired_name() -> None:
    modules = [
        path.relative_to(ROOT)
        for top in (PACKAGE, ROOT / "tests")
        for path in top.rglob("*.py")
        if path.stem in RETIRED_MODULES or path.stem.removeprefix("test_") in RETIRED_MODULES
    ]
    assert modules == []
    assert not (PACKAGE / "domain" / "playbook" / "plan.py").exists()  # the tasks' rules
    assert RETIRED_TABLES & set(metadata.tables) == set()
