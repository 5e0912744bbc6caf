"""Text leaving the parser is always storable: real charsets only, no lone surrogates, no NUL
or C0 controls, dates within range with the original header kept."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime, timedelta, timezone

import pytest

from onward.mail.charsets import decode_text, storable_text, text_codec
from onward.mail.html_part import html_part
from onward.mail.html_text import html_to_text
from onward.mail.parse import MAX_DATE, MIN_DATE, ParsedMessage, parse_headers, parse_message


def message(headers: bytes, body: bytes = b"Thank you for applying.\n") -> bytes:
    base = b"From: Jo <jo@acme.example>\nMessage-ID: <m1@acme.example>\n"
    return base + headers + b"\n" + body


def texts(parsed: ParsedMessage) -> list[str]:
    """Every piece of text the parser emits."""
    out: list[str] = []
    for field in fields(parsed):
        value = getattr(parsed, field.name)
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, tuple):
            out += [v for v in value if isinstance(v, str)]
    return out


def assert_storable(parsed: ParsedMessage) -> None:
    for value in texts(parsed):
        value.encode("utf-8")  # no lone surrogate
        assert "\x00" not in value
        assert not any(ch < " " and ch not in "\t\n\r" for ch in value), repr(value)


def both(raw: bytes) -> list[ParsedMessage]:
    return [parse_message(raw), parse_headers(raw)]


def test_storable_text_replaces_surrogates_nul_and_controls_only() -> None:
    assert storable_text("a\x00b\ud800c\udfffd\x1be") == "a\ufffdb\ufffdc\ufffdd\ufffde"
    assert storable_text("tab\there\r\nline") == "tab\there\r\nline"
    assert storable_text("Zoë 👋 \u202eevil") == "Zoë 👋 \u202eevil"


@pytest.mark.parametrize(
    "name",
    ["unicode-escape", "raw_unicode_escape", "punycode", "idna", "base64", "rot13", "zlib",
     "hex", "uu", "quopri", "bz2", "undefined", "x-made-up", "", "utf-8\x00"],
)  # fmt: skip
def test_only_real_text_encodings_are_charsets(name: str) -> None:
    assert text_codec(name) is None


@pytest.mark.parametrize(
    ("name", "codec"),
    [("UTF-8", "utf-8"), ('"iso-8859-1"', "iso8859-1"), ("windows-1252", "cp1252"),
     ("shift_jis", "shift_jis"), ("koi8-r", "koi8-r"), ("utf-7", "utf-7")],
)  # fmt: skip
def test_real_charsets_are_recognised(name: str, codec: str) -> None:
    assert text_codec(name) == codec


def test_unicode_escape_subject_from_the_issue_is_stored_as_written() -> None:
    raw = message(b"Subject: =?unicode-escape?Q?Interview_invitation_\\ud800?=\n")
    for parsed in both(raw):
        assert parsed.subject == "Interview invitation \\ud800"
        assert_storable(parsed)


def test_a_body_in_unicode_escape_is_read_as_plain_text() -> None:
    raw = message(
        b"Content-Type: text/plain; charset=unicode-escape\n",
        b"Thanks for applying \\ud800 \\x00 to Acme.\n",
    )
    parsed = parse_message(raw)
    assert parsed.text == "Thanks for applying \\ud800 \\x00 to Acme."
    assert_storable(parsed)


def test_utf7_words_that_decode_to_a_lone_surrogate_are_replaced() -> None:
    raw = message(b"Subject: =?utf-7?Q?Offer_+2AA-?=\n", b"+2AA- hi\n")
    raw = raw.replace(b"Message-ID", b"Content-Type: text/plain; charset=utf-7\nMessage-ID")
    for parsed in both(raw):
        assert parsed.subject == "Offer \ufffd"
        assert_storable(parsed)
    assert parse_message(raw).text == "\ufffd hi"


@pytest.mark.parametrize(
    "header",
    [b"Subject: Inter\x00view\n", b"Subject: =?utf-8?Q?Inter=00view?=\n",
     b"Subject: =?utf-8?B?SW50ZXIAdmlldw==?=\n", b"Subject: Inter\x1bview\n"],
)  # fmt: skip
def test_nul_and_controls_in_the_subject_are_replaced(header: bytes) -> None:
    for parsed in both(message(header)):
        assert parsed.subject == "Inter\ufffdview"


def test_nul_in_every_header_and_the_body_is_replaced() -> None:
    raw = (
        b"From: J\x00o <j\x00o@acme.example>\nTo: s\x00am@x.example\n"
        b"Message-ID: <a\x00b@acme.example>\nIn-Reply-To: <c\x00d@acme.example>\n"
        b"References: <e\x00f@acme.example>\nDate: Mon, 02 Nov 2026 10:00:00 +0000\x00\n"
        b"Subject: x\n\nThank\x00 you\x00 for applying.\n"
    )
    for parsed in both(raw):
        assert_storable(parsed)
        assert parsed.message_id == "<a\ufffdb@acme.example>"
        assert parsed.in_reply_to == ("<c\ufffdd@acme.example>",)
    assert parse_message(raw).text == "Thank\ufffd you\ufffd for applying."


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_without_a_charset_is_read_as_utf16(codec: str) -> None:
    body = "Thank you for applying to Acme. Zoë".encode(codec)
    parsed = parse_message(message(b"Content-Transfer-Encoding: 8bit\n", body))
    assert parsed.text == "Thank you for applying to Acme. Zoë"


def test_declared_utf16_with_an_odd_byte_is_read_with_a_replacement() -> None:
    body = "Thank you".encode("utf-16-le") + b"!"
    assert decode_text(body, "utf-16-le") == "Thank you\ufffd"


def test_a_byte_no_charset_knows_becomes_a_replacement_character() -> None:
    assert decode_text(b"caf\xe9 \x81", None) == "café \ufffd"
    assert decode_text(b"caf\xe9 \x81", "x-unknown") == "café \ufffd"


def test_a_date_far_in_the_future_is_clamped_and_the_header_kept() -> None:
    header = "Fri, 31 Dec 9999 23:59:59 -1200"
    for parsed in both(message(f"Date: {header}\n".encode())):
        assert parsed.date == MAX_DATE
        assert parsed.date_header == header
        assert parsed.date.astimezone(timezone(timedelta(hours=-12))).year == 2100


@pytest.mark.parametrize(
    ("header", "expected"),
    [("Thu, 01 Jan 1000 00:00:00 +1400", MIN_DATE),
     ("Mon, 01 Jan 1900 00:00:00 +0000", MIN_DATE),
     ("Sat, 01 Jan 99999 00:00:00 +0000", MAX_DATE),
     ("Mon, 02 Nov 2026 10:00:00 +9999", datetime(2026, 11, 2, 10, tzinfo=UTC)),
     ("Mon, 02 Nov 2026 10:00:60 +0100", datetime(2026, 11, 2, 10, 0, 59,
                                                  tzinfo=timezone(timedelta(hours=1)))),
     ("Mon, 02 Nov 2026 10:00:00 -0000", datetime(2026, 11, 2, 10, tzinfo=UTC)),
     ("Mon, 02 Nov 2026 10:00:00", datetime(2026, 11, 2, 10, tzinfo=UTC)),
     ("Mon, 99 Nov 2026 10:00:00 +0000", None),
     ("not a date at all", None),
     ("Mon, 02 Nov 2026 99:00:00 +0000", None)],
)  # fmt: skip
def test_dates_are_validated_and_clamped(header: str, expected: datetime | None) -> None:
    for parsed in both(message(f"Date: {header}\n".encode())):
        assert parsed.date == expected
        assert parsed.date_header == header
        if parsed.date is not None:
            assert parsed.date.tzinfo is not None
            assert MIN_DATE <= parsed.date <= MAX_DATE


def test_a_message_without_a_date_has_an_empty_date_header() -> None:
    parsed = parse_message(message(b"Subject: hi\n"))
    assert (parsed.date, parsed.date_header) == (None, "")


def test_the_html_version_shown_on_the_web_is_storable_text() -> None:
    raw = message(
        b"Content-Type: text/html; charset=unicode-escape\n",
        b"<p>Offer \\ud800\x00 for Zo\\xeb</p>\n",
    )
    assert html_part(raw) == "<p>Offer \\ud800\ufffd for Zo\\xeb</p>\n"
    utf16 = message(b"Content-Type: text/html\n", "<p>Zoë</p>".encode("utf-16"))
    assert html_part(utf16) == "<p>Zoë</p>"


@pytest.mark.parametrize(
    ("html", "expected"),
    [("<a " * 60_000, "<a " * 3), ("<!--" * 60_000, "<!--" * 3), ('<a b=">' * 60_000, ""),
     ("<![CDATA[>" * 60_000, "<![CDATA[>" * 3), ("x<p" * 60_000, "x<p" * 3),
     ('<a b="c" d=">x' * 30_000, "x" * 9)],
)  # fmt: skip
def test_unterminated_markup_is_read_in_one_pass(html: str, expected: str) -> None:
    """The standard library's parser rescans the rest of the text for each of these (hours
    for 200 KB on Python 3.11): escaped or unquoted first, they read in well under a second."""
    assert html_to_text(html)[: len(expected)] == expected


def test_odd_but_real_html_still_reads_the_same() -> None:
    html = (
        "<p>Hi&nbsp;Sam</p><!-- <b>hidden</b> --><script>if (a<b) x()</script>"
        "<p title=\"a>b\" class='c'>Thanks</p><![if !supportLists]>- <![endif]>item"
        ' <IMG src="x.jpg" <BR width="1"> <font face="Arial"size=-1">Click</font> 3 < 4'
    )
    assert html_to_text(html) == "Hi Sam\n\nThanks\n- item  Click 3 < 4"
