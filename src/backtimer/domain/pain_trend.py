"""The trend of pain before and after sessions over the last 4 weeks.

The pain-monitoring model asks that pain does not build up from week to week.
`pain_trend` fits a straight line through the ratings of the last
`TREND_DAYS` days (least squares, time in weeks) and gives its slope: points
of pain a week, negative when the back is getting better. Fewer than two
ratings, or all on one moment, give no slope.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from backtimer.domain.pain_reading import RatedSession

TREND_DAYS = 28
STEADY = 0.25
"""A slope smaller than this (points a week, either way) is "steady"."""

Direction = Literal["down", "steady", "up"]


@dataclass(frozen=True)
class Trend:
    """One series of ratings (before, or after) over the period."""

    ratings: int
    average: float | None
    per_week: float | None
    """The slope: points of pain a week (negative: less pain)."""

    @property
    def direction(self) -> Direction | None:
        if self.per_week is None:
            return None
        if self.per_week <= -STEADY:
            return "down"
        return "up" if self.per_week >= STEADY else "steady"

    def as_json(self) -> dict[str, Any]:
        return {
            "ratings": self.ratings,
            "average": None if self.average is None else round(self.average, 1),
            "change_per_week": None if self.per_week is None else round(self.per_week, 2),
            "direction": self.direction,
        }


def _trend(points: list[tuple[float, int]]) -> Trend:
    """Ratings at moments (in weeks), fitted with a straight line."""
    if not points:
        return Trend(0, None, None)
    count = len(points)
    mean_x = sum(x for x, _ in points) / count
    mean_y = sum(y for _, y in points) / count
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    if count < 2 or spread == 0:
        return Trend(count, mean_y, None)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread
    return Trend(count, mean_y, slope)


@dataclass(frozen=True)
class PainTrend:
    """Pain before and after sessions over the last `TREND_DAYS` days."""

    since: datetime
    before: Trend
    after: Trend

    def as_json(self) -> dict[str, Any]:
        """As ``backtimer stats --json`` prints it, under ``pain_trend``."""
        return {
            "since": self.since.isoformat(),
            "days": TREND_DAYS,
            "before": self.before.as_json(),
            "after": self.after.as_json(),
        }


def pain_trend(sessions: Iterable[RatedSession], now: datetime) -> PainTrend:
    """The trend of the ratings of sessions started in the last `TREND_DAYS` days up to ``now``."""
    since = (now - timedelta(days=TREND_DAYS)).replace(microsecond=0)
    before: list[tuple[float, int]] = []
    after: list[tuple[float, int]] = []
    week = timedelta(weeks=1)
    for session in sessions:
        if not since <= session.started_at <= now:
            continue
        x = (session.started_at - since) / week
        if session.pain_before is not None:
            before.append((x, session.pain_before))
        if session.pain_after is not None:
            after.append((x, session.pain_after))
    return PainTrend(since, _trend(before), _trend(after))
