"""One of a few values, changed with ← and →: compact enough for a form at 60 x 20."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from backtimer.tui.widgets.text_input import keep_order


class Choice(Widget, can_focus=True):
    """Shows ``‹ label ›``; ← and → (or space) step through the choices."""

    DEFAULT_CSS = """
    Choice {
        height: 1;
        width: 1fr;
        background: $boost;
    }
    Choice:focus {
        background: $accent 40%;
        text-style: bold;
    }
    """

    BINDINGS = [
        Binding("left", "step(-1)", "Previous", show=False),
        Binding("right,space", "step(1)", "Next", show=False),
    ]

    @dataclass
    class Changed(Message):
        """The person chose another value."""

        choice: Choice
        value: str

        @property
        def control(self) -> Choice:
            return self.choice

    value: reactive[str] = reactive("")

    def __init__(
        self, choices: Sequence[tuple[str, str]], value: str, *, id: str | None = None
    ) -> None:
        """Args:
        choices: (value, label) pairs, in the order ← and → go through them.
        value: the value chosen at first.
        """
        super().__init__(id=id)
        self.choices = list(choices)
        self.set_reactive(Choice.value, value)

    async def _on_key(self, event: events.Key) -> None:
        # ← and → held down: each step in turn, before a key that comes after them.
        if not await keep_order(self, event):
            await super()._on_key(event)

    def render(self) -> str:
        return f"‹ {dict(self.choices).get(self.value, self.value)} ›"

    def action_step(self, by: int) -> None:
        values = [value for value, _ in self.choices]
        index = values.index(self.value) if self.value in values else 0
        self.value = values[(index + by) % len(values)]
        self.post_message(self.Changed(self, self.value))
