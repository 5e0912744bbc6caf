from __future__ import annotations

import csv
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from tests.factories import make_application

from onward.domain.pipeline import Stage
from onward.domain.records import (
    ApplicationQuery,
    Channel,
    ContactFields,
)
from onward.errors import Conflict, ImportFailed, InvalidInput
from onward.services.applications import (
    archive_applications,
    list_applications,
    move_application,
)
from onward.services.contacts import add_contact
from onward.services.runtime import Workspace, open_workspace
from onward.services.transfer import (
    backup_database,
    export_csv,
    export_json,
    import_backup,
    import_csv,
    import_file,
)

ALL = ApplicationQuery(archived=None, limit=None)


def seed(ws: Workspace) -> None:
    a = make_application(
        ws,
        "Acme",
        "Data Analyst",
        job_ref="R-1",
        url="https://acme.test/jobs/1",
        location="Remote",
        channel=Channel.REFERRAL,
        salary_min=50000,
        salary_max=60000,
        salary_currency="EUR",
        excitement=4,
        description="SQL, dashboards",
        resume_version="v3",
        tailored=True,
        notes='=HYPERLINK("http://evil")',
        tags=("tech", "remote"),
        on=date(2026, 10, 1),
    )
    move_application(ws.store, ws.owner, a.id, Stage.SCREEN, ws.clock, on=date(2026, 10, 4))
    move_application(
        ws.store, ws.owner, a.id, Stage.INTERVIEW, ws.clock, on=date(2026, 10, 9), note="+1 round"
    )
    move_application(ws.store, ws.owner, a.id, Stage.REJECTED, ws.clock, on=date(2026, 10, 20))
    b = make_application(ws, "Beta Health", "Nurse", on=date(2026, 11, 2))
    archive_applications(ws.store, ws.owner, [b.id], ws.clock)
    add_contact(
        ws.store,
        ws.owner,
        ContactFields(name="Ana", email="ana@acme.test"),
        ws.clock,
        application_ids=(a.id,),
    )


def fresh_workspace(ws: Workspace, tmp_path: Path, on_postgres: bool) -> Workspace:
    """A second, empty database of the same kind."""
    if on_postgres:
        with ws.store.transaction() as tx:
            tx.clear_owner(ws.owner.id)
        return ws
    settings = ws.settings.but(database_url=f"sqlite:///{tmp_path / 'restored.db'}")
    return open_workspace(settings, ws.clock)


def test_json_backup_restores_identical_content(
    ws: Workspace, tmp_path: Path, on_postgres: bool
) -> None:
    seed(ws)
    first = tmp_path / "backup.json"
    export_json(ws.store, ws.owner, first, ws.clock)
    target = fresh_workspace(ws, tmp_path, on_postgres)
    result = import_backup(target.store, target.owner, first.read_text(), "backup.json")
    assert (result.applications, result.contacts) == (2, 1)
    second = tmp_path / "again.json"
    export_json(target.store, target.owner, second, target.clock)
    assert json.loads(first.read_text()) == json.loads(second.read_text())
    # ids continue after the restored ones
    new = make_application(target, "Gamma", "Chef")
    assert new.id == 3


def test_restore_refuses_a_database_with_data_unless_replace(ws: Workspace, tmp_path: Path) -> None:
    seed(ws)
    path = tmp_path / "b.json"
    export_json(ws.store, ws.owner, path, ws.clock)
    with pytest.raises(Conflict, match="already has data"):
        import_backup(ws.store, ws.owner, path.read_text(), "b.json")
    result = import_file(
        ws.store,
        ws.owner,
        path,
        ws.clock,
        database_url=ws.settings.resolved_database_url,
        backup_dir=tmp_path / "backups",
        keep=3,
        replace=True,
    )
    assert result.applications == 2
    assert list(tmp_path.joinpath("backups").iterdir()), "replace backs up first"
    assert list_applications(ws.store, ws.owner, ALL).total == 2


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"format": "other"}', "not an Onward backup"),
        ('{"format": "onward-backup", "version": 99}', "format version 99"),
        (
            '{"format": "onward-backup", "version": 1, "applications": [{"id": 1}]}',
            "company is missing",
        ),
    ],
)
def test_broken_backups_are_refused_whole(ws: Workspace, document: str, message: str) -> None:
    with pytest.raises(ImportFailed) as info:
        import_backup(ws.store, ws.owner, document, "x.json")
    assert message in str(info.value) + " ".join(str(p) for p in info.value.problems)
    assert list_applications(ws.store, ws.owner, ALL).total == 0


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_csv_summary_has_a_date_per_stage_and_neutralises_formulas(
    ws: Workspace, tmp_path: Path
) -> None:
    seed(ws)
    path = tmp_path / "apps.csv"
    assert export_csv(ws.store, ws.owner, path) == 2
    acme, beta = read_csv(path)
    assert (
        acme["applied_date"],
        acme["screen_date"],
        acme["interview_date"],
        acme["rejected_date"],
    ) == ("2026-10-01", "2026-10-04", "2026-10-09", "2026-10-20")
    assert acme["notes"] == '\'=HYPERLINK("http://evil")'
    assert acme["tags"] == "remote;tech" and acme["tailored"] == "yes"
    assert beta["archived"] == "yes" and beta["stage"] == "applied"


