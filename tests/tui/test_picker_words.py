"""The picker's words: what the filter finds, in what order, and what it says when nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import OptionList

from backtimer.tui.app import BacktimerApp
from backtimer.tui.widgets.routine_preview import RoutinePreview
from tests.tui.helpers import routines_listed, shown

Make = Callable[..., BacktimerApp]


def preview(app: BacktimerApp) -> str:
    return shown(app.screen.query_one(RoutinePreview).query_one("#preview-text"))


def listed(app: BacktimerApp) -> list[str]:
    options = app.screen.query_one("#routines", OptionList)
    return [str(options.get_option_at_index(i).id) for i in range(options.option_count)]


async def test_the_guides_hips_finds_routines_by_their_descriptions_best_first(
    make_app: Make,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press(*"hips")
        assert "back-durability" in listed(app)  # "…for the lower back, glutes and hips"
        await pilot.press("escape", *"evening")
        assert listed(app)[0] == "flexible-back-evening"  # by its name, before a description
        assert "Flexible back: evening" in preview(app)
        await pilot.press("escape", *"back", "space", *"pain")
        assert listed(app) == ["culprit-massage"]


async def test_an_empty_result_says_what_was_looked_for_and_how_to_go_on(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press(*"zzz")
        assert listed(app) == []
        assert preview(app) == (
            "No routine matches 'zzz'. Escape clears the filter; F4 finds one by where it hurts."
        )
        await pilot.press("backspace")
        assert preview(app).startswith("No routine matches 'zz'.")


async def test_a_routine_that_does_not_load_shows_its_problem_as_written(
    make_app: Make, home: Path
) -> None:
    (home / "routines").mkdir(parents=True)
    (home / "routines" / "mine.toml").write_text(
        'format = 1\nname = "Mine"\n[[step]]\nexercise = "no-such-move"\n'
    )
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press(*"mine")
        assert "add an [[exercise]] with that id" in preview(app)
        assert "\\[" not in preview(app)
