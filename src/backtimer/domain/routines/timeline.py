"""A routine compiled into the timeline the timer runs: one segment after another.

Every get-ready, rest, side switch, hold, release, phase and rep becomes a
`Segment` with its duration (or none, for a self-paced rep that waits for a
key), the step, set, rep and side it belongs to, and the cue to show. The rest
before a step belongs to that step: it is the moment to get into position.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Literal

from backtimer.domain.routines.exercise import Exercise, Sides
from backtimer.domain.routines.exercise import (  # where the screens have always found it
    Side as Side,
)
from backtimer.domain.routines.routine import Routine, Step, StepKind

SegmentKind = Literal[
    "get-ready", "rest", "switch", "work", "hold", "release", "phase", "rep", "self-paced"
]

BREAKS: frozenset[SegmentKind] = frozenset({"get-ready", "rest", "switch"})
"""Segments between the work: skipping one skips no exercise."""

SELF_PACED_REP_SECONDS = 3
"""What a self-paced rep counts for in duration estimates."""


@dataclass(frozen=True, slots=True)
class Segment:
    """One stretch of the timeline, with everything the screen shows during it."""

    index: int
    """Position in the timeline, from 0."""
    kind: SegmentKind
    step: int
    """Index of the routine step it belongs to, from 0."""
    exercise: Exercise
    seconds: int | None
    """Duration; None for a self-paced rep, which ends when the person says so."""
    cue: str
    """What to do now, in a few words."""
    set: int = 1
    sets: int = 1
    rep: int = 0
    """Which rep (from 1) this is part of; 0 outside the reps."""
    reps: int = 0
    """Reps per set and side; 0 for timed work."""
    side: Side | None = None
    phase: int = 0
    phases: int = 0
    ends_rep: bool = False
    """Completing this segment completes a rep."""
    ends_set: bool = False
    """Completing this segment completes a set (on every side)."""
    switches_side: bool = False
    """The moment to change sides starts here."""
    block: int = 0
    """Which run of reps of its step this is part of, from 0: one per set and side.

    A rest or side switch belongs to the block it leads into."""

    @property
    def is_break(self) -> bool:
        """True for get-ready, rests and side switches."""
        return self.kind in BREAKS

    @property
    def side_words(self) -> str:
        """The side in the move's own words ("left foot forward"); empty without a side."""
        return self.exercise.side_words(self.side) if self.side else ""

    @property
    def estimate(self) -> int:
        """Seconds this segment is expected to take."""
        return self.seconds if self.seconds is not None else SELF_PACED_REP_SECONDS


@dataclass(frozen=True, slots=True)
class StepPlan:
    """What a step asks for, in totals, and where it sits in the timeline."""

    index: int
    step: Step
    exercise: Exercise
    sides: Sides
    first: int
    """Index of the step's first segment (its get-ready or rest, when it has one)."""
    first_work: int
    """Index of the step's first segment of work."""
    end: int
    """Index just past the step's last segment."""
    reps: int
    """Reps in all, every side and set counted; 0 for timed work."""
    work_seconds: int
    """Seconds of timed work in all (self-paced reps count 0)."""
    blocks: tuple[int, ...] = ()
    """Index of the first segment of work of each block (see `Segment.block`)."""

    @property
    def kind(self) -> StepKind:
        return self.step.kind


@dataclass(frozen=True)
class Timeline:
    """A compiled routine: its segments in order and a plan of each step."""

    routine: Routine
    segments: tuple[Segment, ...]
    steps: tuple[StepPlan, ...]
    _after: tuple[int, ...] = field(init=False, repr=False)
    """Estimated seconds from each segment to the end."""

    def __post_init__(self) -> None:
        after = [0] * (len(self.segments) + 1)
        for index in range(len(self.segments) - 1, -1, -1):
            after[index] = after[index + 1] + self.segments[index].estimate
        object.__setattr__(self, "_after", tuple(after))  # frozen: the documented way

    @property
    def estimated_seconds(self) -> int:
        """How long the whole routine takes, self-paced reps at a usual pace."""
        return self.seconds_from(0)

    def seconds_from(self, index: int) -> int:
        """Estimated seconds of the segments from ``index`` to the end."""
        return self._after[min(index, len(self.segments))]

    def next_work(self, index: int) -> Segment | None:
        """The first segment of work after ``index``, or None at the end."""
        return next((s for s in self.segments[index + 1 :] if not s.is_break), None)


def resolve(routine: Routine, catalogue: Mapping[str, Exercise]) -> list[Exercise]:
    """The exercise each step asks for, the file's own moves first."""
    own = routine.own_exercises()
    return [own.get(step.exercise) or catalogue[step.exercise] for step in routine.step]


def compile_timeline(routine: Routine, catalogue: Mapping[str, Exercise]) -> Timeline:
    """Lay out every segment of a checked routine.

    Args:
        routine: a routine whose references `check_references` found in order.
        catalogue: the catalogue's moves by id.
    """
    segments: list[Segment] = []
    plans: list[StepPlan] = []
    for index, (step, exercise) in enumerate(
        zip(routine.step, resolve(routine, catalogue), strict=True)
    ):
        first = len(segments)
        lead = _lead(routine, index)
        for segment in _step_segments(routine, index, step, exercise, lead):
            segments.append(replace(segment, index=len(segments)))
        first_work = first + (1 if lead else 0)
        work = segments[first_work:]
        blocks: dict[int, int] = {}
        for segment in work:
            if not segment.is_break:
                blocks.setdefault(segment.block, segment.index)
        plans.append(
            StepPlan(
                index=index,
                step=step,
                exercise=exercise,
                sides=_sides(step, exercise),
                first=first,
                first_work=first_work,
                end=len(segments),
                reps=sum(1 for s in work if s.ends_rep and s.kind != "work"),
                work_seconds=sum(s.seconds or 0 for s in work if not s.is_break),
                blocks=tuple(blocks[block] for block in sorted(blocks)),
            )
        )
    return Timeline(routine=routine, segments=tuple(segments), steps=tuple(plans))


