"""Optional equipment is shown as optional wherever the app says what a move needs."""

from __future__ import annotations

from collections.abc import Callable

from backtimer.tui.app import BacktimerApp
from backtimer.tui.widgets.routine_preview import RoutinePreview
from tests.tui.helpers import routines_listed, shown, text

Make = Callable[..., BacktimerApp]


async def test_the_picker_lists_optional_equipment_apart(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press(*"durab")
        preview = shown(app.screen.query_one(RoutinePreview).query_one("#preview-text"))
        need = "a chair or wall to hold, chair or bench, dumbbell or kettlebell, loop band, mat"
        assert f"You need: {need}\n" in preview
        assert "Optional: barbell, box or bench, weight" in preview


async def test_the_guide_says_the_good_mornings_bar_is_optional(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press("f4")
        await pilot.pause()
        advice = text(app, "#advice")  # a general ache in the lower back: the QL
        line = next(line for line in advice.splitlines() if "Seated good morning" in line)
        assert "Needs: chair or bench; optional: barbell." in line
        assert "Strength. No set count" in line  # a sentence, not "(strength; No set count"
        assert (
            "You need: " in advice and "barbell" not in advice.split("You need: ")[1].split(";")[0]
        )
