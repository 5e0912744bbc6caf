"""What accepting a set of proposals would change, before anything does.

    preview_acceptance(store, owner, ids, clock, own_address=None, left_out=0) -> AcceptPreview
    preview_confident(store, owner, threshold, clock, own_address=None) -> AcceptPreview
    preview_matching(store, owner, filter, clock, own_address=None) -> AcceptPreview

The preview names exactly the proposals a confirmation accepts (``ids``), grouped by what
they do to the tracker: applications created, moved, rejected; contacts and interviews
added. A proposal that waits for a new application proposed alongside it pulls that one in,
and the preview says so. Nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.mail import ProposalKind, ProposalStatus
from onward.domain.records import Owner
from onward.domain.review import QueueFilter
from onward.services.proposals import ProposalView, load_proposals
from onward.services.review_queue import check_threshold, matching_ids, split_ids

__all__ = [
    "AcceptPreview",
    "PreviewItem",
    "preview_acceptance",
    "preview_confident",
    "preview_matching",
]


@dataclass(frozen=True)
class PreviewItem:
    proposal_id: int
    kind: ProposalKind
    summary: str
    application_id: int | None  # the application it changes (None: a new one)
    pulled_in: bool = False  # not chosen, but what a chosen proposal waits for
    problem: str | None = None  # why it would not go through


@dataclass(frozen=True)
class AcceptPreview:
    ids: tuple[int, ...]  # what confirming accepts, exactly
    created: tuple[PreviewItem, ...]
    moved: tuple[PreviewItem, ...]
    rejected: tuple[PreviewItem, ...]
    other: tuple[PreviewItem, ...]  # contacts and interviews
    skipped: tuple[tuple[int, str], ...]  # (proposal id, why) chosen but not pending
    left_out_maybe: int = 0  # maybe proposals the choice did not take in

    @property
    def count(self) -> int:
        return len(self.created) + len(self.moved) + len(self.rejected) + len(self.other)


def _problem(view: ProposalView) -> str | None:
    needs_company = view.kind is ProposalKind.CREATE_APPLICATION or (
        view.application_id is None and view.waiting_on is None
    )
    if needs_company and not str(view.payload.get("company") or "").strip():
        return "it does not know the company: edit it first"
    return None


def _item(view: ProposalView, pulled_in: bool = False) -> PreviewItem:
    return PreviewItem(
        view.id, view.kind, view.summary, view.application_id, pulled_in, _problem(view)
    )


def preview_acceptance(
    store: Store, owner: Owner, ids: Sequence[int], *, left_out: int = 0
) -> AcceptPreview:
    """What accepting ``ids`` would do (nothing is written)."""
    chosen = load_proposals(store, owner, ids=list(dict.fromkeys(ids))) if ids else []
    pending = [v for v in chosen if v.status is ProposalStatus.PENDING]
    have = {v.id for v in pending}
    skipped = tuple((v.id, f"already {v.status.value}") for v in chosen if v.id not in have)
    found = {v.id for v in chosen}
    skipped += tuple((i, "no such proposal") for i in dict.fromkeys(ids) if i not in found)
    waits = [v.waiting_on for v in pending if v.waiting_on and v.waiting_on not in have]
    extra = load_proposals(store, owner, ids=waits) if waits else []
    items = [_item(v) for v in pending]
    items += [_item(v, pulled_in=True) for v in extra if v.status is ProposalStatus.PENDING]
    by = {kind: tuple(i for i in items if i.kind is kind) for kind in ProposalKind}
    return AcceptPreview(
        ids=tuple(v.id for v in pending),
        created=by[ProposalKind.CREATE_APPLICATION],
        moved=by[ProposalKind.MOVE_STAGE],
        rejected=by[ProposalKind.LOG_REJECTION],
        other=by[ProposalKind.ADD_CONTACT] + by[ProposalKind.SCHEDULE_INTERVIEW],
        skipped=skipped,
        left_out_maybe=left_out,
    )


def preview_confident(
    store: Store, owner: Owner, threshold: float, clock: Clock, *, own_address: str | None = None
) -> AcceptPreview:
    """What accepting everything at least ``threshold`` sure would do: maybe proposals are
    left out (and counted), since nobody chose them."""
    check_threshold(threshold)
    f = QueueFilter(min_confidence=threshold)
    ids, maybe = split_ids(store, owner, f, clock, own_address=own_address)
    return replace(preview_acceptance(store, owner, ids), left_out_maybe=len(maybe))


def preview_matching(
    store: Store, owner: Owner, f: QueueFilter, clock: Clock, *, own_address: str | None = None
) -> AcceptPreview:
    """What accepting every pending proposal the filter matches would do, on all pages. The
    maybe group is left out (and counted) unless the filter asks for it by name."""
    if f.maybe is not None:
        ids = matching_ids(store, owner, f, clock, own_address=own_address)
        return preview_acceptance(store, owner, ids)
    ids, maybe = split_ids(store, owner, f, clock, own_address=own_address)
    return replace(preview_acceptance(store, owner, ids), left_out_maybe=len(maybe))
