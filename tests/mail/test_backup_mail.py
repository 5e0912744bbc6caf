"""The JSON backup carries the mail tables: a restore re-exports identically."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from onward.services.mail_import import import_messages
from onward.services.review import accept_proposals, edit_proposal, list_proposals
from onward.services.runtime import Workspace, open_workspace
from onward.services.transfer import export_json, import_backup
from onward.understand import Reader

Email = Callable[..., bytes]


def test_mail_restores_with_identical_content(
    ws: Workspace, reader: Reader, email: Email, tmp_path: Path, on_postgres: bool
) -> None:
    confirm = email(
        "Thank you for applying for the Data Analyst position at Initrode. We have received "
        "your application.", subject="Thanks for applying",
        sender="Initrode Careers <jobs@initrode.test>", message_id="<c@initrode.test>",
    )  # fmt: skip
    reject = email(
        "Unfortunately, after careful consideration we have decided to move forward with other "
        "candidates for the Data Analyst role.\n\nNadia Park\nInitrode",
        subject="Your application", sender="Nadia Park <nadia@initrode.test>",
        message_id="<r@initrode.test>", in_reply_to="<c@initrode.test>",
        date="Mon, 16 Nov 2026 10:00:00 +0000",
    )  # fmt: skip
    pairs = [("1", confirm), ("2", reject), ("3", b""), ("4", email("Soup?", message_id="<s@x>"))]
    import_messages(ws.store, ws.owner, "mbox:/inbox", pairs, reader, ws.clock)
    views = list_proposals(ws.store, ws.owner)
    create = next(v for v in views if v.kind.value == "create_application")
    edit_proposal(ws.store, ws.owner, create.id, {"company": "Initech"}, ws.clock)
    accept_proposals(ws.store, ws.owner, [v.id for v in views if v.id != create.id], ws.clock)

    first = tmp_path / "first.json"
    export_json(ws.store, ws.owner, first, ws.clock)
    document = json.loads(first.read_text())
    for table in ("mail_messages", "mail_quarantine", "mail_proposals", "mail_import_progress",
                  "company_aliases", "mail_examples"):  # fmt: skip
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
    again = import_messages(target.store, target.owner, "mbox:/inbox", pairs, reader, target.clock)
    assert again.new == 0 and again.proposals == 0  # the restored mail is known
