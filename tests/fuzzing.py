"""Hostile files made from good ones, for the fuzz test and ``benchmarks/fuzz_inputs.py``.

Each kind of file backtimer reads starts from a good example; `mutate` then
breaks it the ways that broke backtimer before (nesting, long numbers, long
dotted keys, nulls, infinities, dates at the ends of the calendar, bytes that
are not UTF-8, torn text) and the ways any file breaks (lines cut, doubled,
dropped, values swapped). `Target.path` says where the file goes.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from backtimer.domain.history import plain_tables
from backtimer.domain.history.session import Session, StepRecord, session_json
from backtimer.storage import locations
from backtimer.storage.history_file import dump
from tests.hostile import (
    DEEP_SHAPES,
    DOTTED_KEY,
    GOOD_PROGRAM,
    GOOD_ROUTINE,
    HUGE_NUMBERS,
    JSON_DEEP_SHAPES,
    JSON_HUGE_NUMBERS,
    LONG_INTEGER,
    NESTING,
)

ROUTINE = (
    Path(__file__).parents[1] / "src" / "backtimer" / "routines" / "eight-contenders.toml"
).read_text()


def _sessions(
    count: int,
    start: datetime = datetime(2026, 1, 5, 7, 30, tzinfo=UTC),
    routine: str = "desk-reset",
) -> list[Session]:
    return [
        Session(
            id=f"{start + timedelta(days=n):%Y%m%dT%H%M%SZ}-00000{n}",
            routine=routine,
            routine_name=routine.replace("-", " ").capitalize(),
            started_at=start + timedelta(days=n),
            ended_at=start + timedelta(days=n, minutes=7),
            status="completed",
            active_seconds=394.5,
            paused_seconds=2.0,
            pain_before=4,
            note="left hip tight",
            steps=[StepRecord(exercise="cat-cow", sets_done=1, reps_done=10, seconds_done=60.0)],
        )
        for n in range(count)
    ]


RECENT = (datetime.now(UTC) - timedelta(days=5)).replace(microsecond=0)
"""Sessions of the last days (of the programme the fuzzer starts), so that what
``today`` says depends on them."""
GOOD: dict[str, str] = {
    "routine": ROUTINE,
    "small-routine": GOOD_ROUTINE,
    "programme": GOOD_PROGRAM,
    "settings": "weekly_goal = 4\nsound = true\nvoice = false\nlead_in = 5\n",
    "program-state": '[active]\nprogram = "back-durability-6wk"\nstart = 2026-01-05\n',
    "history": dump(_sessions(4)),
    "recent-history": dump(_sessions(6, RECENT, "back-durability")),
    "archive": dump(_sessions(4)),
    "journal": dump(_sessions(1)),
    "export": json.dumps([session_json(s) for s in _sessions(3)], indent=2),
}
"""A good file of each kind backtimer reads."""


@dataclass(frozen=True)
class Target:
    """Where a file of a kind goes in the data folder (None: only given on the command line)."""

    place: Callable[[], Path] | None


TARGETS: dict[str, Target] = {
    "routine": Target(lambda: locations.routines_dir() / "fuzzed.toml"),
    "small-routine": Target(lambda: locations.routines_dir() / "small.toml"),
    "programme": Target(lambda: locations.programmes_dir() / "fuzzed.toml"),
    "settings": Target(locations.settings_file),
    "program-state": Target(locations.program_file),
    "history": Target(locations.history_file),
    "recent-history": Target(locations.history_file),
    "archive": Target(lambda: locations.archive_dir() / "2026-01.toml"),
    "journal": Target(lambda: locations.journal_dir() / "20260105T073000Z-000000.toml"),
    "export": Target(None),
}

SNIPPETS = [
    NESTING,
    "x = " + "{a = " * 40 + "1" + "}" * 40,
    LONG_INTEGER,
    "lead_in = " + "9" * 400,
    DOTTED_KEY[:2000] + " = 1",
    "[" + "a." * 60 + "a]",
    "x = nan",
    "x = inf",
    "active_seconds = -inf",
    "started_at = 9999-12-31T23:59:59-05:00",
    "started_at = 0001-01-01T00:00:00+05:00",
    "ended_at = 1970-01-01T00:00:00Z",
    'note = "' + "x" * 2500 + '"',
    "format = 1.0",
    "format = true",
    "[[session]]",
    "[[step]]",
    "[[slot]]",
    '"""',
    "'''",
    'id = "a/b"',
    'id = "x\\u0000y"',
    "reps = 500\nsets = 50",
    "weekly_goal = 99999999999999999999",
    "= = =",
    "\ufeff",
    *DEEP_SHAPES.values(),
    *(f"x = {number}" for number in HUGE_NUMBERS.values()),
]
JSON_SNIPPETS = [
    "null",
    "[" * 600 + "]" * 600,
    "9" * 5000,
    "Infinity",
    "-Infinity",
    "NaN",
    '"9999-12-31T23:00:00-05:00"',
    '"0001-01-01T00:30:00+05:00"',
    '"\\ud800"',
    '{"a": [null]}',
    "1e999",
    "[]",
    "{}",
    '""',
    "true",
    *JSON_DEEP_SHAPES.values(),
    *JSON_HUGE_NUMBERS.values(),
]
BYTES = [b"\xff", b"\x00", b"\xc3", b"\xed\xa0\x80", b"\r", b"\x1b[2J"]


