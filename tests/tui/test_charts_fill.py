"""The history's charts use the width there is: at 200 x 50 they are not 40 columns wide."""

from __future__ import annotations

from collections.abc import Callable

from backtimer.tui.app import BacktimerApp
from backtimer.tui.widgets.bar_chart import BarChart
from tests.tui.helpers import open_history, screen_lines
from tests.tui.histories import a_few_weeks

Make = Callable[..., BacktimerApp]


def drawn_width(app: BacktimerApp, chart: BarChart) -> int:
    """How many columns of the chart have something drawn in them (axis, bars, labels)."""
    lines = screen_lines(app, chart.region)
    return max(len(line.rstrip()) for line in lines)


async def test_the_charts_grow_with_the_terminal(make_app: Make) -> None:
    a_few_weeks()
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await open_history(pilot)
        await pilot.press("p")
        await pilot.pause()
        for name in ("#minutes-chart", "#pain-chart"):
            chart = app.screen.query_one(name, BarChart)
            assert chart.region.width > 80
            assert drawn_width(app, chart) > 0.75 * chart.region.width, name
