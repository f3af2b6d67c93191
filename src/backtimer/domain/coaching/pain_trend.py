"""The trend of pain from week to week: for the review, and for the progression rules.

The pain-monitoring model asks that pain does not build up from week to week.
Two readings of that live here:

- `pain_trend`, for ``backtimer stats``, fits a straight line through the
  ratings before and after sessions of the last `TREND_DAYS` days (least
  squares, time in weeks) and gives its slope: points of pain a week,
  negative when the back is getting better. Fewer than two ratings, or ratings
  that span less than `MIN_SPAN`, give no slope: a line through two ratings
  minutes apart, counted per week, said "-13205.2 a week".
- `rest_trend`, for the progression rules, compares the back *at rest*: the
  mean of the ratings before sessions and of the mornings after (the answers
  to the morning question) over the last 7 days, against the same mean two
  weeks before (days 15 to 21 back; with no rating then, one week before).
  Weeks count back from today, so the figure does not jump on a Monday.
  Ratings after a session are left out: they measure the session, not the
  back from week to week.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any, Literal

from backtimer.domain.coaching.pain_reading import RatedSession
from backtimer.domain.history.stats import week_means

TREND_DAYS = 28
STEADY = 0.25
"""A slope smaller than this (points a week, either way) is "steady"."""
MIN_SPAN = timedelta(days=7)
"""The least time from the first rating to the last for a slope a week to mean anything."""

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
    moments = [x for x, _ in points]
    if count < 2 or max(moments) - min(moments) < MIN_SPAN / timedelta(weeks=1):
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


REST_WEEKS = 2
"""How many weeks back the back at rest is compared with."""
WEEK = timedelta(days=7)


@dataclass(frozen=True)
class RestTrend:
    """The back at rest this week, against the same some weeks before."""

    this_week: float | None
    """The mean of the last 7 days' ratings at rest; None with none."""
    earlier: float | None
    """The mean of the 7 days `weeks` weeks before; None with none then."""
    weeks: int
    """How many weeks back ``earlier`` is: `REST_WEEKS`, or 1 when that week had no rating."""

    @property
    def rise(self) -> float | None:
        """How much the back at rest has built up (negative: it eased); None without both."""
        if self.this_week is None or self.earlier is None:
            return None
        return self.this_week - self.earlier

    def as_json(self) -> dict[str, Any]:
        """As ``backtimer progress --json`` prints it, under ``pain_at_rest``."""
        rise = self.rise
        return {
            "this_week": None if self.this_week is None else round(self.this_week, 1),
            "earlier": None if self.earlier is None else round(self.earlier, 1),
            "weeks": self.weeks,
            "rise": None if rise is None else round(rise, 1),
        }


def rest_ratings(
    sessions: Iterable[RatedSession], zone: tzinfo, today: date
) -> list[tuple[date, int]]:
    """The ratings at rest that `rest_trend` reads, each with its local day: the pain before
    each session, and each morning after (the day after the session it was asked about)."""
    since = today - WEEK * (REST_WEEKS + 1) + timedelta(days=1)
    found = []
    for session in sessions:
        day = session.started_at.astimezone(zone).date()
        if session.pain_before is not None and day >= since:
            found.append((day, session.pain_before))
        if session.next_morning is not None and day + timedelta(days=1) >= since:
            found.append((day + timedelta(days=1), session.next_morning))
    return found


def rest_trend(ratings: Iterable[tuple[date, int]], today: date) -> RestTrend:
    """The back at rest over the last 7 days against `REST_WEEKS` weeks before."""

    def week(day: date) -> date:
        """The first day of the 7 days, counted back from today, that ``day`` is in."""
        return today - WEEK * ((today - day).days // 7) - timedelta(days=6)

    means = week_means(((d, r) for d, r in ratings if d <= today), week)
    this_week = means.get(week(today))
    for weeks in range(REST_WEEKS, 0, -1):
        earlier = means.get(week(today) - WEEK * weeks)
        if earlier is not None:
            return RestTrend(this_week, earlier, weeks)
    return RestTrend(this_week, None, REST_WEEKS)
