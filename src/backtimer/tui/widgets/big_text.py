"""Text in large block letters that grows with the space it is given.

`BigText` draws its text with `block_font` at the largest scale that fits its
own size, so the clock fills whatever the layout leaves it, from a 60 x 20
terminal to a 300 x 80 one. The scale is chosen for a ``template`` (the widest
text it will show, "1:30" for a 90-second hold), not for each new text, so the
digits keep their size as they count down; a new text only repaints, and a new
size only lays the widget out again when the terminal is resized. With
``wrap``, a sentence is broken into lines (and drawn in the small font when
the large one does not fit). When nothing fits, the text is shown as it is.
"""

from __future__ import annotations

from functools import lru_cache

from rich.text import Text
from textual.app import RenderResult
from textual.geometry import Size
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


def clauses(text: str) -> list[str]:
    """The text, then shorter and shorter beginnings of it cut where a clause ends."""
    cuts = [i for i, c in enumerate(text) if c in ";,—:" and i > 0]
    return [text] + [text[:i].rstrip() for i in reversed(cuts)]


@lru_cache(maxsize=64)
def drawn(text: str, template: str, width: int, height: int, max_scale: int, wrap: bool) -> str:
    """The rows of block characters for ``text`` in a widget of that size ("" if none fit).

    A sentence too long to fit is cut to its first clauses ("Hold the weight at
    your side; stand tall" -> "Hold the weight at your side"): from the mat the
    gist matters, and the whole sentence is on the keyboard view (and spoken).
    """
    if wrap:
        found = next(
            (fit for part in clauses(text) if (fit := block_font.fit_wrapped(part, width, height))),
            None,
        )
        if found is None:
            return ""
        font, scale, lines = found
        gap = [""] * block_font.LINE_GAP
        rows: list[str] = []
        for number, line in enumerate(lines):
            rows += (gap if number else []) + list(block_font.render(line, scale, scale, font))
        return "\n".join(rows)
    fitted = scale_for(template or text, width, height, max_scale)
    return "" if fitted is None else "\n".join(block_font.render(text, *fitted))


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

    def __init__(
        self,
        text: str = "",
        *,
        template: str = "",
        wrap: bool = False,
        id: str | None = None,
        classes: str = "",
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.wrap = wrap
        """Break a sentence into lines to make it larger."""
        self.set_reactive(BigText.text, text)
        self.set_reactive(BigText.template, template)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """As wide as the template at ``max_scale`` (for ``width: auto``, with a small one)."""
        template = self.template or self.text
        if self.wrap or not template:
            return container.width
        return min(block_font.size(template, self.max_scale, self.max_scale)[0], container.width)

    @property
    def rows(self) -> int:
        """How many rows of block characters it shows now (0 when shown as plain text)."""
        return len(self._drawn().splitlines())

    def _drawn(self) -> str:
        size = self.content_size
        if not self.text or size.width <= 0 or size.height <= 0:
            return ""
        return drawn(self.text, self.template, size.width, size.height, self.max_scale, self.wrap)

    def render(self) -> RenderResult:
        blocks = self._drawn()
        if not blocks:
            return Text(self.text, style="bold", justify="center")
        return Text(blocks, justify="center", no_wrap=True, overflow="crop")
