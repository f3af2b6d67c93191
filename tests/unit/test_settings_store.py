"""settings.toml: validated, written atomically and privately, never a crash when broken."""

from __future__ import annotations

from backtimer.domain.routines.settings import Settings
from backtimer.storage import locations
from backtimer.storage.settings import load_settings, save_settings


def test_no_file_means_the_defaults() -> None:
    assert load_settings() == (Settings(), [])


def test_saved_settings_load_back_and_are_private() -> None:
    mine = Settings(weekly_goal=5, sound=False, lead_in=8, theme="nord")
    assert save_settings(mine) == []
    assert load_settings() == (mine, [])
    assert locations.settings_file().stat().st_mode & 0o777 == 0o600
    assert "lead_in = 8" in locations.settings_file().read_text()


def test_a_broken_file_gives_the_defaults_and_says_why() -> None:
    path = locations.settings_file()
    path.parent.mkdir()
    path.write_text("weekly_goal = 0\nsound = 'loud'\n")
    assert load_settings() == (
        Settings(),
        [
            f"{path}: weekly_goal: must be at least 1 (got 0)",
            f"{path}: sound: must be true or false (got 'loud')",
            f"{path}: using the defaults until it is fixed",
        ],
    )
    path.write_text("weekly_goal = \n")
    settings, problems = load_settings()
    assert settings == Settings() and problems[0].startswith(
        f"{path}: not valid TOML: Invalid value"
    )


def test_saving_over_a_broken_file_keeps_it_aside() -> None:
    path = locations.settings_file()
    path.parent.mkdir()
    path.write_text("weekly_goal = 'many'\n")
    (problem,) = save_settings(Settings(weekly_goal=2))
    (kept,) = path.parent.glob("settings.toml.unreadable-*")
    assert problem == f"{path}: could not be read, kept as {kept.name}"
    assert kept.read_text() == "weekly_goal = 'many'\n"
    assert load_settings() == (Settings(weekly_goal=2), [])
