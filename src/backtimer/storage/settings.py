"""Reading and writing ``settings.toml``, tolerant of a broken file.

The model (and pydantic) is imported only to read the file in full or to write
it: `weekly_goal`, all the statistics need, reads a plainly valid file without
it (`backtimer.domain.history.plain_tables.plain_settings`), and any other file through
the model, which says what is wrong.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from backtimer.domain.history.plain_tables import NotPlain, plain_settings
from backtimer.storage import locations
from backtimer.storage.files import locked
from backtimer.storage.safe_read import KIB, UnusableFile, read_toml

if TYPE_CHECKING:
    from backtimer.domain.routines.settings import Settings

HEADER = "# backtimer settings; every key is optional.\n\n"
MAX_BYTES = 64 * KIB


def load_settings() -> tuple[Settings, list[str]]:
    """The settings, or the defaults and the reason when the file cannot be used."""
    from backtimer.domain.routines.settings import Settings
    from backtimer.storage.model_file import load_model

    path = locations.settings_file()
    return load_model(
        path, Settings, MAX_BYTES, "using the defaults", until_fixed=" until it is fixed"
    )


def save_settings(settings: Settings) -> list[str]:
    """Write the settings atomically; a file that could not be read is set aside first."""
    from backtimer.storage.model_file import save_model

    with locked(locations.lock_file()):
        data = settings.model_dump(exclude_none=True)
        return save_model(locations.settings_file(), HEADER, data, lambda: not load_settings()[1])


def weekly_goal() -> tuple[int, list[str]]:
    """The sessions a week to aim for, and the problems of a file that cannot be used
    (then the default, as `load_settings` says)."""
    try:
        return quick_settings()["weekly_goal"], []
    except NotPlain:
        settings, problems = load_settings()
        return settings.weekly_goal, problems


def quick_settings() -> dict[str, Any]:
    """Every setting, read without the model.

    Raises:
        NotPlain: the file is not plainly valid, or cannot be read as TOML.
    """
    try:
        table = read_toml(locations.settings_file(), MAX_BYTES)
    except FileNotFoundError:
        table = {}
    except UnusableFile:
        raise NotPlain from None
    return plain_settings(table)
