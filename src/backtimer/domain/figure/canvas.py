"""A drawing onto terminal cells: braille dots (fine) or half blocks (bold, for the mat).

The drawing is scaled to the cells given, as large as fits with the floor along
the bottom, and painted shape after shape onto a grid of pixels: two by four a
cell in braille, one by two in half blocks (both square on a usual terminal
font). Lines are as thick as the body part they draw, at that scale, so a larger
space gives thicker lines, and never thinner than one pixel. Each cell then takes
the ink of the topmost shape among its pixels; a half block cell can show two.
The result is plain data: rows of runs of characters, each with its ink.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from backtimer.domain.figure.stage import Circle, Drawing, Ink, Line

Style = Literal["fine", "bold"]
BOLD_WIDTH = 1.6
"""Lines in the bold style are this much thicker (from across a room)."""

_BRAILLE_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
"""The dot of each pixel of a braille cell, by row and column."""
_FLOOR = 255
"""The pixel value of the floor, painted first, under everything."""


@dataclass(frozen=True, slots=True)
class Run:
    """Characters side by side in one ink; ``under`` colours a half block's lower half."""

    text: str
    ink: Ink | None
    under: Ink | None = None


Picture = tuple[tuple[Run, ...], ...]
"""Rows of runs, each row as wide as the canvas."""


class _Pixels:
    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.height = height
        self.rows = [bytearray(width) for _ in range(height)]

    def span(self, y: int, x0: int, x1: int, value: int) -> None:
        """Paint pixels x0..x1 (both included) of row y."""
        if 0 <= y < self.height:
            x0, x1 = max(x0, 0), min(x1, self.width - 1)
            if x0 <= x1:
                self.rows[y][x0 : x1 + 1] = bytes((value,)) * (x1 - x0 + 1)

    def disc(self, cx: float, cy: float, radius: float, value: int, hole: float = -1.0) -> None:
        """A filled disc, or a ring when ``hole`` (the inner radius) is not negative."""
        for y in range(math.floor(cy - radius), math.ceil(cy + radius) + 1):
            dy = y + 0.5 - cy
            if abs(dy) > radius:
                continue
            half = math.sqrt(radius * radius - dy * dy)
            left, right = round(cx - half), round(cx + half) - 1
            if hole < 0 or abs(dy) >= hole:
                self.span(y, left, max(left, right), value)
                continue
            inner = math.sqrt(hole * hole - dy * dy)
            self.span(y, left, round(cx - inner) - 1, value)
            self.span(y, round(cx + inner), max(left, right), value)

    def line(self, ax: float, ay: float, bx: float, by: float, width: float, value: int) -> None:
        """A line ``width`` pixels thick, with round ends when it is thicker than two."""
        dx, dy = bx - ax, by - ay
        steps = max(1, math.ceil(max(abs(dx), abs(dy))))
        half = (width - 1) / 2
        if abs(dx) >= abs(dy):  # mostly across: a short column of pixels at each x
            thick = half * math.hypot(dx, dy) / max(abs(dx), 1e-9)
            for i in range(steps + 1):
                x, y = ax + dx * i / steps, ay + dy * i / steps
                top, bottom = round(y - thick - 0.5), round(y + thick - 0.5)
                for row in range(top, bottom + 1):
                    self.span(row, math.floor(x), math.floor(x), value)
        else:  # mostly up or down: a short row of pixels at each y
            thick = half * math.hypot(dx, dy) / abs(dy)
            for i in range(steps + 1):
                x, y = ax + dx * i / steps, ay + dy * i / steps
                self.span(math.floor(y), round(x - thick - 0.5), round(x + thick - 0.5), value)
        if width > 2:
            self.disc(ax, ay, width / 2, value)
            self.disc(bx, by, width / 2, value)


def _scale(drawing: Drawing, width: int, height: int) -> tuple[float, float, float]:
    """Pixels a centimetre, and where the drawing's left and its floor fall, in pixels."""
    left, bottom, right, top = drawing.box
    usable = height - 1  # the floor's row
    scale = min(width / (right - left), usable / (top - bottom))
    x0 = (width - (right - left) * scale) / 2 - left * scale
    return scale, x0, usable


