"""A workout stopped in its first seconds is kept, and the Stop question says so."""

from __future__ import annotations

from collections.abc import Callable

from backtimer.storage.history import HistoryStore
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.confirm import Confirm
from tests.fakes import FakeClock
from tests.tui.helpers import advance, answer, start_routine, until, work_done

Make = Callable[..., BacktimerApp]


async def test_stopping_after_two_seconds_says_the_session_is_kept(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "desk")
        await advance(pilot, clock, 2)
        await pilot.press("q")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        question = app.screen
        assert isinstance(question, Confirm)
        assert question.detail.startswith("Only 2 s done so far: it is kept in your history")
        await answer(pilot, "y")
        await work_done(app)
    (session,) = HistoryStore().load().sessions
    assert (session.status, session.active_seconds) == ("stopped", 2)
