"""Reports to keep or share: the offline insights report and a coach's cohort report.

Asking for one is a form (``POST /reports``); the app's report runner makes it
(``onward.services.job_runners``). In single-user mode it is ready at once and the browser
gets the file; on a multi-user server ``onward worker`` makes it, and the report's page says
where it stands (it looks again every few seconds) until the file can be downloaded.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from onward.services.job_runners import ReportRunner
from onward.services.report_jobs import (
    ReportJob,
    get_report,
    list_reports,
    report_file,
    report_kind,
)
from onward.web.deps import reports
from onward.web.rendering import attachment, redirect, render
from onward.web.routing import PostedForm, Ws

router = APIRouter()

#: Seconds between two looks at a report being made.
LOOK_AGAIN = 2


@dataclass(frozen=True)
class ReportsPage:
    reports: tuple[ReportJob, ...]
    shown: ReportJob | None = None
    look_again: int = LOOK_AGAIN


@router.post("/reports", response_model=None)
def ask_for_report(form: PostedForm, ws: Ws, runner: ReportRunner = Depends(reports)) -> Response:
    job = runner.start(ws, report_kind(form.text("kind") or ""))
    if job.ready:  # made at once: the browser downloads it and stays on its page
        return redirect(f"/reports/{job.id}/file")
    return redirect(f"/reports/{job.id}", f"{job.kind.label}: being made. It takes a moment.")


@router.get("/reports", response_class=HTMLResponse)
def show_reports(request: Request, ws: Ws) -> HTMLResponse:
    return render(
        request, "reports/index.html", ReportsPage(tuple(list_reports(ws))), title="Reports"
    )


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def show_report(request: Request, report_id: str, ws: Ws) -> HTMLResponse:
    shown = get_report(ws, report_id)
    others = tuple(r for r in list_reports(ws) if r.id != shown.id)
    return render(request, "reports/index.html", ReportsPage(others, shown), title=shown.kind.label)


@router.get("/reports/{report_id}/file", response_model=None)
def download_report(report_id: str, ws: Ws) -> Response:
    job, body = report_file(ws, report_id)
    return attachment(body, job.file_name, job.kind.media_type)
