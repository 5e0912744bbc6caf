""" "Not job mail" that teaches: the person says one message of the review queue is not job
mail, and Onward learns, locally, about its sender and its mailing list.

    mark_not_job_mail(store, owner, proposal_id, clock) -> NotJobTaught
    take_back_not_job_mail(store, owner, message_id) -> list[int]           # proposals restored
    list_not_job_senders(store, owner) -> list[NotJobSender]
    not_job_keys(tx, owner) -> NotJobKeys                                  # for the import

Marking dismisses the message's pending proposals and those of every other email waiting
from the same sender or list, keeps the message as an example of mail that is not job mail
(``onward.services.review.training_examples``), and remembers the sender's address and the
List-Id: a later import stores their mail without proposing anything. A recruiting system's
address is shared by many employers, so it is neither remembered nor used to dismiss other
mail (the list still is). Taking it back undoes all of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.emails import EmailLabel
from onward.domain.mail import ProposalStatus
from onward.domain.records import Owner
from onward.errors import InvalidInput, NotFound
from onward.services.proposals import get_proposal, save_example
from onward.understand.gate import judge

__all__ = [
    "NotJobKeys",
    "NotJobSender",
    "NotJobTaught",
    "list_not_job_senders",
    "mark_not_job_mail",
    "not_job_keys",
    "take_back_not_job_mail",
]


@dataclass(frozen=True)
class NotJobTaught:
    message_id: int
    address: str | None  # remembered sender address (None: not remembered)
    mailing_list: str | None  # remembered List-Id
    dismissed: tuple[int, ...]
    #: Of ``dismissed``, the proposals of other emails from the same sender or list.
    also_dismissed: int = 0


@dataclass(frozen=True)
class NotJobSender:
    id: int
    kind: str  # "address" or "list"
    value: str
    message_id: int | None
    created_at: datetime


@dataclass(frozen=True)
class NotJobKeys:
    addresses: frozenset[str]
    lists: frozenset[str]

    def covers(self, address: str, mailing_list: str | None) -> str | None:
        """What makes a message from ``address`` on ``mailing_list`` not job mail, if any."""
        if address and address.lower() in self.addresses:
            return f"you said mail from {address.lower()} is not job mail"
        if mailing_list and mailing_list in self.lists:
            return f"you said mail from the list {mailing_list} is not job mail"
        return None


def _recruiting_system(address: str) -> bool:
    """A recruiting system's address: the gate takes mail from it for job mail on the
    sender alone (empty text), and many employers share it."""
    return judge("", address).job


def mark_not_job_mail(store: Store, owner: Owner, proposal_id: int, clock: Clock) -> NotJobTaught:
    """Say the email of ``proposal_id`` is not job mail, in one transaction."""
    view = get_proposal(store, owner, proposal_id)
    now = clock.now()
    with store.transaction() as tx:
        row = tx.mail.get_message(owner.id, view.message_id)
        assert row is not None  # a proposal's message is never deleted before it
        pending = [
            p.id
            for p in tx.mail.proposals_of_message(owner.id, row.id)
            if p.status == ProposalStatus.PENDING.value
        ]
        if not pending:
            raise InvalidInput(
                f"proposal #{proposal_id} is already {view.status.value}; only an email "
                "still waiting for you can be marked not job mail"
            )
        address = row.sender_address.strip().lower() or None
        if address and _recruiting_system(address):
            address = None
        mailing_list = (row.details or {}).get("list_id") or None
        others = [
            pid
            for pid in tx.review_queue.pending_from(owner.id, address, mailing_list)
            if pid not in pending
        ]
        for pid in pending + others:
            tx.mail.decide_proposal(
                owner.id, pid, status=ProposalStatus.DISMISSED.value, decided_at=now
            )
        save_example(tx, owner, row.id, EmailLabel.OTHER.value, {}, True, now)
        taught = {"mail_message_id": row.id, "dismissed": pending + others, "created_at": now}
        added_address = address is not None and tx.review_queue.add_not_job_sender(
            owner.id, taught | {"kind": "address", "value": address}
        )
        added_list = mailing_list is not None and tx.review_queue.add_not_job_sender(
            owner.id, taught | {"kind": "list", "value": str(mailing_list)}
        )
    return NotJobTaught(
        row.id,
        address if added_address else None,
        str(mailing_list) if added_list else None,
        tuple(pending + others),
        len(others),
    )


def take_back_not_job_mail(store: Store, owner: Owner, message_id: int) -> list[int]:
    """Take back "not job mail" on one message: its sender and list are forgotten, its
    example too, and the proposals it dismissed wait again. Returns those proposals. An
    unknown message (or another person's) is ``NotFound``."""
    with store.transaction() as tx:
        if tx.mail.get_message(owner.id, message_id) is None:
            raise NotFound(f"no email #{message_id}", field="message_id")
        taught = [
            r for r in tx.review_queue.not_job_senders(owner.id) if r.mail_message_id == message_id
        ]
        if not taught:
            if tx.mail.get_message(owner.id, message_id) is None:
                raise NotFound(f"no stored message #{message_id}", field="message_id")
            raise InvalidInput(
                f"email #{message_id} was not marked not job mail; nothing to take back",
                field="message_id",
            )
        restored: list[int] = []
        ids = list(dict.fromkeys(i for r in taught for i in r.dismissed))
        statuses = tx.review_queue.proposal_statuses(owner.id, ids)
        for pid in ids:
            if statuses.get(pid) == ProposalStatus.DISMISSED.value:
                tx.mail.decide_proposal(
                    owner.id, pid, status=ProposalStatus.PENDING.value, decided_at=None
                )
                restored.append(pid)
        tx.review_queue.forget_not_job_senders(owner.id, [r.id for r in taught])
        tx.review_queue.forget_example(owner.id, message_id)
    return restored


def list_not_job_senders(store: Store, owner: Owner) -> list[NotJobSender]:
    """The senders and lists the person said send no job mail, newest first."""
    with store.transaction() as tx:
        rows = tx.review_queue.not_job_senders(owner.id)
    return [NotJobSender(r.id, r.kind, r.value, r.mail_message_id, r.created_at) for r in rows]


def not_job_keys(tx: Tx, owner: Owner) -> NotJobKeys:
    rows = tx.review_queue.not_job_senders(owner.id)
    return NotJobKeys(
        frozenset(r.value for r in rows if r.kind == "address"),
        frozenset(r.value for r in rows if r.kind == "list"),
    )
