"""No input crashes or hangs a parser (issue 11, points 1, 4 and 9).

Every TOML entry point (validate, routines import, routines/, programs/,
settings.toml, program.toml, history files, journals) and ``history import``
are given the inputs that gave tracebacks; each must answer with one line
naming the file and the place, exit 1, and leave the good files beside it alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backtimer.storage import locations
from tests.factories import write
from tests.hostile import (
    GOOD_PROGRAM,
    GOOD_ROUTINE,
    JSON_CASES,
    TOML_LINES,
    program_with,
    routine_with,
)
from tests.system.conftest import run

CaptureFixture = pytest.CaptureFixture[str]


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


@pytest.mark.parametrize("case", TOML_LINES)
def test_validate_and_import_answer_in_one_line_with_the_place(case: str, tmp_path: Path) -> None:
    path = write(tmp_path, "hostile.toml", routine_with(TOML_LINES[case]))
    ran = run("validate", str(path))
    assert ran.code == 1
    (problem,) = lines(ran.out)
    assert problem.startswith(f"{path}: line 3: ")
    assert ran.err == ""
    ran = run("routines", "import", str(path))
    assert ran.code == 1
    assert lines(ran.err) == [f"backtimer: {problem}"]
    assert not (locations.routines_dir() / "hostile.toml").exists()


def _history_session(number: int, line: str = "") -> str:
    """A [[session]] table as backtimer writes it, with an extra ``line`` in it."""
    started = f"2026-01-{number:02d} 07:30:00+00:00"
    return (
        f'[[session]]\nid = "s{number}"\nroutine = "desk-reset"\nroutine_name = "Desk reset"\n'
        f"started_at = {started}\nended_at = {started}\n"
        f'status = "completed"\nactive_seconds = 60.0\npaused_seconds = 0.0\n{line}\n'
    )


@pytest.mark.parametrize("case", TOML_LINES)
def test_in_the_data_folder_each_file_is_reported_and_the_good_ones_load(
    case: str, home: Path
) -> None:
    line = TOML_LINES[case]
    hostile = {
        write(home / "routines", "hostile.toml", routine_with(line)),
        write(home / "programs", "hostile.toml", program_with(line)),
        write(home, "settings.toml", line),
        write(home, "program.toml", line),
        write(home, "history.toml", _history_session(1) + _history_session(2, line)),
        write(home / "history", "2025-12.toml", _history_session(3, line)),
    }
    write(home / "routines", "good.toml", GOOD_ROUTINE)
    write(home / "programs", "good.toml", GOOD_PROGRAM)
    said: list[str] = []
    for command in (["routines"], ["programs"], ["history", "--json"], ["stats"], ["today"]):
        ran = run(*command)
        assert ran.code == 0, (command, ran.err)
        said += lines(ran.err)
        if command == ["routines"]:
            assert "good" in ran.out and "Mine" in ran.out
        if command == ["programs"]:
            assert "Plan" in ran.out
        if command[0] == "history":
            assert [s["id"] for s in json.loads(ran.out)] == ["s1"]
    for path in hostile:
        told = [s for s in said if s.startswith(f"backtimer: {path}: ")]
        assert told, f"nothing said about {path}"
        # the place, or the size when a file is too large to be read at all
        assert all(": line " in s or "may be at most" in s for s in told), told


def test_a_journal_with_it_is_set_aside_and_reported(home: Path) -> None:
    journal = write(home / "in-progress", "s9.toml", _history_session(9, TOML_LINES["nesting"]))
    ran = run("history")
    assert ran.code == 0
    (problem,) = lines(ran.err)
    assert problem.startswith(f"backtimer: {journal}: line 10: session 1 (id 's9'): nested more")
    assert [p.name.split(".unreadable-")[0] for p in journal.parent.glob("*unreadable*")] == [
        "s9.toml"
    ]


@pytest.mark.parametrize("case", JSON_CASES)
def test_history_import_refuses_it_and_history_goes_on_working(case: str, tmp_path: Path) -> None:
    path = write(tmp_path, "export.json", JSON_CASES[case])
    ran = run("history", "import", str(path))
    assert ran.code == 1
    (problem,) = lines(ran.err)
    assert problem.startswith(f"backtimer: {path}: ")
    assert "Traceback" not in ran.err
    for command in (["history"], ["history", "--json"], ["history", "--csv"], ["stats"]):
        assert run(*command).code == 0


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("null-in-a-field", "session 1 (id 'import-00001'): extra.kept[2]: null cannot be kept"),
        ("year-9999", "started_at: must be between the years 1970 and 2199"),
        ("year-0001", "started_at: must be between the years 1970 and 2199"),
        ("nesting", "session 1 (id 'import-00001'): extra[1][1]"),
        ("long-integer", "line 1: a number of 5000 characters"),
        ("infinity", "active_seconds: must be a finite number (got inf)"),
    ],
)
def test_history_import_says_where(case: str, expected: str, tmp_path: Path) -> None:
    path = write(tmp_path, "export.json", JSON_CASES[case])
    assert expected in run("history", "import", str(path)).err


def test_format_must_be_the_whole_number_one(tmp_path: Path) -> None:
    for written, shown in (("1.0", "1.0"), ("true", "true")):
        path = write(tmp_path, "f.toml", GOOD_ROUTINE.replace("format = 1", f"format = {written}"))
        ran = run("validate", str(path))
        assert (ran.code, ran.out) == (1, f"{path}: format: must be 1 (got {shown})\n")
        programme = write(
            tmp_path, "p.toml", GOOD_PROGRAM.replace("format = 1", f"format = {written}")
        )
        assert f"format: must be 1 (got {shown})" in run("validate", str(programme)).out


def test_a_file_name_with_a_newline_is_not_a_routine_id(tmp_path: Path, home: Path) -> None:
    evil = write(tmp_path, "evil\n.toml", GOOD_ROUTINE)
    ran = run("routines", "import", str(evil))
    assert ran.code == 1
    assert "cannot be a routine id" in ran.err
    assert (
        list(locations.routines_dir().glob("*")) == []
        if locations.routines_dir().exists()
        else True
    )
    write(home / "routines", "evil\n.toml", GOOD_ROUTINE)
    write(home / "programs", "evil\n.toml", GOOD_PROGRAM)
    assert "the file name must be a routine id" in run("routines").err
    assert "the file name must be a programme id" in run("programs").err
