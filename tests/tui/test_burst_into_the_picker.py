"""Keys in one write: "desk", Enter and 4 start Desk reset, typed or pasted."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.pain import PainQuestion
from backtimer.tui.screens.picker import PickerScreen
from tests.tui.helpers import answer, routines_listed, until

Make = Callable[..., BacktimerApp]


async def one_write(pilot: Pilot[None], *keys: str | events.Paste) -> None:
    """Hand the app every key at once, as a terminal does with one write."""
    app = pilot.app
    assert app._driver is not None
    for key in keys:
        event = (
            key
            if isinstance(key, events.Paste)
            else events.Key(key, key if len(key) == 1 else None)
        )
        event.set_sender(app)
        app._driver.send_message(event)
    for _ in range(3):
        await pilot.pause()


async def test_desk_enter_4_typed_in_one_write_starts_desk_reset(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await one_write(pilot, "d", "e", "s", "k", "enter", "4")
        await until(pilot, lambda: isinstance(app.screen, PainQuestion))
        question = app.screen
        assert isinstance(question, PainQuestion) and question.routine_name == "Desk reset"
        await answer(pilot, "escape")
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        assert picker.query_one("#filter", Input).value == "desk"  # not "desk4"


async def test_desk_enter_4_pasted_starts_desk_reset(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await one_write(pilot, events.Paste("desk\r4"))
        await until(pilot, lambda: isinstance(app.screen, PainQuestion))
        question = app.screen
        assert isinstance(question, PainQuestion) and question.routine_name == "Desk reset"
