"""Routines, steps and durations put into words, the same on every screen and command."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types only: `duration` and `clock` serve commands that load no model
    from backtimer.domain.routines.exercise import Exercise, Side, Sides
    from backtimer.domain.routines.routine import Step
    from backtimer.domain.routines.timeline import Segment, Timeline


SHORT_SESSION = 10
"""Seconds: a workout stopped sooner is kept all the same, and stopping says so."""


def stopping_keeps(active_seconds: float) -> str:
    """What stopping a workout keeps, said before it stops: a session stopped in its
    first seconds is kept all the same (and can be deleted in the history)."""
    seconds = round(active_seconds)
    if seconds < SHORT_SESSION:
        return (
            f"Only {seconds} s done so far: it is kept in your history all the same, as a"
            " stopped session (d in the history deletes it)."
        )
    return "What you have done so far is saved."


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


def describe_step(step: Step, exercise: Exercise, rest_between_sets: int | None = None) -> str:
    """What a step asks for, in one line: "10 reps: breathe out 3 s; breathe in 3 s".

    Args:
        step: the step.
        exercise: the move it asks for.
        rest_between_sets: the routine's, for steps that do not set ``rest`` (when not
            given, the format's default).
    """
    sides = _SIDE_WORDS[step_sides(step, exercise)]
    sets = f"{step.sets} sets of " if step.sets > 1 else ""
    reps = step.rep_count
    kind = step.kind
    if kind == "work":
        what = f"{sets}{duration(step.work or 0)}{sides}"
    elif kind == "hold":
        release = step.release_seconds
        holds = (
            f"{reps} holds of {duration(step.hold or 0)}"
            if reps > 1
            else (f"hold {duration(step.hold or 0)}")
        )
        gap = f", {duration(release)} between" if reps > 1 and release else ""
        what = f"{sets}{holds}{gap}{sides}"
    elif kind == "phases":
        phases = "; ".join(f"{p.cue.lower()} {p.seconds} s" for p in step.phases or [])
        what = f"{sets}{reps} reps{sides}: {phases}"
    elif kind == "tempo":
        what = f"{sets}{reps} reps{sides}, {duration(step.tempo or 0)} a rep"
    else:
        what = f"{sets}{reps} reps{sides} at your own pace"
    if step.rest is not None:
        rest = step.rest
    elif rest_between_sets is not None:
        rest = rest_between_sets
    else:
        from backtimer.domain.routines.routine import routine_default  # loaded with any Step

        rest = routine_default("rest_between_sets")
    if step.sets > 1 and rest:
        what += f", {duration(rest)} rest between sets"
    return what


KIND_TITLES = {
    "get-ready": "GET READY",
    "rest": "REST",
    "switch": "SWITCH SIDES",
    "work": "WORK",
    "hold": "HOLD",
    "release": "RELEASE",
    "phase": "",
    "rep": "REP",
    "self-paced": "YOUR PACE",
}


def segment_title(segment: Segment) -> str:
    """A word or two for what kind of moment this is: "HOLD", "REST", "PHASE 1 OF 2"."""
    if segment.kind == "phase":
        return f"PHASE {segment.phase} OF {segment.phases}"
    return KIND_TITLES[segment.kind]


BIG_WORDS = {
    "get-ready": "READY",
    "rest": "REST",
    "switch": "SWITCH",
    "work": "WORK",
    "hold": "HOLD",
    "release": "RELAX",
    "phase": "REP",
    "rep": "REP",
    "self-paced": "REP",
}
"""What kind of moment it is, in a word or two short enough for block letters."""


def big_count(segment: Segment) -> str:
    """The one count that matters now, in a few characters: the rep ("3/8"), else the set."""
    if segment.reps > 1 and segment.rep:
        return f"{segment.rep}/{segment.reps}"
    if segment.sets > 1:
        return f"{segment.set}/{segment.sets}"
    return ""


def coming_side(segment: Segment, timeline: Timeline) -> Side | None:
    """The side to show now: the segment's own, or in a rest or get-ready, the side the
    work after it starts on (None for reps that change sides every time)."""
    if segment.side or segment.kind not in ("get-ready", "rest"):
        return segment.side
    following = timeline.next_work(segment.index)
    if following is None or timeline.steps[following.step].sides == "alternate-reps":
        return None
    return following.side


def mat_words(segment: Segment, timeline: Timeline) -> str:
    """What the mat view shows under the clock: in a rest or the get-ready, the move that
    comes next and its side ("Psoas massage, left of the navel"); else the segment's cue."""
    if segment.kind not in ("get-ready", "rest"):
        return segment.cue
    following = timeline.next_work(segment.index)
    if following is None:
        return segment.cue
    side = coming_side(segment, timeline)
    name = following.exercise.name
    return f"{name}, {following.exercise.side_words(side)}" if side else name


def clock_text(seconds: int) -> str:
    """Seconds as the big clock shows them: "45", "1:30"."""
    return f"{seconds // 60}:{seconds % 60:02d}" if seconds >= 60 else str(seconds)


def segment_counts(segment: Segment) -> str:
    """Where in the step this is: "Rep 3 of 8 · Phase 1 of 2 · Set 1 of 2"."""
    parts = []
    if segment.reps > 1 and segment.rep:
        parts.append(f"Rep {segment.rep} of {segment.reps}")
    if segment.phases > 1:
        parts.append(f"Phase {segment.phase} of {segment.phases}")
    if segment.sets > 1:
        parts.append(f"Set {segment.set} of {segment.sets}")
    return " · ".join(parts)


def _side(segment: Segment) -> str:
    return f" · {segment.side_words}" if segment.side else ""


def upcoming(segments: Sequence[Segment], index: int) -> str:
    """What comes after segment ``index``, in a line: "Rest 15 s, then Cat-cow"."""
    if index + 1 >= len(segments):
        return "The end. Well done!"
    current, after = segments[index], segments[index + 1]
    if after.is_break:
        rest = f"{segment_title(after).capitalize()} {duration(after.estimate)}"
        following = next((s for s in segments[index + 2 :] if not s.is_break), None)
        if following is None:
            return rest
        if following.step != current.step:
            return f"{rest}, then {following.exercise.name}{_side(following)}"
        if following.set != current.set:
            return f"{rest}, then set {following.set} of {following.sets}{_side(following)}"
        return f"{rest}, then {following.side_words}" if following.side else rest
    if current.kind == "rest" and after.step == current.step and current.set > 1:
        return f"Set {after.set} of {after.sets}{_side(after)}"  # a rest between sets
    if after.step != current.step or current.kind in ("get-ready", "rest"):
        return f"{after.exercise.name}{_side(after)}"
    if after.kind == "phase":
        return f"{after.cue}{_side(after)}"
    if after.kind == "release":
        return "Release, then the next hold"
    return f"{segment_counts(after) or segment_title(after).capitalize()}{_side(after)}"
