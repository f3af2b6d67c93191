"""Output helpers of the command line: tables that line up, JSON, errors.

Columns line up by the width text takes on the screen, not by its length in
characters: a CJK character or most emoji take two columns of a terminal, a
combining accent none. `unicodedata` is enough for that and costs nothing to
import (rich's `cell_len` would do the same, at the price of loading rich).
"""

from __future__ import annotations

import json
import sys
import unicodedata
from typing import Any

PROGRAM = "backtimer"


def cell_width(text: str) -> int:
    """How many terminal columns `text` takes."""
    width = 0
    for character in text:
        if unicodedata.category(character) in {"Mn", "Me", "Cf"}:
            continue  # combining marks, zero-width joiners and the like
        width += 2 if unicodedata.east_asian_width(character) in {"W", "F"} else 1
    return width


def pad(text: str, width: int) -> str:
    """`text` followed by spaces up to `width` columns (as `str.ljust`, by display width)."""
    return text + " " * max(0, width - cell_width(text))


def table(rows: list[list[str]]) -> str:
    """Rows of cells as aligned columns, two spaces apart; the first row is the header."""
    widths = [max(cell_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(pad(cell, width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def error(message: str) -> None:
    """Say what went wrong on stderr, each line starting with ``backtimer:``."""
    for line in message.splitlines() or [""]:
        print(f"{PROGRAM}: {line}", file=sys.stderr)
