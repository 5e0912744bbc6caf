"""What the sender line says about the company: the display name, whether a person wrote it,
and the hint hidden in the address (``walmart@myworkday.com``, ``no-reply@esri.com``)."""

from __future__ import annotations

import re

from onward.understand.names import clean_name, platforms
from onward.wordlists import word_set

__all__ = ["address_hint", "is_ats_address", "mail_provider", "sender_company"]

_ATS_DOMAINS = re.compile(
    r"@(?:[\w-]+\.)*(?:myworkday|workday|icims|ultipro|adp|taleo|successfactors|jobvite|"
    r"oraclecloud|brassring|avature)\.",
    re.I,
)
_SENDER = re.compile(r"^\s*\"?([^<\"]*)\"?\s*<?([^>\s]*)>?")


def is_ats_address(address: str) -> bool:
    """True for an address on an applicant-tracking system (``acme@myworkday.com``)."""
    return bool(_ATS_DOMAINS.search(address or ""))


def sender_company(sender: str) -> tuple[str | None, bool]:
    """The company in a display name, and whether the sender looks like a person."""
    match = _SENDER.match(sender or "")
    if not match:
        return None, False
    display, address = match.group(1).strip(), match.group(2).lower()
    if re.search(r"\S@\S", display):  # the display name is itself an address
        display, address = "", address or display.lower()
    local_part = address.split("@")[0]
    words = re.sub(r"\([^)]*\)?", " ", display.replace("_", " ")).split()
    words = [t for t in words if not re.fullmatch(r"[a-z0-9-]+\.[a-z0-9.]{2,}", t)]
    if len(words) > 1 and words[-1] == local_part:  # "Applied Materials HR amat"
        words.pop()
    display = " ".join(words)
    display = re.sub(r"\b(?:via|@|at)\b\s+", "@ ", display)
    if "@ " in display:  # "Workday @ Intel", "Jane via Greenhouse"
        left, right = display.split("@ ", 1)
        display = right if left.strip().lower() in platforms() or not left.strip() else left
    worker = re.fullmatch(r"(\w+(?: \w+)?) from (.+)", display)
    if worker:  # "Nadia from Acme": a person writing for the company
        return clean_name(worker.group(2)), True
    local = address.split("@")[0]
    tokens = [t.lower() for t in display.split()]
    person = (
        len(tokens) in (2, 3)
        and "+" not in local  # "acme+autoreply@": a tagged address is a system, not a person
        and any(len(t) > 2 and t in local for t in tokens)
        and not (_ATS_DOMAINS.search(address) or any(t in platforms() for t in tokens))
    )
    if person or _personal_name(display, address):
        return None, True
    return clean_name(display), False


def mail_provider(address: str) -> bool:
    """True when ``address`` (or a sender line) is at a mail provider of people's own
    mailboxes (``words/mail_providers.txt``): ana@gmail.com, ana@btinternet.com."""
    m = re.search(r"@([\w-]+)\.", address or "")
    return m is not None and m.group(1).lower() in word_set("onward.understand", "mail_providers")


_PERSONAL_WORD = re.compile(r"[A-Z][a-z'’-]+")


def _personal_name(display: str, address: str) -> bool:
    """True for a person's name over a mailbox of their own ("Ada Pemberton" on an Outlook
    address, whatever its local part): two or three plain capitalised words, none a word
    that ends company names ("Fig & Fennel", "Kettering Bakery" are businesses)."""
    if not mail_provider(f"@{address.split('@')[-1]}"):
        return False
    words = display.split()
    if len(words) not in (2, 3) or not all(_PERSONAL_WORD.fullmatch(w) for w in words):
        return False
    return word_set("onward.understand", "name_endings").isdisjoint(w.lower() for w in words)


#: Systems and boards whose domain is theirs, not the employer's.
_SYSTEM_MAIL = re.compile(
    r"@(?:linkedin|indeed|greenhouse|greenhouse-mail|lever|ashbyhq|smartrecruiters|"
    r"workablemail|jobvite|invalidemail|glassdoor|ziprecruiter)\.",
    re.I,
)


#: Second-level domains of country domains ("co.uk", "gov.uk", "com.au", "ac.nz").
_SECOND_LEVEL = frozenset(
    {
        "co",
        "com",
        "org",
        "net",
        "gov",
        "ac",
        "edu",
        "nhs",
        "sch",
        "ltd",
        "plc",
        "police",
        "govt",
        "gob",
        "gouv",
        "or",
        "ne",
        "go",
        "mil",
        "nic",
    }
)


def address_hint(sender: str) -> str | None:
    """A hint at the company in the address: ``walmart`` in ``walmart@myworkday.com`` or
    ``esri`` in ``no-reply@esri.com``."""
    m = re.search(r"([\w.+-]+)@([\w.-]+)", sender or "")
    if not m:
        # A sender cut short inside a tagged system address: "Acme <acme+email+3x"
        cut = re.search(r"<([a-z0-9]+)\+[\w.+-]*$", sender or "", re.I)
        return cut.group(1).lower() if cut and len(cut.group(1)) > 2 else None
    if not _ATS_DOMAINS.search(sender):
        if (
            mail_provider(sender)
            or _SYSTEM_MAIL.search(sender)
            or re.search(r"alert|news|digest|marketing", m.group(1).lower())
        ):
            return None
        labels = [x for x in m.group(2).lower().split(".") if x]
        # "acme.co.uk", "council.gov.uk": the name is before the public suffix.
        if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
            labels.pop()
        stem = labels[-2] if len(labels) >= 2 else ""
        return stem if len(stem) > 2 else None
    local = m.group(1).lower().split("+")[0]  # "acme+email+x1@talent.icims.com"
    if (
        re.search(
            r"no-?reply|notification|workday|careers?|jobs|talent|recruit|hr\b|sender|"
            r"mail|system|autoreply|\d",
            local,
        )
        or len(local) < 3
    ):
        return None
    return local
