"""Mail tests: a reader trained once per session, and a way to write emails in tests."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from onward.understand import Reader, load_reader, model_path

Email = Callable[..., bytes]


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("models")
    load_reader(folder)  # trains and saves on first use
    return folder


@pytest.fixture(scope="session")
def reader(models_dir: Path) -> Reader:
    return load_reader(models_dir)


@pytest.fixture
def home_models(models_dir: Path, settings: object) -> Path:
    """The workspace's models folder, holding the session's trained model."""
    target = settings.home / "models"  # type: ignore[attr-defined]
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(model_path(models_dir), model_path(target))
    return target


def build_email(
    body: str,
    *,
    subject: str = "Hello",
    sender: str = "Someone <someone@example.org>",
    message_id: str | None = "<m1@example.org>",
    date: str = "Mon, 02 Nov 2026 10:00:00 +0000",
    in_reply_to: str | None = None,
    extra: str = "",
) -> bytes:
    head = f"From: {sender}\nTo: Sam <sam@example.org>\nSubject: {subject}\nDate: {date}\n"
    if message_id:
        head += f"Message-ID: {message_id}\n"
    if in_reply_to:
        head += f"In-Reply-To: {in_reply_to}\nReferences: {in_reply_to}\n"
    head += extra + "Content-Type: text/plain; charset=utf-8\n\n"
    return (head + body + "\n").encode()


@pytest.fixture
def email() -> Email:
    return build_email


CONFIRM = (
    "Hi Sam,\n\nThank you for applying for the {role} position at {company}. We have received "
    "your application and our recruiting team will review it.\n\nBest,\n{company} Talent Team"
)
REJECT = (
    "Hi Sam,\n\nThank you for your interest in the {role} role. Unfortunately, after careful "
    "consideration we have decided to move forward with other candidates whose experience "
    "more closely matches our needs.\n\nWe wish you the best.\n\nNadia Park\nRecruiter, {company}"
)
OFFER_AND_REJECT = (
    "Hi Sam,\n\nThank you for interviewing for the {role} role. We were impressed, and we "
    "know an offer elsewhere may be on the table for you. Unfortunately, we have decided not "
    "to extend an offer and to move forward with other candidates.\n\nBest,\n{company} Recruiting"
)
