"""Mail imports: start one (a file sent with the request, or a path on this computer) and
follow it. The import runs on a thread of the server (services/mail_import_jobs.py)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, ValidationError
from starlette.concurrency import run_in_threadpool

from onward.errors import InvalidInput
from onward.services.mail_import_jobs import (
    ImportJob,
    ImportJobs,
    start_path_import,
    start_upload_import,
)
from onward.services.runtime import Workspace
from onward.web.deps import workspace
from onward.web.forms import read_upload

router = APIRouter(tags=["mail"])

Ws = Annotated[Workspace, Depends(workspace)]


class PathImport(BaseModel):
    """Import the .eml file, folder of .eml files, mbox or Maildir at ``path``."""

    model_config = ConfigDict(extra="forbid")

    path: str


def jobs(request: Request) -> ImportJobs:
    """The server's mail import jobs (made on first use)."""
    state = request.app.state
    if not hasattr(state, "mail_imports"):
        state.mail_imports = ImportJobs()
    found: ImportJobs = state.mail_imports
    return found


Jobs = Annotated[ImportJobs, Depends(jobs)]

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
    """Start an import: a ``file`` sent as multipart/form-data, or ``{"path": ...}`` as JSON.
    Answers 202 at once with the import's id; follow it at ``/mail/imports/{id}``."""
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        try:
            upload = await read_upload(request)
        finally:  # any other field's file waits in a temporary file: let it go
            await (await request.form()).close()
        if upload is None or not upload.name:
            raise InvalidInput("send the mail file as the form's `file` field")
        job = await run_in_threadpool(start_upload_import, running, ws, upload.name, upload.data)
    else:
        path = _path(await request.body())
        job = await run_in_threadpool(start_path_import, running, ws, path)
    location = f"{request.url.path}/{job.id}"
    return JSONResponse(job_record(job), status_code=202, headers={"location": location})


@router.get("/mail/imports/{job_id}")
def read(job_id: str, running: Jobs) -> dict[str, Any]:
    """How far an import got: ``running`` with ``read`` of ``total``, then ``done`` with its
    summary, or ``failed`` with the reason."""
    return job_record(running.get(job_id))


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
    return record
