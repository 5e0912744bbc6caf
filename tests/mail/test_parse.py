"""parse_message on a corpus of real-looking and broken mail (tests/mail/corpus/)."""

from __future__ import annotations

import hashlib
import random
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from onward.domain.emails import EmailText
from onward.errors import MalformedMessage, UserError
from onward.mail import ParsedMessage, parse_message

CORPUS = Path(__file__).parent / "corpus"
MALFORMED = {"empty.eml", "not_an_email.eml"}


def parse(name: str) -> ParsedMessage:
    return parse_message((CORPUS / name).read_bytes())


def nested(levels: int) -> bytes:
    """A message whose text sits ``levels`` multiparts deep."""
    part = b'Content-Type: multipart/mixed; boundary="b%d"\n\n'
    out = [b"From: deep@nest.example\nSubject: deep\n" + part % 0]
    out += [b"--b%d\n" % (i - 1) + part % i for i in range(1, levels)]
    out.append(b"--b%d\nContent-Type: text/plain\n\nDEEP TEXT\n" % (levels - 1))
    out += [b"--b%d--\n" % i for i in reversed(range(levels))]
    return b"".join(out)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.eml")), ids=lambda p: p.name)
def test_every_corpus_message_parses_or_says_why(path: Path) -> None:
    if path.name in MALFORMED:
        with pytest.raises(MalformedMessage) as caught:
            parse_message(path.read_bytes())
        assert caught.value.reason
        assert isinstance(caught.value, UserError)
    else:
        parsed = parse_message(path.read_bytes())
        assert parsed.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
        assert parsed.text.strip(), "every good corpus message has text to read"


def test_headers_dates_and_thread_ids() -> None:
    reply = parse("reply_with_quote.eml")
    assert reply.message_id == "<reply-1@acme.example>"
    assert (reply.sender_name, reply.sender_address) == ("Jane Recruiter", "jane@acme.example")
    assert reply.to == ("sam@example.org",)
    assert reply.date == datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
    assert reply.in_reply_to == ("<ask-1@example.org>",)
    assert reply.references == ("<first-1@acme.example>", "<ask-1@example.org>")
    assert reply.thread_ids == ("<ask-1@example.org>", "<first-1@acme.example>")
    good = parse("good_plain.eml")
    assert good.date == datetime(2026, 3, 3, 10, 2, tzinfo=timezone(timedelta(hours=1)))


def test_missing_headers_give_empty_values_and_a_content_hash() -> None:
    parsed = parse("missing_headers.eml")
    assert parsed.message_id is None and parsed.date is None
    assert (parsed.sender, parsed.to, parsed.thread_ids) == ("", (), ())
    assert len(parsed.content_hash) == 64


def test_quoted_reply_is_separated_from_the_new_text() -> None:
    text = parse("reply_with_quote.eml").text
    assert text == "Sadly we will not be moving forward with your application."
    assert "delighted" not in text


def test_forwarded_content_is_separated() -> None:
    assert parse("forwarded.eml").text == "Look what came in today!"


def test_html_only_mail_becomes_text_without_scripts_styles_or_quotes() -> None:
    text = parse("html_only_with_script.eml").text
    assert "We regret to inform you that the position has been filled." in text
    for absent in ("SCRIPT-CONTENT", "NOSCRIPT-CONTENT", "color: red", "tracker", "<", "excited"):
        assert absent not in text


def test_plain_text_is_preferred_and_attachments_are_skipped() -> None:
    text = parse("with_attachment.eml").text
    assert text == "Please find the interview schedule attached."
    assert "ATTACHED" not in text


def multipart(*parts: tuple[str, str]) -> bytes:
    """A multipart/mixed message of (content type, body) parts."""
    out = [b'From: a@b.example\nSubject: s\nContent-Type: multipart/mixed; boundary="B"\n\n']
    for ctype, body in parts:
        out.append(f"--B\nContent-Type: {ctype}\n\n{body}\n".encode())
    out.append(b"--B--\n")
    return b"".join(out)


@pytest.mark.parametrize(
    ("parts", "text"),
    [
        ((("text/html", "<p>html</p>"), ("text/plain", "plain")), "plain"),
        ((("text/plain", " "), ("text/html", "<p>html</p>")), "html"),
        ((("text/html", "<p> </p>"), ("text/html", "<b>second</b>")), "second"),
        ((("text/html", "<p>first</p>"), ("text/html", "<b>second</b>")), "first"),
        ((("text/html", "<script>x</script>"), ("text/plain", "")), ""),
        ((("message/rfc822", "Subject: in\n\nattached plain"), ("text/html", "<i>own</i>")), "own"),
        ((("message/rfc822", "Content-Type: text/html\n\n<p>attached</p>"),), "attached"),
    ],
)  # fmt: skip
def test_which_part_is_the_text(parts: tuple[tuple[str, str], ...], text: str) -> None:
    """The message's own plain text, else its own HTML (the first with any text), else an
    attached message's plain text, else its HTML."""
    assert parse_message(multipart(*parts)).text == text


