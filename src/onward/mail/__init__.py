"""Email in: parse raw messages (pure) and read them from files and folders.

Public entry points::

    parse_message(raw, max_bytes=...) -> ParsedMessage   # or raises MalformedMessage
    ParsedMessage.to_email_text() -> EmailText            # what the understanding layer reads
    open_source(path) -> Source                           # a .eml, a folder of .eml, mbox, Maildir
    iter(Source) -> (source_key, raw bytes), ...          # streamed, stable keys

IMAP sources and outbound mail arrive later (see docs/mail.md).
"""

from __future__ import annotations

from onward.mail.parse import DEFAULT_MAX_BYTES, ParsedMessage, parse_message
from onward.mail.sources import EmlFile, EmlFolder, Maildir, Mbox, Source, open_source

__all__ = [
    "DEFAULT_MAX_BYTES",
    "EmlFile",
    "EmlFolder",
    "Maildir",
    "Mbox",
    "ParsedMessage",
    "Source",
    "open_source",
    "parse_message",
]