def test_csv_history_has_one_row_per_event(ws: Workspace, tmp_path: Path) -> None:
    seed(ws)
    path = tmp_path / "history.csv"
    assert export_csv(ws.store, ws.owner, path, history=True) == 5
    rows = read_csv(path)
    assert [r["stage"] for r in rows] == ["applied", "screen", "interview", "rejected", "applied"]
    assert rows[2]["note"] == "'+1 round" and rows[2]["round"] == "1"


def test_own_csv_export_imports_back(ws: Workspace, tmp_path: Path, on_postgres: bool) -> None:
    seed(ws)
    path = tmp_path / "apps.csv"
    export_csv(ws.store, ws.owner, path)
    target = fresh_workspace(ws, tmp_path, on_postgres)
    result = import_csv(target.store, target.owner, path.read_text(), target.clock)
    assert result.applications == 2
    apps = {a.company: a for a in list_applications(target.store, target.owner, ALL).items}
    acme = apps["Acme"]
    assert acme.stage == Stage.REJECTED and acme.reached == Stage.INTERVIEW
    assert acme.fields.notes == '=HYPERLINK("http://evil")'
    assert acme.fields.tags == ("remote", "tech") and acme.fields.salary_max == 60000


SPREADSHEET = """Company,Position,Date Applied,Status,Link,Comments,Source
Acme,Data Analyst,2026-09-01,Rejected,https://acme.test,"liked them, said no",LinkedIn
Beta,Nurse,15/09/2026,Interviewing,,,referral
Gamma,Teacher,"Oct 2, 2026",No response,,,
"""


def test_spreadsheet_columns_and_statuses_are_understood(ws: Workspace) -> None:
    result = import_csv(ws.store, ws.owner, SPREADSHEET, ws.clock)
    assert result.applications == 3 and result.ignored_columns == ()
    apps = {a.company: a for a in list_applications(ws.store, ws.owner, ALL).items}
    assert apps["Acme"].stage == Stage.REJECTED and apps["Acme"].fields.channel == Channel.JOB_BOARD
    assert apps["Beta"].stage == Stage.INTERVIEW and apps["Beta"].stage_on == date(2026, 9, 15)
    assert apps["Gamma"].stage == Stage.GHOSTED and apps["Gamma"].stage_on == date(2026, 10, 2)
    assert apps["Acme"].fields.notes == "liked them, said no"


def test_importing_the_same_file_twice_adds_nothing(ws: Workspace) -> None:
    import_csv(ws.store, ws.owner, SPREADSHEET, ws.clock)
    again = import_csv(ws.store, ws.owner, SPREADSHEET, ws.clock)
    assert (again.applications, again.skipped_duplicates) == (0, 3)


def test_back_dated_stage_columns_build_the_timeline(ws: Workspace) -> None:
    text = (
        "Employer,Title,Applied,Screen date,Interview date,Rejection date\n"
        "Acme,Chef,2026-01-02,2026-01-05,2026-01-09,2026-01-20\n"
    )
    import_csv(ws.store, ws.owner, text, ws.clock)
    (app,) = list_applications(ws.store, ws.owner, ALL).items
    from onward.services.applications import get_application

    full = get_application(ws.store, ws.owner, app.id)
    assert [(e.stage.value, e.occurred_on.isoformat()) for e in full.events] == [
        ("applied", "2026-01-02"),
        ("screen", "2026-01-05"),
        ("interview", "2026-01-09"),
        ("rejected", "2026-01-20"),
    ]


