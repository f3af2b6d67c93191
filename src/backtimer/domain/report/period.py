"""The days a report covers: from a first day to a last (today, as a rule), both included.

``--weeks N`` means the weeks the history pane's charts count: N Monday-to-Sunday
weeks, this one (not over yet) the last, so that every weekly figure of the report
is a whole week but this one. ``--since DATE`` starts on that day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from backtimer.domain.history.stats import week_of

LONGEST_WEEKS = 520
"""The most weeks a report covers: ten years."""


@dataclass(frozen=True)
class Period:
    """The local days a report covers, ``first`` to ``last`` both included."""

    first: date
    last: date

    @classmethod
    def weeks(cls, count: int, today: date) -> Period:
        """The last ``count`` weeks (Monday to Sunday), the week of ``today`` the last."""
        return cls(week_of(today) - timedelta(weeks=count - 1), today)

    def holds(self, day: date) -> bool:
        return self.first <= day <= self.last

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def week_count(self) -> int:
        """The Monday-to-Sunday weeks the period touches."""
        return (week_of(self.last) - week_of(self.first)).days // 7 + 1

    @property
    def mondays(self) -> tuple[date, ...]:
        """The Monday of each week the period touches, oldest first."""
        start = week_of(self.first)
        return tuple(start + timedelta(weeks=n) for n in range(self.week_count))

    def text(self) -> str:
        """ "5 Oct to 24 Nov 2026"; "24 Dec 2025 to 5 Jan 2026" across a year."""
        last = f"{self.last.day} {self.last:%b %Y}"
        if self.first.year == self.last.year:
            return f"{self.first.day} {self.first:%b} to {last}"
        return f"{self.first.day} {self.first:%b %Y} to {last}"

    def file_stem(self) -> str:
        """The name a report of this period is saved under, without its extension."""
        return f"backtimer-report-{self.first.isoformat()}-to-{self.last.isoformat()}"
