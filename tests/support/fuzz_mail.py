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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.support.fuzz_seeds import Seed, seed_email

__all__ = ["KINDS", "MUTATIONS", "FuzzMessage", "fuzz_messages", "write_mbox"]

Mutation = Callable[[random.Random, Seed], bytes]
MUTATIONS: dict[str, Mutation] = {}


def mutation(fn: Mutation) -> Mutation:
    MUTATIONS[fn.__name__.lstrip("_")] = fn
    return fn


@dataclass(frozen=True)
class FuzzMessage:
    kind: str
    raw: bytes
    job: bool


def _plain(seed: Seed, body: bytes, ctype: bytes, cte: bytes | None = None) -> bytes:
    seed.headers = [(k, v) for k, v in seed.headers if not k.lower().startswith("content-")]
    seed.headers.append(("Content-Type", ctype))
    if cte:
        seed.headers.append(("Content-Transfer-Encoding", cte))
    seed.body = body
    return seed.to_bytes()


def _text(seed: Seed) -> str:
    return seed.extra["subject"] + "\n\nThank you for applying; we will be in touch.\n"


def _sprinkle(rng: random.Random, data: bytes, piece: bytes, count: int) -> bytes:
    out = bytearray(data)
    for _ in range(count):
        at = rng.randrange(len(out) + 1)
        out[at:at] = piece
    return bytes(out)


# -- charsets --------------------------------------------------------------------------------
@mutation
def _charset_unicode_escape_body(rng: random.Random, seed: Seed) -> bytes:
    body = _text(seed).encode() + b"Surrogates: \\ud800 \\udfff \\x00 \\U0010ffff\n"
    return _plain(seed, body, b"text/plain; charset=unicode-escape")


@mutation
def _charset_unicode_escape_subject(rng: random.Random, seed: Seed) -> bytes:
    seed.set("Subject", b"=?unicode-escape?Q?Interview_invitation_\\ud800?=")
    return seed.to_bytes()


@mutation
def _charset_raw_unicode_escape(rng: random.Random, seed: Seed) -> bytes:
    seed.set("Subject", b"=?raw-unicode-escape?B?" + base64.b64encode(b"Offer \\udc80") + b"?=")
    body = _text(seed).encode() + b"\\ud83d alone\n"
    return _plain(seed, body, b"text/plain; charset=raw-unicode-escape")


@mutation
def _charset_codec_names(rng: random.Random, seed: Seed) -> bytes:
    name = rng.choice([b"base64", b"rot13", b"zlib", b"hex", b"punycode", b"idna", b"uu", b"bz2"])
    seed.set("Subject", b"=?" + name + b"?Q?Your_application?=")
    return _plain(seed, _text(seed).encode(), b"text/plain; charset=" + name)


@mutation
def _charset_unknown(rng: random.Random, seed: Seed) -> bytes:
    body = _text(seed).encode("cp1252") + b"caf\xe9 \x81\x8d\x90 \xff\xfe\n"
    seed.set("Subject", b"=?x-made-up?B?" + base64.b64encode(b"caf\xe9 \xff") + b"?=")
    return _plain(seed, body, b"text/plain; charset=x-made-up-" + str(rng.random()).encode())


@mutation
def _charset_utf7_surrogate(rng: random.Random, seed: Seed) -> bytes:
    seed.set("Subject", b"=?utf-7?Q?Offer_+2AA-_+3gA-?=")
    return _plain(seed, b"+2AA- " + _text(seed).encode(), b"text/plain; charset=utf-7")


@mutation
def _charset_in_address(rng: random.Random, seed: Seed) -> bytes:
    seed.set("From", b"=?unicode-escape?Q?Jo_\\ud800?= <jo@acme.example>")
    seed.set("To", b"=?utf-7?Q?+2AA-?= <sam@home.example>, =?utf-8?Q?=00?= <x@y.example>")
    return seed.to_bytes()


