"""`onward review` and `onward mail show` give the sentence that carries the decision as
evidence, its deciding words in bold, and the person's own name is never read as the company."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from onward.domain.evidence import MARK_CLOSE, MARK_OPEN, evidence_parts

Email = Callable[..., bytes]
Cli = Any

NO_AFTER_SCREEN = (
    "Hi Robin,\n\nThank you for the phone screen on Tuesday with our team. After talking it "
    "through, we will not be moving forward with your application for the Stock Controller "
    "role.\n\nKind regards,\nGarrow Outfitters Talent Acquisition"
)


def _import(cli: Cli, tmp_path: Path, email: Email) -> dict[str, Any]:
    folder = tmp_path / "mail"
    folder.mkdir()
    (folder / "1.eml").write_bytes(
        email(NO_AFTER_SCREEN, subject="Your application",
              sender="Garrow Outfitters <no-reply@garrowoutfitters.test>",
              message_id="<g1@garrow.test>")
    )  # fmt: skip
    cli.ok("mail", "import", str(folder))
    views = json.loads(cli.ok("review", "--json"))
    return dict(next(v for v in views if v["kind"] == "log_rejection"))


def test_the_evidence_is_the_decision_sentence(cli: Cli, tmp_path: Path, email: Email) -> None:
    view = _import(cli, tmp_path, email)
    assert view["kind"] == "log_rejection"
    _, words, after = evidence_parts(view["evidence"][0])
    assert "will not be moving forward" in words
    assert "Stock Controller" in after
    listing = cli.ok("review")
    assert "because:" in listing and "will not be moving forward" in listing
    assert MARK_OPEN not in listing and MARK_CLOSE not in listing  # shown in bold instead
    shown = cli.ok("mail", "show", str(view["message_id"]))
    assert "Evidence:" in shown and "will not be moving forward" in shown
    assert MARK_OPEN not in shown


def test_the_stage_reached_comes_from_the_email(cli: Cli, tmp_path: Path, email: Email) -> None:
    view = _import(cli, tmp_path, email)
    assert view["payload"]["company"] == "Garrow Outfitters"
    assert view["payload"]["stage"] == "screen"  # a rejection after a phone screen


def test_the_persons_own_name_is_never_the_company(cli: Cli, tmp_path: Path, email: Email) -> None:
    cli.ok("settings", "set", "sender_name", "Robin Tallis")
    folder = tmp_path / "mail"
    folder.mkdir()
    (folder / "1.eml").write_bytes(
        email("Thank you for applying for the Sous Chef role. We will be in touch.\n\nRobin Tallis",
              subject="Thanks for applying", sender="no-reply@linkedin.com",
              message_id="<t1@mailer.test>")
    )  # fmt: skip
    cli.ok("mail", "import", str(folder))
    views = json.loads(cli.ok("review", "--json"))
    assert views and all(v["payload"].get("company") != "Robin Tallis" for v in views)
