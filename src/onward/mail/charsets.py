"""Decode bytes from email whose declared charset is missing, unknown, hostile or wrong, and
make any text storable.

Order: the declared charset (when it is a real text encoding) → UTF-8 → Windows-1252 → the
declared charset (else Windows-1252) with replacement characters, which never fails. A
declared single-byte Western charset (ASCII, Latin-1, Windows-1252) is tried just after UTF-8:
such labels are often wrong on UTF-8 text, and UTF-8 bytes with non-ASCII characters almost
never decode as UTF-8 by accident. Declared UTF-16 and UTF-32 are decoded with replacement
at once (never mistaken for 8-bit text with NULs).

Only real text encodings are used. Codec names Python knows that are not charsets
(``unicode-escape``, ``raw-unicode-escape``, ``punycode``, ``idna``, ``base64``, ``zlib``,
``rot13``, ...) count as unknown: ``unicode-escape`` would turn ``\\ud800`` written in a
subject into a lone surrogate, which no database can store. Undeclared text with NUL bytes in
a UTF-16 pattern (a byte-order mark, or every other byte NUL) is read as UTF-16.

``storable_text`` is the one place where text leaving the parser is made storable on SQLite
and PostgreSQL: lone surrogates, NUL and the other C0 control characters (except tab, line
feed and carriage return) become U+FFFD.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

__all__ = ["REPLACEMENT", "decode_text", "storable_text", "text_codec"]

REPLACEMENT = "\ufffd"
_WESTERN = frozenset({"ascii", "iso8859-1", "cp1252", "iso8859-15"})
#: Python codecs marked as text encodings that are not charsets mail can be written in.
_NOT_CHARSETS = frozenset(
    {"unicode-escape", "raw-unicode-escape", "punycode", "idna", "undefined", "charmap"}
)
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def storable_text(text: str) -> str:
    """``text`` with every character no database should be given replaced by U+FFFD: lone
    surrogates (not encodable as UTF-8), NUL (PostgreSQL refuses it in text and JSON) and
    the other C0 controls except ``\\t``, ``\\n`` and ``\\r``.

    >>> storable_text("Interview\\x00 \\ud800 ok\\tnow\\n")
    'Interview\ufffd \ufffd ok\\tnow\\n'
    """
    return _UNSTORABLE.sub(REPLACEMENT, text)


def is_storable_text(text: str) -> bool:
    """True when ``storable_text`` would give ``text`` back unchanged (one search, no copy)."""
    return _UNSTORABLE.search(text) is None


@lru_cache(maxsize=512)  # bounded: charset names come from untrusted mail
def text_codec(charset: str | None) -> str | None:
    """The Python codec for a declared ``charset``, or None when it is missing, unknown or
    not a text encoding mail can be written in.

    >>> text_codec("UTF-8"), text_codec("latin1"), text_codec("unicode-escape")
    ('utf-8', 'iso8859-1', None)
    """
    if not charset:
        return None
    name = charset.strip().strip("\"'").lower()
    if not name or len(name) > 64:
        return None
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return info.name


def _utf16(data: bytes) -> str | None:
    """The codec of undeclared UTF-16 text: a byte-order mark, or NULs at every other byte."""
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return "utf-16"
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= half * 0.6 and even <= half * 0.1:
        return "utf-16-le"
    if even >= half * 0.6 and odd <= half * 0.1:
        return "utf-16-be"
    return None


def decode_text(data: bytes, charset: str | None = None) -> str:
    """Return ``data`` as text, trying the declared ``charset`` first and never failing.
    The text may still hold NULs or controls the charset spells: see ``storable_text``.

    >>> decode_text("café".encode(), "us-ascii")
    'café'
    >>> decode_text(b"caf\\xe9", "x-unknown")
    'café'
    >>> decode_text(b"caf\\\\xe9 \\\\ud800", "unicode-escape")
    'caf\\\\xe9 \\\\ud800'
    """
    declared = text_codec(charset)
    if declared is None and b"\x00" in data:
        declared = _utf16(data)
    if declared is not None and declared.startswith(("utf-16", "utf-32")):
        return data.decode(declared, "replace")  # never mistaken for 8-bit text with NULs
    if declared is None:
        order = ["utf-8", "cp1252"]
    elif declared in _WESTERN:
        order = ["utf-8", declared, "cp1252"]
    else:
        order = [declared, "utf-8", "cp1252"]
    for codec in order:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode(declared if declared and declared not in _WESTERN else "cp1252", "replace")
