"""The figure where a person chooses: the picker's preview, the guide, the builder's moves."""

from __future__ import annotations

from collections.abc import Callable

from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.move_picker import MovePicker
from backtimer.tui.widgets.figure import FigureView
from backtimer.tui.widgets.move_strip import MoveStrip
from tests.tui.helpers import routines_listed, until

Make = Callable[..., BacktimerApp]


def drawn(strip: MoveStrip) -> list[str]:
    """The moves the strip draws, in order."""
    return [view.figures[0].figure.id for view in strip.query(FigureView) if view.figures]


def lit(view: FigureView) -> int:
    """How many cells of the view have something drawn in them."""
    return sum(
        1
        for y in range(view.size.height)
        for segment in view.render_line(y)
        for char in segment.text
        if char.strip() and char != "\u2800"
    )


async def test_the_pickers_preview_draws_the_routines_moves(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        strip = app.screen.query_one("#preview-moves", MoveStrip)
        expected = [
            "suitcase-carry",
            "banded-glute-bridge",
            "atg-split-squat",
            "seated-good-morning",
        ]
        await until(pilot, lambda: drawn(strip) == expected)
        assert drawn(strip) == expected  # back durability, the first routine
        await pilot.pause()
        assert all(lit(view) > 10 for view in strip.query(FigureView) if view.figures)
        await pilot.press(*"culprit")
        await until(pilot, lambda: drawn(strip)[:1] == ["ql-massage"])
        assert len(drawn(strip)) == 6


async def test_the_guide_draws_the_moves_that_work_the_chosen_muscle(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("f4", "down", "down", "down")  # the tailbone: piriformis
        strip = app.screen.query_one("#guide-moves", MoveStrip)
        await until(pilot, lambda: "seated-piriformis-stretch" in drawn(strip))
        assert drawn(strip) == ["piriformis-massage", "seated-piriformis-stretch"]


async def test_the_builders_move_picker_draws_the_highlighted_move(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press("ctrl+n")
        await until(pilot, lambda: app.screen.__class__.__name__ == "BuilderScreen")
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, MovePicker))
        figure = app.screen.query_one("#move-figure", FigureView)
        await until(pilot, lambda: bool(figure.figures))
        assert [s.figure.id for s in figure.figures] == ["elephant-walk", "elephant-walk"]
        await pilot.press(*"bridge")
        await until(pilot, lambda: figure.figures[0].figure.id == "banded-glute-bridge")
        poses = [s.pose for s in figure.figures]
        bridge = figure.book.moves["banded-glute-bridge"]
        assert poses == [bridge.pose("down"), bridge.pose("up")]  # how it starts, how it ends
        await pilot.pause()
        assert lit(figure) > 10
