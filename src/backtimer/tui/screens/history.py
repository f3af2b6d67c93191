"""The history pane: every session and its detail, the statistics, the charts.

The screen owns the sessions (digests, newest first) and the statistics; the
widgets show them. Reading, deleting and putting back run in threads; the
list draws only the lines on screen, so 10,000 sessions show at once.
"""

from __future__ import annotations

from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.notifications import Notification
from textual.reactive import var
from textual.widgets import DataTable, Label, Static, TabbedContent, TabPane
from textual.worker import get_current_worker

from backtimer.domain.history.digest import SessionDigest
from backtimer.domain.history.session import Session
from backtimer.domain.history.stats import CHART_WEEKS, Statistics, statistics
from backtimer.domain.report.period import Period
from backtimer.domain.routines.describe import duration
from backtimer.storage.files import StorageError
from backtimer.storage.library import exercises
from backtimer.storage.reports import make_report, save_report
from backtimer.tui.notices import announce, withdraw
from backtimer.tui.screens.base import AppScreen
from backtimer.tui.screens.confirm import Confirm
from backtimer.tui.services import Services
from backtimer.tui.widgets.bar_chart import BarChart
from backtimer.tui.widgets.moves_progress import MovesProgress
from backtimer.tui.widgets.session_detail import SessionDetail, long_date
from backtimer.tui.widgets.session_list import SessionList
from backtimer.tui.widgets.stats_summary import StatsSummary

EMPTY = (
    "Press Escape, pick a routine and press Enter to start it. Every workout, finished"
    " or stopped, is listed here."
)

WIDE = 100
"""Terminal columns from which the detail is beside the list, not under it."""


def week_label(monday: date) -> str:
    return f"{monday.day} {monday:%b}"


