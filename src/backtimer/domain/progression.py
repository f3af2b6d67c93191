"""Progression: what the pain ratings say about each step's dose for next time.

The rules follow the pain-monitoring model used in physiotherapy (Thomeé 1997;
Silbernagel et al. 2007): pain during or right after exercise up to about 5 of
10 is acceptable if it settles by the next morning; while it stays low the
load can go up, and when it rises the load comes down. In backtimer's words
(the README says the same):

- A step **progresses** a notch up its move's ladder when its last 3 sessions
  at the dose it has now, none older than 3 weeks, each did it in full, with
  pain after rated 3 or less and at most 1 above pain before, and, where there
  is a rating the next day, the first rating of the next day no higher than
  the first rating of the day of the session.
- It **backs off** a notch when, in either of its last 2 sessions at this dose,
  pain after rose by 2 or more, or was above 5, or the next morning was worse.
- Otherwise it **holds**, and says why (too few sessions, ratings missing,
  pain after 4 or 5, a step not done in full, the top of the ladder).
- Safety first: a session rated 7 or more after, or with a note that says
  "sharp", "shooting" or "numb", never lets a step progress; it backs off and
  adds the advice to see a professional. So do two sessions in a row that
  called for a back-off. After a session of the routine that hurt more or
  warned, no step of it grows, even one that session did not reach.

A session *includes* a step when some of the step was done (done in full or
part done); a step is matched in a session by its move and its place among
the steps with the same move (moves on one ladder count as one move, so a
split squat that became the weighted one is still the same step). Only
sessions at the dose the step has now count as evidence, so an accepted
change starts afresh: three new sessions before the next notch up.

Days are local: the caller gives "now" and the time zone. Nothing here reads a
file or a clock.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Literal

from backtimer.domain.exercise import Exercise
from backtimer.domain.ladder import Ladders, Notch, Position, chain, down, fits, position, up
from backtimer.domain.pain_reading import (
    LOW_AFTER,
    RISE_ALLOWED,
    Mornings,
    RatedSession,
    Reading,
    RecordedStep,
)
from backtimer.domain.routine import Routine, Step
from backtimer.domain.timeline import compile_timeline

Verdict = Literal["progress", "hold", "back-off"]

SESSIONS_NEEDED = 3
"""Sessions in a row at one dose, all going well, before it grows."""
WINDOW = timedelta(weeks=3)
"""Sessions older than this are not evidence for growing a dose."""
LOOK_BACK = 2
"""A back-off looks at this many of the step's last sessions."""
RULE_OF_THUMB = (
    "After each workout backtimer suggests, from your pain ratings, when a step can grow"
    " or should ease off: a timer's rule of thumb, not medical advice."
)
"""What the suggestions are, said where they are explained (the guide, ``progress``)."""

RED_FLAG_OPEN = "you said a warning sign applies: nothing grows until it has been checked"
"""Why no step grows while a red flag is open."""

PROFESSIONAL = (
    "See a doctor or a physiotherapist about it before you do more; this is a timer's rule"
    " of thumb, not medical advice."
)


@dataclass(frozen=True)
class StepAdvice:
    """What the rules say about one step of a routine."""

    number: int
    """The step's place in the routine, from 1."""
    step: Step
    verdict: Verdict
    reasons: tuple[str, ...]
    """Why, in plain words, most telling first."""
    notch: Notch | None = None
    """The change suggested (a notch up or down); None to keep the step as it is."""
    see_professional: bool = False
    position: Position | None = None
    """Where the step stands on its ladder."""
    at_dose: int = 0
    """Sessions at this dose in the last 3 weeks (up to 3 are looked at)."""


StepKey = tuple[str, int]
"""A step's move family (its ladder's first move) and its place among the steps of that family."""


class _Keys:
    """The `StepKey` of each step of a list of moves; the same few lists, worked out once."""

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


def _doses(routine: Routine, moves: Mapping[str, Exercise]) -> list[Dose]:
    plans = compile_timeline(routine, moves).steps
    return [(p.step.exercise, p.step.sets, p.reps or None, p.work_seconds or None) for p in plans]


