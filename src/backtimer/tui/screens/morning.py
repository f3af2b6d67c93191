"""The morning after a workout: how is your back this morning? One digit answers, Enter skips.

Asked once, at the first start of the app on the day after a session
(`greeting.morning`); the answer is that session's ``next_morning``.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label

from backtimer.tui.screens.pain import RatingQuestion
from backtimer.tui.widgets.pain_scale import PainScale
from backtimer.tui.widgets.too_small import TooSmall


class MorningQuestion(RatingQuestion):
    """Dismissed with the rating, or None when skipped."""

    BINDINGS = [Binding("enter,escape", "skip", "Skip", key_display="Enter")]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        yield TooSmall()
        with Vertical(classes="dialog", id="morning"):
            yield Label("The morning after", classes="dialog-title")
            yield Label(self.question, classes="dialog-detail", id="morning-question")
            yield PainScale()
            yield Label(
                "Press a digit (T for 10), or Enter to skip. It tells whether the"
                " workout's load was right: pain after exercise is fine if it has settled"
                " by the next morning.",
                classes="dialog-hint",
            )

    def action_skip(self) -> None:
        self.dismiss(None)