def _lead(routine: Routine, index: int) -> tuple[SegmentKind, int] | None:
    if index == 0:
        return ("get-ready", routine.lead_in) if routine.lead_in > 0 else None
    before = routine.step[index - 1]
    seconds = before.rest_after if before.rest_after is not None else routine.rest_between_steps
    return ("rest", seconds) if seconds > 0 else None


def _sides(step: Step, exercise: Exercise) -> Sides:
    return step.sides if step.sides is not None else exercise.sides


def _side_runs(sides: Sides, set_number: int) -> list[Side | None]:
    """The sides worked in one set, in order, each as one run of reps."""
    if sides == "each":
        return ["left", "right"]
    if sides == "alternate-sets":
        return ["left" if set_number % 2 else "right"]
    return [None]


def _step_segments(
    routine: Routine,
    index: int,
    step: Step,
    exercise: Exercise,
    lead: tuple[SegmentKind, int] | None,
) -> Iterator[Segment]:
    sides = _sides(step, exercise)
    rest = step.rest if step.rest is not None else routine.rest_between_sets
    at = partial(
        Segment,
        index=0,
        step=index,
        exercise=exercise,
        sets=step.sets,
        reps=0 if step.kind == "work" else step.rep_count,
    )
    if lead is not None:
        kind, seconds = lead
        yield at(kind=kind, seconds=seconds, cue="Get ready" if kind == "get-ready" else "Rest")
    block = 0
    for set_number in range(1, step.sets + 1):
        runs = _side_runs(sides, set_number)
        if set_number > 1 and rest > 0:
            yield at(
                kind="rest", seconds=rest, cue="Rest", set=set_number, side=runs[0], block=block
            )
        for run, side in enumerate(runs):
            announce = run > 0 or (sides == "alternate-sets" and set_number > 1)
            if announce and routine.side_switch > 0 and sides == "each":
                assert side is not None  # "each" works the left, then the right
                yield at(
                    kind="switch",
                    seconds=routine.side_switch,
                    cue=f"Switch: {exercise.side_words(side)}",
                    set=set_number,
                    side=side,
                    switches_side=True,
                    block=block,
                )
                announce = False
            reps = range(1, step.rep_count + 1)
            order: list[tuple[int, Side | None]] = (
                [(rep, each) for rep in reps for each in ("left", "right")]
                if sides == "alternate-reps"
                else [(rep, side) for rep in reps]
            )
            for position, (rep, rep_side) in enumerate(order):
                last_rep = position == len(order) - 1
                for segment in _rep_segments(
                    step,
                    exercise,
                    partial(at, set=set_number, rep=rep, side=rep_side, block=block),
                    turn=block if step.kind == "work" else rep - 1,
                    last_rep=last_rep,
                    closes_set=last_rep and run == len(runs) - 1,
                ):
                    yield replace(segment, switches_side=announce) if announce else segment
                    announce = False
            block += 1


def _turns(step: Step, exercise: Exercise) -> list[str]:
    """What a rep (or a set) shows in turn: the step's own cue first, then the form points."""
    return ([step.cue] if step.cue else []) + exercise.form_points


def _rep_segments(
    step: Step,
    exercise: Exercise,
    at: Callable[..., Segment],
    turn: int,
    last_rep: bool,
    closes_set: bool,
) -> Iterator[Segment]:
    """The segments of one rep on one side.

    Args:
        turn: which form point to show, counted from 0 (the rep, or the set for timed work).
        last_rep: this is the run's final rep (no release after its hold).
        closes_set: its end completes the set.
    """
    turns = _turns(step, exercise)
    cue = turns[turn % len(turns)]
    kind = step.kind
    if kind == "work":
        yield at(kind="work", seconds=step.work, cue=cue, ends_rep=True, ends_set=closes_set)
    elif kind == "hold":
        yield at(
            kind="hold",
            seconds=step.hold,
            cue=step.cue or exercise.hold_cue or "Hold it there",
            ends_rep=True,
            ends_set=closes_set,
        )
        release = step.release_seconds
        if not last_rep and release > 0:
            yield at(
                kind="release", seconds=release, cue=exercise.release_cue or "Let go and breathe"
            )
    elif kind == "phases":
        phases = step.phases or []
        for number, phase in enumerate(phases, start=1):
            final = number == len(phases)
            yield at(
                kind="phase",
                seconds=phase.seconds,
                cue=phase.cue,
                phase=number,
                phases=len(phases),
                ends_rep=final,
                ends_set=final and closes_set,
            )
    elif kind == "tempo":
        yield at(kind="rep", seconds=step.tempo, cue=cue, ends_rep=True, ends_set=closes_set)
    else:
        yield at(kind="self-paced", seconds=None, cue=cue, ends_rep=True, ends_set=closes_set)