class HistoryScreen(AppScreen[None]):
    """Past sessions; opened from the picker."""

    BINDINGS = [
        Binding("escape,q", "back", "Back", key_display="esc", tooltip="Back to the routines"),
        Binding("d,delete", "delete", "Delete", tooltip="Delete the highlighted session"),
        Binding("u", "undo", "Undo delete", tooltip="Put back the session deleted last"),
        Binding("p", "show('progress')", "Progress", tooltip="Charts, and totals per move"),
        Binding("s", "show('sessions')", "Sessions", tooltip="Every session, and its detail"),
        Binding(
            "r",
            "report('progress')",
            "Report",
            tooltip="Write the charts' weeks as a page to print for a physiotherapist",
        ),
        # The same key on the Sessions tab, out of its footer: at 60 columns that footer is
        # full, and the report is of the weeks the Progress tab shows.
        Binding("r", "report('sessions')", show=False),
    ]

    stats: var[Statistics | None] = var(None)
    selected: var[SessionDigest | None] = var(None)
    """The highlighted session."""
    ready: var[bool] = var(False)
    """The sessions and the statistics read are shown."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.sessions: list[SessionDigest] = []
        """Newest first; replaced, never changed in place (threads read it)."""
        self._by_id: dict[str, SessionDigest] = {}
        self._deleted: list[Session] = []
        """Deleted while the pane is open, the last one last: u puts them back."""
        self._undo_notices: dict[str, Notification] = {}
        """The "Press u to undo" toast of each deleted session, by session id."""
        self._names = {move_id: move.name for move_id, move in exercises().items()}

    def compose_body(self) -> ComposeResult:
        yield StatsSummary(id="stats").data_bind(stats=HistoryScreen.stats)
        with TabbedContent(id="history-tabs"):
            with TabPane("Sessions", id="sessions"):
                with Horizontal(id="sessions-row"):
                    yield SessionList(self.services.zone, id="session-list")
                    yield SessionDetail(
                        self._names, self.services.zone, id="session-detail"
                    ).data_bind(session=HistoryScreen.selected)
                yield Static(EMPTY, id="no-sessions")
            with TabPane("Progress", id="progress"), VerticalScroll(id="progress-scroll"):
                with Horizontal(id="charts"):
                    with Vertical(classes="chart"):
                        yield Label("Minutes a week", classes="chart-title")
                        yield BarChart(id="minutes-chart")
                    with Vertical(classes="chart"):
                        yield Label(
                            "Pain: [$chart-before]██[/] before [$chart-after]▓▓[/] after",
                            classes="chart-title",
                        )
                        yield BarChart(id="pain-chart")
                yield Label("Every move, all time", classes="chart-title")
                yield DataTable(id="move-table", show_cursor=False, zebra_stripes=True)
                yield MovesProgress(id="moves-progress")

    def on_mount(self) -> None:
        self.sub_title = "History"
        sessions = self.query_one(SessionList)
        sessions.routine_width = 17 if self.app.size.width >= WIDE else 15
        sessions.focus()
        moves = self.query_one("#move-table", DataTable)
        for label in ("Move", "Sessions", "Reps", "Time"):
            moves.add_column(label, key=label.lower())
        pain = self.query_one("#pain-chart", BarChart)
        pain.maximum = 10
        pain.bar_width = 1
        self.query_one("#no-sessions").display = False
        self.load()

    # ------------------------------------------------------------ reading

    def _statistics(self, sessions: list[SessionDigest]) -> Statistics:
        tz = self.services.zone
        today = self.services.now().astimezone(tz).date()
        return statistics(sessions, today, tz, self.services.settings.weekly_goal)

    def load(self, focus: str | None = None) -> None:
        """Read the history again; then highlight the session ``focus`` if it is there."""
        self.ready = False
        self._read(focus)

    @work(thread=True, exclusive=True, group="load")
    def _read(self, focus: str | None) -> None:
        """Read every session's digest and work out the statistics, off the UI thread."""
        result = self.services.store.load_digests()
        sessions = result.sessions[::-1]
        stats = self._statistics(sessions)
        if get_current_worker().is_cancelled:
            return  # a newer load is under way
        self.app.call_from_thread(self._loaded, sessions, stats, result.problems, focus)

    def _loaded(
        self,
        sessions: list[SessionDigest],
        stats: Statistics,
        problems: list[str],
        focus: str | None,
    ) -> None:
        self.sessions = sessions
        self._by_id = {session.id: session for session in sessions}
        self.stats = stats
        for problem in problems:
            self.notify(problem, severity="warning", timeout=10)
        position = next((n for n, s in enumerate(sessions) if s.id == focus), 0)
        self._show(sessions, position)
        self.ready = True

    def _show(self, sessions: list[SessionDigest], position: int) -> None:
        self.query_one("#sessions-row").display = bool(sessions)
        self.query_one("#no-sessions").display = not sessions
        listed = self.query_one(SessionList)
        listed.show(sessions, position)
        if sessions and self.query_one(TabbedContent).active == "sessions":
            listed.focus()  # back from hiding, after the last session was deleted and put back

    def watch_stats(self, stats: Statistics | None) -> None:
        if stats is None:
            return
        labels = tuple(week_label(week.start) for week in stats.weeks)
        minutes = self.query_one("#minutes-chart", BarChart)
        minutes.series = (tuple(week.minutes for week in stats.weeks),)
        minutes.labels = labels
        pain = self.query_one("#pain-chart", BarChart)
        pain.series = (
            tuple(week.before for week in stats.pain),
            tuple(week.after for week in stats.pain),
        )
        pain.labels = labels
        moves = self.query_one("#move-table", DataTable)
        moves.clear()
        for total in stats.moves:
            name = self._names.get(total.exercise, total.exercise)
            moves.add_row(name, total.sessions, total.reps, duration(total.seconds))
        self.query_one(MovesProgress).show(self.sessions, stats.today, self.services.zone, labels)

    # ------------------------------------------------------------ the highlighted session

    @on(SessionList.Highlighted)
    def _highlighted(self, event: SessionList.Highlighted) -> None:
        self.selected = event.session

    def watch_selected(self) -> None:
        self.refresh_bindings()

    # ------------------------------------------------------------ deleting and undoing

    def action_delete(self) -> None:
        session = self.selected
        if session is None:
            return
        started = session.started_at.astimezone(self.services.zone)

        def answered(yes: bool | None) -> None:
            if yes:
                self.delete(session.id)

        question = Confirm(
            "Delete this session?",
            f"{session.routine_name}, {long_date(started)}. It leaves the statistics too;"
            " u puts it back while the history is open.",
            yes="Delete",
            no="Keep",
        )
        self.app.push_screen(question, answered)

    @work(thread=True, group="change")
    def delete(self, session_id: str) -> None:
        try:
            removed = self.services.store.delete(session_id)
        except StorageError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=10)
            return
        remaining = [s for s in self.sessions if s.id != session_id]
        self.app.call_from_thread(self._removed, removed, remaining, self._statistics(remaining))

    def _removed(
        self, removed: Session | None, remaining: list[SessionDigest], stats: Statistics
    ) -> None:
        if removed is None:
            self.notify("That session was no longer in the history.", severity="warning")
            self.load()
            return
        self._deleted.append(removed)
        self.sessions = remaining
        self._by_id.pop(removed.id, None)
        self.stats = stats
        self._show(remaining, self.query_one(SessionList).cursor)
        self.refresh_bindings()
        started = removed.started_at.astimezone(self.services.zone)
        self._undo_notices[removed.id] = announce(
            self.app,
            f"Deleted {removed.routine_name} of {long_date(started)}. Press u to undo.",
            timeout=8,
        )

    def action_undo(self) -> None:
        if self._deleted:
            session = self._deleted.pop()
            withdraw(self.app, self._undo_notices.pop(session.id, None))
            self.restore(session)
            self.refresh_bindings()

    @work(thread=True, group="change")
    def restore(self, session: Session) -> None:
        try:
            problems = self.services.store.record(session)
        except StorageError as exc:
            self.app.call_from_thread(self._restore_failed, session, str(exc))
            return
        for problem in problems:
            self.app.call_from_thread(self.notify, problem, severity="warning", timeout=10)
        self.app.call_from_thread(self.notify, f"Put back {session.routine_name}.")
        self.app.call_from_thread(self.load, session.id)

    def _restore_failed(self, session: Session, problem: str) -> None:
        self._deleted.append(session)
        self.refresh_bindings()
        self.notify(f"{problem}. Press u to try again.", severity="error", timeout=10)

    # ------------------------------------------------------------ the report

    def action_report(self, tab: str) -> None:
        self.notify("Writing the report…", timeout=3)
        self.write_report()

    @work(thread=True, exclusive=True, group="report")
    def write_report(self) -> None:
        """Write the report of the weeks the charts show into the reports folder, and say
        where (off the UI thread: it reads the whole history)."""
        services = self.services
        now = services.now()
        period = Period.weeks(CHART_WEEKS, now.astimezone(services.zone).date())
        try:
            made = make_report(
                services.store,
                period,
                now=now,
                zone=services.zone,
                weekly_goal=services.settings.weekly_goal,
            )
            path = save_report(made.report, "html")
        except StorageError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=10)
            return
        self.app.call_from_thread(
            self.notify,
            f"The report of {period.text()} is in {path}: open it in a web browser to read"
            " or print it (readable by you alone).",
            title="Report written",
            timeout=15,
        )

    # ------------------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("show", "delete", "report") and not self.is_mounted:
            return False
        if action == "report":
            return parameters[0] == self.query_one(TabbedContent).active
        if action == "show":
            return parameters[0] != self.query_one(TabbedContent).active
        if action == "delete":
            return self.selected is not None and self.query_one(TabbedContent).active == "sessions"
        if action == "undo":
            return bool(self._deleted)
        return True

    def action_show(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        if tab == "sessions":
            self.query_one(SessionList).focus()
        else:
            self.query_one("#progress-scroll").focus()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()

    def action_back(self) -> None:
        for notice in self._undo_notices.values():  # u does nothing once the pane is closed
            withdraw(self.app, notice)
        self.dismiss()
