"""The settings screen: each change applies at once and is saved; a wrong value is refused."""

from __future__ import annotations

import tomllib
from collections.abc import Callable

from textual.widgets import Input, Select, Switch

from backtimer.storage import locations
from backtimer.storage.settings import load_settings
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.settings import SettingsScreen
from backtimer.tui.themes import OFFERED
from tests.tui.helpers import open_history, routines_listed, start_routine, text, toasts, work_done
from tests.tui.histories import a_few_weeks

Make = Callable[..., BacktimerApp]


def saved() -> dict[str, object]:
    return tomllib.loads(locations.settings_file().read_text())


async def test_a_new_weekly_goal_is_saved_and_used_by_the_history(make_app: Make) -> None:
    a_few_weeks()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press("f3")
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.focused is app.screen.query_one("#weekly_goal", Input)
        await pilot.press("backspace", "4")
        await work_done(app)
        assert saved()["weekly_goal"] == 4
        assert app.services.settings.weekly_goal == 4
        await pilot.press("escape")
        await open_history(pilot)
        assert text(app, "#stats").splitlines()[1] == "This week: 2 of 4 sessions · 10 min"


async def test_a_goal_out_of_range_is_marked_and_not_saved(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press("f3")
        await pilot.press("backspace", "0")
        await work_done(app)
        goal = app.screen.query_one("#weekly_goal", Input)
        assert goal.has_class("-invalid")
        assert "Fix the marked field" in text(app, "#settings-problem")
        assert app.services.settings.weekly_goal == 3
        assert not locations.settings_file().exists()
        await pilot.press("backspace", "2", "2")  # 2 is allowed (and saved), 22 is not
        await work_done(app)
        assert "Fix the marked field" in text(app, "#settings-problem")
        assert saved()["weekly_goal"] == 2


async def test_switches_and_get_ready_seconds_are_saved_and_used(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press("f3")
        await pilot.press("tab", "space")  # the bell off
        await pilot.press("tab", "tab", "space")  # spoken cues on
        await pilot.press("tab", "space")  # cue sounds on
        await pilot.press("tab", "space")  # workouts start in the mat view
        await pilot.press("tab", *"12")  # get ready for 12 seconds
        await work_done(app)
        assert app.screen.query_one("#sound", Switch).value is False
        assert (saved()["sound"], saved()["flash"], saved()["voice"]) == (False, True, True)
        assert saved()["cue_sounds"] is True and saved()["mat_view"] is True
        assert saved()["lead_in"] == 12
        assert load_settings() == (app.services.settings, [])
        await pilot.press("escape")
        await start_routine(pilot, "desk")
        assert text(app, "#clock") == "12"
        assert app.screen.has_class("-mat")


async def test_a_theme_applies_at_once_and_is_saved(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press("f3")
        await pilot.press(*["tab"] * 7)
        assert app.screen.focused is app.screen.query_one("#theme", Select)
        await pilot.press("enter", "down", "enter")
        await work_done(app)
        chosen = OFFERED[OFFERED.index("textual-dark") + 1]  # the offered themes, in order
        assert app.theme == chosen == "backtimer-high-contrast"
        assert saved()["theme"] == chosen


async def test_an_unknown_theme_is_reported_and_the_default_used(make_app: Make) -> None:
    locations.data_dir().mkdir()
    locations.settings_file().write_text('theme = "no-such-theme"\n')
    settings, problems = load_settings()
    app = make_app(settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        assert app.theme == "textual-dark"
        assert any("theme: there is no theme 'no-such-theme'" in said for said in toasts(app))
        await pilot.press("f3")
        await work_done(app)
        assert app.screen.query_one("#theme", Select).value == "textual-dark"
        assert locations.settings_file().read_text() == 'theme = "no-such-theme"\n'  # untouched
