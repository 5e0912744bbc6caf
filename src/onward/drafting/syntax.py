"""The template syntax: placeholders and optional sections, parsed and filled.

A template is plain text with two kinds of marks::

    {company}                         a placeholder, filled from the draft's facts
    [[Dear {contact_name},||Hello,]]  an optional section: the first alternative whose
                                      placeholders all have values; empty when none has

A placeholder outside any section is required: a template cannot be used without its value.
Sections do not nest. Any other brace, or ``]]`` without ``[[``, is an error, as is a
placeholder name that Onward does not know.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from onward.errors import InvalidInput

KNOWN_PLACEHOLDERS: tuple[str, ...] = (
    "contact_name",
    "company",
    "role",
    "interview_date",
    "applied_date",
    "highlight",
    "update",
    "feedback_point",
    "sender_name",
)

_TOKEN = re.compile(r"\[\[|\]\]|\|\||\{[^{}\n]*\}|[{}]")


@dataclass(frozen=True)
class Slot:
    name: str


Piece = str | Slot


@dataclass(frozen=True)
class Section:
    alternatives: tuple[tuple[Piece, ...], ...]


Part = Piece | Section


@dataclass(frozen=True)
class Text:
    """A parsed piece of template text (a subject line or a body)."""

    parts: tuple[Part, ...]

    @property
    def required(self) -> frozenset[str]:
        """Placeholders used outside any optional section."""
        return frozenset(p.name for p in self.parts if isinstance(p, Slot))

    @property
    def placeholders(self) -> frozenset[str]:
        names = set(self.required)
        for part in self.parts:
            if isinstance(part, Section):
                names.update(
                    p.name for alt in part.alternatives for p in alt if isinstance(p, Slot)
                )
        return frozenset(names)

    def fill(self, values: Mapping[str, str]) -> str:
        """The text with placeholders replaced; every required value must be present."""
        out: list[str] = []
        for part in self.parts:
            if isinstance(part, Section):
                for alternative in part.alternatives:
                    if all(p.name in values for p in alternative if isinstance(p, Slot)):
                        out.append(_fill_pieces(alternative, values))
                        break
            else:
                out.append(_fill_pieces((part,), values))
        return "".join(out)


def _fill_pieces(pieces: tuple[Piece, ...], values: Mapping[str, str]) -> str:
    return "".join(values[p.name] if isinstance(p, Slot) else p for p in pieces)


def parse_text(source: str, *, where: str, first_line: int = 1) -> Text:
    """Parse template text; ``where`` names the file in error messages."""
    parts: list[Part] = []
    alternatives: list[list[Piece]] | None = None
    opened_at = 0
    position = 0

    def fail(message: str, offset: int, hint: str | None = None) -> InvalidInput:
        line = first_line + source.count("\n", 0, offset)
        return InvalidInput(f"{where}, line {line}: {message}", hint=hint)

    def add(piece: Piece) -> None:
        if alternatives is not None:
            alternatives[-1].append(piece)
        else:
            parts.append(piece)

    for match in _TOKEN.finditer(source):
        if match.start() > position:
            add(source[position : match.start()])
        position = match.end()
        token = match.group()
        if token == "[[":
            if alternatives is not None:
                raise fail("optional sections cannot nest", match.start())
            alternatives, opened_at = [[]], match.start()
        elif token == "]]":
            if alternatives is None:
                raise fail("']]' closes a section that was never opened", match.start())
            parts.append(Section(tuple(tuple(alt) for alt in alternatives)))
            alternatives = None
        elif token == "||":
            if alternatives is None:
                add(token)
            else:
                alternatives.append([])
        elif token in ("{", "}"):
            raise fail(
                f"stray {token!r}",
                match.start(),
                hint="braces only wrap placeholder names, like {company}",
            )
        else:
            name = token[1:-1].strip()
            if name not in KNOWN_PLACEHOLDERS:
                raise fail(
                    f"unknown placeholder {token}",
                    match.start(),
                    hint="known placeholders: " + ", ".join(KNOWN_PLACEHOLDERS),
                )
            add(Slot(name))
    if alternatives is not None:
        raise fail("optional section '[[' is never closed with ']]'", opened_at)
    if position < len(source):
        add(source[position:])
    return Text(tuple(parts))
