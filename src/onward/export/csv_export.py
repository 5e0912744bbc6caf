"""CSV exports: one row per application (with the date of each stage), or one per stage event.

A text cell a spreadsheet might run as a formula is written with a leading apostrophe, so an
exported note can never execute. The rule (docs/security.md) is strict: a cell is marked when
it begins with an invisible or blank character (space, tab, line break, NBSP, BOM, zero-width
space or joiner: a spreadsheet may skip them) or with a formula sign in any width (= + - @ and
their full-width and small forms, the minus sign). A cell that itself begins with an apostrophe
is marked too, so :func:`unneutralize` returns every exported value exactly as it was.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable, Iterator
from typing import IO, Any

from onward.domain.pipeline import Stage
from onward.domain.records import Application

#: Signs that start a formula, after NFKC folds full-width (＝) and small (﹦) forms to ASCII.
FORMULA_SIGNS = frozenset("=+-@\u2212")
#: Unicode categories of characters a spreadsheet may skip before a formula sign: separators
#: (space, NBSP), controls (tab, CR, LF) and format characters (BOM, zero-width space, joiners).
BLANK_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf"})
MARK = "'"

SUMMARY_COLUMNS = (
    "id",
    "company",
    "role",
    "job_ref",
    "url",
    "location",
    "channel",
    "salary_min",
    "salary_max",
    "salary_currency",
    "excitement",
    "resume_version",
    "tailored",
    "tags",
    "stage",
    "stage_on",
    *(f"{stage.value}_date" for stage in Stage),
    "interview_rounds",
    "notes",
    "archived",
)

HISTORY_COLUMNS = ("application_id", "company", "role", "date", "stage", "round", "note", "source")


def needs_mark(text: str) -> bool:
    """True when ``text`` could be read as a formula, or begins with the mark itself."""
    if not text:
        return False
    first = text[0]
    if first == MARK or unicodedata.category(first) in BLANK_CATEGORIES:
        return True
    return first in FORMULA_SIGNS or unicodedata.normalize("NFKC", first)[:1] in FORMULA_SIGNS


def neutralize(value: Any) -> Any:
    """Make a text cell safe to open in a spreadsheet; other values pass unchanged."""
    if isinstance(value, str) and needs_mark(value):
        return MARK + value
    return value


def unneutralize(value: str) -> str:
    """Undo ``neutralize`` when reading a cell back: the mark goes only when ``neutralize``
    would have put it there, so a hand-typed "'90s Diner" keeps its apostrophe."""
    if value.startswith(MARK) and needs_mark(value[1:]):
        return value[1:]
    return value


def summary_rows(apps: Iterable[Application]) -> Iterator[list[Any]]:
    for app in apps:
        f = app.fields
        first: dict[Stage, str] = {}
        for event in app.events:
            first.setdefault(event.stage, event.occurred_on.isoformat())
        rounds = max((e.round or 0 for e in app.events if e.stage == Stage.INTERVIEW), default=0)
        yield [
            app.id,
            f.company,
            f.role,
            f.job_ref,
            f.url,
            f.location,
            f.channel.value if f.channel else None,
            f.salary_min,
            f.salary_max,
            f.salary_currency,
            f.excitement,
            f.resume_version,
            {True: "yes", False: "no", None: None}[f.tailored],
            ";".join(f.tags),
            app.stage.value,
            app.stage_on.isoformat(),
            *(first.get(stage) for stage in Stage),
            rounds or None,
            f.notes,
            "yes" if app.archived_at else "no",
        ]


def history_rows(apps: Iterable[Application]) -> Iterator[list[Any]]:
    for app in apps:
        for event in app.events:
            yield [
                app.id,
                app.company,
                app.role,
                event.occurred_on.isoformat(),
                event.stage.value,
                event.round,
                event.note,
                event.source,
            ]


def write_csv(handle: IO[str], columns: Iterable[str], rows: Iterable[list[Any]]) -> int:
    """Write ``rows`` under a header; returns how many rows were written."""
    writer = csv.writer(handle)
    writer.writerow(list(columns))
    count = 0
    for row in rows:
        writer.writerow(["" if v is None else neutralize(v) for v in row])
        count += 1
    return count
