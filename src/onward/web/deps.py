"""Dependencies the routes share."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from fastapi import Depends, Request

from onward.errors import InvalidInput
from onward.mail.passwords import Passwords
from onward.services.job_runners import MailJobRunner, MailJobs
from onward.services.mail_uploads import StagedMail
from onward.services.runtime import Workspace


def workspace(request: Request) -> Workspace:
    """The app's workspace (store, owner, clock) with the settings in effect for this request
    (the environment's, completed by what the owner saved on the Settings page)."""
    ws: Workspace = request.app.state.workspace
    return ws.current()


def base_workspace(request: Request) -> Workspace:
    """The app's workspace with the settings as the environment gave them (for the Settings
    page and API, which show where each setting comes from)."""
    ws: Workspace = request.app.state.workspace
    return ws


def mail_jobs(request: Request, ws: Workspace = Depends(workspace)) -> MailJobs:
    """The background mail imports and syncs of the request's person (in a thread of this
    server, or in the job queue: ``onward.services.job_runners``)."""
    runner: MailJobRunner = request.app.state.mail_imports
    return runner.bound(ws)


def passwords(request: Request) -> Passwords:
    """Where mail account passwords come from: the server's environment, then the keyring."""
    found: Passwords = request.app.state.passwords
    return found


async def mail_upload(request: Request, home: Path, max_bytes: int, now: datetime) -> StagedMail:
    """The form's ``file`` field, written to Onward's imports folder and checked
    (``stage_mail_upload``), never held whole in memory. A body larger than the limit is
    refused from its Content-Length before it is read."""
    from starlette.concurrency import run_in_threadpool

    from onward.services.mail_uploads import size_words, stage_mail_upload

    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes + 64 * 1024:
        raise InvalidInput(
            f"that file is larger than {size_words(max_bytes)}",
            field="file",
            hint="give its path on this computer instead: nothing is copied then",
        )
    form = await request.form()
    try:
        item = form.get("file")
        if item is None or isinstance(item, str) or not item.filename:
            raise InvalidInput("choose the mail file to import", field="file")
        return await run_in_threadpool(
            stage_mail_upload, home, item.filename, item.file, now, max_bytes=max_bytes
        )
    finally:
        await form.close()
