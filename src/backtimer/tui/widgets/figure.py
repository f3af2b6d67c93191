"""The figure: a person doing the move, drawn in the terminal, moving with the timer.

`FigureView` draws its own lines (`render_line` hands out `Strip` s worked out
once per frame), from the pure drawing in `backtimer.domain.figure`. In a
workout it is a view of the engine's snapshot: the screen hands it each
snapshot it shows (each new second of the clock), and the figure's frames fall
on those seconds (`FRAMES`); it never draws in a hold or a pause, and before a
hold it wakes itself when the body starts to move into it. A frame repaints
only the cells whose drawing changed. Times are rounded to frames, so each rep
draws the same frames as the last and a frame already drawn comes from a cache.

Colours come from the theme: the working limbs in the accent colour, the far
limbs dimmer, props in the secondary colour, a massage's spot in the error
colour; with NO_COLOR they turn grey and still differ in lightness, and in the
bold style (the mat view) the far limbs are also the thinner lines.
"""

from __future__ import annotations

import math
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

from backtimer.domain.figure.canvas import Picture, Run, render
from backtimer.domain.figure.canvas import Style as Look
from backtimer.domain.figure.motion import Scene, scene_at
from backtimer.domain.figure.moves import FigureBook
from backtimer.domain.figure.stage import Drawing, Ink, Staged, draw, side_by_side
from backtimer.domain.timer.engine import Snapshot

FRAMES = 1
"""Frames a second while the figure moves, each on a whole second of the segment, so
that it comes with the clock's own update: one repaint of the screen for both, and the
body moves with the count (a tempo's two seconds down: top, half way, bottom).

Measured (benchmarks/terminal_cpu.py, split squats that never stop): a frame between
the clock's costs a repaint of its own, about what the clock's once-a-second update
costs, so 2 frames a second took 2.0x the CPU of a hold; 1 frame a second, 1.4x. The
widget schedules the frames between whole seconds itself, should this be raised."""
INKS: tuple[Ink, ...] = ("prop", "far", "body", "work", "spot")
ROWS_KEPT = 2000
"""Rows of strips kept for reuse: the frames of several reps of a move."""


@lru_cache(maxsize=256)
def _picture(figures: tuple[Staged, ...], width: int, height: int, look: Look) -> Picture:
    drawing: Drawing = side_by_side(draw(staged) for staged in figures)
    return render(drawing, width, height, look)


def _cells(row: tuple[Run, ...]) -> list[tuple[str, Ink | None, Ink | None]]:
    return [(char, run.ink, run.under) for run in row for char in run.text]


def _changed(before: tuple[Run, ...], after: tuple[Run, ...]) -> tuple[int, int] | None:
    """The columns from the first cell that differs to just past the last, or None."""
    old, new = _cells(before), _cells(after)
    differ = [x for x, (a, b) in enumerate(zip(old, new, strict=False)) if a != b]
    if len(old) != len(new):
        return (differ[0] if differ else min(len(old), len(new))), max(len(old), len(new))
    return (differ[0], differ[-1] + 1) if differ else None


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
        self._styles: dict[Ink | None, Style] | None = None
        """The style of each ink in the theme now (None: to look up again)."""
        self._rows: dict[tuple[Run, ...], Strip] = {}
        """Rows drawn before, in the theme's colours."""
        self._frame: Timer | None = None
        """The next frame of the widget's own, or a wake-up for when the figure moves."""

    # ------------------------------------------------------------ what to draw

    @property
    def figures(self) -> tuple[Staged, ...]:
        """What is drawn now (nothing: an empty tuple)."""
        return self._figures

    def show(self, snapshot: Snapshot) -> None:
        """Draw the figure at the snapshot's moment; keep drawing while it moves.

        A workout screen calls this each time its clock shows a new second; the
        frames in between are the widget's own (see `_schedule`).
        """
        if self._frame is not None:
            self._frame.stop()
            self._frame = None
        frame = math.floor(snapshot.elapsed * FRAMES + 1e-6)  # the same frames every rep
        scene = scene_at(replace(snapshot, elapsed=frame / FRAMES), self.book)
        self._draw(scene.figures if scene else ())
        if scene is not None and self._source is not None:
            self._schedule(scene, (frame + 1) / FRAMES - snapshot.elapsed, frame + 1)

    def still(self, figures: Sequence[Staged]) -> None:
        """Draw these poses side by side, still (a preview)."""
        self._draw(tuple(figures))

    def _schedule(self, scene: Scene, wait: float, frame: int) -> None:
        """The next frame while the figure moves, or a wake-up for when it starts to.

        A frame on a whole second of the segment comes with the clock's own update
        (one repaint of the screen for both), so the widget wakes only for the
        frames in between: each costs a repaint of its own, about what the clock's
        once-a-second update costs (measured: benchmarks/terminal_cpu.py).
        """
        if scene.moving:
            if frame % FRAMES:
                self._frame = self.set_timer(max(wait, 0.0) + 0.002, self._next_frame)
        elif scene.starts_moving_in is not None:
            self._frame = self.set_timer(max(scene.starts_moving_in, 0.01), self._next_frame)

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
        # Only the cells that changed: what reaches the terminal is what costs.
        regions = [
            Region(start, y, end - start, 1)
            for y, (before, after) in enumerate(zip(old, picture, strict=True))
            if before != after and (span := _changed(before, after)) is not None
            for start, end in (span,)
        ]
        if regions:
            self.refresh(*regions)

    def _strips_for(self, picture: Picture) -> list[Strip]:
        """The picture's rows as strips; a row drawn before (most are, rep after rep) is
        taken from the cache."""
        if self._styles is None:
            blank = Style(bgcolor=self.rich_style.bgcolor)
            self._styles = {  # each on the widget's background: nothing left to blend
                ink: blank + self.get_component_rich_style(f"figure--{ink}") for ink in INKS
            }
            self._styles[None] = blank
            self._rows.clear()
        strips = []
        for row in picture:
            strip = self._rows.get(row)
            if strip is None:
                strip = self._rows[row] = Strip(self._segments(row))
                if len(self._rows) > ROWS_KEPT:
                    del self._rows[next(iter(self._rows))]
            strips.append(strip)
        return strips

    def _segments(self, row: tuple[Run, ...]) -> list[Segment]:
        assert self._styles is not None
        segments = []
        for run in row:
            style = self._styles[run.ink]
            if run.under is not None:
                style += Style(bgcolor=self._styles[run.under].color)
            segments.append(Segment(run.text, style))
        return segments

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None  # a new theme: new colours
        self._strips = None

    def render_line(self, y: int) -> Strip:
        if self._strips is None:
            self._strips = self._strips_for(self._picture)
        if 0 <= y < len(self._strips):
            return self._strips[y]
        return Strip.blank(self.size.width, Style(bgcolor=self.rich_style.bgcolor))
