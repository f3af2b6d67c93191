"""The pain guide on screen: a choice where several muscles fit; the leg sees someone first."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import OptionList

from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.confirm import Confirm
from backtimer.tui.screens.guide import GuideScreen
from tests.tui.helpers import answer, shown, text, work_done, workout

Make = Callable[..., BacktimerApp]


def labels(app: BacktimerApp) -> list[str]:
    areas = app.screen.query_one("#areas", OptionList)
    return [str(areas.get_option_at_index(i).prompt) for i in range(areas.option_count)]


async def test_each_muscle_behind_a_complaint_is_offered_and_chosen_by_the_person(
    make_app: Make,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await work_done(app)
        await pilot.press("f4")
        listed = labels(app)
        for area, muscles in [
            ("The tailbone", ["Glute med", "Piriformis"]),
            ("The outer hip", ["Glute med", "TFL"]),
            ("The buttock", ["Glute med", "Piriformis"]),
        ]:
            at = listed.index(area)
            assert [line.strip(" ›") for line in listed[at + 1 : at + 3]] == muscles
        await pilot.press("down", "down", "down", "down", "down")  # the outer hip: TFL
        advice = shown(app.screen.query_one("#advice"))
        assert "2 muscles can cause this pain" in advice
        assert "▶ Often involved: Tensor fasciae latae (TFL)" in advice
        assert "Often involved: Gluteus medius" in advice
        assert "Likely" not in advice  # a guide, not a diagnosis
        assert "What works the TFL" in advice and "TFL massage" in advice
        await pilot.press("enter")  # start it
        await answer(pilot, "enter")  # skip the pain question
        assert workout(app).workout.routine_id == "guide-outer-hip-tfl"
        assert text(app, "#exercise") == "TFL massage"


async def test_pain_down_the_leg_leads_with_seeing_a_professional(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await work_done(app)
        await pilot.press("f4", "end")
        advice = shown(app.screen.query_one("#advice"))
        assert advice.startswith("First: Pain that shoots down the leg")
        assert advice.index("doctor or a physiotherapist") < advice.index("A routine for it")
        assert "firm pressure" in advice  # why there is no massage in it
        await pilot.press("enter")
        assert isinstance(app.screen, Confirm)  # not straight into a routine
        said = " ".join(shown(label) for label in app.screen.query(".dialog-detail"))
        assert "Pelvic tilt" in said and "massage" not in said.lower()  # it says what it runs
        await answer(pilot, "n")
        assert isinstance(app.screen, GuideScreen)
        await pilot.press("enter")
        await answer(pilot, "y")  # start anyway
        await answer(pilot, "enter")  # skip the pain question
        assert workout(app).workout.routine_id == "guide-down-the-leg"
        moves = [p.exercise for p in workout(app).workout.timeline.steps]
        assert all(move.kind in ("mobility", "stretch") for move in moves)
