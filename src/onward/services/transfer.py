"""Getting data in and out: JSON backups, CSV exports for a job centre, spreadsheet imports,
and database backups. Each import is one transaction: all of it, or nothing."""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from onward.clock import Clock
from onward.db.backup import backup_sqlite, prune
from onward.db.setup import database_file
from onward.db.store import Store, Tx
from onward.domain.pipeline import Stage
from onward.domain.records import Application, ApplicationQuery, Owner
from onward.errors import Action, Conflict, Hint, ImportFailed, InvalidInput, Problem
from onward.export import backup_file, csv_export
from onward.export.csv_import import ParsedRow, parse_csv
from onward.files import write_atomically

ALL = ApplicationQuery(archived=None)


@dataclass(frozen=True)
class ImportResult:
    applications: int
    contacts: int = 0
    skipped_duplicates: int = 0
    ignored_columns: tuple[str, ...] = ()
    mapping: tuple[tuple[str, str], ...] = ()
    dry_run: bool = False


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InvalidInput(f"no such file: {path}") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path} is a folder, not a file") from None
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"{path} is not UTF-8 text (byte {exc.object[exc.start]:#04x} at offset {exc.start})",
            hint="a backup is read as Onward wrote it; save a spreadsheet as CSV UTF-8",
        ) from None
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror}") from None


# -- JSON backup ---------------------------------------------------------------------------------
def export_json(
    store: Store, owner: Owner, path: Path, clock: Clock, *, include_writing: bool = False
) -> int:
    count, text = backup_text(store, owner, clock, include_writing=include_writing)
    write_atomically(path, text)
    return count


def backup_text(
    store: Store, owner: Owner, clock: Clock, *, include_writing: bool = False
) -> tuple[int, str]:
    """The full JSON backup as text (for a download), with how many applications it holds.
    Private writing only with ``include_writing`` (locked sessions stay sealed)."""
    with store.transaction() as tx:
        apps = tx.applications.query(owner.id, ALL, with_events=True)
        contacts = tx.contacts.query(owner.id)
        playbook = tx.dump_playbook(owner.id, private=include_writing)
    apps.sort(key=lambda a: a.id)
    contacts.sort(key=lambda c: c.id)
    return len(apps), backup_file.dump_backup(owner.name, clock.now(), apps, contacts, playbook)


def import_backup(
    store: Store,
    owner: Owner,
    text: str,
    name: str,
    *,
    replace: bool = False,
    dry_run: bool = False,
) -> ImportResult:
    """Restore a JSON backup, keeping its ids, into an empty database (or, with ``replace``,
    after deleting this owner's data)."""
    backup = backup_file.parse_backup(text, name)
    with store.transaction() as tx:
        existing = tx.applications.count(owner.id, ALL) + len(tx.contacts.query(owner.id))
        if existing and not replace:
            raise Conflict(
                f"this database already has data ({existing} records); a backup restores into "
                "an empty one",
                field="replace",
                hint=Hint(
                    Action.FILL_IN,
                    {"field": "replace"},
                    text="that swaps this owner's data for the backup (a backup of the current "
                    "data is taken first)",
                ),
            )
        if replace:
            tx.clear_owner(owner.id)
        taken = tx.applications.existing_ids([a.id for a in backup.applications])
        if taken:
            raise Conflict(
                f"application ids {sorted(taken)[:5]} belong to someone else in this database",
                hint="restore into its own database",
            )
        for app in backup.applications:
            _restore_application(tx, owner, app)
        for contact in backup.contacts:
            tx.contacts.insert(
                owner.id,
                contact.fields,
                contact.created_at,
                contact_id=contact.id,
                created_at=contact.created_at,
            )
            for app_id in contact.application_ids:
                tx.contacts.link(contact.id, app_id)
        try:
            tx.load_playbook(owner.id, backup.playbook)
        except InvalidInput as exc:
            raise ImportFailed(
                f"{name} has problems; nothing was imported", [Problem(None, exc.message)]
            ) from None
        tx.reset_sequences()
        if dry_run:
            tx.rollback()
    if not dry_run:
        store.refresh_statistics()
    return ImportResult(
        applications=len(backup.applications), contacts=len(backup.contacts), dry_run=dry_run
    )


def _restore_application(tx: Tx, owner: Owner, app: Application) -> None:
    tx.applications.insert(
        owner.id,
        app.fields,
        stage=app.stage,
        stage_on=app.stage_on,
        reached=app.reached,
        interview_round=app.interview_round,
        now=app.updated_at,
        app_id=app.id,
        created_at=app.created_at,
        updated_at=app.updated_at,
        archived_at=app.archived_at,
    )
    for event in app.events:
        tx.applications.add_event(
            owner.id,
            app.id,
            stage=event.stage,
            occurred_on=event.occurred_on,
            round=event.round,
            note=event.note,
            source=event.source,
            now=event.created_at,
            event_id=event.id,
        )


# -- CSV -----------------------------------------------------------------------------------------
def export_csv(store: Store, owner: Owner, path: Path, *, history: bool = False) -> int:
    count, text = csv_text(store, owner, history=history)
    write_atomically(path, text)
    return count


