"""Pain of 7 or more before a workout is answered before the timer starts: this may be a
day for the gentlest routine or for rest, the gentle routine one key away; going on stays
possible."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from backtimer.domain.routines.sore_day import GENTLE_ID, SAID
from backtimer.storage.history import HistoryStore
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.picker import PickerScreen
from backtimer.tui.screens.sore_day import SoreDay
from tests.fakes import FakeClock
from tests.tui.helpers import (
    answer,
    on_top,
    routines_listed,
    start_routine,
    text,
    toasts,
    work_done,
    workout,
)

Make = Callable[..., BacktimerApp]


def said(app: BacktimerApp) -> str:
    return text(app, "#sore-day-said")


@pytest.mark.parametrize("pain", ["8", "T"])
async def test_a_sore_start_offers_the_gentle_routine_one_key_away(
    make_app: Make, clock: FakeClock, pain: str
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "durab", pain=pain)
        await on_top(pilot, SoreDay)
        assert said(app) == SAID
        await answer(pilot, "g")
        screen = workout(app)
        assert screen.workout.routine_id == GENTLE_ID
        assert text(app, "#exercise") == "Cat-cow"
        assert screen.workout.pain_before == (8 if pain == "8" else 10)


async def test_the_person_can_go_on_with_the_routine_they_chose(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "durab", pain="9")
        await on_top(pilot, SoreDay)
        await answer(pilot, "o")
        screen = workout(app)
        assert (screen.workout.routine_id, screen.workout.pain_before) == ("back-durability", 9)


async def test_rest_starts_nothing_and_records_nothing(make_app: Make, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "durab", pain="7")
        await on_top(pilot, SoreDay)
        await answer(pilot, "escape")
        await work_done(app)
        assert isinstance(app.screen, PickerScreen)
        assert any("rest" in said for said in toasts(app))
    assert HistoryStore().load().sessions == []


async def test_pain_6_starts_the_workout_without_a_word(make_app: Make, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "durab", pain="6")
        assert workout(app).workout.pain_before == 6


async def test_an_enter_typed_with_the_rating_does_not_choose_unread(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press(*"durab", "enter")
        await answer(pilot, "8", "enter")  # the Enter comes with the 8: too soon to be read
        await on_top(pilot, SoreDay)
        await answer(pilot, "enter")  # read: Enter takes the choice with the focus
        assert workout(app).workout.routine_id == GENTLE_ID


async def test_the_question_fits_at_60_by_20(make_app: Make, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await start_routine(pilot, "durab", pain="8")
        await on_top(pilot, SoreDay)
        dialog = app.screen.query_one("#sore-day")
        for button in dialog.query("Button"):
            assert button.region.right <= app.size.width and button.region.width > 0
        assert said(app) == SAID