@mutation
def _rfc2047_broken(rng: random.Random, seed: Seed) -> bytes:
    words = [b"=?utf-8?B?###?=", b"=?utf-8?Q?unterminated", b"=??Q?x?=", b"=?utf-8?X?abc?=",
             b"=?utf-8?B?" + base64.b64encode(b"\xed\xa0\x80\xc0\xaf") + b"?="]  # fmt: skip
    seed.set("Subject", b" ".join(rng.sample(words, 3)))
    return seed.to_bytes()


# -- NUL and controls ------------------------------------------------------------------------
@mutation
def _nul_subject(rng: random.Random, seed: Seed) -> bytes:
    seed.set("Subject", _sprinkle(rng, seed.header("Subject"), b"\x00", 3))
    return seed.to_bytes()


@mutation
def _nul_sender(rng: random.Random, seed: Seed) -> bytes:
    seed.set("From", _sprinkle(rng, seed.header("From"), b"\x00", 2))
    return seed.to_bytes()


@mutation
def _nul_message_id(rng: random.Random, seed: Seed) -> bytes:
    seed.set("Message-ID", seed.header("Message-ID").replace(b"@", b"\x00@"))
    return seed.to_bytes()


@mutation
def _nul_thread_ids(rng: random.Random, seed: Seed) -> bytes:
    seed.set("In-Reply-To", b"<a\x00b@acme.example>")
    seed.set("References", b"<c\x00d@acme.example> <e@f\x00.example>")
    return seed.to_bytes()


@mutation
def _nul_body(rng: random.Random, seed: Seed) -> bytes:
    seed.body = _sprinkle(rng, seed.body, b"\x00", 5)
    return seed.to_bytes()


@mutation
def _nul_encoded_word(rng: random.Random, seed: Seed) -> bytes:
    seed.set("Subject", b"=?utf-8?Q?Interview=00_invitation?= =?utf-8?B?AAAA?=")
    return seed.to_bytes()


@mutation
def _nul_sprinkled(rng: random.Random, seed: Seed) -> bytes:
    return _sprinkle(rng, seed.to_bytes(), b"\x00", 20)


@mutation
def _c0_controls(rng: random.Random, seed: Seed) -> bytes:
    seed.set("Subject", seed.header("Subject") + b" \x1b[31mred\x1b[0m \x07\x08")
    seed.body = _sprinkle(rng, seed.body, b"\x1b]0;title\x07", 2) + b"\x0c\x0b\x7f\n"
    return seed.to_bytes()


# -- text that is not what it says -----------------------------------------------------------
@mutation
def _utf16_body_as_8bit(rng: random.Random, seed: Seed) -> bytes:
    codec = rng.choice(["utf-16", "utf-16-le", "utf-16-be"])
    ctype = rng.choice([b"text/plain", b"text/plain; charset=us-ascii", b"text/html"])
    return _plain(seed, _text(seed).encode(codec), ctype, b"8bit")


@mutation
def _utf16_whole_message(rng: random.Random, seed: Seed) -> bytes:
    return seed.to_bytes().decode("latin-1").encode(rng.choice(["utf-16", "utf-16-le"]))


@mutation
def _utf32_body(rng: random.Random, seed: Seed) -> bytes:
    return _plain(seed, _text(seed).encode("utf-32"), b"text/plain", b"8bit")


