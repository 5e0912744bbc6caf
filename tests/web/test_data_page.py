"""Import & export: downloads, a backup restored only after confirmation (the current data
backed up first), CSV imports previewed with their column mapping and line-numbered problems,
and nothing half-written whatever goes wrong."""

from __future__ import annotations

import csv
import io
import json
import re

from tests.factories import make_application
from tests.web.conftest import Web

from onward.domain.pipeline import Stage
from onward.domain.records import ApplicationQuery, ContactFields
from onward.services.applications import list_applications, move_application
from onward.services.contacts import add_contact, list_contacts
from onward.services.journal import list_journal, write_journal
from onward.services.transfer import backup_text

GOOD_CSV = (
    "Employer,Job title,Date applied,Status,Remarks\n"
    'Acme,Analyst,2026-10-01,rejected,=HYPERLINK("x")\n'
    "Globex,Engineer,2026-10-05,interview,\n"
)


def _apps(web: Web) -> list[tuple[str, str]]:
    page = list_applications(web.ws.store, web.ws.owner, ApplicationQuery(archived=None))
    return sorted((a.company, a.role) for a in page.items)


def _token(html: str) -> str:
    found = re.search(r'name="token" value="([0-9a-f]{32})"', html)
    assert found, html[-3000:]
    return found.group(1)


def _upload(web: Web, url: str, name: str, data: bytes, **fields: str) -> object:
    return web.post(url, fields, files={"file": (name, data, "application/octet-stream")})


def _seed(web: Web) -> int:
    ws = web.ws
    app = make_application(ws, "Initech", "Tester")
    move_application(ws.store, ws.owner, app.id, Stage.SCREEN, ws.clock)
    add_contact(ws.store, ws.owner, ContactFields("Ana"), ws.clock, application_ids=(app.id,))
    write_journal(ws.store, ws.owner, 4, "A good day", ws.clock)
    return app.id


def test_the_page_offers_every_download_and_both_imports(web: Web) -> None:
    page = web.get("/data")
    assert page.status_code == 200
    for href in ("/data/backup.json", "/data/applications.csv", "/data/calendar.ics"):
        assert f'href="{href}' in page.text
    assert page.text.count('enctype="multipart/form-data"') == 2


def test_downloads_are_attachments_with_the_data(web: Web) -> None:
    _seed(web)
    backup = web.get("/data/backup.json")
    assert backup.status_code == 200
    assert backup.headers["content-disposition"] == (
        'attachment; filename="onward-backup-2026-11-20.json"'
    )
    document = json.loads(backup.text)
    assert document["format"] and document["applications"][0]["company"] == "Initech"
    spreadsheet = web.get("/data/applications.csv")
    rows = list(csv.DictReader(io.StringIO(spreadsheet.text)))
    assert rows[0]["company"] == "Initech"
    history = web.get("/data/applications.csv?history=1")
    assert len(list(csv.DictReader(io.StringIO(history.text)))) == 2  # applied, screen
    calendar = web.get("/data/calendar.ics")
    assert calendar.text.startswith("BEGIN:VCALENDAR")
    assert calendar.headers["content-disposition"] == 'attachment; filename="onward-calendar.ics"'
    assert web.get("/data/plan.ics").text == calendar.text  # the address it had before


def test_restoring_a_backup_into_an_empty_database(web: Web) -> None:
    _seed(web)
    _count, text = backup_text(web.ws.store, web.ws.owner, web.ws.clock)
    with web.ws.store.transaction() as tx:  # start again from an empty database
        tx.clear_owner(web.ws.owner.id)
    assert _apps(web) == []
    check = _upload(web, "/data/restore", "mine.json", text.encode())
    assert check.status_code == 200, check.text[-2000:]
    assert "1 application" in check.text and "1 contact" in check.text
    assert "nothing is replaced" in check.text
    assert _apps(web) == []  # only checked so far
    done = web.post("/data/restore/confirm", {"token": _token(check.text), "confirm": "on"})
    page = web.follow(done)
    assert "Restored 1 applications and 1 contacts" in page.text
    assert _apps(web) == [("Initech", "Tester")]
    assert [e.text for e in list_journal(web.ws.store, web.ws.owner)] == ["A good day"]


def test_restoring_over_data_needs_confirmation_and_backs_up_first(web: Web) -> None:
    _seed(web)
    _count, text = backup_text(web.ws.store, web.ws.owner, web.ws.clock)
    make_application(web.ws, "Later", "Added")
    check = _upload(web, "/data/restore", "mine.json", text.encode())
    assert "Restoring replaces what is here now (3 records)" in check.text
    token = _token(check.text)
    unconfirmed = web.post("/data/restore/confirm", {"token": token})
    assert unconfirmed.status_code == 422
    assert len(_apps(web)) == 2
    page = web.follow(web.post("/data/restore/confirm", {"token": token, "confirm": "on"}))
    assert "Your earlier data is in onward-" in page.text
    assert _apps(web) == [("Initech", "Tester")]
    assert any(web.ws.settings.backup_dir.iterdir())
    again = web.post("/data/restore/confirm", {"token": token, "confirm": "on"})
    assert again.status_code == 404 and "no longer waiting" in again.text


