"""The offer to carry on a workout cut short survives any command run before the app.

After ``kill -9`` the session's journal stays in ``in-progress/``; the next start
of the app moves it into the history and offers to resume. A data command run
first (``history --json``, ``stats``) moved it too, and the offer was lost
(issue 22, point 11).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from textual.widgets import Label

from backtimer.domain.history.session import Session, StepRecord
from backtimer.storage import library, locations
from backtimer.storage.files import write_atomic
from backtimer.storage.history_file import dump
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.confirm import Confirm
from backtimer.tui.screens.picker import PickerScreen
from tests.system.conftest import backtimer
from tests.tui.conftest import START
from tests.tui.helpers import routines_listed, until, work_done


def left_by_a_killed_app() -> Session:
    """The journal of a Back durability workout killed at step 2, as the app leaves it."""
    (entry,) = [e for e in library.all_routines() if e.id == "back-durability"]
    steps = [
        StepRecord(exercise=p.exercise.id, sets_done=0, reps_done=0, seconds_done=0)
        for p in entry.timeline.steps
    ]
    steps[0] = steps[0].model_copy(update={"sets_done": 2, "seconds_done": 90.0})
    cut = Session(
        id="20261124T070000Z-abcdef",
        routine="back-durability",
        routine_name="Back durability",
        started_at=START - timedelta(minutes=30),
        ended_at=START - timedelta(minutes=27),
        status="interrupted",
        active_seconds=180.0,
        paused_seconds=0.0,
        stopped_at_step=2,
        steps=steps,
    )
    write_atomic(locations.journal_dir() / f"{cut.id}.toml", dump([cut]))
    return cut


@pytest.mark.parametrize("command", [[], ["history", "--json"], ["stats"], ["history"]])
async def test_the_offer_to_resume_survives_a_command_run_before(
    make_app: Callable[..., BacktimerApp], command: list[str]
) -> None:
    cut = left_by_a_killed_app()
    if command:
        assert backtimer(*command).returncode == 0
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        assert isinstance(app.screen, Confirm)
        title = app.screen.query_one(".dialog-title", Label)
        assert str(title.render()) == "Resume Back durability?"
        await pilot.press("escape")
    again = make_app()
    async with again.run_test(size=(100, 30)) as pilot:  # offered once, not at every start
        await routines_listed(pilot)
        await work_done(again)  # the recovery (a worker) has looked for sessions to offer
        await pilot.pause()
        assert isinstance(again.screen, PickerScreen)
    assert [s.id for s in again.services.store.load().sessions] == [cut.id]
