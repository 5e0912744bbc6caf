"""Mail accounts, their folders' sync state, and deliveries of drafts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row, delete, select, update

from onward.db.mail_account_tables import mail_accounts, mail_deliveries, mail_folders
from onward.db.meta import record, values
from onward.db.repo import Repo, owned_rows
from onward.domain.mail_accounts import (
    AccountFields,
    Delivery,
    FolderState,
    MailAccount,
    Security,
    Server,
    SyncOutcome,
)


class MailAccountRepo(Repo):
    # -- accounts ----------------------------------------------------------------------------
    def insert(self, owner_id: int, fields: AccountFields, now: datetime) -> int:
        return self.insert_owned(
            mail_accounts,
            owner_id,
            created_at=now,
            updated_at=now,
            **_columns(fields),
        )

    def update(self, owner_id: int, account_id: int, fields: AccountFields, now: datetime) -> None:
        self.update_owned(mail_accounts, owner_id, account_id, updated_at=now, **_columns(fields))

    def get(self, owner_id: int, name: str) -> MailAccount | None:
        return self.read_first(
            owned_rows(mail_accounts, owner_id, mail_accounts.c.name == name),
            lambda row: _account(row, self.folder_states(owner_id, [row.id]).get(row.id, ())),
        )

    def query(self, owner_id: int) -> list[MailAccount]:
        rows = list(
            self.conn.execute(
                select(mail_accounts)
                .where(mail_accounts.c.owner_id == owner_id)
                .order_by(mail_accounts.c.name)
            )
        )
        states = self.folder_states(owner_id, [r.id for r in rows])
        return [_account(r, states.get(r.id, ())) for r in rows]

    def set_schedule(self, owner_id: int, account_id: int, hours: int | None) -> None:
        self.conn.execute(
            update(mail_accounts)
            .where(mail_accounts.c.owner_id == owner_id, mail_accounts.c.id == account_id)
            .values(sync_every_hours=hours)
        )

    def save_last_sync(self, owner_id: int, account_id: int, outcome: SyncOutcome) -> None:
        found = {"new": outcome.new, "proposals": outcome.proposals, "problem": outcome.problem}
        self.conn.execute(
            update(mail_accounts)
            .where(mail_accounts.c.owner_id == owner_id, mail_accounts.c.id == account_id)
            .values(last_sync_at=outcome.at, last_sync=found | {"cancelled": outcome.cancelled})
        )

    def delete(self, owner_id: int, account_id: int) -> None:
        self.conn.execute(
            delete(mail_folders).where(
                mail_folders.c.owner_id == owner_id, mail_folders.c.account_id == account_id
            )
        )
        self.conn.execute(
            delete(mail_accounts).where(
                mail_accounts.c.owner_id == owner_id, mail_accounts.c.id == account_id
            )
        )

    # -- folder sync state -------------------------------------------------------------------
    def folder_states(
        self, owner_id: int, account_ids: Sequence[int]
    ) -> dict[int, tuple[FolderState, ...]]:
        if not account_ids:
            return {}
        rows = self.conn.execute(
            select(mail_folders)
            .where(
                mail_folders.c.owner_id == owner_id,
                mail_folders.c.account_id.in_(list(account_ids)),
            )
            .order_by(mail_folders.c.id)
        )
        out: dict[int, list[FolderState]] = {}
        for r in rows:
            out.setdefault(r.account_id, []).append(
                FolderState(r.folder, r.uidvalidity, r.last_uid, r.synced_at, r.messages_seen)
            )
        return {key: tuple(value) for key, value in out.items()}

    def save_folder_state(self, owner_id: int, account_id: int, state: FolderState) -> None:
        values = {
            "uidvalidity": state.uidvalidity,
            "last_uid": state.last_uid,
            "messages_seen": state.messages_seen,
            "synced_at": state.synced_at,
        }
        c = mail_folders.c
        self.update_or_insert(
            mail_folders,
            [c.owner_id == owner_id, c.account_id == account_id, c.folder == state.folder],
            values,
            owner_id=owner_id,
            account_id=account_id,
            folder=state.folder,
        )

    # -- deliveries --------------------------------------------------------------------------
    def add_delivery(self, owner_id: int, delivery: Delivery) -> None:
        self.conn.execute(
            mail_deliveries.insert().values(
                owner_id=owner_id,
                **values(delivery, "draft_id", "account_name", "method", "message_id"),
                to_addr=delivery.to,
                delivered_at=delivery.delivered_at,
            )
        )

    def deliveries(self, owner_id: int, draft_ids: Sequence[int]) -> list[Delivery]:
        if not draft_ids:
            return []
        c = mail_deliveries.c
        stmt = owned_rows(
            mail_deliveries,
            owner_id,
            c.draft_id.in_(list(draft_ids)),
            order_by=(c.delivered_at, c.id),
        )
        return self.read_all(stmt, lambda r: record(Delivery, r, to=r.to_addr))


def _columns(fields: AccountFields) -> dict[str, Any]:
    smtp = fields.smtp
    return {
        "name": fields.name,
        "address": fields.address,
        "imap_host": fields.imap.host,
        "imap_port": fields.imap.port,
        "imap_security": fields.imap.security.value,
        "username": fields.username,
        "folders": list(fields.folders),
        "drafts_folder": fields.drafts_folder,
        "smtp_host": smtp.host if smtp else None,
        "smtp_port": smtp.port if smtp else None,
        "smtp_security": smtp.security.value if smtp else None,
    }


def _account(row: Row[Any], states: tuple[FolderState, ...]) -> MailAccount:
    smtp = (
        Server(row.smtp_host, row.smtp_port, Security(row.smtp_security)) if row.smtp_host else None
    )
    fields = AccountFields(
        name=row.name,
        address=row.address,
        imap=Server(row.imap_host, row.imap_port, Security(row.imap_security)),
        username=row.username,
        folders=tuple(row.folders),
        drafts_folder=row.drafts_folder,
        smtp=smtp,
    )
    last = None
    if row.last_sync_at is not None:
        found = row.last_sync or {}
        last = SyncOutcome(
            at=row.last_sync_at,
            new=int(found.get("new") or 0),
            proposals=int(found.get("proposals") or 0),
            problem=found.get("problem"),
            cancelled=bool(found.get("cancelled")),
        )
    return MailAccount(
        id=row.id,
        fields=fields,
        created_at=row.created_at,
        folder_states=states,
        sync_every_hours=row.sync_every_hours,
        last_sync=last,
    )
