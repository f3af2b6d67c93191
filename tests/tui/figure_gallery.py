"""One move's figure at its key moments, at the sizes the workout screen gives it.

The workout screen at 100 x 30 gives the figure 47 x 15 cells (47 x 14 in the mat
view, in thick lines), at 200 x 50 97 x 30 (measured on the screen): the gallery
shows the move's starting pose and its end pose at each of those sizes, so a
snapshot shows what a person sees at the key moments of the move.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

from backtimer.domain.figure.moves import MoveFigure
from backtimer.domain.figure.stage import Staged
from backtimer.domain.routines.exercise import Side
from backtimer.storage import library
from backtimer.tui.widgets.figure import FigureView

VIEWS = [
    ("100 x 30", 47, 15, False),
    ("100 x 30, mat view", 47, 14, True),
    ("200 x 50", 97, 30, False),
]
"""Each size the workout screen gives the figure: a caption, columns, rows, thick lines."""
SIZE = (2 * 97 + 3, sum(rows + 1 for _, _, rows, _ in VIEWS))
"""The terminal that holds the gallery."""


def key_moments(figure: MoveFigure) -> list[str]:
    """The poses a person sees at the start and at the end of the move."""
    return list(dict.fromkeys([figure.key[0], figure.key[-1]]))


class FigureGallery(App[None]):
    CSS = """
    Horizontal { height: auto; }
    FigureView { margin-right: 1; }
    Label { color: $text-muted; }
    """

    def __init__(self, move: str) -> None:
        super().__init__()
        self.figure = library.figures().moves[move]
        move_data = library.catalogue().exercises[move]
        self.side: Side | None = "left" if move_data.per_side else None

    def compose(self) -> ComposeResult:
        for caption, width, height, bold in VIEWS:
            yield Label(f"{self.figure.id} · {caption}")
            with Horizontal():
                for _name in key_moments(self.figure):
                    view = FigureView(library.figures())
                    view.styles.width = width
                    view.styles.height = height
                    view.bold = bold
                    yield view

    def on_mount(self) -> None:
        names = key_moments(self.figure)
        for index, view in enumerate(self.query(FigureView)):
            name = names[index % len(names)]
            view.still([Staged(self.figure, self.figure.pose(name), self.side)])
