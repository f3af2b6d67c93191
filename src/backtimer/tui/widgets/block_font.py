"""Large letters and digits drawn with block characters, at any size.

Two fonts: `LARGE`, 5 x 7 pixels a character, for the clock and the words
read from the mat, and `SMALL`, 3 x 5, for a sentence that must fit. A pixel is
drawn ``sx`` columns wide and ``sy`` half-rows high, with the half-block
characters ▀ ▄ █, so one row of the terminal holds two rows of pixels and a
pixel with ``sx == sy`` is about square (a terminal cell is about twice as high
as it is wide). Any whole scale works, and width and height scale apart, so a
clock can be made as large as the space it has, narrow terminals included.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

GAP = 1
"""Pixel columns between two glyphs."""
LINE_GAP = 1
"""Terminal rows between two lines of wrapped text."""


@dataclass(frozen=True)
class Font:
    """A bitmap font: each character's pixel rows, ``#`` for ink."""

    name: str
    height: int
    glyphs: dict[str, tuple[str, ...]] = field(hash=False, compare=False)

    def __hash__(self) -> int:
        return hash(self.name)


def _font(name: str, glyphs: dict[str, str]) -> Font:
    rows = {key: tuple(value.split()) for key, value in glyphs.items()}
    return Font(name, len(rows["0"]), rows)


_LARGE = {
    "0": ".###. #...# #...# #...# #...# #...# .###.",
    "1": "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.",
    "2": ".###. #...# ....# ...#. ..#.. .#... #####",
    "3": "##### ...#. ..#.. ...#. ....# #...# .###.",
    "4": "...#. ..##. .#.#. #..#. ##### ...#. ...#.",
    "5": "##### #.... ####. ....# ....# #...# .###.",
    "6": "..##. .#... #.... ####. #...# #...# .###.",
    "7": "##### ....# ...#. ..#.. .#... .#... .#...",
    "8": ".###. #...# #...# .###. #...# #...# .###.",
    "9": ".###. #...# #...# .#### ....# ...#. .##..",
    ":": ". # . . . # .",
    "/": "....# ....# ...#. ..#.. .#... #.... #....",
    "-": "..... ..... ..... ##### ..... ..... .....",
    " ": "... ... ... ... ... ... ...",
    "A": ".###. #...# #...# ##### #...# #...# #...#",
    "B": "####. #...# #...# ####. #...# #...# ####.",
    "C": ".###. #...# #.... #.... #.... #...# .###.",
    "D": "####. #...# #...# #...# #...# #...# ####.",
    "E": "##### #.... #.... ####. #.... #.... #####",
    "F": "##### #.... #.... ####. #.... #.... #....",
    "G": ".###. #...# #.... #.### #...# #...# .####",
    "H": "#...# #...# #...# ##### #...# #...# #...#",
    "I": ".###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.",
    "J": "..### ...#. ...#. ...#. ...#. #..#. .##..",
    "K": "#...# #..#. #.#.. ##... #.#.. #..#. #...#",
    "L": "#.... #.... #.... #.... #.... #.... #####",
    "M": "#...# ##.## #.#.# #.#.# #...# #...# #...#",
    "N": "#...# #...# ##..# #.#.# #..## #...# #...#",
    "O": ".###. #...# #...# #...# #...# #...# .###.",
    "P": "####. #...# #...# ####. #.... #.... #....",
    "Q": ".###. #...# #...# #...# #.#.# #..#. .##.#",
    "R": "####. #...# #...# ####. #.#.. #..#. #...#",
    "S": ".#### #.... #.... .###. ....# ....# ####.",
    "T": "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..",
    "U": "#...# #...# #...# #...# #...# #...# .###.",
    "V": "#...# #...# #...# #...# #...# .#.#. ..#..",
    "W": "#...# #...# #...# #.#.# #.#.# #.#.# .#.#.",
    "X": "#...# #...# .#.#. ..#.. .#.#. #...# #...#",
    "Y": "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..",
    "Z": "##### ....# ...#. ..#.. .#... #.... #####",
    "◀": "...## ..### .#### ##### .#### ..### ...##",
    "▶": "##... ###.. ####. ##### ####. ###.. ##...",
    ".": ". . . . . . #",
    ",": ".. .. .. .. .. .# #.",
    "'": "# # . . . . .",
    "!": "# # # # # . #",
    "?": ".###. #...# ....# ...#. ..#.. ..... ..#..",
    "(": ".# #. #. #. #. #. .#",
    ")": "#. .# .# .# .# .# #.",
    ";": ". # . . . # #",
}
_SMALL = {
    "0": "### #.# #.# #.# ###",
    "1": ".#. ##. .#. .#. ###",
    "2": "##. ..# .#. #.. ###",
    "3": "##. ..# .#. ..# ##.",
    "4": "#.# #.# ### ..# ..#",
    "5": "### #.. ##. ..# ##.",
    "6": ".## #.. ### #.# ###",
    "7": "### ..# .#. .#. .#.",
    "8": "### #.# ### #.# ###",
    "9": "### #.# ### ..# ##.",
    "A": ".#. #.# ### #.# #.#",
    "B": "##. #.# ##. #.# ##.",
    "C": ".## #.. #.. #.. .##",
    "D": "##. #.# #.# #.# ##.",
    "E": "### #.. ##. #.. ###",
    "F": "### #.. ##. #.. #..",
    "G": ".## #.. #.# #.# .##",
    "H": "#.# #.# ### #.# #.#",
    "I": "### .#. .#. .#. ###",
    "J": "..# ..# ..# #.# .#.",
    "K": "#.# #.# ##. #.# #.#",
    "L": "#.. #.. #.. #.. ###",
    "M": "#.# ### ### #.# #.#",
    "N": "##. #.# #.# #.# #.#",
    "O": ".#. #.# #.# #.# .#.",
    "P": "##. #.# ##. #.. #..",
    "Q": ".#. #.# #.# ##. .##",
    "R": "##. #.# ##. #.# #.#",
    "S": ".## #.. .#. ..# ##.",
    "T": "### .#. .#. .#. .#.",
    "U": "#.# #.# #.# #.# ###",
    "V": "#.# #.# #.# #.# .#.",
    "W": "#.# #.# ### ### #.#",
    "X": "#.# #.# .#. #.# #.#",
    "Y": "#.# #.# .#. .#. .#.",
    "Z": "### ..# .#. #.. ###",
    " ": ".. .. .. .. ..",
    ":": ". # . # .",
    "-": "... ... ### ... ...",
    "/": "..# ..# .#. #.. #..",
    ".": ". . . . #",
    ",": ". . . # #",
    "'": "# # . . .",
    "!": "# # # . #",
    "?": "##. ..# .#. ... .#.",
    "(": ".# #. #. #. .#",
    ")": "#. .# .# .# #.",
    ";": ". # . # #",
    "◀": "..# .## ### .## ..#",
    "▶": "#.. ##. ### ##. #..",
}
LARGE = _font("large", _LARGE)
"""5 x 7: the clock and the words read from the mat."""
SMALL = _font("small", _SMALL)
"""3 x 5: a sentence in large type that still has to fit."""

