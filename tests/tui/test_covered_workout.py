"""A workout waits while something covers it: the keys (?), the command palette."""

from __future__ import annotations

from collections.abc import Callable

from textual.command import CommandPalette

from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.help import HelpScreen
from backtimer.tui.screens.workout import WorkoutScreen
from tests.fakes import FakeClock
from tests.tui.helpers import advance, start_routine, text, until, work_done, workout

Make = Callable[..., BacktimerApp]


def status(app: BacktimerApp) -> str:
    """How the workout stands (running, paused), whatever is over it."""
    return next(s for s in app.screen_stack if isinstance(s, WorkoutScreen)).workout.engine.status


def on_top(app: BacktimerApp) -> type:
    return type(app.screen)


async def test_the_keys_and_the_palette_pause_the_workout_until_they_close(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "desk")
        screen = workout(app)
        await advance(pilot, clock, 8)
        shown = text(app, "#clock")
        await pilot.press("question_mark")
        assert on_top(app) is HelpScreen
        assert status(app) == "paused"
        clock.advance(30)  # reading the keys
        await pilot.press("escape")
        await pilot.pause()
        assert status(app) == "running"
        assert on_top(app) is WorkoutScreen
        assert text(app, "#clock") == shown  # the 30 s of reading were not counted

        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        assert status(app) == "paused"
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        assert status(app) == "running"

        # "Pause" chosen in the palette: it stays paused once the palette has gone.
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"pause")
        await pilot.pause()
        await work_done(app)
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is screen)
        await pilot.pause()
        assert status(app) == "paused"
