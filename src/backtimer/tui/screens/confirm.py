"""A yes-or-no question over the current screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from backtimer.tui.screens.question import Question
from backtimer.tui.widgets.too_small import TooSmall


class Confirm(Question, ModalScreen[bool | None]):
    """Dismissed with True for yes (y or Enter) and False for no (n, and Escape unless
    the question can be left unanswered: then None)."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No"),
        Binding("escape", "leave", "No", key_display="esc", show=False),
    ]

    def __init__(
        self,
        question: str,
        detail: str = "",
        yes: str = "Yes",
        no: str = "No",
        *,
        cancel: str | None = None,
    ) -> None:
        """Args:
        cancel: when both answers do something, the third button's words (Escape):
            neither is done, and the question is dismissed with None.
        """
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes = yes
        self.no = no
        self.cancel = cancel

    def compose(self) -> ComposeResult:
        yield TooSmall()
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-title")
            if self.detail:
                yield Label(self.detail, classes="dialog-detail")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes} (y)", variant="primary", id="yes")
                yield Button(f"{self.no} (n)", id="no")
                if self.cancel:
                    yield Button(f"{self.cancel} (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.action_leave()
        else:
            self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def action_leave(self) -> None:
        self.dismiss(None if self.cancel else False)
