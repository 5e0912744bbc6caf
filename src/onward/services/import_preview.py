"""Look before you import: what a JSON backup would restore, and how a CSV tracker's columns
map and which lines would fail, all checked in a transaction that is rolled back. Confirming
runs the real import, one transaction, all or nothing."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.pipeline import Stage
from onward.domain.records import Owner
from onward.errors import ImportFailed, InvalidInput, OnwardError, Problem
from onward.export import backup_file
from onward.export.csv_import import IGNORE, SYNONYMS, ParsedRow, parse_csv
from onward.services.transfer import (
    ALL,
    ImportResult,
    backup_database,
    import_backup,
    import_csv,
)
from onward.services.uploads import StagedFile, discard_upload

SAMPLE_ROWS = 5
MAX_PROBLEMS = 200


@dataclass(frozen=True)
class BackupPreview:
    upload: StagedFile
    applications: int
    contacts: int
    #: Records this owner has now (a restore into a non-empty database replaces them).
    existing: int
    #: Why it cannot be restored, when it cannot.
    problem: str | None = None
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class CsvPreview:
    upload: StagedFile
    headings: tuple[str, ...]
    #: Column heading → Onward field (only mapped columns).
    mapping: dict[str, str]
    ignored: tuple[str, ...]
    sample: tuple[ParsedRow, ...]
    result: ImportResult | None
    problem: str | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def ready(self) -> bool:
        return self.result is not None and self.problem is None


def csv_fields() -> tuple[tuple[str, str], ...]:
    """Every field a column can map to, as ``(value, label)``, plus "do not import"."""
    plain = [(name, name.replace("_", " ")) for name in SYNONYMS]
    dates = [(f"date:{s.value}", f"date of {s.value}") for s in Stage]
    return ((IGNORE, "— not imported —"), *plain, *dates)


def preview_backup(store: Store, owner: Owner, upload: StagedFile) -> BackupPreview:
    """What restoring ``upload`` would bring in; a dry run (rolled back) finds any problem."""
    with store.transaction() as tx:
        existing = tx.applications.count(owner.id, ALL) + len(tx.contacts.query(owner.id))
    try:
        backup = backup_file.parse_backup(upload.text, upload.name)
    except ImportFailed as exc:
        return BackupPreview(upload, 0, 0, existing, exc.message, tuple(exc.problems))
    apps, contacts = len(backup.applications), len(backup.contacts)
    try:
        import_backup(store, owner, upload.text, upload.name, replace=True, dry_run=True)
    except ImportFailed as exc:
        return BackupPreview(upload, apps, contacts, existing, exc.message, tuple(exc.problems))
    except OnwardError as exc:
        return BackupPreview(upload, apps, contacts, existing, str(exc))
    return BackupPreview(upload, apps, contacts, existing)


def restore_upload(
    store: Store,
    owner: Owner,
    home: Path,
    upload: StagedFile,
    clock: Clock,
    *,
    database_url: str,
    backup_dir: Path,
    keep: int,
) -> tuple[ImportResult, Path | None]:
    """Restore the backup, replacing this owner's data; the current data is backed up first
    when there is any. Returns the result and where the safety backup went."""
    with store.transaction() as tx:
        existing = tx.applications.count(owner.id, ALL) + len(tx.contacts.query(owner.id))
    safety = None
    if existing:
        safety = backup_database(store, owner, database_url, backup_dir, keep, clock)
    result = import_backup(store, owner, upload.text, upload.name, replace=True)
    discard_upload(home, upload.token, upload.kind)
    return result, safety


def headings_of(text: str) -> tuple[str, ...]:
    try:
        first = next(csv.reader(io.StringIO(text.lstrip("\ufeff"))), [])
    except csv.Error as exc:
        raise InvalidInput(f"line 1: {exc}") from None
    return tuple(first)


def check_mapping(headings: tuple[str, ...], chosen: Mapping[str, str]) -> dict[str, str]:
    """The person's choices as overrides; refuse two columns mapped to one field."""
    seen: dict[str, str] = {}
    for heading, target in chosen.items():
        if target == IGNORE:
            continue
        if target in seen:
            raise InvalidInput(
                f"the columns {seen[target]!r} and {heading!r} both map to "
                f"{target.replace('_', ' ')}",
                hint="choose one of them, and “— not imported —” for the other",
            )
        seen[target] = heading
    unknown = set(chosen) - set(headings)
    if unknown:
        raise InvalidInput(f"no column {sorted(unknown)[0]!r} in this file")
    return dict(chosen)


def preview_csv(
    store: Store,
    owner: Owner,
    upload: StagedFile,
    clock: Clock,
    *,
    overrides: Mapping[str, str] | None = None,
    date_format: str | None = None,
) -> CsvPreview:
    """How the columns map, the first rows as Onward reads them, every problem with its line
    number, and how many applications an import would add (a dry run, rolled back)."""
    try:
        headings = headings_of(upload.text)
        chosen = check_mapping(headings, overrides or {})
        parsed = parse_csv(upload.text, clock.today(), overrides=chosen, date_format=date_format)
    except InvalidInput as exc:
        return CsvPreview(upload, headings_of_safe(upload.text), {}, (), (), None, str(exc))
    base = CsvPreview(
        upload,
        headings,
        dict(parsed.mapping),
        tuple(parsed.ignored_columns),
        tuple(parsed.rows[:SAMPLE_ROWS]),
        None,
    )
    if parsed.problems:
        return _with_problem(
            base,
            f"{len(parsed.problems)} row(s) cannot be imported; nothing was imported",
            parsed.problems,
        )
    try:
        result = import_csv(
            store, owner, upload.text, clock, overrides=chosen, date_format=date_format,
            dry_run=True,
        )  # fmt: skip
    except ImportFailed as exc:
        return _with_problem(base, exc.message, exc.problems)
    except InvalidInput as exc:
        return _with_problem(base, str(exc), [])
    return CsvPreview(base.upload, base.headings, base.mapping, base.ignored, base.sample, result)


def import_upload_csv(
    store: Store,
    owner: Owner,
    home: Path,
    upload: StagedFile,
    clock: Clock,
    *,
    overrides: Mapping[str, str] | None = None,
    date_format: str | None = None,
) -> ImportResult:
    """Import the staged CSV (one transaction: every row, or none) and let the file go."""
    chosen = check_mapping(headings_of(upload.text), overrides or {})
    result = import_csv(store, owner, upload.text, clock, overrides=chosen, date_format=date_format)
    discard_upload(home, upload.token, upload.kind)
    return result


def headings_of_safe(text: str) -> tuple[str, ...]:
    try:
        return headings_of(text)
    except InvalidInput:
        return ()


def _with_problem(base: CsvPreview, message: str, problems: list[Problem]) -> CsvPreview:
    return CsvPreview(
        base.upload,
        base.headings,
        base.mapping,
        base.ignored,
        base.sample,
        None,
        message,
        tuple(problems[:MAX_PROBLEMS]),
    )
