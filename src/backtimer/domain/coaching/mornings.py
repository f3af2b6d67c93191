"""The morning after a workout: which session's next morning is due, and when the next one is.

How the back feels the morning after a session says whether the load was
right (pain after exercise is acceptable if it has settled by the next
morning). backtimer asks it rather than guessing it: once, at the first
start of the app on the day after a session ("How is your back this
morning?"), skippable, and the shell can give it too (``backtimer morning
RATING``). The answer is that session's ``next_morning``.

The session it is asked about is the last one done on the day before today
(local time) in which some work was done (a step done in full or in part).
Its morning is *due* while that session has no ``next_morning`` yet; a
session done today, not rated for its morning, makes one due tomorrow.

Nothing here reads a file or a clock: the caller gives now and the time zone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Generic, Protocol, TypeVar

from backtimer.domain.history.outcome import OutcomeCounts


class MorningSession(Protocol):
    """What the rule reads of a session: a `Session` or a `SessionDigest`."""

    @property
    def id(self) -> str: ...
    @property
    def routine_name(self) -> str: ...
    @property
    def started_at(self) -> datetime: ...
    @property
    def next_morning(self) -> int | None: ...
    @property
    def outcomes(self) -> OutcomeCounts: ...


S = TypeVar("S", bound=MorningSession)


def _worked(session: MorningSession) -> bool:
    outcomes = session.outcomes
    return outcomes.done + outcomes.partly > 0


def last_on(sessions: Sequence[S], day: date, zone: tzinfo) -> S | None:
    """The last session started on ``day`` (local) in which some work was done.

    Args:
        sessions: oldest first, as the history gives them.
    """
    for session in reversed(sessions):
        started = session.started_at.astimezone(zone).date()
        if started < day:
            return None
        if started == day and _worked(session):
            return session
    return None


def morning_after(sessions: Sequence[S], now: datetime, zone: tzinfo) -> S | None:
    """The session whose next morning is today: yesterday's last (rated or not)."""
    today = now.astimezone(zone).date()
    return last_on(sessions, today - timedelta(days=1), zone)


def due(sessions: Sequence[S], now: datetime, zone: tzinfo) -> S | None:
    """The session whose next morning is due now: yesterday's last, not rated for it yet."""
    session = morning_after(sessions, now, zone)
    return session if session is not None and session.next_morning is None else None


@dataclass(frozen=True)
class MorningsDue(Generic[S]):
    """Where the morning ratings stand now."""

    due_now: S | None
    """Yesterday's session, whose morning is not rated yet."""
    due_tomorrow: S | None
    """Today's last session, when its morning is still to come."""


def standing(sessions: Sequence[S], now: datetime, zone: tzinfo) -> MorningsDue[S]:
    """The morning due now, and the one due tomorrow."""
    today = now.astimezone(zone).date()
    later = last_on(sessions, today, zone)
    return MorningsDue(
        due(sessions, now, zone),
        later if later is not None and later.next_morning is None else None,
    )


def session_words(session: MorningSession, now: datetime, zone: tzinfo) -> str:
    """The session as a person names it: "Back durability yesterday", "... today",
    "... on Mon 23 Nov"."""
    day = session.started_at.astimezone(zone).date()
    today = now.astimezone(zone).date()
    if day == today:
        return f"{session.routine_name} today"
    if day == today - timedelta(days=1):
        return f"{session.routine_name} yesterday"
    return f"{session.routine_name} on {day:%a} {day.day} {day:%b}"


def question(session: MorningSession, now: datetime, zone: tzinfo) -> str:
    """The morning question, about ``session``."""
    return f"How is your back this morning, after {session_words(session, now, zone)}?"
