"""The last ways a file could crash, hang or flood backtimer (issue 22), each closed.

Each test gives backtimer what was seen to break it, as a person would (a file in
the data folder, an import, an environment variable), and checks what the person
then sees: one line naming the file and the problem, an exit code of 0 or 1, and
nothing lost. Where only a real process shows the failure (a crash by a signal,
memory running out) the command runs in a process of its own.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from backtimer.storage import locations
from backtimer.storage.history import HistoryStore
from tests.factories import NOW, session, write
from tests.hostile import GOOD_ROUTINE, export, session_table
from tests.system.conftest import in_a_process, run

DEEP_OVER_LINES = "x = " + "[\n" * 100_000 + "1" + "\n]" * 100_000 + "\n"
"""100,000 levels of lists, one bracket a line: a screen that counts a line at a time
missed it, and the compiled parser then crashed the process (exit 139)."""


def one_line_naming(text: str, path: Path) -> str:
    """The only line of ``text``, which must name ``path``."""
    (line,) = [line for line in text.splitlines() if line]
    assert str(path) in line and "Traceback" not in line
    return line


@pytest.mark.parametrize("command", [["history", "--json"], ["stats"], ["today"]])
def test_a_history_nested_over_many_lines_is_one_line_not_a_crash(
    home: Path, command: list[str]
) -> None:
    path = write(home, "history.toml", DEEP_OVER_LINES)
    ran = in_a_process(*command, home=home)
    assert ran.returncode == 0, ran.stderr[-500:]
    line = one_line_naming(ran.stderr, path)
    assert "nested more than 32 levels deep" in line


def test_no_history_reader_is_native_code() -> None:
    """A parser that can take the process down on a file is no dependency of backtimer."""
    from importlib.metadata import requires

    wanted = [
        r.split(";")[0].split(">")[0].split("<")[0].strip() for r in requires("backtimer") or []
    ]
    assert "toml-rs" not in wanted


HEX = "0x" + "f" * 3700
"""14,800 bits: more than the 4,300 digits Python turns into text."""


@pytest.mark.parametrize(
    "number", [HEX, "0o" + "7" * 5000, "0b" + "1" * 15000], ids=["hex", "octal", "binary"]
)
def test_a_huge_number_in_any_base_is_one_line_everywhere(home: Path, number: str) -> None:
    routine = GOOD_ROUTINE.replace("[[step]]", f"lead_in = {number}\n[[step]]")
    path = write(home / "routines", "huge.toml", routine)
    ran = run("validate", str(path))
    assert ran.code == 1
    line = one_line_naming(ran.out, path)
    assert line.startswith(f"{path}: line 3: a number of ")
    for command in (["routines"], ["routines", "--json"], ["show", "huge"]):
        ran = run(*command)
        assert "Traceback" not in ran.err and ran.code in (0, 1), command
        assert str(path) in ran.err or str(path) in ran.out, command


def test_a_huge_hex_number_in_the_history_is_one_line(home: Path) -> None:
    good = session(NOW - timedelta(minutes=30))
    HistoryStore(lambda: NOW).record(good)
    (path,) = HistoryStore(
        lambda: NOW
    ).files()  # this month's, or last month's in its first minutes
    text = path.read_text().replace("reps_done = 10", f"reps_done = {HEX}")
    path.write_text(text)
    for command in (["history", "--json"], ["stats", "--json"]):
        ran = run(*command)
        assert ran.code == 0, command
        line = one_line_naming(ran.err, path)
        assert "a number of 3702 characters" in line


def quick(home: Path) -> subprocess.CompletedProcess[str]:
    """``backtimer today --exit-code`` in a process of its own, with 1 GiB of memory at
    most and 10 s to answer (a hang fails the test, it does not hang it)."""

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))

    return subprocess.run(
        [sys.executable, "-m", "backtimer", "today", "--exit-code"],
        capture_output=True,
        text=True,
        env=os.environ | {"BACKTIMER_HOME": str(home)},
        timeout=10,
        preexec_fn=limited,
    )


def started_programme(home: Path) -> None:
    assert run("programs", "start", "back-durability-6wk").code == 0


@pytest.mark.parametrize("name", ["history.toml", "program.toml"])
def test_today_exit_code_names_a_pipe_and_answers(home: Path, name: str) -> None:
    started_programme(home)
    path = home / name
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    ran = quick(home)
    assert ran.returncode in (0, 1) and "Traceback" not in ran.stderr
    assert f"{path}: is a named pipe (FIFO), not a file; it was not read" in ran.stderr


@pytest.mark.parametrize("name", ["history.toml", "program.toml"])
def test_today_exit_code_never_reads_a_device(home: Path, name: str) -> None:
    started_programme(home)
    path = home / name
    path.unlink(missing_ok=True)
    path.symlink_to("/dev/zero")
    ran = quick(home)
    assert ran.returncode in (0, 1) and "Traceback" not in ran.stderr
    assert f"{path}: is a device, not a file; it was not read" in ran.stderr


@pytest.mark.parametrize(
    "line",
    ["x = " + "[" * 3000 + "]" * 3000, "x = " + "9" * 5000, "x = " + HEX],
    ids=["nesting", "decimal", "hex"],
)
def test_today_exit_code_on_a_hostile_program_toml(home: Path, line: str) -> None:
    started_programme(home)
    path = home / "program.toml"
    path.write_text(path.read_text() + "\n" + line + "\n")
    ran = quick(home)
    assert ran.returncode == 1 and "Traceback" not in ran.stderr
    assert str(path) in ran.stderr


def test_a_relative_data_folder_is_resolved_once_at_start(tmp_path: Path) -> None:
    """A write that touches two history files crashed when BACKTIMER_HOME was relative."""
    months = [session_table(n) for n in range(1, 4)]
    months[1]["started_at"] = "2024-02-03T07:00:00+00:00"
    months[2]["started_at"] = "2024-03-03T07:00:00+00:00"
    given = write(tmp_path, "three-months.json", export(*months))
    env = os.environ | {"BACKTIMER_HOME": "relhome"}
    ran = subprocess.run(
        [sys.executable, "-m", "backtimer", "history", "import", str(given)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.startswith("Imported 3 of the 3 sessions")
    listed = subprocess.run(
        [sys.executable, "-m", "backtimer", "history", "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert len(json.loads(listed.stdout)) == 3
    assert sorted(p.name for p in (tmp_path / "relhome" / "history").iterdir()) == [
        "2024-02.toml",
        "2024-03.toml",
        "2026-01.toml",
    ]


@pytest.mark.parametrize("started", ["2199-12-31T23:59:59-23:59", "1970-01-01T00:00:00+14:00"])
def test_an_import_is_refused_when_its_instant_is_out_of_range(
    tmp_path: Path, started: str
) -> None:
    """Filed by its UTC month (2200-01, 1969-12), such a session was then refused by every read."""
    given = write(tmp_path, "edge.json", export(session_table(1, started_at=started)))
    ran = run("history", "import", str(given))
    assert ran.code == 1
    said = ran.err.splitlines()
    assert all(
        line.startswith(f"backtimer: {given}: session 1 (id 'import-00001'): ") for line in said
    )
    assert "started_at: must be between the years 1970 and 2199 in UTC" in said[0]
    assert run("history", "--json").out == "[]\n"
    assert not locations.archive_dir().exists()


def test_an_import_of_a_session_with_more_steps_than_a_routine_has_is_refused(
    tmp_path: Path,
) -> None:
    """200,000 steps in one session were accepted (464 MB), and every later read took
    737 MB: a session has at most a routine's 200 steps."""
    step = {"exercise": "cat-cow", "sets_done": 1, "reps_done": 10, "seconds_done": 60.0}
    given = write(tmp_path, "long.json", export(session_table(1, steps=[step] * 201)))
    ran = run("history", "import", str(given))
    assert ran.code == 1
    line = one_line_naming(ran.err, given)
    assert line.endswith(
        "session 1 (id 'import-00001'): steps: may have at most 200 entries (got 201)"
    )
    assert run("history", "--json").out == "[]\n"


def test_a_pain_rating_that_is_not_a_number_is_said_in_our_words(home: Path) -> None:
    good = session(NOW - timedelta(minutes=30))
    HistoryStore(lambda: NOW).record(good)
    (path,) = HistoryStore(lambda: NOW).files()
    path.write_text(
        path.read_text().replace('status = "completed"', 'status = "completed"\npain_before = nan')
    )
    ran = run("history", "--json")
    line = one_line_naming(ran.err, path)
    assert line.endswith(
        "pain_before: must be a finite number (got nan); left out until the file is repaired"
    )
    assert "Input should be" not in ran.err
