"""The figure on the workout screen: beside the clock, in step with it, still when it should be."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from backtimer.tui.app import BacktimerApp
from backtimer.tui.widgets.figure import FigureView
from tests.fakes import FakeClock
from tests.tui.helpers import advance, start_routine, workout

Make = Callable[..., BacktimerApp]

BRIDGES = """format = 1
name = "Bridges"
lead_in = 3
[[step]]
exercise = "banded-glute-bridge"
reps = 3
hold = 5
release = 2
"""


@pytest.fixture
def bridges(home: Path) -> None:
    (home / "routines").mkdir(parents=True)
    (home / "routines" / "bridges.toml").write_text(BRIDGES)


def figure(app: BacktimerApp) -> FigureView:
    return workout(app).query_one("#figure", FigureView)


@pytest.mark.usefixtures("bridges")
async def test_the_figure_moves_into_the_hold_keeps_still_and_lowers_in_the_release(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "bridges")
        view = figure(app)
        bridge = view.book.moves["banded-glute-bridge"]
        assert view.figures[0].pose == bridge.pose("down")  # the get-ready: lying down
        assert view.region.width > 30 and view.region.height >= 10  # beside the clock
        await advance(pilot, clock, 3.5)  # the first hold: hips up
        assert view.figures[0].pose == bridge.pose("up")
        drawn = view._picture
        for _ in range(8):
            await advance(pilot, clock, 0.5)
            assert view._picture is drawn, "nothing new is drawn during a hold"
            assert view._frame is None, "and no frame is due"
        await advance(pilot, clock, 1.5)  # half way through the release: hips down
        assert workout(app).workout.engine.segment.kind == "release"
        assert view.figures[0].pose == bridge.pose("down")
        await advance(pilot, clock, 1)  # the next hold: up again
        assert view.figures[0].pose == bridge.pose("up")


@pytest.mark.usefixtures("bridges")
async def test_paused_the_figure_stands_still(make_app: Make, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "bridges")
        await advance(pilot, clock, 3.5 + 5 + 0.4)  # the release has just begun
        await pilot.press("space")
        view = figure(app)
        paused = view.figures
        clock.advance(30)
        await pilot.pause()
        assert view.figures == paused and view._frame is None


@pytest.mark.usefixtures("bridges")
async def test_the_mat_view_draws_the_figure_in_thick_lines(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "bridges")
        await pilot.press("v")
        await pilot.pause()
        view = figure(app)
        assert view.bold and view.display
        row = "".join(
            segment.text for y in range(view.size.height) for segment in view.render_line(y)
        )
        assert "▀" in row or "▄" in row or "█" in row  # half blocks, not braille dots


@pytest.mark.usefixtures("bridges")
async def test_below_100_columns_the_clock_keeps_the_width(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_routine(pilot, "bridges")
        assert not figure(app).display
