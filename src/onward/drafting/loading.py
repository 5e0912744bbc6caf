"""Finding and reading template files: built-in ones, or the person's own copies.

One file per draft kind, named ``<kind>.txt``. A file holds one or more variants separated by
a line of three dashes. Each variant starts with a ``Subject:`` line, then a blank line, then
the body; lines starting with ``#`` before the subject are comments::

    # Comments for whoever edits this file.
    Subject: Thank you – {role} interview

    [[Dear {contact_name},||Hello,]]
    ...
    ---
    Subject: ...

A file of the same name in the person's template folder replaces the built-in file whole,
and is checked as it is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from onward.domain.drafts import DraftKind
from onward.drafting.syntax import Text, parse_text
from onward.errors import InvalidInput

SEPARATOR = "---"
SUBJECT_PREFIX = "subject:"


@dataclass(frozen=True)
class DraftTemplate:
    """One variant of a template, parsed and checked."""

    kind: DraftKind
    index: int
    origin: str
    subject: Text
    body: Text

    @property
    def required(self) -> frozenset[str]:
        return self.subject.required | self.body.required

    @property
    def placeholders(self) -> frozenset[str]:
        return self.subject.placeholders | self.body.placeholders


def template_file_name(kind: DraftKind) -> str:
    return f"{kind.value}.txt"


def load_templates(kind: DraftKind, templates_dir: Path | None = None) -> tuple[DraftTemplate, ...]:
    """The variants for ``kind``: from ``templates_dir`` when it has the file, else built in."""
    name = template_file_name(kind)
    if templates_dir is not None:
        override = templates_dir / name
        if override.is_file():
            try:
                text = override.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise InvalidInput(
                    f"cannot read template {override}: {exc}",
                    hint="save it as UTF-8 text, or delete it to use the built-in template",
                ) from None
            return parse_template_file(kind, text, origin=str(override))
    return parse_template_file(kind, builtin_template_text(kind), origin=f"built-in {name}")


def builtin_template_text(kind: DraftKind) -> str:
    """The text of the built-in template file, for people who want to copy and edit it."""
    resource = resources.files("onward.drafting").joinpath("templates", template_file_name(kind))
    return resource.read_text(encoding="utf-8")


def parse_template_file(kind: DraftKind, text: str, *, origin: str) -> tuple[DraftTemplate, ...]:
    """Parse every variant in a template file; errors name ``origin`` and the line."""
    lines = text.replace("\r\n", "\n").split("\n")
    chunks: list[tuple[int, list[str]]] = [(1, [])]
    for number, line in enumerate(lines, start=1):
        if line.strip() == SEPARATOR:
            chunks.append((number + 1, []))
        else:
            chunks[-1][1].append(line)
    filled = [
        (start, chunk)
        for start, chunk in chunks
        if any(line.strip() and not line.lstrip().startswith("#") for line in chunk)
    ]
    if not filled:
        raise InvalidInput(f"template {origin} is empty", hint="start it with a Subject: line")
    return tuple(
        _parse_variant(kind, index, start, chunk, origin)
        for index, (start, chunk) in enumerate(filled)
    )


def _parse_variant(
    kind: DraftKind, index: int, start: int, lines: list[str], origin: str
) -> DraftTemplate:
    position = 0
    while position < len(lines) and (
        not lines[position].strip() or lines[position].lstrip().startswith("#")
    ):
        position += 1
    subject_line = lines[position]
    line_number = start + position
    if not subject_line.lower().startswith(SUBJECT_PREFIX):
        raise InvalidInput(
            f"{origin}, line {line_number}: expected a 'Subject:' line",
            hint="each variant starts with 'Subject: ...', a blank line, then the body",
        )
    subject_source = subject_line[len(SUBJECT_PREFIX) :].strip()
    if not subject_source:
        raise InvalidInput(f"{origin}, line {line_number}: the subject is empty")
    body_lines = lines[position + 1 :]
    body_start = line_number + 1
    while body_lines and not body_lines[0].strip():
        body_lines.pop(0)
        body_start += 1
    body_source = "\n".join(body_lines).strip()
    if not body_source:
        raise InvalidInput(f"{origin}, line {line_number}: the template has no body")
    return DraftTemplate(
        kind=kind,
        index=index,
        origin=origin,
        subject=parse_text(subject_source, where=origin, first_line=line_number),
        body=parse_text(body_source, where=origin, first_line=body_start),
    )


def find_template_problems(templates_dir: Path) -> list[str]:
    """Every problem with the person's template folder, one line each; empty when all is well.

    Reports files that no draft kind will ever read (a misspelt name is otherwise silently
    ignored) and files that fail to load.
    """
    if not templates_dir.is_dir():
        return []
    known = {template_file_name(kind): kind for kind in DraftKind}
    problems: list[str] = []
    for path in sorted(templates_dir.glob("*.txt")):
        kind = known.get(path.name)
        if kind is None:
            names = ", ".join(sorted(known))
            problems.append(f"{path}: not a draft kind, so it is never used (known: {names})")
            continue
        try:
            load_templates(kind, templates_dir)
        except InvalidInput as exc:
            problems.append(str(exc))
    return problems
