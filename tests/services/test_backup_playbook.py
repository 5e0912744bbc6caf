"""The JSON backup carries everything: the playbook's records restore with identical content."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from tests.factories import make_application

from onward.domain.drafts import DraftKind
from onward.domain.emails import RejectionReason, RejectionStage
from onward.domain.pipeline import Stage
from onward.domain.playbook.debrief import StarStory
from onward.domain.playbook.goals import Metric
from onward.domain.playbook.if_then import IfThenFields
from onward.domain.records import ApplicationQuery, ContactFields
from onward.errors import ImportFailed
from onward.services.applications import move_application
from onward.services.buddy import make_card
from onward.services.checkins import set_reapply_after
from onward.services.contacts import add_contact
from onward.services.debriefs import add_story, debrief_interview
from onward.services.drafts import create_draft
from onward.services.experiments import start_experiment, tag_applications
from onward.services.feedback import log_feedback
from onward.services.goals import log_effort, set_goals
from onward.services.if_then import make_if_then_plan
from onward.services.journal import write_journal
from onward.services.rejections import RejectionDetails, end_dwell, reject_application
from onward.services.runtime import Workspace, open_workspace
from onward.services.setback import prepare_for_setback
from onward.services.transfer import backup_text, export_json, import_backup
from onward.services.wellbeing_check import check_wellbeing
from onward.services.wins import add_win


def seed_everything(ws: Workspace) -> None:
    app = make_application(ws, "Acme", "Analyst", on=date(2026, 11, 1))
    move_application(ws.store, ws.owner, app.id, Stage.INTERVIEW, ws.clock, on=date(2026, 11, 9))
    contact = add_contact(
        ws.store,
        ws.owner,
        ContactFields(name="Ana", email="ana@acme.test"),
        ws.clock,
        application_ids=(app.id,),
    )
    reject_application(
        ws.store,
        ws.owner,
        app.id,
        RejectionDetails(
            stage=RejectionStage.INTERVIEW,
            reason=RejectionReason.STRONGER_CANDIDATES,
            quote="a very close call",
            contact_id=contact.id,
            good_impression=True,
        ),
        ws.clock,
    )
    end_dwell(ws.store, ws.owner, app.id, ws.clock)
    create_draft(
        ws.store,
        ws.owner,
        app.id,
        DraftKind.THANK_YOU_AFTER_REJECTION,
        ws.clock,
        highlight="the case study on churn",
        sender_name="Sam",
    )
    log_feedback(ws.store, ws.owner, app.id, "Great SQL; go deeper on experiment design.", ws.clock)
    set_goals(ws.store, ws.owner, {Metric.APPLICATIONS: 6}, ws.clock)
    log_effort(ws.store, ws.owner, Metric.LEARNING_HOURS, 1.5, ws.clock, note="stats course")
    add_win(ws.store, ws.owner, "Finished the portfolio", ws.clock)
    write_journal(ws.store, ws.owner, 3, "Tired but okay.", ws.clock, rest_day=True)
    set_reapply_after(ws.store, ws.owner, "Acme", date(2027, 5, 1), ws.clock, notes="new team")
    seed_the_practices(ws, app.id)


def seed_the_practices(ws: Workspace, app_id: int) -> None:
    """One record of each research-backed practice (private writing is checked on its own)."""
    later = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    plan = IfThenFields(later, "send two applications", place="the library", application_id=app_id)
    make_if_then_plan(ws.store, ws.owner, plan, ws.clock)
    second = make_application(ws, "Globex", "Analyst", stage=Stage.INTERVIEW)
    prepare_for_setback(ws.store, ws.owner, second.id, ["Rest", "Call Sam"], "I tried", ws.clock)
    check_wellbeing(ws.store, ws.owner, (3, 3, 4, 2, 3), ws.clock)
    experiment = start_experiment(ws.store, ws.owner, "Ask for a referral first", ws.clock)
    tag_applications(ws.store, ws.owner, experiment.id, [second.id], ws.clock)
    debrief_interview(ws.store, ws.owner, second.id, ws.clock, landed="rapport", questions=["Why?"])
    add_story(ws.store, ws.owner, StarStory("The migration", action="Led it"), ws.clock)
    make_card(ws.store, ws.owner, "Alex", "a long signing passphrase", ws.clock)


def test_everything_restores_with_identical_content(
    ws: Workspace, tmp_path: Path, on_postgres: bool
) -> None:
    seed_everything(ws)
    first = tmp_path / "first.json"
    export_json(ws.store, ws.owner, first, ws.clock)
    document = json.loads(first.read_text())
    for table in (
        "rejections",
        "dwell_windows",
        "tasks",
        "drafts",
        "feedback",
        "weekly_goals",
        "effort_entries",
        "wins",
        "journal_entries",
        "companies",
        "if_then_plans",
        "setback_preparations",
        "wellbeing_checks",
        "experiments",
        "debriefs",
        "interview_questions",
        "star_stories",
        "buddy_selves",
    ):
        assert document["playbook"][table], table
    if on_postgres:
        with ws.store.transaction() as tx:
            tx.clear_owner(ws.owner.id)
        target = ws
    else:
        target = open_workspace(
            ws.settings.but(database_url=f"sqlite:///{tmp_path / 'restored.db'}"), ws.clock
        )
    import_backup(target.store, target.owner, first.read_text(), "first.json")
    second = tmp_path / "second.json"
    export_json(target.store, target.owner, second, target.clock)
    assert json.loads(second.read_text()) == document


def test_a_broken_playbook_row_stops_the_restore(ws: Workspace, tmp_path: Path) -> None:
    seed_everything(ws)
    path = tmp_path / "b.json"
    export_json(ws.store, ws.owner, path, ws.clock)
    document = json.loads(path.read_text())
    document["playbook"]["journal_entries"][0]["written_on"] = "last tuesday"
    with ws.store.transaction() as tx:
        tx.clear_owner(ws.owner.id)
    with pytest.raises(ImportFailed) as info:
        import_backup(ws.store, ws.owner, json.dumps(document), "b.json")
    assert "journal_entries[0]: written_on" in str(info.value.problems[0])
    with ws.store.transaction() as tx:
        assert tx.applications.count(ws.owner.id, ApplicationQuery(archived=None)) == 0


def test_a_backup_from_before_the_glossary_restores_plan_items_and_effort(ws: Workspace) -> None:
    from onward.services.learning_plan import add_plan_item, list_plan_items

    add_plan_item(ws.store, ws.owner, "course", "SQL window functions", ws.clock, effort_hours=6)
    log_effort(ws.store, ws.owner, Metric.NETWORKING, 2, ws.clock)
    document = json.loads(backup_text(ws.store, ws.owner, ws.clock)[1])
    playbook = document["playbook"]
    assert [r["focus"] for r in playbook["plan_items"]] == ["SQL window functions"]
    assert [r["amount"] for r in playbook["effort_entries"]] == [2]
    # Backups written before migration 0009 name both tables by their former names.
    playbook["improvement_items"] = playbook.pop("plan_items")  # former name
    playbook["activities"] = playbook.pop("effort_entries")  # former name
    with ws.store.transaction() as tx:
        tx.clear_owner(ws.owner.id)
    import_backup(ws.store, ws.owner, json.dumps(document), "old.json")
    assert [s.item.focus for s in list_plan_items(ws.store, ws.owner)] == ["SQL window functions"]
    with ws.store.transaction() as tx:
        assert tx.effort.count(ws.owner.id) == 1
