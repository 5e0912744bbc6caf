"""The error tree carries data: a field, and a hint made of an action and its arguments."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from onward.errors import Action, Hint, ImportFailed, InvalidInput, OnwardError, Problem


def test_an_error_carries_its_field_and_hint() -> None:
    error = InvalidInput(
        "salary range 9-1 runs backwards", field="salary_min", hint="give the lower figure first"
    )
    assert error.field == "salary_min"
    assert error.hint == Hint(text="give the lower figure first")
    assert str(error) == "salary range 9-1 runs backwards (give the lower figure first)"
    failed = ImportFailed("1 row cannot be imported", [Problem(3, "bad date")], field="file")
    assert failed.field == "file" and failed.hint is None and failed.problems[0].line == 3


def test_an_action_hint_is_data_and_not_words() -> None:
    hint = Hint(Action.SHOW_REJECTION, {"application_id": 7})
    error = OnwardError("already logged", hint=hint)
    assert str(error) == "already logged"  # an action needs a shell to become words
    assert hint.as_json() == {
        "action": "show_rejection",
        "args": {"application_id": 7},
        "text": None,
    }
    assert asdict(hint)["args"] == {"application_id": 7}  # plain data, as JSON and --json need


def test_a_hint_needs_an_action_or_words() -> None:
    with pytest.raises(ValueError, match="an action or some text"):
        Hint()
