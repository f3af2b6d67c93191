"""The routine picker: every routine, a preview, type to filter, Enter to start."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from backtimer.domain.describe import clock
from backtimer.storage import library
from backtimer.storage.library import RoutineEntry
from backtimer.tui.widgets.routine_preview import RoutinePreview
from backtimer.tui.widgets.too_small import TooSmall

SAFETY = (
    "Stop at once if a move causes sharp or radiating pain: backtimer is a timer,"
    " not medical advice."
)


def matches(entry: RoutineEntry, query: str) -> bool:
    """True when every word of the query is in the routine's name, id, tags or moves,
    or in the muscles and equipment of its moves."""
    haystack = [entry.id, entry.name]
    if entry.routine is not None:
        haystack += entry.routine.tags
        for plan in entry.timeline.steps:
            haystack += [plan.exercise.name, *plan.exercise.muscles, *plan.exercise.equipment]
    text = " ".join(haystack).lower()
    return all(word in text for word in query.lower().split())


def option_for(entry: RoutineEntry) -> Option:
    label = Text()
    if entry.routine is None:
        label.append("⚠ ", style="bold red")
        label.append(entry.id)
        label.append("  does not load", style="italic red")
        return Option(label, id=entry.id)
    label.append(entry.name, style="bold")
    label.append(f"  {clock(entry.timeline.estimated_seconds)}", style="dim")
    if entry.source == "user":
        label.append("  yours", style="italic $accent")
    return Option(label, id=entry.id)


class PickerScreen(Screen[None]):
    """Choose a routine. The filter has the focus, so typing filters at once."""

    @dataclass
    class Start(Message):
        """The person asked to start this routine."""

        entry: RoutineEntry

    BINDINGS = [
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("enter", "start", "Start", priority=True, tooltip="Start the highlighted routine"),
        Binding("escape", "clear", "Clear filter", show=False),
        Binding("ctrl+r", "reload", "Reload", tooltip="Read the routine files again"),
        # "?" would go into the filter here; F1 shows the keys instead.
        Binding("f1", "app.help", "Keys", key_display="F1"),
        # h and s while the list has the focus; F2 and F3 also while typing in the filter.
        Binding("h", "app.history", "History", tooltip="Past sessions and streak"),
        Binding(
            "f2",
            "app.history",
            "History",
            key_display="F2",
            tooltip="Past sessions and streak, even while typing",
        ),
        Binding("s", "app.settings", "Settings", tooltip="Goal, cues, theme"),
        Binding(
            "f3",
            "app.settings",
            "Settings",
            key_display="F3",
            tooltip="Goal, cues, theme, even while typing",
        ),
    ]

    entries: var[list[RoutineEntry]] = var(list)
    """Every routine found, built-in first."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield TooSmall()
        with Horizontal(id="picker"):
            with Vertical(id="routine-pane"):
                yield Input(placeholder="Type to filter routines", id="filter")
                yield OptionList(id="routines")
            yield RoutinePreview(id="preview")
        yield Static(SAFETY, id="safety")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "Choose a routine"
        self.query_one("#routines", OptionList).loading = True
        self.load_routines()

    @work(thread=True, exclusive=True, group="routines")
    def load_routines(self) -> None:
        """Read and check every routine file, off the UI thread."""
        entries = library.all_routines()
        for entry in entries:
            if entry.ok:
                _ = entry.timeline  # compile here, not on the UI thread
        self.app.call_from_thread(setattr, self, "entries", entries)

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
        shown = [entry for entry in self.entries if matches(entry, query)]
        options.clear_options()
        options.add_options([option_for(entry) for entry in shown])
        ids = [entry.id for entry in shown]
        if shown:
            options.highlighted = ids.index(previous) if previous in ids else 0
        self._preview()

    def selected(self) -> RoutineEntry | None:
        option = self.query_one("#routines", OptionList).highlighted_option
        if option is None:
            return None
        return next((e for e in self.entries if e.id == option.id), None)

    @on(OptionList.OptionHighlighted)
    def _preview(self) -> None:
        self.query_one(RoutinePreview).entry = self.selected()

    @on(OptionList.OptionSelected)
    def _chosen(self) -> None:
        self.action_start()

    def action_move(self, by: int) -> None:
        options = self.query_one("#routines", OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else 0
            options.highlighted = max(0, min(options.option_count - 1, current + by))

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
            self.post_message(self.Start(entry))
