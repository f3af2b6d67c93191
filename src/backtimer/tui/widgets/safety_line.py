"""The move's safety line, on a line of its own, in both views of the workout screen.

Never one of the cues that take turns, never cut to fit and never under the
instructions: it is shown whole (wrapped when it must be) all through the
step, and in the rest or get-ready before it, with who should skip the move.
"""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

from backtimer.domain.routines.cautions import safety_lines
from backtimer.domain.routines.timeline import Segment, Timeline


class SafetyLine(Static):
    """Hidden while the move has nothing to say about safety."""

    DEFAULT_CSS = """
    SafetyLine {
        width: 100%;
        height: auto;
        text-align: center;
        text-style: bold;
        color: $text-warning;
        display: none;
    }
    SafetyLine.-shown { display: block; }
    """

    segment: reactive[Segment | None] = reactive(None)

    def __init__(self, timeline: Timeline, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._timeline = timeline

    def watch_segment(self, segment: Segment | None) -> None:
        if segment is None:
            return
        lines = safety_lines(segment, self._timeline)
        self.update("\n".join(lines))
        self.set_class(bool(lines), "-shown")
