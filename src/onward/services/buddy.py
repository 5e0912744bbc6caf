"""A buddy: swap signed weekly summaries and see each other's week next to your own.

Your key pair comes from your passphrase each time it is needed (privacy/signing.py); only its
salt and public key are kept. A summary carries effort, plans kept and wins of the week, and
your rejections only when you choose; nothing else.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.playbook.buddy import Week, card, card_from, week_from
from onward.domain.playbook.goals import week_start
from onward.domain.records import Owner
from onward.errors import Conflict, InvalidInput, NotFound
from onward.privacy import sealing, signing
from onward.services.goals import goal_progress
from onward.services.wins import list_wins


@dataclass(frozen=True)
class BuddyView:
    me: Week
    buddies: tuple[tuple[str, Week | None], ...]  # (name, their latest week)
    has_card: bool


def make_card(store: Store, owner: Owner, name: str, passphrase: str, clock: Clock) -> str:
    """Your buddy card (JSON text) to give your buddy; a new passphrase makes a new card."""
    salt = sealing.new_salt()
    key = signing.public_key(passphrase, salt)
    document = card(name, key)
    with store.transaction() as tx:
        tx.buddies.set_me(owner.id, document["name"], salt.hex(), key, clock.now())
    return json.dumps(document, indent=2) + "\n"


def add_buddy(store: Store, owner: Owner, card_text: str, clock: Clock) -> str:
    """Keep a buddy's card; answers their name."""
    name, key = card_from(_json(card_text))
    with store.transaction() as tx:
        if any(k == key for _, _, k in tx.buddies.all(owner.id)):
            raise Conflict(f"{name} is your buddy already", field="file")
        tx.buddies.add(owner.id, name, key, clock.now())
    return name


def my_week(store: Store, owner: Owner, clock: Clock, *, rejections: bool = False) -> Week:
    """This week as your buddy would see it."""
    today = clock.today()
    progress = goal_progress(store, owner, clock, weeks=1)
    monday = week_start(today)
    wins = [w.message for w in list_wins(store, owner, clock, days=7) if w.on >= monday][:10]
    count = None
    if rejections:
        with store.transaction() as tx:
            count = sum(
                1 for r in tx.rejections.query(owner.id) if monday <= r.received_on <= today
            )
    with store.transaction() as tx:
        me = tx.buddies.me(owner.id)
    plans = progress.plans
    return Week(
        name=me[0] if me else "You",
        week_start=monday,
        effort={m.metric.value: m.done for m in progress.this_week.metrics},
        plans_kept=plans.kept if plans else 0,
        plans_due=plans.due if plans else 0,
        wins=tuple(wins),
        rejections=count,
    )


def weekly_summary(
    store: Store, owner: Owner, passphrase: str, clock: Clock, *, rejections: bool = False
) -> str:
    """This week's summary, signed with your passphrase's key, as JSON text to send."""
    with store.transaction() as tx:
        me = tx.buddies.me(owner.id)
    if me is None:
        raise InvalidInput("make your buddy card first", field="passphrase")
    _, salt, key = me
    if signing.public_key(passphrase, bytes.fromhex(salt)) != key:
        raise InvalidInput("that is not the passphrase of your buddy card", field="passphrase")
    document = my_week(store, owner, clock, rejections=rejections).document()
    signed = {
        "summary": document,
        "signature": signing.sign(document, passphrase, bytes.fromhex(salt)),
    }
    return json.dumps(signed, indent=2, ensure_ascii=False) + "\n"


def import_summary(store: Store, owner: Owner, text: str, clock: Clock) -> Week:
    """Keep a buddy's signed weekly summary, after checking whose signature it carries."""
    signed = _json(text)
    document, signature = signed.get("summary"), signed.get("signature")
    if not isinstance(document, dict) or not isinstance(signature, str):
        raise InvalidInput("this is not an Onward buddy summary", field="file")
    week = week_from(document)
    with store.transaction() as tx:
        known = tx.buddies.all(owner.id)
        for buddy_id, _name, key in known:
            try:
                signing.verify(document, signature, key)
            except InvalidInput:
                continue
            tx.buddies.keep_week(owner.id, buddy_id, document, clock.now())
            return week
    if not known:
        raise NotFound("add your buddy's card first, then their summaries", field="file")
    raise InvalidInput(
        "the signature matches none of your buddies: the file was changed, or comes from "
        "someone whose card you do not have",
        field="file",
    )


def buddy_view(store: Store, owner: Owner, clock: Clock) -> BuddyView:
    me = my_week(store, owner, clock)
    with store.transaction() as tx:
        found = tx.buddies.all(owner.id)
        weeks = tx.buddies.latest_weeks(owner.id)
        has_card = tx.buddies.me(owner.id) is not None
    recent = week_start(clock.today()) - timedelta(weeks=4)
    pairs = []
    for buddy_id, name, _ in found:
        week = week_from(weeks[buddy_id]) if buddy_id in weeks else None
        pairs.append((name, week if week and week.week_start >= recent else None))
    return BuddyView(me, tuple(pairs), has_card)


def _json(text: str) -> dict[str, Any]:
    try:
        found = json.loads(text)
    except json.JSONDecodeError:
        raise InvalidInput(
            "this file is not JSON: choose the file your buddy sent", field="file"
        ) from None
    if not isinstance(found, dict):
        raise InvalidInput("this is not an Onward buddy file", field="file")
    return found
