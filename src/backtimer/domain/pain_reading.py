"""How one session went for the back, by the pain-monitoring model.

The model (Thomeé 1997; Silbernagel et al. 2007) reads a session by the pain
right after it, against the pain before, and by the next morning. A session's
ratings belong to the local day on which it started; its *next morning* is the
first rating of the day after (from any session), compared with the first
rating of the session's own day. The rules that turn readings into advice are
in `progression`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Protocol

from backtimer.domain.digest import StepOutcome

LOW_AFTER = 3
"""Pain after at most this, to progress."""
RISE_ALLOWED = 1
"""Pain after at most this much above pain before, to progress."""
RISE_TOO_MUCH = 2
"""Pain after this much above pain before calls for a back-off."""
ACCEPTABLE = 5
"""Pain after above this calls for a back-off."""
SEVERE = 7
"""Pain after of this or more: see a professional."""
WARNING_WORDS = ("sharp", "shooting", "numb")
"""A note with one of these (in any case, inside any word) means: see a professional."""


class RecordedStep(StepOutcome, Protocol):
    """What the rules need of a recorded step: a `StepRecord` or a `StepDigest`."""

    @property
    def planned_seconds(self) -> int | None: ...


class RatedSession(Protocol):
    """What the rules need of a past session: a full `Session` or its digest."""

    @property
    def id(self) -> str: ...
    @property
    def routine(self) -> str: ...
    @property
    def started_at(self) -> datetime: ...
    @property
    def pain_before(self) -> int | None: ...
    @property
    def pain_after(self) -> int | None: ...
    @property
    def note(self) -> str: ...
    @property
    def steps(self) -> Sequence[RecordedStep]: ...


def day_text(day: date) -> str:
    """A day as the reasons name it: "Tue 24 Nov"."""
    return f"{day:%a} {day.day} {day:%b}"


def first_ratings(sessions: Iterable[RatedSession], zone: tzinfo) -> dict[date, int]:
    """The first pain rating of each local day: the first session's before, else its after.

    A session's ratings belong to the day on which it started, like the session.
    """
    first: dict[date, tuple[datetime, int]] = {}
    for session in sessions:
        rating = session.pain_before if session.pain_before is not None else session.pain_after
        if rating is None:
            continue
        day = session.started_at.astimezone(zone).date()
        known = first.get(day)
        if known is None or session.started_at < known[0]:
            first[day] = (session.started_at, rating)
    return {day: rating for day, (_, rating) in first.items()}


@dataclass(frozen=True)
class Reading:
    """How one session went for the back, by the rules."""

    session: RatedSession
    day: date
    """The local day it started on."""
    day_first: int | None
    """The first rating of that day."""
    next_morning: int | None
    """The first rating of the next day, when there is one."""

    @property
    def when(self) -> str:
        return day_text(self.day)

    @property
    def morning_worse(self) -> bool:
        return (
            self.next_morning is not None
            and self.day_first is not None
            and self.next_morning > self.day_first
        )

    def warnings(self) -> list[str]:
        """Why this session calls for a professional: severe pain, or words in its note."""
        found = []
        after = self.session.pain_after
        if after is not None and after >= SEVERE:
            found.append(f"pain after was {after} on {self.when}")
        note = self.session.note.casefold()
        said = [word for word in WARNING_WORDS if word in note]
        if said:
            words = " and ".join(f"“{word}”" for word in said)
            found.append(f"the note of {self.when} says {words}")
        return found

    def flares(self) -> list[str]:
        """Why this session calls for a back-off (empty when it does not)."""
        found = []
        before, after = self.session.pain_before, self.session.pain_after
        if after is not None and before is not None and after - before >= RISE_TOO_MUCH:
            found.append(f"pain rose from {before} to {after} on {self.when}")
        elif after is not None and after > ACCEPTABLE:
            found.append(f"pain after was {after} on {self.when}, above {ACCEPTABLE}")
        if self.morning_worse:
            found.append(
                f"the morning after {self.when} was worse ({self.next_morning},"
                f" against {self.day_first})"
            )
        for warning in self.warnings():
            if warning not in found and not warning.startswith("pain after"):
                found.append(warning)
        return found

    def unsettled(self) -> str | None:
        """Why this session, though no flare, is no reason to grow the dose; None if it is."""
        before, after = self.session.pain_before, self.session.pain_after
        if after is None:
            return "rate your pain after a session to get suggestions"
        if before is None:
            return "rate your pain before a session too: a rise cannot be seen without it"
        if after > LOW_AFTER:
            return (
                f"pain after was {after} on {self.when}; the dose grows once that stays"
                f" at {LOW_AFTER} or less"
            )
        if after - before > RISE_ALLOWED:
            return f"pain rose from {before} to {after} on {self.when}"
        return None


class Mornings:
    """The first rating of each day, to tell how the morning after a session was."""

    def __init__(self, everything: Sequence[RatedSession], zone: tzinfo) -> None:
        self.zone = zone
        self.everything = everything
        self._first: dict[date, int] | None = None

    @property
    def first(self) -> dict[date, int]:
        """The first rating of each day, worked out when a session is first read."""
        if self._first is None:
            self._first = first_ratings(self.everything, self.zone)
        return self._first

    def reading(self, session: RatedSession) -> Reading:
        day = session.started_at.astimezone(self.zone).date()
        return Reading(session, day, self.first.get(day), self.first.get(day + timedelta(days=1)))
