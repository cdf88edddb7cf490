"""Reading and changing the notebook's settings (``gridnote config``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gridnote.domain.settings import SETTINGS, Setting
from gridnote.errors import InputError
from gridnote.messages.i18n import join_list
from gridnote.store.notebook import Notebook
from gridnote.store.settings import put, remove


@dataclass(frozen=True)
class SettingValue:
    setting: Setting
    value: Any
    is_default: bool


def _setting(key: str) -> Setting:
    setting = SETTINGS.get(key)
    if setting is None:
        raise InputError("config.unknown_key", key=key, known=join_list(SETTINGS))
    return setting


def get(nb: Notebook, key: str) -> Any:
    """The typed value of a setting (its default when unset)."""
    setting = _setting(key)
    raw = nb.settings().get(key)
    if raw is None:
        return setting.default
    return setting.kind(raw)


def convert(setting: Setting, text: str) -> Any:
    value: Any
    if setting.kind in (int, float):
        try:
            value = setting.kind(text.strip())
        except ValueError as exc:
            raise InputError("config.bad_number", key=setting.key, text=text) from exc
        if (setting.minimum is not None and value < setting.minimum) or (
            setting.maximum is not None and value > setting.maximum
        ):
            raise InputError(
                "config.out_of_range", key=setting.key, text=text, low=setting.minimum, high=setting.maximum
            )
        return value
    value = text.strip()
    if setting.key == "lang":
        from gridnote.messages.i18n import normalize_lang

        value = normalize_lang(value) or value
    if setting.choices and value not in setting.choices:
        raise InputError("config.bad_choice", key=setting.key, text=text, choices=join_list(setting.choices))
    if setting.key == "timezone":
        from gridnote import clock

        try:
            clock.set_timezone(value)
        except clock.ClockError as exc:
            raise InputError("config.bad_timezone", text=text) from exc
    return value


def set_value(nb: Notebook, key: str, text: str) -> Any:
    setting = _setting(key)
    value = convert(setting, text)
    _check_order(nb, key, value)
    with nb.transaction():
        put(nb, key, str(value))
    nb.forget_settings()
    return value


def _check_order(nb: Notebook, key: str, value: Any) -> None:
    """A low threshold stays below its high one (every reading flagged twice otherwise)."""
    from gridnote.domain.settings import ORDERED

    for low_key, high_key in ORDERED:
        if key not in (low_key, high_key):
            continue
        low = value if key == low_key else get(nb, low_key)
        high = value if key == high_key else get(nb, high_key)
        if low and high and low >= high:
            raise InputError("config.out_of_order", low_key=low_key, low=low, high_key=high_key, high=high)


def unset(nb: Notebook, key: str) -> None:
    _setting(key)
    with nb.transaction():
        remove(nb, key)
    nb.forget_settings()


def all_values(nb: Notebook) -> list[SettingValue]:
    raw = nb.settings()
    return [SettingValue(s, get(nb, s.key), s.key not in raw) for s in SETTINGS.values()]


def apply_process_settings(nb: Notebook) -> None:
    """Language and time zone take effect as soon as the notebook is open."""
    from gridnote import clock
    from gridnote.messages import i18n

    raw = nb.settings()
    i18n.set_notebook_lang(raw.get("lang"))
    zone = raw.get("timezone")
    if zone:
        try:
            clock.set_timezone(zone)
        except clock.ClockError:
            pass  # a zone this machine does not know: fall back to the machine's own
