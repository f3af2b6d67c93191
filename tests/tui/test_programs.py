"""The programmes screen and the picker's banner, driven with keys."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import OptionList, Static

from backtimer.storage.history import HistoryStore
from backtimer.storage.programmes import load_state
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.confirm import Confirm
from backtimer.tui.screens.pain import PainQuestion
from backtimer.tui.screens.picker import PickerScreen
from backtimer.tui.screens.programmes import ProgrammesScreen
from tests.tui.helpers import answer, routines_listed, shown, text
from tests.tui.scenes import follow_a_programme, programs, settled

MakeApp = Callable[..., BacktimerApp]


def active() -> str | None:
    state, _ = load_state()
    return state.active.program if state.active else None


async def test_start_a_programme_and_the_picker_leads_with_today(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await programs(pilot, None)  # type: ignore[arg-type]
        assert isinstance(app.screen, ProgrammesScreen)
        assert app.screen.query_one("#program-list", OptionList).option_count == 2
        await pilot.press("down", "enter")
        await settled(pilot)
        assert active() == "flexible-back-3wk"
        assert text(app, "#program-today").startswith("Flexible back: morning — day 1 of 21")
        assert "Week 1  ● · · · · · ·" in text(app, "#program-grid")
        await pilot.press("escape")
        await settled(pilot)
        assert isinstance(app.screen, PickerScreen)
        banner = text(app, "#today-banner")
        assert banner == "Today: Flexible back: morning — day 1 of 21 · F6 to start"


async def test_replacing_the_active_programme_asks_first(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await programs(pilot, None)  # type: ignore[arg-type]
        await pilot.press("enter")
        await settled(pilot)
        assert active() == "back-durability-6wk"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await answer(pilot, "n")
        await settled(pilot)
        assert active() == "back-durability-6wk"
        await pilot.press("enter")
        await answer(pilot, "y")
        await settled(pilot)
        assert active() == "flexible-back-3wk"
        assert [p.program for p in load_state()[0].past] == ["back-durability-6wk"]


async def test_leaving_asks_and_keeps_the_history(make_app: MakeApp) -> None:
    follow_a_programme()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        sessions = len(app.services.store.load().sessions)
        await programs(pilot, None)  # type: ignore[arg-type]
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await answer(pilot, "y")
        await settled(pilot)
        assert active() is None
        assert not app.screen.query_one("#program-grid", Static).display
        assert len(app.services.store.load().sessions) == sessions


async def test_progress_shows_done_missed_and_today(make_app: MakeApp) -> None:
    follow_a_programme()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await programs(pilot, None)  # type: ignore[arg-type]
        today = text(app, "#program-today")
        assert today.startswith(
            "Flexible back: evening — day 8 of 21 — 1 day missed, the plan goes on"
        )
        assert "morning  Flexible back: morning  done ✓" in today
        assert "Week 1  ✓ ✓ ✓ ✓ ✓ ✗ ✓" in text(app, "#program-grid")
        assert "Week 2  ● · · · · · ·" in text(app, "#program-grid")


async def test_f6_in_the_picker_and_t_in_the_programmes_start_todays_session(
    make_app: MakeApp,
) -> None:
    follow_a_programme()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press("f6")
        await settled(pilot)
        assert isinstance(app.screen, PainQuestion)
        assert "Flexible back: evening" in shown(app.screen.query_one(".dialog-title"))
        await answer(pilot, "escape")
        await programs(pilot, None)  # type: ignore[arg-type]
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, PainQuestion)


async def test_the_programmes_screen_says_when_a_flare_up_calls_for_an_easier_week(
    make_app: MakeApp,
) -> None:
    follow_a_programme()
    store = HistoryStore()
    last = max(store.load().sessions, key=lambda s: s.started_at)
    store.record(
        last.model_copy(update={"id": f"{last.id}-legs", "leg_symptoms": True, "pain_before": 1})
    )
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await programs(pilot, None)  # type: ignore[arg-type]
        today = text(app, "#program-today")
        assert "Easier week, to" in today
        assert "ran down a leg" in today
        assert "doctor or a physiotherapist" in today
