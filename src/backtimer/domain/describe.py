"""Routines, steps and durations put into words, the same on every screen and command."""

from __future__ import annotations

from backtimer.domain.exercise import Exercise, Sides
from backtimer.domain.routine import Step


def duration(seconds: float) -> str:
    """A length of time as people say it: "45 s", "5 min", "1 h 05 min"."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes} min" if secs == 0 else f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def clock(seconds: float) -> str:
    """A length of time as a clock shows it: "4:05", "1:02:03"."""
    whole = max(0, round(seconds))
    minutes, secs = divmod(whole, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def about(seconds: float) -> str:
    """A rough duration for an estimate: "about 5 min"."""
    minutes = round(seconds / 60)
    return f"about {minutes} min" if minutes >= 1 else f"about {round(seconds)} s"


_SIDE_WORDS: dict[Sides, str] = {
    "none": "",
    "each": " each side",
    "alternate-reps": " each side, sides in turn",
    "alternate-sets": ", changing sides each set",
}


def step_sides(step: Step, exercise: Exercise) -> Sides:
    """The sides a step uses: its own, or its exercise's default."""
    return step.sides if step.sides is not None else exercise.sides


def describe_step(step: Step, exercise: Exercise, rest_between_sets: int = 30) -> str:
    """What a step asks for, in one line: "10 reps: breathe out 3 s, breathe in 3 s".

    Args:
        step: the step.
        exercise: the move it asks for.
        rest_between_sets: the routine's default, for steps that do not set ``rest``.
    """
    sides = _SIDE_WORDS[step_sides(step, exercise)]
    sets = f"{step.sets} sets of " if step.sets > 1 else ""
    reps = step.rep_count
    kind = step.kind
    if kind == "work":
        what = f"{sets}{duration(step.work or 0)}{sides}"
    elif kind == "hold":
        release = step.release if step.release is not None else 2
        holds = (
            f"{reps} holds of {duration(step.hold or 0)}"
            if reps > 1
            else (f"hold {duration(step.hold or 0)}")
        )
        gap = f", {duration(release)} between" if reps > 1 and release else ""
        what = f"{sets}{holds}{gap}{sides}"
    elif kind == "phases":
        phases = ", ".join(f"{p.cue.lower()} {p.seconds} s" for p in step.phases or [])
        what = f"{sets}{reps} reps{sides}: {phases}"
    elif kind == "tempo":
        what = f"{sets}{reps} reps{sides}, {duration(step.tempo or 0)} a rep"
    else:
        what = f"{sets}{reps} reps{sides} at your own pace"
    rest = step.rest if step.rest is not None else rest_between_sets
    if step.sets > 1 and rest:
        what += f", {duration(rest)} rest between sets"
    return what
