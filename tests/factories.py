"""What the tests make: sessions as the timer records them, and files in a folder.

One home for the session factories the unit, TUI and system tests share (each test
module used to carry its own copy). `session` is a short session of one step;
`durability_session` one of the four steps of `back-durability`; `session_of` in
`tests.progress_histories` one of any real routine, planned from its timeline.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path

from backtimer.domain.history.session import Session, Status, StepRecord, new_session_id
from backtimer.domain.programmes.programme import Programme

NOW = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
"""The instant the tests take as now (a Tuesday morning), on every clock they pass."""

AT_NOW = f"from datetime import datetime\nNOW = datetime.fromisoformat({NOW.isoformat()!r})\n"
"""Python that sets ``NOW`` to the same instant, for a test's code run in a process of its
own (which passes it to `backtimer.cli.main`)."""


def write(folder: Path, name: str, text: str) -> Path:
    """Write ``text`` to ``folder/name`` (making the folder); the file's path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text)
    return path


def one_step(exercise: str = "cat-cow", *, done: bool = True, planned: bool = False) -> StepRecord:
    """One set of 10 reps in 60 s, done in full or passed by (``done=False``); with what was
    planned when ``planned``, as the timer records it since it writes the plan."""
    return StepRecord(
        exercise=exercise,
        sets_done=1 if done else 0,
        reps_done=10 if done else 0,
        seconds_done=60 if done else 0,
        skipped=not done,
        planned_sets=1 if planned else None,
        planned_reps=10 if planned else None,
    )


def session(
    started: datetime,
    suffix: str | None = "000001",
    *,
    routine: str = "desk-reset",
    name: str | None = None,
    status: Status = "completed",
    done: bool = True,
    planned: bool = False,
    minutes: float = 7,
    **changes: object,
) -> Session:
    """A session of one step of cat-cow, ``minutes`` long, started at ``started``.

    Its id ends in ``suffix`` (a random one when None, as the timer makes it); ``name``
    is the routine's (its id unless given, "Desk reset" for the desk routine). Any other
    field of `Session` can be given as a keyword."""
    if name is None:
        name = "Desk reset" if routine == "desk-reset" else routine
    base = Session(
        id=new_session_id(started) if suffix is None else f"{started:%Y%m%dT%H%M%SZ}-{suffix}",
        routine=routine,
        routine_name=name,
        started_at=started,
        ended_at=started + timedelta(minutes=minutes),
        status=status,
        active_seconds=394 if minutes == 7 else minutes * 60,
        paused_seconds=0,
        steps=[one_step(done=done, planned=planned)],
    )
    return base.model_copy(update=changes)


def completed(routine: str) -> Session:
    """A session of ``routine`` (one step of suitcase carries), done a second before NOW."""
    started = NOW - timedelta(seconds=1)
    return Session(
        id=new_session_id(started),
        routine=routine,
        routine_name=routine,
        started_at=started,
        ended_at=started,
        status="completed",
        active_seconds=480,
        paused_seconds=0,
        steps=[
            StepRecord(
                exercise="suitcase-carry",
                sets_done=2,
                reps_done=0,
                seconds_done=90,
                planned_sets=2,
                planned_seconds=90,
            )
        ],
    )


DURABILITY = [
    ("suitcase-carry", 2, 0, 90.0),
    ("banded-glute-bridge", 1, 10, 70.0),
    ("atg-split-squat", 1, 16, 64.0),
    ("pelvic-tilt", 1, 10, 60.0),
]
"""The four steps of a back-durability session: move, sets, reps and seconds done."""


def durability_session(
    started: datetime,
    *,
    status: Status = "completed",
    before: int | None = None,
    after: int | None = None,
    steps_done: int = 4,
    note: str = "",
    number: int = 1,
) -> Session:
    """A back-durability session; ``steps_done`` of its four steps were done in full."""
    steps = []
    for index, (move, sets, reps, seconds) in enumerate(DURABILITY):
        done = index < steps_done
        steps.append(
            StepRecord(
                exercise=move,
                sets_done=sets if done else 0,
                reps_done=reps if done else 0,
                seconds_done=seconds if done else 0.0,
                skipped=not done and status == "completed",  # passed by, nothing done
                planned_sets=sets,
                planned_reps=reps or None,
                planned_seconds=None if reps else int(seconds / sets),
            )
        )
    active = sum(step.seconds_done for step in steps) + 40
    return Session(
        id=f"{started:%Y%m%dT%H%M%SZ}-{number:06x}",
        routine="back-durability",
        routine_name="Back durability",
        started_at=started,
        ended_at=started + timedelta(seconds=active + 20),
        status=status,
        active_seconds=active,
        paused_seconds=20,
        pain_before=before,
        pain_after=after,
        note=note,
        stopped_at_step=None if status == "completed" else steps_done + 1,
        steps=steps,
    )


# ------------------------------------------------------------------ programmes

TWICE_DAILY = Programme.model_validate(
    {
        "format": 1,
        "name": "Flexible back",
        "weeks": 3,
        "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
        "slot": [
            {"time": "morning", "routine": "flex-am"},
            {"time": "evening", "routine": "flex-pm"},
        ],
    }
)
THREE_A_WEEK = Programme.model_validate(
    {
        "format": 1,
        "name": "Back durability",
        "weeks": 6,
        "days_per_week": 3,
        "slot": [{"routine": "durability"}],
    }
)
MON_WED_FRI = Programme.model_validate(
    {
        "format": 1,
        "name": "Strong",
        "weeks": 2,
        "days": ["fri", "mon", "wed"],
        "slot": [{"routine": "durability"}],
    }
)

MONDAY = date(2026, 11, 23)


STRENGTH = Programme.model_validate(
    {
        "format": 1,
        "name": "Back durability",
        "weeks": 6,
        "days_per_week": 3,
        "rest_days": 1,
        "slot": [{"routine": "durability"}],
    }
)


def at(day: date, hour: int, minute: int = 0, zone: tzinfo = UTC) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


def programme_session(
    routine: str, started: datetime, status: Status = "completed", done: bool = True
) -> Session:
    """A session of a programme's slot: one step done in full or passed by, eight minutes,
    with the plan recorded and a fresh id, as the timer records it."""
    return session(
        started, None, routine=routine, status=status, done=done, planned=True, minutes=8
    )
