"""Import & export: download a JSON backup or a CSV, restore a backup (previewed, then
confirmed), and import a spreadsheet with a column mapping preview and line-numbered problems.
Every import is one transaction: all of it, or nothing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from onward.errors import ImportFailed, InvalidInput
from onward.services.calendar import calendar_bytes
from onward.services.import_preview import (
    BackupPreview,
    CsvPreview,
    csv_fields,
    import_upload_csv,
    preview_backup,
    preview_csv,
    restore_upload,
)
from onward.services.runtime import Workspace
from onward.services.transfer import backup_text, csv_text
from onward.services.uploads import StagedFile, discard_upload, stage_upload, staged_file
from onward.web.deps import single_user_only
from onward.web.forms import Form, Upload, read_upload
from onward.web.rendering import attachment, redirect
from onward.web.routing import Page, PostedForm, Ws, show_page

router = APIRouter()
INDEX_PAGE = Page("data/index.html", nav="data", title="Import & export")
RESTORE_PAGE = Page("data/restore.html", nav="data", title="Restore a backup")
CSV_PAGE = Page("data/csv.html", nav="data", title="Import a spreadsheet")


@dataclass(frozen=True)
class DataPage:
    restore: Form
    spreadsheet: Form


@dataclass(frozen=True)
class RestorePage:
    preview: BackupPreview


@dataclass(frozen=True)
class CsvPage:
    preview: CsvPreview
    date_format: str
    fields: ClassVar[tuple[tuple[str, str], ...]] = csv_fields()

    def choice(self, heading: str) -> str:
        return self.preview.mapping.get(heading, "ignore")


def _index(
    request: Request,
    ws: Workspace,
    *,
    restore: Form | None = None,
    spreadsheet: Form | None = None,
    status: int = 200,
) -> HTMLResponse:
    today = ws.clock.today()
    context = DataPage(restore or Form.empty(today), spreadsheet or Form.empty(today))
    return INDEX_PAGE.render(request, context, status)


show_page(router, "/data", _index)


@router.get("/data/backup.json")
def download_backup(ws: Ws, include_writing: bool = False) -> Response:
    _count, text = backup_text(ws.store, ws.owner, ws.clock, include_writing=include_writing)
    name = f"onward-backup-{ws.clock.now():%Y-%m-%d}.json"
    return attachment(text, name, "application/json")


@router.get("/data/applications.csv")
def download_csv(ws: Ws, history: bool = False) -> Response:
    _count, text = csv_text(ws.store, ws.owner, history=history)
    name = f"onward-{'history' if history else 'applications'}-{ws.clock.now():%Y-%m-%d}.csv"
    return attachment(text, name, "text/csv; charset=utf-8")


@router.get("/data/calendar.ics")
@router.get("/data/plan.ics", include_in_schema=False)  # its address before the glossary
def download_calendar(ws: Ws) -> Response:
    _count, data = calendar_bytes(ws.store, ws.owner, ws.clock)
    return attachment(data, "onward-calendar.ics", "text/calendar; charset=utf-8")


def _stage(
    form: Form, upload: Upload | None, ws: Workspace, kind: str, missing: str
) -> StagedFile | None:
    """Keep an uploaded file until the person confirms; None (form failed) when unusable."""
    if upload is None or not upload.name:
        form.fail("file", missing)
        return None
    try:
        return stage_upload(ws.settings.home, upload.name, upload.data, ws.clock.now(), kind=kind)
    except InvalidInput as exc:
        form.fail_with(exc, "file")
        return None


#: A backup restores with its ids, which in a shared database may be other people's.
SHARED_RESTORE = (
    "on a shared server a backup cannot be restored (its ids may be other people's); "
    "import your applications from a CSV file instead"
)


# -- restoring a backup --------------------------------------------------------------------------
@router.post("/data/restore", response_model=None)
def check_backup(
    request: Request, form: PostedForm, ws: Ws, upload: Upload | None = Depends(read_upload)
) -> Response:
    single_user_only(request, SHARED_RESTORE, "file")
    staged = _stage(form, upload, ws, "backup", "choose the backup file (.json) to restore")
    if staged is None:
        return _index(request, ws, restore=form, status=422)
    preview = preview_backup(ws.store, ws.owner, staged)
    if preview.problem is not None:
        discard_upload(ws.settings.home, staged.token, staged.kind)
    status = 200 if preview.problem is None else 422
    return RESTORE_PAGE.render(request, RestorePage(preview), status)


@router.post("/data/restore/confirm", response_model=None)
def confirm_restore(request: Request, form: PostedForm, ws: Ws) -> Response:
    single_user_only(request, SHARED_RESTORE, "file")
    staged = staged_file(ws.settings.home, form["token"], "backup")
    if not form.flag("confirm"):
        preview = preview_backup(ws.store, ws.owner, staged)
        return RESTORE_PAGE.render(request, RestorePage(preview), 422)
    result, safety = restore_upload(
        ws.store,
        ws.owner,
        ws.settings.home,
        staged,
        ws.clock,
        database_url=ws.settings.resolved_database_url,
        backup_dir=ws.settings.backup_dir,
        keep=ws.settings.backup_keep,
    )
    kept = f" Your earlier data is in {safety.name}." if safety else ""
    return redirect(
        "/data",
        f"Restored {result.applications} applications and {result.contacts} contacts.{kept}",
    )


@router.post("/data/restore/cancel", response_model=None)
def cancel_restore(form: PostedForm, ws: Ws) -> Response:
    if form["token"]:
        discard_upload(ws.settings.home, form["token"], "backup")
    return redirect("/data", "Nothing was restored; your data is as it was.")


# -- importing a spreadsheet ---------------------------------------------------------------------
def _csv_page(request: Request, preview: CsvPreview, date_format: str) -> HTMLResponse:
    return CSV_PAGE.render(request, CsvPage(preview, date_format), 200 if preview.ready else 422)


def _mapping(form: Form, headings: tuple[str, ...]) -> dict[str, str]:
    return {h: form[f"col_{i}"] for i, h in enumerate(headings) if form[f"col_{i}"]}


@router.post("/data/csv", response_model=None)
def check_csv(
    request: Request, form: PostedForm, ws: Ws, upload: Upload | None = Depends(read_upload)
) -> Response:
    staged = _stage(form, upload, ws, "csv", "choose the spreadsheet (.csv) to import")
    if staged is None:
        return _index(request, ws, spreadsheet=form, status=422)
    date_format = form["date_format"].strip()
    preview = preview_csv(ws.store, ws.owner, staged, ws.clock, date_format=date_format or None)
    return _csv_page(request, preview, date_format)


@router.post("/data/csv/check", response_model=None)
def recheck_csv(request: Request, form: PostedForm, ws: Ws) -> Response:
    staged = staged_file(ws.settings.home, form["token"], "csv")
    date_format = form["date_format"].strip()
    preview = preview_csv(ws.store, ws.owner, staged, ws.clock, date_format=date_format or None)
    overrides = _mapping(form, preview.headings)
    if overrides:
        preview = preview_csv(ws.store, ws.owner, staged, ws.clock, overrides=overrides,
                              date_format=date_format or None)  # fmt: skip
    return _csv_page(request, preview, date_format)


@router.post("/data/csv/confirm", response_model=None)
def confirm_csv(request: Request, form: PostedForm, ws: Ws) -> Response:
    staged = staged_file(ws.settings.home, form["token"], "csv")
    date_format = form["date_format"].strip() or None
    first = preview_csv(ws.store, ws.owner, staged, ws.clock, date_format=date_format)
    overrides = _mapping(form, first.headings)
    try:
        result = import_upload_csv(ws.store, ws.owner, ws.settings.home, staged, ws.clock,
                                   overrides=overrides, date_format=date_format)  # fmt: skip
    except (ImportFailed, InvalidInput):  # the preview shows every problem, line by line
        preview = preview_csv(ws.store, ws.owner, staged, ws.clock, overrides=overrides,
                              date_format=date_format)  # fmt: skip
        return _csv_page(request, preview, form["date_format"].strip())
    skipped = (
        f" {result.skipped_duplicates} already in Onward were left as they were."
        if result.skipped_duplicates
        else ""
    )
    return redirect("/board", f"Imported {result.applications} applications.{skipped}")


@router.post("/data/csv/cancel", response_model=None)
def cancel_csv(form: PostedForm, ws: Ws) -> Response:
    if form["token"]:
        discard_upload(ws.settings.home, form["token"], "csv")
    return redirect("/data", "Nothing was imported.")
