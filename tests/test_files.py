"""The one atomic file write."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from onward.errors import InvalidInput
from onward.files import write_atomically


def test_text_and_bytes_replace_the_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "deeper" / "out.csv"
    assert write_atomically(target, "é,1\n") == target
    assert target.read_bytes() == "é,1\n".encode()
    write_atomically(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["out.csv"]


def test_a_named_file_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="does not exist"):
        write_atomically(tmp_path / "nowhere" / "report.html", "x", make_folder=False)
    assert not (tmp_path / "nowhere").exists()
    with pytest.raises(InvalidInput, match="is a folder"):
        write_atomically(tmp_path, "x")


def test_a_failed_write_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "backup.json"
    target.write_text("previous")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(InvalidInput, match="No space left"):
        write_atomically(target, "new")
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["backup.json"]
