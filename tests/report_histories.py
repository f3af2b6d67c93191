"""A history for the report's tests: six weeks of a programme, as a person would live them.

`six_weeks` follows the back-durability programme (3 days a week for 6 weeks) from
Monday 2 Nov 2026: two good weeks in which the rules grow a step at a time and the
person accepts each change, a week skipped, a flare (pain 3 to 6, and a worse next
morning) after which every step that can backs off, a note that warns (pins and needles
down a leg, with the leg question answered yes), and a calm last week. One session is
stopped early; a note from the week before the programme lies outside the report's period.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from backtimer.domain.coaching.progression import advise, changed
from backtimer.domain.coaching.suggestion import dose_text, move_name
from backtimer.domain.history.digest import SessionDigest, digest
from backtimer.domain.history.session import Session
from backtimer.domain.programmes.programme import Enrolment, ProgrammeState
from backtimer.domain.programmes.standing import standing
from backtimer.domain.report.build import build_report
from backtimer.domain.report.model import Report
from backtimer.domain.report.period import Period
from backtimer.domain.routines.routine import Routine
from backtimer.storage import library
from backtimer.storage import programmes as programs
from tests.progress_histories import durability, session_of

ZONE = timezone(timedelta(hours=1))
DAY_ONE = datetime(2026, 11, 2, tzinfo=ZONE)
"""Monday 2 Nov 2026, the programme's first day."""
NOW = DAY_ONE + timedelta(days=40, hours=10)
"""Saturday 12 Dec, 10:00: the sixth week's Saturday."""
WARNING_NOTE = "pins and needles down my left leg after the split squats"
BEFORE_NOTE = "a note from before the programme"


@dataclass
class Person:
    """Someone following back-durability and accepting each change the rules suggest."""

    day_one: datetime = DAY_ONE
    routine: Routine = field(default_factory=durability)
    sessions: list[Session] = field(default_factory=list)
    accepted: list[tuple[date, str, str, str, str]] = field(default_factory=list)
    """Each change accepted: the day of its session, the verdict, the move, the dose
    before and after (in the words of `suggestion.dose_text`)."""

    def trains(
        self,
        day: int,
        before: int,
        after: int,
        *,
        note: str = "",
        legs: bool | None = None,
        morning: int | None = None,
        stopped_after: int | None = None,
    ) -> None:
        """A session on day ``day`` (1 is the first Monday) at 7:30; then, at its end, the
        rules' suggestions accepted."""
        started = self.day_one + timedelta(days=day - 1, hours=7, minutes=30)
        self.sessions.append(
            session_of(
                self.routine,
                started,
                before,
                after,
                note=note,
                leg_symptoms=legs,
                next_morning=morning,
                stopped_after=stopped_after,
                number=len(self.sessions),
            )
        )
        if stopped_after is None:
            advice = advise(
                self.routine,
                self.digests(),
                routine_ids={"back-durability"},
                now=started + timedelta(minutes=10),
                zone=ZONE,
                moves=library.exercises(),
                ladders=library.catalogue().ladders,
            )
            moves = library.exercises()
            for item in advice:
                if item.notch is not None:
                    old, new = item.notch.before, item.notch.after
                    self.accepted.append(
                        (
                            started.date(),
                            item.verdict,
                            move_name(new.exercise, moves),
                            dose_text(old, moves),
                            dose_text(new, moves),
                        )
                    )
            self.routine = changed(self.routine, advice)

    def digests(self) -> list[SessionDigest]:
        return [digest(session) for session in self.sessions]


def six_weeks(day_one: datetime = DAY_ONE) -> Person:
    """The six weeks from the Monday ``day_one`` (a week before: a note not reported)."""
    person = Person(day_one)
    person.trains(-4, 4, 4, note=BEFORE_NOTE, morning=4)  # the week before: not reported
    for day, before, after in ((1, 4, 3), (3, 4, 3), (5, 3, 3), (8, 3, 2), (10, 3, 2)):
        person.trains(day, before, after, morning=before, note="felt easy" if day == 3 else "")
    person.trains(12, 3, 2, morning=3, stopped_after=2, note="stopped: the phone rang")
    for day in (15, 17, 19):
        note = "carry felt heavier, fine" if day == 19 else ""
        person.trains(day, 2, 2, morning=2, note=note)
    # Week 4 (days 22 to 28): skipped.
    person.trains(29, 3, 6, morning=5, legs=False, note="back sore after the carry")
    person.trains(31, 4, 4, morning=4, legs=True, note=WARNING_NOTE)
    person.trains(33, 3, 3, morning=3, legs=False)
    for day in (36, 38, 40):
        person.trains(day, 2, 2, legs=False, morning=2 if day < 40 else None)
    return person


def report_of(person: Person, now: datetime = NOW, weeks: int = 6) -> Report:
    """The report of the last ``weeks`` weeks up to ``now``, the programme under way started
    on the person's first day (built from the sessions alone: no file is read or written
    but the built-in routines and programmes)."""
    routines = {entry.id: entry.routine for entry in library.all_routines() if entry.routine}
    state = ProgrammeState(
        active=Enrolment(program="back-durability-6wk", start=person.day_one.date())
    )
    entries = programs.all_programmes(set(routines))
    sessions = person.digests()
    found = standing(state, [], sessions, now, ZONE, entries, set(routines))
    return build_report(
        sessions,
        Period.weeks(weeks, now.astimezone(ZONE).date()),
        now=now,
        zone=ZONE,
        weekly_goal=2,
        routines=routines,
        copies={},
        moves=library.exercises(),
        ladders=library.catalogue().ladders,
        standing=found,
    )


TWELVE_WEEK_NOTES = (
    "glutes burning on the last set",
    "stiff in the morning, eased after the cat-cow",
    "carry felt heavy on the left",
    "slept badly, kept it easy",
    "good session, hips loose",
)


def twelve_weeks(day_one: datetime = DAY_ONE - timedelta(weeks=6)) -> Person:
    """Twelve weeks of back-durability three mornings a week from the Monday ``day_one``,
    pain easing from 4 to 2, a note after every other session, a flare in week 8."""
    person = Person(day_one)
    for week in range(12):
        for weekday in (0, 2, 4):
            number = week * 3 + weekday // 2
            before = max(2, 4 - week // 4)
            after = 6 if (week, weekday) == (7, 0) else before
            note = TWELVE_WEEK_NOTES[number // 2 % len(TWELVE_WEEK_NOTES)] if number % 2 else ""
            person.trains(week * 7 + weekday + 1, before, after, morning=before, note=note)
    return person
