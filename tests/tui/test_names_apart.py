"""Two routines never look the same: in the picker, and when the pain guide saves one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import OptionList

from backtimer.storage import library
from backtimer.tui.app import BacktimerApp
from tests.tui.helpers import routines_listed, toasts, work_done

Make = Callable[..., BacktimerApp]

GUIDE_NAME = "Guide: a general ache in the lower back"


def labels(app: BacktimerApp) -> list[str]:
    options = app.screen.query_one("#routines", OptionList)
    return [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]


async def test_routines_with_the_same_name_are_told_apart_in_the_picker(
    make_app: Make, home: Path
) -> None:
    folder = home / "routines"
    folder.mkdir(parents=True)
    (folder / "my-desk.toml").write_text(library.find_routine("desk-reset").text)
    same = 'format = 1\nname = "Hips"\n[[step]]\nexercise = "cat-cow"\nreps = 5\n'
    (folder / "hips.toml").write_text(same)
    (folder / "hips-2.toml").write_text(same)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        shown = labels(app)
    assert len(set(shown)) == len(shown), shown
    desk = [label for label in shown if label.startswith("Desk reset")]
    assert len(desk) == 2
    assert desk[0].startswith("Desk reset (desk-reset)  ")
    assert desk[1].startswith("Desk reset (my-desk)  ") and desk[1].endswith("yours")
    hips = [label for label in shown if label.startswith("Hips")]
    assert [h.split("  ")[0] for h in hips] == ["Hips (hips)", "Hips (hips-2)"]  # by name, then id
    assert any(label.startswith("Back durability  ") for label in shown)  # no clash, no id


async def test_the_guides_routine_saved_twice_is_saved_once(make_app: Make, home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await work_done(app)
        await pilot.press("f4", "ctrl+s")
        await work_done(app)
        await pilot.press("ctrl+s")
        await work_done(app)
        said = toasts(app)
        await pilot.press("escape")  # back in the picker, the saved routine is listed
        await work_done(app)
        await pilot.pause()
        assert any(label.startswith(GUIDE_NAME) for label in labels(app))
    assert sorted(p.name for p in (home / "routines").glob("*.toml")) == [
        "guide-low-back-ache.toml"
    ]
    assert said[-1].startswith(
        f"Already saved as '{GUIDE_NAME}' (guide-low-back-ache); nothing new was saved."
    )


async def test_the_guide_saves_under_a_name_of_its_own_when_the_name_is_taken(
    make_app: Make, home: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await work_done(app)
        await pilot.press("f4", "ctrl+s")
        await work_done(app)
        saved = home / "routines" / "guide-low-back-ache.toml"
        saved.write_text(saved.read_text().replace("lead_in = 5", "lead_in = 10"))  # changed
        await pilot.press("ctrl+s")
        await work_done(app)
        said = toasts(app)
    copy = library.find_routine("guide-low-back-ache-2")
    assert copy.name == f"{GUIDE_NAME} (2)"
    assert library.find_routine("guide-low-back-ache").name == GUIDE_NAME
    assert said[-1] == (
        f"You have a routine called '{GUIDE_NAME}' already (guide-low-back-ache);"
        f" saved this one as '{GUIDE_NAME} (2)' (guide-low-back-ache-2)."
    )


async def test_the_guide_saves_the_complaint_highlighted_even_when_keys_come_at_once(
    make_app: Make, home: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await work_done(app)
        await pilot.press("f4")
        # Keys typed in one burst (tmux, a fast typist): ctrl+s arrives while the
        # list's "highlighted" message is still on its way to the screen.
        app.screen.query_one("#areas", OptionList).highlighted = 11  # after sitting all day
        await app.screen.run_action("save")
        await work_done(app)
    assert [p.name for p in (home / "routines").glob("*.toml")] == ["guide-sitting.toml"]
