"""Text that every store can keep: the one cleaning rule applied before anything is saved.

PostgreSQL refuses a NUL character in text, and no database driver can encode a lone
surrogate (a half of a UTF-16 pair that Python strings may hold after a careless decode).
``storable`` replaces each of them with U+FFFD, the replacement character, and leaves every
other character alone, so SQLite and PostgreSQL keep exactly the same text.
"""

from __future__ import annotations

import re

__all__ = ["storable", "unstorable_characters"]

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def storable(text: str) -> str:
    """``text`` with each NUL and surrogate code point replaced by U+FFFD."""
    if not unstorable_characters(text):
        return text
    return _UNSTORABLE.sub(REPLACEMENT, text)


def unstorable_characters(text: str) -> bool:
    """True when ``text`` holds a NUL or a surrogate code point that ``storable`` would replace."""
    if "\x00" in text:
        return True
    if text.isascii():
        return False
    try:
        text.encode("utf-8")  # in C, several times faster than a search: only surrogates fail
    except UnicodeEncodeError:
        return True
    return False
