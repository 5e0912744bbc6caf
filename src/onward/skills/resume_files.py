"""Reading a resume file into plain text: PDF (pypdf), DOCX (python-docx), Markdown or plain
text, and JSON Resume (https://jsonresume.org/schema).

The format is recognised from the file's first bytes, not only its name, so a PDF renamed to
``.docx`` is still read and a text file named ``.pdf`` is refused. Every problem (missing,
empty, encrypted, scanned image only, unreadable) is one :class:`~onward.errors.InvalidInput`
with a line saying what to do. pypdf and python-docx are imported only when needed.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from onward.domain.resumes import ResumeFormat
from onward.domain.text import storable
from onward.errors import InvalidInput

MAX_BYTES = 10_000_000
MAX_CHARS = 200_000
#: Fewer letters than this and a "resume" is not worth keeping (a scanned PDF, a blank page).
MIN_LETTERS = 10
_TEXT_SUFFIXES = {".md": ResumeFormat.MARKDOWN, ".markdown": ResumeFormat.MARKDOWN}
_KNOWN = "use PDF, DOCX, Markdown, plain text or JSON Resume"


@dataclass(frozen=True)
class ResumeText:
    """What was read: the text, its format and the raw bytes (for the fingerprint)."""

    text: str
    format: ResumeFormat
    data: bytes


def read_resume(path: Path) -> ResumeText:
    """The text of the resume at ``path``; InvalidInput says why it cannot be read."""
    data = _read_bytes(path)
    name = path.name
    suffix = path.suffix.lower()
    if data.startswith(b"%PDF-"):
        text, kind = _pdf_text(data, name), ResumeFormat.PDF
    elif data.startswith(b"PK\x03\x04"):
        text, kind = _docx_text(data, name), ResumeFormat.DOCX
    elif suffix in (".pdf", ".docx", ".doc"):
        raise InvalidInput(f"{name} is not a real {suffix[1:].upper()} file", hint=_KNOWN)
    else:
        plain = _decode(data, name)
        if suffix == ".json" or plain.lstrip().startswith("{"):
            text, kind = _json_resume_text(plain, name), ResumeFormat.JSON_RESUME
        else:
            text, kind = plain, _TEXT_SUFFIXES.get(suffix, ResumeFormat.TEXT)
    text = _tidy(storable(text))  # a NUL or a lone surrogate is kept as U+FFFD
    if sum(c.isalpha() for c in text) < MIN_LETTERS:
        raise InvalidInput(f"{name} has no text to read", hint="is it empty?")
    if len(text) > MAX_CHARS:
        raise InvalidInput(f"{name} has more than {MAX_CHARS:,} characters of text; not a resume?")
    return ResumeText(text, kind, data)


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InvalidInput(f"no such file: {path}")
    if not path.is_file():
        raise InvalidInput(f"{path} is not a file")
    size = path.stat().st_size
    if size == 0:
        raise InvalidInput(f"{path.name} is empty")
    if size > MAX_BYTES:
        raise InvalidInput(f"{path.name} is larger than {MAX_BYTES // 1_000_000} MB; not a resume?")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror}") from exc


def _pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:  # many "protected" PDFs have no open password
                opened = bool(reader.decrypt(""))
            except (DependencyError, NotImplementedError):
                opened = False
            if not opened:
                raise InvalidInput(
                    f"{name} is an encrypted PDF",
                    hint="save or print it as a PDF without a password, then add that",
                )
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, FileNotDecryptedError, ValueError, KeyError, TypeError) as exc:
        raise InvalidInput(f"{name} is a damaged PDF: {exc}", hint=_KNOWN) from exc
    if sum(c.isalpha() for c in text) < MIN_LETTERS:
        raise InvalidInput(
            f"{name} has no text layer (a scanned image?)",
            hint="export the resume from your editor as PDF or DOCX, or add a text copy",
        )
    return text


def _docx_text(data: bytes, name: str) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InvalidInput(f"{name} is not a readable DOCX file", hint=_KNOWN) from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _decode(data: bytes, name: str) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data[:4096]:
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    raise InvalidInput(f"{name} is not a format Onward reads", hint=_KNOWN)


def _json_resume_text(plain: str, name: str) -> str:
    try:
        data = json.loads(plain)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{name} is not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    sections = ("basics", "work", "volunteer", "education", "skills", "projects", "certificates")
    if not isinstance(data, dict) or not any(key in data for key in sections):
        raise InvalidInput(
            f"{name} is JSON but not a JSON Resume",
            hint="expected sections such as basics, work, education, skills",
        )
    return "\n".join(_strings(data))


def _strings(value: Any) -> list[str]:
    """Every text value of a JSON Resume, in document order (URLs and dates left out)."""
    if isinstance(value, str):
        text = value.strip()
        return [text] if text and not text.startswith(("http://", "https://")) else []
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        skip = {"url", "image", "startDate", "endDate", "date", "releaseDate", "email", "phone"}
        return [s for key, item in value.items() if key not in skip for s in _strings(item)]
    return []


def _tidy(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n"))
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
