"""Which application an email is about.

In order of trust: the thread (a reply in a thread whose earlier message belongs to an
application belongs there too), the requisition id, then the company (names normalised,
aliases the person taught in review applied) with the role matched fuzzily by rapidfuzz.
Two distinct roles at one company are never merged: when the email names a role that no
application at the company resembles, nothing matches and a new application is proposed,
unless a new application at the company is already waiting in the queue without a role (its
first email named none): then this email names it.
Job-board and tracking-system senders never name the company; only the text is used then.

``MatchIndex`` is built once per import from the person's applications, the
create-application proposals still pending and the job mail already stored, and learns as
the import goes on, so one import never proposes the same new application twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from onward.domain.companies import company_from_domain, company_key, role_key, role_levels
from onward.domain.emails import EmailReading
from onward.domain.mail import AppCandidate, Match

__all__ = ["ROLE_THRESHOLD", "MatchIndex", "PendingCreate", "ThreadLink", "same_role"]

#: token_sort_ratio (0-100) from which two role titles are taken to be the same job.
ROLE_THRESHOLD = 86
#: Company keys this similar (after normalising) are one company ("acme labs" / "acmelabs").
COMPANY_THRESHOLD = 92


@dataclass(frozen=True)
class PendingCreate:
    """A create-application proposal waiting in the review queue."""

    proposal_id: int
    company: str
    role: str | None
    job_ref: str | None


@dataclass(frozen=True)
class ThreadLink:
    """What an earlier job message is linked to."""

    application_id: int | None
    pending_create: int | None


def same_role(a: str | None, b: str | None) -> bool:
    """True when two role titles name the same job (seniority must agree)."""
    ka, kb = role_key(a), role_key(b)
    if not ka or not kb:
        return False
    if role_levels(ka) != role_levels(kb):
        return False
    return ka == kb or fuzz.token_sort_ratio(ka, kb) >= ROLE_THRESHOLD


def _squeezed(company: str | None) -> str:
    """A company's key without its spaces: an address squeezes "Cobalt Reach" together."""
    return company_key(company).replace(" ", "")


def _ref(value: str | None) -> str:
    return "".join(ch for ch in (value or "").casefold() if ch.isalnum())


@dataclass
class MatchIndex:
    applications: list[AppCandidate]
    pending: list[PendingCreate] = field(default_factory=list)
    threads: dict[str, ThreadLink] = field(default_factory=dict)
    aliases: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_id = {app.id: app for app in self.applications}
        self._keys = {app.id: self.company(app.company) for app in self.applications}
        self._pending_keys: dict[int, str] = {}
        self._names = {_squeezed(a.company): a.company for a in reversed(self.applications)}

    # -- what the person's data says --------------------------------------------------
    def company(self, name: str | None) -> str:
        """The key of a company name, after the person's aliases."""
        key = company_key(name)
        return company_key(self.aliases[key]) if key in self.aliases else key

    def canonical_name(self, name: str | None) -> str | None:
        """The company's name as the person wrote it (alias or application), else ``name``;
        "Cobaltreach", read from an address, is the person's "Cobalt Reach"."""
        if not name:
            return name
        key = company_key(name)
        if key in self.aliases:
            return self.aliases[key]
        return self._names.get(_squeezed(name), name)

    # -- matching -----------------------------------------------------------------------
    def match(
        self, reading: EmailReading, thread_ids: Iterable[str], sender_address: str = ""
    ) -> Match:
        for mid in thread_ids:
            link = self.threads.get(mid)
            if link is None:
                continue
            if link.application_id is not None and link.application_id in self._by_id:
                return Match(self._by_id[link.application_id], "thread")
            if link.pending_create is not None:
                return self._waiting(link.pending_create, "thread")
        ref = _ref(reading.job_ref)
        if ref:
            hits = [a for a in self.applications if _ref(a.job_ref) == ref]
            if len(hits) == 1:
                return Match(hits[0], "job_ref")
            pending = [p for p in self.pending if _ref(p.job_ref) == ref]
            if pending:
                return self._waiting(pending[-1].proposal_id, "job_ref")
        key = self.company(reading.company) or self.company(company_from_domain(sender_address))
        if not key:
            return Match(None, "none")
        at_company = [a for a in self.applications if self._same_company(key, self._keys[a.id])]
        pending_here = [p for p in self.pending if self._same_company(key, self._pending_key(p))]
        if reading.role:
            same = [a for a in at_company if same_role(a.role, reading.role)]
            if same:
                best = max(same, key=lambda a: (not a.stage.is_ending, a.id))
                return Match(best, "company_role")
            waiting = [p for p in pending_here if same_role(p.role, reading.role)]
            if waiting:
                return self._waiting(waiting[-1].proposal_id, "company_role")
            unnamed = [p for p in pending_here if not role_key(p.role)]
            if unnamed:  # first proposed from mail that named no role: this names it
                return self._waiting(unnamed[-1].proposal_id, "company", certainty=0.9)
            return Match(None, "none", note=_other_roles(at_company))
        open_here = [a for a in at_company if not a.stage.is_ending] or at_company
        if len(open_here) == 1:
            return Match(open_here[0], "company", certainty=0.9)
        if len(open_here) > 1:
            newest = max(open_here, key=lambda a: a.id)
            roles = ", ".join(f"#{a.id} {a.role}" for a in open_here)
            return Match(newest, "company", certainty=0.5, note=f"several applications: {roles}")
        if pending_here:
            return self._waiting(pending_here[-1].proposal_id, "company", certainty=0.9)
        return Match(None, "none")

    def _waiting(self, proposal_id: int, how: str, certainty: float = 1.0) -> Match:
        found = next((p for p in self.pending if p.proposal_id == proposal_id), None)
        return Match(
            None,
            how,
            certainty,
            pending_create=proposal_id,
            company=found.company if found else None,
            role=found.role if found else None,
        )

    def _pending_key(self, pending: PendingCreate) -> str:
        key = self._pending_keys.get(pending.proposal_id)
        if key is None:
            key = self._pending_keys[pending.proposal_id] = self.company(pending.company)
        return key

    @staticmethod
    def _same_company(key: str, other: str) -> bool:
        return other == key or (
            min(len(key), len(other)) >= 5 and fuzz.ratio(key, other) >= COMPANY_THRESHOLD
        )

    # -- learning as the import goes ------------------------------------------------------
    def remember_thread(self, message_id: str | None, link: ThreadLink) -> None:
        if message_id:
            self.threads[message_id] = link

    def remember_pending(self, pending: PendingCreate) -> None:
        self.pending.append(pending)

    def name_role(self, proposal_id: int, role: str) -> None:
        """A later email named the role of a pending new application."""
        self.pending = [
            replace(p, role=role) if p.proposal_id == proposal_id else p for p in self.pending
        ]


def _other_roles(apps: list[AppCandidate]) -> str | None:
    if not apps:
        return None
    roles = ", ".join(f"#{a.id} {a.role}" for a in apps[:5])
    return f"a different role from the applications at this company ({roles})"
