"""Draft delivery: how a draft goes out through a mail account (into the person's Drafts
folder, or sent by SMTP), and an application's sent drafts with how each went out.

Putting a draft in the Drafts folder (IMAP APPEND, flagged ``\\Draft``) lets the person
review and send it from their own mail client. Sending by SMTP happens only with their
explicit confirmation. Either way the draft then counts as sent (for goals and the task
that asked for it) and shows on the application's timeline with how it went out.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from email.utils import formataddr, getaddresses

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.mail_accounts import Delivery, DeliveryMethod, MailAccount
from onward.domain.playbook.stored import DraftStatus, SavedDraft, check_draft_move
from onward.domain.records import Owner
from onward.errors import Action, Hint, InvalidInput, NotFound
from onward.mail.passwords import Passwords
from onward.services.drafts import mark_draft_sent
from onward.services.mail_accounts import imap_login, smtp_login


@dataclass(frozen=True)
class SentDraft:
    """A sent draft with how it went out (no deliveries: the person sent it by hand)."""

    draft: SavedDraft
    deliveries: tuple[Delivery, ...]


def list_sent_drafts(store: Store, owner: Owner, application_id: int) -> list[SentDraft]:
    """An application's sent drafts with how each went out, oldest first (for its timeline)."""
    with store.transaction() as tx:
        drafts = tx.drafts.query(
            owner.id, statuses=(DraftStatus.SENT,), application_id=application_id
        )
        deliveries = tx.mail_accounts.deliveries(owner.id, [d.id for d in drafts])
    by_draft: dict[int, list[Delivery]] = {}
    for delivery in deliveries:
        by_draft.setdefault(delivery.draft_id, []).append(delivery)
    return [SentDraft(d, tuple(by_draft.get(d.id, ()))) for d in drafts]


@dataclass(frozen=True)
class DeliveredDraft:
    draft: SavedDraft
    delivery: Delivery
    #: The Drafts folder it was put in (IMAP), or None (SMTP).
    folder: str | None = None


def append_draft(
    store: Store,
    owner: Owner,
    draft_id: int,
    clock: Clock,
    *,
    passwords: Passwords,
    account: str | None = None,
    sender_name: str = "",
) -> DeliveredDraft:
    """Put the draft in the account's Drafts folder, flagged ``\\Draft``, to send from there."""
    from onward.mail.imap import connect

    saved, chosen = _prepare(store, owner, draft_id, account)
    message_id, raw = _message(saved, chosen, sender_name, clock)
    with connect(imap_login(chosen, passwords.get(chosen.name))) as session:
        folder = session.drafts_folder(chosen.fields.drafts_folder)
        session.append_draft(folder, raw, clock.now())
    return _record(
        store, owner, saved, chosen, DeliveryMethod.IMAP_DRAFTS, message_id, clock, folder
    )


def send_draft(
    store: Store,
    owner: Owner,
    draft_id: int,
    clock: Clock,
    *,
    passwords: Passwords,
    confirmed: bool,
    account: str | None = None,
    sender_name: str = "",
) -> DeliveredDraft:
    """Send the draft by SMTP. ``confirmed`` must say the person said yes to this draft."""
    from onward.mail.smtp import send_message

    saved, chosen = check_sendable(store, owner, draft_id, account)
    if not confirmed:
        raise InvalidInput(
            f"draft #{saved.id} was not sent: sending needs your confirmation",
            field="confirm",
            hint=Hint(Action.FILL_IN, {"field": "confirm"}, text="or answer yes when asked"),
        )
    message_id, raw = _message(saved, chosen, sender_name, clock)
    recipients = [address for _, address in getaddresses([saved.to or ""]) if address]
    send_message(
        smtp_login(chosen, passwords.get(chosen.name)),
        raw,
        from_addr=chosen.fields.address,
        to_addrs=recipients,
    )
    return _record(store, owner, saved, chosen, DeliveryMethod.SMTP, message_id, clock, None)


def check_sendable(
    store: Store, owner: Owner, draft_id: int, account: str | None = None
) -> tuple[SavedDraft, MailAccount]:
    """Everything ``send_draft`` needs, checked before the person is asked to confirm: the
    draft is unsent and has a recipient, and the account exists and has an SMTP server."""
    saved, chosen = _prepare(store, owner, draft_id, account)
    if not saved.to:
        raise InvalidInput(
            f"draft #{saved.id} has no recipient",
            hint=Hint(Action.EDIT_RECIPIENT, {"draft_id": saved.id}),
        )
    smtp_login(chosen, "")  # raises for an account without SMTP
    return saved, chosen


def _prepare(
    store: Store, owner: Owner, draft_id: int, account: str | None
) -> tuple[SavedDraft, MailAccount]:
    with store.transaction() as tx:
        saved = tx.drafts.get(owner.id, draft_id)
        if saved is None:
            raise NotFound(f"no draft #{draft_id}", hint=Hint(Action.LIST_DRAFTS))
        check_draft_move(saved, DraftStatus.SENT)
        return saved, _account(tx, owner, account)


def _account(tx: Tx, owner: Owner, name: str | None) -> MailAccount:
    if name is not None:
        found = tx.mail_accounts.get(owner.id, name.strip().lower())
        if found is None:
            raise NotFound(f"no mail account called {name!r}", hint=Hint(Action.LIST_MAIL_ACCOUNTS))
        return found
    accounts = tx.mail_accounts.query(owner.id)
    if not accounts:
        raise NotFound(
            "no mail account yet",
            hint=Hint(Action.ADD_MAIL_ACCOUNT),
        )
    if len(accounts) > 1:
        names = ", ".join(a.name for a in accounts)
        raise InvalidInput(
            "which mail account?",
            field="account",
            hint=Hint(Action.FILL_IN, {"field": "account"}, text=f"choose one of: {names}"),
        )
    return accounts[0]


def _message(
    saved: SavedDraft, account: MailAccount, sender_name: str, clock: Clock
) -> tuple[str, bytes]:
    from onward.drafting import Draft, to_eml_bytes  # loads the draft checks: only to send

    address = account.fields.address
    domain = address.rpartition("@")[2] or "onward.invalid"
    message_id = f"<onward.{uuid.uuid4().hex}@{domain}>"
    sender = formataddr((sender_name, address)) if sender_name else address
    draft = Draft(kind=saved.kind, subject=saved.subject, body=saved.body, to=saved.to)
    raw = to_eml_bytes(draft, sender, clock.now(), message_id=message_id, unsent=False)
    return message_id, raw


def _record(
    store: Store,
    owner: Owner,
    saved: SavedDraft,
    account: MailAccount,
    method: DeliveryMethod,
    message_id: str,
    clock: Clock,
    folder: str | None,
) -> DeliveredDraft:
    with store.transaction() as tx:  # one action: marked sent and its delivery kept
        draft = mark_draft_sent(store, owner, saved.id, clock)
        delivery = Delivery(saved.id, account.name, method, message_id, saved.to, clock.now())
        tx.mail_accounts.add_delivery(owner.id, delivery)
    return DeliveredDraft(draft, delivery, folder)
