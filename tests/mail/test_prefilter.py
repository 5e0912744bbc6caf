"""The cheap first look never sets job mail aside, and does set plain non-job mail aside."""

from __future__ import annotations

import base64
import random
import re
from pathlib import Path

import pytest
from tests.support.synthetic_mail import synthetic_inbox

from onward.mail.prefilter import _BASE64_LINES, is_bulk_mail, may_be_job_mail
from onward.understand import builtin_corpus

CORPUS = Path(__file__).parent / "corpus"


def as_raw(subject: str, sender: str, body: str) -> bytes:
    return f"From: {sender}\nSubject: {subject}\nContent-Type: text/plain\n\n{body}\n".encode()


def test_every_job_email_of_the_built_in_corpus_passes() -> None:
    job = [e for e in builtin_corpus() if e.label.value != "other"]
    assert len(job) > 500
    missed = [
        e.id
        for e in job
        if not may_be_job_mail(as_raw(e.email.subject, e.email.sender, e.email.body))
    ]
    assert missed == []


def test_job_mail_of_a_made_up_inbox_passes_and_most_other_mail_is_set_aside() -> None:
    messages = list(synthetic_inbox(3000))
    flags = [may_be_job_mail(m.raw) for m in messages]
    assert all(f for m, f in zip(messages, flags, strict=True) if m.job_label)
    other = [f for m, f in zip(messages, flags, strict=True) if not m.job_label]
    assert sum(other) / len(other) < 0.3  # shop "offers" pass: a false positive costs time only


def test_plain_personal_mail_is_set_aside() -> None:
    assert not may_be_job_mail(as_raw("Soup on Sunday?", "Ana <ana@post.test>", "Bring bread."))


@pytest.mark.parametrize(
    "body",
    ["Unfortunately we will not proceed.", "We regret to tell you", "Your candidacy",
     "Wir haben Ihre Bewerbung erhalten", "Gracias por tu candidatura", "the hiring manager"],
)  # fmt: skip
def test_job_words_in_several_languages_pass(body: str) -> None:
    assert may_be_job_mail(as_raw("Hello", "x@y.test", body))


def test_words_hidden_in_base64_text_are_found_but_attachments_are_not_read() -> None:
    text = base64.encodebytes("Leider müssen wir Ihnen mitteilen: Ihre Bewerbung".encode()).decode()
    hidden = (
        "From: a@b.test\nSubject: Hallo\nContent-Type: text/plain; charset=utf-8\n"
        f"Content-Transfer-Encoding: base64\n\n{text}"
    ).encode()
    assert may_be_job_mail(hidden)
    photo = base64.encodebytes(b"\x89PNG" + bytes(range(256)) * 40).decode()
    attached = (
        'From: a@b.test\nSubject: Photos\nContent-Type: multipart/mixed; boundary="b"\n\n'
        "--b\nContent-Type: text/plain\n\nLook at the lake.\n"
        "--b\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n"
        f'Content-Disposition: attachment; filename="lake.png"\n\n{photo}--b--\n'
    ).encode()
    assert not may_be_job_mail(attached)
    neutral = base64.encodebytes("Bis Sonntag, liebe Grüße".encode()).decode()
    assert not may_be_job_mail(hidden.replace(text.encode(), neutral.encode()))


def test_encoded_subjects_are_decoded() -> None:
    encoded = b"From: a@b.test\nSubject: =?utf-8?q?Ihre_Bewerbung?=\n\nDanke.\n"
    assert may_be_job_mail(encoded)
    assert not may_be_job_mail(b"From: a@b.test\nSubject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\n\nDanke.\n")


def test_text_it_cannot_see_goes_to_the_full_reader() -> None:
    wide = "Your application".encode("utf-16")
    raw = b"From: a@b.test\nSubject: x\nContent-Type: text/plain; charset=utf-16\n\n" + wide
    assert may_be_job_mail(raw)


def test_quoted_printable_soft_breaks_do_not_hide_words() -> None:
    head = b"From: a@b.test\nSubject: x\nContent-Transfer-Encoding: quoted-printable\n\n"
    raw = head + b"your inter=\nview\n"
    assert may_be_job_mail(raw)


def test_the_malformed_corpus_does_not_crash_it() -> None:
    for path in CORPUS.glob("*.eml"):
        may_be_job_mail(path.read_bytes())
        is_bulk_mail(path.read_bytes())


def test_bulk_mail_is_recognised_from_its_headers_only() -> None:
    assert is_bulk_mail(b"From: a@b.test\nList-Unsubscribe: <mailto:x@b.test>\n\nhi\n")
    assert is_bulk_mail(b"From: a@b.test\r\nPrecedence: bulk\r\n\r\nhi\r\n")
    assert not is_bulk_mail(b"From: a@b.test\nSubject: x\n\nList-Unsubscribe: in the body\n")


def test_base64_lines_go_a_run_at_a_time_as_one_at_a_time() -> None:
    """``_BASE64_LINES`` removes each run of base64 lines in one match: the same text as
    removing the lines one by one."""
    one_line = re.compile(rb"^[a-z0-9+/=]{60,}\r?\n", re.M)
    pieces = [b"a" * 70, b"\n", b"\r", b"\r\n", b"x", b"=", b"+/", b"ab" * 31, b":", b" "]
    rng = random.Random(1)
    for _ in range(20_000):
        text = b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _BASE64_LINES.sub(b"", text) == one_line.sub(b"", text), text
