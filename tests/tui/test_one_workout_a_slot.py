"""Two windows, one routine: starting what another backtimer is running asks first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from backtimer.domain.history.session import Session
from backtimer.storage.history import HistoryStore
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.confirm import Confirm
from backtimer.tui.screens.pain import PainQuestion
from backtimer.tui.screens.picker import PickerScreen
from tests.tui.conftest import START
from tests.tui.helpers import answer, routines_listed, until

Make = Callable[..., BacktimerApp]


def running_elsewhere() -> HistoryStore:
    """Another copy of backtimer (another lock on the journal) in Desk reset's first step."""
    other = HistoryStore()
    session = Session(
        id="20261124T073000Z-elsewh",
        routine="desk-reset",
        routine_name="Desk reset",
        started_at=START,
        ended_at=START + timedelta(minutes=1),
        status="interrupted",
        active_seconds=60,
        paused_seconds=0,
        steps=[],
        stopped_at_step=1,
    )
    other.journal(session.id).save(session)
    return other


async def test_starting_a_routine_another_window_runs_asks_first(make_app: Make) -> None:
    other = running_elsewhere()  # holds its journal's lock while this test runs
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press(*"desk", "enter")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        question = app.screen
        assert isinstance(question, Confirm)
        assert question.question == "Desk reset is under way in another window"
        await answer(pilot, "n")
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        await answer(pilot, "y")
        await until(pilot, lambda: isinstance(app.screen, PainQuestion))
        assert isinstance(app.screen, PainQuestion)
        # Another routine is not asked about.
        await answer(pilot, "escape")
        await pilot.press("escape", *"durab", "enter")
        await until(pilot, lambda: isinstance(app.screen, PainQuestion))
        assert isinstance(app.screen, PainQuestion)
    assert [s.routine for s in HistoryStore().under_way_elsewhere()] == ["desk-reset"]
    assert other.under_way_elsewhere() == []  # its own session is not "elsewhere" to it


async def test_the_palettes_start_asks_too(make_app: Make) -> None:
    """Every way in asks: the palette's "Start Desk reset" as the picker's Enter does."""
    from textual.command import CommandList, CommandPalette

    running_elsewhere()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press("ctrl+p", *"start desk")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        palette = app.screen
        found = palette.query_one(CommandList)
        await until(
            pilot,
            lambda: (
                found.option_count > 0
                and str(found.get_option_at_index(0).prompt).startswith("Start Desk reset")
            ),
        )
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, (Confirm, PainQuestion)))
        question = app.screen
        assert isinstance(question, Confirm)
        assert question.question == "Desk reset is under way in another window"
