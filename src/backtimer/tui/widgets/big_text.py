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

from dataclasses import dataclass
from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import Visual, visualize
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
def drawn(
    text: str, template: str, width: int, height: int, max_scale: int, wrap: bool
) -> tuple[str, ...]:
    """The rows of block characters for ``text`` in a widget of that size (none if none fit).

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
            return ()
        font, scale, lines = found
        gap = ("",) * block_font.LINE_GAP
        rows: tuple[str, ...] = ()
        for number, line in enumerate(lines):
            rows += (gap if number else ()) + block_font.render(line, scale, scale, font)
        return rows
    fitted = scale_for(template or text, width, height, max_scale)
    return () if fitted is None else block_font.render(text, *fitted)


@dataclass(frozen=True)
class Layout:
    """Where the rows of block characters sit in the widget, as Textual's content-align
    puts them: ``top`` rows and ``left`` columns in (``left`` None: each row right-aligned)."""

    width: int
    height: int
    top: int
    left: int | None

    @classmethod
    def of(cls, rows: tuple[str, ...], width: int, height: int, align: tuple[str, str]) -> Layout:
        horizontal, vertical = align
        spare = max(0, height - len(rows))
        top = {"top": 0, "middle": spare // 2}.get(vertical, spare)
        shape = max((len(row) for row in rows), default=0)
        left = {"left": 0, "center": max(0, width - shape) // 2}.get(horizontal)
        return cls(width, height, top, left)

    def column(self, row: str) -> int:
        """The first column of ``row``."""
        return self.width - len(row) if self.left is None else self.left


def changed_spans(
    before: tuple[str, ...], after: tuple[str, ...], layout: Layout
) -> list[Region] | None:
    """The cells that differ between two texts drawn with the same layout (a region a
    row, from the first cell that changed to the last), or None when the rows moved."""
    if len(before) != len(after) or (
        layout.left is None and any(len(a) != len(b) for a, b in zip(before, after, strict=True))
    ):
        return None
    regions = []
    for y, (old, new) in enumerate(zip(before, after, strict=True)):
        if old == new:
            continue
        longest = max(len(old), len(new))
        old, new = old.ljust(longest), new.ljust(longest)
        differ = [x for x in range(longest) if old[x] != new[x]]
        if differ:
            x = layout.column(new) + differ[0]
            regions.append(Region(x, layout.top + y, differ[-1] + 1 - differ[0], 1))
    return regions


class BigText(Widget):
    """Block letters as large as fit; plain text when even the smallest do not.

    It draws its own lines: a new text repaints only the cells that changed
    (the last digit of the clock, most seconds), and each row is a `Strip` kept
    for as long as the text, size and colours stay. Textual's own path, a
    `render` of the whole text, repainted the whole clock every second: its
    compositor and the terminal then took about 60 % of a hold's CPU.
    """

    DEFAULT_CSS = """
    BigText {
        width: 1fr;
        height: 1fr;
        content-align: center middle;
    }
    """

    text: reactive[str] = reactive("", repaint=False)
    """What to show (repainted by `watch_text`, only where it changed)."""
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
        self._shown: tuple[tuple[str, ...], Layout] | None = None
        """The rows drawn now and where; None: to work out again."""
        self._strips: list[Strip] | None = None
        """Every line of the widget now; None: to make again (from `_rows`)."""
        self._rows: dict[tuple[str, int], Strip] = {}
        """Lines made before, by their row of blocks and first column, in the colours now."""
        self._made_for = Size(0, 0)
        """The size `_strips` and `_rows` were made for: Textual may paint a new size
        before the widget hears of it (its Resize event comes after)."""

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """As wide as the template at ``max_scale`` (for ``width: auto``, with a small one)."""
        template = self.template or self.text
        if self.wrap or not template:
            return container.width
        return min(block_font.size(template, self.max_scale, self.max_scale)[0], container.width)

    @property
    def lines(self) -> tuple[str, ...]:
        """The rows of block characters it shows now (none when shown as plain text)."""
        size = self.content_size
        if not self.text or size.width <= 0 or size.height <= 0:
            return ()
        return drawn(self.text, self.template, size.width, size.height, self.max_scale, self.wrap)

    @property
    def rows(self) -> int:
        """How many rows of block characters it shows now (0 when shown as plain text)."""
        return len(self.lines)

    def _layout(self) -> tuple[tuple[str, ...], Layout]:
        rows = self.lines
        size = self.content_size
        horizontal, vertical = self.styles.content_align
        return rows, Layout.of(rows, size.width, size.height, (horizontal, vertical))

    def watch_text(self) -> None:
        """Repaint the cells that changed; all of it when the rows moved."""
        before = self._shown
        self._shown = None
        self._strips = None
        if before is None or not before[0] or not self.is_mounted:
            self.refresh()
            return
        rows, layout = after = self._layout()
        regions = changed_spans(before[0], rows, layout) if layout == before[1] else None
        if regions is None:
            self.refresh()
        elif regions:
            self._shown = after
            self.refresh(*regions)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget()  # new colours (Textual repaints all of it)

    def watch_template(self) -> None:
        self._strips = None

    def watch_max_scale(self) -> None:
        self._strips = None

    def _forget(self) -> None:
        self._strips = None
        self._rows.clear()

    def render_line(self, y: int) -> Strip:
        if self._made_for != self.content_size:
            self._made_for = self.content_size
            self._forget()
        if self._strips is None:
            self._strips = self._make_strips()
        if 0 <= y < len(self._strips):
            return self._strips[y]
        return Strip.blank(self.size.width, self.visual_style.rich_style)

    def _pad_style(self) -> Style:
        """The style of the cells around the text, as Textual pads them."""
        return (self.visual_style + VisualStyle(reverse=False)).rich_style

    def _make_strips(self) -> list[Strip]:
        """Every line: the rows of blocks where content-align puts them, made as
        Textual's own render makes them (the same segments, so the same screen)."""
        width, height = self.content_size
        if width <= 0 or height <= 0:
            return []
        self._shown = shown = self._layout()
        rows, layout = shown
        if not rows or max(len(row) for row in rows) > width:
            self._shown = None  # plain text: Textual lays it out
            return self._plain(width, height)
        if self.styles.content_align == ("left", "top"):  # Textual does not align then
            return [Strip([Segment(row, self.visual_style.rich_style)]) for row in rows]
        pad = self._pad_style()
        blank = Strip([Segment(" " * width, pad)], width)
        strips = [blank] * layout.top
        for row in rows:
            column = layout.column(row)
            strip = self._rows.get((row, column))
            if strip is None:
                strip = self._rows[(row, column)] = self._strip(row, column, width, pad)
            strips.append(strip)
        return strips + [blank] * (height - len(strips))

    def _strip(self, row: str, column: int, width: int, pad: Style) -> Strip:
        if len(row) == width:
            return Strip([Segment(row, self.visual_style.rich_style)], width)
        segments = [Segment(" " * column, pad)] if column else []
        segments.append(Segment(row, self.visual_style.rich_style))
        if (right := width - column - len(row)) > 0:
            segments.append(Segment(" " * right, pad))
        return Strip(segments, width)

    def _plain(self, width: int, height: int) -> list[Strip]:
        """The text as it is, bold, when even the smallest blocks do not fit."""
        content = visualize(self, Text(self.text, style="bold", justify="center"))
        return Visual.to_strips(self, content, width, height, self.visual_style)
