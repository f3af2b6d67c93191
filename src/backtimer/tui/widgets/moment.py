"""The moment in block letters, to read from the mat: what it is, which side, which count.

"HOLD", "LEFT", "3/8": three words in `BigText`, each keeping its size for a
whole step (it is fitted to the widest word it can show), the side on its own
colour so left and right cannot be mistaken across a room. In a rest or the
get-ready the side is the one the next work starts on; while the workout is
paused the first word is "PAUSED".
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive

from backtimer.domain.routines.describe import BIG_WORDS, big_count, coming_side
from backtimer.domain.routines.timeline import Segment, Timeline
from backtimer.tui.widgets import block_font
from backtimer.tui.widgets.big_text import BigText

SIDE_WORDS = {"left": "LEFT", "right": "RIGHT"}
PAUSED = "PAUSED"
WIDEST_WORD = max([*BIG_WORDS.values(), PAUSED], key=block_font.pixel_width)


class Moment(Horizontal):
    """Empty until it is given a segment."""

    DEFAULT_CSS = """
    Moment { height: 4; }
    Moment #kind { width: 1fr; content-align: left middle; }
    Moment #kind.-paused { color: $text-warning; }
    Moment #side { width: auto; display: none; padding: 0 1; }
    Moment #side.-left { display: block; background: $primary; color: $text; }
    Moment #side.-right { display: block; background: $secondary; color: $text; }
    Moment #count { width: auto; margin-left: 2; content-align: right middle; }
    """

    segment: reactive[Segment | None] = reactive(None)
    paused: reactive[bool] = reactive(False)
    scale: reactive[int] = reactive(1)
    """The size of the block letters: 1 (four rows), 2 from about 160 x 45."""

    def __init__(self, timeline: Timeline, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._timeline = timeline

    def compose(self) -> ComposeResult:
        for widget in (
            BigText(id="kind", template=WIDEST_WORD),
            BigText(id="side", template="RIGHT"),
            BigText(id="count"),
        ):
            widget.max_scale = self.scale
            yield widget

    def watch_scale(self, scale: int) -> None:
        # Scale 1 leaves the height to the stylesheet (four rows, one in a small terminal).
        self.styles.height = -(-7 * scale // 2) + 1 if scale > 1 else None
        for widget in self.query(BigText):
            widget.max_scale = scale

    def watch_paused(self) -> None:
        self.watch_segment(self.segment)

    def watch_segment(self, segment: Segment | None) -> None:
        if segment is None or not self.is_mounted:
            return
        kind = self.query_one("#kind", BigText)
        kind.text = PAUSED if self.paused else BIG_WORDS[segment.kind]
        kind.set_class(self.paused, "-paused")
        shown = coming_side(segment, self._timeline)
        side = self.query_one("#side", BigText)
        side.text = SIDE_WORDS.get(shown or "", "")
        side.set_class(shown == "left", "-left")
        side.set_class(shown == "right", "-right")
        count = self.query_one("#count", BigText)
        total = segment.reps if segment.reps > 1 else segment.sets
        count.template = f"{total}/{total}"
        count.text = big_count(segment)
