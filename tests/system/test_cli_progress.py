"""``backtimer progress`` and the pain trend of ``stats --json``, as a script would use them."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from backtimer.cli import main
from backtimer.domain.coaching.pain_trend import pain_trend
from backtimer.storage.history import HistoryStore
from tests.factories import NOW
from tests.progress_histories import durability, session_of, weeks_of_durability

STEP_KEYS = {
    "dose_since",
    "step",
    "exercise",
    "name",
    "dose",
    "verdict",
    "reasons",
    "see_professional",
    "advice",
    "change",
    "sessions_at_dose",
    "ladder",
}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args), now=lambda: NOW)
    out, err = capsys.readouterr()
    return code, out, err


def progress_json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    code, out, err = run(capsys, "progress", *args, "--json")
    assert code == 0, err
    data: list[dict[str, Any]] = json.loads(out)
    return data


def test_progress_says_what_each_step_needs_and_apply_accepts_it(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    # Up to Monday morning: the first session, on a Monday too, is then more than the three
    # weeks back that the rules read (with the real date, this held only on some days).
    HistoryStore(lambda: NOW).record_many(weeks_of_durability(NOW - timedelta(days=1), 3))
    (report,) = progress_json(capsys)
    assert (report["routine"], report["source"], report["changes"]) == (
        "back-durability",
        "built-in",
        1,
    )
    assert report["grows"] == 1 and report["paused_until"] is None
    assert report["pain_at_rest"]["rise"] <= 0  # easing from 5 to 2
    carry = report["steps"][0]
    assert set(carry) == STEP_KEYS
    assert (carry["verdict"], carry["dose"], carry["sessions_at_dose"]) == (
        "progress",
        "2 sets of 45 s",
        3,
    )
    assert carry["change"] == {
        "field": "work",
        "from": 45,
        "to": 55,
        "dose": "2 sets of 55 s",
        "text": "45 s → 55 s",
    }
    assert carry["ladder"] == {"rung": 1, "rungs": 10, "text": "rung 1 of 10; next 55 s"}
    assert carry["dose_since"] is None  # the same dose for three weeks and more
    bridge = report["steps"][1]
    assert bridge["verdict"] == "hold" and bridge["reasons"][0].startswith("waits its turn")

    code, out, _ = run(capsys, "progress", "--apply")
    assert code == 0
    assert "Saved routines/my-back-durability.toml, your copy of back-durability" in out
    assert "not medical advice" in out
    (mine,) = progress_json(capsys)  # the copy stands in for the built-in now
    assert (mine["routine"], mine["changes"]) == ("my-back-durability", 0)
    assert mine["sessions"] == report["sessions"]  # the built-in's count for the copy
    assert mine["steps"][0]["reasons"] == ["no session at this dose yet"]
    (builtin,) = progress_json(capsys, "back-durability")
    assert builtin["copy"] == "my-back-durability"


def test_a_flare_backs_off_and_two_call_for_a_professional(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    now = NOW
    routine = durability()
    HistoryStore(lambda: NOW).record_many(
        [
            session_of(routine, now - timedelta(days=3), 3, 6),
            session_of(routine, now - timedelta(days=1), 2, 2, note="sharp twinge"),
        ]
    )
    (report,) = progress_json(capsys, "back-durability")
    bridge = report["steps"][1]
    assert bridge["verdict"] == "back-off" and bridge["change"]["text"] == "8 → 7 holds"
    assert report["see_professional"] and "physiotherapist" in report["advice"]
    code, out, _ = run(capsys, "progress", "back-durability")
    assert code == 0 and "back off, 8 → 7 holds" in out and "physiotherapist" in out


def test_progress_without_sessions_or_with_an_unknown_routine(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    code, out, _ = run(capsys, "progress")
    assert code == 0 and out.startswith("No routine done in the last 3 weeks")
    code, _, err = run(capsys, "progress", "back-durabilty")
    assert code == 2 and "did you mean back-durability?" in err


def test_stats_json_has_the_pain_trend_of_four_weeks(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    sessions = weeks_of_durability(NOW, 4)
    HistoryStore(lambda: NOW).record_many(sessions)
    code, out, _ = run(capsys, "stats", "--json")
    trend = json.loads(out)["pain_trend"]
    assert trend["days"] == 28
    assert trend["before"]["direction"] == "down"  # from 5 to 2 over the weeks
    assert trend["before"]["change_per_week"] < 0
    assert trend["after"]["ratings"] == len(sessions) - sum(
        1 for s in sessions if s.started_at < NOW - timedelta(days=28)
    )


def test_a_pain_trend_needs_two_moments() -> None:
    now = datetime(2026, 11, 24, tzinfo=UTC)
    one = session_of(durability(), now - timedelta(days=1), 4, 3)
    trend = pain_trend([one], now)
    assert (trend.before.average, trend.before.per_week, trend.before.direction) == (4, None, None)
    rising = [
        session_of(durability(), now - timedelta(days=d), 10 - d // 7, 1) for d in (20, 13, 6)
    ]
    assert pain_trend(rising, now).before.direction == "up"
    assert pain_trend(rising, now).after.direction == "steady"
