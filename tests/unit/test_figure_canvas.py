"""The figure drawn on terminal cells: braille dots or half blocks, scaled to the space."""

from __future__ import annotations

import pytest

from backtimer.domain.figure.canvas import Picture, Style, paint, plain, render
from backtimer.domain.figure.stage import Drawing, Line, Staged, draw, side_by_side
from backtimer.storage import library

STYLES: tuple[Style, ...] = ("fine", "bold")


def drawing(figure: str = "banded-glute-bridge", pose: str = "up") -> Drawing:
    move = library.figures().moves[figure]
    return draw(Staged(move, move.pose(pose)))


def inked(picture: Picture) -> set[tuple[int, int]]:
    """The cells with something drawn in them, as (column, row)."""
    cells = set()
    for y, row in enumerate(picture):
        x = 0
        for run in row:
            for char in run.text:
                if char.strip() and char != "\u2800":
                    cells.add((x, y))
                x += 1
    return cells


@pytest.mark.parametrize("size", [(20, 8), (60, 20), (97, 31)])
def test_the_picture_fills_exactly_the_cells_given(size: tuple[int, int]) -> None:
    width, height = size
    for style in STYLES:
        rows = plain(render(drawing(), width, height, style))
        assert len(rows) == height
        assert {len(row) for row in rows} == {width}


def test_the_floor_runs_along_the_bottom_and_the_figure_stands_on_it() -> None:
    rows = plain(render(drawing("suitcase-carry", "stand"), 30, 12))
    assert all(char != " " for char in rows[-1])  # the floor, across the whole width
    columns = {x for x, y in inked(render(drawing("suitcase-carry", "stand"), 30, 12)) if y < 11}
    assert min(columns) > 5 and max(columns) < 25  # a standing body, in the middle


def test_a_larger_space_draws_a_larger_figure() -> None:
    small = inked(render(drawing(), 30, 10))
    large = inked(render(drawing(), 90, 30))
    assert len(large) > 5 * len(small)
    assert max(y for _, y in large) - min(y for _, y in large) > 2.5 * (
        max(y for _, y in small) - min(y for _, y in small)
    )


def test_lines_are_thicker_in_the_bold_style_for_the_mat() -> None:
    fine = paint(drawing(), 40, 16, "fine")
    bold = paint(drawing(), 40, 16, "bold")
    lit = [sum(1 for row in rows for pixel in row if pixel) for rows in (fine, bold)]
    cells = [len(rows) * len(rows[0]) for rows in (fine, bold)]
    assert lit[1] / cells[1] > 1.3 * lit[0] / cells[0]


def test_each_cell_takes_the_ink_of_what_is_drawn_on_top() -> None:
    shapes = (
        Line((0, 10), (100, 10), "far", 3),
        Line((0, 10), (100, 10), "work", 3),
    )
    picture = render(Drawing(shapes, (0, 0, 100, 20)), 20, 4)
    inks = {run.ink for row in picture for run in row if run.text.strip()}
    assert inks == {"work", "prop"}  # the working line over the far one; the floor


def test_half_blocks_show_two_inks_in_one_cell() -> None:
    shapes = (Line((0, 20), (100, 20), "work", 1), Line((0, 14), (100, 14), "far", 1))
    picture = render(Drawing(shapes, (0, 0, 100, 40)), 20, 3, "bold")
    runs = [run for row in picture for run in row if run.under is not None]
    assert runs and {(run.ink, run.under) for run in runs} <= {("work", "far"), ("far", "work")}


def test_an_empty_space_draws_nothing() -> None:
    assert plain(render(drawing(), 1, 1)) == [" "]
    assert plain(render(Drawing((), (0, 0, 10, 10)), 5, 2)) == ["     ", "     "]


def test_two_poses_side_by_side_share_one_floor() -> None:
    both = side_by_side([drawing(pose="down"), drawing(pose="up")])
    one = drawing(pose="down")
    width = one.box[2] - one.box[0]
    assert both.box[0] == one.box[0] and both.box[2] - both.box[0] > 2 * width
    assert len(both.shapes) == 2 * len(one.shapes)
