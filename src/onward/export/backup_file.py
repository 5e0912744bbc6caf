"""The full JSON backup: everything one owner has, restorable with identical content.

A backup holding invalid Unicode (a lone surrogate such as ``"\\ud800"``, which no text can
hold) is refused with the place of each bad value; a NUL character (``"\\u0000"``, which SQLite
keeps and PostgreSQL refuses) is restored as U+FFFD like every other stored NUL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from onward.domain.records import Application, Contact
from onward.domain.text import storable, unstorable_characters
from onward.errors import ImportFailed, InvalidInput, Problem
from onward.export.records import (
    application_from_record,
    application_record,
    contact_from_record,
    contact_record,
)

FORMAT = "onward-backup"
VERSION = 1


@dataclass(frozen=True)
class Backup:
    owner: str
    exported_at: datetime | None
    applications: list[Application]
    contacts: list[Contact]
    #: The playbook's records (rejections, tasks, drafts, journal, ...) as plain rows by table.
    playbook: dict[str, list[dict[str, Any]]]


def dump_backup(
    owner: str,
    exported_at: datetime,
    applications: list[Application],
    contacts: list[Contact],
    playbook: dict[str, list[dict[str, Any]]],
) -> str:
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "owner": owner,
        "exported_at": exported_at.isoformat(),
        "applications": [application_record(a) for a in applications],
        "contacts": [contact_record(c) for c in contacts],
        "playbook": playbook,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def looks_like_backup(text: str) -> bool:
    return text.lstrip().startswith("{") and f'"{FORMAT}"' in text[:2000]


def parse_backup(text: str, name: str) -> Backup:
    """Read a backup, checking every record; all problems are reported together."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFailed(f"{name} is not valid JSON", [Problem(exc.lineno, exc.msg)]) from None
    broken = list(_invalid_unicode(document, "backup"))
    if broken:
        raise ImportFailed(
            f"{name} holds invalid Unicode (a lone surrogate); nothing was imported",
            [Problem(None, f"{place} is not valid text") for place in broken[:10]],
            hint="restore from another backup, or fix those values in the file",
        )
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFailed(
            f"{name} is not an Onward backup",
            [Problem(None, f'expected "format": "{FORMAT}" at the top')],
            hint="for a spreadsheet export, use a .csv file",
        )
    version = document.get("version")
    if version != VERSION:
        raise ImportFailed(
            f"{name} is a backup of format version {version!r}; this Onward reads {VERSION}",
            [],
            hint="upgrade Onward to read newer backups",
        )
    problems: list[Problem] = []
    applications = _read_all(document, "applications", application_from_record, problems)
    contacts = _read_all(document, "contacts", contact_from_record, problems)
    known = {a.id for a in applications}
    for contact in contacts:
        for app_id in contact.application_ids:
            if app_id not in known:
                problems.append(
                    Problem(None, f"contact #{contact.id} links to missing application #{app_id}")
                )
    for kind, ids in (
        ("application", [a.id for a in applications]),
        ("contact", [c.id for c in contacts]),
        ("stage event", [e.id for a in applications for e in a.events]),
    ):
        if len(ids) != len(set(ids)):
            problems.append(Problem(None, f"the same {kind} id appears twice"))
    playbook = document.get("playbook", {})
    if not isinstance(playbook, dict) or not all(
        isinstance(rows, list) and all(isinstance(r, dict) for r in rows)
        for rows in playbook.values()
    ):
        problems.append(Problem(None, "playbook should map table names to lists of rows"))
    if problems:
        raise ImportFailed(f"{name} has problems; nothing was imported", problems)
    exported = document.get("exported_at")
    return Backup(
        owner=str(document.get("owner") or ""),
        exported_at=datetime.fromisoformat(exported) if isinstance(exported, str) else None,
        applications=applications,
        contacts=contacts,
        playbook=playbook,
    )


def _read_all(document: dict[str, Any], key: str, read: Any, problems: list[Problem]) -> list[Any]:
    items = document.get(key, [])
    if not isinstance(items, list):
        problems.append(Problem(None, f"{key} should be a list"))
        return []
    found = []
    for index, item in enumerate(items):
        try:
            found.append(read(item, f"{key}[{index}]"))
        except InvalidInput as exc:
            problems.append(Problem(None, exc.message))
    return found


def _invalid_unicode(value: Any, place: str) -> Any:
    """Where in ``value`` a string holds a lone surrogate (NUL alone is cleaned on storing)."""
    if isinstance(value, str):
        if unstorable_characters(value.replace("\x00", "")):
            yield place
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _invalid_unicode(key, f"{place} (a key)")
            yield from _invalid_unicode(item, f"{place}.{storable(str(key))}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _invalid_unicode(item, f"{place}[{index}]")
