"""The progression rules over simulated histories, read with a physiotherapist's eye.

Each test is a person following back-durability (a carry of 2 x 45 s, a glute bridge
of 8 holds, a split squat of 6 a side, a seated good morning of 8) on a fake clock
in their own time zone, five hours behind UTC, so local days are not UTC days.
Sessions are recorded as the timer records them (`session_of`), rated as the person
rated them; each test names the verdict a physiotherapist would give, and checks the
rules give it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import pytest

from backtimer.domain.coaching.progression import StepAdvice, advise, changed
from backtimer.domain.coaching.suggestion import suggestion_line
from backtimer.domain.history.digest import digest
from backtimer.domain.history.session import Session
from backtimer.domain.routines.routine import Routine
from backtimer.storage import library
from tests.progress_histories import durability, session_of

ZONE = timezone(timedelta(hours=-5))
DAY_ONE = datetime(2026, 11, 2, tzinfo=ZONE)  # a Monday
MOVES = library.exercises()
LADDERS = library.catalogue().ladders
DURABILITY = durability()
MON_WED_FRI = (1, 3, 5, 8)  # two weeks' Mondays, Wednesday and Friday


@dataclass
class Person:
    """Someone doing back-durability, with a fake clock on their own calendar."""

    routine: Routine = field(default_factory=lambda: DURABILITY)
    now: datetime = DAY_ONE
    sessions: list[Session] = field(default_factory=list)

    def on(self, day: int, hour: float = 7.5) -> Person:
        """Move the clock to day ``day`` (1 is Monday 2 Nov) at ``hour`` local time."""
        moment = DAY_ONE + timedelta(days=day - 1, hours=hour)
        assert moment >= self.now, "the clock only goes forward"
        self.now = moment
        return self

    def trains(
        self, before: int | None, after: int | None, note: str = "", legs: bool | None = None
    ) -> list[StepAdvice]:
        """A whole session from now; what the summary at its end suggests."""
        self.sessions.append(
            session_of(
                self.routine,
                self.now,
                before,
                after,
                note=note,
                leg_symptoms=legs,
                number=len(self.sessions),
            )
        )
        self.now += timedelta(minutes=10)
        return self.advice()

    def rates_the_morning(self, rating: int) -> None:
        """The answer to the next morning's question, kept with the last session."""
        self.sessions[-1] = self.sessions[-1].model_copy(update={"next_morning": rating})

    def advice(self) -> list[StepAdvice]:
        return advise(
            self.routine,
            [digest(session) for session in self.sessions],
            routine_ids={"back-durability"},
            now=self.now,
            zone=ZONE,
            moves=MOVES,
            ladders=LADDERS,
        )

    def accepts(self, advice: list[StepAdvice]) -> None:
        self.routine = changed(self.routine, advice)


def verdicts(advice: list[StepAdvice]) -> list[str]:
    return [item.verdict for item in advice]


def changes(advice: list[StepAdvice]) -> list[str]:
    return [suggestion_line(item, MOVES) for item in advice if item.notch is not None]


def reasons(advice: list[StepAdvice]) -> list[str]:
    return [reason for item in advice for reason in item.reasons]


def a_good_week(person: Person, days: range = range(1, 8)) -> None:
    """A session every morning, pain 2 before and after: each next morning is the next day's
    rating before."""
    for day in days:
        person.on(day).trains(2, 2)


def test_three_sessions_on_one_day_count_as_one_day() -> None:
    """A physiotherapist: one day's work, however often, is one day; the back has not yet
    shown how it takes the dose over days. Keep every step."""
    person = Person()
    for hour in (7.5, 12, 18):
        person.on(1, hour).trains(2, 1)
    person.on(2, 7)
    advice = person.advice()
    assert verdicts(advice) == ["hold"] * 4
    assert "1 of the 3 days it needs at this dose in the last 3 weeks" in advice[0].reasons[0]


def test_three_times_a_day_accepting_every_change_grows_at_a_human_pace() -> None:
    """A physiotherapist: one change at a time, each exercise about once a week, in steps of
    no more than a quarter, and not in the first week at all."""
    person = Person()
    grown: dict[int, list[int]] = {}
    for day in range(1, 43):
        for hour in (7.5, 13, 19):
            advice = person.on(day, hour).trains(1, 1)
            changed_now = [item for item in advice if item.notch is not None]
            assert len(changed_now) <= 1, (day, hour, changes(advice))
            for item in changed_now:
                assert item.verdict == "progress" and item.notch is not None
                grown.setdefault(item.number, []).append(day)
                before, after = item.notch.before, item.notch.after
                if before.exercise == after.exercise:
                    work = before.sets * (before.work or before.rep_count)
                    assert after.sets * (after.work or after.rep_count) <= work * 1.25
            person.accepts(advice)
        if day == 4:
            assert person.routine == DURABILITY  # four days in: nothing has grown yet
    for number, days in grown.items():
        gaps = [later - earlier for earlier, later in zip(days, days[1:], strict=False)]
        assert all(gap >= 7 for gap in gaps), (number, days)
    assert sorted(grown) == [1, 2, 3, 4]  # every step grew, in its turn
    assert grown[1][0] == 8  # the carry first, a week after the first session
    carry = person.routine.step[0]
    assert (carry.sets, carry.work) in [(2, 90), (4, 50)]  # five notches up, no jump


