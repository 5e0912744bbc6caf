"""Mail accounts: list, add (after a test login), test, change the sync schedule, remove, and
sync in the background. A password goes to the OS keyring (or comes from the server's
environment) and is never sent back."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Response
from pydantic import Field
from starlette.concurrency import run_in_threadpool

from onward.domain.mail_accounts import MailAccount
from onward.errors import NotFound, OnwardError
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
from onward.web.api.mail_imports import job_record
from onward.web.routing import Body, Jobs, Secrets, Ws

router = APIRouter(tags=["mail"])


class NewAccount(Body):
    """An account to add. ``provider`` (gmail, outlook, yahoo, fastmail, icloud) fills in the
    servers and folders; ``password`` is kept in the OS keyring (leave it out when the
    server's environment holds it). The login is tested first unless ``test`` is false."""

    name: str
    address: str
    provider: str | None = None
    imap_host: str | None = None
    imap_port: int | None = None
    imap_security: str | None = None
    username: str | None = None
    folders: list[str] = Field(default_factory=list)
    drafts_folder: str | None = None
    smtp_host: str | None = None
    smtp_port: int | None = None
    smtp_security: str | None = None
    password: str | None = Field(default=None, json_schema_extra={"writeOnly": True})
    sync_every_hours: int | None = None
    test: bool = True


class Schedule(Body):
    """How often the account syncs while the web app runs: hours (1 to 168), or null: off."""

    sync_every_hours: int | None


@router.get("/mail/accounts")
def listed(ws: Ws, secrets: Secrets) -> dict[str, Any]:
    """The accounts (never a password), and whether this computer has an OS keyring."""
    accounts = list_mail_accounts(ws.store, ws.owner)
    return {
        "accounts": [account_record(a) for a in accounts],
        "keyring": secrets.keyring_available(),
    }


@router.post("/mail/accounts", status_code=201)
async def add(body: NewAccount, ws: Ws, secrets: Secrets) -> dict[str, Any]:
    """Add an account, after logging in with its password (a refused login or an unreachable
    server is a 422 with the reason, and nothing is kept)."""
    values = body.model_dump(exclude={"password", "sync_every_hours", "test"})
    fields = account_fields(AccountRequest(**(values | {"folders": tuple(body.folders)})))
    check = None
    if body.test:
        check = await run_in_threadpool(
            check_new_mail_account, fields, ws.clock, passwords=secrets, password=body.password
        )
    account = add_mail_account(
        ws.store, ws.owner, fields, ws.clock, passwords=secrets, password=body.password,
        sync_every_hours=body.sync_every_hours,
    )  # fmt: skip
    return account_record(account) | {"test": check_record(check) if check else None}


@router.post("/mail/accounts/{name}/test")
async def test(name: str, ws: Ws, secrets: Secrets) -> dict[str, Any]:
    """Log in and look at the folders, read-only. Answers 200 either way: ``ok`` false with
    the ``problem`` (a refused password, an unreachable server, a TLS failure) and its hint."""
    try:
        check = await run_in_threadpool(
            check_mail_account, ws.store, ws.owner, name, passwords=secrets
        )
    except NotFound:
        raise
    except OnwardError as exc:
        return {
            "ok": False,
            "problem": exc.message,
            "field": exc.field,
            "hint": exc.hint.as_json() if exc.hint else None,
        }
    return check_record(check)


@router.patch("/mail/accounts/{name}")
def schedule(name: str, body: Schedule, ws: Ws) -> dict[str, Any]:
    """Change how often the account syncs on its own while the web app runs."""
    return account_record(set_sync_schedule(ws.store, ws.owner, name, body.sync_every_hours))


@router.post("/mail/accounts/{name}/sync", status_code=202)
def sync(name: str, ws: Ws, running: Jobs, secrets: Secrets) -> dict[str, Any]:
    """Sync the account now, in the background; follow it at ``/mail/imports/{id}``."""
    account = get_mail_account(ws.store, ws.owner, name)
    return job_record(running.start_sync(ws, account.name, secrets))


@router.delete("/mail/accounts/{name}", status_code=204)
def remove(name: str, ws: Ws, secrets: Secrets) -> Response:
    """Forget the account, its sync state and its keyring password (imported mail stays)."""
    remove_mail_account(ws.store, ws.owner, name, passwords=secrets)
    return Response(status_code=204)


def account_record(account: MailAccount) -> dict[str, Any]:
    f = account.fields
    last = account.last_sync
    return {
        "name": account.name,
        "address": f.address,
        "imap": {"host": f.imap.host, "port": f.imap.port, "security": f.imap.security.value},
        "username": f.username,
        "folders": list(f.folders),
        "drafts_folder": f.drafts_folder,
        "smtp": (
            {"host": f.smtp.host, "port": f.smtp.port, "security": f.smtp.security.value}
            if f.smtp
            else None
        ),
        "sync_every_hours": account.sync_every_hours,
        "last_sync": (asdict(last) | {"at": last.at.isoformat(), "ok": last.ok}) if last else None,
        "created_at": account.created_at.isoformat(),
    }


def check_record(check: AccountCheck) -> dict[str, Any]:
    return {
        "ok": check.ok,
        "problem": "; ".join(check.problems) or None,
        "password_from": check.password_from,
        "folders": [{"folder": c.folder, "messages": c.messages} for c in check.folders],
        "drafts_folder": check.drafts_folder,
        "smtp": check.smtp,
    }
