"""The review page shows the sentence that carries the decision, its deciding words marked,
and the email's own text escaped around the mark."""

from __future__ import annotations

from pathlib import Path

from tests.web.conftest import Web
from tests.web.review_data import FixedReader, job_email

from onward.domain.emails import EmailLabel, EmailReading
from onward.domain.evidence import mark
from onward.services.mail_import import import_messages
from onward.services.review import list_proposals

SENTENCE = "Sadly <b>we</b> will not be moving forward with your application."


def _import(web: Web, tmp_path: Path) -> int:
    start = SENTENCE.index("will not")
    reading = EmailReading(
        EmailLabel.REJECTION,
        0.95,
        (mark(SENTENCE, start, start + len("will not be moving forward")), "no application cue"),
        company="Garrow Outfitters",
        role="Stock Controller",
    )
    path = tmp_path / "no.eml"
    path.write_bytes(job_email("Your application", SENTENCE))
    import_messages(
        web.ws.store, web.ws.owner, f"eml:{path.resolve()}", [(path.name, path.read_bytes())],
        FixedReader(reading), web.ws.clock,
    )  # fmt: skip
    return list_proposals(web.ws.store, web.ws.owner)[0].id


def test_the_queue_and_the_proposal_mark_the_deciding_words(web: Web, tmp_path: Path) -> None:
    proposal_id = _import(web, tmp_path)
    shown = (
        "<q>Sadly &lt;b&gt;we&lt;/b&gt; <mark>will not be moving forward</mark> with your "
        "application.</q>"
    )
    for page in (web.get("/review"), web.get(f"/review/{proposal_id}")):
        assert page.status_code == 200
        assert shown in page.text
        assert "<q>no application cue</q>" in page.text  # unmarked evidence reads as it is
        assert "\u2045" not in page.text and "\u2046" not in page.text
