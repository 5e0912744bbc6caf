"""Strip quoted and forwarded text from an email body, so only the new message is read.

Older messages quoted below a reply ("On Mon, Jane wrote:", "-----Original Message-----",
``>`` lines, forwarded blocks) talk about earlier steps of the process and must not decide
what this email is. The function is pure and conservative: when a marker is the very first
thing in the body (a bare forward), the forwarded text is kept, since it is all there is.
"""

from __future__ import annotations

import re

__all__ = ["strip_quoted"]

_MARKERS = [
    # "On Tue, Mar 3, 2024 at 10:02 AM Jane Doe <jane@x.com> wrote:" (may wrap over two lines)
    re.compile(r"^\s*On\b[^\n]{0,200}(?:\n[^\n]{0,200})?\bwrote:\s*$", re.M | re.I),
    re.compile(r"^\s*Le\b[^\n]{0,200}a écrit\s*:\s*$", re.M | re.I),
    re.compile(r"^\s*Am\b[^\n]{0,200}schrieb[^\n]{0,100}:\s*$", re.M | re.I),
    re.compile(r"^\s*-{2,}\s*Original Message\s*-{2,}\s*$", re.M | re.I),
    re.compile(r"^\s*-{2,}\s*Forwarded message\s*-{2,}\s*$", re.M | re.I),
    re.compile(r"^\s*Begin forwarded message:\s*$", re.M | re.I),
    re.compile(r"^\s*_{5,}\s*$", re.M),
    # Outlook header block: "From: ...", then "Sent:"/"Date:" within the next lines
    re.compile(r"^\s*\*?From:\*?\s[^\n]+\n(?:[^\n]*\n){0,2}\s*\*?(?:Sent|Date):\*?\s", re.M | re.I),
]
_CUES = ("wrote", "écrit", "schrieb", "original message", "forwarded", "from:")
# The cues as the ASCII letters of a text show them ("écrit" as its ASCII part): a text whose
# lowered ASCII characters hold none of these cannot hold a cue, since only two non-ASCII
# characters lower to ASCII ("İ" to "i" and a combining dot, the Kelvin sign to "k") and no
# cue can be made with them.
_ASCII_CUES = (b"wrote", b"crit", b"schrieb", b"original message", b"forwarded", b"from:")
_QUOTE_LINE = re.compile(r"^\s*>")


def strip_quoted(body: str) -> str:
    """Return ``body`` without quoted replies, forwarded blocks and ``>`` lines.

    >>> strip_quoted("No, thanks.\\n\\nOn Mon, 1 Jan 2024, HR wrote:\\n> We regret")
    'No, thanks.'
    """
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    if ">" not in text and "___" not in text and not _has_cue(text):
        return text.strip()
    cut = len(text)
    for marker in _MARKERS:
        match = marker.search(text)
        if match is not None and match.start() < cut:
            cut = match.start()
    head = text[:cut]
    if not head.strip():
        # A bare forward: the forwarded message is the only content, so keep it (minus markers).
        head = text
    lines = [line for line in head.split("\n") if not _QUOTE_LINE.match(line)]
    if not any(line.strip() for line in lines):
        lines = [line.lstrip(" >") for line in head.split("\n")]
    return "\n".join(lines).strip()


def _has_cue(text: str) -> bool:
    """Whether the lowered text holds a cue of quoted text. Most emails have none, and their
    ASCII bytes show it at a fraction of the cost of lowering the whole text (``str.lower`` is
    slow on text with any non-ASCII character)."""
    plain = text.encode("ascii", "ignore").lower()
    if not any(cue in plain for cue in _ASCII_CUES):
        return False
    lowered = text.lower()
    return any(cue in lowered for cue in _CUES)
