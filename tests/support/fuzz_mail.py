"""Seeded hostile email: ordinary job and everyday mail (``fuzz_seeds``) damaged in one of
the named ways below, for the fuzz test (``tests/mail/test_fuzz_import.py``) and
``bench/fuzz_import.py``. The same seed gives the same bytes.

Mutation kinds (``KINDS``; ``stacked`` applies three others to one message):

charsets
    ``charset_unicode_escape_body``, ``charset_unicode_escape_subject`` (the issue's
    ``=?unicode-escape?Q?...\\ud800?=``), ``charset_raw_unicode_escape``,
    ``charset_codec_names`` (base64, rot13, zlib, hex, punycode, idna as charsets),
    ``charset_unknown``, ``charset_utf7_surrogate``, ``charset_in_address`` (encoded words in
    From/To names), ``rfc2047_broken``
NUL and controls
    ``nul_subject``, ``nul_sender``, ``nul_message_id``, ``nul_thread_ids``, ``nul_body``,
    ``nul_encoded_word``, ``nul_sprinkled``, ``c0_controls``
text that is not what it says
    ``utf16_body_as_8bit`` (UTF-16 mail labelled 8-bit), ``utf16_whole_message``,
    ``utf32_body``, ``invalid_utf8`` (overlong forms, encoded surrogates), ``latin1_as_utf8``,
    ``bidi_controls``, ``zero_width``, ``astral_and_noncharacters``
dates
    ``date_far_future`` (year 9999, negative offset), ``date_year_zero``, ``date_ancient``,
    ``date_huge_year``, ``date_huge_offset``, ``date_garbage``, ``date_duplicate``
size and shape
    ``enormous_header``, ``many_headers``, ``huge_references``, ``long_message_id``,
    ``giant_line``, ``deep_nesting``, ``wide_multipart``, ``html_bomb``, ``html_unclosed``
    (unterminated tags, comments and quotes), ``html_entities``,
    ``binary_attachment``, ``attached_message``
broken structure
    ``broken_boundary``, ``missing_boundary``, ``bad_base64``, ``bad_quoted_printable``,
    ``content_type_garbage``, ``truncated``, ``missing_headers``, ``no_headers``, ``empty``,
    ``duplicate_headers``, ``header_injection``, ``mixed_line_endings``, ``binary_garbage``,
    ``mbox_from_lines``, ``eight_bit_header_names``
"""

from __future__ import annotations

import base64
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.support.fuzz_mutations import MUTATIONS, mutation, plain, sprinkle, text_of
from tests.support.fuzz_seeds import Seed, seed_email

__all__ = ["KINDS", "MUTATIONS", "FuzzMessage", "fuzz_messages", "write_mbox"]


@dataclass(frozen=True)
class FuzzMessage:
    kind: str
    raw: bytes
    job: bool


# -- size and shape --------------------------------------------------------------------------
@mutation
def _enormous_header(rng: random.Random, seed: Seed) -> bytes:
    name = rng.choice(["Subject", "From", "To", "X-Junk"])
    seed.set(name, seed.header(name) + b"A" * rng.randint(20_000, 200_000))
    return seed.to_bytes()


@mutation
def _many_headers(rng: random.Random, seed: Seed) -> bytes:
    seed.headers[3:3] = [(f"X-H{i}", b"v" * 40) for i in range(rng.randint(2_000, 12_000))]
    return seed.to_bytes()


@mutation
def _huge_references(rng: random.Random, seed: Seed) -> bytes:
    ids = b" ".join(b"<r%d@thread.example>" % i for i in range(rng.randint(1_000, 8_000)))
    seed.set("References", ids)
    return seed.to_bytes()


@mutation
def _long_message_id(rng: random.Random, seed: Seed) -> bytes:
    seed.set("Message-ID", b"<" + str(rng.random()).encode() + b"x" * 5_000 + b"@long.example>")
    return seed.to_bytes()


@mutation
def _giant_line(rng: random.Random, seed: Seed) -> bytes:
    line = (text_of(seed).replace("\n", " ") * 2000)[: rng.randint(100_000, 600_000)]
    return plain(seed, line.encode(), b"text/plain; charset=utf-8", b"8bit")


