"""The fuzz generator (tests/support/fuzz_mail.py): seeded, every kind named and documented."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tests.support import fuzz_mail
from tests.support.fuzz_mail import KINDS, fuzz_messages, write_mbox

from onward.mail.sources import Mbox

DOCS = Path(__file__).parents[2] / "docs" / "mail.md"


def test_the_same_seed_gives_the_same_mail_and_another_seed_other_mail() -> None:
    first = [m.raw for m in fuzz_messages(200, seed=5)]
    assert first == [m.raw for m in fuzz_messages(200, seed=5)]
    assert first != [m.raw for m in fuzz_messages(200, seed=6)]


def test_every_kind_comes_round_in_turn_on_job_and_other_mail() -> None:
    assert len(KINDS) >= 40
    messages = list(fuzz_messages(len(KINDS) * 3, seed=1))
    assert Counter(m.kind for m in messages) == {kind: 3 for kind in KINDS}
    assert 0 < sum(m.job for m in messages) < len(messages)


def test_every_kind_is_listed_in_the_module_and_in_the_mail_docs() -> None:
    docs = DOCS.read_text()
    for kind in KINDS:
        assert f"``{kind}``" in (fuzz_mail.__doc__ or ""), kind
        assert f"`{kind}`" in docs, kind


def test_the_mbox_gives_back_every_message_byte_for_byte(tmp_path: Path) -> None:
    messages = list(fuzz_messages(len(KINDS) * 2, seed=3))
    kinds = write_mbox(tmp_path / "fuzz.mbox", iter(messages))
    back = list(Mbox(tmp_path / "fuzz.mbox"))
    assert [kinds[key] for key, _ in back] == [m.kind for m in messages]
    for (_, raw), message in zip(back, messages, strict=True):
        expected = message.raw if message.raw.endswith(b"\n") else message.raw + b"\n"
        assert raw == expected or raw + b"\n" == expected
