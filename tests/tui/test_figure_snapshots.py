"""Snapshots of every move's figure at its key moments, at 100 x 30, 200 x 50 and in the mat
view (see `tests.tui.figure_gallery`). Look at each changed SVG before committing it."""

from __future__ import annotations

from typing import Any

import pytest

from backtimer.storage import library
from tests.tui.figure_gallery import SIZE, FigureGallery


@pytest.mark.parametrize("move", list(library.figures().moves))
def test_the_figure_of_each_move(move: str, snap_compare: Any) -> None:
    assert snap_compare(FigureGallery(move), terminal_size=SIZE)
