"""Sessions of real routines as the timer records them, for the progression's tests.

`session_of` makes one session of a routine with the planned and done figures
the timer writes; `weeks_of_durability` a few weeks of `back-durability` three
days a week with pain that settles, for trying the suggestions as a user and
for the benchmark.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta

from backtimer.domain.history.session import Session, StepRecord
from backtimer.domain.routines.routine import Routine
from backtimer.domain.routines.timeline import compile_timeline
from backtimer.storage import library


def durability() -> Routine:
    entry = next(e for e in library.builtin_routines() if e.id == "back-durability")
    assert entry.routine is not None
    return entry.routine


def session_of(
    routine: Routine,
    started: datetime,
    before: int | None,
    after: int | None,
    *,
    routine_id: str = "back-durability",
    note: str = "",
    partly: Sequence[int] = (),
    number: int = 0,
    stopped_after: int | None = None,
    leg_symptoms: bool | None = None,
    next_morning: int | None = None,
) -> Session:
    """A session of ``routine``: completed, or stopped after its first ``stopped_after``
    steps; the steps in ``partly`` (from 0) half done; with the answers to the leg question
    and the morning question when given."""
    steps = []
    for index, plan in enumerate(compile_timeline(routine, library.exercises()).steps):
        half = index in partly
        share = 0.0 if stopped_after is not None and index >= stopped_after else 1.0
        share = share / 2 if half else share
        steps.append(
            StepRecord(
                exercise=plan.step.exercise,
                sets_done=plan.step.sets if share == 1 else 0,
                reps_done=int(plan.reps * share),
                seconds_done=plan.work_seconds * share,
                planned_sets=plan.step.sets,
                planned_reps=plan.reps or None,
                planned_seconds=plan.work_seconds or None,
            )
        )
    return Session(
        id=f"{started:%Y%m%dT%H%M%SZ}-{number:06x}",
        routine=routine_id,
        routine_name=routine.name,
        started_at=started,
        ended_at=started + timedelta(minutes=6),
        status="completed" if stopped_after is None else "stopped",
        stopped_at_step=None if stopped_after is None else stopped_after + 1,
        active_seconds=300,
        paused_seconds=0,
        pain_before=before,
        pain_after=after,
        note=note,
        leg_symptoms=leg_symptoms,
        next_morning=next_morning,
        steps=steps,
    )


def weeks_of_durability(end: datetime, weeks: int, seed: int = 14) -> list[Session]:
    """``back-durability`` on Monday, Wednesday and Friday mornings for ``weeks`` weeks up to
    ``end``, pain before easing from 5 to 2 and after within a point of it, each next
    morning answered as good as before the session."""
    rng = random.Random(seed)
    routine = durability()
    sessions: list[Session] = []
    first = end - timedelta(weeks=weeks)
    day = first.replace(hour=7, minute=30, second=0, microsecond=0)
    while day < end:
        if day.weekday() in (0, 2, 4):
            done = len(sessions)
            before = max(1, 5 - done * 3 // max(1, weeks * 3 - 1))
            after = max(0, min(3, before + rng.choice((-1, 0, 0, 1))))
            sessions.append(
                session_of(routine, day, before, after, number=done, next_morning=before)
            )
        day += timedelta(days=1)
    return sessions


def a_routine_that_grew(end: datetime) -> list[Session]:
    """Six weeks of back-durability three mornings a week up to ``end``, every step a notch
    up after two weeks and again after four, in the person's copy (written here, with the
    programme slots following it), pain settling from 3 to 1."""
    from backtimer.domain.routines.ladder import up
    from backtimer.domain.routines.routine_toml import routine_toml
    from backtimer.storage.programmes import record_copy
    from backtimer.storage.routine_files import save_routine

    ladders = library.catalogue().ladders
    base = durability()
    routines = [base]
    for _ in range(2):
        steps = [(notch.after if (notch := up(s, ladders)) else s) for s in routines[-1].step]
        routines.append(routines[-1].model_copy(update={"step": steps}))
    mine = routines[-1].model_copy(update={"name": f"{base.name} (mine)"})
    save_routine("my-back-durability", routine_toml(mine))
    record_copy("back-durability", "my-back-durability")
    sessions: list[Session] = []
    day = (end - timedelta(weeks=6)).replace(hour=7, minute=30, second=0, microsecond=0)
    while day < end:
        if day.weekday() in (0, 2, 4):
            period = 2 - min(2, (end - day).days // 14)  # the fortnight: 0, 1, then 2
            routine_id = "back-durability" if period == 0 else "my-back-durability"
            before = max(1, 3 - len(sessions) // 6)
            after = max(0, before - len(sessions) % 2)
            sessions.append(
                session_of(
                    routines[period],
                    day,
                    before,
                    after,
                    routine_id=routine_id,
                    number=len(sessions),
                )
            )
        day += timedelta(days=1)
    return sessions
