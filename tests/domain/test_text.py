from __future__ import annotations

import pytest

from onward.domain.text import storable, unstorable_characters


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("plain", "plain"),
        ("a\x00b", "a\ufffdb"),
        ("\x00", "\ufffd"),
        ("lone \ud800 high", "lone \ufffd high"),
        ("lone \udfff low", "lone \ufffd low"),
        ("é\x00\udc80ü", "é\ufffd\ufffdü"),
        ("emoji 😀 stays", "emoji 😀 stays"),
        ("", ""),
    ],
)
def test_storable_replaces_only_nul_and_surrogates(raw: str, kept: str) -> None:
    assert storable(raw) == kept
    assert unstorable_characters(raw) is (raw != kept)
    assert not unstorable_characters(storable(raw))
    storable(raw).encode("utf-8")  # every driver can encode it


def test_storable_keeps_the_same_object_when_nothing_changes() -> None:
    text = "nothing to clean: ünïcödé"
    assert storable(text) is text
    assert storable("ascii only") == "ascii only"
