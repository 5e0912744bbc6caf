"""Decode bytes from email whose declared charset is missing, unknown or wrong.

Order: the declared charset (when Python knows it) → UTF-8 → Windows-1252 → Latin-1 with
replacement, which never fails. A declared single-byte Western charset (ASCII, Latin-1,
Windows-1252) is tried just after UTF-8: such labels are often wrong on UTF-8 text, and UTF-8
bytes with non-ASCII characters almost never decode as UTF-8 by accident.
"""

from __future__ import annotations

import codecs

__all__ = ["decode_text"]

_WESTERN = frozenset({"ascii", "iso8859-1", "cp1252", "iso8859-15"})


def _codec(charset: str | None) -> str | None:
    if not charset:
        return None
    name = charset.strip().strip("\"'").lower()
    try:
        return codecs.lookup(name).name
    except (LookupError, ValueError):
        return None


def decode_text(data: bytes, charset: str | None = None) -> str:
    """Return ``data`` as text, trying the declared ``charset`` first and never failing.

    >>> decode_text("café".encode(), "us-ascii")
    'café'
    >>> decode_text(b"caf\\xe9", "x-unknown")
    'café'
    """
    declared = _codec(charset)
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
    return data.decode("latin-1", errors="replace")
