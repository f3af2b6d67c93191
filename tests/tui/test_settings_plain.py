"""The settings say plainly what is set and where the focus is, in every theme."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.geometry import Region
from textual.widgets import Label, Switch

from backtimer.domain.routines.settings import Settings
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.settings import SettingsScreen
from tests.tui.helpers import routines_listed, screen_lines, until

Make = Callable[..., BacktimerApp]


def bar(app: BacktimerApp) -> list[str]:
    """The ids of the controls whose setting row has the bar of the focus beside it."""
    return [
        str(row.query_one("Input, Switch, Select").id)
        for row in app.screen.query(".setting")
        if str(row.styles.border_left[0]) == "thick"
    ]


@pytest.mark.parametrize("theme", ["textual-dark", "backtimer-high-contrast"])
async def test_the_focus_is_plain_from_the_start_and_switches_say_on_or_off(
    make_app: Make, theme: str
) -> None:
    app = make_app(Settings(theme=theme, sound=True, flash=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press("f3")
        await until(pilot, lambda: isinstance(app.screen, SettingsScreen))
        await pilot.pause()
        assert bar(app) == ["weekly_goal"]  # the focus, seen as the settings open
        assert str(app.screen.query_one("#sound-state", Label).visual) == "On"
        assert str(app.screen.query_one("#flash-state", Label).visual) == "Off"
        await pilot.press("tab")
        assert bar(app) == ["sound"]
        await pilot.press("space")
        await pilot.pause()
        assert not app.screen.query_one("#sound", Switch).value
        assert str(app.screen.query_one("#sound-state", Label).visual) == "Off"


async def test_the_themes_name_is_whole_on_one_line_at_60_by_20(make_app: Make) -> None:
    app = make_app(Settings(theme="backtimer-high-contrast"))
    async with app.run_test(size=(60, 20)) as pilot:
        await routines_listed(pilot)
        await pilot.press("f3")
        await until(pilot, lambda: isinstance(app.screen, SettingsScreen))
        select = app.screen.query_one("#theme")
        select.scroll_visible(animate=False)
        await pilot.pause()
        lines = screen_lines(app, Region(0, 0, 60, 20))
        assert any("backtimer-high-contrast" in line for line in lines), lines
