"""The inputs that crashed, hung or flooded backtimer (issue 11), exactly as reported.

Shared by the tests and by ``benchmarks/fuzz_inputs.py``, which adds thousands
of generated ones around them.
"""

from __future__ import annotations

import json
from typing import Any

GOOD_ROUTINE = 'format = 1\nname = "Mine"\n[[step]]\nexercise = "cat-cow"\nreps = 5\ntempo = 3\n'
GOOD_PROGRAM = (
    'format = 1\nname = "Plan"\nweeks = 2\ndays_per_week = 3\n[[slot]]\nroutine = "desk-reset"\n'
)

NESTING = "tags = " + "[" * 600 + "]" * 600
"""600 levels of lists: tomllib's RecursionError."""
LONG_INTEGER = "lead_in = " + "9" * 5000
"""An integer of 5,000 digits: ``ValueError: Exceeds the limit (4300 digits)``."""
DOTTED_KEY = "a" + ".a" * 100_000 + " = 1"
"""A 100,000-part dotted key in 200 KB: 27.9 s in tomllib."""

TOML_LINES = {"nesting": NESTING, "long-integer": LONG_INTEGER, "dotted-key": DOTTED_KEY}


def routine_with(line: str) -> str:
    """A valid routine with ``line`` as its third line."""
    head, rest = GOOD_ROUTINE.split("[[step]]", 1)
    return f"{head}{line}\n[[step]]{rest}"


def program_with(line: str) -> str:
    head, rest = GOOD_PROGRAM.split("[[slot]]", 1)
    return f"{head}{line}\n[[slot]]{rest}"


EXPLODING = (
    'format = 1\nname = "Every rep"\n[[step]]\nexercise = "cat-cow"\nreps = 500\nsets = 50\n'
    "phases = [\n"
    + "".join(f'  {{ cue = "Part {n}", seconds = 1 }},\n' for n in range(1, 21))
    + "]\n"
)
"""Within every field's limit, 500,050 timed parts: 5.9 s and 162 MB to validate before."""


def exploding(steps: int) -> str:
    """`EXPLODING` with that many such steps (10: 56 s and 1.3 GB; 200: over 120 s)."""
    head, step = EXPLODING.split("[[step]]", 1)
    return head + "[[step]]".join(["", *[step] * steps])


def session_table(number: int, **changes: object) -> dict[str, Any]:
    """A session as ``history --json`` writes it, in January 2026."""
    started = f"2026-01-{number % 28 + 1:02d}T07:{number % 60:02d}:00+00:00"
    return {
        "id": f"import-{number:05d}",
        "routine": "desk-reset",
        "routine_name": "Desk reset",
        "started_at": started,
        "ended_at": started.replace("T07", "T08"),
        "status": "completed",
        "active_seconds": 394.0,
        "paused_seconds": 0.0,
        "steps": [{"exercise": "cat-cow", "sets_done": 1, "reps_done": 10, "seconds_done": 60.0}],
    } | changes


def export(*sessions: dict[str, Any]) -> str:
    return json.dumps(list(sessions))


JSON_CASES = {
    "null-in-a-field": export(session_table(1, extra={"kept": [1, None]})),
    "year-9999": export(session_table(1, started_at="9999-12-31T23:00:00-05:00")),
    "year-0001": export(session_table(1, started_at="0001-01-01T00:30:00+05:00")),
    "nesting": export(session_table(1, extra=[])).replace("[]", "[" * 600 + "]" * 600),
    "long-integer": export(session_table(1)).replace("394.0", "9" * 5000),
    "infinity": export(session_table(1)).replace("394.0", "Infinity"),
}
"""`history import` files: each was a traceback, or imported and then broke `history`."""


DEEP = 600
"""Levels of nesting: well past the 32 a file may have, and past tomllib's recursion."""
DEEP_SHAPES = {
    "lists": "x = " + "[" * DEEP + "]" * DEEP,
    "lists over lines": "x = " + "[\n" * DEEP + "1" + "\n]" * DEEP,
    "inline tables": "x = " + "{a = " * DEEP + "1" + "}" * DEEP,
    "tables in lists": "x = " + "[{a = " * DEEP + "1" + "}]" * DEEP,
    "a table header": "[" + "a." * DEEP + "a]",
    "an array of tables": "[[" + "a." * DEEP + "a]]",
    "a dotted key": "a" + ".a" * DEEP + " = 1",
    "a dotted key in a table": "x = {" + "a." * DEEP + "a = 1}",
    "brackets in a string": 'x = "' + "[" * 5000 + '"',
    "brackets in a comment": "# " + "[" * 5000,
    "brackets in a multi-line string": 'x = """\n' + "[\n" * 5000 + '"""',
}
"""Nesting in every shape TOML has (the last three are no nesting at all: text)."""
HUGE_NUMBERS = {
    "decimal": "9" * 5000,
    "negative": "-" + "9" * 5000,
    "with underscores": "_".join(["999"] * 2000),
    "hexadecimal": "0x" + "f" * 3700,
    "octal": "0o" + "7" * 5000,
    "binary": "0b" + "1" * 15000,
    "a long float": "0." + "9" * 5000,
    "a float with a huge exponent": "1e" + "9" * 400,
    "just over 64 bits": str(2**64),
}
"""A number in every base and form TOML has, far beyond what any field takes."""
JSON_DEEP_SHAPES = {
    "lists": "[" * DEEP + "]" * DEEP,
    "objects": '{"a": ' * DEEP + "1" + "}" * DEEP,
    "objects in lists": '[{"a": ' * DEEP + "1" + "}]" * DEEP,
    "lists over lines": "[\n" * DEEP + "1" + "\n]" * DEEP,
}
JSON_HUGE_NUMBERS = {
    "decimal": "9" * 5000,
    "negative": "-" + "9" * 5000,
    "a long fraction": "0." + "9" * 5000,
    "a huge exponent": "1e" + "9" * 400,
    "NaN": "NaN",
    "Infinity": "Infinity",
}


def with_line(text: str, line: str) -> str:
    """A TOML file with ``line`` as a top-level line before its first table."""
    head, marker, rest = text.partition("\n[")
    return f"{head}\n{line}\n{marker.lstrip()}{rest}" if marker else f"{text}\n{line}\n"
