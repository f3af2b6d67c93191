"""The countdown: large digits, readable from the mat."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Digits


class BigClock(Digits):
    """Large digits showing whatever text the screen gives it ("45", "1:30")."""

    text: reactive[str] = reactive("")

    def watch_text(self, text: str) -> None:
        self.update(text)
