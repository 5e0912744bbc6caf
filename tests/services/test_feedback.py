from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from tests.factories import make_application, make_move, make_rejection

from onward.domain.drafts import DraftKind
from onward.domain.pipeline import Stage
from onward.domain.playbook.feedback import FeedbackTheme
from onward.domain.playbook.tasks import TaskKind
from onward.domain.records import ContactFields
from onward.errors import InvalidInput, NotFound
from onward.services.contacts import add_contact
from onward.services.feedback import list_feedback, log_feedback
from onward.services.rejections import end_dwell
from onward.services.runtime import Workspace
from onward.services.tasks import list_tasks

SPECIFIC = (
    "In the interview your answer on system design lacked depth; we would have liked an "
    "example of scaling a data pipeline."
)
GENERIC = "We had a strong pool of candidates and went with someone who was a better fit."


def app(ws: Workspace, company: str = "Northwind Health") -> int:
    return make_application(ws, company, "Data Analyst", on=date(2026, 10, 1)).id


def tasks(ws: Workspace) -> list[tuple[str | None, datetime, datetime | None]]:
    with ws.store.transaction() as tx:
        found = tx.tasks.query(ws.owner.id)
    return [
        (t.task.draft_kind.value if t.task.draft_kind else None, t.task.due_at, t.task.not_before)
        for t in found
        if t.task.kind == TaskKind.SEND_DRAFT
    ]


def test_specific_feedback_gets_a_thank_you_task_only(ws: Workspace) -> None:
    app_id = app(ws)
    logged = log_feedback(ws.store, ws.owner, app_id, f"  {SPECIFIC} ", ws.clock, from_whom="Priya")
    stored = logged.stored
    assert stored.specific and logged.specificity.specific
    assert stored.feedback.text == SPECIFIC and stored.feedback.from_whom == "Priya"
    assert stored.feedback.received_on == date(2026, 11, 20)
    assert FeedbackTheme.TECHNICAL_DEPTH in stored.feedback.themes and logged.suggested_themes
    now = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    assert tasks(ws) == [("thanks_for_feedback", datetime(2026, 11, 22, 10, 0, tzinfo=UTC), now)]


def test_generic_feedback_also_gets_one_follow_up(ws: Workspace) -> None:
    app_id = app(ws)
    logged = log_feedback(
        ws.store, ws.owner, app_id, GENERIC, ws.clock, received_on=date(2026, 11, 18)
    )
    assert not logged.stored.specific
    assert any("stock phrases" in r for r in logged.specificity.reasons)
    assert [t.task.draft_kind for t in logged.tasks] == [
        DraftKind.THANKS_FOR_FEEDBACK,
        DraftKind.FEEDBACK_FOLLOW_UP,
    ]
    assert tasks(ws) == [
        (
            "thanks_for_feedback",
            datetime(2026, 11, 20, 10, 0, tzinfo=UTC),
            datetime(2026, 11, 18, 10, 0, tzinfo=UTC),
        ),
        (
            "feedback_follow_up",
            datetime(2026, 11, 25, 10, 0, tzinfo=UTC),
            datetime(2026, 11, 21, 10, 0, tzinfo=UTC),
        ),
    ]


def test_the_person_can_overrule_the_verdict_and_choose_themes(ws: Workspace) -> None:
    app_id = app(ws)
    contact = add_contact(ws.store, ws.owner, ContactFields("Priya"), ws.clock)
    logged = log_feedback(
        ws.store,
        ws.owner,
        app_id,
        GENERIC,
        ws.clock,
        specific_override=True,
        themes=["culture fit", "culture_fit"],
        contact_id=contact.id,
    )
    assert logged.stored.specific and logged.stored.feedback.specific_override is True
    assert logged.stored.feedback.themes == (FeedbackTheme.CULTURE_FIT,)
    assert not logged.suggested_themes
    assert len(logged.tasks) == 1 and logged.tasks[0].contact_id == contact.id
    overruled = log_feedback(
        ws.store, ws.owner, app_id, SPECIFIC, ws.clock, specific_override=False
    )
    assert not overruled.stored.specific and len(overruled.tasks) == 2


def test_list_counts_themes(ws: Workspace) -> None:
    first, second = app(ws), app(ws, "Acme")
    log_feedback(ws.store, ws.owner, first, SPECIFIC, ws.clock, themes=["technical_depth"])
    log_feedback(ws.store, ws.owner, second, "Your CV was too long.", ws.clock)
    log_feedback(
        ws.store, ws.owner, second, GENERIC, ws.clock, themes=["technical_depth", "resume"]
    )
    log = list_feedback(ws.store, ws.owner)
    assert len(log.items) == 3
    assert log.themes == [(FeedbackTheme.RESUME, 2), (FeedbackTheme.TECHNICAL_DEPTH, 2)]
    assert len(list_feedback(ws.store, ws.owner, application_id=second).items) == 2
    only = list_feedback(ws.store, ws.owner, theme="resume")
    assert [i.feedback.application_id for i in only.items] == [second, second]


def test_bad_input_changes_nothing(ws: Workspace) -> None:
    app_id = app(ws)
    with pytest.raises(InvalidInput, match="unknown feedback theme 'vibes'"):
        log_feedback(ws.store, ws.owner, app_id, SPECIFIC, ws.clock, themes=["vibes"])
    with pytest.raises(InvalidInput, match="cannot be empty"):
        log_feedback(ws.store, ws.owner, app_id, "   ", ws.clock)
    with pytest.raises(InvalidInput, match="in the future"):
        log_feedback(ws.store, ws.owner, app_id, SPECIFIC, ws.clock, received_on=date(2027, 1, 1))
    with pytest.raises(NotFound, match="no application #9"):
        log_feedback(ws.store, ws.owner, 9, SPECIFIC, ws.clock)
    with pytest.raises(NotFound, match="no contact #3"):
        log_feedback(ws.store, ws.owner, app_id, SPECIFIC, ws.clock, contact_id=3)
    with pytest.raises(InvalidInput, match="unknown feedback theme"):
        list_feedback(ws.store, ws.owner, theme="vibes")
    assert list_feedback(ws.store, ws.owner).items == [] and tasks(ws) == []


def test_feedback_arriving_closes_the_task_of_asking_for_it(ws: Workspace) -> None:
    app = make_application(ws, "Kestrel Analytics", "Analyst", days_ago=20)
    make_move(ws, app.id, Stage.INTERVIEW)
    overview = make_rejection(ws, app.id)
    assert overview.advice is not None and overview.advice.drafts == (DraftKind.FEEDBACK_REQUEST,)
    end_dwell(ws.store, ws.owner, app.id, ws.clock)

    def asking() -> list[str]:
        items = list_tasks(ws.store, ws.owner, ws.clock).items
        return [i.stored.task.title for i in items if i.stored.task.draft_kind is not None]

    assert asking() == ["Thank them, and ask one polite question for feedback"]  # one message
    log_feedback(ws.store, ws.owner, app.id, "We went with someone with more SQL.", ws.clock)
    assert "Thank them, and ask one polite question for feedback" not in asking()
