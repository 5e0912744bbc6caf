"""Reading headers only gives exactly what the full parse gives (so a message has one
Message-ID whichever way an import reads it), on good, broken and mangled mail."""

from __future__ import annotations

import random
import re
from email.utils import parseaddr
from pathlib import Path

import pytest
from tests.support.synthetic_mail import synthetic_inbox

from onward.errors import MalformedMessage
from onward.mail.headers import RawHeaders, address
from onward.mail.parse import ParsedMessage, parse_headers, parse_message

CORPUS = Path(__file__).parent / "corpus"
DAMAGE = (b"\r", b"\n", b"\n ", b":", b"From x\n", b"\x0b", b"\xff", b"\n\t", b"=?",
          b"Message-ID: <dup@x>\n", b"=?utf-8?q?a=C3=A9?=", b"\r\n", b"\x00")  # fmt: skip


def mangled(raw: bytes, rng: random.Random) -> bytes:
    end = raw.find(b"\n\n")
    head = bytearray(raw[: end if end > 0 else len(raw)])
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(head) + 1)
        head[at:at] = rng.choice(DAMAGE)
    return bytes(head) + (raw[end:] if end > 0 else b"")


def both(raw: bytes) -> tuple[ParsedMessage | str, ParsedMessage | str]:
    out: list[ParsedMessage | str] = []
    for parse in (parse_message, parse_headers):
        try:
            out.append(parse(raw))
        except MalformedMessage as exc:
            out.append(exc.reason)
    return out[0], out[1]


def fields(p: ParsedMessage | str) -> object:
    if isinstance(p, str):
        return p
    return (p.message_id, p.content_hash, p.subject, p.sender_name, p.sender_address, p.date,
            p.in_reply_to, p.references)  # fmt: skip


def test_same_headers_on_the_corpus_a_made_up_inbox_and_mangled_copies() -> None:
    rng = random.Random(4)
    raws = [p.read_bytes() for p in CORPUS.glob("*.eml")]
    raws += [m.raw for m in synthetic_inbox(600, seed=9)]
    raws += [r.replace(b"\n", b"\r\n") for r in raws[::5]]  # CRLF line ends take another path
    raws += [mangled(r, rng) for r in list(raws) for _ in range(2)]
    for raw in raws:
        full, quick = both(raw)
        assert fields(full) == fields(quick), raw[:200]
        if not isinstance(quick, str):
            assert quick.text == "" and quick.to == ()


@pytest.mark.parametrize(
    "value",
    ["Acme Careers <jobs@acme.test>", "jobs@acme.test", "J. Smith <j@x.co>",
     "Renée Müller <r@firma.example>", "O'Brien <o@x.org>", '"Park, Nadia" <n@x.test>',
     "Nadia  Park <n@x.test>", "<a@b.c>", "a@b", "Name<a@b.cd>", "Name <a@b.cd> (comment)",
     "Team - Hiring <h@x.io>", "- <a@b.cc>", "A..B <a@b.cc>", "", "undisclosed-recipients:;"],
)  # fmt: skip
def test_the_address_shortcut_agrees_with_parseaddr(value: str) -> None:
    assert address(value) == parseaddr(value)


def test_the_address_shortcut_agrees_on_a_made_up_inbox() -> None:
    senders = {
        re.search(rb"^From: (.*)$", m.raw, re.M).group(1).decode()  # type: ignore[union-attr]
        for m in synthetic_inbox(1500, seed=2)
    }
    assert len(senders) > 100
    assert all(address(s) == parseaddr(s) for s in senders)


def test_lf_headers_split_as_any_line_ends_are() -> None:
    """``RawHeaders`` reads "\\n"-ended lines with two regular expressions and any other
    line ends line by line: the same headers from both, whatever the lines hold."""
    pieces = ["From ", "From: a", "Subject:", "Subject: x", " ", "\t", "  cont", ":x", "X-A:b",
              "\n", "\n", "\n", "bad line", "a", ":", "\udc80", "\x0b", "é", "Re:", " : ",
              "From x: y", "\n ", "\n\t", "Date:  Mon", "  ", "\x0c", "\x1c", "\u2028"]  # fmt: skip
    rng = random.Random(3)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert RawHeaders._unix(text) == RawHeaders._folded(text), repr(text)
