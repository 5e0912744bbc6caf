"""Imports meet text no database keeps as it is: a backup holding a NUL (which an older SQLite
database kept) restores into either database, a backup holding invalid Unicode is refused
with where it is, a CSV holding NULs is refused with its lines, and a resume's stray NUL
is kept as U+FFFD. Nothing is half-written."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from onward.domain.records import ApplicationFields, ApplicationQuery
from onward.errors import ImportFailed, InvalidInput
from onward.services.applications import add_application, list_applications
from onward.services.resumes import add_resume, list_resumes
from onward.services.runtime import Workspace, open_workspace
from onward.services.transfer import backup_text, import_backup, import_csv, import_file


def _old_sqlite_backup(ws: Workspace, tmp_path: Path) -> str:
    """A backup written by a SQLite database that stored NUL characters as they came."""
    settings = ws.settings.but(database_url=f"sqlite:///{tmp_path / 'old.db'}")
    old = open_workspace(settings, ws.clock)
    add_application(old.store, old.owner, ApplicationFields("Acme", "Analyst"), old.clock)
    old.store.close()
    with sqlite3.connect(tmp_path / "old.db") as conn:
        conn.execute("UPDATE applications SET notes = 'a' || char(0) || 'b', role = 'R' || char(0)")
    conn.close()
    old = open_workspace(settings, ws.clock)
    _count, text = backup_text(old.store, old.owner, old.clock)
    old.close()
    assert "\\u0000" in text
    return text


def test_a_backup_holding_a_nul_restores_cleaned(ws: Workspace, tmp_path: Path) -> None:
    text = _old_sqlite_backup(ws, tmp_path)
    assert import_backup(ws.store, ws.owner, text, "old.json").applications == 1
    [app] = list_applications(ws.store, ws.owner, ApplicationQuery()).items
    assert (app.fields.notes, app.role) == ("a\ufffdb", "R\ufffd")


def test_a_backup_with_invalid_unicode_says_where_and_writes_nothing(
    ws: Workspace, tmp_path: Path
) -> None:
    text = _old_sqlite_backup(ws, tmp_path)
    document = json.loads(text)
    document["applications"][0]["company"] = "Acme \ud800"
    broken = json.dumps(document)  # ensure_ascii: the surrogate is the escape "\ud800"
    with pytest.raises(ImportFailed, match="invalid Unicode") as caught:
        import_backup(ws.store, ws.owner, broken, "broken.json")
    assert [p.reason for p in caught.value.problems] == [
        "backup.applications[0].company is not valid text"
    ]
    assert list_applications(ws.store, ws.owner, ApplicationQuery()).total == 0


def test_a_backup_that_is_not_utf8_is_refused_with_the_byte(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes(b'{"format": "onward-backup", "owner": "caf\xe9"}')
    with pytest.raises(InvalidInput, match=r"not UTF-8 text \(byte 0xe9"):
        import_file(
            ws.store,
            ws.owner,
            path,
            ws.clock,
            database_url=ws.settings.resolved_database_url,
            backup_dir=tmp_path / "b",
            keep=1,
        )


def test_a_csv_holding_nul_characters_is_refused_with_its_lines(ws: Workspace) -> None:
    utf16_read_as_utf8 = "company,role\n" + "\x00".join("Acme,Analyst") + "\nBeta,Chef\n"
    with pytest.raises(InvalidInput, match=r"NUL characters \(line 2\)") as caught:
        import_csv(ws.store, ws.owner, utf16_read_as_utf8, ws.clock)
    assert caught.value.hint is not None
    assert "CSV UTF-8" in (caught.value.hint.text or "")
    assert list_applications(ws.store, ws.owner, ApplicationQuery()).total == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("resume.txt", ("Experienced analyst. " * 300).encode() + b"SQL\x00Python dashboards"),
        (
            "resume.json",
            b'{"basics": {"summary": "Analyst with SQL\\u0000 and Python \\ud800 skills"}}',
        ),
    ],
)
def test_a_resume_with_a_nul_or_a_lone_surrogate_is_kept_cleaned(
    ws: Workspace, tmp_path: Path, name: str, content: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    add_resume(ws.store, ws.owner, path, ws.clock)
    [resume] = list_resumes(ws.store, ws.owner)
    assert "\x00" not in resume.text and "\ufffd" in resume.text
