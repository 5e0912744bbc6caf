"""A cheap first look at raw mail: is it plainly not about a job?

Most of an inbox is newsletters, receipts, family and friends. Reading every message fully
(MIME parts, charsets, HTML, the classifier) is the slow part of an import, so
``may_be_job_mail`` looks at the raw bytes first and says False only when no word that job
mail uses appears anywhere in them: not in the headers, not in the plain, HTML or
quoted-printable text. Text it cannot see in the raw bytes (base64 text parts, RFC 2047
encoded headers) is decoded and looked at too; UTF-16 and other charsets that do not spell
words in ASCII always go on to the full reader, as does anything that fails to decode.
False positives only cost time; ``tests/mail/test_prefilter.py`` and ``bench/ingest.py``
check that no job mail is lost. The words are English and a few European languages': mail
in other languages may be set aside (``onward mail import --read-all`` reads everything).
"""

from __future__ import annotations

import base64
import importlib
import re
from functools import cache
from typing import Protocol, cast

from onward.wordlists import word_list

__all__ = ["SCAN_BYTES", "is_bulk_mail", "job_words", "may_be_job_mail", "strong_words"]


def strong_words() -> tuple[str, ...]:
    """Word starts that say "job" even in marketing mail, in English and a few other languages
    (``mail/words/strong.txt``)."""
    return word_list("onward.mail", "strong")


def job_words() -> tuple[str, ...]:
    """The strong words and the weak ones (``mail/words/weak.txt``): words job mail uses that
    shops and newsletters use too, and the words of short notes from a person."""
    return strong_words() + word_list("onward.mail", "weak")


def _source(words: tuple[str, ...]) -> bytes:
    longest_first = sorted(words, key=len, reverse=True)
    return rb"\b(?:" + b"|".join(re.escape(w.encode()) for w in longest_first) + rb")"


class _Search(Protocol):
    def search(self, text: bytes) -> object | None: ...


def _compile(source: bytes) -> _Search:
    """RE2 (a DFA: one pass whatever the number of words, ~25x faster here) when installed."""
    try:
        return cast(_Search, importlib.import_module("re2").compile(source))
    except Exception:  # pragma: no cover - without google-re2 the standard library does it
        return re.compile(source)


@cache
def _words(strong: bool) -> _Search:
    return _compile(_source(strong_words() if strong else job_words()))


_SOFT_BREAK = re.compile(rb"=\r?\n")
_BASE64_LINES = re.compile(rb"(?:^[a-z0-9+/=]{60,}\r?\n)+", re.M)  # a run at once: faster
_ENCODED_WORD = re.compile(rb"=\?[^?\s]+\?[bq]\?")
_ENCODED_WORD_FULL = re.compile(rb"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")
_WIDE_CHARSET = re.compile(rb"charset=[\"']?(?:utf-16|utf-32|ucs-|iso-2022|hz-|utf-7)")
_BASE64 = re.compile(rb"content-transfer-encoding:[ \t]*base64")
_TEXT_TYPE = re.compile(rb"content-type:[ \t]*text/")
_ANY_TYPE = re.compile(rb"content-type:")
#: Only the start of a message is looked at (a huge attachment is not scanned).
SCAN_BYTES = 512 * 1024


def may_be_job_mail(raw: bytes) -> bool:
    """False only for mail that plainly cannot be about a job (see the module's note).

    Mailing-list and marketing mail (``is_bulk_mail``) needs one of the ``strong_words()``;
    other mail any of ``job_words()``.
    """
    words = _words(is_bulk_mail(raw))
    head = raw[:SCAN_BYTES]
    lowered = head.lower()
    has_base64 = _BASE64.search(lowered) is not None
    visible = _BASE64_LINES.sub(b"", lowered) if has_base64 else lowered  # not attachments
    visible = visible.replace(b"application/", b"")  # MIME types (application/pdf) say nothing
    if words.search(_SOFT_BREAK.sub(b"", visible)):
        return True
    if _WIDE_CHARSET.search(lowered):
        return True
    if _ENCODED_WORD.search(lowered) and _encoded_words_say_job(head, words):
        return True
    if not has_base64:
        return False
    if b"\r\n" not in head:  # the common case: the text is the head, already lowered
        return _base64_text_says_job(head, lowered, words)
    text = head.replace(b"\r\n", b"\n")
    return _base64_text_says_job(text, text.lower(), words)


def _has_words(text: str, words: _Search) -> bool:
    return words.search(text.casefold().encode("utf-8", "replace")) is not None


def _encoded_words_say_job(raw: bytes, words: _Search) -> bool:
    """Decode RFC 2047 words (``=?utf-8?q?...?=``) wherever they are and look in them."""
    from email.header import decode_header

    for match in _ENCODED_WORD_FULL.finditer(raw):
        try:
            parts = decode_header(match.group(0).decode("ascii", "replace"))
            text = "".join(
                p.decode(c or "utf-8", "replace") if isinstance(p, bytes) else p for p, c in parts
            )
        except (LookupError, ValueError):
            return True  # cannot read it: let the full reader look
        if _has_words(text, words):
            return True
    return False


def _base64_text_says_job(text: bytes, lowered: bytes, words: _Search) -> bool:
    """Decode base64 text parts (or untyped ones, text/plain by default) and look in them."""
    for match in _BASE64.finditer(lowered):
        start = lowered.rfind(b"\n\n", 0, match.start()) + 1
        end = lowered.find(b"\n\n", match.end())
        block = lowered[start : end if end != -1 else len(lowered)]
        if not (_TEXT_TYPE.search(block) or not _ANY_TYPE.search(block)):
            continue  # an attachment: images, PDFs
        if end == -1:
            return True
        stop = text.find(b"\n--", end)
        body = text[end : stop if stop != -1 else len(text)]
        try:
            decoded = base64.b64decode(b"".join(body.split()), validate=False)
        except ValueError:
            return True
        if _has_words(decoded.decode("utf-8", "replace"), words):
            return True
    return False


_BULK = re.compile(
    rb"^(?:list-unsubscribe|list-id):|^precedence:[ \t]*(?:bulk|list|junk)", re.I | re.M
)


def is_bulk_mail(raw: bytes) -> bool:
    """True for mailing-list and marketing mail (List-Unsubscribe, List-Id, Precedence: bulk
    in the headers). Job mail can be bulk too (job-board alerts), so this only raises the bar
    for what an import believes; it never hides a message."""
    limit = 256 * 1024
    end = raw.find(b"\n\n", 0, limit)
    # a CRLF blank line holds no "\n\n": only one starting before ``end`` can come first
    end_crlf = raw.find(b"\r\n\r\n", 0, limit if end == -1 else min(end + 3, limit))
    ends = [e for e in (end, end_crlf) if e != -1]
    return _BULK.search(raw, 0, min(ends) if ends else limit) is not None
