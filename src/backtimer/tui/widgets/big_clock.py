"""The countdown: Textual's digits, drawn in solid blocks when there is room.

Seen from a mat two metres away, three-row line-drawn digits are thin and
small. At ``scale`` 2 each cell of Textual's digit font becomes a 2 x 2 grid
of square "pixels" (two block characters wide, one row high): the cell's centre,
its stroke to the right and its stroke downwards. The strokes of neighbouring
cells meet, so the font keeps its shapes at four times the area, in solid
blocks that read from across a room.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from rich.console import Console, ConsoleOptions
from rich.console import RenderResult as RichResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from textual.app import RenderResult
from textual.geometry import Size
from textual.reactive import reactive, var
from textual.renderables.digits import DIGITS, DIGITS3X3_BOLD
from textual.renderables.digits import Digits as DigitsRenderable
from textual.widgets import Digits

PIXEL = "██"
BLANK = "  "


@cache
def strokes(character: str) -> tuple[bool, bool]:
    """Whether a line-drawing character goes on to the right and downwards."""
    name = unicodedata.name(character, "")
    if not name.startswith("BOX DRAWINGS"):
        return (False, False)
    words = set(name.split())
    return (bool(words & {"RIGHT", "HORIZONTAL"}), bool(words & {"DOWN", "VERTICAL"}))


def glyph_rows(text: str) -> list[str]:
    """The three rows of the bold digit font for ``text``."""
    rows = ["", "", ""]
    for character in text:
        if character in DIGITS:
            start = DIGITS.index(character) * 3
            for row in range(3):
                rows[row] += DIGITS3X3_BOLD[start + row].ljust(3)
        else:
            for row in range(3):
                rows[row] += " "
    return rows


def pixels(rows: list[str]) -> list[list[bool]]:
    """Each font cell as a 2 x 2 block of pixels: centre, stroke right, stroke down."""
    width = 2 * max((len(row) for row in rows), default=0)
    grid = [[False] * width for _ in range(2 * len(rows))]
    for i, row in enumerate(rows):
        for j, character in enumerate(row):
            y, x = 2 * i, 2 * j
            if character == ":":  # one dot in the small font; two, above and below, here
                grid[y - 1][x] = grid[y + 1][x] = True
            elif character != " ":
                right, down = strokes(character)
                grid[y][x] = True
                grid[y][x + 1] = right
                grid[y + 1][x] = down
    return grid


class BlockDigits:
    """A Rich renderable: the digit font in solid blocks, six rows high."""

    def __init__(self, text: str, style: Style) -> None:
        self._text = text
        self._style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RichResult:
        for line in pixels(glyph_rows(self._text)):
            yield Segment("".join(PIXEL if on else BLANK for on in line), self._style)
            yield Segment.line()

    @staticmethod
    def width(text: str) -> int:
        return 4 * DigitsRenderable.get_width(text)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        width = self.width(self._text)
        return Measurement(width, width)


class BigClock(Digits):
    """Large digits showing whatever text the screen gives it ("45", "1:30")."""

    text: var[str] = var("")
    """What to show; `update` repaints it (and lays it out only if its width changes)."""
    scale: reactive[int] = reactive(1, layout=True)
    """1 for Textual's three-row digits, 2 for six rows of solid blocks."""

    def watch_text(self, text: str) -> None:
        self.update(text)

    def render(self) -> RenderResult:
        if self.scale == 1:
            return super().render()
        return BlockDigits(self.value, self.rich_style)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        if self.scale == 1:
            return super().get_content_width(container, viewport)
        return BlockDigits.width(self.value)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 3 * self.scale
