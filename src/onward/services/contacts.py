"""Contacts: the people behind applications, and when to check in with them."""

from __future__ import annotations

from typing import Any

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.records import Contact, ContactFields, Owner, validate_contact, with_changes
from onward.errors import Action, Hint, NotFound
from onward.services.changes import note_new_row


def add_contact(
    store: Store,
    owner: Owner,
    fields: ContactFields,
    clock: Clock,
    *,
    application_ids: tuple[int, ...] = (),
) -> Contact:
    fields = validate_contact(fields)
    with store.transaction() as tx:
        contact_id = tx.contacts.insert(owner.id, fields, clock.now())
        note_new_row(store, "contacts", contact_id)  # part of an accepted proposal, say
        for app_id in application_ids:
            _require_application(tx, owner, app_id)
            tx.contacts.link(contact_id, app_id)
        return _get(tx, owner, contact_id)


def edit_contact(
    store: Store, owner: Owner, contact_id: int, changes: dict[str, Any], clock: Clock
) -> Contact:
    with store.transaction() as tx:
        contact = _get(tx, owner, contact_id)
        fields = validate_contact(with_changes(contact.fields, changes))
        tx.contacts.update(owner.id, contact_id, fields, clock.now())
        return _get(tx, owner, contact_id)


def link_contact(
    store: Store, owner: Owner, contact_id: int, app_id: int, *, unlink: bool = False
) -> Contact:
    with store.transaction() as tx:
        _get(tx, owner, contact_id)
        _require_application(tx, owner, app_id)
        if unlink:
            tx.contacts.unlink(contact_id, app_id)
        else:
            tx.contacts.link(contact_id, app_id)
        return _get(tx, owner, contact_id)


def delete_contact(store: Store, owner: Owner, contact_id: int) -> Contact:
    with store.transaction() as tx:
        contact = _get(tx, owner, contact_id)
        tx.contacts.delete(owner.id, contact_id)
        return contact


def get_contact(store: Store, owner: Owner, contact_id: int) -> Contact:
    with store.transaction() as tx:
        return _get(tx, owner, contact_id)


def list_contacts(
    store: Store,
    owner: Owner,
    *,
    company: str | None = None,
    application_id: int | None = None,
    limit: int | None = None,
) -> list[Contact]:
    """Contacts by name (those at ``company``, or linked to ``application_id``; the first
    ``limit``)."""
    with store.transaction() as tx:
        return tx.contacts.query(
            owner.id, company=company, application_id=application_id, limit=limit
        )


def count_contacts(store: Store, owner: Owner, *, company: str | None = None) -> int:
    with store.transaction() as tx:
        return tx.contacts.count(owner.id, company=company)


def _get(tx: Tx, owner: Owner, contact_id: int) -> Contact:
    contact = tx.contacts.get(owner.id, contact_id)
    if contact is None:
        raise NotFound(f"no contact #{contact_id}", hint=Hint(Action.LIST_CONTACTS))
    return contact


def _require_application(tx: Tx, owner: Owner, app_id: int) -> None:
    if tx.applications.get(owner.id, app_id, with_events=False) is None:
        raise NotFound(f"no application #{app_id}", hint=Hint(Action.LIST_APPLICATIONS))
