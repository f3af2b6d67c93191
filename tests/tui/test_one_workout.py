"""Served to browsers, the app runs one workout at a time across all its copies.

Another copy is stood for by a second `WorkoutSlot`: a lock held through
another open file, as another process's would be.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import messages
from textual.pilot import Pilot

from backtimer.storage import locations
from backtimer.storage.history import HistoryStore
from backtimer.storage.workout_slot import WorkoutSlot
from backtimer.tui.app import IN_USE_ELSEWHERE, BacktimerApp
from backtimer.tui.screens.confirm import Confirm
from backtimer.tui.screens.pain import PainQuestion
from backtimer.tui.screens.picker import PickerScreen
from backtimer.tui.screens.summary import SummaryScreen
from tests.fakes import FakeClock
from tests.tui.helpers import (
    advance,
    answer,
    burst,
    read_the_question,
    routines_listed,
    start_routine,
    told,
    until,
    work_done,
    workout,
)

MakeApp = Callable[..., BacktimerApp]


async def test_a_second_copy_is_told_a_workout_is_under_way_and_starts_none(
    make_app: MakeApp,
) -> None:
    elsewhere = WorkoutSlot()
    assert elsewhere.take()  # another browser's copy is in a workout
    app = make_app()
    app.services.workout_slot = WorkoutSlot()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert IN_USE_ELSEWHERE in told(app)  # said as soon as it opens
        app.clear_notifications()
        await routines_listed(pilot)
        await pilot.press("d", "e", "s", "k", "enter")  # start the desk routine
        await until(pilot, lambda: bool(told(app)))  # the refusal is said again
        assert isinstance(app.screen, PickerScreen)  # no pain question, no timer
        assert set(told(app)) == {IN_USE_ELSEWHERE}


async def test_the_copy_in_a_workout_holds_the_slot_until_the_workout_ends(
    make_app: MakeApp,
) -> None:
    elsewhere = WorkoutSlot()
    app = make_app()
    app.services.workout_slot = WorkoutSlot()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "desk")
        workout(app)
        assert not elsewhere.take()  # the other browsers cannot start one now
        await pilot.press("q")
        assert isinstance(app.screen, Confirm)
        await answer(pilot, "y")
        await work_done(app)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert elsewhere.take()  # free again once the workout has ended
        elsewhere.give_back()


async def test_a_workout_not_begun_gives_the_slot_back(make_app: MakeApp) -> None:
    app = make_app()
    app.services.workout_slot = WorkoutSlot()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "desk", pain="escape")
        assert not isinstance(app.screen, PainQuestion)
        assert WorkoutSlot().free()


async def test_a_browser_closed_mid_workout_saves_it_as_stopped(
    make_app: MakeApp, clock: FakeClock
) -> None:
    """A closed tab tells the app to exit (textual-serve's "quit"), as a signal does."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "desk", pain="4")
        await advance(pilot, clock, 12)
        app.post_message(messages.ExitApp())
        await pilot.pause()
    (session,) = HistoryStore().load().sessions
    assert (session.status, session.pain_before, session.active_seconds) == ("stopped", 4, 12)
    assert not list(locations.journal_dir().glob("*.toml"))  # nothing left to recover


async def stopped_after_12_seconds(pilot: Pilot[None], clock: FakeClock) -> None:
    """Start the desk routine, stop it 12 s in and wait for its summary."""
    await start_routine(pilot, "desk")
    await advance(pilot, clock, 12)
    await pilot.press("q")
    await answer(pilot, "y")
    await work_done(pilot.app)
    await pilot.pause()
    assert isinstance(pilot.app.screen, SummaryScreen)


async def test_a_browser_closed_on_the_summary_keeps_what_was_answered(
    make_app: MakeApp, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await stopped_after_12_seconds(pilot, clock)
        await answer(pilot, "2", "enter")
        await answer(pilot, "y")  # picked, not yet given
        await pilot.pause()
        app.post_message(messages.ExitApp())
        await pilot.pause()
    (session,) = HistoryStore().load().sessions
    assert (session.pain_after, session.leg_symptoms) == (2, True)


async def test_keys_handed_over_in_bursts_land_where_they_were_typed(
    make_app: MakeApp, clock: FakeClock
) -> None:
    """A browser (or a fast typist) hands over keys in bursts: the rating and Enter in
    one, the answer to the leg question in the next, the note and Enter in the last.
    Each lands on its own question; the "t" of "the" never re-rates the pain as 10."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await stopped_after_12_seconds(pilot, clock)
        await read_the_question(pilot)
        await burst(pilot, "2", "enter")
        await read_the_question(pilot)
        await burst(pilot, "n", "enter")
        await read_the_question(pilot)
        await burst(pilot, *"from the mat", "enter")
        await work_done(app)
        await pilot.pause()
    (session,) = HistoryStore().load().sessions
    assert (session.pain_after, session.leg_symptoms, session.note) == (2, False, "from the mat")
