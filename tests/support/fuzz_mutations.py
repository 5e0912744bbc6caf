"""The mutations of hostile mail that damage charsets, text and dates, and the registry of
every mutation kind (``MUTATIONS``); the other kinds and the generator are in ``fuzz_mail``."""

from __future__ import annotations

import base64
import random
from collections.abc import Callable

from tests.support.fuzz_seeds import Seed

__all__ = ["MUTATIONS", "Mutation", "mutation", "plain", "sprinkle", "text_of"]

Mutation = Callable[[random.Random, Seed], bytes]
MUTATIONS: dict[str, Mutation] = {}


def mutation(fn: Mutation) -> Mutation:
    MUTATIONS[fn.__name__.lstrip("_")] = fn
    return fn


def plain(seed: Seed, body: bytes, ctype: bytes, cte: bytes | None = None) -> bytes:
    seed.headers = [(k, v) for k, v in seed.headers if not k.lower().startswith("content-")]
    seed.headers.append(("Content-Type", ctype))
    if cte:
        seed.headers.append(("Content-Transfer-Encoding", cte))
    seed.body = body
    return seed.to_bytes()


def text_of(seed: Seed) -> str:
    return seed.extra["subject"] + "\n\nThank you for applying; we will be in touch.\n"


def sprinkle(rng: random.Random, data: bytes, piece: bytes, count: int) -> bytes:
    out = bytearray(data)
    for _ in range(count):
        at = rng.randrange(len(out) + 1)
        out[at:at] = piece
    return bytes(out)


# -- charsets --------------------------------------------------------------------------------
@mutation
def _charset_unicode_escape_body(rng: random.Random, seed: Seed) -> bytes:
    body = text_of(seed).encode() + b"Surrogates: \\ud800 \\udfff \\x00 \\U0010ffff\n"
    return plain(seed, body, b"text/plain; charset=unicode-escape")


@mutation
def _charset_unicode_escape_subject(rng: random.Random, seed: Seed) -> bytes:
    seed.set("Subject", b"=?unicode-escape?Q?Interview_invitation_\\ud800?=")
    return seed.to_bytes()


@mutation
def _charset_raw_unicode_escape(rng: random.Random, seed: Seed) -> bytes:
    seed.set("Subject", b"=?raw-unicode-escape?B?" + base64.b64encode(b"Offer \\udc80") + b"?=")
    body = text_of(seed).encode() + b"\\ud83d alone\n"
    return plain(seed, body, b"text/plain; charset=raw-unicode-escape")


@mutation
def _charset_codec_names(rng: random.Random, seed: Seed) -> bytes:
    name = rng.choice([b"base64", b"rot13", b"zlib", b"hex", b"punycode", b"idna", b"uu", b"bz2"])
    seed.set("Subject", b"=?" + name + b"?Q?Your_application?=")
    return plain(seed, text_of(seed).encode(), b"text/plain; charset=" + name)


@mutation
def _charset_unknown(rng: random.Random, seed: Seed) -> bytes:
    body = text_of(seed).encode("cp1252") + b"caf\xe9 \x81\x8d\x90 \xff\xfe\n"
    seed.set("Subject", b"=?x-made-up?B?" + base64.b64encode(b"caf\xe9 \xff") + b"?=")
    return plain(seed, body, b"text/plain; charset=x-made-up-" + str(rng.random()).encode())


@mutation
def _charset_utf7_surrogate(rng: random.Random, seed: Seed) -> bytes:
    seed.set("Subject", b"=?utf-7?Q?Offer_+2AA-_+3gA-?=")
    return plain(seed, b"+2AA- " + text_of(seed).encode(), b"text/plain; charset=utf-7")


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
    seed.set("Subject", sprinkle(rng, seed.header("Subject"), b"\x00", 3))
    return seed.to_bytes()


@mutation
def _nul_sender(rng: random.Random, seed: Seed) -> bytes:
    seed.set("From", sprinkle(rng, seed.header("From"), b"\x00", 2))
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
    seed.body = sprinkle(rng, seed.body, b"\x00", 5)
    return seed.to_bytes()


@mutation
def _nul_encoded_word(rng: random.Random, seed: Seed) -> bytes:
    seed.set("Subject", b"=?utf-8?Q?Interview=00_invitation?= =?utf-8?B?AAAA?=")
    return seed.to_bytes()


@mutation
def _nul_sprinkled(rng: random.Random, seed: Seed) -> bytes:
    return sprinkle(rng, seed.to_bytes(), b"\x00", 20)


@mutation
def _c0_controls(rng: random.Random, seed: Seed) -> bytes:
    seed.set("Subject", seed.header("Subject") + b" \x1b[31mred\x1b[0m \x07\x08")
    seed.body = sprinkle(rng, seed.body, b"\x1b]0;title\x07", 2) + b"\x0c\x0b\x7f\n"
    return seed.to_bytes()


# -- text that is not what it says -----------------------------------------------------------
@mutation
def _utf16_body_as_8bit(rng: random.Random, seed: Seed) -> bytes:
    codec = rng.choice(["utf-16", "utf-16-le", "utf-16-be"])
    ctype = rng.choice([b"text/plain", b"text/plain; charset=us-ascii", b"text/html"])
    return plain(seed, text_of(seed).encode(codec), ctype, b"8bit")


@mutation
def _utf16_whole_message(rng: random.Random, seed: Seed) -> bytes:
    return seed.to_bytes().decode("latin-1").encode(rng.choice(["utf-16", "utf-16-le"]))


@mutation
def _utf32_body(rng: random.Random, seed: Seed) -> bytes:
    return plain(seed, text_of(seed).encode("utf-32"), b"text/plain", b"8bit")


@mutation
def _invalid_utf8(rng: random.Random, seed: Seed) -> bytes:
    bad = rng.choice([b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82", b"\xff"])
    seed.set("Subject", seed.header("Subject") + b" " + bad)
    return plain(seed, text_of(seed).encode() + bad * 3, b"text/plain; charset=utf-8", b"8bit")


@mutation
def _latin1_as_utf8(rng: random.Random, seed: Seed) -> bytes:
    body = text_of(seed).encode() + "Grüße, Zoë, café\n".encode("latin-1")
    return plain(seed, body, b"text/plain; charset=utf-8", b"8bit")


@mutation
def _bidi_controls(rng: random.Random, seed: Seed) -> bytes:
    evil = "\u202egnp.exe\u202c \u2066x\u2069 \u200f"
    seed.set("Subject", (seed.extra["subject"] + evil).encode())
    seed.set("From", "\u202eJo\u202c <jo@acme.example>".encode())
    return plain(seed, (evil + text_of(seed)).encode(), b"text/plain; charset=utf-8", b"8bit")


@mutation
def _zero_width(rng: random.Random, seed: Seed) -> bytes:
    text = "\u200b".join(text_of(seed)[:200]) + "\ufeff\u200d\u2060"
    seed.set("Subject", "\u200b".join(seed.extra["subject"]).encode())
    return plain(seed, text.encode(), b"text/plain; charset=utf-8", b"8bit")


@mutation
def _astral_and_noncharacters(rng: random.Random, seed: Seed) -> bytes:
    odd = "\U0001f600 \U0010fffd \ufffe \uffff \ufdd0 \x85 \u2028\u2029"
    seed.set("Subject", ("=?utf-8?B?" + base64.b64encode(odd.encode()).decode() + "?=").encode())
    return plain(seed, (text_of(seed) + odd).encode(), b"text/plain; charset=utf-8", b"8bit")


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
