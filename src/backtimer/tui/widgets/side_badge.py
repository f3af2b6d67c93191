"""Which side is working: LEFT or RIGHT, in colours that cannot be mistaken."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

from backtimer.domain.timeline import Side

LABELS = {"left": "◀  LEFT", "right": "RIGHT  ▶"}


class SideBadge(Static):
    """Empty for moves done on both sides at once."""

    DEFAULT_CSS = """
    SideBadge {
        width: auto;
        min-width: 12;
        height: 3;
        padding: 0 2;
        content-align: center middle;
        text-style: bold;
        display: none;
    }
    SideBadge.-left { display: block; background: $primary; color: $text; }
    SideBadge.-right { display: block; background: $secondary; color: $text; }
    """

    side: reactive[Side | None] = reactive(None)

    def watch_side(self, side: Side | None) -> None:
        self.set_class(side == "left", "-left")
        self.set_class(side == "right", "-right")
        self.update(LABELS.get(side or "", ""))
