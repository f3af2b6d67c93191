"""No toast covers a question's answers or a workout's instructions: a workout says its
notices in its own line; elsewhere toasts sit at the top right, over no answer."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.geometry import Region
from textual.widgets._toast import Toast

from backtimer.domain.routines.settings import Settings
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.confirm import Confirm
from backtimer.tui.screens.pain import PainQuestion
from tests.tui.helpers import answer, routines_listed, start_routine, text, until, workout

Make = Callable[..., BacktimerApp]


def toasts(app: BacktimerApp) -> list[Region]:
    return [toast.region for toast in app.screen.query(Toast) if toast.region.area]


async def test_in_a_workout_notices_are_said_in_its_line_not_over_the_instructions(
    make_app: Make,
) -> None:
    app = make_app(Settings(voice=True, sound=False, flash=False))  # and no speech program
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await start_routine(pilot, "desk")
        screen = workout(app)
        await pilot.pause()
        assert toasts(app) == []  # "… This workout has no voice." came as it began
        assert "This workout has no voice" in text(app, "#status")
        await pilot.press("m")
        await pilot.pause()
        assert toasts(app) == []
        assert text(app, "#status") == "Cues off"
        instructions = screen.query_one("#instructions").region
        assert instructions.area and not any(t.overlaps(instructions) for t in toasts(app))


@pytest.mark.parametrize("size", [(100, 30), (60, 20)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_toast_waits_while_a_question_is_asked(
    make_app: Make, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        await routines_listed(pilot)
        await pilot.press(*"desk", "enter")  # the pain question
        await until(pilot, lambda: isinstance(app.screen, PainQuestion))
        app.notify("Saved as 'guide-sitting': one of your routines now.", timeout=30)
        app.notify("A second notice, to stack them up.", timeout=30)
        await pilot.pause()
        assert toasts(app) == []  # not over the scale, nor its hint
        await answer(pilot, "escape")  # back to the picker: there they are
        await until(pilot, lambda: len(toasts(app)) == 2)
        assert len(toasts(app)) == 2
        safety = app.screen.query_one("#safety").region
        assert not any(t.overlaps(safety) for t in toasts(app))  # nor over the safety line
        app.push_screen(Confirm("Delete it?", "A question with its answers at its foot."))
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.pause()
        assert toasts(app) == []
