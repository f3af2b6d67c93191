"""ctrl+q in a workout asks first (ctrl+q again quits), and the shell is told what was kept."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from backtimer.storage.history import HistoryStore
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.quit_question import QuitQuestion
from backtimer.tui.screens.workout import WorkoutScreen
from tests.fakes import FakeClock
from tests.tui.helpers import advance, answer, start_routine, until, work_done, workout

Make = Callable[..., BacktimerApp]


def status(screen: WorkoutScreen) -> str:
    return screen.workout.engine.status


async def test_ctrl_q_in_a_workout_asks_and_no_goes_back_to_it(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "desk")
        screen = workout(app)
        await advance(pilot, clock, 8)
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, QuitQuestion))
        question = app.screen
        assert isinstance(question, QuitQuestion)
        assert "saved as stopped at step 1 of 6" in question.detail
        assert "not resumed" in question.detail  # said plainly, before it happens
        assert status(screen) == "paused"  # the clock waits for the answer
        await answer(pilot, "n")
        assert app.screen is screen and status(screen) == "running"
    assert HistoryStore().load().sessions == []  # nothing ended: nothing recorded yet


async def test_ctrl_q_twice_quits_saves_as_stopped_and_tells_the_shell(
    make_app: Make, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "desk", pain="6")
        await advance(pilot, clock, 20)
        await pilot.press("ctrl+q")
        clock.advance(0.12)  # 120 ms later: a second ctrl+q is never held back
        await pilot.press("ctrl+q")
        await work_done(app)
    (session,) = HistoryStore().load().sessions
    assert (session.status, session.pain_before, session.stopped_at_step) == ("stopped", 6, 1)
    assert session.active_seconds == 20
    assert capsys.readouterr().err.strip() == "Desk reset saved as stopped at step 1 of 6."
