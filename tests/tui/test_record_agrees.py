"""One rule everywhere: the summary, ``history --json``, ``history --csv`` and
``stats --json`` say the same of every session the real app recorded."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

from backtimer.cli import main
from backtimer.domain.history.outcome import count_outcomes
from backtimer.domain.routines.settings import Settings
from backtimer.storage.history import HistoryStore
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.picker import PickerScreen
from backtimer.tui.screens.summary import SummaryScreen
from backtimer.tui.services import Services
from tests.factories import NOW
from tests.fakes import FakeClock
from tests.tui.conftest import FakeWallClock
from tests.tui.helpers import advance, answer, start_routine, text, work_done

THREE = """format = 1
name = "Three short steps"
lead_in = 2
rest_between_steps = 5
[[step]]
exercise = "suitcase-carry"
work = 4
sides = "none"
[[step]]
exercise = "cat-cow"
reps = 2
tempo = 2
[[step]]
exercise = "suitcase-carry"
work = 4
sides = "none"
"""

MARKS = {"done": "✓", "partly": "◐", "skipped": "↷", "not-reached": "·"}


async def summary_of(pilot: Pilot[None], clock: FakeClock) -> tuple[str, list[str]]:
    """What the summary says, then save it and go back to the picker."""
    app = pilot.app
    await work_done(app)
    await pilot.pause()
    assert isinstance(app.screen, SummaryScreen)
    said = text(app, "#summary-time"), text(app, "#summary-steps").splitlines()  # type: ignore[arg-type]
    await answer(pilot, "ctrl+s")  # as people do: after reading it; no answers
    await work_done(app)
    await pilot.pause()
    assert isinstance(app.screen, PickerScreen)
    await pilot.press("escape")  # clear the filter for the next one
    return said


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(list(args), now=lambda: NOW) == 0
    return capsys.readouterr().out


async def test_summary_files_csv_and_stats_agree(
    home: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    (home / "routines").mkdir(parents=True)
    (home / "routines" / "three.toml").write_text(THREE)
    # Sessions an hour ago, so that the statistics (which count up to today) see them.
    wall = FakeWallClock(clock, NOW - timedelta(hours=1))
    services = Services(
        clock=clock, now=wall, store=HistoryStore(wall), settings=Settings(sound=False), zone=UTC
    )
    app = BacktimerApp(services, greet=False)
    summaries: list[tuple[str, list[str]]] = []
    async with app.run_test(size=(100, 30)) as pilot:
        # 1. As seen: step 1 done; in the rest before step 2, p then n n; the rest runs out.
        await start_routine(pilot, "three short")
        await advance(pilot, clock, 2 + 4 + 1)
        await pilot.press("p", "n", "n")
        await advance(pilot, clock, 60)
        summaries.append(await summary_of(pilot, clock))
        # 2. Skipped through from start to end.
        await start_routine(pilot, "three short")
        await pilot.press(*["n"] * 6)
        summaries.append(await summary_of(pilot, clock))
        # 3. Stopped halfway through step 2, after a restart of its set.
        await start_routine(pilot, "three short")
        await advance(pilot, clock, 2 + 4 + 5 + 3)
        await pilot.press("r")
        await advance(pilot, clock, 1)
        await pilot.press("q")
        await answer(pilot, "y")
        summaries.append(await summary_of(pilot, clock))

    assert summaries[0] == (
        "Three short steps · 20 s active · 0 s paused · 3 of 3 steps done",
        [
            "✓ 1. Suitcase carry: 4 s",
            "✓ 2. Cat-cow: 2 of 2 reps, 4 s",
            "✓ 3. Suitcase carry: 4 s",
        ],
    )
    assert summaries[1][0].endswith("0 of 3 steps done · 3 skipped")
    assert summaries[2][0].endswith("1 of 3 steps done · 1 part done · 1 not reached")

    exported = json.loads(cli(capsys, "history", "--json"))
    rows = list(csv.DictReader(io.StringIO(cli(capsys, "history", "--csv"))))
    stats = json.loads(cli(capsys, "stats", "--json"))
    assert len(exported) == len(rows) == stats["sessions_total"] == 3
    for (line, steps), session, row in zip(summaries, exported, rows, strict=True):
        outcomes = [step["outcome"] for step in session["steps"]]
        assert [mark.split()[0] for mark in steps] == [MARKS[o] for o in outcomes]
        counted = count_outcomes(HistoryStore().load().sessions[exported.index(session)].steps)
        assert line.endswith(counted.text())
        assert [int(row[f"steps_{kind}"]) for kind in ("done", "partly", "skipped")] == [
            outcomes.count(kind) for kind in ("done", "partly", "skipped")
        ]
        assert int(row["steps_not_reached"]) == outcomes.count("not-reached")
        assert all(step["skipped"] == (step["outcome"] == "skipped") for step in session["steps"])
    counting = [s for s in exported if any(step["outcome"] == "done" for step in s["steps"])]
    assert len(counting) == 2  # the session skipped through does not count
    assert stats["last_day"] == counting[-1]["started_at"][:10]
    minutes = sum(s["active_seconds"] for s in exported) / 60
    assert stats["minutes_total"] == pytest.approx(round(minutes, 1))
    carried = sum(
        step["seconds_done"]
        for s in exported
        for step in s["steps"]
        if step["exercise"] == "suitcase-carry" and step["seconds_done"] >= 1
    )
    (carry,) = [m for m in stats["exercises"] if m["exercise"] == "suitcase-carry"]
    assert carry["seconds"] == pytest.approx(carried)
