"""The job-mail gate in an import, on both databases: mailing-list and everyday mail that
reads like an interview makes no proposal; job mail still does. The list headers reach the
reader through the parser."""

from __future__ import annotations

from collections.abc import Callable

from onward.domain.emails import EmailLabel
from onward.mail.parse import parse_headers, parse_message
from onward.services.mail_import import import_messages
from onward.services.review import list_proposals
from onward.services.runtime import Workspace
from onward.understand import Reader

Email = Callable[..., bytes]

LIST = "List-Id: Hill Walkers <walkers.lists.example.org>\nPrecedence: list\n"
MEETING = (
    "Hi all,\n\nCan we schedule a call on Thursday at 3pm to go over the route for the "
    "Saturday walk? Please share your availability by Wednesday. It should take about 20 "
    "minutes on the phone.\n\nThanks, Kai"
)
REJECT = (
    "Hi Sam,\n\nThank you for your interest in the Buyer role at Marlin Foods. Unfortunately, "
    "after careful consideration we have decided to move forward with other candidates.\n\n"
    "Best wishes,\nMarlin Foods Talent Team"
)


def test_the_parser_carries_the_list_headers_to_the_reader(email: Email) -> None:
    raw = email("Hello there", extra=LIST + "Auto-Submitted: no\nX-Other: 1\n")
    for parsed in (parse_message(raw), parse_headers(raw)):
        names = [name.lower() for name, _ in parsed.list_headers]
        assert names == ["list-id", "precedence", "auto-submitted"]
    assert parse_message(raw).to_email_text().headers == parse_message(raw).list_headers
    assert parse_message(email("Hello there")).list_headers == ()


def test_list_mail_that_reads_like_an_interview_makes_no_proposal(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    listed = email(
        MEETING,
        subject="[walkers] Call on Thursday?",
        sender="Kai Turner <kai@hillclub.example>",
        message_id="<walk-1@hillclub.example>",
        extra=LIST,
    )
    job = email(
        REJECT,
        subject="Your application",
        sender="Marlin Foods <jobs@marlinfoods.example>",
        message_id="<job-1@marlinfoods.example>",
    )
    assert reader.read(parse_message(listed).to_email_text()).label is EmailLabel.OTHER
    summary = import_messages(
        ws.store, ws.owner, "test:gate", [("1", listed), ("2", job)], reader, ws.clock
    )
    assert summary.new == 2
    assert dict(summary.job_mail) == {"rejection": 1}
    proposals = list_proposals(ws.store, ws.owner)
    marlin = "Marlin Foods <jobs@marlinfoods.example>"
    assert proposals and {p.sender for p in proposals} == {marlin}