def test_rfc2047_headers_and_quoted_printable_latin1_body() -> None:
    parsed = parse("rfc2047_subject.eml")
    assert parsed.subject == "Ihre Bewerbung bei Müller & Söhne"
    assert parsed.sender == "Renée Müller <renee@firma.example>"
    assert parsed.text.startswith("Leider müssen wir Ihnen mitteilen")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("unknown_charset.eml", "The café role is closed."),
        ("wrong_charset_utf8_as_ascii.eml", "We could not offer you the rôle at Café Zürich."),
        ("wrong_charset_cp1252_as_utf8.eml", "We’re sorry – the rôle is closed."),
    ],
)
def test_unknown_and_wrong_charsets_are_decoded(name: str, expected: str) -> None:
    assert parse(name).text == expected


def test_undeclared_8bit_header_is_decoded() -> None:
    assert parse("raw_8bit_subject.eml").subject == "Bewerbung für München"


def test_broken_mime_keeps_the_readable_text() -> None:
    assert parse("bad_base64.eml").text.startswith("Thank you for applying.")
    assert "role" in parse("bad_quoted_printable.eml").text
    broken = parse("broken_boundary.eml").text
    assert broken == "The boundary above does not match, but this text is still here."
    assert "multipart with no boundary" in parse("missing_boundary_param.eml").text
    assert "First part survives" in parse("unterminated_multipart.eml").text


def test_hundreds_of_nested_multiparts_do_not_crash() -> None:
    assert parse_message(nested(8)).text == "DEEP TEXT"
    assert parse_message(nested(300)).subject == "deep"  # read, too deep to look inside
    try:
        parse_message(nested(5000))
    except MalformedMessage as exc:
        assert "nested" in exc.reason


def test_enormous_headers_are_truncated() -> None:
    raw = (
        b"From: a@big.example\nSubject: "
        + b"x" * 5_000_000
        + b"\nX-Junk: "
        + b"y " * 100_000
        + b"\nMessage-ID: <big@big.example>\n"
        + b"".join(b"X-H%d: v\n" % i for i in range(100_000))
        + b"\nThe body is still found.\n"
    )
    parsed = parse_message(raw)
    assert len(parsed.subject) <= 1000
    assert parsed.message_id == "<big@big.example>"
    assert parsed.text == "The body is still found."


def test_size_read_is_capped() -> None:
    raw = b"From: a@b.example\nSubject: long\n\n" + b"word " * 1_000_000
    assert len(parse_message(raw).text) <= 2 * 1024 * 1024
    small = parse_message(raw, max_bytes=10_000)
    assert len(small.text) < 10_000
    assert small.content_hash == hashlib.sha256(raw).hexdigest()  # of the whole message


def test_to_email_text_is_what_understanding_reads() -> None:
    assert parse("good_plain.eml").to_email_text() == EmailText(
        subject="Your application to Acme",
        sender="Jane Recruiter <jane@acme.example>",
        body=parse("good_plain.eml").text,
    )


def test_parsing_is_deterministic() -> None:
    assert parse("with_attachment.eml") == parse("with_attachment.eml")


def test_junk_above_the_headers_is_skipped() -> None:
    parsed = parse_message(b"\xef\xbb\xbf\n\nFr\x00m: x\nSubject: hi\n\nbody\n")
    assert (parsed.subject, parsed.text) == ("hi", "body")


def test_an_8bit_body_with_a_broken_charset_parameter_is_read() -> None:
    raw = b"From: a@b.example\nContent-Type: text/plain; charset=x-t\x00ot\n\nCaf\xe9 closed.\n"
    assert parse_message(raw).text == "Café closed."


def test_randomly_damaged_mail_parses_or_is_refused_with_a_reason() -> None:
    rng = random.Random(4)
    raws = [path.read_bytes() for path in sorted(CORPUS.glob("*.eml"))]
    debris = [b"\n", b"--", b"=", b"=?", b"?=", b"\r", b":", b"\x00", b"<script>", b"=?utf-8?b?"]
    debris.append(b"Content-Type: multipart/mixed; boundary=x\n")
    parsed = 0
    for _ in range(1500):
        damaged = bytearray(rng.choice(raws))
        for _ in range(rng.randint(1, 12)):
            pos = rng.randrange(len(damaged) or 1)
            roll = rng.random()
            if roll < 0.4 and damaged:
                damaged[pos] = rng.randrange(256)
            elif roll < 0.7:
                del damaged[pos : pos + rng.randint(1, 30)]
            else:
                damaged[pos:pos] = rng.choice(debris)
        try:
            parse_message(bytes(damaged))
        except MalformedMessage as exc:
            assert exc.reason
        else:
            parsed += 1
    assert parsed > 1000


def test_folded_and_quoted_headers_are_unfolded() -> None:
    raw = b'From: "Doe, Jane" <jane@x.example>\nSubject: Your application\n\tto Acme,\n  Berlin\n\n'
    parsed = parse_message(raw)
    assert parsed.subject == "Your application to Acme, Berlin"
    assert parsed.sender == "Doe, Jane <jane@x.example>"
