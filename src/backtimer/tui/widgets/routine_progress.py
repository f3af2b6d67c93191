"""How far through the routine: a bar, and the time done and left."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Label, ProgressBar

from backtimer.domain.describe import clock


class RoutineProgress(Horizontal):
    """A progress bar for the whole routine with the time left beside it."""

    DEFAULT_CSS = """
    RoutineProgress { height: 1; width: 1fr; }
    RoutineProgress ProgressBar { width: 1fr; }
    RoutineProgress ProgressBar Bar { width: 1fr; }
    RoutineProgress Label { width: auto; padding: 0 0 0 2; }
    """

    done: reactive[int] = reactive(0)
    """Whole seconds done (estimated for self-paced reps)."""
    total: reactive[int] = reactive(1)
    """Whole seconds in the routine."""

    def compose(self) -> ComposeResult:
        yield ProgressBar(show_percentage=False, show_eta=False)
        yield Label()

    def _show(self) -> None:
        if not self.is_mounted:
            return
        self.query_one(ProgressBar).update(total=max(self.total, 1), progress=self.done)
        left = max(self.total - self.done, 0)
        self.query_one(Label).update(f"{clock(left)} left")

    def watch_done(self) -> None:
        self._show()

    def watch_total(self) -> None:
        self._show()

    def on_mount(self) -> None:
        self._show()
