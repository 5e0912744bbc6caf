"""The package ships the product: its code and the data it reads, not the tools that made the
data (tools/) nor the test helpers (tests/support/). `python -m build` shows the wheel itself;
docs/architecture.md lists what it holds."""

from __future__ import annotations

import ast
import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "onward"
DEVELOPMENT_ONLY = {"tools", "tests", "bench"}


def package_data_globs() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs: list[str] = config["tool"]["setuptools"]["package-data"]["onward"]
    return globs


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_no_module_of_the_package_imports_a_development_tool() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_roots(path) & DEVELOPMENT_ONLY)
        for path in modules()
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_generators_and_builders_live_outside_the_package() -> None:
    for tool in ("tools/corpus/generate.py", "tools/skills/build.py"):
        assert (ROOT / tool).is_file(), tool
    assert (ROOT / "tests" / "support" / "synthetic_mail.py").is_file()
    # The corpus folder holds data (and the __init__ that makes it readable), no code.
    corpus = PACKAGE / "understand" / "corpus"
    assert sorted(p.name for p in corpus.glob("*.py")) == ["__init__.py"]
    # The only runnable module besides `python -m onward` writes the CLI reference to stdout.
    scripts = [p for p in modules() if '__name__ == "__main__"' in p.read_text(encoding="utf-8")]
    assert [p.relative_to(PACKAGE).as_posix() for p in scripts] == ["cli/reference.py"]


def test_every_data_file_in_the_package_is_declared_package_data() -> None:
    globs = [pattern.removeprefix("**/") for pattern in package_data_globs()]
    data = [
        path
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    ]
    assert len(data) > 50
    missing = [str(p.relative_to(ROOT)) for p in data if not any(fnmatch(p.name, g) for g in globs)]
    assert missing == []


def test_word_lists_are_data_files_the_code_reads() -> None:
    from onward.mail.prefilter import job_words, strong_words
    from onward.understand.names import platforms

    words = PACKAGE / "understand" / "words"
    assert {"platforms.txt", "name_endings.txt", "plain.txt"} <= {p.name for p in words.iterdir()}
    assert "greenhouse" in platforms() and "interview" in strong_words()
    assert len(job_words()) > len(strong_words()) > 50


def test_the_sdist_leaves_out_what_builds_tests_and_describes_the_product() -> None:
    """MANIFEST.in prunes every folder at the root but src/ (`.ci/wheel-check` builds the sdist
    and checks its contents for real)."""
    pruned = {
        line.split()[1]
        for line in (ROOT / "MANIFEST.in").read_text(encoding="utf-8").splitlines()
        if line.startswith("prune ")
    }
    untracked = {"src", ".git", ".venv", "artifacts", "build", "dist", "__pycache__"}
    folders = {p.name for p in ROOT.iterdir() if p.is_dir()} - untracked
    tracked = {name for name in folders if not name.endswith("cache")}
    assert tracked <= pruned, sorted(tracked - pruned)
    assert DEVELOPMENT_ONLY | {"docs", ".ci"} <= pruned


def test_running_needs_no_test_tool() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    runtime = " ".join(config["project"]["dependencies"]).lower()
    for tool in ("pytest", "ruff", "mypy", "playwright", "build", "import-linter", "fpdf2"):
        assert tool not in runtime, tool
    dev = " ".join(config["project"]["optional-dependencies"]["dev"]).lower()
    assert "pytest" in dev and "build" in dev