def _recorded_dose(record: RecordedStep) -> Dose:
    return (record.exercise, record.planned_sets or 0, record.planned_reps, record.planned_seconds)


def advise(
    routine: Routine,
    sessions: Sequence[RatedSession],
    *,
    routine_ids: Collection[str],
    now: datetime,
    zone: tzinfo,
    moves: Mapping[str, Exercise],
    ladders: Ladders,
    red_flag_open: bool = False,
) -> list[StepAdvice]:
    """What the rules say about each step of ``routine``.

    Args:
        routine: the routine as it is now.
        sessions: the history, oldest first (every routine: the next morning's
            rating may come from any session).
        routine_ids: the routines whose sessions are this routine's (its id, and
            the built-in it is a copy of).
        now: the time of the advice; sessions older than `WINDOW` do not count to grow.
        zone: the person's time zone, for days and mornings.
        moves: every move by id (the catalogue's and the routine's own).
        ladders: every move's ladder by id.
        red_flag_open: the person said a red flag applies (`red_flags`) and has not yet
            said it was checked: no step grows, and every step says to see someone.
    """
    ratings = Mornings(sessions, zone)
    doses = _doses(routine, {**moves, **routine.own_exercises()})
    keys_of = _Keys(ladders)
    wanted = {key: i for i, key in enumerate(keys_of(tuple(s.exercise for s in routine.step)))}
    # Newest first, and only as far back as the rules look: for each step, its last
    # sessions up to the 3rd at this dose (and at least the last 2 that included it).
    history: list[list[tuple[Reading, RecordedStep]]] = [[] for _ in routine.step]
    at_dose = [0] * len(routine.step)
    open_steps = set(range(len(routine.step)))
    last: list[Reading] = []  # the routine's last sessions, whatever steps they reached
    for session in reversed(sessions):
        if not open_steps:
            break
        if session.routine not in routine_ids:
            continue
        reading: Reading | None = None
        if len(last) < LOOK_BACK:
            reading = ratings.reading(session)
            last.append(reading)
        session_keys = keys_of(tuple(record.exercise for record in session.steps))
        for key, record in zip(session_keys, session.steps, strict=True):
            index = wanted.get(key)
            if index not in open_steps or record.outcome not in ("done", "partly"):
                continue
            assert index is not None
            reading = reading or ratings.reading(session)
            history[index].append((reading, record))
            at_dose[index] += _recorded_dose(record) == doses[index]
            if at_dose[index] >= SESSIONS_NEEDED and len(history[index]) >= LOOK_BACK:
                open_steps.discard(index)
    # Safety first, for the whole routine: no step grows after a session of it that hurt
    # more, whichever steps that session reached; a warning in either of its last two
    # sessions calls for a professional on every step.
    warned = [warning for reading in last for warning in reading.warnings()]
    if red_flag_open:
        warned.insert(0, RED_FLAG_OPEN)
    context = _Context(
        now, moves, ladders, (*(last[0].flares() if last else []), *warned), bool(warned)
    )
    return [
        _step_advice(number, step, doses[number - 1], history[number - 1][::-1], context)
        for number, step in enumerate(routine.step, start=1)
    ]


@dataclass(frozen=True)
class _Context:
    """What every step's advice shares."""

    now: datetime
    moves: Mapping[str, Exercise]
    ladders: Ladders
    held_back: tuple[str, ...]
    """Why no step of the routine grows now (its last session hurt more, or warned)."""
    warned: bool
    """The routine's last sessions call for a professional."""


