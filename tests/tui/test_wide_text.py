"""Wide characters (CJK, emoji) in a routine's name keep the history's columns in line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from rich.cells import cell_len

from backtimer.storage.history import HistoryStore
from backtimer.tui.app import BacktimerApp
from backtimer.tui.widgets.session_list import SessionList
from tests.factories import durability_session as session
from tests.tui.conftest import START
from tests.tui.helpers import open_history

Make = Callable[..., BacktimerApp]


async def test_the_session_list_aligns_wide_routine_names(make_app: Make) -> None:
    wide = session(START - timedelta(days=2)).model_copy(
        update={"routine_name": "朝のストレッチ 🌅"}
    )
    long_wide = session(START - timedelta(days=1), number=2).model_copy(
        update={"routine_name": "とても長い名前のストレッチ 🌅🌅"}
    )
    HistoryStore(lambda: START).record_many([wide, long_wide, session(START, number=3)])
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        listed = app.screen.query_one(SessionList)
        lines = [listed.render_line(y).text for y in range(4)]
    columns = [
        cell_len(line[: line.index("5:24" if y else "Time")]) for y, line in enumerate(lines)
    ]
    assert len(set(columns)) == 1, lines
    assert "とても長い名前の…" in lines[2]  # cut to the column, by width
