"""Each move's progress in the history's progress view: its dose and the pain, week by week.

One block a move, the move done last first: its name, where it stands on its
ladder in the routine it was last done in, and two charts in the same block
style as the pane's others, over the same weeks: the dose a session (seconds
or reps, both sides counted) and the pain before and after the sessions that
included it. The figures are worked out in a thread; the blocks are mounted
when they are ready.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, tzinfo

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label

from backtimer.domain.coaching.suggestion import move_name, move_standing
from backtimer.domain.history.digest import SessionDigest
from backtimer.domain.history.move_progress import MoveWeeks, move_weeks, unit_of
from backtimer.storage import library, progression
from backtimer.tui.widgets.bar_chart import BarChart

UNIT_WORDS = {"seconds": "seconds a session", "reps": "reps a session"}


class MoveChart(Vertical):
    """One move: its name, its place on its ladder, its dose and the pain, week by week."""

    DEFAULT_CSS = """
    MoveChart { height: auto; margin-top: 1; }
    MoveChart > Label { padding: 0 1; }
    MoveChart > .move-title { text-style: bold; }
    MoveChart > .move-standing { color: $text-muted; }
    MoveChart > Horizontal { height: auto; }
    MoveChart BarChart { margin: 0 1; }
    """

    def __init__(
        self, weeks: MoveWeeks, heading: str, standing: str, labels: tuple[str, ...]
    ) -> None:
        super().__init__()
        self.weeks = weeks
        self.heading = heading
        self.standing = standing
        self.labels = labels

    def compose(self) -> ComposeResult:
        yield Label(self.heading, classes="move-title")
        yield Label(self.standing, classes="move-standing")
        with Horizontal():
            dose = BarChart(classes="move-dose")
            dose.series = (self.weeks.dose,)
            dose.labels = self.labels
            pain = BarChart(classes="move-pain")
            pain.maximum = 10
            pain.bar_width = 1
            pain.series = (self.weeks.before, self.weeks.after)
            pain.labels = self.labels
            yield dose
            yield pain


class MovesProgress(Vertical):
    """A `MoveChart` for every move done in the chart's weeks."""

    DEFAULT_CSS = """
    MovesProgress { height: auto; }
    """

    def show(
        self, sessions: Sequence[SessionDigest], today: date, zone: tzinfo, labels: tuple[str, ...]
    ) -> None:
        """Work out and show every move's progress (``sessions`` newest first, as the pane
        has them)."""
        self._work_out(list(reversed(sessions)), today, zone, labels)

    @work(thread=True, exclusive=True, group="moves")
    def _work_out(
        self, sessions: list[SessionDigest], today: date, zone: tzinfo, labels: tuple[str, ...]
    ) -> None:
        catalogue = library.catalogue()
        moves, ladders = catalogue.exercises, catalogue.ladders
        units = {move_id: unit_of(move, ladders) for move_id, move in moves.items()}
        found = move_weeks(sessions, today, zone, units)
        routines = [entry for entry in library.all_routines() if entry.ok]
        by_id = {entry.id: entry for entry in routines}
        copied = progression.copies()
        charts = []
        for weeks in found:
            entry = by_id.get(weeks.last.routine)
            if entry is not None:
                entry = progression.followed(entry, routines, copied)
            name = entry.name if entry else weeks.last.routine_name
            routine = entry.routine if entry else None
            standing = move_standing(weeks.exercise, name, routine, ladders, moves)
            title = (
                f"{move_name(weeks.exercise, moves)}: {UNIT_WORDS[weeks.unit]}"
                " · pain [$chart-before]█[/] before [$chart-after]▓[/] after"
            )
            charts.append(MoveChart(weeks, title, standing, labels))
        self.app.call_from_thread(self._mount_charts, charts)

    def _mount_charts(self, charts: list[MoveChart]) -> None:
        self.remove_children()
        self.mount_all(charts)
