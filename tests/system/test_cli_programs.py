"""The programme commands as a person runs them: ``programs``, ``today``, start and leave."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backtimer.storage.history import HistoryStore
from backtimer.storage.programmes import load_state
from tests.factories import NOW, completed
from tests.system.conftest import backtimer


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> None:
    """Local dates in UTC, so the sessions written below fall on the day the process sees."""
    monkeypatch.setenv("TZ", "UTC")


def test_programs_json_lists_the_builtins() -> None:
    result = backtimer("programs", "--json")
    assert result.returncode == 0, result.stderr
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    durability, flexible = rows["back-durability-6wk"], rows["flexible-back-3wk"]
    assert (durability["weeks"], durability["sessions"], durability["active"]) == (6, 18, False)
    assert durability["schedule"] == "3 days a week for 6 weeks, a day off between sessions"
    assert durability["slots"] == [{"time": "any", "routine": "back-durability"}]
    assert flexible["schedule"] == "every day for 3 weeks, morning and evening"
    assert [s["routine"] for s in flexible["slots"]] == [
        "flexible-back-morning",
        "flexible-back-evening",
    ]
    assert flexible["sessions"] == 42 and flexible["source"] == "built-in"


def test_today_with_no_programme_says_how_to_start_one() -> None:
    result = backtimer("today")
    assert result.returncode == 0
    assert "No programme is under way" in result.stdout
    assert json.loads(backtimer("today", "--json").stdout) == {
        "active": False,
        "morning": {"due_now": None, "due_tomorrow": None},
    }


def test_start_a_programme_then_today_follows_the_history(home: Path) -> None:
    assert backtimer("programs", "start", "back-durability-6wk").returncode == 0
    due = json.loads(backtimer("today", "--json").stdout)
    assert (due["program"], due["day"], due["total_days"]) == ("back-durability-6wk", 1, 18)
    assert due["routine"] == "back-durability"
    assert backtimer("today").stdout.startswith("Back durability — day 1 of 18\n")

    HistoryStore(lambda: NOW).record(completed("back-durability"))
    done = backtimer("today")
    assert done.stdout.startswith("Back durability: day 1 of 18 done")
    listed = {row["id"]: row for row in json.loads(backtimer("programs", "--json").stdout)}
    assert listed["back-durability-6wk"]["active"] is True
    assert listed["back-durability-6wk"]["progress"]["done_days"] == 1


def test_a_session_skipped_through_leaves_the_day_due(home: Path) -> None:
    backtimer("programs", "start", "back-durability-6wk")
    session = completed("back-durability")
    skipped = session.steps[0].model_copy(
        update={"sets_done": 0, "seconds_done": 0.2, "skipped": True}
    )
    HistoryStore(lambda: NOW).record(session.model_copy(update={"steps": [skipped]}))
    assert json.loads(backtimer("today", "--json").stdout)["done_days"] == 0


def test_starting_another_leaves_the_first_and_leave_keeps_the_history(home: Path) -> None:
    backtimer("programs", "start", "back-durability-6wk")
    HistoryStore(lambda: NOW).record(completed("back-durability"))
    switched = backtimer("programs", "start", "flexible-back-3wk")
    assert "Left 'back-durability-6wk'" in switched.stdout
    assert json.loads(backtimer("today", "--json").stdout)["program"] == "flexible-back-3wk"
    assert "sessions stay in the history" in backtimer("programs", "leave").stdout
    assert json.loads(backtimer("today", "--json").stdout)["active"] is False
    assert len(HistoryStore(lambda: NOW).load().sessions) == 1
    state, problems = load_state()
    assert not problems and state.active is None
    assert [p.program for p in state.past] == ["back-durability-6wk", "flexible-back-3wk"]


def test_unknown_programme_is_a_usage_error() -> None:
    result = backtimer("programs", "start", "nope")
    assert result.returncode == 2
    assert "no programme 'nope'; there are: back-durability-6wk, flexible-back-3wk" in result.stderr


def test_a_user_programme_with_an_unknown_routine_is_listed_with_its_problem(home: Path) -> None:
    (home / "programs").mkdir(parents=True)
    (home / "programs" / "mine.toml").write_text(
        'format = 1\nname = "Mine"\nweeks = 2\ndays_per_week = 2\n'
        '[[slot]]\nroutine = "desk-reste"\n'
    )
    result = backtimer("programs")
    assert result.returncode == 0
    assert "mine.toml: slot[1].routine: unknown routine 'desk-reste' (did you mean" in result.stderr
    assert backtimer("programs", "start", "mine").returncode == 1


def test_a_broken_program_file_is_reported_and_set_aside_when_written(home: Path) -> None:
    home.mkdir(exist_ok=True)
    (home / "program.toml").write_text("active = ")
    result = backtimer("today")
    assert result.returncode == 0
    assert "program.toml" in result.stderr and "No programme is under way" in result.stdout
    started = backtimer("programs", "start", "flexible-back-3wk")
    assert "could not be read, kept as program.toml.unreadable-" in started.stderr
    assert [p.name for p in home.glob("program.toml.unreadable-*")]


def test_a_flare_up_puts_the_programme_into_an_easier_week_and_today_says_so(home: Path) -> None:
    assert backtimer("programs", "start", "flexible-back-3wk").returncode == 0
    flared = completed("flexible-back-morning").model_copy(
        update={"pain_before": 2, "pain_after": 5}
    )
    HistoryStore(lambda: NOW).record(flared)
    said = backtimer("today").stdout
    assert "Easier week, to " in said, said
    assert f"flared up on {flared.started_at:%a} {flared.started_at.day}" in said
    assert "pain rose from 2 to 5" in said
    assert "leave out any move that brings the pain on" in said
    week = json.loads(backtimer("today", "--json").stdout)["easier_week"]
    assert week["reasons"] == [
        f"pain rose from 2 to 5 on {flared.started_at:%a} "
        f"{flared.started_at.day} {flared.started_at:%b}"
    ]
    assert week["see_professional"] is False


def test_with_no_flare_there_is_no_easier_week(home: Path) -> None:
    assert backtimer("programs", "start", "flexible-back-3wk").returncode == 0
    HistoryStore(lambda: NOW).record(
        completed("flexible-back-morning").model_copy(update={"pain_before": 2, "pain_after": 2})
    )
    assert "Easier week" not in backtimer("today").stdout
    assert json.loads(backtimer("today", "--json").stdout)["easier_week"] is None
