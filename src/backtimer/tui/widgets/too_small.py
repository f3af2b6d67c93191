"""A notice that covers a screen when the terminal is too small to use it."""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.widgets import Static

MIN_WIDTH = 60
MIN_HEIGHT = 20


def too_small(size: Size) -> bool:
    """True when a terminal of this size gets the notice instead of the screen."""
    return size.width < MIN_WIDTH or size.height < MIN_HEIGHT


class TooSmall(Static):
    """Shown over everything below 60 x 20; hidden otherwise (see app.tcss)."""

    DEFAULT_CSS = """
    TooSmall {
        display: none;
        layer: notice;
        dock: top;
        width: 100%;
        height: 100%;
        content-align: center middle;
        text-align: center;
        background: $background;
        color: $text;
        text-style: bold;
    }
    """

    def on_mount(self) -> None:
        self._describe(self.app.size.width, self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self._describe(self.app.size.width, self.app.size.height)

    def _describe(self, width: int, height: int) -> None:
        self.update(
            f"Make the terminal larger.\n\nbacktimer needs at least {MIN_WIDTH} x {MIN_HEIGHT};"
            f" this one is {width} x {height}."
        )
