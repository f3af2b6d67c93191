"""Before a workout started at 7 or more: this may be a day for the gentlest routine, or rest.

Asked right after the pain question (`domain.sore_day`), before the timer
starts. The gentle routine is one key away (g, or Enter: the gentler choice
has the focus); the person can go on with the routine they chose (o), or rest
(Escape).
"""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from backtimer.domain.routines.sore_day import GENTLE_WHAT, SAID
from backtimer.tui.screens.question import Question
from backtimer.tui.widgets.too_small import TooSmall

Choice = Literal["gentle", "go-on"]


class SoreDay(Question, ModalScreen[Choice | None]):
    """Dismissed with "gentle", "go-on", or None to rest (no workout)."""

    BINDINGS = [
        Binding("g", "choose('gentle')", "Gentle routine"),
        Binding("o", "choose('go-on')", "Go on"),
        Binding("escape", "rest", "Rest today"),
    ]

    def __init__(self, pain: int, routine_name: str) -> None:
        super().__init__()
        self.pain = pain
        self.routine_name = routine_name

    def compose(self) -> ComposeResult:
        yield TooSmall()
        with Vertical(classes="dialog", id="sore-day"):
            yield Label(
                f"Pain {self.pain} of 10 before {self.routine_name}", classes="dialog-title"
            )
            yield Label(SAID, classes="dialog-detail", id="sore-day-said")
            yield Label(GENTLE_WHAT, classes="dialog-detail")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Gentle routine (g)", variant="primary", id="gentle")
                yield Button("Go on (o)", id="go-on")
                yield Button("Rest (Esc)", id="rest")

    def on_mount(self) -> None:
        self.query_one("#gentle", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "rest":
            self.dismiss(None)
        else:
            self.action_choose("gentle" if event.button.id == "gentle" else "go-on")

    def action_choose(self, choice: Choice) -> None:
        self.dismiss(choice)

    def action_rest(self) -> None:
        self.dismiss(None)
