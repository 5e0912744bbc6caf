"""The settings in effect for one owner, and changing them from the app.

Each setting is defined once, in :mod:`onward.config` (name, validator, default, doc); those
marked editable can also be stored per owner in the database. What is in effect::

    environment variable (or an explicit argument)  >  stored for the owner  >  default

:func:`read_settings` costs one small query, so the web app and the CLI resolve it for every
request and command: a change takes effect at once, with no restart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from onward.clock import Clock
from onward.config import EDITABLE, PREFIX, SETTING_FIELDS, Settings, parse_setting
from onward.db.store import Store
from onward.domain.playbook import dwell as dwell_rules
from onward.domain.records import Owner
from onward.errors import InvalidInput

#: The longest text a text setting (a name, an address) may hold.
MAX_TEXT = 200


class Source(StrEnum):
    ENVIRONMENT = "environment"  # an ONWARD_ variable (or an explicit argument) wins
    SAVED = "saved"  # stored for this owner in the database
    DEFAULT = "default"


@dataclass(frozen=True)
class SettingValue:
    """One editable setting as it stands: its value, where the value comes from, and what it is."""

    name: str
    value: Any
    source: Source
    label: str
    group: str
    doc: str

    @property
    def variable(self) -> str:
        return PREFIX + self.name.upper()

    @property
    def overridden(self) -> bool:
        """True when an environment variable decides it, so the app cannot change it."""
        return self.source is Source.ENVIRONMENT


@dataclass(frozen=True)
class EffectiveSettings:
    settings: Settings
    values: tuple[SettingValue, ...]

    def value(self, name: str) -> SettingValue:
        return next(v for v in self.values if v.name == name)

    def as_json(self) -> dict[str, dict[str, Any]]:
        return {
            v.name: {"value": v.value, "source": v.source.value, "variable": v.variable}
            for v in self.values
        }


def _stored(raw: dict[str, Any]) -> dict[str, Any]:
    """The stored values still valid (a value a later version refuses falls back)."""
    kept = {}
    for name, value in raw.items():
        if name in EDITABLE:
            try:
                kept[name] = parse_setting(name, _text_of(value))
            except ValueError:
                continue
    return kept


def read_settings(store: Store, owner: Owner, env_settings: Settings) -> EffectiveSettings:
    """The settings in effect for ``owner``: ``env_settings`` where the environment (or an
    explicit argument) set one, else what the owner saved, else the default."""
    with store.transaction() as tx:
        stored = _stored(tx.owner_settings.values(owner.id))
    pinned = env_settings.pinned()
    used = {name: value for name, value in stored.items() if name not in pinned}
    settings = env_settings.but(**used) if used else env_settings
    values = []
    for name in EDITABLE:
        meta = SETTING_FIELDS[name].metadata
        source = (
            Source.ENVIRONMENT
            if name in pinned
            else Source.SAVED
            if name in used
            else Source.DEFAULT
        )
        values.append(
            SettingValue(
                name, getattr(settings, name), source, meta["label"], meta["editable"], meta["doc"]
            )
        )
    return EffectiveSettings(settings, tuple(values))


def _text_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _label(name: str) -> str:
    label: str = SETTING_FIELDS[name].metadata["label"]
    return label


def check_setting(name: str, value: Any) -> Any:
    """``value`` as setting ``name`` (None: back to the default), or InvalidInput."""
    if not isinstance(value, str | int | float | bool | None):
        raise InvalidInput(f"{_label(name)}: give text, a number or true/false", field=name)
    raw = _text_of(value).replace("\r\n", "\n").strip()
    if not raw:
        return None
    if len(raw) > MAX_TEXT:
        too_long = f"{_label(name)} is too long (at most {MAX_TEXT} characters)"
        raise InvalidInput(too_long, field=name)
    try:
        parsed = parse_setting(name, raw)
    except ValueError as exc:
        raise InvalidInput(f"{_label(name)} {exc}, not {raw!r}", field=name) from None
    if name == "dwell_default":
        try:
            dwell_rules.parse_dwell(parsed, dwell_rules.DEFAULT_DWELL)
        except InvalidInput as exc:
            raise InvalidInput(f"{_label(name)}: {exc.message}", field=name) from None
    if name == "sender_email" and ("@" not in parsed or " " in parsed):
        raise InvalidInput(f"not an email address: {parsed!r}", field=name)
    return parsed


def change_settings(
    store: Store, owner: Owner, changes: Mapping[str, Any], clock: Clock
) -> dict[str, Any]:
    """Save ``changes`` ({setting name: value}) for ``owner``, all or nothing. Every value is
    checked by the validator of its environment variable first; an empty value (or None)
    goes back to the default. Returns the values saved (None for those reset)."""
    checked: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in EDITABLE:
            known = ", ".join(EDITABLE)
            unknown = f"{name!r} is not a setting you can change here ({known})"
            raise InvalidInput(unknown, field=name)
        checked[name] = check_setting(name, value)
    now = clock.now()
    with store.transaction() as tx:
        for name, value in checked.items():
            if value is None:
                tx.owner_settings.remove(owner.id, name)
            else:
                tx.owner_settings.put(owner.id, name, value, now)
    return checked
