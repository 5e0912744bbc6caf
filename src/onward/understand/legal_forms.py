"""Legal forms at the end of a company name ("Inc.", "LLC", "GmbH", "Pty Ltd", "S.A.") come
off with ``cleanco``, a maintained list of the legal forms of many countries (decision record
0016), rather than a hand-kept list.

A few of cleanco's terms are ordinary English words or parts of names people use, so they
stay: "& Company" and "& Co" are part of a name ("Pryor & Company"), "Company" alone is a
descriptor that ``company_forms`` weighs against the bare name, and two-letter words such as
"UK", "AT", "OK", "PT" are as often words or initials as legal forms. "N.A." (a US national
bank) is missing from cleanco and added here.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from cleanco import basename, prepare_default_terms  # type: ignore[import-untyped]

__all__ = ["strip_legal_form"]

_KEPT = frozenset(
    {
        "company",
        "co",
        "&",
        "and",
        "a",
        "i",
        "at",
        "as",
        "ok",
        "et",
        "eu",
        "uk",
        "ca",
        "ba",
        "bt",
        "pc",
        "pp",
        "ps",
        "pt",
        "sd",
        "ss",
        "sp",
        "se",
        "ent",
        "private",
        "descendants",
        "ab",
        "ad",
        "ae",
        "ay",
        "bl",
        "bm",
        "da",
        "dd",
        "ec",
        "ee",
        "eg",
        "ei",
        "ep",
        "ev",
        "fa",
        "gp",
        "hb",
        "hf",
        "ij",
        "ik",
        "kb",
        "kd",
        "kf",
        "kg",
        "kk",
        "ks",
        "kt",
        "kv",
        "ky",
        "mb",
        "nl",
        "od",
        "oe",
        "og",
        "ou",
        "oy",
        "rt",
        "sc",
        "sf",
        "sl",
        "ud",
        "xk",
        "xt",
        "yk",
        # English words and brand words: "Serenity Day Spa", "Scoop", "Acme Unlimited".
        "spa",
        "vat",
        "sal",
        "sem",
        "sep",
        "ses",
        "sas",
        "ska",
        "ong",
        "fie",
        "scoop",
        "secs",
        "unlimited",
        "ultd",
        "unltd",
        "aps",
        "koop",
        "dat",
        "etat",
        "gie",
        "tov",
        "teo",
    }
)
_NATIONAL_BANK = re.compile(r",?\s+N\.?\s?A\.?$")
_PRIVATE = re.compile(r"\s+(?:Private|Pvt\.?)$", re.I)  # "Acme Private Limited"
_CO = re.compile(r"(?:\s*&|\s+and)?[ ,]+co\.$|\s*&\s*co$", re.I)  # "Acme Co.", "Acme & Co"
_LAST_WORD = re.compile(r"[\w/:&]+")


@cache
def _terms() -> tuple[list[tuple[int, list[str]]], frozenset[str]]:
    """cleanco's legal terms without the ones kept, and the words they can end with."""
    terms = [t for t in prepare_default_terms() if t[0] >= 3 or not _KEPT.intersection(t[1])]
    return terms, frozenset(t[1][-1] for t in terms)


@lru_cache(maxsize=4096)
def strip_legal_form(name: str) -> str:
    """``name`` without the legal form it ends with ("Acme Widgets, Inc." -> "Acme Widgets");
    a name that is nothing but a legal form is left as it is."""
    name = _CO.sub("", _NATIONAL_BANK.sub("", name.strip()))
    words = _LAST_WORD.findall(name.lower().replace(".", ""))
    terms, endings = _terms()
    if not words or words[-1] not in endings or len(words) < 2:
        return name
    stripped: str = basename(name, terms=terms, prefix=False, middle=False, suffix=True)
    stripped = _PRIVATE.sub("", stripped.strip(" ,")) if stripped != name else stripped
    stripped = stripped.strip(" ,")
    if stripped.count("(") > stripped.count(")"):  # "Acme (US) Inc" came back as "Acme (US"
        stripped += ")"
    return stripped or name
