"""Sessions the disk would not take: try again, or write them to another file.

Shown when a session cannot be recorded (a full or read-only disk): it says
which session, where backtimer tried to write and why, and keeps the
session in memory until it is saved. Dismissed with True once every session
is saved somewhere; from the summary, Escape goes back (False). When the app
is quitting there is no going back: q quits without saving, and the session
is then printed in the terminal, as JSON ``backtimer history import`` takes.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from backtimer.storage.files import StorageError
from backtimer.storage.history import HistoryStore
from backtimer.storage.history_file import write_export
from backtimer.tui.markup import escape
from backtimer.tui.screens.question import Question
from backtimer.tui.unsaved import Unsaved, as_printed, describe, exit_message
from backtimer.tui.widgets.too_small import TooSmall

QUIT_CODE = 1
"""The exit status when the app ends with a session not saved."""


def other_place(unsaved: list[Unsaved]) -> Path:
    """A file to offer for the sessions, in the home folder (often another disk)."""
    return Path.home() / f"backtimer-unsaved-{unsaved[0].session.id}.json"


class NotSavedScreen(Question, ModalScreen[bool]):
    """Sessions not saved: r tries again, w writes them to the file named, q or Escape leaves."""

    BINDINGS = [
        Binding("r", "retry", "Try again"),
        Binding("w", "elsewhere", "Save to that file"),
        Binding("escape", "back", "Back"),
        Binding("q", "quit_anyway", "Quit without saving"),
    ]

    def __init__(self, unsaved: list[Unsaved], store: HistoryStore, *, quitting: bool) -> None:
        super().__init__()
        self.unsaved = list(unsaved)
        self._store = store
        self.quitting = quitting

    def compose(self) -> ComposeResult:
        yield TooSmall()
        with Vertical(classes="dialog", id="not-saved"):
            yield Label("Not saved yet", classes="dialog-title")
            yield Static(id="not-saved-what", classes="dialog-detail")
            yield Label(
                "Save it to another file instead (`backtimer history import FILE` puts it in"
                " the history later):",
                classes="dialog-detail",
            )
            yield Input(str(other_place(self.unsaved)), id="not-saved-path")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Try again (r)", variant="primary", id="retry")
                yield Button("Save to file (w)", id="elsewhere")
                if self.quitting:
                    yield Button("Quit anyway (q)", variant="error", id="quit-anyway")
                else:
                    yield Button("Back (Esc)", id="back")

    def on_mount(self) -> None:
        self._show()
        self.query_one("#retry", Button).focus()

    def _show(self) -> None:
        lines = [f"• {escape(describe(u.session))}: {escape(u.problem)}" for u in self.unsaved]
        lines.append("backtimer keeps it in memory until it is saved.")
        self.query_one("#not-saved-what", Static).update("\n".join(lines))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return not self.quitting
        if action == "quit_anyway":
            return self.quitting
        return True

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "retry":
            self.action_retry()
        elif event.button.id == "elsewhere":
            self.action_elsewhere()
        elif event.button.id == "back":
            self.action_back()
        else:
            self.action_quit_anyway()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_elsewhere()

    @work(exclusive=True, group="not-saved")
    async def action_retry(self) -> None:
        """Record each session again; those the disk takes now are done."""
        for item in list(self.unsaved):
            try:
                await asyncio.to_thread(self._store.record, item.session)
            except StorageError as exc:
                item.problem = str(exc)
                continue
            self.unsaved.remove(item)
        self._after("Saved.", "Still not saved: see why above.")

    @work(exclusive=True, group="not-saved")
    async def action_elsewhere(self) -> None:
        """Write the sessions to the file named in the field."""
        typed = self.query_one("#not-saved-path", Input).value.strip()
        path = Path(typed).expanduser() if typed else other_place(self.unsaved)
        if path.is_dir():
            path = path / other_place(self.unsaved).name
        try:
            await asyncio.to_thread(write_export, path, [u.session for u in self.unsaved])
        except StorageError as exc:
            self.notify(f"{exc}. Try another file.", severity="error", timeout=10)
            return
        self.unsaved.clear()
        self._after(
            f"Saved to {path}; `backtimer history import {path}` puts it in the history.", ""
        )

    def _after(self, done: str, not_done: str) -> None:
        if self.unsaved:
            self._show()
            self.notify(not_done, severity="error", timeout=8)
            return
        self.notify(done, timeout=10)
        if self.quitting:
            self.app.exit()
        else:
            self.dismiss(True)

    def action_back(self) -> None:
        if not self.quitting:
            self.dismiss(False)

    def action_quit_anyway(self) -> None:
        """End the app; the terminal then shows each session, to keep by hand."""
        if self.quitting:
            self.app.error_console.soft_wrap = True  # printed whole, never cut to the width
            self.app.exit(return_code=QUIT_CODE, message=as_printed(exit_message(self.unsaved)))
