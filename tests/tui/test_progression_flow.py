"""A person follows back-durability for three sessions with little pain, accepts what the
summary suggests, does the harder routine, and is told to back off when it hurts."""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Callable
from pathlib import Path

from textual.color import Color
from textual.pilot import Pilot
from textual.widgets import Label

from backtimer.domain.guide import guide_id, guide_routine
from backtimer.domain.routine import parse_routine
from backtimer.domain.settings import Settings
from backtimer.storage import library
from backtimer.storage.history import HistoryStore
from backtimer.storage.programs import all_programs, load_state
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.guide import advice, choices
from backtimer.tui.screens.next_time import NextTimeScreen
from backtimer.tui.screens.picker import PickerScreen
from backtimer.tui.screens.summary import SummaryScreen
from backtimer.tui.widgets.bar_chart import BarChart
from backtimer.tui.widgets.moves_progress import MoveChart
from backtimer.tui.widgets.suggestions import Suggestions
from tests.fakes import FakeClock
from tests.tui.helpers import (
    advance,
    answer,
    history_shown,
    past_the_guard,
    routines_listed,
    shown,
    text,
    workout,
)
from tests.tui.test_builder_typing import burst

Make = Callable[..., BacktimerApp]
DAY = 24 * 3600
DURABILITY = ["home"]  # the first routine in the picker
MINE = ["end"]  # the last: the only routine of the person's own


async def a_whole_session(
    pilot: Pilot[None], clock: FakeClock, keys: list[str], before: str, after: str
) -> list[str]:
    """Start the routine ``keys`` highlight in the picker, do it from start to end and rate
    it; the summary's suggestions, line by line."""
    app = pilot.app
    await routines_listed(pilot)
    await pilot.press(*keys, "enter")
    await answer(pilot, before)
    timeline = workout(app).workout.timeline  # type: ignore[arg-type]
    await advance(pilot, clock, timeline.estimated_seconds + 1, step=1.9)
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, SummaryScreen)
    await answer(pilot, after)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return shown(app.screen.query_one(Suggestions)).splitlines()


async def back_to_the_picker(pilot: Pilot[None], clock: FakeClock) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(pilot.app.screen, PickerScreen)
    clock.advance(DAY)  # the next session is another day


async def test_three_easy_sessions_grow_each_step_a_notch_and_a_flare_backs_off(
    make_app: Make, clock: FakeClock, home: Path
) -> None:
    app = make_app(Settings(flash=False, sound=False))  # no flashes: a quicker test
    async with app.run_test(size=(100, 30)) as pilot:
        for number in (1, 2):
            said = await a_whole_session(pilot, clock, DURABILITY, before="2", after="2")
            assert said[0] == "For next time: keep every step as it is"
            assert f"· {number} of the 3 sessions it needs at this dose in the last 3 weeks" in said
            await answer(pilot, "enter")
            await back_to_the_picker(pilot, clock)

        said = await a_whole_session(pilot, clock, DURABILITY, before="2", after="3")
        assert said[:5] == [
            "For next time:",
            "↑ Suitcase carry: 45 s → 60 s",
            "↑ Banded glute bridge: 8 → 9 holds",
            "↑ ATG split squat: 6 → 8 reps a side",
            "↑ Seated good morning: 8 → 10 reps",
        ]
        assert "Enter accepts, x keeps" in text(app, "#summary-hint")
        await answer(pilot, "enter")  # saves the session
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, NextTimeScreen)
        assert text(app, "#next-time-change") == "Suitcase carry: 45 s → 60 s?"
        await pilot.press("enter")  # too soon after the summary's Enter: not taken
        assert text(app, "#next-time-change") == "Suitcase carry: 45 s → 60 s?"
        for _ in range(4):
            await answer(pilot, "enter")
        await back_to_the_picker(pilot, clock)
        clock.advance(6 * DAY)  # the next session is the week after

        # A copy of the built-in, one value changed a step, valid and readable.
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
            "+work = 60",
            "-reps = 8",
            "+reps = 9",
            "-reps = 6",
            "+reps = 8",
            "-reps = 8",
            "+reps = 10",
        ]
        tomllib.loads(mine.read_text())
        parse_routine(mine.read_text(), library.exercises(), str(mine))
        assert load_state()[0].copies == {"back-durability": "my-back-durability"}
        durability = next(e for e in all_programs() if e.id == "back-durability-6wk").program
        assert durability is not None and durability.slot[0].routine == "my-back-durability"

        # The next session runs the new dose; it hurts: pain 2 before, 5 after.
        said = await a_whole_session(pilot, clock, MINE, before="2", after="5")
        (last,) = HistoryStore().load().sessions[-1:]
        assert last.routine == "my-back-durability"
        assert [step.planned_seconds for step in last.steps][0] == 120  # 2 sets of 60 s
        assert said[:5] == [
            "For next time:",
            "↓ Suitcase carry: 60 s → 45 s",
            "↓ Banded glute bridge: 9 → 8 holds",
            "↓ ATG split squat: 8 → 6 reps a side",
            "↓ Seated good morning: 10 → 8 reps",
        ]
        assert "· pain rose from 2 to 5 on Thu 3 Dec" in said
        await answer(pilot, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert text(app, "#next-time-verdict") == "Back off a notch"
        past_the_guard(pilot)
        await burst(pilot, "x", "x", "x")  # typed fast: only the first reaches a change read
        assert text(app, "#next-time-count") == "Back durability (mine): change 2 of 4"
        await answer(pilot, "escape")  # keep them all this time
        await back_to_the_picker(pilot, clock)
        assert "work = 60" in mine.read_text()

        # The progress view: each move's dose a session, week by week, and its ladder.
        await pilot.press("f2")
        await history_shown(pilot)
        await pilot.press("p")
        await app.workers.wait_for_complete()
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
            "In Back durability (mine): 2 sets of 60 s; rung 2 of 5; next 75 s"
        )
        # the move's pain bars and legend in the colours (and fills) of the pain chart
        variables = app.get_css_variables()
        pain = charts[0].query_one(".move-pain", BarChart)
        for series, name in enumerate(("before", "after")):
            style = pain.get_component_rich_style(f"bar-chart--series-{series}")
            assert style.color is not None
            assert Color.parse(variables[f"chart-{name}"]).rich_color == style.color
        squat = charts[2].query_one(".move-dose", BarChart).series[0]
        assert squat[-2:] == (12, 16)  # 6 reps a side last week, 8 this week

    versions = [s.routine_version for s in HistoryStore().load().sessions]
    assert versions[0] == versions[1] == versions[2] != versions[3]
    assert None not in versions


def test_the_guide_says_the_suggestions_are_a_rule_of_thumb() -> None:
    choice = next(iter(choices().values()))
    routine = guide_routine(choice.area, choice.muscle, library.catalogue())
    entry = library.unsaved_entry(guide_id(choice.area, choice.muscle), routine)
    assert advice(choice, entry)[-1][0] == (
        "[i dim]After each workout backtimer suggests, from your pain ratings, when a step can"
        " grow or should ease off: a timer's rule of thumb, not medical advice.[/]"
    )
