"""A routine's moves at a glance: a small still figure of each, in the order of the steps.

Each move is drawn in the pose that tells it best (the last of its key poses: the
hips up, the deep squat, the body on the tool), each in its own space and at its
own scale, so a lying move is as legible as a standing one. A fixed row of
`FigureView` s is shown or hidden, never mounted anew, so moving through the
picker's list costs no layout of new widgets.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal

from backtimer.domain.figure.moves import FigureBook
from backtimer.domain.figure.stage import Staged
from backtimer.domain.routines.exercise import Exercise, Side
from backtimer.tui.widgets.figure import FigureView

MOST = 6
"""Moves shown at most; a longer routine shows its first six."""


def glance(moves: Sequence[Exercise], book: FigureBook) -> list[Staged]:
    """Each move with a figure once, in order, in the pose that tells it best."""
    shown: list[Staged] = []
    seen: set[str] = set()
    for move in moves:
        figure = book.figure_for(move)
        if figure is None or figure.id in seen:
            continue
        seen.add(figure.id)
        side: Side | None = "left" if move.per_side else None
        shown.append(Staged(figure, figure.pose(figure.key[-1]), side))
    return shown[:MOST]


class MoveStrip(Horizontal):
    """Empty (and hidden) until it is given moves with figures."""

    DEFAULT_CSS = """
    MoveStrip { height: 7; display: none; }
    MoveStrip.-shown { display: block; }
    MoveStrip FigureView { width: 1fr; display: none; margin-right: 1; }
    MoveStrip FigureView.-used { display: block; }
    """

    def __init__(self, book: FigureBook, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.book = book

    def compose(self) -> ComposeResult:
        for _ in range(MOST):
            yield FigureView(self.book)

    def show_moves(self, moves: Sequence[Exercise]) -> None:
        """Show these moves' figures (those that have one)."""
        shown = glance(moves, self.book)
        self.set_class(bool(shown), "-shown")
        for index, view in enumerate(self.query(FigureView)):
            used = index < len(shown)
            view.set_class(used, "-used")
            view.still([shown[index]] if used else [])
