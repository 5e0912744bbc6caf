"""A first import of an old mailbox: two years of mail become history, recent mail behaves as
if it came today, and one card says what was found. Frozen clock: Friday 20 November 2026."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.support.cli_runner import Cli
from tests.support.old_mailbox import write_old_mailbox

from onward.domain.mail import MailSummary, ProposalKind
from onward.domain.playbook.ghosting import GhostingRules
from onward.domain.playbook.tasks import TaskKind
from onward.domain.records import ApplicationQuery
from onward.errors import NotFound
from onward.services.applications import list_applications
from onward.services.journal import current_nudges
from onward.services.mail import import_path
from onward.services.mail_summaries import dismiss_mail_summary, open_mail_summary
from onward.services.review import accept_proposals, list_proposals
from onward.services.runtime import Workspace
from onward.services.tasks import list_tasks
from onward.services.today import today
from onward.services.wins import list_wins
from onward.understand import Reader

FOUND = MailSummary(6, 3, 2, 1, date(2024, 3, 5))
HEADLINE = "6 applications since March 2024: 3 rejections, 2 interviews, 1 offer"


@pytest.fixture
def mailbox(ws: Workspace, tmp_path: Path) -> Path:
    path = tmp_path / "Takeout.mbox"
    write_old_mailbox(path, ws.clock.today())
    return path


def _companies(ws: Workspace, ids: set[int]) -> set[str]:
    apps = list_applications(ws.store, ws.owner, ApplicationQuery()).items
    return {a.company for a in apps if a.id in ids}


def test_old_mail_is_proposed_on_its_real_days_and_summed_up(
    ws: Workspace, reader: Reader, mailbox: Path
) -> None:
    summary = import_path(ws.store, ws.owner, mailbox, lambda: reader, ws.clock)
    assert summary.found == FOUND and summary.found.headline == HEADLINE
    days = {(p.kind, p.payload["company"]): p.payload.get("on") or p.payload.get("received_on")
            for p in list_proposals(ws.store, ws.owner)}  # fmt: skip
    assert days[(ProposalKind.CREATE_APPLICATION, "Quillfield")] == "2024-03-05"  # Received
    assert days[(ProposalKind.LOG_REJECTION, "Tesselworks")] == "2024-07-15"  # From line
    card = open_mail_summary(ws.store, ws.owner)
    assert card is not None and card.headline == HEADLINE and card.waiting == 18


def test_accepting_an_old_mailbox_records_history_without_flooding_today(
    ws: Workspace, reader: Reader, mailbox: Path
) -> None:
    import_path(ws.store, ws.owner, mailbox, lambda: reader, ws.clock)
    # A first import is from senders not yet dealt with ("maybe"): the person accepts them
    # all themselves, as "Tick everything" and Accept do on the review page.
    waiting = [p.id for p in list_proposals(ws.store, ws.owner)]
    outcome = accept_proposals(ws.store, ws.owner, waiting, ws.clock)
    assert outcome.failed == () and list_proposals(ws.store, ws.owner) == []
    apps = {a.company: a for a in list_applications(ws.store, ws.owner, ApplicationQuery()).items}
    assert apps["Quillfield"].stage_on == date(2024, 3, 20)  # rejected, on its day
    assert apps["Copperloop"].stage.value == "offer" and apps["Copperloop"].stage_on == date(
        2025, 10, 1
    )
    with ws.store.transaction() as tx:
        windows = {w.application_id for w in tx.dwell.active(ws.owner.id, ws.clock.now())}
        rejected = [tx.rejections.for_application(ws.owner.id, a.id) for a in apps.values()]
    assert len([r for r in rejected if r is not None]) == 3  # all three recorded
    assert _companies(ws, windows) == {"Fernstack"}  # only the rejection of two days ago
    tasks = list_tasks(ws.store, ws.owner, ws.clock, everything=True).items
    assert _companies(ws, {t.stored.task.application_id for t in tasks}) == {"Fernstack"}
    assert TaskKind.PREPARE_INTERVIEW not in {t.stored.task.kind for t in tasks}
    agenda = today(ws.store, ws.owner, ws.clock, ghosting=GhostingRules())
    assert [d.company for d in agenda.dwelling] == ["Fernstack"] and agenda.mail_summary is None

    ws.clock.advance(days=1)  # type: ignore[attr-defined]  # the quiet time is over
    agenda = today(ws.store, ws.owner, ws.clock, ghosting=GhostingRules())
    assert agenda.dwelling == () and agenda.wins == ()
    assert agenda.mail_summary is not None and agenda.mail_summary.headline == HEADLINE
    assert agenda.mail_summary.waiting == 0
    assert _companies(ws, {t.stored.task.application_id for t in agenda.tasks}) == {"Fernstack"}
    # the confirmation of 26 days ago went quiet recently; Harborline (2025) long ago
    assert _companies(ws, {g.application_id for g in agenda.ghosting}) == {"Basaltgate"}
    assert agenda.more_quiet == 0 and current_nudges(ws.store, ws.owner, ws.clock) == ()
    assert list_wins(ws.store, ws.owner, ws.clock, days=14) == []
    assert {w.kind.value for w in list_wins(ws.store, ws.owner, ws.clock) if w.kind} >= {
        "offer",
        "interview",
        "first_response",
    }  # kept, on their days

    dismiss_mail_summary(ws.store, ws.owner, agenda.mail_summary.id, ws.clock)
    assert today(ws.store, ws.owner, ws.clock, ghosting=GhostingRules()).mail_summary is None
    with pytest.raises(NotFound):
        dismiss_mail_summary(ws.store, ws.owner, agenda.mail_summary.id, ws.clock)


def test_a_later_small_import_earns_no_new_card(
    ws: Workspace, reader: Reader, mailbox: Path, tmp_path: Path
) -> None:
    import_path(ws.store, ws.owner, mailbox, lambda: reader, ws.clock)
    card = open_mail_summary(ws.store, ws.owner)
    assert card is not None
    dismiss_mail_summary(ws.store, ws.owner, card.id, ws.clock)
    more = tmp_path / "more.mbox"
    messages = write_old_mailbox(more, ws.clock.today())
    more.write_bytes(more.read_bytes().replace(b"@quillfield.test>", b"@quillfield.test.2>"))
    later = import_path(ws.store, ws.owner, more, lambda: reader, ws.clock)
    assert later.found.news > 0 and len(messages) > 0
    assert open_mail_summary(ws.store, ws.owner) is None


def test_the_command_line_says_what_was_found(cli: Cli, mailbox: Path) -> None:
    out = cli.ok("mail", "import", str(mailbox))
    assert f"found: {HEADLINE}" in " ".join(out.split())


def test_today_on_the_command_line_names_what_was_found(cli: Cli, mailbox: Path) -> None:
    cli.ok("mail", "import", str(mailbox))
    out = " ".join(cli.ok("today").split())
    assert f"What your mail found: {HEADLINE}. 18 proposals wait in `onward review`." in out
