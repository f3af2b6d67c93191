"""How long a routine is, worked out by arithmetic, and the cap on it.

Every field of a routine has a limit, but together they multiply: 500 reps of
20 phases in 50 sets is 500,000 timed parts (139 hours) in a 486-byte file, and
compiling that timeline took 5.9 s and 162 MB. So a routine may take at most
`MAX_SECONDS` and `MAX_SEGMENTS` parts, checked here by arithmetic on the
validated model before any timeline is compiled. `compile_timeline` lays out
exactly the parts counted here (a test holds the two together).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from backtimer.domain.parsing.problems import Problem
from backtimer.domain.routines.exercise import Exercise, Sides

if TYPE_CHECKING:  # routine.py calls this module: only the types are needed here
    from backtimer.domain.routines.routine import Routine, Step

MAX_SECONDS = 4 * 3600
"""The longest a routine may take, self-paced reps at `SELF_PACED_REP_SECONDS`."""
MAX_SEGMENTS = 20_000
"""The most timed parts (reps, phases, holds, rests…) a routine may have."""
SELF_PACED_REP_SECONDS = 3
"""What a self-paced rep counts for in duration estimates."""


@dataclass(frozen=True, slots=True)
class Length:
    """How many timed parts (segments), and the seconds they are expected to take."""

    segments: int = 0
    seconds: int = 0

    def __add__(self, other: Length) -> Length:
        return Length(self.segments + other.segments, self.seconds + other.seconds)

    def times(self, count: int) -> Length:
        return Length(self.segments * count, self.seconds * count)


def _once(seconds: int) -> Length:
    """One segment of ``seconds``, or nothing when it lasts no time (a rest of 0 is left out)."""
    return Length(1, seconds) if seconds > 0 else Length()


def _run(step: Step, sides: Sides) -> Length:
    """One run of reps on one side (or both sides in turn, for alternate-reps)."""
    reps = step.rep_count * (2 if sides == "alternate-reps" else 1)
    kind = step.kind
    if kind == "work":
        return Length(1, step.work or 0)
    if kind == "hold":
        release = step.release if step.release is not None else 2
        return Length(1, step.hold or 0).times(reps) + _once(release).times(reps - 1)
    if kind == "phases":
        phases = step.phases or []
        return Length(len(phases), sum(p.seconds for p in phases)).times(reps)
    if kind == "tempo":
        return Length(1, step.tempo or 0).times(reps)
    return Length(1, SELF_PACED_REP_SECONDS).times(reps)


def step_length(routine: Routine, index: int, sides: Sides) -> Length:
    """The length of one step: its lead (get-ready or rest), sets, rests and side switches."""
    step = routine.step[index]
    if index == 0:
        lead = _once(routine.lead_in)
    else:
        before = routine.step[index - 1]
        lead = _once(
            before.rest_after if before.rest_after is not None else routine.rest_between_steps
        )
    rest = step.rest if step.rest is not None else routine.rest_between_sets
    runs = 2 if sides == "each" else 1
    one_set = _run(step, sides).times(runs)
    if sides == "each":
        one_set += _once(routine.side_switch)
    return lead + one_set.times(step.sets) + _once(rest).times(step.sets - 1)


def routine_length(routine: Routine, catalogue: Mapping[str, Exercise]) -> tuple[Length, ...]:
    """The length of each step of a routine whose exercises are all known."""
    own = routine.own_exercises()
    lengths = []
    for index, step in enumerate(routine.step):
        exercise = own.get(step.exercise) or catalogue[step.exercise]
        sides = step.sides if step.sides is not None else exercise.sides
        lengths.append(step_length(routine, index, sides))
    return tuple(lengths)


def total(lengths: tuple[Length, ...]) -> Length:
    return sum(lengths, Length())


def _hours(seconds: int) -> str:
    """As `describe.duration` says it ("139 h 17 min"), which this module cannot import."""
    hours, minutes = divmod(seconds // 60, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def length_problems(routine: Routine, catalogue: Mapping[str, Exercise]) -> list[Problem]:
    """A problem when the routine is longer than a routine may be, naming its longest step."""
    lengths = routine_length(routine, catalogue)
    whole = total(lengths)
    if whole.seconds <= MAX_SECONDS and whole.segments <= MAX_SEGMENTS:
        return []
    index, longest = max(enumerate(lengths), key=lambda pair: (pair[1].segments, pair[1].seconds))
    return [
        Problem(
            "",
            f"would take {_hours(whole.seconds)} in {whole.segments:,} timed parts; a routine"
            f" may take at most {MAX_SECONDS // 3600} hours and {MAX_SEGMENTS:,} parts"
            f" (step[{index + 1}] alone is {_hours(longest.seconds)} in {longest.segments:,}:"
            " ask for fewer reps, sets or phases)",
        )
    ]
