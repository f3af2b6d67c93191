"""The history pane as a person uses it: open it, read it, delete and undo, see the charts."""

from __future__ import annotations

import stat
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from textual.widgets import DataTable, Input, TabbedContent

from backtimer.domain.history.stats import CHART_WEEKS
from backtimer.domain.report.period import Period
from backtimer.domain.routines.settings import Settings
from backtimer.storage.history import HistoryStore
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.confirm import Confirm
from backtimer.tui.screens.history import HistoryScreen
from backtimer.tui.screens.picker import PickerScreen
from backtimer.tui.widgets.bar_chart import BarChart
from backtimer.tui.widgets.session_list import SessionList
from tests.factories import durability_session as session
from tests.tui.conftest import START
from tests.tui.helpers import (
    answer,
    history_shown,
    open_history,
    routines_listed,
    text,
    toasts,
    until,
)
from tests.tui.histories import a_few_weeks, ten_years

Make = Callable[..., BacktimerApp]


def rows(app: BacktimerApp) -> list[list[str]]:
    """Each line of the session list, cut into its columns."""
    listed = app.screen.query_one(SessionList)
    return [
        [cell.strip() for cell in listed.cells(listed.sessions[n])]
        for n in range(len(listed.sessions))
    ]


def detail(app: BacktimerApp) -> str:
    return text(app, "#session-text")


