"""The programme calendar: today's session, missed days, weeks, time zones."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

from backtimer.domain.history.session import Session
from backtimer.domain.programmes.programme import Programme
from backtimer.domain.programmes.schedule import Progress, progress
from tests.factories import (
    MON_WED_FRI,
    MONDAY,
    STRENGTH,
    THREE_A_WEEK,
    TWICE_DAILY,
    at,
)
from tests.factories import programme_session as session

PLUS_2 = timezone(timedelta(hours=2))
MINUS_5 = timezone(timedelta(hours=-5))


def plan(
    program: Programme,
    sessions: list[Session],
    now: datetime,
    start: date = MONDAY,
    zone: tzinfo = UTC,
) -> Progress:
    return progress(program, start, sessions, now, zone)


def test_day_one_morning_leads_before_two_in_the_afternoon() -> None:
    state = plan(TWICE_DAILY, [], at(MONDAY, 7, 30))
    assert state.lead is not None and state.lead.time == "morning"
    assert state.headline() == "Flexible back: morning — day 1 of 21"
    assert state.total == 21


def test_after_the_morning_session_the_evening_is_due_and_the_day_is_not_done() -> None:
    state = plan(TWICE_DAILY, [session("flex-am", at(MONDAY, 7, 0))], at(MONDAY, 9))
    assert state.lead is not None and state.lead.routine == "flex-pm"
    assert [s.done for s in state.today_slots] == [True, False]
    assert state.days[0].mark == "due"


def test_both_sessions_make_day_one_done_and_day_two_due_tomorrow() -> None:
    done = [session("flex-am", at(MONDAY, 7)), session("flex-pm", at(MONDAY, 20))]
    assert plan(TWICE_DAILY, done, at(MONDAY, 21)).headline() == (
        "Flexible back: day 1 of 21 done — day 2 of 21 comes on Tue 24 Nov"
    )
    tomorrow = plan(TWICE_DAILY, done, at(MONDAY + timedelta(days=1), 8))
    assert [d.mark for d in tomorrow.days[:3]] == ["done", "due", "upcoming"]
    assert tomorrow.headline() == "Flexible back: morning — day 2 of 21"


def test_from_two_oclock_the_evening_leads_and_the_morning_is_late_but_doable() -> None:
    sunday = MONDAY - timedelta(days=1)  # day 2
    state = plan(TWICE_DAILY, [], at(MONDAY, 14), start=sunday)
    assert state.lead is not None and state.lead.time == "evening"
    morning, evening = state.today_slots
    assert morning.late and not morning.done and not evening.late
    after_evening = plan(
        TWICE_DAILY, [session("flex-pm", at(MONDAY, 18))], at(MONDAY, 19), start=sunday
    )
    assert after_evening.lead is not None and after_evening.lead.time == "morning"


def test_a_programme_started_in_the_afternoon_asks_no_morning_session_that_day() -> None:
    state = plan(TWICE_DAILY, [], at(MONDAY, 17))  # started today, at five
    assert state.lead is not None and state.lead.time == "evening"
    assert [s.slot.time for s in state.today_slots] == ["evening"]  # no "late" morning
    assert state.headline() == "Flexible back: evening — day 1 of 21"
    evening_done = [session("flex-pm", at(MONDAY, 18))]
    assert plan(TWICE_DAILY, evening_done, at(MONDAY, 19)).days[0].mark == "done"
    tomorrow = plan(TWICE_DAILY, evening_done, at(MONDAY + timedelta(days=1), 8))
    assert [d.mark for d in tomorrow.days[:2]] == ["done", "due"]  # day 1 is not missed
    assert tomorrow.lead is not None and tomorrow.lead.time == "morning"


def test_a_session_with_no_step_done_in_full_does_not_count_however_it_ended() -> None:
    tries = [
        session("flex-am", at(MONDAY, 7), "completed", done=False),  # skipped through
        session("flex-pm", at(MONDAY, 19), "interrupted", done=False),
    ]
    state = plan(TWICE_DAILY, tries, at(MONDAY + timedelta(days=1), 8))
    assert state.days[0].mark == "missed"


def test_a_session_counts_by_the_work_done_as_the_streak_does() -> None:
    tries = [
        session("flex-am", at(MONDAY, 7), "stopped"),  # stopped after a step done in full
        session("flex-pm", at(MONDAY, 19), "interrupted"),
    ]
    state = plan(TWICE_DAILY, tries, at(MONDAY + timedelta(days=1), 8))
    assert state.days[0].mark == "done"


def test_the_same_routine_twice_needs_two_sessions() -> None:
    twice = TWICE_DAILY.model_copy(
        update={"slot": [TWICE_DAILY.slot[0], TWICE_DAILY.slot[0].model_copy()]}
    )
    one = plan(twice, [session("flex-am", at(MONDAY, 7))], at(MONDAY, 9))
    assert [s.done for s in one.today_slots] == [True, False]
    two = plan(
        twice, [session("flex-am", at(MONDAY, 7)), session("flex-am", at(MONDAY, 8))], at(MONDAY, 9)
    )
    assert two.days[0].mark == "done"


def test_a_missed_day_moves_the_plan_on_and_says_so() -> None:
    # Days 1-8 done, day 9 (Tuesday of week 2) missed, today is day 10.
    done = []
    for offset in range(8):
        day = MONDAY + timedelta(days=offset)
        done += [session("flex-am", at(day, 7)), session("flex-pm", at(day, 20))]
    state = plan(TWICE_DAILY, done, at(MONDAY + timedelta(days=9), 19))
    assert state.count("done") == 8 and state.count("missed") == 1
    assert state.headline() == (
        "Flexible back: evening — day 10 of 21 — 1 day missed, the plan goes on"
    )
    assert state.week == 2


def test_sessions_before_the_start_do_not_count() -> None:
    before = [session("flex-am", at(MONDAY - timedelta(days=1), 7))]
    assert plan(TWICE_DAILY, before, at(MONDAY, 8), start=MONDAY).count("done") == 0


def test_a_mid_week_start_shifts_the_weeks() -> None:
    thursday = MONDAY + timedelta(days=3)
    state = plan(MON_WED_FRI, [], at(thursday, 8), start=thursday)
    # Week 1 is Thu..Wed: Fri, Mon, Wed; nothing before the start exists.
    assert [d.day for d in state.days[:3]] == [
        thursday + timedelta(days=1),
        thursday + timedelta(days=4),
        thursday + timedelta(days=6),
    ]
    assert [d.week for d in state.days] == [1, 1, 1, 2, 2, 2]
    assert state.lead is None
    assert state.headline() == "Strong: rest day — day 1 of 6 comes on Fri 27 Nov"


def test_set_weekdays_rest_days_and_the_nth_training_day() -> None:
    done = [session("durability", at(MONDAY, 9))]
    wednesday = plan(MON_WED_FRI, done, at(MONDAY + timedelta(days=2), 9))
    assert wednesday.headline() == "Strong — day 2 of 6"
    missed_wed = plan(MON_WED_FRI, done, at(MONDAY + timedelta(days=4), 9))
    assert missed_wed.headline() == "Strong — day 3 of 6 — 1 day missed, the plan goes on"


def test_n_a_week_counts_any_days_and_a_short_week_as_missed() -> None:
    # Week 1: only two sessions (Mon, Sat). Week 2: Tuesday, today.
    done = [
        session("durability", at(MONDAY, 9)),
        session("durability", at(MONDAY + timedelta(days=5), 9)),
    ]
    tuesday = MONDAY + timedelta(days=8)
    state = plan(THREE_A_WEEK, done, at(tuesday, 9))
    assert state.weeks_grid()[:2] == [
        ["done", "done", "missed"],
        ["due", "upcoming", "upcoming"],
    ]
    assert state.headline() == "Back durability — day 4 of 18 — 1 day missed, the plan goes on"


def test_n_a_week_week_full_is_a_rest_day() -> None:
    done = [session("durability", at(MONDAY + timedelta(days=i), 9)) for i in range(3)]
    state = plan(THREE_A_WEEK, done, at(MONDAY + timedelta(days=4), 9))
    assert state.lead is None
    assert state.headline() == "Back durability: rest day — day 4 of 18 comes in week 2"


def test_n_a_week_today_done_and_twice_in_a_day_counts_once() -> None:
    done = [session("durability", at(MONDAY, 9)), session("durability", at(MONDAY, 18))]
    state = plan(THREE_A_WEEK, done, at(MONDAY, 19))
    assert state.weeks_grid()[0] == ["done", "upcoming", "upcoming"]
    assert state.headline() == "Back durability: day 1 of 18 done — day 2 of 18 comes this week"


def test_when_the_weeks_are_over_it_is_finished() -> None:
    done = [session("durability", at(MONDAY + timedelta(weeks=w), 9)) for w in range(6)]
    state = plan(THREE_A_WEEK, done, at(MONDAY + timedelta(weeks=6), 9))
    assert state.finished
    assert state.count("done") == 6 and state.count("missed") == 12
    assert state.headline().startswith("Back durability is over: 6 of 18 days done")


def test_a_late_utc_session_is_on_the_next_local_day_east_of_utc() -> None:
    # 23:30 UTC on Monday is 01:30 on Tuesday in UTC+2.
    late = [session("durability", at(MONDAY, 23, 30))]
    tuesday_morning = at(MONDAY + timedelta(days=1), 8, zone=PLUS_2)
    east = plan(THREE_A_WEEK, late, tuesday_morning, start=MONDAY, zone=PLUS_2)
    assert east.days[0].day == MONDAY + timedelta(days=1)
    assert east.today_day is not None and east.today_day.mark == "done"
    in_utc = plan(THREE_A_WEEK, late, at(MONDAY, 23, 45), start=MONDAY, zone=UTC)
    assert in_utc.days[0].day == MONDAY


def test_an_early_utc_session_is_on_the_day_before_west_of_utc() -> None:
    # 02:00 UTC on Tuesday is 21:00 on Monday in UTC-5: Monday's evening.
    evening = session("flex-pm", at(MONDAY + timedelta(days=1), 2))
    morning = session("flex-am", at(MONDAY, 12))  # 07:00 in UTC-5
    now = at(MONDAY, 22, zone=MINUS_5)
    west = plan(TWICE_DAILY, [morning, evening], now, zone=MINUS_5)
    assert west.days[0].mark == "done"
    in_utc = plan(TWICE_DAILY, [morning, evening], now, zone=UTC)
    assert in_utc.days[0].mark == "missed" and in_utc.today_slots[0].done is False


def test_the_grid_has_a_row_a_week() -> None:
    state = plan(TWICE_DAILY, [], at(MONDAY, 8))
    grid = state.weeks_grid()
    assert len(grid) == 3 and all(len(row) == 7 for row in grid)
    assert grid[0][:2] == ["due", "upcoming"]


def test_where_a_programme_stands_is_worked_out_without_any_file() -> None:
    """`standing` is calendar logic in the domain: given what ``program.toml`` holds and
    the programmes there are, it says where the active one stands, or why it cannot."""
    from backtimer.domain.programmes.programme import Enrolment, ProgrammeEntry, ProgrammeState
    from backtimer.domain.programmes.standing import standing

    program = Programme.model_validate(
        {
            "format": 1,
            "name": "Two weeks",
            "weeks": 2,
            "days_per_week": 7,
            "slot": [{"routine": "desk-reset"}],
        }
    )
    entries = [ProgrammeEntry("two-weeks", "user", "two-weeks.toml", program)]
    now = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    nothing = standing(ProgrammeState(), ["a problem"], [], now, UTC, entries)
    assert (nothing.enrolment, nothing.progress, nothing.problems) == (None, None, ("a problem",))
    active = ProgrammeState(active=Enrolment(program="two-weeks", start=date(2026, 11, 24)))
    found = standing(active, [], [], now, UTC, entries)
    assert found.progress is not None and found.progress.today_day is not None
    today = found.progress.today_day
    assert (today.number, today.mark, today.day) == (1, "due", date(2026, 11, 25))
    gone = ProgrammeState(active=Enrolment(program="gone", start=date(2026, 11, 24)))
    lost = standing(gone, [], [], now, UTC, entries)
    assert lost.progress is None
    assert lost.problems == ("the active programme 'gone' is not there any more",)


def test_a_strength_programme_leaves_a_day_between_sessions() -> None:
    done = [session("durability", at(MONDAY, 9))]
    tuesday = plan(STRENGTH, done, at(MONDAY + timedelta(days=1), 9))
    assert tuesday.lead is None and tuesday.today_slots == ()
    assert tuesday.headline() == (
        "Back durability: rest day, a day off between sessions — day 2 of 18 comes on Wed 25 Nov"
    )
    assert tuesday.weeks_grid()[0] == ["done", "upcoming", "upcoming"]
    wednesday = plan(STRENGTH, done, at(MONDAY + timedelta(days=2), 9))
    assert wednesday.lead is not None
    assert wednesday.headline() == "Back durability — day 2 of 18"


def test_the_day_of_rest_holds_across_the_end_of_a_programme_week() -> None:
    sunday = MONDAY + timedelta(days=6)
    done = [session("durability", at(MONDAY + timedelta(days=d), 9)) for d in (2, 4)]
    done.append(session("durability", at(sunday, 9)))
    monday = plan(STRENGTH, done, at(sunday + timedelta(days=1), 9))
    assert monday.week == 2 and monday.lead is None
    assert plan(STRENGTH, done, at(sunday + timedelta(days=2), 9)).lead is not None


def test_without_a_day_of_rest_the_next_day_is_due_as_before() -> None:
    done = [session("durability", at(MONDAY, 9))]
    assert plan(THREE_A_WEEK, done, at(MONDAY + timedelta(days=1), 9)).lead is not None
