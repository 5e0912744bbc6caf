from __future__ import annotations

from datetime import date

import pytest
from tests.factories import make_application

from onward.domain.records import ContactFields, ContactRole
from onward.errors import InvalidInput, NotFound
from onward.services.applications import delete_application
from onward.services.contacts import (
    add_contact,
    delete_contact,
    edit_contact,
    get_contact,
    link_contact,
    list_contacts,
)
from onward.services.runtime import Workspace


def test_contacts_link_to_applications(ws: Workspace) -> None:
    app = make_application(ws, "Acme", "Analyst")
    ana = add_contact(
        ws.store,
        ws.owner,
        ContactFields(
            name="Ana",
            role=ContactRole.RECRUITER,
            email="ana@acme.test",
            next_checkin_on=date(2027, 2, 1),
        ),
        ws.clock,
        application_ids=(app.id,),
    )
    assert ana.application_ids == (app.id,)
    assert [c.name for c in list_contacts(ws.store, ws.owner, application_id=app.id)] == ["Ana"]
    unlinked = link_contact(ws.store, ws.owner, ana.id, app.id, unlink=True)
    assert unlinked.application_ids == ()
    link_contact(ws.store, ws.owner, ana.id, app.id)
    delete_application(ws.store, ws.owner, app.id, ws.clock)
    assert get_contact(ws.store, ws.owner, ana.id).application_ids == ()


def test_contact_edit_and_delete(ws: Workspace) -> None:
    bo = add_contact(ws.store, ws.owner, ContactFields(name="Bo"), ws.clock)
    edited = edit_contact(
        ws.store, ws.owner, bo.id, {"company": "Beta", "role": ContactRole.MENTOR}, ws.clock
    )
    assert (edited.fields.company, edited.fields.role) == ("Beta", ContactRole.MENTOR)
    with pytest.raises(InvalidInput, match="not an email"):
        edit_contact(ws.store, ws.owner, bo.id, {"email": "nope"}, ws.clock)
    delete_contact(ws.store, ws.owner, bo.id)
    with pytest.raises(NotFound, match="no contact"):
        get_contact(ws.store, ws.owner, bo.id)


def test_linking_to_a_missing_application_changes_nothing(ws: Workspace) -> None:
    with pytest.raises(NotFound, match="no application #9"):
        add_contact(ws.store, ws.owner, ContactFields(name="Cy"), ws.clock, application_ids=(9,))
    assert list_contacts(ws.store, ws.owner) == []
