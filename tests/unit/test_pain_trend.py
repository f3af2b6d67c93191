"""The weekly trend of pain gives a slope only over ratings that span some days.

Two ratings minutes apart (a session stopped, then another) once gave
"easing (-13205.2 a week)" on the report and in ``stats``: a straight line
through two moments a minute apart, counted per week.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from backtimer.domain.coaching.pain_reading import RecordedStep
from backtimer.domain.coaching.pain_trend import MIN_SPAN, pain_trend

NOW = datetime(2026, 12, 7, 21, 40, tzinfo=UTC)


@dataclass(frozen=True)
class Rated:
    started_at: datetime
    pain_before: int | None
    pain_after: int | None = None
    id: str = "s"
    routine: str = "desk-reset"
    note: str = ""
    leg_symptoms: bool | None = None
    next_morning: int | None = None
    steps: Sequence[RecordedStep] = ()


def test_ratings_minutes_apart_give_an_average_and_no_slope() -> None:
    sessions = [Rated(NOW - timedelta(minutes=10), 8), Rated(NOW - timedelta(minutes=9), 3)]
    trend = pain_trend(sessions, NOW).before
    assert (trend.average, trend.per_week, trend.direction) == (5.5, None, None)


def test_ratings_just_under_the_span_give_no_slope_and_at_it_a_slope() -> None:
    short = [Rated(NOW - MIN_SPAN + timedelta(hours=1), 6), Rated(NOW, 4)]
    assert pain_trend(short, NOW).before.per_week is None
    spanned = [Rated(NOW - MIN_SPAN, 6), Rated(NOW, 4)]
    slope = pain_trend(spanned, NOW).before.per_week
    assert slope is not None
    assert abs(slope - (-2 / (MIN_SPAN / timedelta(weeks=1)))) < 1e-9
