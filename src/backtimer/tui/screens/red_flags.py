"""The red flags: the signs that need a doctor, not a timer (`domain.red_flags`).

Shown once by itself at the first start, and whenever asked for (the keys
screen, the pain guide, the command palette). Here the person can say that one
applies (a): backtimer then says what to do, keeps the timer usable, and
suggests no growth until they say it has been checked (c). The caller keeps
the answer (`greeting.red_flags`).
"""

from __future__ import annotations

from typing import Literal

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from backtimer.domain.coaching import red_flags
from backtimer.tui.screens.question import Question
from backtimer.tui.widgets.hanging_text import HangingText, Line
from backtimer.tui.widgets.too_small import TooSmall

Answer = Literal["applies", "checked"]


def red_flags_lines() -> list[Line]:
    """The headings and their signs, most urgent first: markup, and each bullet's wrapped
    lines hanging under its text."""
    colours = ["$error", "$warning", "$text"]
    lines: list[Line] = []
    for colour, (heading, items) in zip(colours, red_flags.sections(), strict=True):
        lines += [(f"[b {colour}]{escape(heading)}[/]", 0)]
        lines += [(f" • {escape(item)}", 3) for item in items]
        lines += [("", 0)]
    return [*lines, (f"[dim]{escape(red_flags.SOURCE)}[/]", 0)]


def red_flags_text() -> HangingText:
    """The red flags, as a widget."""
    text = HangingText()
    text.lines = red_flags_lines()
    return text


class RedFlagsScreen(Question, ModalScreen[Answer | None]):
    """Dismissed with "applies", "checked", or None when closed with nothing to keep."""

    BINDINGS = [
        Binding("enter,escape", "close", "Close", key_display="Enter"),
        Binding("a", "applies", "One applies to me"),
        Binding("c", "checked", "It has been checked"),
    ]

    def __init__(self, *, first: bool = False, flag_open: bool = False) -> None:
        super().__init__()
        self.first = first
        self.flag_open = flag_open
        self.answer: Answer | None = None

    def compose(self) -> ComposeResult:
        yield TooSmall()
        with Vertical(classes="dialog", id="red-flags"):
            yield Label(red_flags.TITLE, classes="dialog-title")
            with VerticalScroll(id="red-flags-text"):
                yield red_flags_text()
            yield Static("", id="red-flags-status")
            yield Label("", classes="dialog-hint", id="red-flags-keys")

    def on_mount(self) -> None:
        self.query_one("#red-flags-text").focus()
        self._show()

    def _show(self) -> None:
        status = ""
        if self.answer == "applies":
            status = f"[b $warning]{escape(red_flags.WHEN_ONE_APPLIES)}[/]"
        elif self.answer == "checked":
            status = escape(red_flags.CHECKED)
        elif self.flag_open:
            status = f"[b $warning]{escape(red_flags.OPEN_NOW)}[/]"
        shown = self.query_one("#red-flags-status", Static)
        shown.update(status)
        shown.display = bool(status)
        keys = ["Enter: I have read them" if self.first and not self.answer else "Enter: close"]
        if self.answer is None:
            keys.append("C: it has been checked" if self.flag_open else "A: one applies to me")
        keys.append("↑↓ scroll")
        self.query_one("#red-flags-keys", Label).update(" · ".join(keys))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "applies":
            return self.answer is None and not self.flag_open
        if action == "checked":
            return self.answer is None and self.flag_open
        return True

    def action_applies(self) -> None:
        """Say what to do; the answer is kept when the screen closes."""
        self.answer = "applies"
        self._show()
        self.refresh_bindings()

    def action_checked(self) -> None:
        self.answer = "checked"
        self._show()
        self.refresh_bindings()

    def action_close(self) -> None:
        self.dismiss(self.answer)
