"""How far through the routine: a bar, and the time left beside it."""

from __future__ import annotations

from textual.app import ComposeResult, RenderResult
from textual.containers import Horizontal
from textual.reactive import reactive, var
from textual.widget import Widget
from textual.widgets import ProgressBar

from backtimer.domain.describe import clock


class TimeLeft(Widget):
    """ "4:05 left", repainted in place: its width never changes, so no layout is needed."""

    DEFAULT_CSS = "TimeLeft { width: 14; height: 1; padding: 0 0 0 2; }"

    seconds: reactive[int] = reactive(0)

    def render(self) -> RenderResult:
        return f"{clock(self.seconds)} left"


class RoutineProgress(Horizontal):
    """A progress bar for the whole routine with the time left beside it."""

    DEFAULT_CSS = """
    RoutineProgress { height: 1; width: 1fr; }
    RoutineProgress ProgressBar { width: 1fr; }
    RoutineProgress ProgressBar Bar { width: 1fr; }
    """

    done: var[int] = var(0)
    """Whole seconds done (estimated for self-paced reps)."""
    total: var[int] = var(1)
    """Whole seconds in the routine."""

    def compose(self) -> ComposeResult:
        yield ProgressBar(show_percentage=False, show_eta=False)
        yield TimeLeft()

    def watch_done(self, done: int) -> None:
        if self.is_mounted:
            self.query_one(ProgressBar).progress = done
            self.query_one(TimeLeft).seconds = max(self.total - done, 0)

    def watch_total(self, total: int) -> None:
        if self.is_mounted:
            self.query_one(ProgressBar).total = max(total, 1)
            self.watch_done(self.done)

    def on_mount(self) -> None:
        self.watch_total(self.total)
