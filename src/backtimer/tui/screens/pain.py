"""Before a workout: how does the back feel? One digit answers, Enter skips."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from backtimer.tui.screens.question import Question
from backtimer.tui.widgets.pain_scale import PainScale
from backtimer.tui.widgets.too_small import TooSmall

SKIPPED = -1
"""Dismissed with this when the person skips the question."""


class RatingQuestion(Question, ModalScreen[int | None]):
    """A question one digit of the pain scale answers: the scale has the focus, and a
    digit dismisses the screen with it. Subclasses compose the words around it."""

    def on_mount(self) -> None:
        self.query_one(PainScale).focus()

    def on_pain_scale_chosen(self, event: PainScale.Chosen) -> None:
        self.dismiss(event.value)


class PainQuestion(RatingQuestion):
    """Dismissed with the rating, `SKIPPED`, or None when the start is cancelled."""

    BINDINGS = [
        Binding("enter", "skip", "Skip"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, routine_name: str) -> None:
        super().__init__()
        self.routine_name = routine_name

    def compose(self) -> ComposeResult:
        yield TooSmall()
        with Vertical(classes="dialog"):
            yield Label(f"Before {self.routine_name}", classes="dialog-title")
            yield Label("How much does your back hurt right now?", classes="dialog-detail")
            yield PainScale()
            yield Label(
                "Press a digit (T for 10), or Enter to skip. Escape goes back.",
                classes="dialog-hint",
            )

    def action_skip(self) -> None:
        self.dismiss(SKIPPED)

    def action_cancel(self) -> None:
        self.dismiss(None)
