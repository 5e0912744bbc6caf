"""Company names across a mailbox: what one email spells out helps read another.

One email reads "Mercedes-Benz Research & Development North America", the next ones from the
same recruiter only "MBRDNA"; a confirmation names "Quendle Networks" and the interview
invitation "Quendle". Read one at a time, each email gives what it says. A ``CompanyBook``
learns the names the mailbox has read (and the person's tracked applications), then gives
each email the name the mailbox knows the company by:

- **one company, one name**: forms of one name (the bare name and the name with a
  descriptor such as "Group", "Networks", "Inc." or "Technologies") become the form most
  emails use; on a tie the email keeps its own reading;
- **acronyms**: an acronym of three letters or more whose letters are exactly the initials
  of a name read elsewhere becomes that name (when only one name fits);
- **the same sender**: emails from one company address (a company domain, or an address
  tagged with the company on a tracking system, ``acme@myworkday.com``) are one company,
  so within them a form one word shorter ("Larch Pictures" beside "Larch Pictures
  Entertainment"), any acronym of the name, or no name at all get the name the sender's other
  emails spell out;
- **the tracker first**: a tracked application's company wins over any form read in mail.

Job boards and tracking systems that send for many companies (LinkedIn, Indeed, Greenhouse,
Lever, a Workday address with no company tag, free mail) are never a "same sender". A sender
whose emails name more than one company is taken to be such a platform and is not used.

The book is pure and order-free: ``resolve`` uses everything learnt so far. Only mail read
as job mail is learnt; any email may be resolved. The mail import learns the tracker, the
stored job mail and each batch before resolving the batch; ``onward model eval`` reads each
mailbox of its file (an example's ``mailbox`` or ``source``) whole.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from onward.domain.companies import company_from_domain
from onward.understand.company_forms import DESCRIPTORS, abbreviates, initials
from onward.understand.names import normalise_name
from onward.understand.senders import address_hint, is_ats_address

__all__ = ["CompanyBook", "resolve_companies", "sender_key"]

# A name with one of these after it is the same company: "Quendle" and "Quendle Networks".
_SAME_COMPANY_TAILS = DESCRIPTORS | {"group", "networks", "systems", "companies", "inc"}
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def sender_key(sender: str) -> str | None:
    """Which company address sent this: ``acme@myworkday.com`` (a tracking system's address
    tagged with the company), ``stripe`` (a company's own domain), or ``None`` (job boards,
    tracking systems without a tag, free mail, no address)."""
    m = _ADDRESS.search(sender or "")
    if not m:
        return None
    address = m.group(0).lower()
    if is_ats_address(address):
        hint = address_hint(address)
        return f"{hint}@{address.rpartition('@')[2]}" if hint else None
    return company_from_domain(address) or None


def _tail_is_descriptor(words: list[str]) -> bool:
    return 0 < len(words) <= 2 and all(w in _SAME_COMPANY_TAILS for w in words)


def _acronym_of(form: str) -> str | None:
    return form.replace("&", "").lower() if _ACRONYM.fullmatch(form) else None


def _related(short_form: str, key: str, other: str, same_sender: bool) -> bool:
    """Whether ``other`` (a key) names the company that ``key`` (written ``short_form``)
    names. Within one sender a name one word longer and any acronym fit; across the mailbox
    only a descriptor tail and an acronym of the exact initials."""
    if other == key:
        return True
    for short, long in ((key, other), (other, key)):
        if long.startswith(short + " "):
            tail = long[len(short) + 1 :].split()
            if _tail_is_descriptor(tail) or (same_sender and len(tail) == 1):
                return True
    letters = _acronym_of(short_form)
    if letters and len(other.split()) >= 2:
        if same_sender:
            return abbreviates(letters, other)
        return len(letters) >= 3 and initials(other) == letters
    return False


class CompanyBook:
    """The company names a mailbox has read, by how many emails read each, and by sender."""

    def __init__(self) -> None:
        self._count: Counter[str] = Counter()  # key -> emails that read it
        self._forms: dict[str, Counter[str]] = defaultdict(Counter)  # key -> written forms
        self._by_sender: dict[str, Counter[str]] = defaultdict(Counter)  # sender -> keys
        self._pinned: dict[str, str] = {}  # key -> the tracker's spelling
        self._first: dict[str, set[str]] = defaultdict(set)  # first letter -> keys

    def pin(self, company: str) -> None:
        """A company the person tracks: its spelling wins over any form read in mail."""
        key = normalise_name(company)
        if key:
            self._pinned[key] = company
            self._first[key[0]].add(key)

    def learn(self, sender: str, company: str | None) -> None:
        """One email's own reading of the company (``None`` when it named none)."""
        if not company:
            return
        key = normalise_name(company)
        if not key:
            return
        self._count[key] += 1
        self._forms[key][company] += 1
        self._first[key[0]].add(key)
        where = sender_key(sender)
        if where:
            self._by_sender[where][key] += 1

    def _sender_keys(self, where: str | None) -> list[str]:
        """The keys one sender's emails read, when they all name one company."""
        keys = list(self._by_sender.get(where, ())) if where else []
        if not keys:
            return []
        main = max(keys, key=lambda k: (self._by_sender[where][k], len(k)))  # type: ignore[index]
        if all(self._same(main, k) for k in keys):
            return keys
        return []  # a sender for several companies: a platform, whatever its domain

    def _same(self, a: str, b: str) -> bool:
        """Two keys read from one sender name one company (either may be the acronym)."""
        return _related(self._written(a), a, b, True) or _related(self._written(b), b, a, True)

    def _written(self, key: str) -> str:
        if key in self._pinned:
            return self._pinned[key]
        forms = self._forms.get(key)
        return max(forms.items(), key=lambda kv: (kv[1], len(kv[0])))[0] if forms else key

    def resolve(self, sender: str, company: str | None) -> str | None:
        """The name the mailbox knows this email's company by."""
        own = self._sender_keys(sender_key(sender))
        if not company:
            if not own:
                return None
            return self._written(self._choose(own, None))
        key = normalise_name(company)
        if not key:
            return company
        family = {k for k in own if _related(company, key, k, True)}
        pool = self._first.get(key[0], set())
        family |= {k for k in pool if _related(company, key, k, False)}
        if _acronym_of(company):
            spelled = {k for k in family if len(k.split()) >= 2}
            if len({k.split()[0] for k in spelled}) > 1:  # fits two companies: keep it
                family -= spelled
        family.add(key)
        best = self._choose(sorted(family), key)
        return company if best == key and key not in self._pinned else self._written(best)

    def _choose(self, keys: Sequence[str], own: str | None) -> str:
        pinned = [k for k in keys if k in self._pinned]
        if pinned:
            return own if own in pinned else pinned[0]
        # The fullest name the mailbox spells out; among equals, the one most emails read,
        # then the email's own.
        return max(keys, key=lambda k: (len(k.split()), self._count[k], k == own, len(k)))


def resolve_companies(
    book: CompanyBook, readings: Iterable[tuple[str, str | None]]
) -> list[str | None]:
    """Learn ``(sender, company)`` readings of a run of emails, then resolve each of them."""
    pairs = list(readings)
    for sender, company in pairs:
        book.learn(sender, company)
    return [book.resolve(sender, company) for sender, company in pairs]
