"""Hypothesis strategies the property tests share: steps and routines, compiled to timelines;
session tables as history files hold them.

The engine's properties (`test_engine_properties`) and the record's oracle (`test_record`)
draw from the same steps; the record's are a little smaller (``most=3``), so that each
example runs a whole workout quickly.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from backtimer.domain.routines.routine import Routine
from backtimer.domain.routines.timeline import Timeline, compile_timeline
from backtimer.storage import library

THOROUGH = os.environ.get("BACKTIMER_THOROUGH") == "1"
"""``BACKTIMER_THOROUGH=1 pytest`` draws every property's full count of examples."""


def examples(full: int) -> int:
    """How many examples a costly property draws: all ``full`` with `THOROUGH`, else a
    quarter of them (at least 50), so the everyday suite stays quick. Hypothesis keeps each
    failing example it finds (``.hypothesis/``) and tries it first on the next run."""
    return full if THOROUGH else min(full, max(50, full // 4))


@st.composite
def steps(draw: st.DrawFn, self_paced: bool = True, most: int = 4) -> dict[str, Any]:
    """A step of cat-cow of every kind (self-paced too when ``self_paced``), with up to
    ``most`` sets, reps and seconds of rest, and up to ``most + 2`` seconds a phase."""
    seconds = st.integers(min_value=1, max_value=most + 2)
    kinds = ["work", "hold", "phases", "tempo"] + (["self-paced"] if self_paced else [])
    kind = draw(st.sampled_from(kinds))
    step: dict[str, Any] = {"exercise": "cat-cow", "sets": draw(st.integers(1, 3))}
    sides = ["none", "each", "alternate-sets"] + ([] if kind == "work" else ["alternate-reps"])
    step["sides"] = draw(st.sampled_from(sides))
    step["rest"] = draw(st.integers(0, most))
    if kind == "work":
        step["work"] = draw(seconds)
        return step
    step["reps"] = draw(st.integers(1, most))
    if kind == "hold":
        step["hold"] = draw(seconds)
        step["release"] = draw(st.integers(0, most - 1))
    elif kind == "phases":
        step["phases"] = [
            {"cue": f"p{i}", "seconds": draw(seconds)} for i in range(draw(st.integers(1, 3)))
        ]
    elif kind == "tempo":
        step["tempo"] = draw(seconds)
    return step


@st.composite
def timelines(
    draw: st.DrawFn, self_paced: bool = False, most: int = 4, gaps: int = 5, switch: int = 5
) -> Timeline:
    """A routine of one to four `steps`, with up to ``gaps`` seconds of lead-in and rest
    between steps and up to ``switch`` to change sides, compiled."""
    routine = Routine.model_validate(
        {
            "format": 1,
            "name": "generated",
            "lead_in": draw(st.integers(0, gaps)),
            "rest_between_steps": draw(st.integers(0, gaps)),
            "side_switch": draw(st.integers(0, switch)),
            "step": draw(st.lists(steps(self_paced, most), min_size=1, max_size=4)),
        }
    )
    return compile_timeline(routine, library.exercises())


ZONES = [UTC, timezone(timedelta(hours=5, minutes=30)), timezone(-timedelta(hours=8))]


@st.composite
def session_tables(draw: st.DrawFn) -> dict[str, Any]:
    """A ``[[session]]`` table as a person or another tool might write it: times in any
    offset and to the microsecond, optional fields there or not, now and then a field
    this version does not know or a value a session may not have (pain 11)."""
    started = draw(
        st.datetimes(datetime(2020, 1, 1), datetime(2030, 1, 1), timezones=st.sampled_from(ZONES))
    )
    table: dict[str, Any] = {
        "id": draw(st.sampled_from(["a", "b", "20250301T070000Z-00000a", "ü ✓"])),
        "routine": "desk-reset",
        "routine_name": draw(st.text(max_size=8)),
        "started_at": started,
        "ended_at": started + draw(st.timedeltas(timedelta(0), timedelta(hours=2))),
        "status": draw(st.sampled_from(["completed", "stopped", "interrupted"])),
        "active_seconds": draw(st.one_of(st.integers(0, 3600), st.floats(0, 3600))),
        "paused_seconds": draw(st.floats(0, 600)),
    }
    optional = {
        "pain_before": st.integers(0, 11),
        "pain_after": st.integers(0, 10),
        "note": st.text(max_size=20),
        "leg_symptoms": st.booleans(),
        "next_morning": st.integers(0, 10),
        "stopped_at_step": st.integers(1, 3),
        "routine_version": st.text("0123456789abcdef", min_size=1, max_size=8),
        "from_elsewhere": st.one_of(
            st.text(max_size=5), st.integers(-(2**63), 2**63 - 1), st.lists(st.integers(0, 9))
        ),
        "seen_on": st.dates(),  # a TOML date: not a JSON value
    }
    for name, values in optional.items():
        if draw(st.integers(0, 3)) == 0:
            table[name] = draw(values)
    table["steps"] = [
        {
            "exercise": "cat-cow",
            "sets_done": draw(st.integers(0, 3)),
            "reps_done": draw(st.integers(0, 20)),
            "seconds_done": draw(st.floats(0, 300)),
            **({"skipped": True} if draw(st.booleans()) else {}),
            **({"planned_sets": draw(st.integers(1, 3))} if draw(st.booleans()) else {}),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    return table
