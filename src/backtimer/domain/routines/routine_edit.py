"""Changing a few values of a routine file in place, keeping everything else as written.

Accepting a suggestion changes one value of a step (``work = 45`` becomes
``work = 60``). Rewriting the whole file would lose a hand-written file's
comments and layout, so the value is changed on its own line and the rest of
the text is left alone: a diff shows one line per changed step. The result
is parsed again and must be exactly the routine wanted; when it is not (a
step written as an inline table, say), `edit_routine` returns None and the
caller writes the file anew with `routine_toml`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from backtimer.domain.parsing.problems import ProblemsError
from backtimer.domain.routines.exercise import Exercise
from backtimer.domain.routines.routine import Routine, Step, parse_routine
from backtimer.domain.routines.routine_toml import STEP_KEYS, toml_string

_TABLE = re.compile(r"^\s*\[")
_STEP = re.compile(r"^\s*\[\[\s*step\s*\]\]\s*(#.*)?$")


def _value(value: object) -> str:
    return toml_string(value) if isinstance(value, str) else str(value)


def _set_key(lines: list[str], start: int, end: int, key: str, value: object) -> bool:
    """Give ``key`` a new value in ``lines[start:end]``; add the line when it is not there."""
    pattern = re.compile(rf"^(\s*{re.escape(key)}\s*=\s*)([^#]*?)(\s*(?:#.*)?)$")
    for number in range(start, end):
        found = pattern.match(lines[number])
        if found is not None:
            lines[number] = f"{found[1]}{_value(value)}{found[3]}"
            return True
    # Not written: put it after the move's line, where `routine_toml` puts the dose.
    for number in range(start, end):
        if re.match(r"^\s*exercise\s*=", lines[number]):
            lines.insert(number + 1, f"{key} = {_value(value)}")
            return True
    return False


def _step_spans(lines: list[str]) -> list[tuple[int, int]]:
    """Where each ``[[step]]`` table starts (its first key line) and ends."""
    starts = [number for number, line in enumerate(lines) if _STEP.match(line)]
    spans = []
    for start in starts:
        end = next((n for n in range(start + 1, len(lines)) if _TABLE.match(lines[n])), len(lines))
        spans.append((start + 1, end))
    return spans


def edit_routine(
    text: str,
    routine: Routine,
    steps: Mapping[int, Step],
    catalogue: Mapping[str, Exercise],
    name: str | None = None,
) -> str | None:
    """The file's text with the given steps (by index from 0) changed, and the name if given.

    Returns None when the text cannot be changed in place so that it reads back
    as ``routine`` with those changes.
    """
    lines = text.split("\n")
    spans = _step_spans(lines)
    if len(spans) != len(routine.step):
        return None
    # From the last step up, so that an inserted line does not move the spans still to do.
    for index in sorted(steps, reverse=True):
        before, after = routine.step[index].model_dump(), steps[index].model_dump()
        start, end = spans[index]
        for key in STEP_KEYS:
            if before[key] != after[key] and not _set_key(lines, start, end, key, after[key]):
                return None
    if name is not None:
        first_table = next((n for n, line in enumerate(lines) if _TABLE.match(line)), len(lines))
        if not _set_key(lines, 0, first_table, "name", name):
            return None
    edited = "\n".join(lines)
    wanted = routine.model_copy(
        update={
            "step": [steps.get(i, step) for i, step in enumerate(routine.step)],
            "name": routine.name if name is None else name,
        }
    )
    try:
        again = parse_routine(edited, catalogue, "the edited routine")
    except ProblemsError:
        return None
    return edited if again == wanted else None
