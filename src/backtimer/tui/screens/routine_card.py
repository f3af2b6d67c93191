"""One routine at a glance, over the current screen: what the palette's "Show" opens."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from backtimer.storage.library import RoutineEntry
from backtimer.tui.widgets.routine_preview import RoutinePreview
from backtimer.tui.widgets.too_small import TooSmall


class RoutineCard(ModalScreen[str | None]):
    """Dismissed with "start" (Enter), "edit" (ctrl+e) or None (Escape)."""

    BINDINGS = [
        Binding("enter", "choose('start')", "Start", tooltip="Start this routine"),
        Binding("ctrl+e", "choose('edit')", "Edit", tooltip="Edit it in the builder"),
        Binding("escape", "choose(None)", "Close", key_display="esc"),
    ]

    def __init__(self, entry: RoutineEntry) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        yield TooSmall()
        with Vertical(classes="dialog", id="routine-card"):
            yield RoutinePreview(id="card-preview")
            yield Label("Enter start · ctrl+e edit · esc close", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(RoutinePreview).entry = self.entry

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)
