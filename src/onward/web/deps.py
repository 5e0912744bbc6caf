"""Dependencies the routes share.

Whose data a request sees is decided here, once: :func:`workspace` is the app's one
workspace in single-user mode, and the signed-in owner's on a multi-user server (set by
``onward.web.server_mode.SignedIn`` before any route runs). :func:`account` is the signed-in
account (None in single-user mode); :func:`require_role` lets only some roles in (anyone
else gets the same 404 as a page that does not exist).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from fastapi import Depends, Request

from onward.domain.accounts import Account, Role
from onward.errors import InvalidInput, NotFound
from onward.mail.passwords import Passwords
from onward.services.job_runners import MailJobRunner, MailJobs, ReportRunner
from onward.services.mail_uploads import StagedMail
from onward.services.runtime import Workspace

#: Where a request's state keeps its workspace with the settings in effect, read once per
#: request (by ``SignedIn`` with the account, else by ``LocaleMiddleware``).
CURRENT_WORKSPACE = "current_workspace"


def workspace(request: Request) -> Workspace:
    """The workspace of this request (store, owner, clock) with the settings in effect (the
    environment's, completed by what the owner saved on the Settings page)."""
    found: Workspace | None = request.scope.get("state", {}).get(CURRENT_WORKSPACE)
    return found if found is not None else base_workspace(request).current()


def base_workspace(request: Request) -> Workspace:
    """This request's workspace with the settings as the environment gave them (for the
    Settings page and API, which show where each setting comes from): the signed-in owner's
    on a multi-user server, else the app's one."""
    ws: Workspace = request.scope.get("state", {}).get("workspace") or request.app.state.workspace
    return ws


def account(request: Request) -> Account | None:
    """The signed-in account on a multi-user server; None in single-user mode."""
    found: Account | None = request.scope.get("state", {}).get("account")
    return found


def require_role(*roles: Role) -> Callable[[Request], Account]:
    """A dependency letting only these roles in: ``Depends(require_role(Role.ADMIN))``.
    Anyone else (and single-user mode, which has no accounts) gets a 404."""

    def check(request: Request) -> Account:
        found = account(request)
        if found is None or found.role not in roles:
            raise NotFound("There is no page at this address.")
        return found

    return check


def single_user_only(request: Request, message: str, field: str | None = None) -> None:
    """Refuse, on a multi-user server, what only makes sense for one person on their own
    computer (InvalidInput with ``message``, beside ``field``)."""
    if account(request) is not None:
        raise InvalidInput(message, field=field)


def refuse_server_paths(request: Request) -> None:
    """On a multi-user server nobody imports by a path on the server (it would read any file
    the server can, another person's upload among them): they send the file itself."""
    single_user_only(
        request,
        "on a shared server, send the mail file itself: a path on the server is not read",
        "path",
    )


def mail_jobs(request: Request, ws: Workspace = Depends(workspace)) -> MailJobs:
    """The background mail imports and syncs of the request's person (in a thread of this
    server, or in the job queue: ``onward.services.job_runners``)."""
    runner: MailJobRunner = request.app.state.mail_imports
    return runner.bound(ws)


def reports(request: Request) -> ReportRunner:
    """How this app makes the reports asked for (at once, or by the worker from the job
    queue: ``onward.services.job_runners``)."""
    runner: ReportRunner = request.app.state.reports
    return runner


def passwords(request: Request) -> Passwords:
    """Where mail account passwords come from: the server's environment, then the keyring
    (on a multi-user server: the owner's own keyring names only)."""
    signed_in = account(request)
    if signed_in is not None:
        from onward.web.server_mode import owner_passwords

        return owner_passwords(signed_in)
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
