"""A bar chart drawn with block characters, one group of bars per column label.

Why not a plotting library: the charts here are a dozen weekly bars, which
block characters draw sharply in any terminal (eighths of a cell in height),
in the theme's colours, at every size the app supports. textual-plotext would
add a dependency and a plotting engine for that, and draws with braille dots
that read poorly from two metres away. Textual's own `Sparkline` has no axis,
no labels and one series, and pain needs two side by side (before and after).
The two series differ in texture as well as colour (`FILLS`; the colours are
the theme's ``$chart-before`` and ``$chart-after``, see `backtimer.tui.themes`).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

EIGHTHS = " ▁▂▃▄▅▆▇█"

Values = tuple[float | None, ...]


FILLS = ("█", "▓")
"""The full cells of each series: solid, then shaded, so two series differ without colour."""


def bar_cells(value: float | None, maximum: float, rows: int, fill: str = "█") -> list[str]:
    """The cells of one bar, top row first: ``fill`` cells and one partial block on top."""
    if value is None or value <= 0 or maximum <= 0:
        return [" "] * rows
    eighths = max(1, round(min(value, maximum) / maximum * rows * 8))
    cells = []
    for row in range(rows - 1, -1, -1):
        filled = eighths - row * 8
        cells.append(fill if filled >= 8 else EIGHTHS[max(0, filled)])
    return cells


def place_labels(labels: Sequence[str], starts: Sequence[int], width: int) -> str:
    """Labels under their groups, the last first, leaving out any that would overlap."""
    line = [" "] * width
    free_until = width  # columns from here on are taken
    for label, start in sorted(zip(labels, starts, strict=True), key=lambda p: -p[1]):
        end = start + len(label)
        if end < free_until and start >= 0:
            line[start:end] = label
            free_until = start - 1
    return "".join(line)


MAX_BAR_WIDTH = 6
"""The widest a bar is drawn, however wide the chart."""


class BarChart(Widget):
    """Groups of bars over labelled columns; shows the latest groups that fit the width."""

    DEFAULT_CSS = """
    BarChart { height: 8; width: 1fr; }
    BarChart > .bar-chart--series-0 { color: $chart-before; }
    BarChart > .bar-chart--series-1 { color: $chart-after; }
    BarChart > .bar-chart--axis { color: $text-muted; }
    """
    COMPONENT_CLASSES = {"bar-chart--series-0", "bar-chart--series-1", "bar-chart--axis"}

    series: reactive[tuple[Values, ...]] = reactive(tuple)
    """One tuple of values per series, each with a value per group."""
    labels: reactive[tuple[str, ...]] = reactive(tuple)
    """One label per group, written under it where there is room."""
    maximum: reactive[float | None] = reactive(None)
    """The value of a full-height bar; the largest value when None."""
    bar_width: reactive[int] = reactive(2)

    def widest_bars(self, room: int) -> int:
        """How wide each bar is drawn: `bar_width`, or wider when every group fits with
        room to spare (12 weeks in a 90-column chart), up to `MAX_BAR_WIDTH`: a wide
        terminal gets a wide chart, not a narrow one and empty space."""
        series = max(1, len(self.series))
        fitting = (room // max(1, len(self.labels)) - 1) // series
        return max(self.bar_width, min(fitting, MAX_BAR_WIDTH))

    def render(self) -> Text:
        width, height = self.content_size
        rows = height - 1
        if rows < 1 or not self.series or not self.labels:
            return Text()
        top = self.maximum or max((v or 0 for values in self.series for v in values), default=0)
        axis_label = f"{top:.0f}"
        left = len(axis_label) + 1
        bar_width = self.widest_bars(width - left - 1)
        group_width = bar_width * len(self.series) + 1
        groups = min(len(self.labels), max(1, (width - left - 1) // group_width))
        first = len(self.labels) - groups
        axis = self.get_component_rich_style("bar-chart--axis")
        styles = [self.get_component_rich_style(f"bar-chart--series-{n % 2}") for n in range(2)]
        columns: list[tuple[list[str], Style]] = []
        for group in range(first, len(self.labels)):
            for number, values in enumerate(self.series):
                cells = bar_cells(values[group], top, rows, FILLS[number % 2])
                columns += [(cells, styles[number % 2])] * bar_width
            columns.append(([" "] * rows, Style()))
        lines = []
        for row in range(rows):
            line = Text()
            mark = axis_label if row == 0 else ("0" if row == rows - 1 else "")
            line.append(f"{mark:>{left - 1}}", style=axis)
            line.append("┤" if row in (0, rows - 1) else "│", style=axis)
            for cells, style in columns:
                line.append(cells[row], style=style)
            lines.append(line)
        starts = [left + 1 + n * group_width for n in range(groups)]
        lines.append(Text(place_labels(self.labels[first:], starts, width), style=axis))
        return Text("\n").join(lines)
