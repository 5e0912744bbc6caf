"""Mail files and archives made in the tests, shaped like what people upload: an mbox, .eml
files, a Maildir or a folder of .eml files as a .zip, and a Google Takeout archive (.zip or
.tgz with ``Takeout/Mail/<label>.mbox`` inside). Also hostile ones: path traversal, links,
a zip bomb, a damaged archive."""

from __future__ import annotations

import io
import tarfile
import zipfile
from email.message import EmailMessage

DATE = "Tue, 17 Nov 2026 09:30:00 +0000"


def eml(n: int, subject: str | None = None, *, job: bool = True) -> bytes:
    """A small message of our own, numbered; job mail unless ``job`` is False."""
    msg = EmailMessage()
    msg["From"] = f"Talent team <talent{n}@quillriver.example>" if job else "A friend <f@ex.org>"
    msg["To"] = "alex@example.org"
    msg["Subject"] = subject or (f"Your application {n}" if job else f"Lunch {n}?")
    msg["Date"] = DATE
    msg["Message-ID"] = f"<upload-{n}-{int(job)}@quillriver.example>"
    msg.set_content(
        "Dear Alex,\nThank you for applying to the Data Analyst role. We received your "
        "application and will be in touch.\n"
        if job
        else "Shall we have lunch on Friday?\n"
    )
    return bytes(msg)


def mbox(count: int, *, start: int = 0, job: bool = True) -> bytes:
    """An mbox of ``count`` messages (mboxrd separators, as Google Takeout writes them)."""
    out = []
    for n in range(start, start + count):
        body = eml(n, job=job).replace(b"\r\n", b"\n").replace(b"\nFrom ", b"\n>From ")
        out.append(b"From 1234567890@xxx Tue Nov 17 09:30:00 +0000 2026\n" + body + b"\n")
    return b"".join(out)


def zipped(files: dict[str, bytes], *, links: dict[str, str] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
        for name, target in (links or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = 0o120777 << 16  # a symbolic link
            archive.writestr(info, target)
    return buffer.getvalue()


def tarred(files: dict[str, bytes], *, links: dict[str, str] | None = None) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        for name, target in (links or {}).items():
            info = tarfile.TarInfo(name)
            info.type = tarfile.SYMTYPE
            info.linkname = target
            archive.addfile(info)
    return buffer.getvalue()


def takeout(count: int, *, kind: str = "tgz") -> bytes:
    """A Google Takeout archive of Mail only: the All Mail mbox and Takeout's index page."""
    files = {
        "Takeout/archive_browser.html": b"<html><body>Your Takeout</body></html>",
        "Takeout/Mail/All mail Including Spam and Trash.mbox": mbox(count),
        "Takeout/Mail/User Settings/Signature.txt": b"Alex",
    }
    return tarred(files) if kind == "tgz" else zipped(files)


def maildir_zip(count: int) -> bytes:
    files = {f"Mail/cur/{1700000000 + n}.M{n}P1.host:2,S": eml(n) for n in range(count)}
    files["Mail/new/.keep"] = b""
    files["Mail/tmp/.keep"] = b""
    return zipped(files)


def eml_folder_zip(count: int) -> bytes:
    return zipped({f"exported/{n:03d} application.eml": eml(n) for n in range(count)})


def zip_bomb(megabytes: int = 64) -> bytes:
    """A small zip that unpacks to ``megabytes`` MB of zeros."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("inbox.mbox", "w") as member,
    ):
        for _ in range(megabytes):
            member.write(b"\0" * (1 << 20))
    return buffer.getvalue()