def test_bad_rows_are_reported_by_line_and_nothing_is_written(ws: Workspace) -> None:
    text = (
        "Company,Role,Date applied,Status\n"
        "Good,Analyst,2026-01-01,applied\n"
        "Bad date,Analyst,2026-13-45,applied\n"
        ",Missing company,2026-01-01,applied\n"
        "Odd status,Analyst,2026-01-01,on the moon\n"
        "Future,Analyst,2030-01-01,applied\n"
    )
    with pytest.raises(ImportFailed) as info:
        import_csv(ws.store, ws.owner, text, ws.clock)
    lines = {p.line: p.reason for p in info.value.problems}
    assert set(lines) == {3, 4, 5, 6}
    assert "cannot read the date" in lines[3]
    assert "company cannot be empty" in lines[4]
    assert "unknown status 'on the moon'" in lines[5]
    assert "in the future" in lines[6]
    assert list_applications(ws.store, ws.owner, ALL).total == 0


def test_ambiguous_slashed_dates_need_a_format(ws: Workspace) -> None:
    text = "Company,Role,Date applied\nAcme,Chef,03/04/2026\n"
    with pytest.raises(ImportFailed, match="cannot be imported") as info:
        import_csv(ws.store, ws.owner, text, ws.clock)
    assert "day-first or month-first" in info.value.problems[0].reason
    import_csv(ws.store, ws.owner, text, ws.clock, date_format="%d/%m/%Y")
    (app,) = list_applications(ws.store, ws.owner, ALL).items
    assert app.stage_on == date(2026, 4, 3)


def test_column_mapping_overrides(ws: Workspace) -> None:
    text = "Firma,Stelle,Beworben am\nAcme,Koch,2026-02-01\n"
    with pytest.raises(InvalidInput, match="no column for company and role"):
        import_csv(ws.store, ws.owner, text, ws.clock)
    result = import_csv(
        ws.store,
        ws.owner,
        text,
        ws.clock,
        overrides={"Firma": "company", "Stelle": "role", "Beworben am": "applied_on"},
    )
    assert result.applications == 1
    with pytest.raises(InvalidInput, match="not in the file"):
        import_csv(ws.store, ws.owner, text, ws.clock, overrides={"Nope": "company"})


def test_dry_run_checks_without_writing(ws: Workspace) -> None:
    result = import_csv(ws.store, ws.owner, SPREADSHEET, ws.clock, dry_run=True)
    assert result.applications == 3 and result.dry_run
    assert list_applications(ws.store, ws.owner, ALL).total == 0


def test_missing_and_unreadable_files(ws: Workspace, tmp_path: Path) -> None:
    kwargs = {"database_url": "sqlite://", "backup_dir": tmp_path, "keep": 1}
    with pytest.raises(InvalidInput, match="no such file"):
        import_file(ws.store, ws.owner, tmp_path / "nope.csv", ws.clock, **kwargs)  # type: ignore[arg-type]
    binary = tmp_path / "x.csv"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(InvalidInput, match="not UTF-8"):
        import_file(ws.store, ws.owner, binary, ws.clock, **kwargs)  # type: ignore[arg-type]


def test_backup(ws: Workspace, tmp_path: Path, on_postgres: bool) -> None:
    seed(ws)
    path = backup_database(
        ws.store, ws.owner, ws.settings.resolved_database_url, tmp_path / "bk", 2, ws.clock
    )
    if on_postgres:
        assert json.loads(path.read_text())["format"] == "onward-backup"
    else:
        with sqlite3.connect(path) as conn:
            assert conn.execute("SELECT count(*) FROM applications").fetchone() == (2,)
        conn.close()
    for _ in range(3):
        ws.clock.advance(seconds=1)  # type: ignore[attr-defined]
        backup_database(
            ws.store, ws.owner, ws.settings.resolved_database_url, tmp_path / "bk", 2, ws.clock
        )
    assert len(list((tmp_path / "bk").iterdir())) == 2