async def test_f2_opens_the_history_even_while_typing_a_filter(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press("h")  # in the filter, a letter is a letter: "hip" …
        assert app.screen.query_one("#filter", Input).value == "h"
        await pilot.press("f2")
        assert isinstance(app.screen, HistoryScreen)
        await history_shown(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("i")  # the filter as it was, and still typed into
        assert app.screen.query_one("#filter", Input).value == "hi"


async def test_an_empty_history_says_how_to_fill_it(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        assert text(app, "#stats").startswith("No sessions yet.")
        assert app.screen.query_one("#no-sessions").display
        assert not app.screen.query_one("#sessions-row").display
        await pilot.press("d")  # nothing to delete: nothing happens
        assert isinstance(app.screen, HistoryScreen)


async def test_sessions_newest_first_with_the_streak_and_each_ones_detail(make_app: Make) -> None:
    a_few_weeks()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        assert text(app, "#stats").splitlines() == [
            "Streak: 3 days in a row · 1 more session this week to meet your goal",
            "This week: 2 of 3 sessions · 10 min",
            "In all: 12 sessions · 57 min",
        ]
        listed = rows(app)
        assert len(listed) == 12
        assert listed[0] == ["2026-11-24 06:30", "Back durability", "5:24", "completed", "3 → 1"]
        assert listed[1][3:] == ["interrupted", "– → –"]
        assert [row[0][:10] for row in listed] == sorted((r[0][:10] for r in listed), reverse=True)
        shown = app.screen.query_one(SessionList).render_line(1).text  # the first line drawn
        assert " ".join(shown.split()) == "2026-11-24 06:30 Back durability 5:24 completed 3 → 1"
        assert "Tue 24 Nov 2026, 06:30–06:35" in detail(app)
        assert "Pain: 3 → 1" in detail(app) and "Note: easier today" in detail(app)
        assert "✓ 1. Suitcase carry: 2 of 2 sets, 1 min 30 s" in detail(app)
        await pilot.press("down", "down", "down", "down")
        assert "Sat 14 Nov 2026" in detail(app)
        assert "Does not count toward the streak: no step was done in full." in detail(app)
        await pilot.press("down", "down")
        assert "stopped early" in detail(app)
        assert "2 of 4 steps done · 2 not reached" in detail(app)
        assert "· 3. ATG split squat: 0 of 8 reps each side, 0 s (not reached)" in detail(app)


async def test_the_weekly_goal_comes_from_the_settings(make_app: Make) -> None:
    a_few_weeks()
    app = make_app(Settings(weekly_goal=2))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        assert text(app, "#stats").splitlines()[:2] == [
            "Streak: 3 days in a row · weekly goal met 2 weeks running",
            "This week: 2 of 2 sessions ✓ · 10 min",
        ]


async def test_delete_asks_first_and_u_puts_the_session_back(make_app: Make) -> None:
    sessions = a_few_weeks()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_history(pilot)
        await pilot.press("down")  # the interrupted session of 23 November
        interrupted = sessions[10]
        assert screen.selected is not None and screen.selected.id == interrupted.id
        assert not screen.check_action("undo", ())

        await pilot.press("d")
        assert isinstance(app.screen, Confirm)
        await answer(pilot, "n")
        assert len(rows(app)) == 12

        await pilot.press("d")
        await answer(pilot, "y")
        await history_shown(pilot)
        assert len(rows(app)) == 11
        assert text(app, "#stats").startswith("Streak: 1 day in a row")  # 23 November is gone
        assert len(HistoryStore(lambda: START).load().sessions) == 11
        assert screen.selected is not None and screen.selected.id == sessions[9].id
        assert any("Press u to undo" in said for said in toasts(app))
        assert screen.check_action("undo", ())

        await pilot.press("u")
        await history_shown(pilot)
        assert len(rows(app)) == 12
        assert screen.selected is not None and screen.selected.id == interrupted.id
        assert text(app, "#stats").startswith("Streak: 3 days in a row")
        assert HistoryStore(lambda: START).load().sessions == sessions
        assert not screen.check_action("undo", ())
        assert not any("Press u to undo" in said for said in toasts(app))


async def test_deleting_the_only_session_then_putting_it_back(make_app: Make) -> None:
    HistoryStore(lambda: START).record(session(START - timedelta(hours=1)))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        assert len(rows(app)) == 1
        await pilot.press("d")
        await answer(pilot, "y")
        await history_shown(pilot)
        assert app.screen.query_one("#no-sessions").display
        assert text(app, "#stats").startswith("No sessions yet.")
        await pilot.press("u")
        await history_shown(pilot)
        assert len(rows(app)) == 1
        await pilot.press("d")  # the list has the keys again
        assert isinstance(app.screen, Confirm)


async def test_progress_shows_minutes_pain_and_totals_per_move(make_app: Make) -> None:
    a_few_weeks()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        await pilot.press("p")
        assert app.screen.query_one(TabbedContent).active == "progress"
        minutes = app.screen.query_one("#minutes-chart", BarChart)
        assert minutes.labels[-1] == "23 Nov" and len(minutes.labels) == 12
        assert minutes.series[0][-1] == (264 + 324) / 60  # this week: two sessions
        pain = app.screen.query_one("#pain-chart", BarChart)
        assert pain.series[0][-1] == 3.0  # before, this week (one rated session)
        assert pain.series[1][-2:] == (2.0, 1.0)  # after: last week, this week
        assert pain.series[0][-3] == 4.0 and pain.series[1][-3] == 3.0  # 9 November
        moves = app.screen.query_one("#move-table", DataTable)
        assert [str(c) for c in moves.get_row_at(0)] == ["Suitcase carry", "11", "0", "16 min 30 s"]
        await pilot.press("s")
        assert app.screen.query_one(TabbedContent).active == "sessions"


async def test_ten_thousand_sessions(make_app: Make) -> None:
    ten_years()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        assert len(rows(app)) == 10_000
        assert text(app, "#stats").splitlines()[2] == "In all: 10000 sessions · 900 h 00 min"
        assert rows(app)[0][0] == "2026-11-23 22:44"  # one every 8 h 45 min up to START
        await pilot.press("ctrl+end")  # to the oldest
        assert "Sat 26 Nov 2016, 07:30" in detail(app)  # ten years (3,650 days) before


async def test_r_writes_the_report_of_the_weeks_the_charts_show_and_says_where(
    make_app: Make, home: Path
) -> None:
    a_few_weeks()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        assert not app.screen.active_bindings["r"].binding.show  # the sessions' footer is full
        await pilot.press("r")
        await until(pilot, lambda: bool(toasts(app, "Report written")))
        (said,) = toasts(app, "Report written")
        await pilot.press("p")  # the charts of those weeks, and the key in the footer
        assert app.screen.active_bindings["r"].binding.description == "Report"
        assert app.screen.active_bindings["r"].binding.show
    period = Period.weeks(CHART_WEEKS, START.date())
    path = home / "reports" / f"{period.file_stem()}.html"
    assert said == (
        f"The report of {period.text()} is in {path}: open it in a web browser to read or"
        " print it (readable by you alone)."
    )
    assert period.text() == "7 Sep to 24 Nov 2026"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    page = path.read_text()
    assert "12 sessions" in page and "Keeping it up" in page
