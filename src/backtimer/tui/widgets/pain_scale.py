"""A 0-10 pain scale: a digit (or T for ten) picks a number.

Before a workout one key answers (`PainScale(confirm=False)`): there is nothing
else to type there. On the summary a key only picks the number, Enter gives it,
and words typed there go to the note whole (`typed_answer`): "1" then "0" is
10, "tight hip" is a note, never a 10.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive

from backtimer.tui.widgets.typed_answer import TypedAnswer

RATINGS = {str(number): number for number in range(11)} | {"t": 10, "T": 10}
"""What is typed for each rating."""


class PainScale(TypedAnswer[int]):
    """The numbers 0 to 10 in a row; the chosen one stands out."""

    DEFAULT_CSS = """
    PainScale { height: 2; width: auto; padding: 0 1; }
    PainScale:focus { background: $boost; }
    """

    value: reactive[int | None] = reactive(None)

    @dataclass
    class Chosen(Message):
        """A number was chosen, by key (when one key answers) or by click."""

        scale: PainScale
        value: int

        @property
        def control(self) -> PainScale:
            return self.scale

    def __init__(self, *, confirm: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.confirm = confirm

    def render(self) -> Text:
        numbers = Text()
        for number in range(11):
            style = "bold reverse" if number == self.value else ""
            numbers.append(f" {number} ", style=style)
            numbers.append(" ")
        # Each word starts under its number: 0 in the second cell, 10 four cells a number on.
        words = Text(" ")
        words.append("0 none", style="dim")
        words.append(" " * (10 * 4 + 1 - words.cell_len))
        words.append("10 worst", style="dim")
        return Text("\n").join([numbers, words])

    def reading(self, typed: str) -> tuple[bool, int | None]:
        if typed == "":
            return True, None
        if typed in RATINGS:
            return True, RATINGS[typed]
        return False, None

    def show(self, value: int | None) -> None:
        self.value = value

    def take(self, typed: str) -> None:
        if self.confirm:
            super().take(typed)
            return
        value = RATINGS.get(typed[-1:])  # one key answers; any other is not for this question
        if value is not None:
            self.choose(value)

    def choose(self, value: int) -> None:
        self.value = value
        self.typed = str(value)
        self.post_message(self.Chosen(self, value))

    def on_click(self, event: events.Click) -> None:
        if event.y == 0 and event.x >= 0:
            number = (event.x - 1) // 4  # each number takes four cells: " n " and a gap
            if 0 <= number <= 10 and self.taking:
                self.choose(number)
