"""A message without a Date header is dated by its Received headers or its mbox ``From `` line,
never by the day it is imported."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from onward.domain.mail import ProposalKind
from onward.mail.parse import parse_headers, parse_message
from onward.mail.sources import Mbox, MboxMessage, envelope_of
from onward.services.mail import get_message, import_path
from onward.services.review import list_proposals
from onward.services.runtime import Workspace
from onward.understand import Reader

PACIFIC = timezone(timedelta(hours=-8))

#: A message as a provider hands it over: three hops, the lowest one forged by the sender.
RECEIVED_ONLY = b"""Delivered-To: sam@example.org
Received: by 2002:a05:6a10:9b8f:b0:4f1 with SMTP id d15csp1021;
        Tue, 5 Mar 2024 10:00:09 -0800 (PST)
Received: from mail-out.jobs.example.com (mail-out.jobs.example.com. [198.51.100.7])
        by mx.example.org with ESMTPS id r18si1208;
        Tue, 05 Mar 2024 10:00:02 -0800 (PST)
Received: from workstation (unknown [10.0.0.8])
        by nowhere.invalid; Mon, 1 Jan 2018 00:00:00 +0000
From: Northwind Careers <careers@jobs.example.com>
To: Sam <sam@example.org>
Subject: Your application for Data Analyst
Message-ID: <r1@jobs.example.com>
Content-Type: text/plain; charset=utf-8

Thank you for applying for the Data Analyst position at Northwind.
"""


def test_the_date_header_wins_when_there_is_one() -> None:
    raw = RECEIVED_ONLY.replace(b"Subject:", b"Date: Wed, 6 Mar 2024 08:00:00 +0000\nSubject:")
    parsed = parse_message(raw, envelope="From x Thu Mar  7 10:00:00 2024")
    assert parsed.date == datetime(2024, 3, 6, 8, 0, tzinfo=UTC)
    assert parsed.date_source == "date"


def test_without_a_date_header_the_earliest_trustworthy_received_header_dates_it() -> None:
    for parse in (parse_message, parse_headers):
        parsed = parse(RECEIVED_ONLY)
        assert parsed.date == datetime(2024, 3, 5, 10, 0, 2, tzinfo=PACIFIC)  # not 2018
        assert parsed.date_source == "received" and parsed.date_header == ""


def test_a_date_header_that_is_not_a_date_falls_back_to_received() -> None:
    raw = RECEIVED_ONLY.replace(b"Subject:", b"Date: sometime last week\nSubject:")
    parsed = parse_message(raw)
    assert parsed.date == datetime(2024, 3, 5, 10, 0, 2, tzinfo=PACIFIC)
    assert parsed.date_header == "sometime last week"


def test_a_received_header_dated_after_the_newest_is_not_trusted() -> None:
    raw = RECEIVED_ONLY.replace(
        b"Mon, 1 Jan 2018 00:00:00 +0000", b"Sat, 1 Jan 2039 00:00:00 +0000"
    )
    assert parse_message(raw).date == datetime(2024, 3, 5, 10, 0, 2, tzinfo=PACIFIC)


def test_without_date_or_received_the_mbox_from_line_dates_it() -> None:
    raw = b"From: careers@jobs.example.com\nSubject: Interview\n\nSee you on Monday.\n"
    plain = parse_message(raw, envelope="From careers@jobs.example.com Mon Mar  4 10:00:00 2024")
    takeout = parse_message(raw, envelope="From 1791234567890@xxx Mon Mar 04 10:00:00 +0000 2024")
    for parsed in (plain, takeout):
        assert parsed.date == datetime(2024, 3, 4, 10, 0, tzinfo=UTC)
        assert parsed.date_source == "envelope"
    nothing = parse_message(raw, envelope="From nobody")
    assert nothing.date is None and nothing.date_source == ""


def test_an_mbox_keeps_each_separator_beside_the_message(tmp_path: Path) -> None:
    path = tmp_path / "old.mbox"
    path.write_bytes(
        b"From a@example.com Mon Mar  4 10:00:00 2024\nFrom: a@example.com\n\none\n\n"
        b"From b@example.com Tue Mar  5 11:00:00 2024\nFrom: b@example.com\n\ntwo\n"
    )
    found = list(Mbox(path))
    assert [raw for _, raw in found] == [
        b"From: a@example.com\n\none\n",
        b"From: b@example.com\n\ntwo\n",
    ]
    assert all(isinstance(raw, MboxMessage) for _, raw in found)
    assert [envelope_of(raw) for _, raw in found] == [
        "From a@example.com Mon Mar  4 10:00:00 2024",
        "From b@example.com Tue Mar  5 11:00:00 2024",
    ]
    assert envelope_of(b"From: a@example.com\n\none\n") == ""


@pytest.mark.parametrize("how", ["received", "envelope"])
def test_imported_mail_without_a_date_header_is_proposed_on_its_real_day(
    ws: Workspace, reader: Reader, tmp_path: Path, how: str
) -> None:
    body = RECEIVED_ONLY if how == "received" else _without_received(RECEIVED_ONLY)
    path = tmp_path / "inbox.mbox"
    path.write_bytes(b"From careers@jobs.example.com Tue Mar  5 18:00:00 2024\n" + body)
    import_path(ws.store, ws.owner, path, lambda: reader, ws.clock)
    creates = [
        p for p in list_proposals(ws.store, ws.owner) if p.kind is ProposalKind.CREATE_APPLICATION
    ]
    assert len(creates) == 1
    assert creates[0].payload["on"] == "2024-03-05" != ws.clock.today().isoformat()
    assert creates[0].sent_at is not None and creates[0].sent_at.date() == date(2024, 3, 5)
    assert get_message(ws.store, ws.owner, creates[0].message_id).details["dated_by"] == how


def _without_received(raw: bytes) -> bytes:
    _, _, body = raw.partition(b"\nFrom: ")
    return b"From: " + body
