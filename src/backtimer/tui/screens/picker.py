"""The routine picker: every routine, a preview, type to filter, Enter to start."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Hashable, Iterable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import var
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from backtimer.domain.routines.describe import clock
from backtimer.domain.routines.search import ranked
from backtimer.storage import library, routine_files
from backtimer.storage.files import StorageError
from backtimer.storage.library import RoutineEntry
from backtimer.tui.keys import screen_bindings
from backtimer.tui.messages import StartRoutine
from backtimer.tui.screens.base import AppScreen
from backtimer.tui.services import Services
from backtimer.tui.widgets.choice_list import ChoiceList
from backtimer.tui.widgets.filter_input import FilterInput
from backtimer.tui.widgets.routine_preview import RoutinePreview

LOOK_EVERY = 3.0
"""Seconds between two looks at the routine, programme and history files (a few stat
calls, off the UI thread)."""

SAFETY = (
    "Stop at once if a move causes sharp or radiating pain: backtimer is a timer,"
    " not medical advice."
)


def shared_names(entries: Iterable[RoutineEntry]) -> set[str]:
    """The names (casefolded) that more than one routine has."""
    counts = Counter(entry.name.casefold() for entry in entries if entry.ok)
    return {name for name, count in counts.items() if count > 1}


def option_for(entry: RoutineEntry, shared: Collection[str] = ()) -> Option:
    """The entry's line in the list: its name, time, and "yours" for the user's own.

    A name in `shared` (see `shared_names`) is followed by the routine's id, so
    that two routines never look the same.
    """
    label = Text()
    if entry.routine is None:
        label.append("⚠ ", style="bold red")
        label.append(entry.id)
        label.append("  does not load", style="italic red")
        return Option(label, id=entry.id)
    label.append(entry.name, style="bold")
    if entry.name.casefold() in shared:
        label.append(f" ({entry.id})", style="dim")
    label.append(f"  {clock(entry.timeline.estimated_seconds)}", style="dim")
    if entry.source == "user":
        label.append("  yours", style="italic cyan")
    return Option(label, id=entry.id)


class PickerScreen(AppScreen[None]):
    """Choose a routine. The filter always has the focus: a word typed is a word searched.

    So no action here is on a key a word can contain: the screens it opens are on
    function keys, what it does to routine files on ctrl keys, and the list moves
    with the keys an `Input` leaves alone.
    """

    AUTO_FOCUS = "#filter"
    FOOTER_LAST = ("app.today", "reload")  # the banner says "F6 to start" when it applies

    BINDINGS = [
        Binding("down", "list('cursor_down')", "Next routine", show=False),
        Binding("up", "list('cursor_up')", "Previous routine", show=False),
        Binding("pagedown", "list('page_down')", "A page down", show=False),
        Binding("pageup", "list('page_up')", "A page up", show=False),
        Binding("home", "list('first')", "First routine", show=False),
        Binding("end", "list('last')", "Last routine", show=False),
        Binding("escape", "clear", "Clear the filter", show=False),
        *screen_bindings(),  # F1 … F6 and ctrl+n: the screens, as the palette finds them
        # ctrl keys win over the filter's own (ctrl+e: end of line, ctrl+x: cut).
        Binding(
            "ctrl+e",
            "app.edit",
            "Edit",
            priority=True,
            show=False,
            tooltip="Edit the highlighted routine (a built-in: as your copy)",
        ),
        Binding(
            "ctrl+x",
            "delete",
            "Delete",
            priority=True,
            show=False,
            tooltip="Delete the highlighted routine (yours only)",
        ),
        Binding("ctrl+r", "reload", "Reload", tooltip="Read the routine files again"),
        # "?" is a letter of the filter here; this hides the app's "? Keys" from the footer.
        Binding("question_mark", "app.help", show=False),
    ]

    entries: var[list[RoutineEntry]] = var(list)
    """Every routine found, built-in first."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    def compose_body(self) -> ComposeResult:
        yield Static(id="today-banner")
        with Horizontal(id="picker"):
            with Vertical(id="routine-pane"):
                yield FilterInput(placeholder="Type to filter", id="filter")
                yield ChoiceList(id="routines")
            yield RoutinePreview(id="preview")
        yield Static(SAFETY, id="safety")

    def on_mount(self) -> None:
        self.sub_title = "Choose a routine"
        routines = self.query_one("#routines", OptionList)
        routines.can_focus = False  # driven from the filter, which keeps the focus
        routines.loading = True
        self.load_routines()
        self.set_interval(LOOK_EVERY, self._look_again)

    def on_screen_resume(self) -> None:
        self.load_today()

    # ------------------------------------------------------------ files changed elsewhere

    _seen: Hashable = None
    """How the files looked when the list and the banner were last read."""

    def _look_again(self) -> None:
        if self.app.screen is self:  # no point while another screen covers the list
            self.look_at_files()

    @work(thread=True, exclusive=True, group="look")
    def look_at_files(self) -> None:
        """Read the routines and today's banner again when their files changed in another
        window or on the command line (a routine saved, a programme started, a session
        done): the picker never goes stale, and ctrl+r is never needed."""
        if library.routines_look() != self._seen:
            self.post_message(self.FilesChanged())

    class FilesChanged(Message):
        """A routine, a programme or the history changed on disk."""

    @on(FilesChanged)
    def _files_changed(self) -> None:
        self.load_routines()
        self.load_today()

    @work(thread=True, exclusive=True, group="today")
    def load_today(self) -> None:
        """The one-line banner of today's programme session (hidden when none is active)."""
        from backtimer.storage import programmes as programs  # not on the way to the first frame

        services = self.services
        found = programs.situation(services.store, services.now(), services.zone)
        plan = found.standing.progress
        line = plan.headline(found.names, missed=False) if plan else ""
        if plan is not None and plan.lead is not None:
            line = f"Today: {line} · F6 to start"
        # Posted, not called from the thread: a worker waiting on an app that is
        # closing kept the process from ending.
        self.post_message(self.TodayFound(line))

    class TodayFound(Message):
        """Today's banner line, read off the UI thread ("" when no programme is active)."""

        def __init__(self, line: str) -> None:
            super().__init__()
            self.line = line

    @on(TodayFound)
    def _show_today(self, found: TodayFound) -> None:
        # query, not query_one: the app may be closing, its widgets already gone.
        for banner in self.query("#today-banner").results(Static):
            banner.update(found.line)
            banner.display = bool(found.line)

    @work(thread=True, exclusive=True, group="routines")
    def load_routines(self) -> None:
        """Read and check every routine file, off the UI thread."""
        self._seen = library.routines_look()  # before reading: a change meanwhile is seen
        entries = library.all_routines()
        self.post_message(self.RoutinesFound(entries))  # listed at once; never waited on
        for entry in entries:
            if entry.ok:
                _ = entry.timeline  # compiled here, not on the UI thread

    class RoutinesFound(Message):
        """Every routine found, read off the UI thread."""

        def __init__(self, entries: list[RoutineEntry]) -> None:
            super().__init__()
            self.entries = entries

    @on(RoutinesFound)
    def _found(self, found: RoutinesFound) -> None:
        self.entries = found.entries

    def watch_entries(self) -> None:
        self.query_one("#routines", OptionList).loading = False
        self._fill()

    @on(Input.Changed, "#filter")
    def _filtered(self) -> None:
        self._fill()

    def _fill(self) -> None:
        query = self.query_one("#filter", Input).value
        options = self.query_one("#routines", OptionList)
        previous = options.highlighted_option.id if options.highlighted_option else None
        shown = ranked(self.entries, query)
        options.clear_options()
        shared = shared_names(self.entries)
        options.add_options([option_for(entry, shared) for entry in shown])
        ids = [entry.id for entry in shown]
        if shown:  # the best match as a word is typed; where it was when the filter clears
            options.highlighted = ids.index(previous) if previous in ids and not query else 0
        self.query_one(RoutinePreview).filter_words = query
        self._preview()

    def selected(self) -> RoutineEntry | None:
        option = self.query_one("#routines", OptionList).highlighted_option
        if option is None:
            return None
        return next((e for e in self.entries if e.id == option.id), None)

    @on(OptionList.OptionHighlighted)
    def _preview(self) -> None:
        self.query_one(RoutinePreview).entry = self.selected()

    # Enter is the filter's own key, not a priority binding: it must come after
    # the letters and arrow keys typed before it, which all pass through the filter.
    @on(OptionList.OptionSelected)
    def _chosen(self) -> None:
        self.action_start()

    @on(Input.Submitted, "#filter")
    def _submitted(self) -> None:
        """Start what the filter held when Enter was pressed. Keys typed in the same
        burst after it ("desk", Enter, "4") reach the filter before Enter's action runs;
        they were meant for the screen Enter opens, not for the filter."""
        typed = self.query_one("#filter", FilterInput)
        if typed.value != typed.submitted:
            typed.value = typed.submitted
            self._fill()
        self.action_start()

    async def action_list(self, action: str) -> None:
        """Move through the list while the filter keeps the focus."""
        await self.query_one("#routines", OptionList).run_action(action)

    def action_clear(self) -> None:
        self.query_one("#filter", Input).value = ""

    def action_reload(self) -> None:
        self.load_routines()

    def action_start(self) -> None:
        entry = self.selected()
        if entry is None:
            self.notify("No routine is highlighted.", severity="warning")
        elif not entry.ok:
            self.notify(
                f"{entry.path} does not load; its problems are shown on the right.",
                severity="error",
            )
        else:
            self.post_message(StartRoutine(entry))

    def action_delete(self) -> None:
        entry = self.selected()
        if entry is None or entry.source != "user":
            self.notify("Only your own routines can be deleted.", severity="warning")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.delete_routine(entry.id)

        detail = f"{entry.path} will be removed. Your history of it stays."
        from backtimer.tui.screens.confirm import Confirm

        self.app.push_screen(Confirm(f"Delete {entry.name}?", detail, "Delete", "Keep"), answered)

    @work(thread=True, group="routines")
    def delete_routine(self, routine_id: str) -> None:
        try:
            routine_files.delete_routine(routine_id)
        except StorageError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
        self.app.call_from_thread(self.load_routines)
