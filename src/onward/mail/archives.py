"""Mail that arrives packed: a .zip of a Maildir or of .eml files, or a Google Takeout
archive (.zip, .tgz) holding one or more mbox files. Unpacked safely, then found.

An archive is untrusted. Nothing is written outside the folder it is unpacked into:

- a member's path must be relative and stay inside (no ``/etc/x``, no ``../x``, no drive
  letters); links, devices and other special members are refused;
- sizes are capped as the bytes are written (the sizes an archive declares can lie): at most
  ``max_bytes`` unpacked in all, at most :data:`MAX_MEMBERS` members, and at most
  :data:`MAX_RATIO` times the archive's own size (a "zip bomb" unpacks to thousands of times
  its size; mail compresses three to five times);
- a damaged archive is refused with one clear line.

Whatever goes wrong, :class:`~onward.errors.InvalidInput` says so, and the caller removes the
folder: nothing half-unpacked is imported.
"""

from __future__ import annotations

import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import IO

from onward.errors import InvalidInput

__all__ = ["MAX_MEMBERS", "MAX_RATIO", "archive_kind", "find_mailboxes", "unpack"]

MAX_MEMBERS = 200_000
MAX_RATIO = 100
_CHUNK = 1 << 20
_KINDS = "a .mbox or .eml file, a .zip of a mail folder, or a Google Takeout archive"


def archive_kind(path: Path) -> str | None:
    """``zip`` or ``tar`` when the file is one (by its first bytes, not its name), else None."""
    with path.open("rb") as handle:
        head = handle.read(512)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith((b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00")) or head[257:262] == b"ustar":
        return "tar"
    if path.suffix.lower() in (".zip", ".tgz", ".gz", ".tar"):
        raise InvalidInput(
            f"{path.name} is not a readable archive (it may be damaged or cut short)",
            hint="make the archive again, or give the mail file itself",
        )
    return None


def unpack(archive: Path, into: Path, *, max_bytes: int) -> None:
    """Unpack ``archive`` (a zip or a tar, compressed or not) into the empty folder ``into``."""
    budget = _Budget(min(max_bytes, MAX_RATIO * archive.stat().st_size + 10 * _CHUNK), archive)
    if archive_kind(archive) == "zip":
        _unzip(archive, into, budget)
    else:
        _untar(archive, into, budget)


def find_mailboxes(folder: Path) -> list[Path]:
    """What to import from an unpacked archive, in a stable order: its mbox files (Takeout's
    ``Mail/*.mbox``), else its Maildirs, else the folder itself when it holds .eml files."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not _hidden(p, folder))
    mboxes = [p for p in files if p.suffix.lower() == ".mbox" or _starts_like_mbox(p)]
    mboxes = [p for p in mboxes if p.suffix.lower() != ".eml"]
    if mboxes:
        return mboxes
    maildirs = sorted(
        p for p in [folder, *folder.rglob("*")] if (p / "cur").is_dir() and (p / "new").is_dir()
    )
    if maildirs:
        return maildirs
    if any(p.suffix.lower() == ".eml" for p in files):
        return [folder]
    raise InvalidInput(
        "the archive holds no mail: no .mbox file, no Maildir and no .eml files",
        hint=f"choose {_KINDS}",
    )


class _Budget:
    """Bytes and members still allowed; refuses the archive once either runs out."""

    def __init__(self, max_bytes: int, archive: Path) -> None:
        self.bytes, self.members, self.name = max_bytes, MAX_MEMBERS, archive.name

    def member(self) -> None:
        self.members -= 1
        if self.members < 0:
            raise InvalidInput(f"{self.name} holds more than {MAX_MEMBERS:,} files")

    def spend(self, count: int) -> None:
        self.bytes -= count
        if self.bytes < 0:
            raise InvalidInput(
                f"{self.name} unpacks to far more than it weighs; Onward does not unpack it",
                hint="unpack it yourself and give the folder's path instead",
            )


def _target(into: Path, name: str, archive: str) -> Path | None:
    """Where member ``name`` goes inside ``into``; None for a folder entry; refused when the
    name would lead outside (absolute, ``..``, a drive letter)."""
    plain = name.replace("\\", "/")
    parts = PurePosixPath(plain).parts
    drive = bool(parts) and len(parts[0]) == 2 and parts[0][1] == ":"  # C:/...
    if plain.startswith("/") or ".." in parts or drive:
        raise InvalidInput(
            f"{archive} has a file that would land outside its folder ({name[:80]!r}); "
            "nothing was imported",
            hint="make the archive again with your archiving program",
        )
    clean = [p for p in parts if p not in ("", ".")]
    if not clean or plain.endswith("/"):
        return None
    return into.joinpath(*clean)


def _copy(source: IO[bytes], target: Path, budget: _Budget) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as out:
        while chunk := source.read(_CHUNK):
            budget.spend(len(chunk))
            out.write(chunk)


def _unzip(archive: Path, into: Path, budget: _Budget) -> None:
    try:
        with zipfile.ZipFile(archive) as zipped:
            for info in zipped.infolist():
                budget.member()
                target = _target(into, info.filename, archive.name)
                if target is None:
                    continue
                mode = info.external_attr >> 16
                if mode and (mode & 0o170000) not in (0, 0o100000):  # links and the like
                    raise InvalidInput(
                        f"{archive.name} holds a link or special file ({info.filename[:80]!r})",
                        hint="make the archive again without links",
                    )
                with zipped.open(info) as member:
                    _copy(member, target, budget)
    except InvalidInput:
        raise
    except Exception as exc:  # BadZipFile, zlib.error, EOFError ...: a damaged archive
        raise _damaged(archive, exc) from None


def _untar(archive: Path, into: Path, budget: _Budget) -> None:
    try:
        with tarfile.open(archive, "r:*") as packed:
            for member in _members(packed, budget):
                target = _target(into, member.name, archive.name)
                if member.isdir() or target is None:
                    continue
                if not member.isfile():
                    raise InvalidInput(
                        f"{archive.name} holds a link or special file ({member.name[:80]!r})",
                        hint="make the archive again without links",
                    )
                source = packed.extractfile(member)
                if source is not None:
                    _copy(source, target, budget)
    except InvalidInput:
        raise
    except Exception as exc:  # TarError, zlib.error, lzma.LZMAError ...: a damaged archive
        raise _damaged(archive, exc) from None


def _members(packed: tarfile.TarFile, budget: _Budget) -> Iterator[tarfile.TarInfo]:
    while (member := packed.next()) is not None:
        budget.member()
        yield member


def _damaged(archive: Path, exc: BaseException) -> InvalidInput:
    return InvalidInput(
        f"{archive.name} is not a readable archive (it may be damaged or cut short: "
        f"{type(exc).__name__})",
        hint="download or make the archive again",
    )


def _hidden(path: Path, root: Path) -> bool:
    """Hidden files and macOS's ``__MACOSX`` resource copies are not mail."""
    return any(p.startswith(".") or p == "__MACOSX" for p in path.relative_to(root).parts)


def _starts_like_mbox(path: Path) -> bool:
    if path.suffix:  # an mbox without the suffix, as some programs write them
        return False
    with path.open("rb") as handle:
        return handle.read(5) == b"From "
