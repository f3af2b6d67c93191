"""How often the bell rings: bells per minute of each step of a routine.

Runs the timer on a fake clock, looking at it every 0.1 s as the screen would,
and rings what the workout screen rings for each batch of events. Prints, for
each step, its length and its bells per minute.

    python benchmarks/cue_rhythm.py [ROUTINE]      (default: back-durability)
"""

from __future__ import annotations

import inspect
import sys

from backtimer.domain.routines.timeline import SELF_PACED_REP_SECONDS
from backtimer.domain.timer.engine import Engine
from backtimer.storage import library
from backtimer.tui import cues


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def main() -> None:
    routine_id = sys.argv[1] if len(sys.argv) > 1 else "back-durability"
    entry = next(e for e in library.all_routines() if e.id == routine_id)
    timeline = entry.timeline
    clock = Clock()
    engine = Engine(timeline, clock)
    # cue_for took only the events before the rhythm was redesigned.
    takes_timeline = len(inspect.signature(cues.cue_for).parameters) > 1
    bells = [0] * len(timeline.steps)
    seconds = [0.0] * len(timeline.steps)

    def working() -> int | None:
        """The step whose work is under way, or None in a get-ready or the rest before a step."""
        if engine.status != "running":
            return len(timeline.steps) - 1  # the bells at the end belong to the last step
        segment = engine.segment
        return segment.step if segment.index >= timeline.steps[segment.step].first_work else None

    events = engine.start()
    while True:
        kind = cues.cue_for(events, timeline) if takes_timeline else cues.cue_for(events)
        step = working()
        if kind is not None and step is not None:
            bells[step] += cues.BELLS[kind]
        if engine.status != "running":
            break
        if step is not None:
            seconds[step] += 0.1
        clock.now += 0.1
        # A self-paced rep takes as long as the estimates assume.
        own_pace = engine.segment.seconds is None
        done = own_pace and engine.snapshot().elapsed >= SELF_PACED_REP_SECONDS - 1e-9
        events = engine.rep_done() if done else engine.tick()
    print(f"{entry.name}: bells per minute of each step's work (from its first rep to its end)")
    for plan, rung, spent in zip(timeline.steps, bells, seconds, strict=True):
        print(
            f"  {plan.exercise.name:<28} {spent:6.0f} s  {rung:4d} bells"
            f"  {rung / spent * 60:5.1f} a minute"
        )


if __name__ == "__main__":
    main()
