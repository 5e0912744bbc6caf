"""Server accounts and their sessions and one-time links: the repositories
(tables in ``onward.db.account_tables``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Row, delete, func, select, update

from onward.db.account_tables import account_links, account_sessions, accounts, sign_in_throttle
from onward.db.meta import insert_row, record
from onward.db.repo import Repo
from onward.domain.accounts import Account, LinkPurpose, Role


class AccountRepo(Repo):
    def insert(
        self, owner_id: int, email: str, role: Role, password_hash: str | None, now: datetime
    ) -> Account:
        new_id = self.insert_owned(
            accounts,
            owner_id,
            email=email,
            role=role.value,
            password_hash=password_hash,
            failed_sign_ins=0,
            created_at=now,
        )
        return Account(
            id=new_id,
            owner_id=owner_id,
            email=email,
            role=role,
            created_at=now,
            has_password=password_hash is not None,
        )

    def get(self, account_id: int) -> Account | None:
        row = self.conn.execute(select(accounts).where(accounts.c.id == account_id)).first()
        return _account(row) if row is not None else None

    def by_email(self, email: str) -> Account | None:
        """The account with this (already lower-cased) email."""
        row = self.conn.execute(select(accounts).where(accounts.c.email == email)).first()
        return _account(row) if row is not None else None

    def by_owner(self, owner_id: int) -> Account | None:
        row = self.conn.execute(select(accounts).where(accounts.c.owner_id == owner_id)).first()
        return _account(row) if row is not None else None

    def list(self, role: Role | None = None) -> list[Account]:
        query = select(accounts).order_by(accounts.c.email)
        if role is not None:
            query = query.where(accounts.c.role == role.value)
        return [_account(r) for r in self.conn.execute(query)]

    def count(self) -> int:
        return int(self.conn.execute(select(func.count()).select_from(accounts)).scalar_one())

    def rows_per_owner(self) -> dict[int, dict[str, int]]:
        """{owner id: {table: rows}} over every table of owned records (one query each)."""
        from onward.db.tables import metadata  # every table registered

        found: dict[int, dict[str, int]] = {}
        for table in metadata.sorted_tables:
            if "owner_id" not in table.c or table is accounts:
                continue
            rows = self.conn.execute(
                select(table.c.owner_id, func.count()).group_by(table.c.owner_id)
            )
            for owner_id, count in rows:
                found.setdefault(int(owner_id), {})[table.name] = int(count)
        return found

    def password_hash(self, account_id: int) -> str | None:
        return self.conn.execute(
            select(accounts.c.password_hash).where(accounts.c.id == account_id)
        ).scalar()

    def set_password_hash(self, account_id: int, password_hash: str) -> None:
        self.update(account_id, password_hash=password_hash, failed_sign_ins=0, locked_until=None)

    def note_failed_sign_in(self, account_id: int) -> int:
        """Count one more failed sign-in (in the database, so concurrent workers add up)."""
        self.conn.execute(
            update(accounts)
            .where(accounts.c.id == account_id)
            .values(failed_sign_ins=accounts.c.failed_sign_ins + 1)
        )
        count = self.conn.execute(
            select(accounts.c.failed_sign_ins).where(accounts.c.id == account_id)
        ).scalar()
        return int(count or 0)

    def update(self, account_id: int, **values: Any) -> None:
        """Set columns of one account (disabled_at, role, failed_sign_ins, locked_until,
        last_signed_in_at, password_hash)."""
        self.conn.execute(update(accounts).where(accounts.c.id == account_id).values(**values))


class AccountSessionRepo(Repo):
    """Signed-in sessions: the digest of each cookie's token, never the token."""

    def insert(self, account_id: int, digest: str, now: datetime, expires_at: datetime) -> int:
        return insert_row(
            self.conn,
            account_sessions,
            account_id=account_id,
            token_sha256=digest,
            created_at=now,
            last_seen_at=now,
            expires_at=expires_at,
        )

    def active(self, digest: str, now: datetime) -> tuple[int, Account, datetime] | None:
        """(session id, its account, when it was last seen) for an unexpired session."""
        row = self.conn.execute(
            select(
                account_sessions.c.id.label("session_id"), account_sessions.c.last_seen_at, accounts
            )
            .join(accounts, accounts.c.id == account_sessions.c.account_id)
            .where(account_sessions.c.token_sha256 == digest, account_sessions.c.expires_at > now)
        ).first()
        if row is None:
            return None
        return int(row.session_id), _account(row), row.last_seen_at

    def touch(self, session_id: int, now: datetime, expires_at: datetime) -> None:
        self.conn.execute(
            update(account_sessions)
            .where(account_sessions.c.id == session_id)
            .values(last_seen_at=now, expires_at=expires_at)
        )

    def delete(self, digest: str) -> None:
        self.conn.execute(delete(account_sessions).where(account_sessions.c.token_sha256 == digest))

    def delete_for(self, account_id: int) -> int:
        result = self.conn.execute(
            delete(account_sessions).where(account_sessions.c.account_id == account_id)
        )
        return int(result.rowcount)

    def delete_expired(self, now: datetime) -> int:
        result = self.conn.execute(
            delete(account_sessions).where(account_sessions.c.expires_at <= now)
        )
        return int(result.rowcount)


