"""Turning a draft kind and a set of facts into a checked draft."""

from __future__ import annotations

import re
import zlib
from dataclasses import replace
from datetime import date
from enum import Enum
from pathlib import Path

from onward.domain.drafts import DraftKind
from onward.drafting.checks import check_draft
from onward.drafting.loading import DraftTemplate, load_templates
from onward.drafting.models import Draft, DraftFacts
from onward.errors import InvalidInput
from onward.formats import formats

# Facts that sit inside a sentence: a trailing full stop would double the template's own.
_INLINE = ("highlight", "update", "feedback_point")


def render_draft(
    kind: DraftKind | str,
    facts: DraftFacts,
    templates_dir: Path | None = None,
    *,
    variant: int | None = None,
) -> Draft:
    """Write a draft of ``kind`` from ``facts`` and run the quality checks on it.

    The template comes from ``templates_dir`` when it holds ``<kind>.txt``, else the built-in
    one. Among the variants whose required placeholders the facts can fill, one is picked
    deterministically from the company and role, so the same application always gets the same
    wording; ``variant`` (0-based) picks one explicitly. ``kind`` may also be given by value
    (``"feedback_request"``), as the CLI and the playbook do.
    """
    kind = draft_kind(kind)
    values = placeholder_values(facts)
    template = choose_template(load_templates(kind, templates_dir), values, variant)
    draft = Draft(
        kind=kind,
        subject=tidy_subject(template.subject.fill(values)),
        body=tidy_body(template.body.fill(values)),
        to=(facts.contact_email or "").strip() or None,
        facts=facts,
    )
    return replace(draft, findings=tuple(check_draft(draft)))


def draft_kind(kind: DraftKind | str) -> DraftKind:
    """The draft kind named by ``kind``, which may be any string enum with the same value."""
    key = str(kind.value if isinstance(kind, Enum) else kind).strip().lower().replace("-", "_")
    try:
        return DraftKind(key.replace(" ", "_"))
    except ValueError:
        names = ", ".join(k.value for k in DraftKind)
        raise InvalidInput(f"unknown draft kind {kind!r}", hint=f"use one of: {names}") from None


def placeholder_values(facts: DraftFacts) -> dict[str, str]:
    """The placeholder values the facts provide; missing facts are left out."""
    raw: dict[str, str | None] = {
        "contact_name": greeting_name(facts.contact_name),
        "company": facts.company,
        "role": facts.role,
        "interview_date": format_date(facts.interview_date),
        "applied_date": format_date(facts.applied_date),
        "highlight": facts.highlight,
        "update": facts.update,
        "feedback_point": facts.feedback_point,
        "sender_name": facts.sender_name,
    }
    values: dict[str, str] = {}
    for name, value in raw.items():
        text = " ".join((value or "").split())
        if name in _INLINE:
            text = text.rstrip(" .")
        if text:
            values[name] = text
    return values


_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame"})


def greeting_name(name: str | None) -> str | None:
    """How a salutation names the contact: the first name ("Priya Natarajan" → "Priya",
    "Natarajan, Priya" → "Priya"), or a title with the surname when one is given ("Dr Priya
    Natarajan" → "Dr Natarajan"), as a person writing by hand would."""
    if not name:
        return name
    text = " ".join(name.split())
    if "," in text:  # "Surname, First"
        surname, _, rest = text.partition(",")
        text = f"{rest.strip()} {surname.strip()}".strip()
    words = text.split(" ")
    title = words[0].rstrip(".")
    if title.casefold() in _TITLES and len(words) > 1:
        return f"{title} {words[-1]}"
    return words[0]


def format_date(day: date | None) -> str | None:
    """The date as 'Tuesday, 12 March' (en_US: 'Tuesday, March 12'), in the person's locale
    (the ``locale`` setting), whatever the machine's."""
    if day is None:
        return None
    return formats().day_long(day)


def choose_template(
    templates: tuple[DraftTemplate, ...], values: dict[str, str], variant: int | None
) -> DraftTemplate:
    usable = [t for t in templates if t.required <= values.keys()]
    if variant is not None:
        if not 0 <= variant < len(templates):
            raise InvalidInput(
                f"{templates[0].origin} has no variant {variant}",
                hint=f"choose 0 to {len(templates) - 1}",
            )
        chosen = templates[variant]
        if chosen not in usable:
            raise _missing(chosen, values)
        return chosen
    if not usable:
        raise _missing(min(templates, key=lambda t: len(t.required - values.keys())), values)
    key = f"{values.get('company', '')}|{values.get('role', '')}".casefold()
    return usable[zlib.crc32(key.encode("utf-8")) % len(usable)]


def _missing(template: DraftTemplate, values: dict[str, str]) -> InvalidInput:
    missing = ", ".join(sorted(template.required - values.keys()))
    return InvalidInput(
        f"cannot write a {template.kind.label} draft: missing {missing}",
        hint=f"{template.origin} needs these facts",
    )


def tidy_subject(text: str) -> str:
    return _tidy_line(" ".join(text.split()))


def tidy_body(text: str) -> str:
    """Even out the spacing that optional sections leave behind."""
    lines = [_tidy_line(line) for line in text.replace("\r\n", "\n").split("\n")]
    body = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", body).strip()


def _tidy_line(line: str) -> str:
    line = re.sub(r"(?<=\S) {2,}", " ", line.rstrip())
    return re.sub(r"(?<=\w) +(?=[,.;:!?])", "", line)
