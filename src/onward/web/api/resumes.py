"""Resumes: the versions kept (newest first) with the skills Onward finds in each, adding one
(a file sent as multipart, as the web form does) and deleting one."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from onward.domain.resumes import validate_label
from onward.errors import Conflict, InvalidInput, NotFound
from onward.export.jsonable import to_jsonable
from onward.services.resumes import (
    ResumeSkills,
    add_uploaded_resume,
    delete_resume,
    resume_versions,
)
from onward.web.forms import read_upload
from onward.web.routing import Ws

router = APIRouter(tags=["resumes"])

#: The request body of POST /resumes, for the OpenAPI document (it is read by hand).
UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "label": {"type": "string"},
                    },
                }
            }
        },
    }
}


def resume_record(found: ResumeSkills, *, text: bool = False) -> dict[str, Any]:
    r = found.resume
    record: dict[str, Any] = {
        "id": r.id,
        "version": r.version,
        "name": r.name,
        "label": r.label,
        "filename": r.filename,
        "format": r.format.value,
        "sha256": r.sha256,
        "created_at": r.created_at.isoformat(),
        "skills": to_jsonable(found.skills),
    }
    if text:
        record["text"] = r.text
    return record


def _missing(version: int) -> NotFound:
    return NotFound(f"there is no resume version {version}", hint="GET /api/v1/resumes")


@router.get("/resumes")
def read(ws: Ws) -> list[dict[str, Any]]:
    """Every version, newest first, with the skills found in each."""
    return [resume_record(v) for v in resume_versions(ws.store, ws.owner)]


@router.post("/resumes", status_code=201, openapi_extra=UPLOAD_BODY)
async def upload(request: Request, ws: Ws) -> dict[str, Any]:
    """Add a version: ``file`` (PDF, DOCX, Markdown, text or JSON Resume) and an optional
    ``label``, as ``multipart/form-data``; the checks and limits of the web form."""
    sent = await read_upload(request)
    label = (await request.form()).get("label")
    try:
        cleaned = validate_label(label if isinstance(label, str) else None)
    except InvalidInput as exc:
        exc.field = exc.field or "label"
        raise
    if sent is None or not sent.name:
        raise InvalidInput(
            "choose your resume file (PDF, DOCX, Markdown, text or JSON Resume)", field="file"
        )
    try:
        added = await run_in_threadpool(
            add_uploaded_resume, ws.store, ws.owner, ws.settings.home, sent.name, sent.data,
            ws.clock, label=cleaned,
        )  # fmt: skip
    except (InvalidInput, Conflict) as exc:
        exc.field = "file" if exc.field in (None, "path") else exc.field
        raise
    return resume_record(added, text=True)


@router.delete("/resumes/{version}")
def delete(version: int, ws: Ws) -> dict[str, Any]:
    """Delete a version for good; the others keep their numbers. Answers with what was deleted."""
    try:
        gone = delete_resume(ws.store, ws.owner, str(version))
    except NotFound:
        raise _missing(version) from None
    return {"version": gone.version, "name": gone.name, "filename": gone.filename}
