"""What the timer says aloud, so a person on the mat need not look at the screen.

Short phrases only: the exercise's name as it starts and its side, "rest" and
what comes next, "switch sides", three-two-one at the end of a hold or of timed
work, and the end. Several events at once make one utterance.
"""

from __future__ import annotations

from collections.abc import Sequence

from backtimer.domain.events import Countdown, Event, Finished, Paused, SegmentStarted
from backtimer.domain.timeline import Segment, Timeline

NUMBERS = {3: "three", 2: "two", 1: "one"}
COUNTED_DOWN = frozenset({"hold", "work"})
"""Segments whose last seconds are counted aloud, when the timer counts them down at all
(`backtimer.domain.engine.COUNTDOWN_MIN_SECONDS`)."""


def _side(segment: Segment | None) -> str:
    return f", {segment.side} side" if segment is not None and segment.side else ""


def _next_work(timeline: Timeline, segment: Segment) -> Segment | None:
    return timeline.next_work(segment.index)


def _started(segment: Segment, timeline: Timeline) -> str | None:
    plan = timeline.steps[segment.step]
    if segment.kind == "get-ready":
        return f"Get ready. {segment.exercise.name}{_side(_next_work(timeline, segment))}."
    if segment.kind == "rest":
        following = _next_work(timeline, segment)
        if following is None:
            return "Rest."
        if segment.index < plan.first_work:  # the rest before a step
            return f"Rest. Next: {following.exercise.name}{_side(following)}."
        return f"Rest. Next: set {following.set} of {following.sets}{_side(following)}."
    if segment.kind == "switch":
        return f"Switch sides. {(segment.side or '').capitalize()} side."
    if segment.is_break or segment.kind == "release":
        return None
    if segment.index == plan.first_work:
        return f"{segment.exercise.name}{_side(segment)}."
    if segment.switches_side:
        return f"{(segment.side or '').capitalize()} side."
    return None


def _counted(segment: Segment) -> bool:
    return segment.kind in COUNTED_DOWN


def phrases(events: Sequence[Event], current: Segment, timeline: Timeline) -> list[str]:
    """What to say for a batch of events; ``current`` is the segment after them."""
    said: list[str] = []
    for event in events:
        if isinstance(event, SegmentStarted):
            text = _started(event.segment, timeline)
            if text:
                said.append(text)
        elif isinstance(event, Countdown) and _counted(current):
            said.append(NUMBERS[event.seconds])
        elif isinstance(event, Finished):
            said.append("Done. Well done!")
        elif isinstance(event, Paused):
            said.append("Paused.")
    return said
