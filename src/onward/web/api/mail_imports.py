"""Mail imports: start one (a file sent with the request, or a path on this computer), follow
it, stop it and resume it. The import runs on a thread of the server
(services/mail_import_jobs.py), or in ``onward worker`` on a multi-user server
(services/queued_mail_jobs.py); mail account syncs are jobs of the same kind."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from onward.errors import InvalidInput
from onward.services.mail_import_jobs import ImportJob
from onward.services.mail_uploads import stage_mail_path
from onward.web.deps import mail_upload, refuse_server_paths
from onward.web.routing import Body, Jobs, Ws

router = APIRouter(tags=["mail"])


class PathImport(Body):
    """Import the .eml file, folder of .eml files, mbox, Maildir or archive at ``path``."""

    path: str


BODY = {
    "content": {
        "application/json": {"schema": PathImport.model_json_schema()},
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {"file": {"type": "string", "format": "binary"}},
                "required": ["file"],
            }
        },
    },
    "required": True,
}


@router.post("/mail/imports", status_code=202, openapi_extra={"requestBody": BODY})
async def start(request: Request, ws: Ws, running: Jobs) -> JSONResponse:
    """Start an import: a ``file`` sent as multipart/form-data (.mbox, .eml, a .zip of a mail
    folder, a Google Takeout .zip or .tgz), or ``{"path": ...}`` as JSON. Answers 202 at once
    with the import's id; follow it at ``/mail/imports/{id}``."""
    home, limit = ws.settings.home, ws.settings.mail_upload_max_mb * 1024 * 1024
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        staged = await mail_upload(request, home, limit, ws.clock.now())
    else:
        refuse_server_paths(request)
        path = _path(await request.body())
        staged = await run_in_threadpool(stage_mail_path, home, path, ws.clock.now(),
                                         max_bytes=limit)  # fmt: skip
    job = running.start_import(ws, staged)
    location = f"{request.url.path}/{job.id}"
    return JSONResponse(job_record(job), status_code=202, headers={"location": location})


@router.get("/mail/imports")
def listed(running: Jobs) -> list[dict[str, Any]]:
    """Every import and sync this server remembers, newest first."""
    return [job_record(job) for job in running.listed()]


@router.get("/mail/imports/{job_id}")
def read(job_id: str, running: Jobs) -> dict[str, Any]:
    """How far an import got: ``running`` with ``read`` of ``total`` (``unit``: bytes of an
    mbox, else messages) and ``percent``, then ``done`` with its summary, ``cancelled``
    (resumable), or ``failed`` with the reason."""
    return job_record(running.get(job_id))


@router.post("/mail/imports/{job_id}/cancel")
def cancel(job_id: str, running: Jobs) -> dict[str, Any]:
    """Stop the import before its next message (``stopping``, then ``cancelled``). What was
    committed stays; resuming goes on from there."""
    return job_record(running.cancel(job_id))


@router.post("/mail/imports/{job_id}/resume", status_code=202)
def resume(job_id: str, ws: Ws, running: Jobs) -> dict[str, Any]:
    """Go on with a cancelled or failed import (or sync) right after what it committed."""
    return job_record(running.resume(ws, job_id))


@router.delete("/mail/imports/{job_id}", status_code=204)
def discard(job_id: str, running: Jobs) -> None:
    """Forget a finished, cancelled or failed import and remove the files kept for it."""
    running.discard(job_id)


def _path(body: bytes) -> str:
    try:
        return PathImport.model_validate_json(body or b"{}").path
    except ValidationError:
        raise InvalidInput(
            'send {"path": "..."} as JSON, or the mail file as multipart/form-data `file`'
        ) from None


def job_record(job: ImportJob) -> dict[str, Any]:
    record = asdict(job)
    record["summary"] = asdict(job.summary) if job.summary is not None else None
    if job.summary is not None:  # what was found, in the words of Today's summary card
        record["summary"]["found"]["headline"] = job.summary.found.headline
    record["problems"] = list(job.problems)
    record["percent"] = job.percent
    record["resumable"] = job.resumable
    for moment in ("started_at", "finished_at"):
        value = record[moment]
        record[moment] = value.isoformat() if value is not None else None
    return record
