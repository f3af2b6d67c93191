"""Each move's dose over the weeks, beside the pain of the sessions that included it.

For the history's progress view: per move, week by week over the chart's
weeks, the dose a session (the mean over that week's sessions of the seconds
or reps done of it, both sides counted) and the mean pain before and after of
those sessions. A move's unit is the one its ladder grows: seconds for holds
and timed work, reps for the rest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo
from typing import Literal

from backtimer.domain.history.digest import SessionDigest
from backtimer.domain.history.stats import CHART_WEEKS, local_day, week_means, week_of
from backtimer.domain.routines.exercise import Exercise
from backtimer.domain.routines.ladder import Ladders

Unit = Literal["seconds", "reps"]

Values = tuple[float | None, ...]


def unit_of(move: Exercise | None, ladders: Ladders) -> Unit:
    """What a move's dose is counted in: reps for a ladder of reps alone, else seconds."""
    ladder = ladders.get(move.id) if move is not None else None
    return "reps" if ladder is not None and ladder.grow == ["reps"] else "seconds"


@dataclass(frozen=True)
class MoveWeeks:
    """One move's weeks: its dose a session and the pain around it."""

    exercise: str
    unit: Unit
    weeks: tuple[date, ...]
    """The Mondays of the chart's weeks, oldest first."""
    dose: Values
    before: Values
    after: Values
    last: SessionDigest
    """The latest session that included the move."""


def move_weeks(
    sessions: Sequence[SessionDigest],
    today: date,
    zone: tzinfo,
    units: Mapping[str, Unit],
    chart_weeks: int = CHART_WEEKS,
) -> list[MoveWeeks]:
    """Every move done in the chart's weeks, the one done last first.

    Args:
        sessions: the history, oldest first.
        today: the last day of the chart.
        zone: the person's time zone (weeks are local).
        units: each move's unit (`unit_of`); seconds for a move not in it.
    """
    first_week = week_of(today) - timedelta(weeks=chart_weeks - 1)
    weeks = tuple(first_week + timedelta(weeks=n) for n in range(chart_weeks))
    dose: defaultdict[str, list[tuple[date, float]]] = defaultdict(list)
    before: defaultdict[str, list[tuple[date, float]]] = defaultdict(list)
    after: defaultdict[str, list[tuple[date, float]]] = defaultdict(list)
    last: dict[str, SessionDigest] = {}
    for session in reversed(sessions):  # newest first: stop at the chart's first week
        day = local_day(session.started_at, zone)
        week = week_of(day)
        if week < first_week:
            break
        if week > weeks[-1]:
            continue
        done: defaultdict[str, float] = defaultdict(float)
        for step in session.steps:
            if step.worked:
                counted = units.get(step.exercise, "seconds") == "reps"
                done[step.exercise] += step.reps_done if counted else step.seconds_done
        for move, amount in done.items():
            dose[move].append((day, amount))
            if session.pain_before is not None:
                before[move].append((day, session.pain_before))
            if session.pain_after is not None:
                after[move].append((day, session.pain_after))
            last.setdefault(move, session)

    def by_week(values: list[tuple[date, float]]) -> Values:
        means = week_means(values, week_of)
        return tuple(means.get(week) for week in weeks)

    return [
        MoveWeeks(
            move,
            units.get(move, "seconds"),
            weeks,
            by_week(dose[move]),
            by_week(before[move]),
            by_week(after[move]),
            session,
        )
        for move, session in last.items()
    ]
