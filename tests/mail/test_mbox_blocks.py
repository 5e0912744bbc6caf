"""The block-wise mbox splitter gives exactly what a simple line-by-line reading gives,
whatever the block size (separators and ``>From`` lines falling across block edges)."""

from __future__ import annotations

import io
import random
import re

import pytest

from onward.mail.sources import _split_mbox

_FROM_LINE = re.compile(rb"From \S+\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b")


def by_lines(data: bytes, max_bytes: int) -> list[tuple[str, bytes]]:
    """The reference: the rules of docs/mail.md, one line at a time."""
    out: list[tuple[str, bytes]] = []
    offset, start, lines, size, previous_blank = 0, None, [], 0, True
    for line in io.BytesIO(data):
        here, offset = offset, offset + len(line)
        blank = line in (b"\n", b"\r\n")
        if line.startswith(b"From ") and (previous_blank or _FROM_LINE.match(line)):
            if start is not None:
                out.append((str(start), finish(lines)))
            start, lines, size = here, [], 0
        elif start is not None and size < max_bytes:
            if re.match(rb">+From ", line):
                line = line[1:]
            lines.append(line[: max_bytes - size])
            size += len(line)
        previous_blank = blank
    if start is not None:
        out.append((str(start), finish(lines)))
    return out


def finish(lines: list[bytes]) -> bytes:
    if lines and lines[-1] in (b"\n", b"\r\n"):
        lines.pop()
    return b"".join(lines)


def random_mbox(rng: random.Random) -> bytes:
    pieces = []
    if rng.random() < 0.2:
        pieces.append(b"junk before the first message\n")
    for i in range(rng.randint(1, 12)):
        pieces.append(b"From someone@example.com Mon Jan  5 10:00:00 2026\n")
        pieces.append(b"Subject: message %d\n\n" % i)
        for _ in range(rng.randint(0, 8)):
            choice = rng.random()
            if choice < 0.15:
                pieces.append(b">From the escaped line\n")
            elif choice < 0.25:
                pieces.append(b"From inside a paragraph, not a separator\n")
            elif choice < 0.3:
                pieces.append(b"\r\n")
            else:
                pieces.append(b"word " * rng.randint(0, 30) + b"\n")
        pieces.append(b"\n")
    return b"".join(pieces)


@pytest.mark.parametrize("seed", range(40))
def test_blocks_split_like_lines(seed: int) -> None:
    rng = random.Random(seed)
    data = random_mbox(rng)
    for block in (1, 7, 64, 333, 1 << 18):
        got = list(_split_mbox(io.BytesIO(data), 0, 1 << 20, block))
        assert got == by_lines(data, 1 << 20), (seed, block)


def test_a_message_over_the_cap_is_cut_and_the_next_one_found() -> None:
    big = b"x" * 5000 + b"\n"
    data = (
        b"From a@example.com Mon Jan  5 10:00:00 2026\nSubject: big\n\n" + big * 3 + b"\n"
        b"From b@example.com Mon Jan  5 10:00:00 2026\nSubject: small\n\nhello\n\n"
    )
    for block in (10, 100, 4096):
        got = list(_split_mbox(io.BytesIO(data), 0, 1000, block))
        assert [key for key, _ in got] == [k for k, _ in by_lines(data, 1000)]
        assert got[0][1].startswith(b"Subject: big") and len(got[0][1]) == 1000
        assert got[1][1] == b"Subject: small\n\nhello\n"


def test_keys_count_from_the_resume_offset() -> None:
    data = b"From a@example.com Mon Jan  5 10:00:00 2026\nSubject: one\n\nbody\n\n"
    second = len(data)
    data += b"From b@example.com Mon Jan  5 10:00:00 2026\nSubject: two\n\nbody\n\n"
    stream = io.BytesIO(data)
    stream.seek(second)
    assert [k for k, _ in _split_mbox(stream, second, 1 << 20, 16)] == [str(second)]
