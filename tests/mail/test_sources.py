"""Sources stream every message exactly once, with keys that are stable across runs."""

from __future__ import annotations

import os
import re
import shutil
import tracemalloc
from pathlib import Path

import pytest

from onward.errors import InvalidInput, MalformedMessage
from onward.mail import EmlFile, EmlFolder, Maildir, Mbox, open_source, parse_message
from onward.services.mail import source_name

CORPUS = Path(__file__).parent / "corpus"


def corpus() -> list[bytes]:
    return [path.read_bytes() for path in sorted(CORPUS.glob("*.eml"))]


def mboxrd(messages: list[bytes]) -> bytes:
    """Messages written the way an mboxrd writer does: From_ lines, ``>From`` escaping."""
    out: list[bytes] = []
    for raw in messages:
        out.append(b"From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n")
        body = raw.replace(b"\r\n", b"\n")
        body = re.sub(rb"(?m)^(>*From )", rb">\1", body)
        out.append(body if body.endswith(b"\n") or not body else body + b"\n")
        out.append(b"\n")
    return b"".join(out)


def good_ids(raws: list[bytes]) -> set[str | None]:
    ids: set[str | None] = set()
    for raw in raws:
        try:
            ids.add(parse_message(raw).message_id)
        except MalformedMessage:
            continue
    return ids


def test_a_single_eml_file(tmp_path: Path) -> None:
    path = tmp_path / "one.eml"
    path.write_bytes((CORPUS / "good_plain.eml").read_bytes())
    source = open_source(path)
    assert isinstance(source, EmlFile) and source.kind == "eml"
    assert list(source) == [("one.eml", path.read_bytes())]


def test_a_folder_of_eml_files_recursively_sorted(tmp_path: Path) -> None:
    shutil.copytree(CORPUS, tmp_path / "mail" / "b")
    (tmp_path / "mail" / "a.EML").write_bytes(b"Subject: top\n\nhello\n")
    (tmp_path / "mail" / "notes.txt").write_text("not mail")
    source = open_source(tmp_path / "mail")
    assert isinstance(source, EmlFolder)
    items = list(source)
    keys = [key for key, _ in items]
    assert keys == sorted(keys) and len(keys) == len(set(keys)) == len(corpus()) + 1
    assert keys[0] == "a.EML" and all(k.startswith("b/") for k in keys[1:])
    assert [raw for _, raw in items[1:]] == corpus()
    assert list(open_source(tmp_path / "mail")) == items  # stable across runs


def test_mbox_yields_every_message_once_with_offsets_as_keys(tmp_path: Path) -> None:
    messages = corpus()
    path = tmp_path / "Takeout.mbox"
    data = mboxrd(messages)
    path.write_bytes(data)
    source = open_source(path)
    assert isinstance(source, Mbox)
    items = list(source)
    assert len(items) == len(messages)
    for key, _ in items:
        assert data[int(key) :].startswith(b"From ")
    expected = [m.replace(b"\r\n", b"\n") for m in messages]
    assert [raw for _, raw in items] == [e + b"\n" if e[-1:] not in b"\n" else e for e in expected]
    assert good_ids([raw for _, raw in items]) == good_ids(messages)  # no good message lost
    assert list(open_source(path)) == items
    resumed = list(Mbox(path, start=int(items[5][0])))  # an interrupted import goes on here
    assert resumed == items[5:]


def test_mbox_unescapes_from_lines_and_does_not_split_inside_a_paragraph(tmp_path: Path) -> None:
    first = b"Subject: one\n\nHello\nFrom here on we differ.\n>From quoted\n>>From deeper\n"
    second = b"Subject: two\n\nFrom the team,\nbye\n"
    path = tmp_path / "box"
    path.write_bytes(mboxrd([first, second]))
    assert [raw for _, raw in Mbox(path)] == [first, second]
    mboxo = tmp_path / "mboxo"  # a writer that did not escape: only real separators split
    mboxo.write_bytes(b"From x Tue Jan 6 00:00:00 2026\n" + first + b"\nFrom y Wed Jan 7\n" + first)
    texts = [parse_message(raw).text for _, raw in Mbox(mboxo)]
    assert len(texts) == 2 and all("From here on we differ." in text for text in texts)


