"""A person follows back-durability for a week with little pain, accepts what the summary
suggests (one step, a notch), does the harder routine, and is told to back off when it
hurts."""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from textual.color import Color
from textual.pilot import Pilot
from textual.widgets import Label

from backtimer.domain.routines.guide import guide_id, guide_routine
from backtimer.domain.routines.routine import parse_routine
from backtimer.domain.routines.settings import Settings
from backtimer.storage import library
from backtimer.storage.history import HistoryStore
from backtimer.storage.programmes import all_programmes, load_state
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.guide import advice, choices
from backtimer.tui.screens.next_time import NextTimeScreen
from backtimer.tui.screens.picker import PickerScreen
from backtimer.tui.screens.summary import SummaryScreen
from backtimer.tui.widgets.bar_chart import BarChart
from backtimer.tui.widgets.moves_progress import MoveChart
from backtimer.tui.widgets.suggestions import Suggestions
from tests.fakes import FakeClock
from tests.progress_histories import session_of
from tests.tui.conftest import START
from tests.tui.helpers import (
    advance,
    answer,
    burst,
    history_shown,
    read_the_question,
    routines_listed,
    shown,
    text,
    work_done,
    workout,
)

Make = Callable[..., BacktimerApp]
DAY = 24 * 3600
DURABILITY = ["home"]  # the first routine in the picker
MINE = ["end"]  # the last: the only routine of the person's own


async def a_whole_session(
    pilot: Pilot[None], clock: FakeClock, keys: list[str], before: str, after: str
) -> list[str]:
    """Start the routine ``keys`` highlight in the picker, do it from start to end, rate
    it and say no to the leg question; the summary's suggestions, line by line, as the
    note is asked (its Enter saves the session)."""
    app = pilot.app
    await routines_listed(pilot)
    await pilot.press(*keys, "enter")
    await answer(pilot, before)
    timeline = workout(app).workout.timeline  # type: ignore[arg-type]
    await advance(pilot, clock, timeline.estimated_seconds + 1, step=1.9)
    await work_done(app)
    await pilot.pause()
    assert isinstance(app.screen, SummaryScreen)
    await answer(pilot, after, "enter")
    await answer(pilot, "n", "enter")
    await work_done(app)
    await pilot.pause()
    return shown(app.screen.query_one(Suggestions)).splitlines()


async def back_to_the_picker(pilot: Pilot[None], clock: FakeClock) -> None:
    await work_done(pilot.app)
    await pilot.pause()
    assert isinstance(pilot.app.screen, PickerScreen)
    clock.advance(DAY)  # the next session is another day


