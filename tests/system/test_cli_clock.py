"""The command line reads the date from the clock it is given (`main(argv, now=...)`), so
its tests run on a fixed instant and never on the real date."""

from __future__ import annotations

import inspect
import json
import time
from datetime import UTC, datetime

import pytest

from backtimer.cli import main
from tests.factories import NOW
from tests.system.conftest import backtimer


def test_the_commands_take_today_from_the_clock_they_are_given(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert backtimer("programs", "start", "back-durability-6wk").returncode == 0
    said = json.loads(backtimer("today", "--json").stdout)
    assert (said["today"], said["day"]) == (NOW.date().isoformat(), 1)
    later = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)  # two days on, day 1 still to do
    capsys.readouterr()
    assert main(["today", "--json"], now=lambda: later) == 0
    said = json.loads(capsys.readouterr().out)
    assert (said["today"], said["day"]) == ("2026-11-26", 1)


def test_the_real_clock_is_the_default() -> None:
    """Left to itself, `main` reads the time from the real clock."""
    default = inspect.signature(main).parameters["now"].default
    assert abs(default().timestamp() - time.time()) < 60
    assert default().tzinfo is not None  # aware, as every time the commands compare