def test_mbox_with_crlf_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "crlf.mbox"
    path.write_bytes(
        b"From a@b Mon Jan  5 10:00:00 2026\r\nSubject: one\r\n\r\nbody one\r\n\r\n"
        b"From a@b Mon Jan  5 11:00:00 2026\r\nSubject: two\r\n\r\nbody two\r\n"
    )
    subjects = [parse_message(raw).subject for _, raw in open_source(path)]
    assert subjects == ["one", "two"]


def write_maildir(root: Path, messages: list[bytes]) -> None:
    for sub in ("cur", "new", "tmp"):
        (root / sub).mkdir(parents=True)
    for i, raw in enumerate(messages):
        if i % 2:
            (root / "new" / f"17000000{i:02d}.M{i}P1.host").write_bytes(raw)
        else:
            (root / "cur" / f"17000000{i:02d}.M{i}P1.host:2,S").write_bytes(raw)
    (root / "tmp" / "1699999999.M0P1.host").write_bytes(b"Subject: half-written\n\n")


def test_maildir_reads_cur_and_new_with_keys_that_survive_a_move(tmp_path: Path) -> None:
    messages = corpus()
    root = tmp_path / "Maildir"
    write_maildir(root, messages)
    source = open_source(root)
    assert isinstance(source, Maildir)
    before = list(source)
    assert [raw for _, raw in before] == messages  # every message once, tmp/ ignored
    for path in (root / "new").iterdir():  # a mail client reads them and sets flags
        path.rename(root / "cur" / f"{path.name}:2,RS")
    assert list(open_source(root)) == before


def test_open_source_says_clearly_what_it_cannot_read(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="does not exist"):
        open_source(tmp_path / "missing.mbox")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InvalidInput, match=r"no \.eml files"):
        open_source(tmp_path / "empty")
    picture = tmp_path / "photo.jpg"
    picture.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    with pytest.raises(InvalidInput, match="not a format"):
        open_source(picture)


def test_a_large_mbox_is_streamed_not_held_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.mbox"
    count = 20_000
    with path.open("wb") as out:
        for i in range(count):
            out.write(
                b"From sender@example.com Mon Jan  5 10:00:00 2026\n"
                b"From: Sender %d <sender%d@example.com>\nSubject: Message %d\n"
                b"Message-ID: <m%d@example.com>\n\n"
                % (i, i, i, i)
                + b"Hello, this is message %d.\nFrom the desk of nobody.\n" % i
                + b"Some padding to make the file large.\n" * 12
                + b"\n"
            )
    size = path.stat().st_size
    tracemalloc.start()
    try:
        seen = 0
        last = b""
        for _key, raw in open_source(path):
            seen += 1
            last = raw
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seen == count
    assert parse_message(last).message_id == f"<m{count - 1}@example.com>"
    assert size > 10_000_000
    assert peak < size / 10, (peak, size)  # one block and one message, not the file


def test_file_names_that_are_not_utf8_give_storable_keys(tmp_path: Path) -> None:
    raw = b"From: a@b.example\nSubject: hi\n\nhello\n"
    folder = tmp_path / "eml"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.eml")).write_bytes(raw)
    maildir = tmp_path / "md"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    (maildir / "new" / os.fsdecode(b"17\xff.host:2,S")).write_bytes(raw)
    assert list(EmlFolder(folder)) == [("caf\\xe9.eml", raw)]
    assert list(Maildir(maildir)) == [("17\\xff.host", raw)]
    assert list(Maildir(maildir, start_key="17\\xff.host")) == [("17\\xff.host", raw)]


def test_a_mailbox_whose_path_is_not_utf8_gets_a_storable_source_name(tmp_path: Path) -> None:
    folder = tmp_path / os.fsdecode(b"caf\xe9")
    for sub in ("cur", "new", "tmp"):
        (folder / sub).mkdir(parents=True)
    name = source_name(open_source(folder))
    assert name.endswith("caf\\xe9") and name.startswith("maildir:")
    name.encode("utf-8")
