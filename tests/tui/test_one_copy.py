"""One copy of a built-in routine: the builder's copy is remembered for programmes, and a
second ctrl+e on the built-in offers that copy before making another."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from backtimer.storage.programmes import load_state
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.builder import BuilderScreen
from backtimer.tui.screens.confirm import Confirm
from backtimer.tui.screens.picker import PickerScreen
from tests.tui.helpers import answer, routines_listed, until, work_done

Make = Callable[..., BacktimerApp]


def on(app: BacktimerApp, kind: type) -> Callable[[], bool]:
    return lambda: isinstance(app.screen, kind)


async def test_the_builders_copy_is_run_by_programmes_and_offered_again(
    make_app: Make, home: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press(*"desk", "ctrl+e")
        await until(pilot, on(app, BuilderScreen))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: (home / "routines" / "my-desk-reset.toml").exists())
        await work_done(app)
        assert load_state()[0].copies == {"desk-reset": "my-desk-reset"}
        await pilot.press("escape", "escape")
        await until(pilot, on(app, PickerScreen))
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        await until(pilot, lambda: any(e.id == "my-desk-reset" for e in picker.entries))
        assert any(e.id == "my-desk-reset" for e in picker.entries)  # read again

        highlighted = picker.selected()
        assert highlighted is not None and highlighted.id == "desk-reset"
        await pilot.press("ctrl+e")
        await until(pilot, on(app, Confirm))
        question = app.screen
        assert isinstance(question, Confirm)
        assert question.question == "You have your own Desk reset"
        await answer(pilot, "escape")  # neither: nothing opens
        await until(pilot, on(app, PickerScreen))
        assert isinstance(app.screen, PickerScreen)

        await pilot.press("ctrl+e")
        await until(pilot, on(app, Confirm))
        await answer(pilot, "y")  # change my copy
        await until(pilot, on(app, BuilderScreen))
        builder = app.screen
        assert isinstance(builder, BuilderScreen)
        assert (builder.routine_id, builder.draft.name) == ("my-desk-reset", "Desk reset (mine)")
        await pilot.press("escape", "escape")
        await until(pilot, on(app, PickerScreen))

        await pilot.press("ctrl+e")
        await until(pilot, on(app, Confirm))
        await answer(pilot, "n")  # a second copy, under a name of its own
        await until(pilot, on(app, BuilderScreen))
        builder = app.screen
        assert isinstance(builder, BuilderScreen)
        assert (builder.routine_id, builder.draft.name) == (
            "my-desk-reset-2",
            "Desk reset (mine 2)",
        )
