"""``backtimer morning``, ``backtimer red-flags``, ``today``'s morning line and the red flags
in ``--help``, as a person runs them."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from backtimer.domain.coaching import red_flags
from backtimer.storage.history import HistoryStore
from tests.factories import NOW
from tests.progress_histories import durability, session_of, weeks_of_durability
from tests.system.conftest import backtimer


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> None:
    """Local dates in UTC, so "yesterday" below is the process's yesterday."""
    monkeypatch.setenv("TZ", "UTC")


def a_session(days_ago: int, hour: int = 12) -> None:
    day = NOW.date() - timedelta(days=days_ago)
    started = datetime.combine(day, time(hour), tzinfo=UTC)
    if days_ago == 0:  # keep it in the past
        started = min(started, NOW - timedelta(minutes=10))
    HistoryStore(lambda: NOW).record(session_of(durability(), started, 2, 3, number=days_ago))


def history(home: Path) -> list[dict[str, object]]:
    exported: list[dict[str, object]] = json.loads(backtimer("history", "--json").stdout)
    return exported


def test_nothing_is_due_without_a_workout_yesterday(home: Path) -> None:
    said = backtimer("morning")
    assert said.returncode == 0
    assert said.stdout.startswith("No morning rating is due")
    refused = backtimer("morning", "3")
    assert refused.returncode == 1
    assert "no workout yesterday to rate the morning after" in refused.stderr


def test_the_morning_after_is_due_given_and_kept(home: Path) -> None:
    a_session(days_ago=1)
    said = backtimer("morning")
    assert said.stdout.startswith("Due now: how your back is this morning, after Back durability")
    assert "yesterday: backtimer morning RATING (0 to 10)" in said.stdout
    assert json.loads(backtimer("morning", "--json").stdout)["due_now"]["routine_name"] == (
        "Back durability"
    )
    kept = backtimer("morning", "3")
    assert kept.returncode == 0
    assert (
        kept.stdout == "Kept: your back this morning, 3 of 10, after Back durability yesterday.\n"
    )
    (session,) = history(home)
    assert session["next_morning"] == 3
    assert (
        backtimer("morning").stdout == "This morning, after Back durability yesterday: 3 of 10.\n"
    )
    again = backtimer("morning", "2")
    assert "2 of 10 (was 3)" in again.stdout


def test_a_rating_out_of_range_is_a_usage_error(home: Path) -> None:
    refused = backtimer("morning", "11")
    assert refused.returncode == 2
    assert "'11' is not a rating from 0 to 10" in refused.stderr


def test_today_says_when_the_morning_is_due(home: Path) -> None:
    a_session(days_ago=1)
    a_session(days_ago=0)
    said = backtimer("today").stdout
    assert "Due now: how your back is this morning, after Back durability yesterday" in said
    assert "Due tomorrow morning: how your back is then, after Back durability today." in said
    due = json.loads(backtimer("today", "--json").stdout)["morning"]
    assert due["due_now"]["routine_name"] == due["due_tomorrow"]["routine_name"]
    backtimer("morning", "1")
    assert "Due now" not in backtimer("today").stdout


def test_the_red_flags_are_at_the_foot_of_help(home: Path) -> None:
    said = " ".join(backtimer("--help").stdout.split())
    for line in (*red_flags.TODAY, *red_flags.SOON, *red_flags.NERVE):
        assert line in said
    assert "backtimer red-flags applies" in said


def test_a_red_flag_said_to_apply_stops_growth_until_it_is_checked(home: Path) -> None:
    HistoryStore(lambda: NOW).record_many(weeks_of_durability(NOW, 3))

    def verdicts() -> set[str]:
        (report,) = json.loads(backtimer("progress", "--json").stdout)
        return {step["verdict"] for step in report["steps"]}

    assert "progress" in verdicts()
    listed = backtimer("red-flags")
    assert red_flags.TITLE in listed.stdout and "backtimer red-flags applies" in listed.stdout
    applies = backtimer("red-flags", "applies")
    assert applies.returncode == 0 and red_flags.WHEN_ONE_APPLIES in applies.stdout
    assert verdicts() == {"hold"}
    (report,) = json.loads(backtimer("progress", "--json").stdout)
    assert any("warning sign applies" in reason for reason in report["steps"][0]["reasons"])
    assert red_flags.OPEN_NOW in backtimer("red-flags").stdout
    checked = backtimer("red-flags", "checked")
    assert red_flags.CHECKED in checked.stdout
    assert "progress" in verdicts()
