"""Reading and writing ``settings.toml``, tolerant of a broken file."""

from __future__ import annotations

import os

import tomli_w
from pydantic import ValidationError

from backtimer.domain.problems import from_validation_error
from backtimer.domain.settings import Settings
from backtimer.storage import locations
from backtimer.storage.files import locked, set_aside, write_atomic
from backtimer.storage.safe_read import KIB, UnusableFile, read_toml

HEADER = "# backtimer settings; every key is optional.\n\n"
MAX_BYTES = 64 * KIB


def load_settings() -> tuple[Settings, list[str]]:
    """The settings, or the defaults and the reason when the file cannot be used."""
    path = locations.settings_file()
    try:
        data = read_toml(path, MAX_BYTES)
    except FileNotFoundError:
        return Settings(), []
    except UnusableFile as exc:
        return Settings(), [f"{exc}; using the defaults"]
    try:
        return Settings.model_validate(data), []
    except ValidationError as exc:
        lines = [f"{path}: {problem}" for problem in from_validation_error(exc)]
        return Settings(), [*lines, f"{path}: using the defaults until it is fixed"]


def save_settings(settings: Settings) -> list[str]:
    """Write the settings atomically; a file that could not be read is set aside first."""
    path = locations.settings_file()
    problems: list[str] = []
    with locked(locations.lock_file()):
        if os.path.lexists(path) and load_settings()[1]:
            kept = set_aside(path)
            problems.append(f"{path}: could not be read, kept as {kept.name}")
        data = settings.model_dump(exclude_none=True)
        write_atomic(path, HEADER + tomli_w.dumps(data))
    return problems