async def test_a_good_week_grows_one_step_a_notch_and_a_flare_backs_off(
    make_app: Make, clock: FakeClock, home: Path
) -> None:
    # A week of back-durability every morning before today, pain 2 before and after: each
    # next morning is the next day's rating before.
    routine = library.builtin_routines()[0].routine
    assert routine is not None and routine.name == "Back durability"
    HistoryStore().record_many(
        [session_of(routine, START - timedelta(days=d), 2, 2, number=d) for d in range(7, 0, -1)]
    )
    app = make_app(Settings(flash=False, sound=False))  # no flashes: a quicker test
    async with app.run_test(size=(100, 30)) as pilot:
        said = await a_whole_session(pilot, clock, DURABILITY, before="2", after="2")
        assert said[:3] == [
            "For next time:",
            "↑ Suitcase carry: 45 s → 55 s",
            "= the other 3 as they are",
        ]
        assert (
            "· waits its turn: one step grows at a time, and Suitcase carry goes first, at"
            " its dose the longest"
        ) in said
        assert "Enter accepts, x keeps" in text(app, "#summary-hint")
        await answer(pilot, "enter")  # saves the session
        await work_done(app)
        await pilot.pause()
        assert isinstance(app.screen, NextTimeScreen)
        assert text(app, "#next-time-change") == "Suitcase carry: 45 s → 55 s?"
        await pilot.press("enter")  # too soon after the summary's Enter: not taken
        assert text(app, "#next-time-change") == "Suitcase carry: 45 s → 55 s?"
        await answer(pilot, "enter")
        await back_to_the_picker(pilot, clock)

        # A copy of the built-in, the name and one value changed, valid and readable.
        mine = home / "routines" / "my-back-durability.toml"
        built_in = next(e for e in library.builtin_routines() if e.id == "back-durability")
        diff = [
            line
            for line in difflib.unified_diff(
                built_in.text.splitlines(), mine.read_text().splitlines(), n=0
            )
            if line[:1] in "+-" and line[:3] not in ("+++", "---")
        ]
        assert diff == [
            '-name = "Back durability"',
            '+name = "Back durability (mine)"',
            "-work = 45",
            "+work = 55",
        ]
        tomllib.loads(mine.read_text())
        parse_routine(mine.read_text(), library.exercises(), str(mine))
        assert load_state()[0].copies == {"back-durability": "my-back-durability"}
        durability = next(e for e in all_programmes() if e.id == "back-durability-6wk").program
        assert durability is not None and durability.slot[0].routine == "my-back-durability"

        # The next session runs the new dose; it hurts: pain 2 before, 5 after.
        said = await a_whole_session(pilot, clock, MINE, before="2", after="5")
        (last,) = HistoryStore().load().sessions[-1:]
        assert last.routine == "my-back-durability"
        assert [step.planned_seconds for step in last.steps][0] == 110  # 2 sets of 55 s
        assert said[:5] == [
            "For next time:",
            "↓ Suitcase carry: 55 s → 45 s",
            "↓ Banded glute bridge: 8 → 7 holds",
            "↓ Seated good morning: 8 → 7 reps",
            "= the other one as it is",  # the split squat, at its entry dose
        ]
        assert "· pain rose from 2 to 5 on Wed 25 Nov" in said
        await answer(pilot, "enter")
        await work_done(app)
        await pilot.pause()
        assert text(app, "#next-time-verdict") == "Back off a notch"
        await read_the_question(pilot)
        await burst(pilot, "x", "x", "x")  # typed fast: only the first reaches a change read
        assert text(app, "#next-time-count") == "Back durability (mine): change 2 of 3"
        await answer(pilot, "escape")  # keep them all this time
        await back_to_the_picker(pilot, clock)
        assert "work = 55" in mine.read_text()

        # The progress view: each move's dose a session, week by week, and its ladder.
        await pilot.press("f2")
        await history_shown(pilot)
        await pilot.press("p")
        await work_done(app)
        await pilot.pause()
        charts = list(app.screen.query(MoveChart))
        assert [shown(chart.query_one(".move-title", Label)) for chart in charts] == [
            f"{name}: {unit} a session · pain █ before ▓ after"
            for name, unit in [
                ("Suitcase carry", "seconds"),
                ("Banded glute bridge", "reps"),
                ("ATG split squat", "reps"),
                ("Seated good morning", "reps"),
            ]
        ]
        assert shown(charts[0].query_one(".move-standing", Label)) == (
            "In Back durability (mine): 2 sets of 55 s; rung 2 of 10; next 65 s"
        )
        # the move's pain bars and legend in the colours (and fills) of the pain chart
        variables = app.get_css_variables()
        pain = charts[0].query_one(".move-pain", BarChart)
        for series, name in enumerate(("before", "after")):
            style = pain.get_component_rich_style(f"bar-chart--series-{series}")
            assert style.color is not None
            assert Color.parse(variables[f"chart-{name}"]).rich_color == style.color
        carry = charts[0].query_one(".move-dose", BarChart).series[0]
        assert carry[-1] is not None and carry[-2] is not None and carry[-1] > carry[-2]

    versions = [s.routine_version for s in HistoryStore().load().sessions[-2:]]
    assert None not in versions and versions[0] != versions[1]


def test_the_guide_says_the_suggestions_are_a_rule_of_thumb() -> None:
    choice = next(iter(choices().values()))
    routine = guide_routine(choice.area, choice.muscle, library.catalogue())
    entry = library.unsaved_entry(guide_id(choice.area, choice.muscle), routine)
    assert advice(choice, entry)[-1][0] == (
        "[i dim]After each workout backtimer suggests, from your pain ratings, when a step can"
        " grow or should ease off: a timer's rule of thumb, not medical advice.[/]"
    )
