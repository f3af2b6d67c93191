"""What the app asks as it starts (the red flags the first time, the morning after a
session) and the red flags wherever they are asked for: the keys screen, the guide, the
palette. A red flag said to apply stops growth until it is said to be checked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from backtimer.domain.coaching import red_flags
from backtimer.storage import coaching, library
from backtimer.storage.history import HistoryStore
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.help import HelpScreen
from backtimer.tui.screens.morning import MorningQuestion
from backtimer.tui.screens.pain import PainQuestion
from backtimer.tui.screens.picker import PickerScreen
from backtimer.tui.screens.red_flags import RedFlagsScreen
from backtimer.tui.screens.summary import SummaryScreen
from backtimer.tui.widgets.suggestions import Suggestions
from tests.fakes import FakeClock
from tests.progress_histories import durability, session_of
from tests.tui.conftest import START
from tests.tui.helpers import (
    advance,
    answer,
    on_top,
    routines_listed,
    shown,
    text,
    told,
    until,
    work_done,
    workout,
)
from tests.tui.scenes import three_easy_sessions

Make = Callable[..., BacktimerApp]


def seen_before() -> None:
    coaching.red_flags_shown(START - timedelta(days=30))


def yesterday_evening() -> None:
    started = START.replace(hour=18) - timedelta(days=1)
    HistoryStore(lambda: START).record(session_of(durability(), started, 2, 3))


async def test_the_first_start_shows_the_red_flags_once(make_app: Make, clock: FakeClock) -> None:
    app = make_app(greet=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_top(pilot, RedFlagsScreen)
        said = " ".join(shown(app.screen.query_one("#red-flags-text HangingText")).split())
        for line in (*red_flags.TODAY, *red_flags.SOON, *red_flags.NERVE):
            assert line in said
        assert "Enter: I have read them" in text(app, "#red-flags-keys")
        await answer(pilot, "enter")
        await on_top(pilot, PickerScreen)
        await work_done(app)
    state, _ = coaching.load_coaching()
    assert state.red_flags_shown == START + timedelta(seconds=1)  # read, then Enter
    assert not state.red_flag_open

    again = make_app(greet=True)
    async with again.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await work_done(again)
        await pilot.pause()
        assert isinstance(again.screen, PickerScreen)


async def test_a_red_flag_said_to_apply_keeps_the_timer_and_stops_growth(
    make_app: Make, clock: FakeClock
) -> None:
    three_easy_sessions()  # the next session would grow every step
    app = make_app(greet=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_top(pilot, RedFlagsScreen)
        await answer(pilot, "a")
        assert text(app, "#red-flags-status") == red_flags.WHEN_ONE_APPLIES
        await pilot.press("enter")
        await on_top(pilot, PickerScreen)
        await work_done(app)
        assert coaching.red_flag_open()

        await routines_listed(pilot)
        await pilot.press("enter")  # back durability: the timer works as ever
        await answer(pilot, "2")
        await until(pilot, lambda: red_flags.STILL_OPEN in told(app))
        assert red_flags.STILL_OPEN in told(app)
        await advance(pilot, clock, 10 + 45 + 15 + 45 + 5, step=1.9)
        await pilot.press("q")
        await answer(pilot, "y")
        await work_done(app)
        await on_top(pilot, SummaryScreen)
        await answer(pilot, "2", "enter")
        await work_done(app)
        await pilot.pause()
        suggested = shown(app.screen.query_one(Suggestions))
        assert "keep every step as it is" in suggested
        assert "warning sign applies" in suggested


async def test_the_keys_screen_lists_the_red_flags_and_w_says_it_was_checked(
    make_app: Make, clock: FakeClock
) -> None:
    coaching.open_red_flag(START - timedelta(days=2))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press("f1")
        await on_top(pilot, HelpScreen)
        listed = " ".join(shown(app.screen.query_one("#help-red-flags")).split())
        assert all(line in listed for line in red_flags.TODAY)
        await pilot.press("w")
        await on_top(pilot, RedFlagsScreen)
        assert text(app, "#red-flags-status") == red_flags.OPEN_NOW
        await answer(pilot, "c")
        await pilot.press("enter")
        await on_top(pilot, PickerScreen)
        await work_done(app)
        await until(pilot, lambda: red_flags.CHECKED in told(app))
        assert red_flags.CHECKED in told(app)
    assert not coaching.red_flag_open()


async def test_the_guide_and_the_palette_open_the_red_flags(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("w")
        await on_top(pilot, RedFlagsScreen)
        await answer(pilot, "escape")
        await pilot.press("escape")  # out of the guide
        await on_top(pilot, PickerScreen)
        await pilot.press("ctrl+p", *"warning")
        await work_done(app)
        await pilot.pause()
        await pilot.press("enter")
        await on_top(pilot, RedFlagsScreen)


async def test_the_morning_after_a_session_is_asked_once(make_app: Make, clock: FakeClock) -> None:
    seen_before()
    yesterday_evening()
    app = make_app(greet=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_top(pilot, MorningQuestion)
        assert text(app, "#morning-question") == (
            "How is your back this morning, after Back durability yesterday?"
        )
        await answer(pilot, "3")
        await on_top(pilot, PickerScreen)
        await work_done(app)
    (session,) = HistoryStore().load().sessions
    assert session.next_morning == 3

    again = make_app(greet=True)
    async with again.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await work_done(again)
        await pilot.pause()
        assert isinstance(again.screen, PickerScreen)


async def test_a_skipped_morning_is_not_asked_again(make_app: Make, clock: FakeClock) -> None:
    seen_before()
    yesterday_evening()
    app = make_app(greet=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_top(pilot, MorningQuestion)
        await answer(pilot, "enter")
        await on_top(pilot, PickerScreen)
        await work_done(app)
    (session,) = HistoryStore().load().sessions
    assert session.next_morning is None
    again = make_app(greet=True)
    async with again.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await work_done(again)
        await pilot.pause()
        assert isinstance(again.screen, PickerScreen)


async def test_the_morning_is_asked_once_the_clock_has_moved_on_a_day(
    make_app: Make, clock: FakeClock
) -> None:
    seen_before()
    app = make_app(greet=True)
    async with app.run_test(size=(100, 30)) as pilot:  # a session at START, the app open
        await routines_listed(pilot)
        await work_done(app)
        await pilot.press(*"desk", "enter")
        await answer(pilot, "2")
        await advance(pilot, clock, 30)
        await pilot.press("q")
        await answer(pilot, "y")
        await work_done(app)
        await on_top(pilot, SummaryScreen)
        await answer(pilot, "ctrl+s")
        await on_top(pilot, PickerScreen)
    clock.advance(24 * 3600)  # the next morning
    tomorrow = make_app(greet=True)
    async with tomorrow.run_test(size=(100, 30)) as pilot:
        await on_top(pilot, MorningQuestion)
        assert "after Desk reset yesterday" in text(tomorrow, "#morning-question")


async def test_a_routine_started_from_the_shell_comes_after_the_first_starts_red_flags(
    make_app: Make,
) -> None:
    entry = next(e for e in library.builtin_routines() if e.id == "desk-reset")
    app = make_app(greet=True, start=entry)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_top(pilot, RedFlagsScreen)
        await answer(pilot, "enter")
        await on_top(pilot, PainQuestion)
        await answer(pilot, "1")
        assert workout(app).workout.routine_id == "desk-reset"
