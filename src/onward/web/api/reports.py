"""Reports: ask for one, see where it stands, download it. On a multi-user server the
worker makes it (``POST`` answers at once with its id and state ``queued``); in single-user
mode it is ``done`` in the answer. Follow ``GET /reports/{id}`` until ``state`` is ``done``
(or ``failed``, with ``error``), then ``GET /reports/{id}/file``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from onward.services.job_runners import ReportRunner
from onward.services.report_jobs import (
    ReportJob,
    get_report,
    list_reports,
    report_file,
    report_kind,
)
from onward.web.deps import reports
from onward.web.rendering import attachment
from onward.web.routing import Body, Ws

router = APIRouter(tags=["reports"])


class AskForReport(Body):
    """``insights`` (the offline insights report), ``cohort-csv`` or ``cohort-html`` (a
    coach's cohort report, with only what each person shares)."""

    kind: str


def _json(job: ReportJob) -> dict[str, Any]:
    return {
        "id": job.id,
        "kind": job.kind.value,
        "state": job.state,
        "created_at": job.created_at.isoformat(),
        "finished_at": job.finished_at.isoformat() if job.finished_at else None,
        "error": job.error,
        "file": f"/api/v1/reports/{job.id}/file" if job.ready else None,
    }


@router.post("/reports", status_code=202)
def ask(body: AskForReport, ws: Ws, runner: ReportRunner = Depends(reports)) -> dict[str, Any]:
    """Ask for a report; answers at once with its id (follow it at ``/reports/{id}``)."""
    return _json(runner.start(ws, report_kind(body.kind)))


@router.get("/reports")
def listed(ws: Ws) -> dict[str, Any]:
    """Your reports, newest first."""
    return {"reports": [_json(job) for job in list_reports(ws)]}


@router.get("/reports/{report_id}")
def one(report_id: str, ws: Ws) -> dict[str, Any]:
    """Where one report stands."""
    return _json(get_report(ws, report_id))


@router.get("/reports/{report_id}/file", response_model=None)
def file(report_id: str, ws: Ws) -> Response:
    """The finished report (409 while it is being made, or if it failed)."""
    job, text = report_file(ws, report_id)
    return attachment(text, job.file_name, job.kind.media_type)
