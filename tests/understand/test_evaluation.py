"""Evaluation on files in the dev-set format, and on the real dev set when it is present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onward.errors import InvalidInput
from onward.understand import Reader, evaluate
from onward.understand.evaluate import normalise, normalise_company

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "emails" / "dev.jsonl"


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


ROWS: list[dict[str, object]] = [
    {
        "id": "a",
        "sender": "Sela Foods <jobs@selafoods.example>",
        "subject": "Your application",
        "body": "Thank you for applying for the Buyer position. We regret to inform you that we "
        "will not be moving forward with your application.",
        "label": "rejection",
        "company": "Sela Foods",
        "role": "Buyer",
        "stage": "application",
        "reason": "unspecified",
        "personal": False,
    },
    {
        "id": "b",
        "sender": "Sela Foods <jobs@selafoods.example>",
        "subject": "Thanks for applying",
        "body": "We have received your application for the Buyer position at Sela Foods.",
        "label": "application_received",
        "company": "Sela Foods",
        "role": "Buyer",
    },
    {
        "id": "c",
        "sender": "Job Alerts <alerts@board.example>",
        "subject": "New jobs for you",
        "body": "Jobs matching your search: Buyer at Sela Foods, Clerk at Pine Co. Unsubscribe.",
        "label": "other",
        "company": None,
        "role": None,
    },
]


def test_report_figures(reader: Reader, tmp_path: Path) -> None:
    report = evaluate(reader, _write(tmp_path / "mail.jsonl", ROWS))
    assert report.emails == 3
    assert [c.label for c in report.per_class] == ["rejection", "application_received", "other"]
    assert report.accuracy == 1.0 and report.macro_f1 == 1.0 and not report.errors
    assert report.confusion["rejection"] == {"rejection": 1}
    assert report.rejection.f1 == 1.0
    assert report.stage_accuracy == 1.0 and report.reason_accuracy == 1.0
    assert report.company_accuracy == 1.0 and report.role_accuracy == 1.0
    assert report.emails_per_second > 0


def test_misread_emails_are_listed_with_evidence(reader: Reader, tmp_path: Path) -> None:
    rows = [dict(ROWS[1], label="offer")]
    report = evaluate(reader, _write(tmp_path / "wrong.jsonl", rows))
    assert report.macro_f1 == 0.0
    (error,) = report.errors
    assert (error.id, error.expected, error.predicted) == ("b", "offer", "application_received")
    assert error.evidence


def test_company_and_role_misses_are_listed_as_written_and_as_compared(
    reader: Reader, tmp_path: Path
) -> None:
    rows = [dict(ROWS[1], company="Sela Foods Group", role="Senior Buyer")]
    report = evaluate(reader, _write(tmp_path / "wrong.jsonl", rows))
    assert report.company_accuracy == 0.0 and report.role_accuracy == 0.0
    company, role = report.extraction_errors
    assert (company.id, company.field, company.expected, company.read) == (
        "b",
        "company",
        "Sela Foods Group",
        "Sela Foods",
    )
    assert (company.expected_key, company.read_key) == ("selafoodsgroup", "selafoods")
    assert (role.field, role.expected, role.read) == ("role", "Senior Buyer", "Buyer")


ACRONYM_ROWS: list[dict[str, object]] = [
    {
        "id": "long",
        "sender": "",
        "subject": "Thanks for applying",
        "body": "We have received your application for the Buyer position at Quill River Data "
        "Exchange.",
        "label": "application_received",
        "company": "Quill River Data Exchange",
        "role": "Buyer",
    },
    {
        "id": "short",
        "sender": "",
        "subject": "QRDE Interview Request",
        "body": "Hi Sam, could you share a few times next week for a video interview? Thanks!",
        "label": "interview",
        "company": "Quill River Data Exchange",
        "role": None,
    },
]


def test_the_file_is_read_as_one_mailbox_per_source(reader: Reader, tmp_path: Path) -> None:
    report = evaluate(reader, _write(tmp_path / "box.jsonl", ACRONYM_ROWS))
    assert report.company_alone_accuracy == 0.5  # the acronym email alone says "QRDE"
    assert report.company_accuracy == 1.0  # the mailbox spells it out
    apart = [dict(ACRONYM_ROWS[0], source="one"), dict(ACRONYM_ROWS[1], source="two")]
    report = evaluate(reader, _write(tmp_path / "apart.jsonl", apart))
    assert report.company_accuracy == 0.5  # two mailboxes: nothing is shared


def test_bad_json_names_the_line(reader: Reader, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(ROWS[0]) + "\n{not json\n")
    with pytest.raises(InvalidInput, match="line 2"):
        evaluate(reader, path)


def test_unknown_label_names_the_line(reader: Reader, tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.jsonl", [ROWS[0], dict(ROWS[1], label="ghosted")])
    with pytest.raises(InvalidInput, match=r"line 2.*ghosted"):
        evaluate(reader, path)


def test_missing_file_is_invalid_input(reader: Reader, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="No such file"):
        evaluate(reader, tmp_path / "nope.jsonl")


def test_normalise_ignores_case_and_punctuation() -> None:
    assert normalise("Harlow & Finch, Inc.") == normalise("harlow finch inc")
    assert normalise("  ") is None and normalise(None) is None
    assert normalise("Dunmore's Bakery") == normalise("Dunmores Bakery")
    assert normalise("Front_End Developer") == normalise("Front-End Developer")
    # Only case and punctuation: words, legal suffixes and spacing still count.
    assert normalise("Harlow & Finch") != normalise("Harlow Finch Inc")
    assert normalise("Live Wire") != normalise("Livewire")


def test_companies_compare_as_the_tracker_matches_them() -> None:
    # An address squeezes the words together; "&" is "and"; legal forms still count.
    assert normalise_company("Cobalt Reach") == normalise_company("Cobaltreach")
    assert normalise_company("Hatch & Hollow") == normalise_company("Hatchandhollow")
    assert normalise_company("Fernhollow Software") != normalise_company("Fernhollow")
    assert normalise_company("Acme Ltd") != normalise_company("Acme")
    assert normalise_company(None) is None and normalise_company(" . ") is None


@pytest.mark.skipif(not DEV.exists(), reason=f"dev set not found at {DEV}")
def test_dev_set_figures(reader: Reader) -> None:
    """The issue's targets on real mail (figures in docs/accuracy.md).

    Company accuracy is read with the mailbox (each ``source`` of the file is one mailbox);
    read one email at a time it is 0.940.
    """
    report = evaluate(reader, DEV)
    assert report.rejection.precision >= 0.98
    assert report.rejection.f1 >= 0.97
    assert report.macro_f1 >= 0.90
    assert report.stage_accuracy is not None and report.stage_accuracy >= 0.85
    assert report.reason_accuracy is not None and report.reason_accuracy >= 0.85
    assert report.role_accuracy >= 0.85
    assert report.company_accuracy >= 0.95
    assert report.company_alone_accuracy >= 0.93