def test_daily_sessions_grow_one_step_after_a_week_and_say_why_the_others_wait() -> None:
    """A physiotherapist: keep a new dose a week; then raise one exercise, not all four."""
    person = Person()
    a_good_week(person, range(1, 4))
    advice = person.on(4).trains(2, 2)
    assert verdicts(advice) == ["hold"] * 4
    assert advice[0].reasons == (
        "at this dose since Mon 2 Nov: a dose is kept a week before it grows, so not before"
        " Mon 9 Nov",
    )
    a_good_week(person, range(5, 8))
    advice = person.on(8).trains(2, 2)
    assert verdicts(advice) == ["progress", "hold", "hold", "hold"]
    assert changes(advice) == ["Suitcase carry: 45 s → 55 s"]
    assert {item.since for item in advice} == {DAY_ONE.date()}
    assert advice[0].reasons[-1] == (
        "one step grows at a time: this one first, at its dose the longest"
    )
    assert advice[1].reasons == (
        "waits its turn: one step grows at a time, and Suitcase carry goes first, at its dose"
        " the longest",
    )
    # Accepted: the next day the bridge waits until the new carry has had its morning.
    person.accepts(advice)
    advice = person.on(8, 18).trains(2, 2)
    assert verdicts(advice) == ["hold"] * 4
    assert advice[1].reasons == (
        "waits until the last change, Suitcase carry, has been done and the morning after"
        " rated: one change at a time",
    )
    advice = person.on(9).trains(2, 2)
    assert changes(advice) == ["Banded glute bridge: 8 → 9 holds"]


def test_alternate_days_without_a_morning_rating_wait_for_one() -> None:
    """A physiotherapist: on alternate days nobody has said how the back was the next
    morning; that is the test of the dose, so wait for it."""
    person = Person()
    for day in MON_WED_FRI:
        advice = person.on(day).trains(2, 2)
    assert verdicts(advice) == ["hold"] * 4
    assert (
        "the morning after Fri 6 Nov was not rated: the dose grows once the morning after a"
        " good session is, and no worse than before it"
    ) in advice[0].reasons


def test_alternate_days_with_good_mornings_grow_one_step() -> None:
    """A physiotherapist: three good days in a week, each settled by the next morning: one
    exercise may go up a little."""
    person = Person()
    for day in MON_WED_FRI[:-1]:
        person.on(day).trains(2, 2)
        person.rates_the_morning(2)
    advice = person.on(MON_WED_FRI[-1]).trains(2, 2)
    assert changes(advice) == ["Suitcase carry: 45 s → 55 s"]


def test_alternate_days_with_a_worse_morning_ease_off() -> None:
    """A physiotherapist: the back had not settled by the next morning: ease off, and do not
    raise anything this week."""
    person = Person()
    person.on(1).trains(2, 2)
    person.rates_the_morning(2)
    person.on(3).trains(2, 3)
    person.rates_the_morning(4)
    person.on(4, 8)
    advice = person.advice()
    assert "progress" not in verdicts(advice)
    assert verdicts(advice)[1:] == ["back-off"] * 3
    assert "the morning after Wed 4 Nov was worse (4, against 2 before the session)" in (
        advice[1].reasons
    )
    assert changes(advice)[0] == "Banded glute bridge: 8 → 7 holds"


def test_sessions_started_in_severe_pain_never_count_toward_growth() -> None:
    """A physiotherapist: a session begun at 9 out of 10 says nothing good about the dose,
    however it ended; three of them earn nothing."""
    person = Person()
    for day in range(1, 8):
        person.on(day).trains(9, 3)
    advice = person.on(8).trains(9, 3)
    assert "progress" not in verdicts(advice)
    # One reason for the spell, naming its days, rather than one a day.
    assert advice[0].reasons == (
        "started at pain 9 on Mon 9 Nov, Sun 8 Nov, Sat 7 Nov and Fri 6 Nov: a session begun"
        " in that much pain does not count toward growth",
    )


