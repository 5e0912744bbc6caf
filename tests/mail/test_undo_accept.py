"""Undoing an accepted proposal: everything accepting it changed goes back, and the proposal
waits in the review queue again."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.factories import make_application
from tests.mail.test_review import confirmation_and_rejection, imported, of

from onward.domain.mail import ProposalKind, ProposalStatus
from onward.domain.pipeline import Stage
from onward.domain.records import ApplicationQuery
from onward.errors import Conflict, NotFound
from onward.services.applications import get_application, list_applications
from onward.services.contacts import link_contact, list_contacts
from onward.services.mail import get_message
from onward.services.review import accept_proposals, list_proposals
from onward.services.runtime import Workspace
from onward.services.undo import undo_accept, undo_change
from onward.understand import Reader

Email = Callable[..., bytes]


def statuses(ws: Workspace) -> dict[ProposalKind, tuple[ProposalStatus, int | None]]:
    return {
        v.kind: (v.status, v.application_id)
        for v in list_proposals(ws.store, ws.owner, status=None)
    }


def test_undoing_an_accept_that_added_the_application_takes_it_all_back(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    views = imported(ws, reader, *confirmation_and_rejection(email))
    rejection = of(views, ProposalKind.LOG_REJECTION)
    before = statuses(ws)
    with ws.store.transaction() as tx:
        examples = len(tx.mail.examples(ws.owner.id))
    accept_proposals(ws.store, ws.owner, [rejection.id], ws.clock)

    outcome = undo_accept(ws.store, ws.owner, rejection.id, ws.clock)

    assert outcome.application_id is None  # the application it added is gone again
    assert list_applications(ws.store, ws.owner, ApplicationQuery()).total == 0
    assert statuses(ws) == before
    assert get_message(ws.store, ws.owner, rejection.message_id).application_id is None
    with ws.store.transaction() as tx:
        assert len(tx.mail.examples(ws.owner.id)) == examples

    undo_change(ws.store, ws.owner, outcome.correction.id, ws.clock)  # accepted again
    (app,) = list_applications(ws.store, ws.owner, ApplicationQuery()).items
    assert app.stage is Stage.REJECTED
    assert statuses(ws)[ProposalKind.LOG_REJECTION] == (ProposalStatus.ACCEPTED, app.id)


def test_undoing_an_accepted_rejection_keeps_the_application_and_can_be_accepted_again(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    views = imported(ws, reader, *confirmation_and_rejection(email))
    create = of(views, ProposalKind.CREATE_APPLICATION)
    rejection = of(views, ProposalKind.LOG_REJECTION)
    (added,) = accept_proposals(ws.store, ws.owner, [create.id], ws.clock).accepted
    accept_proposals(ws.store, ws.owner, [rejection.id], ws.clock)

    undo_accept(ws.store, ws.owner, rejection.id, ws.clock)

    app = get_application(ws.store, ws.owner, added.application_id)
    assert app.stage is Stage.APPLIED
    pending = {v.id for v in list_proposals(ws.store, ws.owner)}
    assert rejection.id in pending
    again = accept_proposals(ws.store, ws.owner, [rejection.id], ws.clock)
    assert again.failed == ()
    assert get_application(ws.store, ws.owner, app.id).stage is Stage.REJECTED


def test_an_accept_can_be_undone_once_and_only_an_accepted_one(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    views = imported(ws, reader, *confirmation_and_rejection(email))
    create = of(views, ProposalKind.CREATE_APPLICATION)
    with pytest.raises(Conflict, match="has not been accepted") as caught:
        undo_accept(ws.store, ws.owner, create.id, ws.clock)
    assert caught.value.field == "proposal_id"
    accept_proposals(ws.store, ws.owner, [create.id], ws.clock)
    undo_accept(ws.store, ws.owner, create.id, ws.clock)
    with pytest.raises(Conflict, match="already undone"):
        undo_accept(ws.store, ws.owner, create.id, ws.clock)
    with pytest.raises(NotFound):
        undo_accept(ws.store, ws.owner, 9999, ws.clock)


def test_undoing_an_accepted_contact_removes_it_unless_it_was_linked_elsewhere(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    views = imported(ws, reader, *confirmation_and_rejection(email))
    accept_proposals(ws.store, ws.owner, [of(views, ProposalKind.CREATE_APPLICATION).id], ws.clock)
    person = of(list_proposals(ws.store, ws.owner), ProposalKind.ADD_CONTACT)
    accept_proposals(ws.store, ws.owner, [person.id], ws.clock)
    assert len(list_contacts(ws.store, ws.owner)) == 1

    undo_accept(ws.store, ws.owner, person.id, ws.clock)

    assert list_contacts(ws.store, ws.owner) == []
    assert person.id in {v.id for v in list_proposals(ws.store, ws.owner)}

    accept_proposals(ws.store, ws.owner, [person.id], ws.clock)
    (contact,) = list_contacts(ws.store, ws.owner)
    other = make_application(ws, "Globex", "Analyst")
    link_contact(ws.store, ws.owner, contact.id, other.id)
    undo_accept(ws.store, ws.owner, person.id, ws.clock)
    (kept,) = list_contacts(ws.store, ws.owner)
    assert kept.application_ids == (other.id,)
