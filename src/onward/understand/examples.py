"""Labelled examples: the JSONL format shared by the built-in corpus, the dev set and the
person's own confirmed readings, with loading that names the bad line."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from onward.domain.emails import EmailLabel, EmailText, RejectionReason, RejectionStage
from onward.errors import InvalidInput

__all__ = ["LabelledExample", "builtin_corpus", "corpus_hash", "read_examples"]

E = TypeVar("E", bound=StrEnum)
_CORPUS_FILES = ("generated.jsonl", "voices.jsonl", "handwritten.jsonl", "written.jsonl")


@dataclass(frozen=True)
class LabelledExample:
    """One email with what it truly is. Extraction fields are ``None`` when unknown."""

    email: EmailText
    label: EmailLabel
    id: str = ""
    company: str | None = None
    role: str | None = None
    stage: RejectionStage | None = None
    reason: RejectionReason | None = None
    reason_quote: str | None = None
    personal: bool | None = None
    #: Which mailbox the email came from (field ``mailbox``, else ``source``): emails of one
    #: mailbox are read together, as an import reads them (``onward.understand.mailbox``).
    mailbox: str = ""
    #: The template family or writer the example comes from (field ``family``; else its
    #: id): cross-validation holds out whole families (``onward.understand.crossval``).
    family: str = ""

    def fingerprint(self) -> str:
        e = self.email
        return "\x1f".join((e.subject, e.sender, e.body, self.label.value))


def _opt(raw: dict[str, Any], key: str) -> str | None:
    value = raw.get(key)
    return None if value is None else str(value)


def _choice(kind: type[E], value: Any, field: str, where: str) -> E:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise InvalidInput(
            f"{where}: unknown {field} {value!r} (expected one of: {allowed})"
        ) from None


def _headers(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    """Optional field ``headers``: an object of header names and values."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise InvalidInput(f"{where}: 'headers' must be an object of header names and values")
    return tuple((str(k), str(v)) for k, v in value.items())


def parse_example(raw: Any, where: str) -> LabelledExample:
    """Build an example from one decoded JSON object; ``where`` names it in errors."""
    if not isinstance(raw, dict):
        raise InvalidInput(f"{where}: expected a JSON object")
    if "label" not in raw:
        raise InvalidInput(f"{where}: missing field 'label'")
    label = _choice(EmailLabel, raw["label"], "label", where)
    stage = _choice(RejectionStage, raw["stage"], "stage", where) if raw.get("stage") else None
    reason = _choice(RejectionReason, raw["reason"], "reason", where) if raw.get("reason") else None
    personal = raw.get("personal")
    email = EmailText(
        subject=str(raw.get("subject") or ""),
        sender=str(raw.get("sender") or ""),
        body=str(raw.get("body") or ""),
        headers=_headers(raw.get("headers"), where),
    )
    return LabelledExample(
        email=email,
        label=label,
        id=str(raw.get("id") or where),
        company=_opt(raw, "company"),
        role=_opt(raw, "role"),
        stage=stage,
        reason=reason,
        reason_quote=_opt(raw, "reason_quote"),
        personal=personal if isinstance(personal, bool) else None,
        mailbox=str(raw.get("mailbox") or raw.get("source") or ""),
        family=str(raw.get("family") or raw.get("id") or where),
    )


def _parse_lines(lines: Iterable[str], name: str) -> Iterator[LabelledExample]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name} line {number}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InvalidInput(f"{where}: not valid JSON ({exc.msg})") from None
        yield parse_example(raw, where)


def read_examples(path: Path) -> list[LabelledExample]:
    """Read a JSONL file of labelled emails; ``InvalidInput`` names the first bad line."""
    try:
        with path.open(encoding="utf-8") as fh:
            return list(_parse_lines(fh, str(path)))
    except FileNotFoundError:
        raise InvalidInput(f"No such file: {path}") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"{path}: not UTF-8 text") from None


def builtin_corpus() -> list[LabelledExample]:
    """The corpus shipped with Onward (written for it, never real mail)."""
    folder = resources.files("onward.understand.corpus")
    out: list[LabelledExample] = []
    for name in _CORPUS_FILES:
        text = folder.joinpath(name).read_text(encoding="utf-8")
        out.extend(_parse_lines(text.splitlines(), name))
    return out


def corpus_hash(extra: Iterable[LabelledExample] = ()) -> str:
    """A digest of the built-in corpus files plus ``extra``, to tell when a model is stale."""
    from onward.understand.features import FEATURES_VERSION

    digest = hashlib.sha256(f"features-{FEATURES_VERSION}".encode())
    folder = resources.files("onward.understand.corpus")
    for name in _CORPUS_FILES:
        digest.update(folder.joinpath(name).read_bytes())
    for fingerprint in sorted(e.fingerprint() for e in extra):
        digest.update(fingerprint.encode("utf-8"))
        digest.update(b"\x1e")
    return digest.hexdigest()[:32]