def paint(drawing: Drawing, width: int, height: int, style: Style) -> list[bytearray]:
    """Rows of pixels for a canvas of ``width`` x ``height`` cells: 0 is empty, the
    floor is 255, a shape is its position in the drawing plus one."""
    across, down = (2, 4) if style == "fine" else (1, 2)
    pixels = _Pixels(width * across, height * down)
    if not drawing.shapes or width < 2 or height < 2:
        return pixels.rows
    scale, x0, floor = _scale(drawing, pixels.width, pixels.height)
    pixels.span(int(floor), 0, pixels.width - 1, _FLOOR)
    thick = scale * (BOLD_WIDTH if style == "bold" else 1.0)
    for number, shape in enumerate(drawing.shapes, start=1):
        if isinstance(shape, Line):
            (ax, ay), (bx, by) = shape.a, shape.b
            pixels.line(
                x0 + ax * scale,
                floor - ay * scale,
                x0 + bx * scale,
                floor - by * scale,
                max(1.0, round(shape.width * thick)),
                number,
            )
        elif isinstance(shape, Circle):
            (cx, cy), radius = shape.centre, max(shape.radius * scale, 1.0)
            width_px = max(1.0, round(shape.width * thick))
            hole = radius - width_px if shape.width else -1.0
            pixels.disc(x0 + cx * scale, floor - cy * scale, radius, number, hole)
    return pixels.rows


def _ink(drawing: Drawing, value: int) -> Ink | None:
    if value == 0:
        return None
    return "prop" if value == _FLOOR else drawing.shapes[value - 1].ink


def _runs(cells: list[tuple[str, Ink | None, Ink | None]]) -> tuple[Run, ...]:
    runs: list[Run] = []
    for char, ink, under in cells:
        if runs and runs[-1].ink == ink and runs[-1].under == under:
            last = runs[-1]
            runs[-1] = Run(last.text + char, ink, under)
        else:
            runs.append(Run(char, ink, under))
    return tuple(runs)


def render(drawing: Drawing, width: int, height: int, style: Style = "fine") -> Picture:
    """The drawing on ``width`` x ``height`` cells."""
    rows = paint(drawing, width, height, style)
    picture: list[tuple[Run, ...]] = []
    if style == "fine":
        for cy in range(height):
            band = rows[cy * 4 : cy * 4 + 4]
            if not any(any(row) for row in band):
                picture.append((Run(" " * width, None),))
                continue
            cells: list[tuple[str, Ink | None, Ink | None]] = []
            for cx in range(width):
                bits, top, floor = 0, 0, 0
                for dy, row in enumerate(band):
                    for dx in (0, 1):
                        value = row[cx * 2 + dx]
                        if value:
                            bits |= _BRAILLE_BITS[dy][dx]
                            if value == _FLOOR:
                                floor = value
                            elif value > top:
                                top = value
                cells.append(
                    (chr(0x2800 + bits) if bits else " ", _ink(drawing, top or floor), None)
                )
            picture.append(_runs(cells))
        return tuple(picture)
    for cy in range(height):
        upper, lower = rows[cy * 2], rows[cy * 2 + 1]
        if not any(upper) and not any(lower):
            picture.append((Run(" " * width, None),))
            continue
        cells = []
        for cx in range(width):
            a, b = _ink(drawing, upper[cx]), _ink(drawing, lower[cx])
            if a is None and b is None:
                cells.append((" ", None, None))
            elif b is None:
                cells.append(("▀", a, None))
            elif a is None:
                cells.append(("▄", b, None))
            elif a == b:
                cells.append(("█", a, None))
            else:
                cells.append(("▀", a, b))
        picture.append(_runs(cells))
    return tuple(picture)


def plain(picture: Picture) -> list[str]:
    """The picture's rows as text, without their inks."""
    return ["".join(run.text for run in row) for row in picture]
