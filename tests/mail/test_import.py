"""Importing mail on both databases: idempotent, resumable, tolerant, matched to applications."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tests.factories import make_application
from tests.support.synthetic_mail import synthetic_inbox, write_mbox

from onward.domain.mail import ProposalKind
from onward.domain.pipeline import Stage
from onward.mail.sources import open_source
from onward.services.applications import move_application
from onward.services.mail import get_message, import_path, list_quarantine, source_name
from onward.services.mail_import import ImportOptions, get_import_progress, import_messages
from onward.services.review import list_proposals
from onward.services.runtime import Workspace
from onward.understand import Reader

CORPUS = Path(__file__).parent / "corpus"
Email = Callable[..., bytes]

CONFIRM = (
    "Hi Sam,\n\nThank you for applying for the {role} position at {company}. We have received "
    "your application and our recruiting team will review it.\n\nBest,\n{company} Talent Team"
)
REJECT = (
    "Hi Sam,\n\nThank you for your interest in the {role} role at {company}. Unfortunately, "
    "after careful consideration we have decided to move forward with other candidates whose "
    "experience more closely matches our needs.\n\nWe wish you the best.\n\nNadia Park\n"
    "Recruiter, {company}"
)


def stored_count(ws: Workspace) -> int:
    with ws.store.transaction() as tx:
        return tx.mail.count_messages(ws.owner.id)


def run(
    ws: Workspace,
    reader: Reader,
    name: str,
    messages: list[tuple[str, bytes]],
    *options: ImportOptions,
):  # type: ignore[no-untyped-def]
    return import_messages(ws.store, ws.owner, name, messages, reader, ws.clock, *options)


def test_the_malformed_corpus_is_imported_and_the_broken_mail_quarantined(
    ws: Workspace, reader: Reader, tmp_path: Path
) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    summary = import_path(ws.store, ws.owner, folder, lambda: reader, ws.clock)
    total = len(list(CORPUS.glob("*.eml")))
    assert summary.read == total and summary.quarantined == 2
    assert summary.new == total - 2 == stored_count(ws)
    reasons = {q.source_key: q.reason for q in list_quarantine(ws.store, ws.owner)}
    assert reasons == {
        "empty.eml": "the message is empty",
        "not_an_email.eml": "no headers: this is not an email message",
    }
    again = import_path(ws.store, ws.owner, folder, lambda: reader, ws.clock)
    assert again.skipped_unchanged and again.read == 0
    os.utime(folder / "good_plain.eml", ns=(1, 1))  # changed: read again, nothing doubled
    third = import_path(ws.store, ws.owner, folder, lambda: reader, ws.clock)
    assert (third.read, third.new, third.already_seen, third.quarantined) == (
        total,
        0,
        total - 2,
        2,
    )
    assert len(list_quarantine(ws.store, ws.owner)) == 2 and stored_count(ws) == total - 2


def test_a_message_is_stored_once_by_message_id_or_by_content(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    first = email("See you soon.", message_id="<same@x.test>")
    resent = email("See you soon!", message_id="<same@x.test>", subject="Fwd: copy")
    anonymous = email("No id here.", message_id=None)
    other_anonymous = email("No id here either.", message_id=None)
    summary = run(
        ws, reader, "test", [("1", first), ("2", resent), ("3", anonymous), ("4", anonymous),
                             ("5", other_anonymous)],
    )  # fmt: skip
    assert (summary.new, summary.already_seen) == (3, 2)
    again = run(ws, reader, "another source", [("a", anonymous), ("b", first)])
    assert (again.new, again.already_seen) == (0, 2)
    assert stored_count(ws) == 3


def test_an_interrupted_import_resumes_and_loses_nothing(
    ws: Workspace, reader: Reader, tmp_path: Path
) -> None:
    path = tmp_path / "inbox.mbox"
    write_mbox(path, synthetic_inbox(700, seed=3))
    name = source_name(open_source(path))

    def breaks_after(n: int) -> Iterator[tuple[str, bytes]]:
        for i, item in enumerate(open_source(path)):
            if i == n:
                raise KeyboardInterrupt  # the person pressed Ctrl-C
            yield item

    with pytest.raises(KeyboardInterrupt):
        run(ws, reader, name, breaks_after(450), ImportOptions(batch_size=100))  # type: ignore[arg-type]
    assert stored_count(ws) == 400  # four whole batches were committed
    progress = get_import_progress(ws.store, ws.owner, name)
    assert progress is not None and progress.completed_at is None and progress.position
    summary = import_path(ws.store, ws.owner, path, lambda: reader, ws.clock)
    assert summary.resumed_at == progress.position
    assert summary.read == 300 and summary.already_seen == 0  # after the last committed one
    assert stored_count(ws) == 700
    assert import_path(ws.store, ws.owner, path, lambda: reader, ws.clock).skipped_unchanged


def test_mail_appended_to_an_mbox_is_read_from_where_the_last_import_ended(
    ws: Workspace, reader: Reader, tmp_path: Path, email: Email
) -> None:
    path = tmp_path / "inbox.mbox"
    write_mbox(path, synthetic_inbox(120, seed=5))
    assert import_path(ws.store, ws.owner, path, lambda: reader, ws.clock).new == 120
    with path.open("ab") as out:
        out.write(b"From x@y.test Mon Jan  5 10:00:00 2026\n" + email("Late news.") + b"\n")
    summary = import_path(ws.store, ws.owner, path, lambda: reader, ws.clock)
    assert summary.resumed_at is not None and (summary.read, summary.new) == (1, 1)
    path.write_bytes(
        b"From x@y.test Mon Jan  5 10:00:00 2026\n"
        + email("All new.", message_id="<n@x>")
        + b"\n" * 20_000
    )
    rewritten = import_path(ws.store, ws.owner, path, lambda: reader, ws.clock)
    assert rewritten.resumed_at is None and rewritten.new == 1


def test_only_job_mail_keeps_its_text(ws: Workspace, reader: Reader, email: Email) -> None:
    run(ws, reader, "t", [
        ("1", email("Soup on Sunday? Bring bread.", message_id="<soup@x>")),
        ("2", email(REJECT.format(role="Analyst", company="Acme"), message_id="<no@acme.test>",
                    sender="Nadia Park <nadia@acme.test>", subject="Your application")),
    ])  # fmt: skip
    with ws.store.transaction() as tx:
        rows = {r[0]: r for r in tx.conn.exec_driver_sql(
            "SELECT message_id, label, text, prefiltered FROM mail_messages"
        )}  # fmt: skip
    assert rows["<soup@x>"][1:] == ("other", None, True)
    assert rows["<no@acme.test>"][1] == "rejection" and "Unfortunately" in rows["<no@acme.test>"][2]


def test_a_reply_in_the_thread_of_a_new_job_waits_for_its_application(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    summary = run(ws, reader, "t", [
        ("1", email(CONFIRM.format(role="Data Analyst", company="Acme"),
                    subject="Thanks for applying",
                    sender="Acme Careers <jobs@acme.test>", message_id="<c1@acme.test>")),
        ("2", email("Hi Sam,\n\nUnfortunately, after careful consideration we have decided to "
                    "move forward with other candidates.\n\nBest,\nNadia",
                    subject="Re: Thanks for applying", sender="Nadia <nadia@acme.test>",
                    message_id="<r1@acme.test>", in_reply_to="<c1@acme.test>",
                    date="Mon, 16 Nov 2026 10:00:00 +0000")),
    ])  # fmt: skip
    assert summary.job_mail == {"application_received": 1, "rejection": 1}
    views = list_proposals(ws.store, ws.owner)
    kinds = [v.kind for v in views]
    assert kinds.count(ProposalKind.CREATE_APPLICATION) == 1
    rejection = next(v for v in views if v.kind is ProposalKind.LOG_REJECTION)
    create = next(v for v in views if v.kind is ProposalKind.CREATE_APPLICATION)
    assert rejection.waiting_on == create.id and rejection.payload["company"] == "Acme"
    assert get_message(ws.store, ws.owner, rejection.message_id).details["match"] == "thread"


def test_an_email_matches_an_application_by_a_normalised_company_name(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    app = make_application(ws, "Stripe", "Data Analyst")
    run(ws, reader, "t", [("1", email(
        REJECT.format(role="Data Analyst", company="Stripe, Inc."), subject="Your application",
        sender="Stripe Recruiting <no-reply@greenhouse-mail.io>",
    ))])  # fmt: skip
    (view,) = [
        v for v in list_proposals(ws.store, ws.owner) if v.kind is ProposalKind.LOG_REJECTION
    ]
    assert view.application_id == app.id and view.payload["company"] == "Stripe"
    assert not [
        v for v in list_proposals(ws.store, ws.owner) if v.kind is ProposalKind.CREATE_APPLICATION
    ]


def test_two_roles_at_one_company_are_never_merged(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    make_application(ws, "Acme", "Data Analyst")
    run(ws, reader, "t", [("1", email(
        CONFIRM.format(role="Data Scientist", company="Acme"),
        subject="Thanks for applying to Acme",
        sender="Acme Careers <jobs@acme.test>",
    ))])  # fmt: skip
    (create,) = list_proposals(ws.store, ws.owner)
    assert create.kind is ProposalKind.CREATE_APPLICATION and create.application_id is None
    assert create.payload["role"] == "Data Scientist"


def test_mail_naming_no_role_then_the_role_makes_one_application(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    run(ws, reader, "t", [
        ("1", email("Hi Sam,\n\nThanks for applying to Acme. We have received your application "
                    "and will be in touch.\n\nAcme Careers",
                    subject="We received your application", sender="Acme Careers <jobs@acme.test>",
                    message_id="<c1@acme.test>", date="Mon, 9 Nov 2026 10:00:00 +0000")),
        ("2", email(REJECT.format(role="Data Analyst", company="Acme"),
                    subject="Your Data Analyst application", sender="Nadia <nadia@acme.test>",
                    message_id="<r1@acme.test>", date="Mon, 16 Nov 2026 10:00:00 +0000")),
    ])  # fmt: skip
    views = list_proposals(ws.store, ws.owner)
    (create,) = [v for v in views if v.kind is ProposalKind.CREATE_APPLICATION]
    assert create.payload["role"] == "Data Analyst"
    rejection = next(v for v in views if v.kind is ProposalKind.LOG_REJECTION)
    assert rejection.waiting_on == create.id


def test_job_board_senders_are_not_the_company(ws: Workspace, reader: Reader, email: Email) -> None:
    run(ws, reader, "t", [("1", email(
        CONFIRM.format(role="QA Engineer", company="Tidalgate"), subject="Application received",
        sender="Workday <no-reply@myworkday.com>",
    ))])  # fmt: skip
    (create,) = list_proposals(ws.store, ws.owner)
    assert create.payload["company"] == "Tidalgate"


def test_news_already_in_the_tracker_makes_no_proposal(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    app = make_application(ws, "Acme", "Data Analyst")
    move_application(ws.store, ws.owner, app.id, Stage.REJECTED, ws.clock)
    summary = run(ws, reader, "t", [("1", email(
        REJECT.format(role="Data Analyst", company="Acme"), subject="Your application",
        sender="Nadia Park <nadia@acme.test>",
    ))])  # fmt: skip
    assert summary.job_mail == {"rejection": 1}
    assert [v.kind for v in list_proposals(ws.store, ws.owner)] == [ProposalKind.ADD_CONTACT]


def test_when_rejection_and_offer_both_appear_rejection_wins(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    app = make_application(ws, "Acme", "Data Analyst")
    move_application(ws.store, ws.owner, app.id, Stage.INTERVIEW, ws.clock)
    body = (
        "Hi Sam,\n\nThank you for interviewing for the Data Analyst role. We know you may have an "
        "offer elsewhere. Unfortunately, we have decided not to extend an offer and will move "
        "forward with other candidates.\n\nBest,\nAcme Recruiting"
    )
    run(
        ws,
        reader,
        "t",
        [("1", email(body, subject="Your interview", sender="Acme <jobs@acme.test>"))],
    )
    kinds = {v.kind for v in list_proposals(ws.store, ws.owner)}
    assert ProposalKind.LOG_REJECTION in kinds and ProposalKind.MOVE_STAGE not in kinds


def test_shop_offers_are_not_job_offers(ws: Workspace, reader: Reader, email: Email) -> None:
    promo = email(
        "20% off this weekend only: our special offer ends Sunday. Apply the code at checkout.",
        subject="A weekend offer for you", sender="Bookmoth <hello@bookmoth.test>",
        extra="List-Unsubscribe: <mailto:leave@bookmoth.test>\n",
    )  # fmt: skip
    summary = run(ws, reader, "t", [("1", promo)])
    assert summary.job_mail == {} and summary.proposals == 0
