"""Reading and writing ``settings.toml``, tolerant of a broken file."""

from __future__ import annotations

from backtimer.domain.routines.settings import Settings
from backtimer.storage import locations
from backtimer.storage.files import locked
from backtimer.storage.model_file import load_model, save_model
from backtimer.storage.safe_read import KIB

HEADER = "# backtimer settings; every key is optional.\n\n"
MAX_BYTES = 64 * KIB


def load_settings() -> tuple[Settings, list[str]]:
    """The settings, or the defaults and the reason when the file cannot be used."""
    path = locations.settings_file()
    return load_model(
        path, Settings, MAX_BYTES, "using the defaults", until_fixed=" until it is fixed"
    )


def save_settings(settings: Settings) -> list[str]:
    """Write the settings atomically; a file that could not be read is set aside first."""
    with locked(locations.lock_file()):
        data = settings.model_dump(exclude_none=True)
        return save_model(locations.settings_file(), HEADER, data, lambda: not load_settings()[1])
