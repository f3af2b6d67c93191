"""Block letters that draw their own lines: the same screen as Textual's own render,
and a new second repaints only the cells that changed."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.strip import Strip
from textual.visual import Visual, visualize

from backtimer.tui.widgets.big_text import BigText

CASES = [
    ("1:29", "1:30", False, "center middle"),
    ("59", "1:30", False, "center middle"),
    ("REST", "CARRY", False, "left middle"),
    ("3/8", "8/8", False, "right middle"),
    ("Hold the weight at your side; stand tall", "", True, "center middle"),
    ("Breathe", "", True, "left top"),
    ("x" * 300, "", False, "center middle"),  # nothing fits: plain text
]


class Shelf(App[None]):
    def __init__(self, text: str, template: str, wrap: bool, align: str) -> None:
        super().__init__()
        self.big = BigText(text, template=template, wrap=wrap)
        self.big.styles.content_align = tuple(align.split())  # type: ignore[assignment]

    def compose(self) -> ComposeResult:
        yield self.big


def textual_render(big: BigText) -> list[Strip]:
    """What Textual's own path drew before: the rows as one Text, laid out by Textual."""
    rows = big.lines
    width, height = big.content_size
    text = (
        Text("\n".join(rows), justify="center", no_wrap=True, overflow="crop")
        if rows
        else Text(big.text, style="bold", justify="center")
    )
    strips = Visual.to_strips(big, visualize(big, text), width, height, big.visual_style)
    blank = Strip.blank(width, big.visual_style.rich_style)  # below them, when not aligned
    return strips + [blank] * (height - len(strips))


def segments(strips: list[Strip]) -> list[list[tuple[str, str]]]:
    return [[(s.text, str(s.style)) for s in strip] for strip in strips]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0][:12]}-{c[3]}")
@pytest.mark.parametrize("size", [(60, 20), (100, 30), (37, 11)], ids=str)
async def test_the_lines_are_textuals_own(
    case: tuple[str, str, bool, str], size: tuple[int, int]
) -> None:
    app = Shelf(*case)
    async with app.run_test(size=size):
        big = app.big
        mine = [big.render_line(y) for y in range(big.content_size.height)]
        assert segments(mine) == segments(textual_render(big))


@pytest.mark.draws_each_frame  # what is painted again depends on what was painted
async def test_a_new_second_repaints_only_the_digit_that_changed() -> None:
    app = Shelf("1:29", "1:30", False, "center middle")
    async with app.run_test(size=(100, 30)) as pilot:
        big = app.big
        await pilot.pause()
        shape = len(big.lines[0])  # "1:29": the last digit is its right 5 pixels of 19
        left = (big.content_size.width - shape) // 2
        big.text = "1:28"
        dirty = list(big._repaint_regions)  # what the compositor will paint again
        assert dirty, "nothing repainted"
        assert min(region.x for region in dirty) >= left + shape * 14 / 19, dirty
        assert sum(region.area for region in dirty) <= shape * big.rows * 5 / 19
        await pilot.pause()
        mine = [big.render_line(y) for y in range(big.content_size.height)]
        assert segments(mine) == segments(textual_render(big))


async def test_a_new_size_draws_lines_of_the_new_width() -> None:
    app = Shelf("REST", "CARRY", False, "left middle")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        big = app.big
        mine = [big.render_line(y) for y in range(big.content_size.height)]
        assert {strip.cell_length for strip in mine} == {100}
        assert segments(mine) == segments(textual_render(big))
