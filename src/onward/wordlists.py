"""Word lists that ship as data files, read once per process and only when first needed.

A list is a UTF-8 text file inside a package, one entry a line; blank lines and lines that
start with ``#`` are left out, and each entry keeps its order (some callers sort by length,
and a stable sort then depends on it). The files live beside the code that reads them:
``understand/words/`` (company-name cleaning, evidence phrases) and ``mail/words/`` (the
prefilter); ``pyproject.toml`` ships ``*.txt`` as package data.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["word_list", "word_set"]


@cache
def word_list(package: str, name: str) -> tuple[str, ...]:
    """The entries of ``words/<name>.txt`` in ``package``, in file order."""
    text = resources.files(package).joinpath("words", f"{name}.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def word_set(package: str, name: str) -> frozenset[str]:
    """The same entries as a set, for membership tests."""
    return frozenset(word_list(package, name))