_HALVES = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def drawable(text: str, font: Font = LARGE) -> str:
    """The text as the font can draw it: upper case, unknown characters as spaces."""
    return "".join(c if c in font.glyphs else " " for c in text.upper())


def pixel_width(text: str, font: Font = LARGE) -> int:
    """Pixel columns of a line of text, gaps included."""
    shown = drawable(text, font)
    return sum(len(font.glyphs[c][0]) for c in shown) + GAP * max(len(shown) - 1, 0)


def size(text: str, sx: int, sy: int, font: Font = LARGE) -> tuple[int, int]:
    """Columns and rows the text takes at scale ``sx`` by ``sy``."""
    return pixel_width(text, font) * sx, -(-font.height * sy // 2)


def fit(
    text: str, width: int, height: int, *, max_stretch: int = 2, font: Font = LARGE
) -> tuple[int, int] | None:
    """The largest scale at which the text fits in ``width`` x ``height`` cells.

    Pixels may be up to ``max_stretch`` times taller than wide, so that a
    narrow terminal still gets tall digits. Returns None when even the
    smallest scale does not fit.
    """
    best: tuple[int, int] | None = None
    best_area = 0
    sx = 1
    while size(text, sx, sx, font)[0] <= width:
        for sy in range(sx, sx * max_stretch + 1):
            columns, rows = size(text, sx, sy, font)
            if rows > height:
                break
            area = columns * rows
            if area > best_area:
                best, best_area = (sx, sy), area
        sx += 1
    return best


def wrap(text: str, width: int, sx: int, font: Font) -> list[str] | None:
    """The words of ``text`` in lines no wider than ``width`` cells at scale ``sx``,
    or None when a single word is too wide."""
    lines: list[str] = []
    for word in text.split():
        if pixel_width(word, font) * sx > width:
            return None
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and pixel_width(joined, font) * sx <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    return lines


@lru_cache(maxsize=128)
def fit_wrapped(text: str, width: int, height: int) -> tuple[Font, int, tuple[str, ...]] | None:
    """The largest way to show a sentence in ``width`` x ``height``: the font, the
    scale (square pixels) and the lines; None when even the small font does not fit."""
    for font in (LARGE, SMALL):
        for scale in range(max(1, width // 8), 0, -1):
            lines = wrap(text, width, scale, font)
            if not lines:
                continue
            rows = len(lines) * size("0", scale, scale, font)[1] + LINE_GAP * (len(lines) - 1)
            if rows <= height:
                return font, scale, tuple(lines)
    return None


@lru_cache(maxsize=256)
def render(text: str, sx: int, sy: int, font: Font = LARGE) -> tuple[str, ...]:
    """The text drawn at scale ``sx`` by ``sy``: one string per row of the terminal."""
    shown = drawable(text, font)
    pixel_rows: list[str] = []
    for row in range(font.height):
        line = (" " * GAP).join(font.glyphs[c][row] for c in shown)
        stretched = "".join(ch * sx for ch in line.replace(".", " "))
        pixel_rows += [stretched] * sy
    if len(pixel_rows) % 2:
        pixel_rows.append(" " * len(pixel_rows[0]) if pixel_rows else "")
    return tuple(
        "".join(_HALVES[(a != " ", b != " ")] for a, b in zip(top, bottom, strict=True))
        for top, bottom in zip(pixel_rows[::2], pixel_rows[1::2], strict=True)
    )
