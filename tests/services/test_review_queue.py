"""The review queue at scale: totals and pages of emails with their proposals, filters,
groups, the "maybe" group (never accepted in bulk), the preview of a bulk accept, and "not
job mail" that teaches Onward about a sender and its list, and can be taken back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.web.review_data import import_one, know_sender

from onward.domain.emails import EmailLabel
from onward.domain.mail import ProposalKind, ProposalStatus
from onward.domain.records import ApplicationQuery
from onward.domain.review import Grouping, QueueFilter, Show
from onward.errors import InvalidInput
from onward.services.applications import list_applications
from onward.services.not_job_mail import (
    list_not_job_senders,
    mark_not_job_mail,
    take_back_not_job_mail,
)
from onward.services.review import accept_confident, accept_proposals, list_proposals
from onward.services.review_preview import preview_acceptance, preview_confident
from onward.services.review_queue import find_proposals, matching_ids, review_queue, sure_ids
from onward.services.runtime import Workspace


def _queue(ws: Workspace, f: QueueFilter | None = None, **kw: int) -> object:
    return review_queue(ws.store, ws.owner, f or QueueFilter(), ws.clock, **kw)


def _apps(ws: Workspace) -> int:
    return list_applications(ws.store, ws.owner, ApplicationQuery(archived=None)).total


def test_the_queue_comes_in_pages_of_emails_with_totals(ws: Workspace, tmp_path: Path) -> None:
    know_sender(ws)
    for n in range(12):
        import_one(ws, tmp_path, f"m{n}", company=f"Company {n:02d}", day=1 + n)
    page = review_queue(ws.store, ws.owner, QueueFilter(), ws.clock, page=2, per_page=5)
    assert (page.page, page.pages) == (2, 3)
    assert page.totals.pending == 12 and page.totals.sure == 12 and page.totals.maybe == 0
    emails = [e for g in page.groups for e in g.emails]
    assert [e.subject for e in emails] == [f"About your application (m{n})" for n in range(5, 10)]
    assert all(len(e.proposals) == 1 for e in emails)  # a new application each
    last = review_queue(ws.store, ws.owner, QueueFilter(), ws.clock, page=3, per_page=5)
    assert len(last.proposals) == 2


def test_an_email_carries_its_proposals_nested(ws: Workspace, tmp_path: Path) -> None:
    know_sender(ws)
    import_one(ws, tmp_path, "r1", label=EmailLabel.REJECTION, company="Globex")
    [group] = review_queue(ws.store, ws.owner, QueueFilter(), ws.clock).groups
    [email] = group.emails
    kinds = [p.kind for p in email.proposals]
    assert kinds == [ProposalKind.CREATE_APPLICATION, ProposalKind.LOG_REJECTION]


def test_strangers_and_unsure_readings_are_maybe(ws: Workspace, tmp_path: Path) -> None:
    import_one(ws, tmp_path, "s1", sender="hr@stranger.example", company="Stranger Ltd")
    import_one(ws, tmp_path, "k1", company="Northwind Health")
    import_one(ws, tmp_path, "k2", company="Other Co", confidence=0.55, day=18)
    know_sender(ws)  # jobs@northwind.example
    page = review_queue(ws.store, ws.owner, QueueFilter(), ws.clock)
    reasons = {e.subject[-3:-1]: e.maybe for g in page.groups for e in g.emails}
    assert reasons["k1"] is None
    assert reasons["s1"] and "not dealt with" in reasons["s1"]
    assert reasons["k2"] and "unsure" in reasons["k2"]
    assert (page.totals.sure, page.totals.maybe) == (1, 2)
    # the sure one comes first, the maybe group after it
    assert [g.maybe for g in page.groups] == [False, True, True]


def test_a_sender_becomes_known_once_their_mail_is_accepted(ws: Workspace, tmp_path: Path) -> None:
    import_one(ws, tmp_path, "a1", company="Acme", sender="jobs@acme.example")
    [first] = list_proposals(ws.store, ws.owner)
    assert sure_ids(ws.store, ws.owner, 0.5, ws.clock) == []  # a stranger: maybe
    accept_proposals(ws.store, ws.owner, [first.id], ws.clock)  # chosen by the person
    import_one(ws, tmp_path, "a2", company="Acme", sender="recruiting@acme.example", day=18,
               label=EmailLabel.REJECTION)  # fmt: skip
    [second] = list_proposals(ws.store, ws.owner)
    assert sure_ids(ws.store, ws.owner, 0.5, ws.clock) == [second.id]  # the same domain


def test_a_reply_in_a_thread_the_person_wrote_in_is_not_maybe(
    ws: Workspace, tmp_path: Path
) -> None:
    mine = import_one(ws, tmp_path, "own", sender="Alex <alex@example.org>", company="Umbrella")
    import_one(
        ws, tmp_path, "reply", sender="someone@umbrella.example", company="Umbrella Corp",
        replying_to=mine, day=18, label=EmailLabel.REJECTION,
    )  # fmt: skip
    found, _ = find_proposals(
        ws.store, ws.owner, QueueFilter(), ws.clock, own_address="alex@example.org"
    )
    by_subject = {v.subject: v.maybe for v in found}
    assert by_subject["About your application (reply)"] is None
    assert by_subject["About your application (own)"] is not None
    without, _ = find_proposals(ws.store, ws.owner, QueueFilter(), ws.clock)
    assert all(v.maybe for v in without)


def test_bulk_accepts_never_take_the_maybe_group(ws: Workspace, tmp_path: Path) -> None:
    know_sender(ws)
    import_one(ws, tmp_path, "sure", company="Northwind Health", confidence=0.95)
    import_one(
        ws, tmp_path, "stranger", sender="x@nowhere.example", company="Nowhere", confidence=0.99
    )
    import_one(ws, tmp_path, "unsure", company="Fabrikam", confidence=0.6)
    outcome = accept_confident(ws.store, ws.owner, 0.5, ws.clock)
    assert len(outcome.accepted) == 1
    left = list_proposals(ws.store, ws.owner)
    assert {v.subject.split()[-1] for v in left} == {"(stranger)", "(unsure)"}
    # chosen one by one, a maybe proposal is accepted
    assert accept_proposals(ws.store, ws.owner, [left[0].id], ws.clock).accepted


def test_the_preview_says_what_would_change_and_changes_nothing(
    ws: Workspace, tmp_path: Path
) -> None:
    know_sender(ws)
    import_one(ws, tmp_path, "n1", company="Northwind Health", confidence=0.95)
    import_one(ws, tmp_path, "g1", company="Globex", label=EmailLabel.REJECTION, confidence=0.92)
    import_one(ws, tmp_path, "m1", sender="a@maybe.example", company="Maybe Co", confidence=0.97)
    before = _apps(ws)
    found = preview_confident(ws.store, ws.owner, 0.9, ws.clock)
    assert [i.summary for i in found.created] == [
        "Add application Northwind Health – Data Analyst at applied",
        "Add application Globex – Data Analyst at applied",
    ]
    assert [i.kind for i in found.rejected] == [ProposalKind.LOG_REJECTION]
    assert found.left_out_maybe == 1 and len(found.ids) == 3
    assert _apps(ws) == before and len(list_proposals(ws.store, ws.owner)) == 4
    # the rejection alone pulls in the application it waits for
    rejection = found.rejected[0].proposal_id
    alone = preview_acceptance(ws.store, ws.owner, [rejection])
    assert alone.ids == (rejection,)
    assert [i.pulled_in for i in alone.created] == [True]


def test_filters_by_kind_confidence_company_and_date(ws: Workspace, tmp_path: Path) -> None:
    know_sender(ws)
    import_one(ws, tmp_path, "a", company="Alpha Works", confidence=0.95, day=10)
    import_one(ws, tmp_path, "b", company="Beta Labs", label=EmailLabel.REJECTION, day=12)
    import_one(ws, tmp_path, "c", company="Gamma Group", confidence=0.75, day=14)

    def subjects(f: QueueFilter) -> list[str]:
        found, total = find_proposals(ws.store, ws.owner, f, ws.clock)
        assert total == len(found)
        return sorted({v.subject[-2] for v in found})

    assert subjects(QueueFilter(kinds=(ProposalKind.LOG_REJECTION,))) == ["b"]
    assert subjects(QueueFilter(min_confidence=0.9)) == ["a", "b"]
    assert subjects(QueueFilter(max_confidence=0.8)) == ["c"]
    assert subjects(QueueFilter(company="beta")) == ["b"]
    assert subjects(QueueFilter(since=date(2026, 11, 11), until=date(2026, 11, 12))) == ["b"]
    assert subjects(QueueFilter(show=Show.ACCEPTED)) == []


def test_group_by_application_or_by_thread(ws: Workspace, tmp_path: Path) -> None:
    know_sender(ws)
    first = import_one(ws, tmp_path, "t1", company="Initech", day=10)
    import_one(ws, tmp_path, "x1", company="Other Inc", day=11)
    import_one(ws, tmp_path, "t2", company="Initech", label=EmailLabel.REJECTION, day=12,
               replying_to=first)  # fmt: skip
    by_app = review_queue(ws.store, ws.owner, QueueFilter(grouping=Grouping.APPLICATION), ws.clock)
    assert [len(g.emails) for g in by_app.groups] == [2, 1]
    assert by_app.groups[0].title == "Initech – Data Analyst"
    by_thread = review_queue(ws.store, ws.owner, QueueFilter(grouping=Grouping.THREAD), ws.clock)
    assert [len(g.emails) for g in by_thread.groups] == [2, 1]
    single = review_queue(ws.store, ws.owner, QueueFilter(), ws.clock)
    assert [len(g.emails) for g in single.groups] == [1, 1, 1]


def test_bad_paging_or_filters_are_refused(ws: Workspace) -> None:
    for kw, f in (
        ({"page": 0}, QueueFilter()),
        ({"per_page": 500}, QueueFilter()),
        ({}, QueueFilter(min_confidence=1.5)),
        ({}, QueueFilter(since=date(2026, 11, 12), until=date(2026, 11, 1))),
    ):
        with pytest.raises(InvalidInput):
            review_queue(ws.store, ws.owner, f, ws.clock, **kw)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        sure_ids(ws.store, ws.owner, 0, ws.clock)


def test_not_job_mail_teaches_about_the_sender_and_its_list(ws: Workspace, tmp_path: Path) -> None:
    import_one(
        ws,
        tmp_path,
        "n1",
        sender="news@club.example",
        company="Club",
        list_id="Club <club.lists.example>",
    )
    [view] = list_proposals(ws.store, ws.owner)
    taught = mark_not_job_mail(ws.store, ws.owner, view.id, ws.clock)
    assert (taught.address, taught.mailing_list) == ("news@club.example", "club.lists.example")
    [done] = list_proposals(ws.store, ws.owner, status=None)
    assert done.status is ProposalStatus.DISMISSED
    # later mail from the sender, or from anyone on the list, is not proposed
    import_one(ws, tmp_path, "n2", sender="News <NEWS@club.example>", company="Club", day=18)
    import_one(ws, tmp_path, "n3", sender="other@club.example", company="Club",
               list_id="<club.lists.example>", day=19)  # fmt: skip
    import_one(ws, tmp_path, "n4", sender="other@club.example", company="Club", day=20)
    pending = list_proposals(ws.store, ws.owner)
    assert [v.subject for v in pending] == ["About your application (n4)"]
    assert [s.kind for s in list_not_job_senders(ws.store, ws.owner)] == ["list", "address"]
    with pytest.raises(InvalidInput, match="only an email still waiting"):
        mark_not_job_mail(ws.store, ws.owner, view.id, ws.clock)


def test_not_job_mail_can_be_taken_back(ws: Workspace, tmp_path: Path) -> None:
    import_one(ws, tmp_path, "p1", sender="pal@friends.example", company="Pals")
    [view] = list_proposals(ws.store, ws.owner)
    mark_not_job_mail(ws.store, ws.owner, view.id, ws.clock)
    assert take_back_not_job_mail(ws.store, ws.owner, view.message_id) == [view.id]
    assert [v.id for v in list_proposals(ws.store, ws.owner)] == [view.id]
    assert list_not_job_senders(ws.store, ws.owner) == []
    import_one(ws, tmp_path, "p2", sender="pal@friends.example", company="Pals Two", day=18)
    assert len(list_proposals(ws.store, ws.owner)) == 2  # proposed again
    with pytest.raises(InvalidInput, match="nothing to take back"):
        take_back_not_job_mail(ws.store, ws.owner, view.message_id)


def test_not_job_mail_clears_what_already_waits_from_that_sender_or_list(
    ws: Workspace, tmp_path: Path
) -> None:
    """Saying one newsletter is not job mail clears the other issues already waiting, and
    taking it back brings them all back; other senders' mail is left alone."""
    for n in range(3):
        import_one(ws, tmp_path, f"club{n}", sender="News <news@club.example>",
                   company=f"Club {n}", day=10 + n)  # fmt: skip
    import_one(ws, tmp_path, "list", sender="other@club.example", company="Club List",
               list_id="<club.lists.example>", day=14)  # fmt: skip
    import_one(ws, tmp_path, "first", sender="news@club.example", company="Club News",
               list_id="Club <club.lists.example>", day=15)  # fmt: skip
    import_one(ws, tmp_path, "job", company="Northwind Health", day=16)
    first = next(v for v in list_proposals(ws.store, ws.owner) if "(first)" in v.subject)
    taught = mark_not_job_mail(ws.store, ws.owner, first.id, ws.clock)
    assert taught.also_dismissed == 4
    assert [v.subject for v in list_proposals(ws.store, ws.owner)] == [
        "About your application (job)"
    ]
    restored = take_back_not_job_mail(ws.store, ws.owner, first.message_id)
    assert len(restored) == 5
    assert len(list_proposals(ws.store, ws.owner)) == 6


def test_a_recruiting_systems_address_is_not_remembered(ws: Workspace, tmp_path: Path) -> None:
    """Many employers send from the same tracking system: marking one is not all of them."""
    import_one(ws, tmp_path, "ats", sender="no-reply@acme.greenhouse.io", company="Acme")
    import_one(ws, tmp_path, "ats1", sender="no-reply@acme.greenhouse.io", company="Gamma", day=16)
    view = next(v for v in list_proposals(ws.store, ws.owner) if "(ats)" in v.subject)
    taught = mark_not_job_mail(ws.store, ws.owner, view.id, ws.clock)
    assert taught.address is None and taught.dismissed == (view.id,)  # Gamma's mail waits
    import_one(ws, tmp_path, "ats2", sender="no-reply@acme.greenhouse.io", company="Beta", day=18)
    assert len(list_proposals(ws.store, ws.owner)) == 2


def test_matching_ids_spans_every_page(ws: Workspace, tmp_path: Path) -> None:
    know_sender(ws)
    for n in range(7):
        import_one(ws, tmp_path, f"q{n}", company=f"Q {n}", day=1 + n)
    ids = matching_ids(ws.store, ws.owner, QueueFilter(), ws.clock)
    assert len(ids) == 7 == len(set(ids))
