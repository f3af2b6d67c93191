"""Lines of text whose wrapped parts hang under the start of their text."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

Line = tuple[str, int]
"""A line of markup, and how many cells its wrapped parts are indented."""
BLANK: Line = ("", 0)


def hang(line: Content, width: int, indent: int) -> list[Content]:
    """``line`` wrapped to ``width`` cells, every part after the first indented by ``indent``."""
    first, *rest = line.wrap(width)
    if not rest or width - indent < 10:  # too narrow to hang: wrap as it comes
        return [first, *rest]
    plain = line.plain
    start = len(first.plain)
    while start < len(plain) and plain[start] == " ":
        start += 1
    return [first, *(part.pad_left(indent) for part in line[start:].wrap(width - indent))]


class HangingText(Widget):
    """Shows `lines`, wrapped to its width with hanging indents; as tall as they are."""

    DEFAULT_CSS = """
    HangingText { height: auto; text-wrap: nowrap; }
    """

    lines: reactive[list[Line]] = reactive(list, layout=True)

    def set_lines(self, lines: list[Line]) -> HangingText:
        """Give the text its lines before it is mounted (in a compose); returns itself."""
        self.set_reactive(HangingText.lines, lines)
        return self

    def wrapped(self, width: int) -> list[Content]:
        return [
            part
            for markup, indent in self.lines
            for part in hang(Content.from_markup(markup), max(width, 1), indent)
        ]

    @property
    def plain(self) -> str:
        """The text, unwrapped: a line for each line."""
        return "\n".join(Content.from_markup(markup).plain for markup, _ in self.lines)

    def render(self) -> Content:
        return Content("\n").join(self.wrapped(self.size.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.wrapped(width))
