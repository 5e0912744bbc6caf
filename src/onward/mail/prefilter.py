"""A cheap first look at raw mail: is it plainly not about a job?

Most of an inbox is newsletters, receipts, family and friends. Reading every message fully
(MIME parts, charsets, HTML, the classifier) is the slow part of an import, so
``may_be_job_mail`` looks at the raw bytes first and says False only when no word that job
mail uses appears anywhere in them: not in the headers, not in the plain, HTML or
quoted-printable text. Text it cannot see cheaply (base64 text parts, RFC 2047 encoded
headers, UTF-16 and other charsets that do not spell words in ASCII) always goes on to the
full reader. False positives only cost time; ``tests/mail/test_prefilter.py`` and
``bench/ingest.py`` check that no job mail is lost.
"""

from __future__ import annotations

import re

__all__ = ["JOB_WORDS", "SCAN_BYTES", "may_be_job_mail"]

#: Word starts that job mail uses, in English and a few other languages.
JOB_WORDS = (
    "applica", "applied", "apply", "applying", "candida", "interview", "position", "role",
    "recruit", "hiring", "hire", "job", "career", "talent", "offer", "resume", "résumé",
    "cv", "vacanc", "opening", "assessment", "employ", "onboard", "human resources",
    "requisition", "opportunit", "shortlist", "screening", "phone screen", "bewerb",
    "stelle", "entretien", "poste", "entrevista", "vacature", "sollicit", "candidat",
    "greenhouse", "lever.co", "workday", "icims", "ashby", "taleo", "smartrecruiters",
    "jobvite", "workable", "codility", "hackerrank", "unfortunately", "regret to",
    "next step", "not to move forward", "not be moving forward", "other candidates",
    "schedul", "calendly", "hiring manager", "headhunt", "linkedin",
)  # fmt: skip
_WORDS = re.compile(
    rb"\b(?:"
    + b"|".join(re.escape(w.encode()) for w in sorted(JOB_WORDS, key=len, reverse=True))
    + rb")"
)
_SOFT_BREAK = re.compile(rb"=\r?\n")
_ENCODED_WORD = re.compile(rb"=\?[^?\s]+\?[bq]\?")
_WIDE_CHARSET = re.compile(rb"charset=[\"']?(?:utf-16|utf-32|ucs-|iso-2022|hz-|utf-7)")
_BASE64 = re.compile(rb"content-transfer-encoding:[ \t]*base64")
_TEXT_TYPE = re.compile(rb"content-type:[ \t]*text/")
_ANY_TYPE = re.compile(rb"content-type:")
#: Only the start of a message is looked at (a huge attachment is not scanned).
SCAN_BYTES = 512 * 1024


def may_be_job_mail(raw: bytes) -> bool:
    """False only for mail that plainly cannot be about a job (see the module's note)."""
    lowered = raw[:SCAN_BYTES].lower()
    if _WORDS.search(_SOFT_BREAK.sub(b"", lowered)):
        return True
    if _ENCODED_WORD.search(lowered) or _WIDE_CHARSET.search(lowered):
        return True
    return _base64_text(lowered.replace(b"\r\n", b"\n"))


def _base64_text(text: bytes) -> bool:
    """True when some base64 part is text (or has no type, so is text/plain by default)."""
    for match in _BASE64.finditer(text):
        start = text.rfind(b"\n\n", 0, match.start()) + 1
        end = text.find(b"\n\n", match.end())
        block = text[start : end if end != -1 else len(text)]
        if _TEXT_TYPE.search(block) or not _ANY_TYPE.search(block):
            return True
    return False
