"""Mail archives are unpacked safely (nothing lands outside, sizes are capped as bytes are
written, links are refused) and the mail in them is found the way people pack it."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support.mail_archives import (
    eml,
    eml_folder_zip,
    maildir_zip,
    mbox,
    takeout,
    tarred,
    zip_bomb,
    zipped,
)

from onward.errors import InvalidInput
from onward.mail import EmlFolder, Maildir, Mbox, open_source
from onward.mail.archives import archive_kind, find_mailboxes, unpack

MB = 1 << 20


def unpacked(tmp_path: Path, data: bytes, name: str = "upload.zip", limit: int = 64 * MB) -> Path:
    archive = tmp_path / name
    archive.write_bytes(data)
    into = tmp_path / "out"
    unpack(archive, into, max_bytes=limit)
    return into


@pytest.mark.parametrize("kind", ["tgz", "zip"])
def test_a_takeout_archive_gives_its_mbox(tmp_path: Path, kind: str) -> None:
    into = unpacked(tmp_path, takeout(3, kind=kind), f"takeout-001.{kind}")
    found = find_mailboxes(into)
    assert [p.name for p in found] == ["All mail Including Spam and Trash.mbox"]
    source = open_source(found[0])
    assert isinstance(source, Mbox) and len(list(source)) == 3


def test_a_zipped_maildir_and_a_zipped_folder_of_eml_are_found(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    maildir = find_mailboxes(unpacked(tmp_path / "a", maildir_zip(4)))
    assert isinstance(open_source(maildir[0]), Maildir) and maildir[0].name == "Mail"
    assert len(Maildir(maildir[0]).files()) == 4
    folder = find_mailboxes(unpacked(tmp_path / "b", eml_folder_zip(5)))
    source = open_source(folder[0])
    assert isinstance(source, EmlFolder) and len(source.keys()) == 5


@pytest.mark.parametrize(
    "data",
    [
        zipped({"../../outside.eml": eml(1)}),
        zipped({"/etc/outside.eml": eml(1)}),
        zipped({"C:/Windows/outside.eml": eml(1)}),
        tarred({"../outside.mbox": mbox(1)}),
        tarred({"/tmp/outside.mbox": mbox(1)}),
    ],
    ids=["zip-dotdot", "zip-absolute", "zip-drive", "tar-dotdot", "tar-absolute"],
)
def test_nothing_lands_outside_the_folder(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(InvalidInput, match="outside its folder"):
        unpacked(tmp_path, data)
    assert not (tmp_path.parent / "outside.eml").exists()
    assert not (tmp_path / "outside.eml").exists() and not (tmp_path / "outside.mbox").exists()


@pytest.mark.parametrize(
    "data",
    [
        zipped({"a.eml": eml(1)}, links={"evil": "/etc/passwd"}),
        tarred({"a.mbox": mbox(1)}, links={"evil": "/etc/passwd"}),
    ],
    ids=["zip", "tar"],
)
def test_links_are_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(InvalidInput, match="link or special file"):
        unpacked(tmp_path, data)


def test_a_zip_bomb_is_stopped_as_it_unpacks(tmp_path: Path) -> None:
    bomb = zip_bomb(64)
    assert len(bomb) < MB // 4  # a small file ...
    with pytest.raises(InvalidInput, match="unpacks to far more than it weighs"):
        unpacked(tmp_path, bomb, limit=1024 * MB)  # ... refused even under a generous limit
    written = sum(p.stat().st_size for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert written <= 100 * len(bomb) + 10 * MB  # stopped once past the ratio, not at 64 MB


def test_the_overall_limit_holds_too(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="unpacks to far more"):
        unpacked(tmp_path, takeout(400, kind="zip"), limit=64 * 1024)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("mail.zip", zipped({"a.eml": eml(1)})[:-40]),  # cut short: no central directory
        ("mail.zip", b"PK\x03\x04" + b"\x00" * 200),
        ("takeout.tgz", takeout(3)[:300]),
        ("takeout.tgz", b"this is not an archive at all"),
    ],
    ids=["zip-cut", "zip-garbage", "tgz-cut", "named-tgz"],
)
def test_a_damaged_archive_is_refused_in_one_line(tmp_path: Path, name: str, data: bytes) -> None:
    with pytest.raises(InvalidInput, match="not a readable archive") as caught:
        unpacked(tmp_path, data, name)
    assert "\n" not in str(caught.value)


def test_an_archive_without_mail_says_so(tmp_path: Path) -> None:
    into = unpacked(tmp_path, zipped({"photos/cat.jpg": b"\xff\xd8\xff", ".hidden.eml": eml(1)}))
    with pytest.raises(InvalidInput, match="holds no mail"):
        find_mailboxes(into)


def test_archives_are_told_by_their_bytes_not_their_names(tmp_path: Path) -> None:
    named = tmp_path / "inbox.mbox"
    named.write_bytes(takeout(1))
    assert archive_kind(named) == "tar"
    plain = tmp_path / "export.zip.mbox"
    plain.write_bytes(mbox(1))
    assert archive_kind(plain) is None