def csv_text(store: Store, owner: Owner, *, history: bool = False) -> tuple[int, str]:
    """The CSV export as text (for a download), with how many rows it holds."""
    with store.transaction() as tx:
        apps = tx.applications.query(owner.id, ALL, with_events=True)
    apps.sort(key=lambda a: (a.events[0].occurred_on if a.events else a.stage_on, a.id))
    columns = csv_export.HISTORY_COLUMNS if history else csv_export.SUMMARY_COLUMNS
    rows = csv_export.history_rows(apps) if history else csv_export.summary_rows(apps)
    buffer = io.StringIO()
    count = csv_export.write_csv(buffer, columns, rows)
    return count, buffer.getvalue()


def import_csv(
    store: Store,
    owner: Owner,
    text: str,
    clock: Clock,
    *,
    overrides: Mapping[str, str] | None = None,
    date_format: str | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Import a spreadsheet tracker. Every row is checked first; one bad row stops the whole
    import and every problem is reported with its line number."""
    parsed = parse_csv(text, clock.today(), overrides=overrides, date_format=date_format)
    if parsed.problems:
        raise ImportFailed(
            f"{len(parsed.problems)} row(s) cannot be imported; nothing was imported",
            parsed.problems,
            hint="fix those lines (or say which column is which) and import again",
        )
    now = clock.now()
    imported = skipped = 0
    with store.transaction() as tx:
        seen = {
            _dedupe_key(a.company, a.role, a.events)
            for a in tx.applications.query(owner.id, ALL, with_events=True)
        }
        for row in parsed.rows:
            key = (row.fields.company.casefold(), row.fields.role.casefold(), row.events[0].on)
            if key in seen:
                skipped += 1
                continue
            seen.add(key)
            _insert_row(tx, owner, row, now)
            imported += 1
        if dry_run:
            tx.rollback()
    if imported and not dry_run:
        store.refresh_statistics()
    return ImportResult(
        applications=imported,
        skipped_duplicates=skipped,
        ignored_columns=tuple(parsed.ignored_columns),
        mapping=tuple(parsed.mapping.items()),
        dry_run=dry_run,
    )


def _insert_row(tx: Tx, owner: Owner, row: ParsedRow, now: datetime) -> None:
    """One spreadsheet row as an application with its timeline."""
    last = row.events[-1]
    reached = max((e.stage for e in row.events if not e.stage.is_ending), key=lambda s: s.rank)
    rounds = [e.round for e in row.events if e.stage == Stage.INTERVIEW and e.round]
    app_id = tx.applications.insert(
        owner.id,
        row.fields,
        stage=last.stage,
        stage_on=last.on,
        reached=reached,
        interview_round=max(rounds) if rounds else None,
        now=now,
    )
    for event in row.events:
        tx.applications.add_event(
            owner.id,
            app_id,
            stage=event.stage,
            occurred_on=event.on,
            round=event.round,
            note=event.note,
            source="import",
            now=now,
        )


def _dedupe_key(company: str, role: str, events: tuple[object, ...]) -> tuple[str, str, object]:
    first = getattr(events[0], "occurred_on", None) if events else None
    return company.casefold(), role.casefold(), first


# -- database backups ----------------------------------------------------------------------------
def backup_database(
    store: Store, owner: Owner, database_url: str, backup_dir: Path, keep: int, clock: Clock
) -> Path:
    """SQLite: an online copy of the database file. PostgreSQL: a full JSON backup
    (use pg_dump for the server as a whole)."""
    path = database_file(database_url)
    if path is not None:
        return backup_sqlite(path, backup_dir, clock.now(), keep)
    target = backup_dir / f"onward-{clock.now():%Y%m%d-%H%M%S}.json"
    export_json(store, owner, target, clock, include_writing=True)  # your own safety copy
    prune(backup_dir, keep, "onward-*.json")
    return target


def import_file(
    store: Store,
    owner: Owner,
    path: Path,
    clock: Clock,
    *,
    database_url: str,
    backup_dir: Path,
    keep: int,
    overrides: Mapping[str, str] | None = None,
    date_format: str | None = None,
    replace: bool = False,
    dry_run: bool = False,
) -> ImportResult:
    """Import a JSON backup or a CSV tracker, whichever ``path`` is."""
    text = read_text(path)
    if backup_file.looks_like_backup(text) or path.suffix.lower() == ".json":
        if overrides or date_format:
            raise InvalidInput(
                "column names and a date format apply to CSV files, not JSON backups",
                field="overrides" if overrides else "date_format",
            )
        if replace and not dry_run:
            backup_database(store, owner, database_url, backup_dir, keep, clock)
        return import_backup(store, owner, text, path.name, replace=replace, dry_run=dry_run)
    if replace:
        raise InvalidInput("replacing the data applies to JSON backups only", field="replace")
    return import_csv(
        store, owner, text, clock, overrides=overrides, date_format=date_format, dry_run=dry_run
    )
