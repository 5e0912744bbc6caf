"""Rules of the review queue at scale: which proposals are "maybe", how the queue is filtered,
grouped and paged. Pure: the services feed it rows and facts.

A proposal is **maybe** when the reader is unsure of it (below ``MAYBE_BELOW``) or when its
sender is a stranger: the person has never dealt with them about a job (no other mail from
that address, or from that company's own domain, is linked to an application; they are no
application's contact; the message is not in a thread of linked mail or of mail the person
sent). Maybe proposals are shown apart and are never accepted in bulk unless chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

from onward.domain.companies import PLATFORM_DOMAINS, company_key
from onward.domain.mail import ProposalKind

__all__ = [
    "MAYBE_BELOW",
    "Grouping",
    "KnownSenders",
    "QueueFilter",
    "Show",
    "list_key",
    "maybe_reason",
    "sender_domain",
]

#: Below this confidence a proposal is "maybe", whatever its sender.
MAYBE_BELOW = 0.7


class Show(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DISMISSED = "dismissed"
    ALL = "all"


class Grouping(StrEnum):
    """How the queue's emails are put together: each on its own (newest last), by the
    application they are about, or by their email thread."""

    EMAIL = "email"
    APPLICATION = "application"
    THREAD = "thread"


#: Proposal statuses each ``Show`` lists.
STATUSES: dict[Show, tuple[str, ...]] = {
    Show.PENDING: ("pending",),
    Show.ACCEPTED: ("accepted", "edited"),
    Show.DISMISSED: ("dismissed",),
    Show.ALL: (),
}


@dataclass(frozen=True)
class QueueFilter:
    """Which proposals the queue lists. ``maybe``: None for both groups, True for the maybe
    group only, False for the sure one only. Confidences are 0-1, dates are local days
    (``until`` included)."""

    show: Show = Show.PENDING
    kinds: tuple[ProposalKind, ...] = ()
    min_confidence: float | None = None
    max_confidence: float | None = None
    company: str = ""
    since: date | None = None
    until: date | None = None
    maybe: bool | None = None
    grouping: Grouping = Grouping.EMAIL

    def company_matcher(self) -> Callable[[str | None], bool] | None:
        """A test of a proposal's company against the filter's (None: any company)."""
        want = company_key(self.company)
        if not want:
            return None
        return lambda company: want in company_key(company)


_PLATFORMS = frozenset(PLATFORM_DOMAINS)


@lru_cache(maxsize=4096)
def sender_domain(address: str) -> str:
    """The sender's own domain, or "" for a mail service, job board or tracking system (many
    companies share those, so a domain there says nothing about who wrote)."""
    domain = address.rpartition("@")[2].lower().strip(".")
    labels = domain.split(".")
    if not domain or any(".".join(labels[i:]) in _PLATFORMS for i in range(len(labels))):
        return ""
    return domain


@dataclass(frozen=True)
class KnownSenders:
    """The facts ``maybe_reason`` reads: the linked messages each address and domain sent
    (their row ids; -1 for an application's contact), contacts' addresses, and job threads'
    Message-IDs."""

    addresses: dict[str, set[int]]
    domains: dict[str, set[int]]
    contacts: frozenset[str]
    threads: frozenset[str]

    @classmethod
    def of(
        cls,
        linked: Iterable[tuple[int, str, str | None]],
        contacts: Collection[str],
        sent: Iterable[str],
    ) -> KnownSenders:
        addresses: dict[str, set[int]] = {}
        domains: dict[str, set[int]] = {}
        threads = set(sent)
        for address in contacts:  # a contact's domain is known too (no message to set aside)
            if domain := sender_domain(address):
                domains.setdefault(domain, set()).add(-1)
        for row_id, address, message_id in linked:
            addresses.setdefault(address, set()).add(row_id)
            if domain := sender_domain(address):
                domains.setdefault(domain, set()).add(row_id)
            if message_id:
                threads.add(message_id)
        return cls(addresses, domains, frozenset(contacts), frozenset(threads))

    def knows(self, row_id: int, address: str, thread_ids: Iterable[str]) -> bool:
        """Whether the person has dealt with this sender about a job (this message aside)."""
        address = address.lower()
        if address in self.contacts:
            return True
        if self.addresses.get(address, set()) - {row_id}:
            return True
        domain = sender_domain(address)
        if domain and self.domains.get(domain, set()) - {row_id}:
            return True
        return not self.threads.isdisjoint(thread_ids)


def maybe_reason(confidence: float, known: bool) -> str | None:
    """Why a proposal is "maybe", in the person's words; None when it is not."""
    if confidence < MAYBE_BELOW:
        return "Onward is unsure of this email"
    if not known:
        return "you have not dealt with this sender about a job before"
    return None


def list_key(headers: Iterable[tuple[str, str]]) -> str | None:
    """The mailing list a message came through, from its ``List-Id`` header ("Books
    <books.lists.example.org>" -> "books.lists.example.org"); None when it has none."""
    for name, value in headers:
        if name.lower() == "list-id":
            inner = value.rpartition("<")[2].partition(">")[0] if "<" in value else value
            key = inner.strip().lower()[:600]
            return key or None
    return None