class AccountLinkRepo(Repo):
    """One-time links (invitations, resets): the digest of each link's token."""

    def insert(
        self,
        account_id: int,
        purpose: LinkPurpose,
        digest: str,
        now: datetime,
        expires_at: datetime,
    ) -> int:
        return insert_row(
            self.conn,
            account_links,
            account_id=account_id,
            purpose=purpose.value,
            token_sha256=digest,
            created_at=now,
            expires_at=expires_at,
        )

    def usable(self, digest: str, now: datetime) -> tuple[int, LinkPurpose, Account] | None:
        """(link id, purpose, account) of an unused, unexpired link with this digest."""
        row = self.conn.execute(
            select(account_links.c.id.label("link_id"), account_links.c.purpose, accounts)
            .join(accounts, accounts.c.id == account_links.c.account_id)
            .where(
                account_links.c.token_sha256 == digest,
                account_links.c.used_at.is_(None),
                account_links.c.expires_at > now,
            )
        ).first()
        if row is None:
            return None
        return int(row.link_id), LinkPurpose(row.purpose), _account(row)

    def use(self, link_id: int, now: datetime) -> bool:
        """Mark a link used; False when another request used it first."""
        result = self.conn.execute(
            update(account_links)
            .where(account_links.c.id == link_id, account_links.c.used_at.is_(None))
            .values(used_at=now)
        )
        return bool(result.rowcount)

    def retire_for(self, account_id: int, now: datetime) -> None:
        """Use up every open link of an account (a newer one replaces them)."""
        self.conn.execute(
            update(account_links)
            .where(account_links.c.account_id == account_id, account_links.c.used_at.is_(None))
            .values(used_at=now)
        )


class SignInThrottleRepo(Repo):
    """Failed sign-ins per key (digest of an email typed or of a client address)."""

    def get(self, key: str) -> tuple[int, datetime, datetime | None] | None:
        """(failures, window start, locked until) for a key."""
        row = self.conn.execute(
            select(sign_in_throttle).where(sign_in_throttle.c.key_sha256 == key)
        ).first()
        return (int(row.failures), row.window_start, row.locked_until) if row is not None else None

    def put(
        self, key: str, failures: int, window_start: datetime, locked_until: datetime | None
    ) -> None:
        values = {"failures": failures, "window_start": window_start, "locked_until": locked_until}
        where = [sign_in_throttle.c.key_sha256 == key]
        self.update_or_insert(sign_in_throttle, where, values, key_sha256=key)

    def clear(self, key: str) -> None:
        self.conn.execute(delete(sign_in_throttle).where(sign_in_throttle.c.key_sha256 == key))


def _account(row: Row[Any]) -> Account:
    return record(Account, row, has_password=row.password_hash is not None)
