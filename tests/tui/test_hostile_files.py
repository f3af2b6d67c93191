"""Hostile files in the data folder never stop the app (issue 11, points 1, 3 and 6).

A history.toml nested 600 deep made the app crash at every start, so no
workout could be recorded at all; a pipe in routines/ hung the picker.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from backtimer.cli import screens
from backtimer.storage import locations
from backtimer.storage.history import HistoryStore
from backtimer.tui import app as app_module
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.picker import PickerScreen
from backtimer.tui.screens.summary import SummaryScreen
from tests.factories import write
from tests.fakes import FakeClock
from tests.hostile import GOOD_ROUTINE, NESTING
from tests.tui.helpers import advance, answer, routines_listed, start_routine, work_done, workout

Make = Callable[..., BacktimerApp]


async def test_a_workout_is_recorded_beside_a_hostile_history_and_a_pipe(
    make_app: Make, clock: FakeClock, home: Path
) -> None:
    write(home, "history.toml", f"[[session]]\n{NESTING}\n")
    os.mkfifo(home / "routines.toml")  # not a folder of routines: ignored
    write(home / "routines", "mine.toml", GOOD_ROUTINE)
    os.mkfifo(home / "routines" / "pipe.toml")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await start_routine(pilot, "Mine")
        await advance(pilot, clock, workout(app).workout.timeline.estimated_seconds + 1, step=1.0)
        await work_done(app)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await answer(pilot, "ctrl+s")
        await work_done(app)
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
    (session,) = HistoryStore().load().sessions
    assert session.status == "completed"
    (aside,) = home.glob("history.toml.unreadable-*")
    assert aside.read_text() == f"[[session]]\n{NESTING}\n"
    assert (locations.routines_dir() / "pipe.toml").exists()


def test_the_exit_status_after_a_crash_is_not_0(monkeypatch: pytest.MonkeyPatch) -> None:
    class Crashing(BacktimerApp):
        def run(self, *args: object, **kwargs: object) -> None:
            self._return_code = 1  # what Textual sets when the app dies of an exception

    monkeypatch.setattr(app_module, "BacktimerApp", Crashing)
    assert screens.run(argparse.Namespace(routine=None)) == 1
