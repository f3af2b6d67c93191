"""The figure: a person doing the move, drawn in the terminal, moving with the timer.

`FigureView` draws its own lines (`render_line` hands out `Strip` s worked out
once per frame), from the pure drawing in `backtimer.domain.figure`. In a
workout it is a view of the engine's snapshot: the screen hands it each
snapshot it shows, and while the figure moves the widget asks for the next one
`FRAMES` times a second, never in a hold or a pause. A frame repaints only the
rows whose drawing changed. Times are rounded to frames, so each rep draws the
same frames as the last and a frame already drawn is taken from a cache.

Colours come from the theme: the working limbs in the accent colour, the far
limbs dimmer, props in the secondary colour, a massage's spot in the error
colour; with NO_COLOR they turn grey and still differ in lightness, and in the
bold style (the mat view) the far limbs are also the thinner lines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip
from textual.timer import Timer
from textual.widget import Widget

from backtimer.domain.engine import Snapshot
from backtimer.domain.figure.canvas import Picture, render
from backtimer.domain.figure.canvas import Style as Look
from backtimer.domain.figure.motion import Scene, scene_at
from backtimer.domain.figure.moves import FigureBook
from backtimer.domain.figure.stage import Drawing, Ink, Staged, draw, side_by_side

FRAMES = 6
"""Frames a second while the figure moves: smooth enough for a slow exercise, and cheap.
A phase of two seconds is twelve frames; most moves are slower than that."""
INKS: tuple[Ink, ...] = ("prop", "far", "body", "work", "spot")


@lru_cache(maxsize=256)
def _picture(figures: tuple[Staged, ...], width: int, height: int, look: Look) -> Picture:
    drawing: Drawing = side_by_side(draw(staged) for staged in figures)
    return render(drawing, width, height, look)


class FigureView(Widget):
    """Empty until it is given a snapshot (`show`) or poses to keep still (`still`)."""

    DEFAULT_CSS = """
    FigureView { width: 1fr; height: 1fr; }
    FigureView > .figure--work { color: $accent; text-style: bold; }
    FigureView > .figure--body { color: $foreground; }
    FigureView > .figure--far { color: $foreground 55%; }
    FigureView > .figure--prop { color: $secondary; }
    FigureView > .figure--spot { color: $error; text-style: bold; }
    """

    COMPONENT_CLASSES = {f"figure--{ink}" for ink in INKS}

    bold: reactive[bool] = reactive(False)
    """Thick lines in half blocks, to read from across a room (the mat view)."""

    def __init__(
        self,
        book: FigureBook,
        source: Callable[[], Snapshot] | None = None,
        *,
        id: str | None = None,
        classes: str = "",
    ) -> None:
        """Args:
        book: how each move is drawn.
        source: the engine's snapshot now, asked for between the screen's own
            updates while the figure moves (a workout); None for still pictures.
        """
        super().__init__(id=id, classes=classes)
        self.book = book
        self._source = source
        self._figures: tuple[Staged, ...] = ()
        self._picture: Picture = ()
        self._strips: list[Strip] | None = []
        """The picture's rows in the theme's colours; None: to work out again."""
        self._frame: Timer | None = None

    # ------------------------------------------------------------ what to draw

    @property
    def figures(self) -> tuple[Staged, ...]:
        """What is drawn now (nothing: an empty tuple)."""
        return self._figures

    def show(self, snapshot: Snapshot) -> None:
        """Draw the figure at the snapshot's moment; keep drawing while it moves."""
        if self._frame is not None:
            self._frame.stop()
            self._frame = None
        slot = round(snapshot.elapsed * FRAMES) / FRAMES  # the same frames every rep
        scene = scene_at(replace(snapshot, elapsed=slot), self.book)
        self._draw(scene.figures if scene else ())
        if scene is not None and self._source is not None:
            self._schedule(scene)

    def still(self, figures: Sequence[Staged]) -> None:
        """Draw these poses side by side, still (a preview)."""
        self._draw(tuple(figures))

    def _schedule(self, scene: Scene) -> None:
        if scene.moving:
            wait: float | None = 1 / FRAMES
        else:
            wait = scene.starts_moving_in
        if wait is not None:
            self._frame = self.set_timer(max(wait, 0.01), self._next_frame)

    def _next_frame(self) -> None:
        self._frame = None
        if self._source is not None and self.is_mounted:
            self.show(self._source())

    # ------------------------------------------------------------ drawing

    def watch_bold(self) -> None:
        self._repaint()

    def on_resize(self) -> None:
        self._repaint()

    def _draw(self, figures: tuple[Staged, ...]) -> None:
        if figures != self._figures:
            self._figures = figures
            self._repaint()

    def _repaint(self) -> None:
        """Work out the strips for the current figures and size; refresh the rows that changed."""
        width, height = self.content_size
        if not self._figures or width < 4 or height < 3:
            picture: Picture = ()
        else:
            picture = _picture(self._figures, width, height, "bold" if self.bold else "fine")
        if picture == self._picture:
            return
        old = self._picture
        self._picture = picture
        self._strips = None
        if len(old) != len(picture):
            self.refresh()
            return
        for y, (before, after) in enumerate(zip(old, picture, strict=True)):
            if before != after:
                self.refresh(Region(0, y, width, 1))

    def _strips_for(self, picture: Picture) -> list[Strip]:
        styles = {ink: self.get_component_rich_style(f"figure--{ink}") for ink in INKS}
        base = self.rich_style
        blank = Style(bgcolor=base.bgcolor)
        strips = []
        for row in picture:
            segments = []
            for run in row:
                if run.ink is None:
                    segments.append(Segment(run.text, blank))
                    continue
                style = styles[run.ink]
                if run.under is not None:
                    style += Style(bgcolor=styles[run.under].color)
                segments.append(Segment(run.text, style))
            strips.append(Strip(segments))
        return strips

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips = None  # a new theme: new colours

    def render_line(self, y: int) -> Strip:
        if self._strips is None:
            self._strips = self._strips_for(self._picture)
        if 0 <= y < len(self._strips):
            return self._strips[y]
        return Strip.blank(self.size.width, Style(bgcolor=self.rich_style.bgcolor))
