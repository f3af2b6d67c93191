"""One home for finding and reading files tolerantly: routines and programmes alike,
settings.toml and program.toml alike."""

from __future__ import annotations

from pathlib import Path

from backtimer.domain.parsing.problems import Problem
from backtimer.storage import library, locations
from backtimer.storage import programmes as programs
from backtimer.storage.found_files import name_problem, read_or_problem
from backtimer.storage.settings import load_settings, save_settings


def test_a_badly_named_routine_or_programme_file_is_told_the_same_way(home: Path) -> None:
    for folder in (locations.routines_dir(), locations.programmes_dir()):
        folder.mkdir(parents=True)
        (folder / "Mine.toml").write_text("format = 1\n")
        (folder / "desk-reset.toml").write_text("format = 1\n")
    routines = {e.id: e for e in library.all_routines() if e.source == "user"}
    assert routines["Mine"].problems[-1] == Problem(
        "",
        "the file name must be a routine id: lowercase letters, digits and hyphens,"
        " like my-evening.toml",
    )
    assert name_problem(Path("desk-reset.toml"), {"desk-reset"}, "routine") == (
        "'desk-reset' is the id of a built-in routine; rename the file"
    )
    mine = next(e for e in programs.all_programmes() if e.id == "Mine")
    assert mine.problems[-1] == Problem(
        "", "the file name must be a programme id: lowercase letters, digits and hyphens"
    )


def test_a_folder_where_a_file_should_be_is_a_problem_not_an_error(tmp_path: Path) -> None:
    (tmp_path / "folder.toml").mkdir()
    problem = read_or_problem(tmp_path / "folder.toml", 1024)
    assert isinstance(problem, Problem) and problem.where == ""
    assert read_or_problem(tmp_path / "missing.toml", 1024) == Problem(
        "", "cannot be read: No such file or directory"
    )


def test_broken_settings_and_programme_state_give_the_defaults_and_say_why(home: Path) -> None:
    home.mkdir(parents=True)
    locations.settings_file().write_text("weekly_goal = 'many'\n")
    locations.program_file().write_text("active = 3\n")
    settings, said = load_settings()
    assert settings.weekly_goal == 3 and said[-1].endswith(
        "settings.toml: using the defaults until it is fixed"
    )
    state, told = programs.load_state()
    assert state.active is None and told[-1].endswith(
        "program.toml: no programme is taken as active"
    )
    assert save_settings(settings) == [
        f"{locations.settings_file()}: could not be read, kept as"
        f" {next(home.glob('settings.toml.*')).name}"
    ]
    assert load_settings() == (settings, [])
