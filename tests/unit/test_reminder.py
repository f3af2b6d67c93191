"""Is a session due now: the rule, the line, and the quick reading that agrees with the models."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime, timedelta
from typing import Any

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from backtimer.domain.history.plain_tables import ID_PATTERN, plain_session
from backtimer.domain.history.session import Session
from backtimer.domain.parsing import ids
from backtimer.domain.programmes import programme as program
from backtimer.domain.programmes.due import (
    MAX_WEEKS,
    due_now,
    notification_text,
    quick_programme,
    reminder_line,
)
from backtimer.domain.programmes.programme import Programme
from backtimer.domain.programmes.schedule import progress
from backtimer.storage import locations
from tests.factories import MONDAY, THREE_A_WEEK, TWICE_DAILY, at
from tests.factories import programme_session as session

NAMES = {"flex-am": "Flexible back: morning", "flex-pm": "Flexible back: evening"}


def test_the_morning_is_due_from_the_first_hour_of_the_day() -> None:
    now = at(MONDAY, 6)
    plan = progress(TWICE_DAILY, MONDAY, [], now, UTC)
    due = due_now(plan, now)
    assert due is not None and due.routine == "flex-am"
    assert reminder_line(plan, due, NAMES) == (
        "Due now: Flexible back: morning — day 1 of 21 (backtimer start flex-am)"
    )


def test_after_the_morning_the_evening_is_not_due_before_two_oclock() -> None:
    now = at(MONDAY, 9)
    plan = progress(TWICE_DAILY, MONDAY, [session("flex-am", at(MONDAY, 7))], now, UTC)
    assert due_now(plan, now) is None
    assert reminder_line(plan, None, NAMES) == (
        "Flexible back: evening — day 1 of 21, due from 14:00"
    )
    later = at(MONDAY, 14)
    plan = progress(TWICE_DAILY, MONDAY, [session("flex-am", at(MONDAY, 7))], later, UTC)
    due = due_now(plan, later)
    assert due is not None and due.routine == "flex-pm"


def test_a_late_morning_is_still_due_once_the_evening_is_done() -> None:
    now = at(MONDAY, 20)
    day_2 = MONDAY - timedelta(days=1)  # day 1, started perhaps at five, asks no morning
    plan = progress(TWICE_DAILY, day_2, [session("flex-pm", at(MONDAY, 19))], now, UTC)
    due = due_now(plan, now)
    assert due is not None and due.routine == "flex-am"


def test_nothing_is_due_on_a_day_done_or_once_a_week_has_its_days() -> None:
    now = at(MONDAY, 20)
    done = [session("flex-am", at(MONDAY, 7)), session("flex-pm", at(MONDAY, 19))]
    plan = progress(TWICE_DAILY, MONDAY, done, now, UTC)
    assert due_now(plan, now) is None
    assert reminder_line(plan, None, NAMES).startswith("Flexible back: day 1 of 21 done")
    three = [session("durability", at(MONDAY + timedelta(days=d), 8)) for d in range(3)]
    thursday = at(MONDAY + timedelta(days=3), 8)
    assert due_now(progress(THREE_A_WEEK, MONDAY, three, thursday, UTC), thursday) is None
    two = three[:2]
    due = due_now(progress(THREE_A_WEEK, MONDAY, two, thursday, UTC), thursday)
    assert due is not None and due.routine == "durability"


def test_the_notification_says_what_and_how_to_start_it() -> None:
    now = at(MONDAY, 20)
    plan = progress(THREE_A_WEEK, MONDAY, [], now, UTC)
    due = due_now(plan, now)
    assert due is not None
    title, body = notification_text(plan, due, {"durability": "Back durability"})
    assert title == "Back durability is due"
    assert body == "Time for your back (day 1 of 18): backtimer start durability"


def test_no_programme_is_one_line_too() -> None:
    assert reminder_line(None, None, {}) == (
        "No programme is under way (see `backtimer programs`)."
    )


# ------------------------------------------------------------ the quick reading


def test_the_quick_readings_limits_are_the_models() -> None:
    assert ID_PATTERN == ids.ID_PATTERN
    assert MAX_WEEKS == program.MAX_WEEKS


def test_the_built_in_programmes_read_quickly_as_the_model_reads_them() -> None:
    for resource in locations.builtin_programmes().iterdir():
        table = tomllib.loads(resource.read_text("utf-8"))
        quick, model = quick_programme(table), Programme.model_validate(table)
        assert quick is not None, resource.name
        assert (quick.name, quick.weeks, quick.days_per_week, quick.rest_days) == (
            model.name,
            model.weeks,
            model.days_per_week,
            model.rest_days,
        )
        assert quick.weekdays == model.weekdays
        assert [(s.time, s.routine) for s in quick.slot] == [
            (s.time, s.routine) for s in model.slot
        ]


VALID: dict[str, Any] = {
    "format": 1,
    "name": "Mine",
    "weeks": 3,
    "days": ["mon", "wed"],
    "slot": [{"time": "morning", "routine": "cat-cow-am"}],
}
SLOTS = st.lists(
    st.fixed_dictionaries(
        {"routine": st.sampled_from(["ok-id", "cat-cow-am", "Bad", "", "a" * 70, 3])},
        optional={
            "time": st.sampled_from(["morning", "evening", "any", "noon", None]),
            "colour": st.just("blue"),
        },
    ),
    max_size=5,
)
CHANGES = st.fixed_dictionaries(
    {},
    optional={
        "format": st.sampled_from([1, 2, True, 1.0, "1"]),
        "name": st.text(max_size=90),
        "weeks": st.one_of(st.integers(-1, 60), st.sampled_from([True, 3.0, "3"])),
        "days": st.one_of(
            st.none(), st.lists(st.sampled_from(["mon", "tue", "sun", "xyz", 1]), max_size=8)
        ),
        "days_per_week": st.one_of(st.none(), st.integers(-1, 9), st.just(True)),
        "rest_days": st.one_of(st.integers(-1, 8), st.sampled_from([True, 1.0, "1"])),
        "description": st.one_of(st.text(max_size=10), st.integers()),
        "slot": SLOTS,
        "colour": st.text(max_size=5),
    },
)


@settings(max_examples=400, deadline=None)
@given(changes=CHANGES, dropped=st.sets(st.sampled_from(list(VALID)), max_size=1))
def test_what_the_quick_reading_takes_the_model_takes_and_reads_the_same(
    changes: dict[str, Any], dropped: set[str]
) -> None:
    table = {key: value for key, value in VALID.items() if key not in dropped} | changes
    quick = quick_programme(table)
    if quick is None:
        return  # the full path reads it and says what is wrong
    try:
        model = Programme.model_validate(table)
    except ValidationError as exc:
        raise AssertionError(f"the quick reading took what the model does not: {exc}") from None
    assert (quick.name, quick.weeks, quick.weekdays) == (model.name, model.weeks, model.weekdays)
    assert (quick.days_per_week, quick.rest_days) == (model.days_per_week, model.rest_days)
    assert [(s.time, s.routine) for s in quick.slot] == [(s.time, s.routine) for s in model.slot]


def test_a_recorded_session_counts_for_the_quick_reading_as_for_the_model() -> None:
    for done in (True, False):
        recorded = session("flex-am", datetime(2026, 11, 23, 7, tzinfo=UTC), done=done)
        table = tomllib.loads(tomli_w.dumps(recorded.model_dump(mode="python", exclude_none=True)))
        quick = plain_session(table)
        assert quick is not None
        assert (quick.routine, quick.started_at, quick.counts) == (
            recorded.routine,
            recorded.started_at,
            recorded.counts,
        )
        assert Session.model_validate(table).counts == quick.counts


def test_a_session_the_quick_reading_cannot_read_is_left_to_the_full_path() -> None:
    recorded = session("flex-am", datetime(2026, 11, 23, 7, tzinfo=UTC))
    table = recorded.model_dump(mode="python", exclude_none=True)
    assert plain_session(table) is not None
    assert plain_session(table | {"steps": [{"sets_done": "2"}]}) is None
    assert plain_session(table | {"started_at": date(2026, 11, 23)}) is None
    assert plain_session({"routine": "x", "started_at": table["started_at"], "steps": []}) is None
