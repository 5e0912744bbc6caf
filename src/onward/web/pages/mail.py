"""Mail: connect a mailbox (IMAP, tested before it is kept; its password in the OS keyring),
sync it now or on a schedule, and import mail files (an upload or a path on this computer)
in the background, with a progress page that can stop and resume the work."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from onward.domain.mail_accounts import schedule_words, sync_every
from onward.errors import InvalidInput, NotFound, OnwardError
from onward.mail.passwords import Passwords
from onward.services.job_runners import MailJobs
from onward.services.mail_accounts import (
    AccountCheck,
    AccountRequest,
    account_fields,
    add_mail_account,
    check_mail_account,
    check_new_mail_account,
    get_mail_account,
    list_mail_accounts,
    remove_mail_account,
    set_sync_schedule,
)
from onward.services.mail_uploads import (
    list_unfinished_imports,
    stage_mail_path,
    stage_unfinished,
)
from onward.services.runtime import Workspace
from onward.web.contexts.mail import AccountView, JobView, MailPage, Tested
from onward.web.deps import mail_upload, refuse_server_paths
from onward.web.forms import Form
from onward.web.hints import shown
from onward.web.rendering import redirect
from onward.web.routing import Jobs, Page, PostedForm, Secrets, Ws

router = APIRouter()
INDEX_PAGE = Page("mail/index.html", nav="mail", title="Mail")
JOB_PAGE = Page("mail/job.html", nav="mail")

#: Inputs of the add form, as the service names them.
_ACCOUNT_INPUTS = {"imap_host": "imap_host", "imap_port": "imap_port", "folders": "folders"}


def _index(
    request: Request,
    ws: Workspace,
    jobs: MailJobs,
    secrets: Passwords,
    *,
    account_form: Form | None = None,
    import_form: Form | None = None,
    tested: Tested | None = None,
    status: int = 200,
) -> HTMLResponse:
    today = ws.clock.today()
    found = list_mail_accounts(ws.store, ws.owner)
    accounts = tuple(AccountView(a, secrets.from_environment(a.name)) for a in found)
    in_hand = jobs.paths_in_hand()
    unfinished = tuple(
        u
        for u in list_unfinished_imports(ws.store, ws.owner, ws.settings.home)
        if u.path not in in_hand
    )
    page = MailPage(
        accounts=accounts,
        unfinished=unfinished,
        jobs=tuple(JobView(j) for j in jobs.listed()[:8]),
        account_form=account_form or Form.empty(today, provider="gmail", sync_every_hours="24"),
        import_form=import_form or Form.empty(today),
        keyring=secrets.keyring_available(),
        upload_limit_mb=ws.settings.mail_upload_max_mb,
        tested=tested,
    )
    return INDEX_PAGE.render(request, page, status)


@router.get("/mail", response_class=HTMLResponse)
def show_mail(
    request: Request,
    ws: Ws,
    jobs: Jobs,
    secrets: Secrets,
) -> HTMLResponse:
    return _index(request, ws, jobs, secrets)


# -- accounts --------------------------------------------------------------------------------
def _request(form: Form) -> AccountRequest | None:
    preset = form["provider"].strip()
    port = form.whole("imap_port", low=1, high=65535)
    folders = tuple(f for f in form["folders"].split(",") if f.strip())
    if not form.ok:
        return None
    custom = preset in ("", "custom")
    return AccountRequest(
        name=form["name"].strip() or "personal",
        address=form["address"],
        provider=None if custom else preset,
        imap_host=form.text("imap_host") if custom else None,
        imap_port=port if custom else None,
        imap_security=form.text("imap_security") if custom else None,
        username=form.text("username"),
        folders=folders,
    )


@router.post("/mail/accounts", response_model=None)
def add_account(
    request: Request,
    form: PostedForm,
    ws: Ws,
    jobs: Jobs,
    secrets: Secrets,
) -> Response:
    """Log in with what was typed; only when that works is the account kept."""
    wanted = _request(form)
    password = form["password"] or None
    form.values.pop("password", None)  # never sent back to the page
    form.lists.pop("password", None)
    check: AccountCheck | None = None
    try:
        if wanted is None:
            raise InvalidInput("please look at the fields marked")
        fields = account_fields(wanted)
        check = check_new_mail_account(fields, ws.clock, passwords=secrets, password=password)
        add_mail_account(
            ws.store, ws.owner, fields, ws.clock, passwords=secrets, password=password,
            sync_every_hours=sync_every(form["sync_every_hours"]),
        )  # fmt: skip
    except OnwardError as exc:
        if form.ok or exc.field:
            form.fail_with(exc, "", _ACCOUNT_INPUTS)
        return _index(request, ws, jobs, secrets, account_form=form, status=422)
    where = "kept in this computer's keyring" if password else "read from the environment"
    counts = ", ".join(
        f"{f.folder}: {f.messages:,} messages" for f in check.folders if f.messages is not None
    )
    return redirect(
        "/mail",
        f"Connected {fields.name} ({fields.address}): logged in ({counts}); password {where}. "
        "Sync it below to read its mail.",
    )


@router.post("/mail/accounts/{name}/test", response_class=HTMLResponse)
def test_account(
    request: Request,
    name: str,
    ws: Ws,
    jobs: Jobs,
    secrets: Secrets,
) -> HTMLResponse:
    try:
        check = check_mail_account(ws.store, ws.owner, name, passwords=secrets)
    except NotFound:
        raise
    except OnwardError as exc:
        hint = shown(exc.hint)
        tested = Tested(name, False, (exc.message,), hint.text if hint else None)
        return _index(request, ws, jobs, secrets, tested=tested)
    lines = [f"Logged in to {check.account.fields.imap} (password: {check.password_from})."]
    lines += [
        f"Folder {f.folder}: {f.messages:,} messages."
        if f.messages is not None
        else f"Folder {f.folder} is not on the server."
        for f in check.folders
    ]
    if check.smtp is not None:
        smtp = "logged in" if check.smtp == "ok" else check.smtp
        lines.append(f"Sending (SMTP): {smtp}.")
    tested = Tested(check.account.name, check.ok, tuple(lines))
    return _index(request, ws, jobs, secrets, tested=tested)


@router.post("/mail/accounts/{name}/schedule", response_model=None)
def change_schedule(name: str, form: PostedForm, ws: Ws) -> Response:
    account = set_sync_schedule(ws.store, ws.owner, name, form["sync_every_hours"] or None)
    return redirect(
        "/mail", f"{account.name} now syncs {schedule_words(account.sync_every_hours)}."
    )


@router.post("/mail/accounts/{name}/sync", response_model=None)
def sync_account(
    name: str,
    ws: Ws,
    jobs: Jobs,
    secrets: Secrets,
) -> Response:
    account = get_mail_account(ws.store, ws.owner, name)
    job = jobs.start_sync(ws, account.name, secrets)
    return redirect(f"/mail/imports/{job.id}")


@router.post("/mail/accounts/{name}/remove", response_model=None)
def remove_account(name: str, ws: Ws, secrets: Secrets) -> Response:
    remove_mail_account(ws.store, ws.owner, name, passwords=secrets)
    return redirect(
        "/mail", f"Removed {name.strip().lower()}. The mail already imported from it stays."
    )


# -- imports ---------------------------------------------------------------------------------
@router.post("/mail/imports", response_model=None)
async def start_import(
    request: Request,
    ws: Ws,
    jobs: Jobs,
    secrets: Secrets,
) -> Response:
    """An uploaded file, or a path on this computer: checked, then imported in the background."""
    home, limit = ws.settings.home, ws.settings.mail_upload_max_mb * 1024 * 1024
    form = await request.form()
    path = form.get("path")
    path = path.strip() if isinstance(path, str) else ""
    upload = form.get("file")
    has_file = upload is not None and not isinstance(upload, str) and bool(upload.filename)
    failed = Form.empty(ws.clock.today(), path=path)
    try:
        if has_file:
            staged = await mail_upload(request, home, limit, ws.clock.now())
        elif path:
            refuse_server_paths(request)
            staged = stage_mail_path(home, path, ws.clock.now(), max_bytes=limit)
        else:
            raise InvalidInput("choose a mail file, or give the path of one", field="file")
        job = jobs.start_import(ws, staged)
    except OnwardError as exc:
        await form.close()
        failed.fail_with(exc, "path" if path and not has_file else "file")
        return _index(request, ws, jobs, secrets, import_form=failed, status=422)
    return redirect(f"/mail/imports/{job.id}")


@router.post("/mail/imports/unfinished", response_model=None)
def resume_unfinished(form: PostedForm, ws: Ws, jobs: Jobs) -> Response:
    """Go on with an import that stopped before the end (the server stopped mid-way)."""
    found = list_unfinished_imports(ws.store, ws.owner, ws.settings.home)
    chosen = next((u for u in found if str(u.path) == form["path"]), None)
    if chosen is None:
        raise NotFound("that import is not waiting to be finished", hint="import it again")
    job = jobs.start_import(ws, stage_unfinished(ws.settings.home, chosen))
    return redirect(f"/mail/imports/{job.id}")


@router.get("/mail/imports/{job_id}", response_class=HTMLResponse)
def show_import(request: Request, job_id: str, jobs: Jobs) -> HTMLResponse:
    view = JobView(jobs.get(job_id))
    return JOB_PAGE.render(request, view, title=view.title)


@router.post("/mail/imports/{job_id}/cancel", response_model=None)
def cancel_import(job_id: str, jobs: Jobs) -> Response:
    jobs.cancel(job_id)
    return redirect(f"/mail/imports/{job_id}", "Stopping after the message being read.")


@router.post("/mail/imports/{job_id}/resume", response_model=None)
def resume_import(job_id: str, ws: Ws, jobs: Jobs) -> Response:
    jobs.resume(ws, job_id)
    return redirect(f"/mail/imports/{job_id}", "Going on from where it stopped.")


@router.post("/mail/imports/{job_id}/discard", response_model=None)
def discard_import(job_id: str, jobs: Jobs) -> Response:
    jobs.discard(job_id)
    return redirect("/mail", "Removed from the list (the mail already imported stays).")
