"""The picker follows the files: a routine saved or a programme started in another window
or on the command line shows without ctrl+r."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from textual.widgets import OptionList, Static

from backtimer.storage.programmes import start_programme
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.picker import LOOK_EVERY, PickerScreen
from tests.tui.helpers import routines_listed, shown, until

Make = Callable[..., BacktimerApp]

MINE = 'format = 1\nname = "Mine from elsewhere"\n[[step]]\nexercise = "cat-cow"\nreps = 5\n'


def listed(app: BacktimerApp) -> list[str]:
    options = app.screen.query_one("#routines", OptionList)
    return [str(options.get_option_at_index(i).id) for i in range(options.option_count)]


async def test_a_routine_and_a_programme_from_elsewhere_show_without_ctrl_r(
    make_app: Make, home: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        assert LOOK_EVERY <= 5  # it looks every few seconds; here, the look is made at once
        (home / "routines").mkdir(parents=True, exist_ok=True)
        (home / "routines" / "mine.toml").write_text(MINE)
        start_programme("flexible-back-3wk", date(2026, 11, 24))  # as `programs start` does
        picker.look_at_files()
        await until(pilot, lambda: "mine" in listed(app))
        assert "mine" in listed(app)
        banner = picker.query_one("#today-banner", Static)
        await until(pilot, lambda: "Flexible back" in shown(banner))
        assert shown(banner).startswith("Today: Flexible back")
