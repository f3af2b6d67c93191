"""A routine written out as a routine file, laid out the way a person would write it.

The routine builder saves what it builds with `routine_toml`: the routine's
own settings first, then a ``[[step]]`` table per step, then the file's own
``[[exercise]]`` moves; defaults are left out where the format allows it, and
phases are inline tables, one a line. Parsing the text gives back an equal
`Routine` (the tests check it for every built-in routine).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from backtimer.domain.routines.exercise import Exercise
from backtimer.domain.routines.routine import Phase, Routine, Step

LINE = 100
"""Lists longer than this on one line are written one item a line."""

_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}

STEP_KEYS = (
    "exercise",
    "sets",
    "reps",
    "work",
    "hold",
    "release",
    "tempo",
    "phases",
    "sides",
    "rest",
    "rest_after",
    "cue",
)
"""The order of a step's keys in a written file: the move, how much, how, then rests."""


def toml_string(text: str) -> str:
    """A TOML basic string: double quotes, with backslash escapes where needed."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _long_string(key: str, text: str) -> str:
    """``key = "text"``, or for long text a multi-line string wrapped at spaces.

    A backslash at the end of a line joins it to the next without the line
    break, so the text reads back exactly; breaks go only at single spaces.
    """
    one_line = f"{key} = {toml_string(text)}"
    if len(one_line) <= LINE:
        return one_line
    words = re.split(r"(?<=\S) (?=\S)", toml_string(text)[1:-1])
    lines = [f'{key} = """{words[0]}']
    for word in words[1:]:
        if len(lines[-1]) + len(word) + 3 > LINE:
            lines[-1] += " \\"
            lines.append(word)
        else:
            lines[-1] += " " + word
    lines[-1] += '"""'
    return "\n".join(lines)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return toml_string(value)
    raise TypeError(f"no TOML form for {value!r} here")


def _list(key: str, items: Sequence[str]) -> str:
    one_line = f"{key} = [" + ", ".join(toml_string(item) for item in items) + "]"
    if len(one_line) <= LINE or not items:
        return one_line
    return "\n".join([f"{key} = [", *(f"  {toml_string(item)}," for item in items), "]"])


def _phases(phases: Sequence[Phase]) -> str:
    rows = [f"  {{ cue = {toml_string(p.cue)}, seconds = {p.seconds} }}," for p in phases]
    return "\n".join(["phases = [", *rows, "]"])


def _step(step: Step) -> list[str]:
    lines = ["[[step]]"]
    for key in STEP_KEYS:
        value = getattr(step, key)
        if value is None or (key == "sets" and value == 1):
            continue
        lines.append(_phases(value) if key == "phases" else f"{key} = {_value(value)}")
    return lines


def _exercise(exercise: Exercise) -> list[str]:
    lines = [
        "[[exercise]]",
        f"id = {toml_string(exercise.id)}",
        f"name = {toml_string(exercise.name)}",
        f"kind = {toml_string(exercise.kind)}",
        _list("muscles", exercise.muscles),
        _list("equipment", exercise.equipment),
        _list("cues", exercise.cues),
    ]
    if exercise.sides != "none":
        lines.append(f"sides = {toml_string(exercise.sides)}")
    if exercise.rep_cues:
        lines.append(_list("rep_cues", exercise.rep_cues))
    keys = ("hold_cue", "release_cue", "left_side", "right_side", "safety", "skip_if", "figure")
    for key in keys:
        value = getattr(exercise, key)
        if value is not None:
            lines.append(f"{key} = {toml_string(value)}")
    return lines


def routine_toml(routine: Routine) -> str:
    """The text of a routine file (format 1) for ``routine``."""
    lines = ["format = 1", f"name = {toml_string(routine.name)}"]
    if routine.description:
        lines.append(_long_string("description", routine.description))
    if routine.tags:
        lines.append(_list("tags", routine.tags))
    lines += [
        f"lead_in = {routine.lead_in}",
        f"rest_between_steps = {routine.rest_between_steps}",
        f"rest_between_sets = {routine.rest_between_sets}",
    ]
    if routine.side_switch != Routine.model_fields["side_switch"].default:
        lines.append(f"side_switch = {routine.side_switch}")
    for step in routine.step:
        lines += ["", *_step(step)]
    for exercise in routine.exercise:
        lines += ["", *_exercise(exercise)]
    return "\n".join(lines) + "\n"


def routine_version(routine: Routine) -> str:
    """A short hash of what the routine asks (as `routine_toml` writes it, so comments
    and layout do not count): two sessions with the same version ran the same routine."""
    return hashlib.sha256(routine_toml(routine).encode()).hexdigest()[:10]
