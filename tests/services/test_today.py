from __future__ import annotations

from datetime import date, timedelta

from tests.factories import make_application

from onward.domain.emails import RejectionReason, RejectionStage
from onward.domain.pipeline import Stage
from onward.domain.playbook.ghosting import GhostingRules
from onward.domain.records import ContactFields
from onward.services.applications import move_application
from onward.services.contacts import add_contact
from onward.services.rejections import RejectionDetails, reject_application
from onward.services.runtime import Workspace
from onward.services.today import today

RULES = GhostingRules(21, 14)


def test_a_calm_day(ws: Workspace) -> None:
    agenda = today(ws.store, ws.owner, ws.clock, ghosting=RULES)
    assert agenda.calm and not agenda.in_dwell


def test_after_a_rejection_the_agenda_leads_with_kindness_then_shows_the_plan(
    ws: Workspace,
) -> None:
    app = make_application(ws, "Acme", "Analyst", on=date(2026, 11, 1))
    move_application(ws.store, ws.owner, app.id, Stage.INTERVIEW, ws.clock, on=date(2026, 11, 10))
    reject_application(
        ws.store,
        ws.owner,
        app.id,
        RejectionDetails(stage=RejectionStage.INTERVIEW, reason=RejectionReason.INTERNAL_CANDIDATE),
        ws.clock,
    )
    during = today(ws.store, ws.owner, ws.clock, ghosting=RULES)
    assert during.in_dwell and during.dwelling[0].company == "Acme"
    assert during.dwelling[0].support.message
    assert during.tasks == () and during.drafts == () and during.goals is None
    assert during.waiting > 0
    ws.clock.advance(days=1)  # type: ignore[attr-defined]
    after = today(ws.store, ws.owner, ws.clock, ghosting=RULES)
    assert not after.in_dwell
    titles = [t.stored.task.title for t in after.tasks]
    assert any("thank" in t.lower() for t in titles), titles


def test_check_ins_and_quiet_applications_show_up(ws: Workspace) -> None:
    add_contact(
        ws.store,
        ws.owner,
        ContactFields(name="Ana", next_checkin_on=ws.clock.today() + timedelta(days=2)),
        ws.clock,
    )
    quiet = make_application(ws, "Quiet Co", "Chef", on=ws.clock.today() - timedelta(days=30))
    agenda = today(ws.store, ws.owner, ws.clock, ghosting=RULES)
    assert [c.contact.name for c in agenda.check_ins] == ["Ana"]
    assert [g.application_id for g in agenda.ghosting] == [quiet.id]