def _step_advice(
    number: int,
    step: Step,
    dose: Dose,
    included: list[tuple[Reading, RecordedStep]],
    context: _Context,
) -> StepAdvice:
    now, moves, ladders = context.now, context.moves, context.ladders
    at_dose = [(reading, record) for reading, record in included if _recorded_dose(record) == dose]
    since = now - WINDOW
    recent = [pair for pair in at_dose if pair[0].session.started_at >= since][-SESSIONS_NEEDED:]
    last_any = [reading for reading, _ in included[-LOOK_BACK:]]
    looked_at = {id(r): r for r in [*(reading for reading, _ in recent), *last_any]}
    warned = [w for reading in looked_at.values() for w in reading.warnings()]
    in_a_row = len(last_any) == LOOK_BACK and all(reading.flares() for reading in last_any)

    def advice(verdict: Verdict, reasons: list[str], notch: Notch | None = None) -> StepAdvice:
        return StepAdvice(
            number,
            step,
            verdict,
            tuple(reasons),
            notch,
            see_professional=bool(warned) or in_a_row or context.warned,
            position=position(step, ladders),
            at_dose=len(recent),
        )

    flares = [f for reading, _ in at_dose[-LOOK_BACK:] for f in reading.flares()]
    if flares:
        if in_a_row:
            flares.append("two sessions in a row called for a back-off")
        notch = down(step, ladders)
        if notch is None:
            flares.append(_floor(step, moves, ladders))
        return advice("back-off", flares, notch)
    reasons = list(dict.fromkeys([*context.held_back, *_why_not(recent, warned, bool(at_dose))]))
    if reasons:
        return advice("hold", reasons)
    notch = up(step, ladders)
    if notch is None:
        return advice("hold", [_top(step, moves, ladders)])
    why = (
        f"its last {SESSIONS_NEEDED} sessions at this dose went well: done in full, pain after"
        f" {LOW_AFTER} or less and at most {RISE_ALLOWED} above before"
    )
    return advice("progress", [why], notch)


def _why_not(
    recent: list[tuple[Reading, RecordedStep]], warned: list[str], ever: bool
) -> list[str]:
    """Why the evidence does not let the dose grow; empty when it does.

    Args:
        recent: the step's last sessions at this dose within the window, oldest first.
        warned: reasons to see a professional.
        ever: whether there was a session at this dose at all.
    """
    reasons = list(warned)
    for reading, record in reversed(recent):
        if record.outcome != "done":
            reasons.append(f"not done in full on {reading.when}")
        unsettled = reading.unsettled()
        if unsettled is not None and unsettled not in reasons:
            reasons.append(unsettled)
    if len(recent) < SESSIONS_NEEDED:
        if not recent:
            when = " in the last 3 weeks" if ever else " yet"
            reasons.append(f"no session at this dose{when}")
        else:
            done = f"{len(recent)} of the {SESSIONS_NEEDED}"
            reasons.append(f"{done} sessions it needs at this dose in the last 3 weeks")
    return reasons


def _no_ladder(step: Step, moves: Mapping[str, Exercise], ladders: Ladders) -> str:
    move = moves.get(step.exercise)
    if move is not None and move.kind == "massage":
        return "massages stay as they are"
    if step.exercise not in ladders:
        return "this move has no ladder: change its dose in the builder"
    return "this kind of step is not on the move's ladder: change its dose in the builder"


def _top(step: Step, moves: Mapping[str, Exercise], ladders: Ladders) -> str:
    ladder = ladders.get(step.exercise)
    if ladder is None or not fits(ladder, step):
        return _no_ladder(step, moves, ladders)
    return "at the top of its ladder: keep it here"


def _floor(step: Step, moves: Mapping[str, Exercise], ladders: Ladders) -> str:
    ladder = ladders.get(step.exercise)
    if ladder is None or not fits(ladder, step):
        return _no_ladder(step, moves, ladders)
    move = moves.get(step.exercise)
    name = move.name if move is not None else step.exercise
    return f"{name} is at its entry dose already: rest it, or leave it out until the pain settles"


def changed(routine: Routine, advice: Iterable[StepAdvice]) -> Routine:
    """The routine with the suggested change of each of ``advice`` made."""
    steps = list(routine.step)
    for item in advice:
        if item.notch is not None:
            steps[item.number - 1] = item.notch.after
    return routine.model_copy(update={"step": steps})
