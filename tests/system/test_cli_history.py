"""The history commands as a person runs them: list, export, import, statistics."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from backtimer.storage.history import HistoryStore
from tests.factories import AT_NOW, NOW, session
from tests.system.conftest import backtimer


def some_history() -> None:
    """Three sessions in BACKTIMER_HOME: 40 days ago, yesterday (stopped, rated), an hour ago."""
    HistoryStore(lambda: NOW).record_many(
        [
            session(NOW - timedelta(days=40), suffix="000001"),
            session(
                NOW - timedelta(days=1),
                suffix="000002",
                status="stopped",
                pain_before=5,
                pain_after=3,
                note="left hip tight",
                stopped_at_step=1,
                leg_symptoms=False,
                next_morning=2,
            ),
            session(NOW - timedelta(hours=1), suffix="000003"),
        ]
    )


def test_history_lists_newest_first_as_a_table_json_and_csv(home: Path) -> None:
    some_history()
    table = backtimer("history", home=home)
    assert table.returncode == 0
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["DATE", "ROUTINE", "TIME", "STATUS", "PAIN", "NOTE"]
    assert "stopped" in lines[2] and "5 → 3" in lines[2] and "left hip tight" in lines[2]
    exported = json.loads(backtimer("history", "--json", home=home).stdout)
    assert [s["id"][-1] for s in exported] == ["1", "2", "3"]
    assert exported[1]["started_at"].endswith("+00:00")
    rows = list(csv.DictReader(io.StringIO(backtimer("history", "--csv", home=home).stdout)))
    assert [row["status"] for row in rows] == ["completed", "stopped", "completed"]
    # The leg question's answer and the next morning travel with the session.
    assert (exported[1]["leg_symptoms"], exported[1]["next_morning"]) == (False, 2)
    assert (exported[0]["leg_symptoms"], exported[0]["next_morning"]) == (None, None)
    assert [(row["leg_symptoms"], row["next_morning"]) for row in rows[:2]] == [
        ("", ""),
        ("no", "2"),
    ]
    since = (NOW - timedelta(days=2)).astimezone().date().isoformat()
    recent = json.loads(backtimer("history", "--json", "--since", since, home=home).stdout)
    assert len(recent) == 2


def test_an_export_restores_the_same_history_and_a_second_import_adds_nothing(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = home / "first", home / "second"
    with monkeypatch.context() as m:
        m.setenv("BACKTIMER_HOME", str(first))
        some_history()
    export = home / "sessions.json"
    export.write_text(backtimer("history", "--json", home=first).stdout)

    restored = backtimer("history", "import", str(export), home=second)
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout == f"Imported 3 of the 3 sessions in {export}.\n"
    again = backtimer("history", "import", str(export), home=second)
    assert again.stdout == (
        f"Imported 0 of the 3 sessions in {export}; 3 were already in the history.\n"
    )
    assert backtimer("history", "--json", home=second).stdout == export.read_text()
    assert (second / "history").is_dir()  # the old session went to its own month's file


def test_importing_a_file_that_is_not_an_export_changes_nothing(home: Path) -> None:
    some_history()
    before = backtimer("history", "--json", home=home).stdout
    broken = home / "broken.json"
    sessions = json.loads(before)
    del sessions[1]["started_at"]
    broken.write_text(json.dumps(sessions))
    result = backtimer("history", "import", str(broken), home=home)
    assert result.returncode == 1
    assert result.stderr == (
        f"backtimer: {broken}: session 2 (id {sessions[1]['id']!r}): started_at: is required\n"
    )
    assert backtimer("history", "--json", home=home).stdout == before


def test_importing_a_missing_file_is_a_usage_error(home: Path) -> None:
    result = backtimer("history", "import", str(home / "nope.json"), home=home)
    assert result.returncode == 2
    assert result.stderr == f"backtimer: {home / 'nope.json'}: no such file\n"


def test_stats_json_has_the_promised_keys(home: Path) -> None:
    some_history()
    (home / "settings.toml").write_text("weekly_goal = 4\n")
    result = backtimer("stats", "--json", home=home)
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    assert stats["sessions_total"] == 3
    assert stats["weekly_goal"] == 4
    assert stats["minutes_total"] == round(3 * 394 / 60, 1)
    assert stats["streak_days"] in (1, 2)  # yesterday and today, unless "today" is still UTC's
    assert 0 <= stats["sessions_this_week"] <= 2
    assert len(stats["weeks"]) == 12


def test_stats_in_words(home: Path) -> None:
    some_history()
    lines = backtimer("stats", home=home).stdout.splitlines()
    assert lines[0].startswith("Streak:")
    assert lines[1].startswith("This week:") and "of 3 sessions" in lines[1]
    assert lines[2] == "In all:    3 sessions, 20 min"


def test_stats_of_an_empty_history(home: Path) -> None:
    result = backtimer("stats", "--json", home=home)
    stats = json.loads(result.stdout)
    assert (stats["streak_days"], stats["sessions_total"], stats["minutes_total"]) == (0, 0, 0)


@pytest.mark.parametrize("kind", ["--json", "--csv"])
def test_ten_years_are_exported_session_by_session(home: Path, kind: str) -> None:
    """10,000 sessions go out one by one: the export holds neither every session nor
    one string of them all (it took 240 MiB), and says the same as reading them all."""
    from tests.tui.histories import ten_years, ten_years_export

    ten_years()  # with the sessions' cache, warm
    peak = (  # VmHWM: ru_maxrss would count this test's own memory, kept across a fork
        "import re, sys\nfrom backtimer.cli import main\n"
        + AT_NOW
        + f"code = main(['history', {kind!r}], now=lambda: NOW)\nsys.stdout.flush()\n"
        "status = open('/proc/self/status').read()\n"
        "sys.stderr.write(re.search(r'VmHWM:\\s*(\\d+)', status)[1])\n"
    )
    env = os.environ | {"BACKTIMER_HOME": str(home)}
    run = subprocess.run(
        [sys.executable, "-c", peak], capture_output=True, text=True, env=env, check=True
    )
    assert int(run.stderr) / 1024 <= 80, f"{int(run.stderr) / 1024:.0f} MiB at the peak"
    every = ten_years_export()
    if kind == "--json":
        assert json.loads(run.stdout) == every
    else:
        rows = list(csv.DictReader(io.StringIO(run.stdout)))
        assert [row["id"] for row in rows] == [s["id"] for s in every]
        done = [step["outcome"] for step in every[-1]["steps"]].count("done")
        assert rows[-1]["steps_done"] == str(done)


def test_ten_years_exported_with_no_cache_say_the_same(home: Path) -> None:
    """The first export (every file parsed, the sessions' cache written) and the next (read
    from it) are the same bytes."""
    from tests.tui.histories import ten_years, ten_years_export

    ten_years()
    shutil.rmtree(home / "cache" / "sessions")  # the links only: the shared files stay
    cold = backtimer("history", "--json", home=home)
    assert cold.returncode == 0, cold.stderr
    assert len(list((home / "cache" / "sessions").glob("*.json"))) == 121
    warm = backtimer("history", "--json", home=home)
    assert warm.stdout == cold.stdout
    assert json.loads(cold.stdout) == ten_years_export()