@mutation
def _deep_nesting(rng: random.Random, seed: Seed) -> bytes:
    levels = rng.randint(40, 600)
    parts = [b'--b%d\nContent-Type: multipart/mixed; boundary="b%d"\n\n' % (i - 1, i)
             for i in range(1, levels)]  # fmt: skip
    leaf = b"--b%d\nContent-Type: text/plain\n\n" % (levels - 1) + text_of(seed).encode()
    tail = b"".join(b"\n--b%d--" % i for i in reversed(range(levels)))
    return plain(seed, b"".join(parts) + leaf + tail, b'multipart/mixed; boundary="b0"')


@mutation
def _wide_multipart(rng: random.Random, seed: Seed) -> bytes:
    part = b"--w\nContent-Type: text/plain\n\npart\n"
    body = part * rng.randint(500, 3_000) + b"--w\n\n" + text_of(seed).encode() + b"\n--w--\n"
    return plain(seed, body, b'multipart/mixed; boundary="w"')


@mutation
def _html_bomb(rng: random.Random, seed: Seed) -> bytes:
    depth = rng.randint(2_000, 20_000)
    html = b"<div>" * depth + text_of(seed).encode() + b"</div>" * (depth // 2) + b"<p" * 3_000
    return plain(seed, html, b"text/html; charset=utf-8")


@mutation
def _html_unclosed(rng: random.Random, seed: Seed) -> bytes:
    junk = rng.choice(["<a ", "<!--", '<a b=">', "<![CDATA[>", "x<p", "</a "])
    html = f"<p>{text_of(seed)}</p>{junk * rng.randint(2_000, 40_000)}"
    return plain(seed, html.encode(), b"text/html; charset=utf-8")


@mutation
def _html_entities(rng: random.Random, seed: Seed) -> bytes:
    html = (b"<p>&#0; &#xD800; &#x110000; &#99999999999; &#x1b; &nbsp&amp&lt; &#65279;</p><p>"
            + text_of(seed).encode() + b"</p>")  # fmt: skip
    return plain(seed, html, b"text/html; charset=utf-8")


@mutation
def _binary_attachment(rng: random.Random, seed: Seed) -> bytes:
    blob = rng.randbytes(rng.randint(1_000, 60_000))
    enc = rng.choice([b"base64", b"8bit", b"binary"])
    data = base64.encodebytes(blob) if enc == b"base64" else blob
    body = (b'--z\nContent-Type: text/plain; charset=utf-8\n\n' + text_of(seed).encode()
            + b"\n--z\nContent-Type: application/octet-stream\nContent-Disposition: attachment;"
            b" filename=\"a\x00b.bin\"\nContent-Transfer-Encoding: " + enc + b"\n\n" + data
            + b"\n--z--\n")  # fmt: skip
    return plain(seed, body, b'multipart/mixed; boundary="z"')


@mutation
def _attached_message(rng: random.Random, seed: Seed) -> bytes:
    inner = b"Subject: =?unicode-escape?Q?\\ud800?=\nFrom: \x00\n\n\xff\xfe\x00hostile\n"
    body = (b"--m\nContent-Type: text/plain\n\n" + text_of(seed).encode()
            + b"\n--m\nContent-Type: message/rfc822\n\n" + inner + b"\n--m--\n")  # fmt: skip
    return plain(seed, body, b'multipart/mixed; boundary="m"')


# -- broken structure ------------------------------------------------------------------------
@mutation
def _broken_boundary(rng: random.Random, seed: Seed) -> bytes:
    body = b"--wrong\nContent-Type: text/plain\n\n" + text_of(seed).encode() + b"\n--other--\n"
    return plain(seed, body, b'multipart/alternative; boundary="right"')


@mutation
def _missing_boundary(rng: random.Random, seed: Seed) -> bytes:
    return plain(seed, b"--x\n\n" + text_of(seed).encode(), b"multipart/mixed")


@mutation
def _bad_base64(rng: random.Random, seed: Seed) -> bytes:
    good = base64.b64encode(text_of(seed).encode())
    bad = sprinkle(rng, good, rng.choice([b"!", b"=", b"\x00", b"\xff", b"="]), 6)[:-3]
    return plain(seed, bad, b"text/plain; charset=utf-8", b"base64")


@mutation
def _bad_quoted_printable(rng: random.Random, seed: Seed) -> bytes:
    body = text_of(seed).encode() + b"=ZZ =\n=0 =C3=\n=ED=A0=80 =00=00 end="
    return plain(seed, body, b"text/plain; charset=utf-8", b"quoted-printable")


@mutation
def _content_type_garbage(rng: random.Random, seed: Seed) -> bytes:
    ctype = rng.choice([b";;;; charset=", b"text/plain; charset*=utf-8''%ff%00",
                        b"text/; boundary", b'text/plain; charset="utf-8\x00"; name*0*=x',
                        b"\xff\xfe/\x00"])  # fmt: skip
    return plain(seed, text_of(seed).encode(), ctype, rng.choice([b"x-uue", b"base65", None]))


@mutation
def _truncated(rng: random.Random, seed: Seed) -> bytes:
    raw = seed.to_bytes()
    return raw[: rng.randint(1, len(raw) - 1)]


@mutation
def _missing_headers(rng: random.Random, seed: Seed) -> bytes:
    for name in rng.sample(["From", "To", "Subject", "Date", "Message-ID", "Content-Type"], 4):
        seed.drop(name)
    return seed.to_bytes()


@mutation
def _no_headers(rng: random.Random, seed: Seed) -> bytes:
    return b"\n" + text_of(seed).encode() + seed.body


@mutation
def _empty(rng: random.Random, seed: Seed) -> bytes:
    return rng.choice([b"", b"\n", b" \t\r\n", b"\r\n\r\n"])


@mutation
def _duplicate_headers(rng: random.Random, seed: Seed) -> bytes:
    for name in ("Subject", "From", "Message-ID", "Content-Type", "Date"):
        seed.headers.append((name, seed.header(name) + b" (again)"))
    return seed.to_bytes()


@mutation
def _header_injection(rng: random.Random, seed: Seed) -> bytes:
    seed.set("Subject", seed.header("Subject") + b"\r\nBcc: victim@evil.example\r\n\r\nInjected")
    seed.set("From", b'"Jo\r\nX-Evil: 1" <jo@acme.example>\n\tfolded')
    return seed.to_bytes()


@mutation
def _mixed_line_endings(rng: random.Random, seed: Seed) -> bytes:
    raw = seed.to_bytes()
    return b"".join(
        line + rng.choice([b"\r\n", b"\r", b"\n", b"\n\r"]) for line in raw.split(b"\n")
    )


@mutation
def _binary_garbage(rng: random.Random, seed: Seed) -> bytes:
    return rng.randbytes(rng.randint(1, 20_000))


@mutation
def _mbox_from_lines(rng: random.Random, seed: Seed) -> bytes:
    seed.body += b"\nFrom the desk of the team\n>From quoted\n\nFrom x Mon Jan  5 10:00:00 2026\n"
    return seed.to_bytes()


@mutation
def _eight_bit_header_names(rng: random.Random, seed: Seed) -> bytes:
    seed.headers.insert(2, ("X-Caf\xe9", b"\xff\xfe raw \xe9"))
    seed.headers.insert(2, ("Sub ject", b"spaced name"))
    return seed.to_bytes()


@mutation
def _stacked(rng: random.Random, seed: Seed) -> bytes:
    names = rng.sample([k for k in MUTATIONS if k not in ("stacked", "empty")], 3)
    raw = seed.to_bytes()
    for name in names:
        head, _, body = raw.partition(b"\n\n")
        again = Seed([], body, seed.job, seed.extra)
        for line in head.split(b"\n"):
            key, _, value = line.partition(b": ")
            again.headers.append((key.decode("latin-1"), value))
        raw = MUTATIONS[name](rng, again)
    return raw


KINDS: tuple[str, ...] = tuple(sorted(MUTATIONS))


def fuzz_messages(count: int, seed: int = 0) -> Iterator[FuzzMessage]:
    """``count`` damaged emails, every kind in turn (shuffled per round), the same for a seed."""
    rng = random.Random(seed)
    order: list[str] = []
    for number in range(count):
        if not order:
            order = list(KINDS)
            rng.shuffle(order)
        kind = order.pop()
        base = seed_email(rng, number)
        yield FuzzMessage(kind, MUTATIONS[kind](rng, base), base.job)


_ESCAPE = re.compile(rb"^(>*From )", re.M)


def write_mbox(path: Path, messages: Iterator[FuzzMessage]) -> dict[str, str]:
    """Write an mboxrd file; returns each message's key (its offset) → mutation kind."""
    kinds: dict[str, str] = {}
    with path.open("wb") as out:
        for message in messages:
            kinds[str(out.tell())] = message.kind
            raw = _ESCAPE.sub(rb">\1", message.raw)
            if not raw.endswith(b"\n"):
                raw += b"\n"
            out.write(b"From fuzz@onward.example Mon Jan  5 10:00:00 2026\n" + raw + b"\n")
    return kinds
