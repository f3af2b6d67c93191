"""Statistics of the history: streaks, the weekly goal, minutes, pain, totals per move.

Everything is counted on the person's local calendar: a session belongs to
the day (and the week) on which it started where they live. The caller gives
"today" and the time zone, so tests choose both.

The rules, also stated in docs/guide/history.md:

- A session **counts** toward streaks and the weekly goal when at least one
  of its steps was done in full, however it ended: completed, stopped early or
  cut short (`SessionDigest.counts`). Minutes and totals include every session.
- A **week** is an ISO week: Monday to Sunday.
- The **day streak** is the number of days in a row, up to today, with a
  session that counts. A day not over yet does not break it: with no session
  today, the streak runs up to yesterday.
- The **week streak** is the number of weeks in a row meeting the weekly goal;
  likewise, this week only adds to it once it meets the goal.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from backtimer.domain.history.digest import SessionDigest
from backtimer.domain.parsing.words import plural

CHART_WEEKS = 12
"""How many weeks the charts show."""


def local_day(moment: datetime, tz: tzinfo | None) -> date:
    """The date of a moment where the person lives (``tz=None``: this computer's zone)."""
    return moment.astimezone(tz).date()


def week_of(day: date) -> date:
    """The Monday that starts the ISO week of ``day``."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class WeekMinutes:
    """Time spent in one week."""

    start: date
    """The week's Monday."""
    minutes: float
    sessions: int
    """Sessions that count toward the goal."""


@dataclass(frozen=True)
class WeekPain:
    """The average pain ratings of one week; None when nothing was rated."""

    start: date
    before: float | None
    after: float | None


@dataclass(frozen=True)
class MoveTotal:
    """Everything done of one exercise, over the whole history."""

    exercise: str
    sessions: int
    """Sessions in which some of it was done."""
    reps: int
    seconds: float


@dataclass(frozen=True)
class Statistics:
    """The review's figures on one day."""

    today: date
    weekly_goal: int
    streak_days: int
    streak_weeks: int
    sessions_this_week: int
    """Sessions this week that count toward the goal."""
    minutes_this_week: float
    sessions_total: int
    """Every session recorded."""
    minutes_total: float
    last_day: date | None
    """The last day with a session that counts."""
    weeks: tuple[WeekMinutes, ...]
    """The last `CHART_WEEKS` weeks, oldest first, this week last."""
    pain: tuple[WeekPain, ...]
    """The same weeks' pain ratings."""
    moves: tuple[MoveTotal, ...]
    """Per exercise, the most time first."""

    @property
    def goal_met(self) -> bool:
        return self.sessions_this_week >= self.weekly_goal

    def streak_words(self) -> tuple[str, str | None]:
        """The streak in words, as the history pane and ``backtimer stats`` say it: the days
        ("3 days in a row") and the weeks against the goal (None before any session counts)."""
        if self.last_day is None:
            return "none yet: a session today starts one.", None
        if self.streak_days:
            days = f"{plural(self.streak_days, 'day')} in a row"
        else:
            gap = (self.today - self.last_day).days
            last = {0: "today", 1: "yesterday"}.get(gap, f"{gap} days ago")
            days = f"none; the last session that counts was {last}"
        if self.streak_weeks:
            return days, f"weekly goal met {plural(self.streak_weeks, 'week')} running"
        left = self.weekly_goal - self.sessions_this_week
        return days, f"{plural(left, 'more session')} this week to meet your goal"

    def as_json(self) -> dict[str, Any]:
        """The figures as ``backtimer stats --json`` prints them."""
        return {
            "today": self.today.isoformat(),
            "streak_days": self.streak_days,
            "streak_weeks": self.streak_weeks,
            "sessions_this_week": self.sessions_this_week,
            "weekly_goal": self.weekly_goal,
            "minutes_this_week": round(self.minutes_this_week, 1),
            "minutes_total": round(self.minutes_total, 1),
            "sessions_total": self.sessions_total,
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "weeks": [
                {
                    "week": w.start.isoformat(),
                    "minutes": round(w.minutes, 1),
                    "sessions": w.sessions,
                }
                for w in self.weeks
            ],
            "pain": [
                {"week": p.start.isoformat(), "before": _round(p.before), "after": _round(p.after)}
                for p in self.pain
            ],
            "exercises": [
                {
                    "exercise": m.exercise,
                    "sessions": m.sessions,
                    "reps": m.reps,
                    "seconds": round(m.seconds, 1),
                }
                for m in self.moves
            ],
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def run_back(marked: set[date], start: date, step: timedelta) -> int:
    """How many of ``start``, ``start - step``, … are in ``marked``, stopping at the first gap."""
    length = 0
    while start - step * length in marked:
        length += 1
    return length


def streak_days(days: set[date], today: date) -> int:
    """Days in a row with a session that counts, up to today (or yesterday)."""
    start = today if today in days else today - timedelta(days=1)
    return run_back(days, start, timedelta(days=1))


def streak_weeks(per_week: Counter[date], this_week: date, goal: int) -> int:
    """Weeks in a row meeting the goal, up to this week (or last week)."""
    met = {week for week, count in per_week.items() if count >= goal}
    start = this_week if this_week in met else this_week - timedelta(weeks=1)
    return run_back(met, start, timedelta(weeks=1))


def week_means(
    values: Iterable[tuple[date, float]], week: Callable[[date], date]
) -> dict[date, float]:
    """The mean of the values of each week that has one: pain ratings, or a move's dose.

    Args:
        values: each value with the local day it was given (or done).
        week: the first day of the week a day is in (`week_of` for ISO weeks; the
            progression's trend counts weeks back from today).
    """
    sums: defaultdict[date, list[float]] = defaultdict(lambda: [0.0, 0])
    for day, value in values:
        total = sums[week(day)]
        total[0] += value
        total[1] += 1
    return {start: total / count for start, (total, count) in sums.items()}


def move_totals(sessions: Iterable[SessionDigest]) -> tuple[MoveTotal, ...]:
    """Reps, seconds and sessions per exercise, the most time first."""
    reps: Counter[str] = Counter()
    seconds: defaultdict[str, float] = defaultdict(float)
    in_sessions: Counter[str] = Counter()
    for session in sessions:
        worked = set()
        for step in session.steps:
            if step.worked:
                reps[step.exercise] += step.reps_done
                seconds[step.exercise] += step.seconds_done
                worked.add(step.exercise)
        in_sessions.update(worked)
    totals = [MoveTotal(move, in_sessions[move], reps[move], seconds[move]) for move in in_sessions]
    return tuple(sorted(totals, key=lambda t: (-t.seconds, -t.reps, t.exercise)))


def statistics(
    sessions: Iterable[SessionDigest],
    today: date,
    tz: tzinfo | None,
    weekly_goal: int,
    chart_weeks: int = CHART_WEEKS,
) -> Statistics:
    """The figures of a history on ``today``, on the calendar of ``tz``."""
    this_week = week_of(today)
    chart_start = this_week - timedelta(weeks=chart_weeks - 1)
    days: set[date] = set()
    per_week: Counter[date] = Counter()
    minutes: defaultdict[date, float] = defaultdict(float)
    before: list[tuple[date, int]] = []
    after: list[tuple[date, int]] = []
    total_sessions = 0
    total_minutes = 0.0
    listed = list(sessions)
    for session in listed:
        total_sessions += 1
        total_minutes += session.minutes
        day = local_day(session.started_at, tz)
        week = week_of(day)
        if session.counts and day <= today:
            days.add(day)
            per_week[week] += 1
        if week >= chart_start:
            minutes[week] += session.minutes
            if session.pain_before is not None:
                before.append((day, session.pain_before))
            if session.pain_after is not None:
                after.append((day, session.pain_after))
    chart = [chart_start + timedelta(weeks=n) for n in range(chart_weeks)]
    mean_before, mean_after = week_means(before, week_of), week_means(after, week_of)
    return Statistics(
        today=today,
        weekly_goal=weekly_goal,
        streak_days=streak_days(days, today),
        streak_weeks=streak_weeks(per_week, this_week, weekly_goal),
        sessions_this_week=per_week[this_week],
        minutes_this_week=minutes[this_week],
        sessions_total=total_sessions,
        minutes_total=total_minutes,
        last_day=max(days) if days else None,
        weeks=tuple(WeekMinutes(w, minutes[w], per_week[w]) for w in chart),
        pain=tuple(WeekPain(w, mean_before.get(w), mean_after.get(w)) for w in chart),
        moves=move_totals(listed),
    )


@dataclass(frozen=True)
class Gap:
    """The longest run of days without a session that counts."""

    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def longest_gap(days: Collection[date], first: date, last: date, today: date) -> Gap | None:
    """The longest run of days from ``first`` to ``last`` with no day of ``days`` in it (the
    earliest of equal ones); None when every day has one.

    ``days`` are the days with a session that counts. Today, while it has none, is left
    out: as for the streak, a day not over yet is no gap.
    """
    if last >= today and today not in days:
        last = today - timedelta(days=1)
    best: Gap | None = None
    start: date | None = None
    day = first
    while day <= last + timedelta(days=1):
        if day <= last and day not in days:
            start = start or day
        elif start is not None:
            run = Gap(start, day - timedelta(days=1))
            if best is None or run.days > best.days:
                best = run
            start = None
        day += timedelta(days=1)
    return best
