"""Fill the report (`model.Report`) from the history, every figure from the domain's own:

- the programme under way: `schedule.Progress`;
- adherence: `stats.statistics` over the period's weeks (sessions that count, minutes),
  `stats.longest_gap`; the plan is the programme's sessions a week, else the weekly goal;
- pain: the ratings as recorded, the weekly means of `stats.statistics` (the mornings'
  by `stats.week_means`), the trend of `pain_trend.pain_trend` over the period's last
  four weeks, the mornings worse than before by `pain_reading.Reading`;
- the sessions that warned or flared: `pain_reading.Reading.warnings` and ``flares``
  (the notes read by `note_words`);
- the moves: `stats.move_totals` and `move_progress.move_weeks`; the ladder steps
  taken: `doses`;
- the easier weeks: `easier_week.EasierWeek` of each flare.

Only the period's sessions are read, so the page holds nothing from before or after it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta, tzinfo

from backtimer.domain.coaching.easier_week import EasierWeek
from backtimer.domain.coaching.note_words import signs_in
from backtimer.domain.coaching.pain_reading import Mornings, day_text
from backtimer.domain.coaching.pain_trend import pain_trend
from backtimer.domain.history.digest import SessionDigest
from backtimer.domain.history.move_progress import move_weeks, unit_of
from backtimer.domain.history.stats import (
    MoveTotal,
    local_day,
    longest_gap,
    statistics,
    week_means,
    week_of,
)
from backtimer.domain.programmes.standing import Standing
from backtimer.domain.report.doses import DoseChange, dose_changes
from backtimer.domain.report.model import (
    Adherence,
    Alert,
    Event,
    LegAnswers,
    MoveRow,
    Note,
    Pain,
    Programme,
    Rated,
    RedFlagAnswers,
    Report,
    Week,
)
from backtimer.domain.report.period import Period
from backtimer.domain.routines.exercise import Exercise
from backtimer.domain.routines.ladder import Ladders
from backtimer.domain.routines.routine import Routine

EVENT_ORDER = ("red flag", "warning", "flare", "easier week", "back-off")
"""Events of one day in this order: what the person said, what the rules read, what followed."""


def in_period(
    sessions: Sequence[SessionDigest], period: Period, zone: tzinfo
) -> list[SessionDigest]:
    """The sessions (oldest first) started on a local day of the period."""
    starts = [session.started_at for session in sessions]
    first = datetime.combine(period.first, time(), zone) - timedelta(days=1)
    last = datetime.combine(period.last, time(), zone) + timedelta(days=2)
    near = sessions[bisect_left(starts, first) : bisect_right(starts, last)]
    return [s for s in near if period.holds(local_day(s.started_at, zone))]


def build_report(
    sessions: Sequence[SessionDigest],
    period: Period,
    *,
    now: datetime,
    zone: tzinfo,
    weekly_goal: int,
    routines: Mapping[str, Routine],
    copies: Mapping[str, str],
    moves: Mapping[str, Exercise],
    ladders: Ladders,
    standing: Standing | None = None,
    red_flags: RedFlagAnswers | None = None,
) -> Report:
    """The report of ``period`` from the history.

    Args:
        sessions: the history, oldest first (only the period's sessions are read).
        weekly_goal: the person's weekly goal: the plan when no programme is under way.
        routines: the routines there are, by id; ``copies``: each built-in and the
            person's copy of it (for the dose history).
        standing: the programme under way (`schedule.standing`), if any.
        red_flags: the red-flag answers of the period, when there are any to read.
    """
    chosen = in_period(sessions, period, zone)
    today = now.astimezone(zone).date()
    programme = _programme(standing)
    plan = programme.sessions_a_week if programme else weekly_goal
    plan_words = (
        f"{programme.name} asks {programme.sessions_a_week} a week"
        if programme
        else f"your weekly goal is {weekly_goal} a week"
    )
    stats = statistics(chosen, period.last, zone, plan, chart_weeks=period.week_count)
    days = {local_day(s.started_at, zone) for s in chosen if s.counts}
    morning_means = week_means(
        (
            (local_day(s.started_at, zone) + timedelta(days=1), s.next_morning)
            for s in chosen
            if s.next_morning is not None
        ),
        week_of,
    )
    weeks = tuple(
        Week(
            w.start,
            w.sessions,
            w.minutes,
            p.before,
            p.after,
            morning_means.get(w.start),
            whole=period.first <= w.start and w.start + timedelta(days=6) < today,
        )
        for w, p in zip(stats.weeks, stats.pain, strict=True)
    )
    statuses = Counter(session.status for session in chosen)
    adherence = Adherence(
        plan,
        plan_words,
        weeks,
        len(chosen),
        sum(1 for s in chosen if s.counts),
        stats.minutes_total,
        {status: statuses[status] for status in ("completed", "stopped", "interrupted")},
        longest_gap(days, period.first, period.last, today),
    )
    mornings = Mornings(chosen, zone, today)
    readings = [mornings.reading(session) for session in chosen]
    end = min(now, datetime.combine(period.last + timedelta(days=1), time(), zone))
    pain = Pain(
        tuple(
            Rated(s.started_at.astimezone(zone), s.pain_before, s.pain_after, s.next_morning)
            for s in chosen
        ),
        pain_trend(chosen, end),
        sum(1 for reading in readings if reading.morning_worse),
    )
    alerts = tuple(
        Alert(
            reading.day,
            session.routine_name,
            session.pain_before,
            session.pain_after,
            session.leg_symptoms,
            session.note.strip(),
            tuple(reading.warnings()),
            tuple(flares),
        )
        for session, reading in zip(chosen, readings, strict=True)
        if (flares := reading.flares())
    )
    changes = tuple(dose_changes(chosen, routines, copies, zone=zone, moves=moves, ladders=ladders))
    return Report(
        period=period,
        made=now.astimezone(zone),
        programme=programme,
        adherence=adherence,
        pain=pain,
        legs=_legs(chosen, zone),
        alerts=alerts,
        moves=_moves(chosen, period, zone, moves, ladders, stats.moves),
        changes=changes,
        events=_events(alerts, changes, red_flags),
        red_flags=red_flags,
        notes=_notes(chosen, zone),
    )


def _programme(standing: Standing | None) -> Programme | None:
    plan = standing.progress if standing is not None else None
    if standing is None or plan is None or standing.entry is None:
        return None
    program = standing.entry.program
    if program is None:
        return None
    return Programme(
        name=program.name,
        schedule=program.schedule_text(),
        start=plan.start,
        last=plan.end - timedelta(days=1),
        week=plan.week,
        weeks=program.weeks,
        done=plan.count("done"),
        missed=plan.count("missed"),
        total=plan.total,
        sessions_a_week=program.days_a_week * len(program.slot),
        finished=plan.finished,
    )


def _legs(sessions: Sequence[SessionDigest], zone: tzinfo) -> LegAnswers:
    yes = tuple(local_day(s.started_at, zone) for s in sessions if s.leg_symptoms)
    no = sum(1 for s in sessions if s.leg_symptoms is False)
    return LegAnswers(yes, no, len(sessions) - len(yes) - no)


def _moves(
    sessions: Sequence[SessionDigest],
    period: Period,
    zone: tzinfo,
    moves: Mapping[str, Exercise],
    ladders: Ladders,
    totals: Sequence[MoveTotal],
) -> tuple[MoveRow, ...]:
    """Each move done in the period, the most time first: its totals, and the dose done a
    session in the first and the last week it was done."""
    units = {total.exercise: unit_of(moves.get(total.exercise), ladders) for total in totals}
    weekly = {
        found.exercise: [dose for dose in found.dose if dose is not None]
        for found in move_weeks(sessions, period.last, zone, units, period.week_count)
    }
    rows = []
    for total in totals:
        move = moves.get(total.exercise)
        done: list[float | None] = [*weekly.get(total.exercise, [])] or [None]
        rows.append(
            MoveRow(
                total.exercise,
                move.name if move is not None else total.exercise,
                units[total.exercise],
                total.sessions,
                total.reps,
                total.seconds,
                done[0],
                done[-1],
            )
        )
    return tuple(rows)


def _events(
    alerts: Sequence[Alert], changes: Sequence[DoseChange], red_flags: RedFlagAnswers | None
) -> tuple[Event, ...]:
    """The safety events, oldest first: each session that warned or flared, the doses that
    came down each day, each easier week (flares close together make one), the red-flag
    answers."""
    events = [
        Event(a.day, "warning" if a.warnings else "flare", "; ".join(a.flares)) for a in alerts
    ]
    down: dict[date, list[str]] = {}
    for change in changes:
        if change.direction == "down":
            moves = down.setdefault(change.day, [])
            moves += [] if change.move_after in moves else [change.move_after]
    events += [Event(day, "back-off", f"dose down: {', '.join(m)}") for day, m in down.items()]
    events += _easier_weeks(alerts)
    if red_flags is not None:
        events += [Event(day, "red flag", "said a warning sign applies") for day in red_flags.said]
        events += [Event(day, "red flag", "said it was checked") for day in red_flags.checked]
    return tuple(sorted(events, key=lambda e: (e.day, EVENT_ORDER.index(e.kind))))


def _easier_weeks(alerts: Sequence[Alert]) -> list[Event]:
    """The easier weeks the flares started, one for flares a few days apart.

    Each flare starts the easier week `easier_week.easier_week` finds at the end of its
    day (the latest flare of the last days is that day's): built here from the flare the
    report has read already, rather than reading the days around it again for each one.
    """
    spells: list[Event] = []
    for alert in alerts:
        week = EasierWeek(alert.day, alert.flares, bool(alert.warnings))
        last = week.until - timedelta(days=1)
        if spells and spells[-1].until is not None and alert.day <= spells[-1].until:
            if last > spells[-1].until:
                spells[-1] = Event(spells[-1].day, "easier week", _easier_words(last), last)
        else:
            spells.append(Event(alert.day, "easier week", _easier_words(last), last))
    return spells


def _easier_words(last: date) -> str:
    grows = day_text(last + timedelta(days=1))
    return f"each session at an easy effort; the rules let nothing grow before {grows}"


def _notes(sessions: Sequence[SessionDigest], zone: tzinfo) -> tuple[Note, ...]:
    return tuple(
        Note(
            s.started_at.astimezone(zone),
            s.routine_name,
            s.pain_before,
            s.pain_after,
            s.note.strip(),
            tuple(sign.words for sign in signs_in(s.note)),
        )
        for s in reversed(sessions)
        if s.note.strip()
    )
