"""Large letters and digits drawn with block characters, at any size.

Each character is a 5 x 7 grid of pixels. A pixel is drawn ``sx`` columns
wide and ``sy`` half-rows high, with the half-block characters ▀ ▄ █, so one
row of the terminal holds two rows of pixels and a pixel with ``sx == sy`` is
about square (a terminal cell is about twice as high as it is wide). Any whole
scale works, and width and height scale apart, so a clock can be made as large
as the space it has, narrow terminals included.
"""

from __future__ import annotations

from functools import lru_cache

HEIGHT = 7
"""Pixel rows of every glyph."""
GAP = 1
"""Pixel columns between two glyphs."""

_GLYPHS = {
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
}
GLYPHS: dict[str, tuple[str, ...]] = {key: tuple(rows.split()) for key, rows in _GLYPHS.items()}
"""Each character's pixel rows, ``#`` for ink."""

_HALVES = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def drawable(text: str) -> str:
    """The text as the font can draw it: upper case, unknown characters as spaces."""
    return "".join(c if c in GLYPHS else " " for c in text.upper())


def pixel_width(text: str) -> int:
    """Pixel columns of a line of text, gaps included."""
    shown = drawable(text)
    return sum(len(GLYPHS[c][0]) for c in shown) + GAP * max(len(shown) - 1, 0)


def size(text: str, sx: int, sy: int) -> tuple[int, int]:
    """Columns and rows the text takes at scale ``sx`` by ``sy``."""
    return pixel_width(text) * sx, -(-HEIGHT * sy // 2)


def fit(text: str, width: int, height: int, *, max_stretch: int = 2) -> tuple[int, int] | None:
    """The largest scale at which the text fits in ``width`` x ``height`` cells.

    Pixels may be up to ``max_stretch`` times taller than wide, so that a
    narrow terminal still gets tall digits. Returns None when even the
    smallest scale does not fit.
    """
    best: tuple[int, int] | None = None
    best_area = 0
    sx = 1
    while size(text, sx, sx)[0] <= width:
        for sy in range(sx, sx * max_stretch + 1):
            columns, rows = size(text, sx, sy)
            if rows > height:
                break
            area = columns * rows
            if area > best_area:
                best, best_area = (sx, sy), area
        sx += 1
    return best


@lru_cache(maxsize=256)
def render(text: str, sx: int, sy: int) -> tuple[str, ...]:
    """The text drawn at scale ``sx`` by ``sy``: one string per row of the terminal."""
    shown = drawable(text)
    pixel_rows: list[str] = []
    for row in range(HEIGHT):
        line = (" " * GAP).join(GLYPHS[c][row] for c in shown)
        stretched = "".join(ch * sx for ch in line.replace(".", " "))
        pixel_rows += [stretched] * sy
    if len(pixel_rows) % 2:
        pixel_rows.append(" " * len(pixel_rows[0]) if pixel_rows else "")
    return tuple(
        "".join(_HALVES[(a != " ", b != " ")] for a, b in zip(top, bottom, strict=True))
        for top, bottom in zip(pixel_rows[::2], pixel_rows[1::2], strict=True)
    )
