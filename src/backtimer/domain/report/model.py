"""What is on the report, in the order a clinician reads it.

1. the period, and the programme under way;
2. adherence: sessions a week that count against the plan, minutes, the longest gap,
   completed against stopped;
3. pain before and after each session, the next mornings, the weekly means and the
   trend of the last four weeks;
4. the leg-symptom answers and the sessions that warned or flared;
5. each move's work over the period and the ladder steps taken, up and down, and why;
6. the safety events: warnings, flares, back-offs, easier weeks, red-flag answers;
7. the notes, newest first.

`build.build_report` fills it from the domain's own figures; the renderers show it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from backtimer.domain.coaching.pain_trend import PainTrend
from backtimer.domain.history.move_progress import Unit
from backtimer.domain.history.stats import Gap
from backtimer.domain.report.doses import DoseChange
from backtimer.domain.report.period import Period


@dataclass(frozen=True)
class Programme:
    """The programme under way at the end of the period."""

    name: str
    schedule: str
    """Its schedule in words: "3 days a week for 6 weeks, 1 day off between sessions"."""
    start: date
    last: date
    """Its last day."""
    week: int
    weeks: int
    done: int
    missed: int
    total: int
    """Training days: done, missed and in all."""
    sessions_a_week: int
    finished: bool = False
    """It was over by the end of the period."""


@dataclass(frozen=True)
class Week:
    """One Monday-to-Sunday week of the period."""

    start: date
    sessions: int
    """Sessions that count (at least one step done in full)."""
    minutes: float
    before: float | None
    after: float | None
    """The mean pain before and after that week's sessions."""
    morning: float | None
    """The mean of the next-morning ratings of that week's mornings."""
    whole: bool = True
    """All seven days are in the period, and over."""


@dataclass(frozen=True)
class Adherence:
    plan: int
    """Sessions a week the plan asks for."""
    plan_words: str
    """Whose plan: "Back durability asks 3 sessions a week"."""
    weeks: tuple[Week, ...]
    sessions: int
    """Every session of the period."""
    counted: int
    """The sessions that count."""
    minutes: float
    statuses: Mapping[str, int]
    """Sessions by how they ended: completed, stopped, interrupted."""
    gap: Gap | None

    @property
    def judged(self) -> tuple[Week, ...]:
        """The weeks held against the plan: the whole ones, and a week not whole that met it
        (this week, not over, or the first, begun mid-week): as for the week streak, a week
        not over only counts once it meets the goal."""
        return tuple(w for w in self.weeks if w.whole or w.sessions >= self.plan)

    @property
    def weeks_met(self) -> int:
        return sum(1 for week in self.judged if week.sessions >= self.plan)

    @property
    def per_week(self) -> float | None:
        """Sessions that count a week, over the weeks judged; None with none."""
        judged = self.judged
        return sum(w.sessions for w in judged) / len(judged) if judged else None


@dataclass(frozen=True)
class Rated:
    """One session's pain ratings."""

    at: datetime
    """When it started, local time."""
    before: int | None
    after: int | None
    morning: int | None
    """The next morning's answer (the record's ``next_morning``), dated the day after."""


@dataclass(frozen=True)
class Pain:
    sessions: tuple[Rated, ...]
    trend: PainTrend
    """The last `pain_trend.TREND_DAYS` days of the period."""
    mornings_worse: int
    """Sessions whose next morning was worse than before them."""

    @property
    def mornings(self) -> int:
        return sum(1 for rated in self.sessions if rated.morning is not None)


@dataclass(frozen=True)
class Alert:
    """A session that warned (see a professional) or flared (the dose comes down)."""

    day: date
    routine: str
    before: int | None
    after: int | None
    leg_symptoms: bool | None
    note: str
    warnings: tuple[str, ...]
    """Why it calls for a professional (`pain_reading.Reading.warnings`)."""
    flares: tuple[str, ...]
    """Every reason it called for a back-off, the warnings included."""


@dataclass(frozen=True)
class LegAnswers:
    """The answers to "anything down a leg today?" after each session of the period."""

    yes: tuple[date, ...]
    no: int
    unanswered: int


@dataclass(frozen=True)
class MoveRow:
    """One move's work over the period."""

    exercise: str
    name: str
    unit: Unit
    sessions: int
    reps: int
    seconds: float
    first: float | None
    """The dose done a session in the first week it was done, in ``unit``."""
    last: float | None
    """The same in the last week it was done."""


EventKind = Literal["warning", "flare", "back-off", "easier week", "red flag"]


@dataclass(frozen=True)
class Event:
    """A safety event of the period."""

    day: date
    kind: EventKind
    text: str
    until: date | None = None
    """The last day it lasted, for an easier week."""


@dataclass(frozen=True)
class RedFlagAnswers:
    """The red-flag answers of the period: the days the person said a warning sign
    applied, the days they said it had been checked, and whether one is still open.

    The place for the stored red-flag state; the caller passes it when it has one.
    """

    said: tuple[date, ...] = ()
    checked: tuple[date, ...] = ()
    open_now: bool = False


@dataclass(frozen=True)
class Note:
    at: datetime
    """When its session started, local time."""
    routine: str
    before: int | None
    after: int | None
    text: str
    signs: tuple[str, ...]
    """The words in it that warn (`note_words`)."""


@dataclass(frozen=True)
class Report:
    period: Period
    made: datetime
    """When it was made, local time."""
    programme: Programme | None
    adherence: Adherence
    pain: Pain
    legs: LegAnswers
    alerts: tuple[Alert, ...]
    moves: tuple[MoveRow, ...]
    changes: tuple[DoseChange, ...]
    events: tuple[Event, ...]
    red_flags: RedFlagAnswers | None
    notes: tuple[Note, ...]
    """Newest first."""

    @property
    def warned(self) -> bool:
        """A session of the period warned, or a red flag was said to apply."""
        said = self.red_flags is not None and bool(self.red_flags.said)
        return said or any(alert.warnings for alert in self.alerts)
