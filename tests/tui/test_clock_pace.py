"""The running clock: what it shows agrees second by second, and it wakes once a second.

The big clock, the progress bar and the "left" beside it are all read from
the same whole second, so they change together; and the screen's timer sleeps
until the shown second changes, never waking in between when nothing is due.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from backtimer.tui.app import BacktimerApp
from backtimer.tui.widgets.routine_progress import RoutineBar, TimeLeft
from tests.fakes import FakeClock
from tests.tui.helpers import advance, start_routine, text, workout

Make = Callable[..., BacktimerApp]

HOLDS = """format = 1
name = "Two holds"
lead_in = 0

[[step]]
exercise = "seated-piriformis-stretch"
hold = 5
sides = "none"

[[step]]
exercise = "pelvic-tilt"
reps = 2
"""


ONE_HOLD = """format = 1
name = "One hold"
lead_in = 0

[[step]]
exercise = "seated-piriformis-stretch"
hold = 3
sides = "none"
"""


@pytest.fixture
def two_holds(home: Path) -> None:
    (home / "routines").mkdir(parents=True)
    (home / "routines" / "two-holds.toml").write_text(HOLDS)
    (home / "routines" / "one-hold.toml").write_text(ONE_HOLD)


def left_of(app: BacktimerApp) -> int:
    minutes, seconds = str(workout(app).query_one(TimeLeft).render()).split()[0].split(":")
    return int(minutes) * 60 + int(seconds)


@pytest.mark.usefixtures("two_holds")
async def test_left_and_the_bar_change_with_the_clock_never_between(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "two holds")
        screen = workout(app)
        bar = screen.query_one(RoutineBar)
        assert text(app, "#clock") == "5"
        rest = left_of(app) - 5  # the self-paced reps' estimate after the hold
        seen = []
        for _ in range(9):  # every half second through the hold: 4.5 s left, 4, ...
            await advance(pilot, clock, 0.5, step=0.5)
            if screen.workout.engine.snapshot().remaining == 0:
                break
            shown = int(text(app, "#clock"))
            seen.append((shown, left_of(app), bar.fraction))
            assert left_of(app) == shown + rest, f"the clock says {shown}"
        assert [s for s, _, _ in seen] == [5, 4, 4, 3, 3, 2, 2, 1, 1]
        # the bar moves when the clock does, on the whole second
        assert len({(s, p) for s, _, p in seen}) == len({s for s, _, _ in seen})


@pytest.mark.usefixtures("two_holds")
async def test_the_last_second_is_never_shown_as_nothing_left(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "one hold")
        await advance(pilot, clock, 2.6, step=0.2)  # 0.4 s to go
        assert text(app, "#clock") == "1"
        assert left_of(app) == 1, "0:00 left while the clock still says 1"


@pytest.mark.usefixtures("two_holds")
async def test_the_screen_sleeps_until_the_shown_second_changes(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "two holds")
        screen = workout(app)
        waits: list[float] = []
        real = screen.set_timer

        def recorded(delay: float, callback: Callable[[], object]) -> object:
            waits.append(delay)
            return real(delay, callback)

        screen.set_timer = recorded  # type: ignore[assignment, method-assign]
        await advance(pilot, clock, 0.3, step=0.3)
        assert waits[-1] == pytest.approx(0.7, abs=0.01), "asleep until 4 s are left"
        await advance(pilot, clock, 0.7, step=0.7)
        assert waits[-1] == pytest.approx(1.0, abs=0.01), "then a whole second"
        await advance(pilot, clock, 4, step=1)  # self-paced reps: nothing changes on its own
        assert text(app, "#clock") != "0"
        assert waits[-1] >= 1.0, "no wake between seconds when nothing is due"
        assert waits[-1] < screen.workout.engine._gap_limit  # type: ignore[operator]
