"""How one session went for the back, by the pain-monitoring model.

The model (Thomeé 1997; Silbernagel et al. 2007) reads a session by the pain
right after it, against the pain before, and by the next morning: pain up to
about 5 is acceptable if it has settled by then. A session's ratings belong to
the local day on which it started. The rules that turn readings into advice
are in `progression`.

**The next morning** of a session is the person's answer to the morning
question (``next_morning``, asked at the first start of the app the day
after). When no session of that day has an answer, the first *before* rating
of the next day stands in for it, and we chose to let it: it is a rating at
rest, given before any exercise that day, a night after the session, which is
what the model asks about; a person who trains every day rates it anyway, and
asking them the same thing twice would teach them to skip the question. A
rating *after* a session never stands in (it is not a rating at rest). With
neither, the morning is unknown: while the day after has not ended it is
still to come (``pending``), afterwards it is missing, and the rules wait for
a rated one before anything grows. A morning is *worse* when it is above the
pain before that session.

**Warnings** call for a professional and stop growth: pain after of
`SEVERE` or more; a note with a sign in it (`note_words`: a nerve sign,
sharp pain, a red flag); the summary's leg question answered yes (pain,
tingling, numbness or weakness down a leg: a nerve sign).

**Severe pain before**: a session started at `SEVERE` or more never counts
toward growth (the person is having a bad day; the session says nothing about
the dose).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Protocol

from backtimer.domain.coaching.note_words import Kind, signs_in
from backtimer.domain.history.digest import StepOutcome

LOW_AFTER = 3
"""Pain after at most this, to progress."""
RISE_ALLOWED = 1
"""Pain after at most this much above pain before, to progress."""
RISE_TOO_MUCH = 2
"""Pain after this much above pain before calls for a back-off."""
ACCEPTABLE = 5
"""Pain after above this calls for a back-off."""
SEVERE = 7
"""Pain after of this or more: see a professional; pain before of this or more: the session
does not count toward growth."""
PAUSE_DAYS = 7
"""Days nothing grows after a flare (`progression`; an easier week lasts as long)."""
PROFESSIONAL = (
    "See a doctor or a physiotherapist about it before you do more; this is a timer's rule"
    " of thumb, not medical advice."
)
"""What a warning asks, after the reasons."""

SIGN_MEANS: dict[Kind, str] = {
    "nerve": "a sign of an irritated nerve",
    "sharp": "sharp pain means stop",
    "urgent": (
        "with back pain, new trouble with the bladder or bowels, or numbness in the saddle"
        " area, needs help the same day"
    ),
}
"""What each kind of sign in a note means, said after the words."""


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
    def leg_symptoms(self) -> bool | None: ...
    @property
    def next_morning(self) -> int | None: ...
    @property
    def steps(self) -> Sequence[RecordedStep]: ...


def day_text(day: date) -> str:
    """A day as the reasons name it: "Tue 24 Nov"."""
    return f"{day:%a} {day.day} {day:%b}"


def note_warnings(note: str, when: str) -> list[str]:
    """What the signs in a note mean, a line for each kind: "the note of Tue 24 Nov says
    “tingling” and “down my leg”: a sign of an irritated nerve"."""
    kinds: dict[Kind, list[str]] = {}
    for sign in signs_in(note):
        kinds.setdefault(sign.kind, []).append(f"“{sign.words}”")
    return [
        f"the note of {when} says {' and '.join(words)}: {SIGN_MEANS[kind]}"
        for kind, words in kinds.items()
    ]


@dataclass(frozen=True)
class Reading:
    """How one session went for the back, by the rules."""

    session: RatedSession
    day: date
    """The local day it started on."""
    next_morning: int | None
    """How the back was the next morning: the answer, or the next day's first rating before."""
    pending: bool = False
    """The next morning is unknown and may still come (the day after has not ended)."""

    @property
    def when(self) -> str:
        return day_text(self.day)

    @property
    def morning_worse(self) -> bool:
        before = self.session.pain_before
        return self.next_morning is not None and before is not None and self.next_morning > before

    @property
    def severe_before(self) -> bool:
        before = self.session.pain_before
        return before is not None and before >= SEVERE

    def warnings(self) -> list[str]:
        """Why this session calls for a professional: severe pain, a leg, or its note."""
        found = []
        after = self.session.pain_after
        if after is not None and after >= SEVERE:
            found.append(f"pain after was {after} on {self.when}")
        if self.session.leg_symptoms:
            found.append(
                f"you said on {self.when} that something ran down a leg (pain, tingling,"
                " numbness or weakness): a sign of an irritated nerve"
            )
        return found + note_warnings(self.session.note, self.when)

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
                f" against {before} before the session)"
            )
        for warning in self.warnings():
            if warning not in found and not warning.startswith("pain after"):
                found.append(warning)
        return found

    def unsettled(self) -> str | None:
        """Why this session is no reason to grow the dose; None if it is one (its morning
        aside: `progression` asks for that of the last one only)."""
        before, after = self.session.pain_before, self.session.pain_after
        if after is None:
            return "rate your pain after a session to get suggestions"
        if before is None:
            return "rate your pain before a session too: a rise cannot be seen without it"
        if self.severe_before:
            return (
                f"started at pain {before} on {self.when}: a session begun in that much pain"
                " does not count toward growth"
            )
        if after > LOW_AFTER:
            return (
                f"pain after was {after} on {self.when}; the dose grows once that stays"
                f" at {LOW_AFTER} or less"
            )
        if after - before > RISE_ALLOWED:
            return f"pain rose from {before} to {after} on {self.when}"
        flares = self.flares()
        return flares[0] if flares else None


class Mornings:
    """How the back was the morning after each day, from the answers and the ratings."""

    def __init__(self, everything: Sequence[RatedSession], zone: tzinfo, today: date) -> None:
        self.zone = zone
        self.today = today
        self.everything = everything
        self._known: dict[date, int] | None = None

    @property
    def known(self) -> dict[date, int]:
        """The morning of each day that has one, worked out when a session is first read."""
        if self._known is None:
            answered: dict[date, int] = {}
            first: dict[date, tuple[datetime, int]] = {}
            for session in self.everything:
                day = session.started_at.astimezone(self.zone).date()
                if session.next_morning is not None:
                    # Two sessions of a day with an answer each: the worse one counts.
                    morning = day + timedelta(days=1)
                    answered[morning] = max(answered.get(morning, 0), session.next_morning)
                if session.pain_before is not None:
                    seen = first.get(day)
                    if seen is None or session.started_at < seen[0]:
                        first[day] = (session.started_at, session.pain_before)
            self._known = {day: rating for day, (_, rating) in first.items()} | answered
        return self._known

    def reading(self, session: RatedSession) -> Reading:
        day = session.started_at.astimezone(self.zone).date()
        morning = self.known.get(day + timedelta(days=1))
        pending = morning is None and day + timedelta(days=1) >= self.today
        return Reading(session, day, morning, pending)
