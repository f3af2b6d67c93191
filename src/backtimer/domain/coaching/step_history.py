"""What the progression rules read: each step's sessions since its dose changed, and the
last weeks of every routine.

`gather` goes through the history newest first, once, and only as far back as
the rules look: every session of the last `WINDOW` (for the flares of the
last `PAUSE_DAYS` days and the back at rest), and for each step of the routine
its sessions (`Track`), back to the one before its dose last changed and at
least `LOOK_BACK` of them. A step is matched in a session by its move and its
place among the steps with the same move; moves on one ladder count as one
move, so a split squat that became the weighted one is still the same step.
The rules themselves are in `progression`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from backtimer.domain.coaching.pain_reading import (
    PAUSE_DAYS,
    Mornings,
    RatedSession,
    Reading,
    RecordedStep,
)
from backtimer.domain.routines.exercise import Exercise
from backtimer.domain.routines.ladder import Ladders, chain
from backtimer.domain.routines.routine import Routine
from backtimer.domain.routines.timeline import compile_timeline

WINDOW = timedelta(weeks=3)
"""Sessions older than this are not evidence for growing a dose."""
LOOK_BACK = 2
"""A back-off looks at this many of the step's last sessions."""

StepKey = tuple[str, int]
"""A step's move family (its ladder's first move) and its place among the steps of that family."""


class StepKeys:
    """The `StepKey` of each step of a list of moves; the same few lists, worked out once.

    The rules match a step across sessions by it; so does the report's dose history."""

    def __init__(self, ladders: Ladders) -> None:
        self.ladders = ladders
        self.families: dict[str, str] = {}
        self.known: dict[tuple[str, ...], list[StepKey]] = {}

    def __call__(self, moves: tuple[str, ...]) -> list[StepKey]:
        keys = self.known.get(moves)
        if keys is None:
            seen: dict[str, int] = {}
            keys = []
            for move in moves:
                family = self.families.get(move)
                if family is None:
                    family = self.families[move] = chain(move, self.ladders)[0]
                keys.append((family, seen.get(family, 0)))
                seen[family] = seen.get(family, 0) + 1
            self.known[moves] = keys
        return keys


Dose = tuple[str, int, int | None, int | None]
"""A step's move, sets, reps in all and seconds of work in all, as sessions record them."""


def doses(routine: Routine, moves: Mapping[str, Exercise]) -> list[Dose]:
    """The dose of each step of a routine, as a session of it would record it."""
    plans = compile_timeline(routine, moves).steps
    return [(p.step.exercise, p.step.sets, p.reps or None, p.work_seconds or None) for p in plans]


def recorded_dose(record: RecordedStep) -> Dose:
    """The dose of a step as a session recorded it."""
    return (record.exercise, record.planned_sets or 0, record.planned_reps, record.planned_seconds)


@dataclass
class Track:
    """One step's sessions, newest first, as far back as the rules look."""

    dose: Dose
    included: list[tuple[Reading, RecordedStep]] = field(default_factory=list)
    run: int = 0
    """The newest ``run`` of ``included`` are at this dose, with none at another between."""
    before: Dose | None = None
    """The dose of the session just before that run, once seen: the dose changed."""
    changed_at: datetime | None = None
    """When the last session at that dose started."""
    done: bool = False
    """Read as far back as the rules look."""
    cut: bool = False
    """Done while the run at this dose went on further back than `WINDOW`."""

    def add(self, reading: Reading, record: RecordedStep, old: bool) -> None:
        self.included.append((reading, record))
        dose = recorded_dose(record)
        if self.before is None and dose == self.dose and self.run == len(self.included) - 1:
            self.run += 1
        elif self.before is None and self.run == len(self.included) - 1:
            self.before, self.changed_at = dose, reading.session.started_at
        self.done = len(self.included) >= LOOK_BACK and (self.before is not None or old)
        self.cut = self.done and self.before is None and self.run == len(self.included)

    @property
    def at_dose(self) -> list[tuple[Reading, RecordedStep]]:
        return self.included[: self.run]

    @property
    def since(self) -> date | None:
        """The day of the first session at this dose; None with none, or when that is more
        than `WINDOW` back (the history is not read that far)."""
        return self.included[self.run - 1][0].day if self.run and not self.cut else None

    def came_down(self, after: datetime, ladders: Ladders) -> bool:
        """Whether the dose changed after ``after`` to an easier one (a back-off taken)."""
        if self.before is None or self.changed_at is None or self.changed_at < after:
            return False
        return dose_rank(self.before, ladders) > dose_rank(self.dose, ladders)


def dose_rank(dose: Dose, ladders: Ladders) -> tuple[int, int, int]:
    """How much a recorded dose asks, to tell the harder of two: a later move of the ladder,
    then more seconds, then more reps."""
    moves = chain(dose[0], ladders)
    return (moves.index(dose[0]), dose[3] or 0, dose[2] or 0)


Pair = tuple[Reading, RecordedStep]
"""A session as the rules read it, and what it recorded of a step."""


@dataclass(frozen=True)
class Evidence:
    """What the rules read of the history for one routine."""

    tracks: list[Track]
    """Each step's sessions, in the routine's order."""
    recent: list[RatedSession]
    """Every session of the last `WINDOW` and a day, any routine, newest first."""
    flared: list[Reading]
    """The sessions of the last `PAUSE_DAYS` days (any routine) that called for a back-off or
    warned, newest first."""


def gather(
    routine: Routine,
    sessions: Sequence[RatedSession],
    routine_ids: Collection[str],
    *,
    now: datetime,
    zone: tzinfo,
    moves: Mapping[str, Exercise],
    ladders: Ladders,
) -> Evidence:
    """Read the history (oldest first) for the rules; see the module's docstring."""
    today = now.astimezone(zone).date()
    mornings = Mornings(sessions, zone, today)
    keys_of = StepKeys(ladders)
    wanted = {key: i for i, key in enumerate(keys_of(tuple(s.exercise for s in routine.step)))}
    tracks = [Track(dose) for dose in doses(routine, {**moves, **routine.own_exercises()})]
    recent: list[RatedSession] = []
    flared: list[Reading] = []
    pause_from = today - timedelta(days=PAUSE_DAYS - 1)
    # A day more than the window for the back at rest: the morning after a session is the
    # day after it.
    rest_from = now - WINDOW - timedelta(days=1)
    for session in reversed(sessions):
        if session.started_at > now:
            continue  # a clock set back: not evidence of anything yet
        if session.started_at < rest_from and all(track.done for track in tracks):
            break
        old = session.started_at < now - WINDOW
        reading: Reading | None = None
        if session.started_at >= rest_from:
            recent.append(session)
        if not old:
            reading = mornings.reading(session)
            if reading.day >= pause_from and reading.flares():
                flared.append(reading)
        if session.routine not in routine_ids:
            continue
        session_keys = keys_of(tuple(record.exercise for record in session.steps))
        for key, record in zip(session_keys, session.steps, strict=True):
            index = wanted.get(key)
            if index is None or tracks[index].done or record.outcome not in ("done", "partly"):
                continue
            reading = reading or mornings.reading(session)
            tracks[index].add(reading, record, old)
    return Evidence(tracks, recent, flared)
