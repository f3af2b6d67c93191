"""Text in large block letters that grows with the space it is given.

`BigText` draws its text with `block_font` at the largest scale that fits its
own size, so the clock fills whatever the layout leaves it, from a 60 x 20
terminal to a 300 x 80 one. The scale is chosen for a ``template`` (the widest
text it will show, "1:30" for a 90-second hold), not for each new text, so the
digits keep their size as they count down; a new text only repaints, and a new
size only lays the widget out again when the terminal is resized.
"""

from __future__ import annotations

from functools import lru_cache

from rich.text import Text
from textual.app import RenderResult
from textual.reactive import reactive
from textual.widget import Widget

from backtimer.tui.widgets import block_font


@lru_cache(maxsize=128)
def scale_for(template: str, width: int, height: int, max_scale: int) -> tuple[int, int] | None:
    """The scale for ``template`` in ``width`` x ``height``, at most ``max_scale`` wide."""
    found = block_font.fit(template, width, height)
    if found is None:
        return None
    sx, sy = found
    if sx > max_scale:
        sx, sy = max_scale, min(sy, 2 * max_scale)
    return sx, sy


class BigText(Widget):
    """Block letters as large as fit; plain text when even the smallest do not."""

    DEFAULT_CSS = """
    BigText {
        width: 1fr;
        height: 1fr;
        content-align: center middle;
    }
    """

    text: reactive[str] = reactive("")
    """What to show."""
    template: reactive[str] = reactive("")
    """The widest text to make room for; the text itself when empty."""
    max_scale: reactive[int] = reactive(64)
    """No wider pixels than this, for labels that should not outgrow the clock."""

    def scale(self) -> tuple[int, int] | None:
        """The scale the text is drawn at in the widget's present size."""
        size = self.content_size
        template = self.template or self.text
        if not template:
            return None
        return scale_for(template, size.width, size.height, self.max_scale)

    def render(self) -> RenderResult:
        scale = self.scale()
        if scale is None:
            return Text(self.text, style="bold")
        return Text("\n".join(block_font.render(self.text, *scale)), no_wrap=True)
