"""Counts in words as a person writes them: "1 step", "1 session", never "1 steps"."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backtimer.domain.history.session import Session, StepRecord, session_json
from tests.system.conftest import backtimer

ONE_STEP = 'format = 1\nname = "One"\n[[step]]\nexercise = "cat-cow"\nreps = 5\ntempo = 3\n'


def test_validate_says_1_step(tmp_path: Path) -> None:
    path = tmp_path / "one.toml"
    path.write_text(ONE_STEP)
    result = backtimer("validate", str(path))
    assert result.returncode == 0
    assert "(One, 1 step, " in result.stdout


def test_importing_one_session_says_1_session(tmp_path: Path) -> None:
    started = datetime(2026, 11, 20, 7, 0, tzinfo=UTC)
    one = Session(
        id="20261120T070000Z-000001",
        routine="desk-reset",
        routine_name="Desk reset",
        started_at=started,
        ended_at=started + timedelta(minutes=7),
        status="completed",
        active_seconds=394,
        paused_seconds=0,
        steps=[StepRecord(exercise="cat-cow", sets_done=1, reps_done=10, seconds_done=60)],
    )
    export = tmp_path / "one.json"
    export.write_text(json.dumps([session_json(one)]))
    result = backtimer("history", "import", str(export))
    assert result.returncode == 0, result.stderr
    assert "of the 1 session in" in result.stdout


def test_every_command_says_what_it_does_in_its_help() -> None:
    for command in ("start", "routines", "exercises", "show", "history", "stats"):
        result = backtimer(command, "--help")
        assert result.returncode == 0
        usage, _, rest = result.stdout.partition("\n\n")
        described = rest.strip().splitlines()[0]
        assert not described.startswith(("positional", "options")), (command, result.stdout)
    assert "Open the timer straight into a routine." in backtimer("start", "--help").stdout


OWN_MOVE = """\
format = 1
name = "Core"
[[step]]
exercise = "dead-bug"
reps = 8
[[exercise]]
id = "dead-bug"
name = "Dead bug"
kind = "strength"
muscles = ["core"]
equipment = ["mat"]
"""


def test_exercises_lists_your_own_moves_after_the_catalogue(home: Path) -> None:
    (home / "routines").mkdir(parents=True)
    (home / "routines" / "core.toml").write_text(OWN_MOVE)
    table = backtimer("exercises").stdout.splitlines()
    (line,) = [row for row in table if row.startswith("dead-bug ")]
    assert "Dead bug" in line and line.rstrip().endswith("core")  # from the routine core
    moves = {move["id"]: move for move in json.loads(backtimer("exercises", "--json").stdout)}
    assert moves["dead-bug"]["source"] == "core" and moves["dead-bug"]["muscles"] == ["core"]
    assert moves["cat-cow"]["source"] == "catalogue"


def test_your_routines_are_listed_by_their_names(home: Path) -> None:
    (home / "routines").mkdir(parents=True)
    for routine_id, name in [("zeta", "Apple"), ("alpha", "Zebra"), ("my-desk", "Desk (mine)")]:
        (home / "routines" / f"{routine_id}.toml").write_text(ONE_STEP.replace("One", name))
    listed = json.loads(backtimer("routines", "--json").stdout)
    yours = [row["name"] for row in listed if row["source"] == "user"]
    assert yours == ["Apple", "Desk (mine)", "Zebra"]


def test_serves_hint_keeps_its_command_whole_on_a_line_of_its_own(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from backtimer.cli.serve import announce

    announce("127.0.0.1", "http://127.0.0.1:8000/3TqAbCdEfGhIjKlMnOpQrZw/")
    lines = capsys.readouterr().out.splitlines()
    assert "  backtimer serve --host 0.0.0.0" in lines
    assert all(len(line) <= 80 for line in lines), lines  # none wraps at 80 columns, nor 100
