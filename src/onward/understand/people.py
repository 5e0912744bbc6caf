"""The people an email names, so that no person is read as the hiring company: the person
the mail is for (their own name, from the settings, and the name it greets), and the person
who wrote it (the sender's display name, the name under the sign-off)."""

from __future__ import annotations

import re

from onward.understand.names import platforms
from onward.understand.senders import mail_provider
from onward.wordlists import word_set

__all__ = ["People", "people_in"]

_NAME = r"([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})"
_GREETING = re.compile(
    r"(?m)^[ \t]*(?:[Hh]i|[Hh]ello|[Dd]ear|[Hh]ey|[Gg]ood (?:morning|afternoon|evening))"
    r"[ \t,]+" + _NAME + r"[ \t]*[,!:\n]"
)
_SIGN_OFF = (
    r"(?:[Bb]est(?: regards| wishes)?|[Kk]ind regards|[Ww]arm(?:est)? regards|[Rr]egards|"
    r"[Mm]any thanks|[Tt]hanks(?: again)?|[Tt]hank you|[Cc]heers|[Ss]incerely|[Aa]ll the best|"
    r"[Yy]ours(?: sincerely| truly| faithfully)?|[Tt]alk soon|[Ss]peak soon|[Ww]ith thanks)"
)
#: "Best,\nPete" and "Thanks, Pete": the writer's name right under or after the sign-off.
_SIGNED = re.compile(
    r"(?m)^[ \t]*" + _SIGN_OFF + r"[ \t]*[,.!-]?[ \t]*(?:\n[ \t]*)+" + _NAME + r"[ \t]*$"
    r"|^[ \t]*" + _SIGN_OFF + r",[ \t]+" + _NAME + r"[ \t]*$"
)
#: A short note that ends with a first name alone, no sign-off: "... Keep in touch.\nMarcus".
_LAST_NAME_LINE = re.compile(r"\n[ \t]*([A-Z][a-z'’-]+)[ \t]*\s*$")
#: Words of a team or a company under a sign-off ("The Acme Team"): not a person's name.
_NOT_PERSON = re.compile(
    r"\b(?:team|recruiting|recruitment|careers?|hr|talent|group|people|hiring|human|"
    r"resources|acquisition|inc|ltd|llc|the|bank|school|university|hospital|council|"
    r"trust|services|partners|solutions|centre|center|health|careers?|jobs|office)\b",
    re.I,
)
_PARTS = re.compile(r"[._-]")  # "pete.alvarez": a person's address, one part a first name
_SYSTEM_PART = frozenset(
    {
        "careers",
        "career",
        "jobs",
        "job",
        "talent",
        "hr",
        "recruiting",
        "recruitment",
        "team",
        "info",
        "hello",
        "no",
        "reply",
        "noreply",
        "notifications",
        "people",
        "hiring",
        "apply",
    }
)
#: Mail providers: a person's own mailbox, not a system's.
_WORD = re.compile(r"[a-z][a-z'’-]*")


class People:
    """Names of people, to tell a company name from a person's (all lower case)."""

    def __init__(self, names: list[str]) -> None:
        self.names = "\n".join(n.lower() for n in names if n.strip())
        self.words = frozenset(w for w in _WORD.findall(self.names) if len(w) > 1)

    def named(self, name: str) -> bool:
        """True when ``name`` is one of these people's names or made of their words."""
        low = name.lower()
        if self.names and low in self.names:
            return True
        words = _WORD.findall(low)
        return bool(words) and all(w in self.words for w in words)


def people_in(text: str, writer: str = "", reader: str = "", address: str = "") -> People:
    """The people of an email: its ``writer`` (a sender's display name when a person sent
    it), its ``reader`` (the person's own name), the names it greets, and the name it signs
    with when the sender's ``address`` or display name carries it ("Best,\nPete" from
    ``pete.alvarez@...`` or ``pete@...``, "Cheers,\nHannah" from ``hannahosei21@...`` or
    any mail provider's address); a company signs after "Best," too, so a signature alone is
    not enough to call a name a person's."""
    writer = "" if _NOT_PERSON.search(writer) else writer
    names = [writer, reader]
    names += [m.group(1) for m in _GREETING.finditer(text[:600])]
    local, _, domain = address.lower().partition("@")
    parts = _PARTS.split(local)
    if len(parts) < 2 or _SYSTEM_PART.intersection(parts):  # "acme.careers@" is no one
        parts = []
    # "hannahosei21@", "malcolm@": a mailbox of one's own starts with one's first name.
    # A system's address is no one's ("brisklet@jobvite.com" signed "Brisklet"), and neither
    # is a company's own ("acme@acme.com" signed "Acme").
    hosts = set(re.split(r"[.-]", domain))
    provider = mail_provider(f"@{domain}")
    system = _SYSTEM_PART.intersection(parts or [local]) or not hosts.isdisjoint(
        platforms() - word_set("onward.understand", "mail_providers")
    )
    own = "" if system or not domain else re.sub(r"[^a-z]", "", local)
    for m in _SIGNED.finditer(text):
        signed = m.group(1) or m.group(2)
        if not signed or _NOT_PERSON.search(signed) or len(signed.split()) > 2 or signed.isupper():
            continue
        first = signed.split()[0].lower()
        mailbox = len(first) > 2 and own.startswith(first) and first not in domain
        # A name signed from a mail provider's address is a person's, whatever the address:
        # "Cheers,\nStuart" from harboursidehotels.office@outlook.com.
        mailbox = mailbox or provider
        if len(first) > 1 and (first in writer.lower().split() or first in parts or mailbox):
            names.append(signed)
    last = _LAST_NAME_LINE.search(text)
    if last is not None and _bare_signature(last.group(1).lower(), parts, own, domain, provider):
        names.append(last.group(1))
    return People(names)


def _bare_signature(first: str, parts: list[str], own: str, domain: str, provider: bool) -> bool:
    """True when the one word a note ends with is its writer's first name: the address
    carries it ("marcus.okafor@", "kwame43@", "malcolm@" on a domain that is not named after
    it), or a mail provider's address sends it and is not named after it (``ironvale@`` signed
    "Ironvale" is a business signing its own name)."""
    if len(first) < 3 or first in domain:
        return False
    if first in parts or own.startswith(first):
        return not (provider and own == first)
    return provider