@mutation
def _invalid_utf8(rng: random.Random, seed: Seed) -> bytes:
    bad = rng.choice([b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82", b"\xff"])
    seed.set("Subject", seed.header("Subject") + b" " + bad)
    return _plain(seed, _text(seed).encode() + bad * 3, b"text/plain; charset=utf-8", b"8bit")


@mutation
def _latin1_as_utf8(rng: random.Random, seed: Seed) -> bytes:
    body = _text(seed).encode() + "Grüße, Zoë, café\n".encode("latin-1")
    return _plain(seed, body, b"text/plain; charset=utf-8", b"8bit")


@mutation
def _bidi_controls(rng: random.Random, seed: Seed) -> bytes:
    evil = "\u202egnp.exe\u202c \u2066x\u2069 \u200f"
    seed.set("Subject", (seed.extra["subject"] + evil).encode())
    seed.set("From", "\u202eJo\u202c <jo@acme.example>".encode())
    return _plain(seed, (evil + _text(seed)).encode(), b"text/plain; charset=utf-8", b"8bit")


@mutation
def _zero_width(rng: random.Random, seed: Seed) -> bytes:
    text = "\u200b".join(_text(seed)[:200]) + "\ufeff\u200d\u2060"
    seed.set("Subject", "\u200b".join(seed.extra["subject"]).encode())
    return _plain(seed, text.encode(), b"text/plain; charset=utf-8", b"8bit")


@mutation
def _astral_and_noncharacters(rng: random.Random, seed: Seed) -> bytes:
    odd = "\U0001f600 \U0010fffd \ufffe \uffff \ufdd0 \x85 \u2028\u2029"
    seed.set("Subject", ("=?utf-8?B?" + base64.b64encode(odd.encode()).decode() + "?=").encode())
    return _plain(seed, (_text(seed) + odd).encode(), b"text/plain; charset=utf-8", b"8bit")


# -- dates -----------------------------------------------------------------------------------
def _date(value: bytes) -> Mutation:
    def apply(rng: random.Random, seed: Seed) -> bytes:
        seed.set("Date", value)
        return seed.to_bytes()

    return apply


MUTATIONS["date_far_future"] = _date(b"Fri, 31 Dec 9999 23:59:59 -1200")
MUTATIONS["date_year_zero"] = _date(b"Sat, 01 Jan 0000 00:00:00 +0000")
MUTATIONS["date_ancient"] = _date(b"Mon, 01 Jan 1001 00:00:00 +1400")
MUTATIONS["date_huge_year"] = _date(b"Mon, 01 Jan 99999999999999999999 10:00:00 +0000")
MUTATIONS["date_huge_offset"] = _date(b"Mon, 02 Nov 2026 10:00:00 -9999")
MUTATIONS["date_garbage"] = _date(b"yesterday-ish, 32 Foo 20x6 25:61:61 +ZZZZ")


@mutation
def _date_duplicate(rng: random.Random, seed: Seed) -> bytes:
    seed.headers.append(("Date", b"Tue, 31 Feb 2026 10:00:00 +0000"))
    return seed.to_bytes()


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
    line = (_text(seed).replace("\n", " ") * 2000)[: rng.randint(100_000, 600_000)]
    return _plain(seed, line.encode(), b"text/plain; charset=utf-8", b"8bit")


@mutation
def _deep_nesting(rng: random.Random, seed: Seed) -> bytes:
    levels = rng.randint(40, 600)
    parts = [b'--b%d\nContent-Type: multipart/mixed; boundary="b%d"\n\n' % (i - 1, i)
             for i in range(1, levels)]  # fmt: skip
    leaf = b"--b%d\nContent-Type: text/plain\n\n" % (levels - 1) + _text(seed).encode()
    tail = b"".join(b"\n--b%d--" % i for i in reversed(range(levels)))
    return _plain(seed, b"".join(parts) + leaf + tail, b'multipart/mixed; boundary="b0"')


@mutation
def _wide_multipart(rng: random.Random, seed: Seed) -> bytes:
    part = b"--w\nContent-Type: text/plain\n\npart\n"
    body = part * rng.randint(500, 3_000) + b"--w\n\n" + _text(seed).encode() + b"\n--w--\n"
    return _plain(seed, body, b'multipart/mixed; boundary="w"')


@mutation
def _html_bomb(rng: random.Random, seed: Seed) -> bytes:
    depth = rng.randint(2_000, 20_000)
    html = b"<div>" * depth + _text(seed).encode() + b"</div>" * (depth // 2) + b"<p" * 3_000
    return _plain(seed, html, b"text/html; charset=utf-8")


@mutation
def _html_unclosed(rng: random.Random, seed: Seed) -> bytes:
    junk = rng.choice(["<a ", "<!--", '<a b=">', "<![CDATA[>", "x<p", "</a "])
    html = f"<p>{_text(seed)}</p>{junk * rng.randint(2_000, 40_000)}"
    return _plain(seed, html.encode(), b"text/html; charset=utf-8")


@mutation
def _html_entities(rng: random.Random, seed: Seed) -> bytes:
    html = (b"<p>&#0; &#xD800; &#x110000; &#99999999999; &#x1b; &nbsp&amp&lt; &#65279;</p><p>"
            + _text(seed).encode() + b"</p>")  # fmt: skip
    return _plain(seed, html, b"text/html; charset=utf-8")


@mutation
def _binary_attachment(rng: random.Random, seed: Seed) -> bytes:
    blob = rng.randbytes(rng.randint(1_000, 60_000))
    enc = rng.choice([b"base64", b"8bit", b"binary"])
    data = base64.encodebytes(blob) if enc == b"base64" else blob
    body = (b'--z\nContent-Type: text/plain; charset=utf-8\n\n' + _text(seed).encode()
            + b"\n--z\nContent-Type: application/octet-stream\nContent-Disposition: attachment;"
            b" filename=\"a\x00b.bin\"\nContent-Transfer-Encoding: " + enc + b"\n\n" + data
            + b"\n--z--\n")  # fmt: skip
    return _plain(seed, body, b'multipart/mixed; boundary="z"')


@mutation
def _attached_message(rng: random.Random, seed: Seed) -> bytes:
    inner = b"Subject: =?unicode-escape?Q?\\ud800?=\nFrom: \x00\n\n\xff\xfe\x00hostile\n"
    body = (b"--m\nContent-Type: text/plain\n\n" + _text(seed).encode()
            + b"\n--m\nContent-Type: message/rfc822\n\n" + inner + b"\n--m--\n")  # fmt: skip
    return _plain(seed, body, b'multipart/mixed; boundary="m"')


# -- broken structure ------------------------------------------------------------------------
@mutation
def _broken_boundary(rng: random.Random, seed: Seed) -> bytes:
    body = b"--wrong\nContent-Type: text/plain\n\n" + _text(seed).encode() + b"\n--other--\n"
    return _plain(seed, body, b'multipart/alternative; boundary="right"')


@mutation
def _missing_boundary(rng: random.Random, seed: Seed) -> bytes:
    return _plain(seed, b"--x\n\n" + _text(seed).encode(), b"multipart/mixed")


@mutation
def _bad_base64(rng: random.Random, seed: Seed) -> bytes:
    good = base64.b64encode(_text(seed).encode())
    bad = _sprinkle(rng, good, rng.choice([b"!", b"=", b"\x00", b"\xff", b"="]), 6)[:-3]
    return _plain(seed, bad, b"text/plain; charset=utf-8", b"base64")


@mutation
def _bad_quoted_printable(rng: random.Random, seed: Seed) -> bytes:
    body = _text(seed).encode() + b"=ZZ =\n=0 =C3=\n=ED=A0=80 =00=00 end="
    return _plain(seed, body, b"text/plain; charset=utf-8", b"quoted-printable")


@mutation
def _content_type_garbage(rng: random.Random, seed: Seed) -> bytes:
    ctype = rng.choice([b";;;; charset=", b"text/plain; charset*=utf-8''%ff%00",
                        b"text/; boundary", b'text/plain; charset="utf-8\x00"; name*0*=x',
                        b"\xff\xfe/\x00"])  # fmt: skip
    return _plain(seed, _text(seed).encode(), ctype, rng.choice([b"x-uue", b"base65", None]))


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
    return b"\n" + _text(seed).encode() + seed.body


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