def test_pain_at_rest_building_up_week_by_week_stops_growth_then_eases_off() -> None:
    """A physiotherapist: pain that creeps up from week to week, even with every session
    comfortable, means the load is too much: stop raising it, then bring it down."""
    person = Person()
    seen: dict[int, list[str]] = {}
    said: list[str] = []
    for week in range(5):
        for weekday in (0, 2, 4):
            before = week  # 0, then 1, 2, 3 and 4 a week later each
            advice = person.on(1 + 7 * week + weekday).trains(before, before)
            person.rates_the_morning(before)
            seen.setdefault(week + 1, []).extend(verdicts(advice))
            said += reasons(advice)
            person.accepts(advice)
    assert all("progress" not in seen[week] for week in (3, 4, 5))
    assert "back-off" in seen[4] + seen[5]
    assert any(
        reason.startswith("your back at rest has built up") and "nothing grows" in reason
        for reason in said
    )
    assert any(
        reason.startswith("your back at rest has built up") and reason.endswith("ease off")
        for reason in said
    )


def test_a_worse_morning_after_a_notch_takes_it_back() -> None:
    """A physiotherapist: the carry went up, and the next morning was worse: put it back."""
    person = Person()
    a_good_week(person)
    advice = person.on(8).trains(2, 2)
    assert changes(advice) == ["Suitcase carry: 45 s → 55 s"]
    person.accepts(advice)
    person.on(9).trains(2, 2)
    person.rates_the_morning(4)
    advice = person.on(10, 7).advice()
    assert "progress" not in verdicts(advice)
    assert changes(advice)[0] == "Suitcase carry: 55 s → 45 s"
    assert "the morning after Tue 10 Nov was worse (4, against 2 before the session)" in (
        advice[0].reasons
    )
    assert advice[0].paused_until is not None and advice[0].paused_until.day == 17


ISSUE_NOTES = [
    "tingling down my left leg",
    "pain shoots down my leg",
    "pins and needles in my foot",
    "sciatica flared up",
    "my leg felt weak",
    "radiating into the calf",
    "stabbing pain",
]


@pytest.mark.parametrize("note", ISSUE_NOTES)
def test_nerve_words_in_a_note_stop_growth_and_call_for_a_professional(note: str) -> None:
    """A physiotherapist: symptoms running down a leg are a nerve talking; do not load it
    more, and have someone look at it."""
    person = Person()
    a_good_week(person)
    advice = person.on(8).trains(2, 1, note=note)
    assert "progress" not in verdicts(advice)
    assert all(item.see_professional for item in advice)
    assert any(reason.startswith("the note of Mon 9 Nov says") for reason in reasons(advice))


@pytest.mark.parametrize("note", ["no sharp pain today", "lost count of the number of reps"])
def test_a_negated_or_harmless_note_raises_nothing(note: str) -> None:
    """A physiotherapist: "no sharp pain" is good news, and a number is not numbness."""
    person = Person()
    a_good_week(person)
    advice = person.on(8).trains(2, 1, note=note)
    assert verdicts(advice) == ["progress", "hold", "hold", "hold"]
    assert not any(item.see_professional for item in advice)


def test_leg_symptoms_answered_yes_stop_growth_and_call_for_a_professional() -> None:
    """A physiotherapist: pain, tingling, numbness or weakness down a leg is a nerve sign,
    whatever the back's ratings say."""
    person = Person()
    a_good_week(person)
    advice = person.on(8).trains(2, 1, legs=True)
    assert "progress" not in verdicts(advice)
    assert all(item.see_professional for item in advice)
    assert (
        "you said on Mon 9 Nov that something ran down a leg (pain, tingling, numbness or"
        " weakness): a sign of an irritated nerve"
    ) in advice[1].reasons
    # For the rest of that week, still no step grows.
    a_good_week(person, range(9, 14))
    advice = person.on(14).trains(2, 2, legs=False)
    assert "progress" not in verdicts(advice)
    assert advice[0].reasons[0] == (
        "growth waits until Mon 16 Nov, a week after the flare of Mon 9 Nov"
    )
    assert all(item.see_professional for item in advice)
    # Answered no, a week on: growth comes back.
    advice = person.on(15).trains(2, 2, legs=False)
    assert verdicts(advice).count("progress") == 1
    assert not any(item.see_professional for item in advice)


def test_a_flare_pauses_growth_for_a_week() -> None:
    """A physiotherapist: after a flare, an easier week before anything goes up again."""
    person = Person()
    a_good_week(person)
    person.on(8).trains(2, 5)  # pain up by 3: a flare; the person keeps the routine
    a_good_week(person, range(9, 15))
    advice = person.on(14, 18).advice()
    assert "progress" not in verdicts(advice)
    assert (
        advice[0].reasons[0] == "growth waits until Mon 16 Nov, a week after the flare of Mon 9 Nov"
    )
    assert advice[0].paused_until is not None and advice[0].paused_until.isoformat() == "2026-11-16"
    advice = person.on(15).trains(2, 2)
    assert verdicts(advice).count("progress") == 1