def mutate(kind: str, rng: random.Random) -> bytes:
    """A file of ``kind`` broken in one to four ways."""
    text = GOOD[kind]
    for _ in range(rng.randint(1, 4)):
        text = _json_mutation(text, rng) if kind == "export" else _toml_mutation(text, rng)
    data = text.encode("utf-8", errors="surrogatepass")
    if rng.random() < 0.15:
        at = rng.randrange(len(data) + 1)
        data = data[:at] + rng.choice(BYTES) + data[at:]
    if rng.random() < 0.1:
        data = data[: rng.randrange(len(data) + 1)]
    return data


def _lines_edit(text: str, rng: random.Random) -> str:
    lines = text.splitlines()
    at = rng.randrange(len(lines) + 1)
    choice = rng.random()
    if choice < 0.3 and lines:
        del lines[min(at, len(lines) - 1)]
    elif choice < 0.6 and lines:
        lines.insert(at, lines[rng.randrange(len(lines))])
    else:
        cut = rng.randrange(len(text) + 1)
        return text[:cut]
    return "\n".join(lines) + "\n"


def _toml_mutation(text: str, rng: random.Random) -> str:
    if rng.random() < 0.25:
        return _lines_edit(text, rng)
    lines = text.splitlines()
    at = rng.randrange(len(lines) + 1)
    snippet = rng.choice(SNIPPETS)
    if rng.random() < 0.3 and lines and "=" in lines[min(at, len(lines) - 1)]:
        key = lines[min(at, len(lines) - 1)].split("=", 1)[0]
        value = snippet.split("=", 1)[-1] if "=" in snippet else snippet
        lines[min(at, len(lines) - 1)] = f"{key}= {value.strip()}"
    else:
        lines.insert(at, snippet)
    return "\n".join(lines) + "\n"


def _json_mutation(text: str, rng: random.Random) -> str:
    if rng.random() < 0.2:
        return _lines_edit(text, rng)
    lines = text.splitlines()
    values = [
        i for i, line in enumerate(lines) if line.rstrip().endswith((",", '"')) and ":" in line
    ]
    if not values:
        return text + rng.choice(JSON_SNIPPETS)
    at = rng.choice(values)
    key, _ = lines[at].split(":", 1)
    comma = "," if lines[at].rstrip().endswith(",") else ""
    lines[at] = f"{key}: {rng.choice(JSON_SNIPPETS)}{comma}"
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------ tables broken in every way

WEST = timezone(-timedelta(hours=23, minutes=59))
EAST = timezone(timedelta(hours=14))
ODD_VALUES: list[Any] = [
    -1,
    0,
    1,
    10,
    11,
    201,
    10**6,
    10**6 + 1,
    2**63 - 1,
    -(2**63),
    366 * 24 * 3600,
    366 * 24 * 3600 + 1,
    0.0,
    -0.0,
    1.5,
    -0.5,
    float("nan"),
    float("inf"),
    1e300,
    True,
    False,
    "",
    "x",
    "completed",
    "interrupted",
    "a/b",
    "é" * 65,
    "x" * 2001,
    "\u2028",
    "2026-11-23T07:00:00+00:00",
    date(2026, 11, 23),
    date(1969, 12, 31),
    datetime(2026, 11, 23, 7),
    datetime(2026, 11, 23, 7, tzinfo=UTC),
    datetime(2199, 12, 31, 23, 59, 59, tzinfo=WEST),
    datetime(1970, 1, 1, 0, 0, tzinfo=EAST),
    datetime(2200, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=1))),
    datetime(1, 1, 1, 0, 30, tzinfo=EAST),
    [],
    [1],
    [[[]]],
    {},
    {"a": 1},
    {"a": {"b": [1, 2]}},
]
odd_values = st.sampled_from(ODD_VALUES) | st.recursive(
    st.integers(-(2**63), 2**63 - 1) | st.text(max_size=5) | st.booleans(),
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=4,
)
SESSION_KEYS = sorted(plain_tables.SESSION_KEYS | {"outcome", "colour", "steps"})
STEP_KEYS = sorted(plain_tables.STEP_KEYS | {"outcome", "colour"})


@st.composite
def broken(draw: st.DrawFn, table: dict[str, Any], keys: list[str]) -> dict[str, Any]:
    """``table`` with up to three keys dropped, set to odd values or added."""
    changed = dict(table)
    for _ in range(draw(st.integers(1, 3))):
        key = draw(st.sampled_from(keys))
        if draw(st.booleans()) and key in changed:
            del changed[key]
        else:
            changed[key] = draw(odd_values)
    return changed
