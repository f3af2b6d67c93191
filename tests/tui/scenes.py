"""Named moments in the app, reached with keys and fake time.

The snapshot tests compare each scene with its baseline; ``screenshots/make.py``
saves each one as an SVG for the documentation. Add a scene here when a screen is added.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, time, timedelta

from textual.pilot import Pilot

from backtimer.domain.history.session import Session, StepRecord, new_session_id
from backtimer.storage.history import HistoryStore
from backtimer.storage.programmes import start_programme
from backtimer.tui import greeting
from backtimer.tui.app import FLOW, BacktimerApp
from backtimer.tui.screens.workout import WorkoutScreen
from tests.fakes import FakeClock
from tests.progress_histories import a_routine_that_grew, durability, session_of
from tests.tui.conftest import START
from tests.tui.helpers import (
    advance,
    answer,
    open_history,
    routines_listed,
    start_routine,
    work_done,
)
from tests.tui.histories import a_few_weeks, ten_years

Scene = Callable[[Pilot[None], FakeClock], Awaitable[None]]


async def settled(pilot: Pilot[None]) -> None:
    """Wait for workers (loading, saving) and the screen to catch up."""
    await work_done(pilot.app)
    await pilot.pause()


async def picker(pilot: Pilot[None], clock: FakeClock) -> None:
    await routines_listed(pilot)
    await pilot.pause()


async def hold(pilot: Pilot[None], clock: FakeClock) -> None:
    await start_routine(pilot, "durab", pain="4")
    # past the get-ready, the carry (a set in each hand) and the rest
    await pilot.press("n", "n", "n", "n", "n")
    await advance(pilot, clock, 1.5)


async def rest(pilot: Pilot[None], clock: FakeClock) -> None:
    await start_routine(pilot, "durab")
    await pilot.press("n", "n", "n", "n")  # the get-ready, the carry: a set in each hand
    await advance(pilot, clock, 4)


async def side(pilot: Pilot[None], clock: FakeClock) -> None:
    await start_routine(pilot, "desk")
    await advance(pilot, clock, 5 + 20 + 2)  # get ready, the left side, into the switch


async def mat(pilot: Pilot[None], clock: FakeClock) -> None:
    """The mat view: a side of the piriformis stretch, in large type."""
    await start_routine(pilot, "desk")
    await advance(pilot, clock, 5 + 7)
    await pilot.press("v")
    await pilot.pause()


async def massage_mat(pilot: Pilot[None], clock: FakeClock) -> None:
    """The mat view in the rest before the psoas massage: the next move and its side in
    large type, who should skip it, and its safety line."""
    await start_routine(pilot, "culprit")
    screen = pilot.app.screen
    assert isinstance(screen, WorkoutScreen)
    for _ in range(40):  # n until that rest, whatever n does on a side
        segment = screen.segment
        if segment and segment.kind == "rest" and segment.exercise.id == "psoas-massage":
            break
        await pilot.press("n")
    await advance(pilot, clock, 3)
    await pilot.press("v")
    await pilot.pause()


async def self_paced(pilot: Pilot[None], clock: FakeClock) -> None:
    await start_routine(pilot, "contenders")
    await pilot.press(*["n"] * 7, "enter", "enter")


async def summary(pilot: Pilot[None], clock: FakeClock) -> None:
    await start_routine(pilot, "desk", pain="5")
    await advance(pilot, clock, 30)
    await pilot.press("n", "n")
    await advance(pilot, clock, 12)
    await pilot.press("q")
    await answer(pilot, "y")
    await settled(pilot)
    await answer(pilot, "3")  # picked: Enter would give it


async def sore_day(pilot: Pilot[None], clock: FakeClock) -> None:
    """Pain 8 before a workout: the gentlest routine, going on, or rest."""
    await start_routine(pilot, "durab", pain="8")


async def red_flags(pilot: Pilot[None], clock: FakeClock) -> None:
    """The signs that need a doctor, as the keys screen, the guide and the palette open them."""
    await routines_listed(pilot)
    app = pilot.app
    assert isinstance(app, BacktimerApp)
    app.action_red_flags()
    await settled(pilot)


async def morning(pilot: Pilot[None], clock: FakeClock) -> None:
    """The first start on the day after a session: how is your back this morning?"""
    started = START.replace(hour=18) - timedelta(days=1)
    HistoryStore(lambda: START).record(session_of(durability(), started, 2, 3))
    await routines_listed(pilot)
    pilot.app.run_worker(greeting.morning(pilot.app), group=FLOW)  # type: ignore[arg-type]
    await settled(pilot)


async def keys(pilot: Pilot[None], clock: FakeClock) -> None:
    await start_routine(pilot, "desk")
    await pilot.press("question_mark")


async def guide(pilot: Pilot[None], clock: FakeClock) -> None:
    await routines_listed(pilot)
    await pilot.press("f4", "down", "down", "down")


def follow_a_programme() -> None:
    """Flexible back, started a week before START: day 6 missed, all else done."""
    start = START.date() - timedelta(days=7)
    start_programme("flexible-back-3wk", start)
    store = HistoryStore()
    for offset in range(7):
        day = datetime.combine(start + timedelta(days=offset), time(7), tzinfo=UTC)
        if offset == 5:
            continue
        store.record(past_session("flexible-back-morning", day))
        store.record(past_session("flexible-back-evening", day + timedelta(hours=12)))
    store.record(past_session("flexible-back-morning", START - timedelta(hours=1)))


def past_session(routine: str, started: datetime) -> Session:
    return Session(
        id=new_session_id(started),
        routine=routine,
        routine_name=routine,
        started_at=started,
        ended_at=started + timedelta(minutes=8),
        status="completed",
        active_seconds=480,
        paused_seconds=0,
        steps=[
            StepRecord(
                exercise="cat-cow",
                sets_done=1,
                reps_done=10,
                seconds_done=60,
                planned_sets=1,
                planned_reps=10,
            )
        ],
    )


async def programs(pilot: Pilot[None], clock: FakeClock) -> None:
    await routines_listed(pilot)
    await pilot.press("f5")
    await settled(pilot)


async def program_progress(pilot: Pilot[None], clock: FakeClock) -> None:
    follow_a_programme()
    await programs(pilot, clock)


async def picker_today(pilot: Pilot[None], clock: FakeClock) -> None:
    follow_a_programme()
    await routines_listed(pilot)
    await settled(pilot)
    pilot.app.screen.load_today()  # type: ignore[attr-defined]
    await settled(pilot)


async def builder_empty(pilot: Pilot[None], clock: FakeClock) -> None:
    await routines_listed(pilot)
    await pilot.press("ctrl+n")
    await settled(pilot)


async def builder_steps(pilot: Pilot[None], clock: FakeClock) -> None:
    await routines_listed(pilot)
    await pilot.press(*"contenders", "ctrl+e")
    await settled(pilot)
    await pilot.press("down", "down", "down")  # the pelvic tilt, in four timed phases
    await settled(pilot)


async def builder_invalid(pilot: Pilot[None], clock: FakeClock) -> None:
    await routines_listed(pilot)
    await pilot.press(*"durab", "ctrl+e")
    await settled(pilot)
    await pilot.press("down", "down", "tab", "tab", "tab", "tab", "minus", "5")  # the hold
    await settled(pilot)


async def history_empty(pilot: Pilot[None], clock: FakeClock) -> None:
    await open_history(pilot)


async def history(pilot: Pilot[None], clock: FakeClock) -> None:
    a_few_weeks()
    await open_history(pilot)
    await pilot.press("down", "down", "down", "down", "down", "down")  # the one stopped early


async def history_progress(pilot: Pilot[None], clock: FakeClock) -> None:
    a_few_weeks()
    await open_history(pilot)
    await pilot.press("p")


async def history_10k(pilot: Pilot[None], clock: FakeClock) -> None:
    ten_years()
    await open_history(pilot)


def three_easy_sessions() -> None:
    """Back durability 10, 8 and 6 days before START, done in full, pain 2 before and after,
    each next morning answered 2."""
    routine = durability()
    sessions = [
        session_of(routine, START - timedelta(days=d), 2, 2, next_morning=2) for d in (10, 8, 6)
    ]
    HistoryStore(lambda: START).record_many(sessions)


async def summary_next_time(pilot: Pilot[None], clock: FakeClock) -> None:
    """A fourth session of back-durability, stopped after the carry: the three days before
    went well, the dose is a week old, so one step (the carry) can grow a notch."""
    three_easy_sessions()
    await routines_listed(pilot)
    await pilot.press("enter")  # back-durability, the first routine
    await answer(pilot, "2")
    await advance(pilot, clock, 10 + 45 + 15 + 45 + 5, step=1.9)  # the carry, both hands
    await pilot.press("q")
    await answer(pilot, "y")
    await settled(pilot)
    await answer(pilot, "3", "enter")
    await answer(pilot, "n", "enter")  # the note is asked
    await settled(pilot)


async def next_time(pilot: Pilot[None], clock: FakeClock) -> None:
    await summary_next_time(pilot, clock)
    await answer(pilot, "enter")  # save: then the change (one step grows) is asked
    await settled(pilot)


async def history_moves(pilot: Pilot[None], clock: FakeClock) -> None:
    HistoryStore(lambda: START).record_many(a_routine_that_grew(START))
    await open_history(pilot)
    await pilot.press("p")
    await settled(pilot)
    pilot.app.screen.query_one("#moves-progress").scroll_visible(top=True, animate=False)
    await settled(pilot)


async def settings(pilot: Pilot[None], clock: FakeClock) -> None:
    await routines_listed(pilot)
    await pilot.press("f3")
    await settled(pilot)


SCENES: dict[str, Scene] = {
    "picker": picker,
    "hold": hold,
    "rest": rest,
    "side": side,
    "mat": mat,
    "massage_mat": massage_mat,
    "self_paced": self_paced,
    "summary": summary,
    "sore_day": sore_day,
    "red_flags": red_flags,
    "morning": morning,
    "keys": keys,
    "guide": guide,
    "programs": programs,
    "program_progress": program_progress,
    "picker_today": picker_today,
    "builder_empty": builder_empty,
    "builder_steps": builder_steps,
    "builder_invalid": builder_invalid,
    "history_empty": history_empty,
    "history": history,
    "history_progress": history_progress,
    "history_10k": history_10k,
    "settings": settings,
    "summary_next_time": summary_next_time,
}

SCREENSHOTS_ONLY: dict[str, Scene] = {
    "next_time": next_time,
    "history_moves": history_moves,
}
"""Scenes shot for the documentation but not compared as snapshots (each snapshot costs seconds):
their screens are checked by pilot tests (test_progression_flow.py)."""
