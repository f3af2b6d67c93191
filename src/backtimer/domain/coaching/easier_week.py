"""An easier week: what a programme asks after the back flares up.

A *flare* is a session after which the progression rules would back a step off
(pain rose by 2 or more, pain after above 5, a worse next morning) or that warns
(severe pain after, warning words in the note, something down a leg), as
`pain_reading.Reading.flares` reads it: the one home of those rules. A session of
any routine counts: it is the same back.

The rules themselves let nothing grow for `PAUSE_DAYS` days after a flare
(`progression`); this module says what that week means for the programme under way:

- ``backtimer today`` and the programmes screen say so, and what the week asks:
  each session at an easy effort, leaving out any move that brings the pain on,
  a missed day being fine; after a warning or symptoms down a leg, to see a
  doctor or a physiotherapist before doing more.

The calendar goes on as before (a missed day is counted and the plan goes on):
an easier week changes how hard, not when. Nothing here reads a file or a clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from backtimer.domain.coaching.pain_reading import (
    PAUSE_DAYS,
    PROFESSIONAL,
    Mornings,
    RatedSession,
    day_text,
)

EASIER_DAYS = PAUSE_DAYS
"""How long an easier week lasts, from the day of the flare: as long as the rules'
pause in growth, which it explains."""


@dataclass(frozen=True)
class EasierWeek:
    """The easier week under way, and the flare that started it."""

    flare_day: date
    """The local day of the latest flare."""
    reasons: tuple[str, ...]
    """What made that session a flare, most telling first."""
    see_professional: bool
    """It warned, or something ran down a leg."""

    @property
    def until(self) -> date:
        """The first day after the easier week."""
        return self.flare_day + timedelta(days=EASIER_DAYS)

    def headline(self) -> str:
        last = self.until - timedelta(days=1)
        return (
            f"Easier week, to {day_text(last)}: your back flared up on"
            f" {day_text(self.flare_day)} ({'; '.join(self.reasons)})."
        )

    def advice(self) -> str:
        text = (
            "Do each session at an easy effort, leave out any move that brings the pain on,"
            " and a missed day is fine: nothing in the programme grows before"
            f" {day_text(self.until)}."
        )
        return f"{text} {PROFESSIONAL}" if self.see_professional else text

    @property
    def hold_reason(self) -> str:
        """Why a step that would grow is kept, in the words of the rules' reasons."""
        return (
            f"an easier week after the flare-up of {day_text(self.flare_day)}:"
            f" nothing grows before {day_text(self.until)}"
        )


def easier_week(sessions: Sequence[RatedSession], now: datetime, zone: tzinfo) -> EasierWeek | None:
    """The easier week under way at ``now``, if a session of the last `EASIER_DAYS` days
    flared; None when none did.

    Args:
        sessions: the history (any order; every routine).
        zone: the person's time zone, for days and mornings.
    """
    today = now.astimezone(zone).date()
    first = today - timedelta(days=EASIER_DAYS - 1)
    mornings = Mornings(sessions, zone, today)
    latest: EasierWeek | None = None
    for session in sessions:
        day = session.started_at.astimezone(zone).date()
        if not first <= day <= today or (latest is not None and day < latest.flare_day):
            continue
        reading = mornings.reading(session)
        reasons = reading.flares()
        if reasons:
            warned = bool(reading.warnings())
            if latest is not None and latest.flare_day == day:
                reasons = [*latest.reasons, *reasons]
                warned = warned or latest.see_professional
            latest = EasierWeek(day, tuple(dict.fromkeys(reasons)), warned)
    return latest
