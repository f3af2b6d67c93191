"""The command line as a person runs it: its output and its exit code (the installed
command in a process of its own for its version, its `main` in this process for the rest)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import FIXTURES
from tests.factories import write
from tests.system.conftest import backtimer, in_a_process

GOOD = 'format = 1\nname = "Mine"\n[[step]]\nexercise = "cat-cow"\nreps = 5\ntempo = 3\n'


def test_version() -> None:
    result = in_a_process("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("backtimer ")


def test_routines_json_lists_the_builtins_and_the_users_own(home: Path) -> None:
    write(home / "routines", "mine.toml", GOOD)
    write(home / "routines", "broken.toml", "format = 1\nname = ")
    result = backtimer("routines", "--json")
    assert result.returncode == 0
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert {"back-durability", "eight-contenders", "mine", "broken"} <= set(rows)
    assert rows["back-durability"]["source"] == "built-in"
    assert rows["back-durability"]["steps"] == 4
    assert 270 <= rows["back-durability"]["estimated_seconds"] <= 330
    mine = rows["mine"]
    assert (mine["name"], mine["source"], mine["steps"]) == ("Mine", "user", 1)
    assert mine["estimated_seconds"] == 5 + 5 * 3  # get ready, then five 3-second reps
    assert rows["broken"]["problems"][0].startswith("not valid TOML")


def test_routines_table_shows_a_broken_file_without_hiding_the_rest(home: Path) -> None:
    write(home / "routines", "broken.toml", "format = 1\n")
    result = backtimer("routines")
    assert result.returncode == 0
    assert "Back durability" in result.stdout
    assert "broken.toml: name: is required" in result.stderr


def test_exercises_json() -> None:
    result = backtimer("exercises", "--json")
    moves = {m["id"]: m for m in json.loads(result.stdout)}
    assert set(moves["cat-cow"]) >= {"id", "name", "kind", "muscles", "equipment"}
    assert moves["suitcase-carry"]["equipment"] == ["dumbbell or kettlebell"]


def test_show_tells_the_steps_and_the_time() -> None:
    result = backtimer("show", "eight-contenders")
    assert result.returncode == 0
    assert "Elephant walk" in result.stdout
    assert "20 reps each side, sides in turn, 2 s a rep" in result.stdout
    assert "4 sets of 1 min, changing sides each set, 30 s rest between sets" in result.stdout
    assert "Estimated time: 14 min 27 s" in result.stdout


def test_show_figures_draws_each_step_phase_by_phase() -> None:
    result = backtimer("show", "flexible-back-morning", "--figures")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    pictures = [line for line in lines if any("\u2800" <= char <= "\u28ff" for char in line)]
    assert len(pictures) > 20  # braille dots: still pictures, not words
    captions = " ".join(line for line in lines if line.startswith("     ") and line.strip())
    for words in ("start", "1. Breathe out, round up", "2. Breathe in, chest up"):
        assert words in captions  # cat-cow, phase by phase


def test_show_figures_says_when_a_move_of_ones_own_has_none(home: Path) -> None:
    (home / "routines").mkdir(parents=True)
    (home / "routines" / "mine.toml").write_text(
        'format = 1\nname = "Mine"\n[[step]]\nexercise = "dead-bug"\nreps = 5\n'
        '[[exercise]]\nid = "dead-bug"\nname = "Dead bug"\n'
    )
    result = backtimer("show", "mine", "--figures")
    assert result.returncode == 0
    assert "(no figure for this move)" in result.stdout


def test_validate_checks_the_figure_a_move_of_ones_own_borrows(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    own = 'format = 1\nname = "Mine"\n[[step]]\nexercise = "march"\nreps = 5\n'
    own += '[[exercise]]\nid = "march"\nname = "March"\nfigure = "{}"\n'
    path.write_text(own.format("banded-glute-bridge"))
    assert backtimer("validate", str(path)).returncode == 0
    path.write_text(own.format("glute-bridge"))
    result = backtimer("validate", str(path))
    assert result.returncode == 1
    assert f"{path}: exercise[1].figure: 'glute-bridge' is not a built-in move" in result.stdout


def test_show_an_unknown_routine_is_a_usage_error() -> None:
    result = backtimer("show", "nope")
    assert result.returncode == 2
    assert "no routine 'nope'" in result.stderr


def test_validate_accepts_the_product_example_and_every_builtin() -> None:
    builtins = sorted(
        str(p)
        for p in (Path(__file__).parents[2] / "src" / "backtimer" / "routines").glob("*.toml")
    )
    result = backtimer("validate", str(FIXTURES / "product-example.toml"), *builtins)
    assert result.returncode == 0, result.stdout
    assert result.stdout.count(": ok (") == 1 + len(builtins)


def test_validate_rejects_each_kind_of_mistake_naming_the_field(tmp_path: Path) -> None:
    head = 'format = 1\nname = "x"\n[[step]]\nexercise = "cat-cow"\n'
    files = {
        "negative.toml": head + "hold = -5\n",
        "unknown-key.toml": head + "reps = 5\nspeed = 2\n",
        "both.toml": head + "work = 30\nhold = 10\n",
        "unknown-move.toml": 'format = 1\nname = "x"\n[[step]]\nexercise = "plank"\nreps = 3\n',
        "not-toml.toml": "this is not toml",
    }
    paths = [str(write(tmp_path, name, text)) for name, text in files.items()]
    result = backtimer("validate", *paths)
    assert result.returncode == 1
    out = result.stdout
    assert f"{paths[0]}: step[1].hold: must be at least 1 second (got -5)" in out
    assert f"{paths[1]}: step[1].speed: unknown key" in out
    assert f"{paths[2]}: step[1]: has both work and hold" in out
    assert f"{paths[3]}: step[1].exercise: unknown exercise 'plank'" in out
    assert f"{paths[4]}: not valid TOML" in out


def test_validate_a_missing_file_is_exit_2(tmp_path: Path) -> None:
    good = write(tmp_path, "good.toml", GOOD)
    result = backtimer("validate", str(good), str(tmp_path / "missing.toml"))
    assert result.returncode == 2
    assert "missing.toml: no such file" in result.stderr


def test_an_unknown_command_is_a_usage_error() -> None:
    assert backtimer("dance").returncode == 2


def test_validate_checks_programme_files_too(tmp_path: Path) -> None:
    programmes = sorted(
        str(p)
        for p in (Path(__file__).parents[2] / "src" / "backtimer" / "programs").glob("*.toml")
    )
    bad = write(
        tmp_path,
        "mine.toml",
        'format = 1\nname = "x"\nweeks = 3\ndays_per_week = 3\n[[slot]]\nroutine = "nope"\n',
    )
    result = backtimer("validate", *programmes, str(bad))
    assert result.returncode == 1
    assert result.stdout.count(": ok (programme ") == 2
    assert f"{bad}: slot[1].routine: unknown routine 'nope'" in result.stdout
