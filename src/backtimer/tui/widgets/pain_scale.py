"""A 0-10 pain scale answered with one key: a digit, or T for ten."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class PainScale(Widget, can_focus=True):
    """The numbers 0 to 10 in a row; the chosen one stands out."""

    DEFAULT_CSS = """
    PainScale { height: 2; width: auto; padding: 0 1; }
    PainScale:focus { background: $boost; }
    """

    value: reactive[int | None] = reactive(None)

    then: Widget | None = None
    """Where the focus goes after a number is chosen by key, if anywhere (the summary's
    note). Keys typed in the same burst reach this scale before the focus has moved:
    they are handed on there, so a note's "t" never re-rates the pain as 10."""
    _handing_on = False

    @dataclass
    class Chosen(Message):
        """A number was chosen, by key or by click."""

        scale: PainScale
        value: int

        @property
        def control(self) -> PainScale:
            return self.scale

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

    def choose(self, value: int) -> None:
        self.value = value
        self._handing_on = self.then is not None
        self.post_message(self.Chosen(self, value))

    def on_blur(self) -> None:
        self._handing_on = False  # the focus has moved: keys now go where it went

    def on_key(self, event: events.Key) -> None:
        if self._handing_on and self.then is not None and event.is_printable:
            event.stop()
            self.then.post_message(events.Key(event.key, event.character))
        elif event.character and event.character.isdigit():
            event.stop()
            self.choose(int(event.character))
        elif event.key in ("t", "T"):
            event.stop()
            self.choose(10)

    def on_click(self, event: events.Click) -> None:
        if event.y == 0 and event.x >= 0:
            number = (event.x - 1) // 4  # each number takes four cells: " n " and a gap
            if 0 <= number <= 10:
                self.choose(number)
