"""Days of rest between training days: what a strength programme needs to recover.

A programme may ask for ``rest_days`` (1 for strength work: exercise-therapy
practice leaves a day between strength sessions). Then:

- with set weekdays, no two training days may be closer than that, the week
  wrapping round (Sunday to Monday counts);
- with any N days a week, N sessions with their rest must fit in seven days;
- the calendar marks no day due while the last session done is fewer than
  ``rest_days`` days back (`rest_until`), across the end of a week too; the
  iCalendar file spreads its days the same way (`spread`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def days_off(rest_days: int) -> str:
    """ "a day off", "2 days off"."""
    return "a day off" if rest_days == 1 else f"{rest_days} days off"


def rest_problem(weekdays: Sequence[int], days_per_week: int | None, rest_days: int) -> str | None:
    """Why a schedule cannot give each training day its rest; None when it can.

    Args:
        weekdays: the set weekdays (Monday is 0), in week order; empty for N a week.
        days_per_week: N, for a programme of any N days a week.
        rest_days: the days of rest each training day needs after it.
    """
    if rest_days == 0:
        return None
    if days_per_week is not None:
        if days_per_week * (rest_days + 1) <= 7:
            return None
        rest = "1 day" if rest_days == 1 else f"{rest_days} days"
        return (
            f"{days_per_week} days a week with {rest} of rest after each do not fit in a"
            " week: train on fewer days or rest less"
        )
    if len(weekdays) < 2:
        return None
    for before, after in zip(weekdays, [*weekdays[1:], weekdays[0] + 7], strict=True):
        if after - before <= rest_days:
            first, second = DAY_NAMES[before], DAY_NAMES[after % 7]
            return f"{first} and {second} leave no day of rest between them ({rest_days=})"
    return None


def rest_until(
    today: date, start: date, rest_days: int, complete: Callable[[date], bool]
) -> date | None:
    """The first day a session is due again, when today is still a day of rest; else None."""
    for back in range(1, rest_days + 1):
        day = today - timedelta(days=back)
        if day >= start and complete(day):
            return day + timedelta(days=rest_days + 1)
    return None


def spread(per_week: int, rest_days: int) -> list[int]:
    """Days into each week for N sessions a week: as even as they go, the rest kept."""
    gap = rest_days + 1
    slack = 7 - per_week * gap
    return [number * gap + number * slack // per_week for number in range(per_week)]
