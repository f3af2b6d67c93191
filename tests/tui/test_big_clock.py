"""A clock that grows with the terminal, and a view for the mat."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from backtimer.domain.routines.settings import Settings
from backtimer.tui.app import BacktimerApp
from backtimer.tui.widgets.big_text import BigText
from tests.fakes import FakeClock
from tests.tui.helpers import advance, start_routine, text, workout

Make = Callable[..., BacktimerApp]

CARRY = """format = 1
name = "Long carry"
lead_in = 2
[[step]]
exercise = "suitcase-carry"
sets = 2
work = 90
sides = "alternate-sets"
"""
SIZES = [(60, 20), (100, 30), (200, 50), (300, 80)]


@pytest.fixture
def long_carry(home: Path) -> None:
    (home / "routines").mkdir(parents=True)
    (home / "routines" / "long-carry.toml").write_text(CARRY)


def assert_fills_without_overflow(clock: BigText, rows: int) -> None:
    """The digits take at least 40% of the terminal's rows and stay inside the clock."""
    assert clock.rows >= 0.4 * rows, f"{clock.rows} of {rows} rows"
    drawn = clock.render()
    lines = str(drawn).splitlines()
    size = clock.content_size
    assert len(lines) <= size.height
    assert max(len(line) for line in lines) <= size.width
    assert clock.region.right <= clock.screen.size.width
    assert clock.region.bottom <= clock.screen.size.height


async def into_the_carry(pilot: Pilot[None], clock: FakeClock) -> None:
    await start_routine(pilot, "long carry")
    await advance(pilot, clock, 2.5)
    assert text(pilot.app, "#clock") == "1:30"  # type: ignore[arg-type]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.usefixtures("long_carry")
async def test_the_digits_fill_the_rows_at_every_size(
    make_app: Make, clock: FakeClock, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await into_the_carry(pilot, clock)
        screen = workout(app)
        assert_fills_without_overflow(screen.query_one("#clock", BigText), size[1])
        await pilot.press("v")  # the mat view
        await pilot.pause()
        assert screen.has_class("-mat")
        assert_fills_without_overflow(screen.query_one("#clock", BigText), size[1])
        if size >= (100, 30):
            cue = screen.query_one("#cue-large", BigText)
            assert cue.rows >= 3, "the instruction is in large type"


@pytest.mark.usefixtures("long_carry")
async def test_the_moment_is_in_block_letters_from_100_by_30(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await into_the_carry(pilot, clock)
        screen = workout(app)
        for name, said in (("#kind", "WORK"), ("#side", "LEFT"), ("#count", "1/2")):
            widget = screen.query_one(name, BigText)
            assert (widget.text, widget.rows) == (said, 4), name
        await pilot.resize_terminal(80, 30)  # narrower: plain words on one line
        await pilot.pause()
        assert screen.query_one("#kind", BigText).rows == 0
        assert text(app, "#kind") == "WORK"


@pytest.mark.usefixtures("long_carry")
async def test_resizing_mid_workout_lays_the_clock_out_again(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await into_the_carry(pilot, clock)
        big = workout(app).query_one("#clock", BigText)
        at_100 = big.rows
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        at_200 = big.rows
        assert at_200 > at_100
        assert_fills_without_overflow(big, 50)
        await advance(pilot, clock, 31)  # 59 s left: narrower digits keep their size
        assert (text(app, "#clock"), big.rows) == ("59", at_200)


async def test_the_view_key_and_the_footer(make_app: Make, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "durab")
        screen = workout(app)
        assert not screen.has_class("-mat")
        assert not screen.query_one("#cue-large").display
        await pilot.press("v")
        assert screen.has_class("-mat")
        for hidden in ("#progress", "#notes", "#step-label"):
            assert not screen.query_one(hidden).display, hidden
        await pilot.press("v")
        assert not screen.has_class("-mat") and screen.query_one("#notes").display


async def test_the_mat_view_can_be_the_default(make_app: Make, clock: FakeClock) -> None:
    app = make_app(Settings(mat_view=True))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "durab")
        screen = workout(app)
        assert screen.has_class("-mat") and screen.query_one("#cue-large").display
        await pilot.press("v")
        assert not screen.has_class("-mat")
