"""How far through the routine: a bar, and the time left beside it.

Both change only when what they draw changes: the bar when another half cell
fills, the time left when its second does. Neither has a timer of its own
(Textual's ProgressBar looks at its clock every second for an ETA we do not
show, which woke the app between the clock's seconds).
"""

from __future__ import annotations

from rich.style import Style
from textual.app import ComposeResult, RenderResult
from textual.containers import Horizontal
from textual.reactive import reactive, var
from textual.renderables.bar import Bar
from textual.widget import Widget

from backtimer.domain.routines.describe import clock


class RoutineBar(Widget):
    """The part of the routine done, drawn as Textual's progress bar draws it."""

    COMPONENT_CLASSES = {"bar--bar", "bar--complete"}
    DEFAULT_CSS = """
    RoutineBar {
        width: 1fr;
        height: 1;
        &> .bar--bar { color: $primary; background: $surface; }
        &> .bar--complete { color: $success; background: $surface; }
    }
    """

    fraction: reactive[float] = reactive(0.0)
    """Done, from 0 to 1, to the half cell (so an unseen change repaints nothing)."""

    def validate_fraction(self, fraction: float) -> float:
        cells = self.size.width * 2
        fraction = min(max(fraction, 0.0), 1.0)
        return int(fraction * cells) / cells if cells else fraction

    def render(self) -> RenderResult:
        style = self.get_component_rich_style("bar--bar" if self.fraction < 1 else "bar--complete")
        return Bar(
            highlight_range=(0, self.size.width * self.fraction),
            highlight_style=Style.from_color(style.color),
            background_style=Style.from_color(style.bgcolor),
        )


class TimeLeft(Widget):
    """ "4:05 left", repainted in place: its width never changes, so no layout is needed."""

    DEFAULT_CSS = "TimeLeft { width: 14; height: 1; padding: 0 0 0 2; }"

    seconds: reactive[int] = reactive(0)

    def render(self) -> RenderResult:
        return f"{clock(self.seconds)} left"


class RoutineProgress(Horizontal):
    """A progress bar for the whole routine with the time left beside it."""

    DEFAULT_CSS = "RoutineProgress { height: 1; width: 1fr; }"

    done: var[int] = var(0)
    """Whole seconds done (estimated for self-paced reps)."""
    total: var[int] = var(1)
    """Whole seconds in the routine."""

    def compose(self) -> ComposeResult:
        yield RoutineBar()
        yield TimeLeft()

    def watch_done(self, done: int) -> None:
        if self.is_mounted:
            self.query_one(RoutineBar).fraction = done / max(self.total, 1)
            self.query_one(TimeLeft).seconds = max(self.total - done, 0)

    def watch_total(self, total: int) -> None:
        if self.is_mounted:
            self.watch_done(self.done)

    def on_mount(self) -> None:
        self.watch_total(self.total)

    def on_resize(self) -> None:
        self.watch_done(self.done)  # the half cells are counted on the bar's width
