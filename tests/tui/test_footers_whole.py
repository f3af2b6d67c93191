"""Every footer shows whole keys at every supported size, the key to the rest among them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets._footer import FooterKey

from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.builder import BuilderScreen
from backtimer.tui.screens.guide import GuideScreen
from backtimer.tui.screens.programmes import ProgrammesScreen
from backtimer.tui.screens.settings import SettingsScreen
from backtimer.tui.screens.summary import SummaryScreen
from tests.tui.helpers import (
    answer,
    open_history,
    routines_listed,
    screen_lines,
    start_routine,
    until,
)

Make = Callable[..., BacktimerApp]
SIZES = [(60, 20), (100, 30)]


async def picker(pilot: Pilot[None]) -> None:
    await routines_listed(pilot)


async def builder(pilot: Pilot[None]) -> None:
    await routines_listed(pilot)
    await pilot.press("ctrl+n")
    await until(pilot, lambda: isinstance(pilot.app.screen, BuilderScreen))


async def history(pilot: Pilot[None]) -> None:
    await open_history(pilot)


async def a_workout(pilot: Pilot[None]) -> None:
    await start_routine(pilot, "desk")


async def summary(pilot: Pilot[None]) -> None:
    await start_routine(pilot, "desk")
    await pilot.press("q")
    await answer(pilot, "y")  # "Stop the workout?"
    await until(pilot, lambda: isinstance(pilot.app.screen, SummaryScreen))


async def settings(pilot: Pilot[None]) -> None:
    await routines_listed(pilot)
    await pilot.press("f3")
    await until(pilot, lambda: isinstance(pilot.app.screen, SettingsScreen))


async def guide(pilot: Pilot[None]) -> None:
    await routines_listed(pilot)
    await pilot.press("f4")
    await until(pilot, lambda: isinstance(pilot.app.screen, GuideScreen))


async def programmes(pilot: Pilot[None]) -> None:
    await routines_listed(pilot)
    await pilot.press("f5")
    await until(pilot, lambda: isinstance(pilot.app.screen, ProgrammesScreen))


SCREENS: dict[str, Callable[[Pilot[None]], Awaitable[None]]] = {
    "picker": picker,
    "builder": builder,
    "history": history,
    "workout": a_workout,
    "settings": settings,
    "summary": summary,
    "guide": guide,
    "programmes": programmes,
}
MUST = {"workout": ["Pause", "Skip rest", "Stop", "Keys"], "picker": ["Start", "Keys"]}
"""What each footer shows at the smallest size, besides the key to every key."""


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(SCREENS))
async def test_the_footer_shows_whole_keys_and_the_way_to_the_rest(
    make_app: Make, name: str, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await SCREENS[name](pilot)
        await pilot.pause()
        width, height = size
        (line,) = screen_lines(app, Region(0, height - 1, width, 1))
        keys = list(app.screen.query(FooterKey))
        words = [key.description for key in keys]
        assert "Keys" in words, line
        for key in keys:
            shown = f"{key.key_display} {key.description}"
            assert shown in line, f"{shown!r} is cut in {line!r}"
        for must in MUST.get(name, []):
            assert must in words, line
