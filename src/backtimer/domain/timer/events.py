"""What the timer reports as it runs: one small value per transition.

Every call on the `Engine` returns the events it caused; the screen turns them
into bells, flashes and words, and saves the session when a step changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from backtimer.domain.routines.timeline import Segment, Side


@dataclass(frozen=True, slots=True)
class SegmentStarted:
    segment: Segment


@dataclass(frozen=True, slots=True)
class SideSwitch:
    """Time to change sides: the switch segment, or the first work on the new side."""

    side: Side | None


@dataclass(frozen=True, slots=True)
class RepDone:
    segment: Segment


@dataclass(frozen=True, slots=True)
class SetDone:
    step: int
    set: int


@dataclass(frozen=True, slots=True)
class Countdown:
    """``seconds`` (3, 2 or 1) are left in the segment."""

    seconds: int


@dataclass(frozen=True, slots=True)
class Halfway:
    segment: Segment


@dataclass(frozen=True, slots=True)
class Paused:
    gap: float = 0.0
    """Seconds the clock jumped when the engine paused itself (0 when asked to pause)."""


@dataclass(frozen=True, slots=True)
class Finished:
    pass


Event = SegmentStarted | SideSwitch | RepDone | SetDone | Countdown | Halfway | Paused | Finished