def test_a_broken_backup_is_refused_and_changes_nothing(web: Web) -> None:
    _seed(web)
    cases = [
        ("broken.json", b'{"format": "onward-backup", "applications": [', "not valid JSON"),
        ("other.json", b'{"hello": "world"}', "not an Onward backup"),
        ("empty.json", b"", "is empty"),
        ("latin.json", "caf\xe9".encode("latin-1"), "not UTF-8"),
        ("tracker.csv", GOOD_CSV.encode(), "not an Onward backup"),
    ]
    for name, data, message in cases:
        response = _upload(web, "/data/restore", name, data)
        assert response.status_code == 422, name
        assert message.lower() in response.text.lower(), (name, response.text[-2500:])
    missing = web.post("/data/restore", {})
    assert missing.status_code == 422 and "choose the backup file" in missing.text.lower()
    assert _apps(web) == [("Initech", "Tester")]
    assert len(list_contacts(web.ws.store, web.ws.owner)) == 1


def test_cancelling_a_restore_discards_the_upload(web: Web) -> None:
    _count, text = backup_text(web.ws.store, web.ws.owner, web.ws.clock)
    token = _token(_upload(web, "/data/restore", "mine.json", text.encode()).text)
    page = web.follow(web.post("/data/restore/cancel", {"token": token}))
    assert "Nothing was restored" in page.text
    assert web.post("/data/restore/confirm", {"token": token, "confirm": "on"}).status_code == 404


def test_a_forged_upload_token_cannot_reach_other_files(web: Web) -> None:
    for token in ("../../onward.db", "0" * 31, ""):
        response = web.post("/data/csv/confirm", {"token": token})
        assert response.status_code == 404, token


def test_a_csv_import_shows_the_mapping_then_imports_on_confirmation(web: Web) -> None:
    check = _upload(web, "/data/csv", "tracker.csv", GOOD_CSV.encode())
    assert check.status_code == 200, check.text[-2000:]
    html = check.text
    assert "Every row can be imported: 2 new applications" in html
    assert '<option value="company" selected>company</option>' in html  # Employer → company
    assert '<option value="ignore" selected>' in html  # Remarks is not mapped
    assert "Acme" in html and "applied Thu, 1 Oct 2026 → rejected" in html
    assert _apps(web) == []
    token = _token(html)
    done = web.post(
        "/data/csv/confirm",
        {"token": token, "col_0": "company", "col_1": "role", "col_2": "applied_on",
         "col_3": "status", "col_4": "notes"},
    )  # fmt: skip
    assert done.headers["location"] == "/board"
    assert _apps(web) == [("Acme", "Analyst"), ("Globex", "Engineer")]
    apps = list_applications(web.ws.store, web.ws.owner, ApplicationQuery(archived=None)).items
    assert {a.fields.notes for a in apps} == {'=HYPERLINK("x")', None}


def test_a_csv_with_bad_lines_lists_them_by_line_and_imports_nothing(web: Web) -> None:
    text = GOOD_CSV + "Hooli,Designer,not a date,applied,\nInitrode,,2026-10-09,applied,\n"
    check = _upload(web, "/data/csv", "tracker.csv", text.encode())
    assert check.status_code == 422
    assert "2 row(s) cannot be imported; nothing was imported" in check.text
    assert '<span class="line">line 4</span>' in check.text and "not a date" in check.text
    assert '<span class="line">line 5</span>' in check.text
    assert ">Import 2" not in check.text  # no import button while lines fail
    forced = web.post("/data/csv/confirm", {"token": _token(check.text)})
    assert forced.status_code == 422
    assert _apps(web) == []


def test_changing_the_mapping_and_date_format(web: Web) -> None:
    text = "Firm,Position,When\nAcme,Analyst,01/10/2026\nGlobex,Engineer,13/10/2026\n"
    check = _upload(web, "/data/csv", "t.csv", text.encode())
    assert check.status_code == 422 and "no column for company" in check.text.lower()
    token = _token(check.text)
    mapped = web.post(
        "/data/csv/check",
        {"token": token, "col_0": "company", "col_1": "role", "col_2": "applied_on",
         "date_format": "%d/%m/%Y"},
    )  # fmt: skip
    assert mapped.status_code == 200, mapped.text[-2000:]
    assert "2 new applications" in mapped.text and 'value="%d/%m/%Y"' in mapped.text
    twice = web.post(
        "/data/csv/check",
        {"token": token, "col_0": "company", "col_1": "company", "col_2": "applied_on"},
    )
    assert twice.status_code == 422 and "both map to company" in twice.text.lower()
    done = web.post(
        "/data/csv/confirm",
        {"token": token, "col_0": "company", "col_1": "role", "col_2": "applied_on",
         "date_format": "%d/%m/%Y"},
    )  # fmt: skip
    assert done.status_code == 303
    assert _apps(web) == [("Acme", "Analyst"), ("Globex", "Engineer")]


def test_bad_spreadsheet_uploads_are_refused(web: Web) -> None:
    _count, backup = backup_text(web.ws.store, web.ws.owner, web.ws.clock)
    cases = [
        ("empty.csv", b"  \n", "is empty"),
        ("binary.csv", b"\xff\xfe\x00garbage", "not UTF-8"),
        ("backup.csv", backup.encode(), "is an Onward backup"),
    ]
    for name, data, message in cases:
        response = _upload(web, "/data/csv", name, data)
        assert response.status_code == 422, name
        assert message.lower() in response.text.lower(), name
    assert "choose the spreadsheet" in web.post("/data/csv", {}).text.lower()
    assert _apps(web) == []


def test_importing_the_same_spreadsheet_twice_skips_what_is_there(web: Web) -> None:
    token = _token(_upload(web, "/data/csv", "t.csv", GOOD_CSV.encode()).text)
    web.follow(web.post("/data/csv/confirm", {"token": token}))
    again = _upload(web, "/data/csv", "t.csv", GOOD_CSV.encode())
    assert "0 new applications, and 2 already in Onward" in again.text
