"""Counts in words as a person writes them: "1 step", "1 session", never "1 steps"."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from backtimer.domain.history import Session, StepRecord, session_json
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
