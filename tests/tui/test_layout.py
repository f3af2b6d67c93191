"""What the eye lands on: the pain scale's words, the preview's wrapped lines, the footer."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from backtimer.tui.app import BacktimerApp
from backtimer.tui.widgets.pain_scale import PainScale
from backtimer.tui.widgets.routine_preview import RoutinePreview
from tests.tui.helpers import routines_listed, screen_lines, until

Make = Callable[..., BacktimerApp]


def test_the_words_of_the_pain_scale_sit_under_their_numbers() -> None:
    numbers, words = PainScale().render().plain.splitlines()
    assert words.index("0 none") == numbers.index("0")
    assert words.index("10 worst") == numbers.index("10")


async def test_wrapped_lines_of_the_preview_hang_under_their_first_line(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.pause()
        shown = screen_lines(app, app.screen.query_one(RoutinePreview).content_region)
        first = next(i for i, line in enumerate(shown) if "2 sets of 45 s" in line)
        start = shown[first].index("2 sets")
        assert shown[first + 1].strip() == "rest between sets"
        assert shown[first + 1].index("rest") == start


async def test_the_pickers_footer_shows_settings_quit_and_keys(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)

        def visible() -> set[str]:
            keys = app.screen.query_one(Footer).query(FooterKey)
            return {
                key.description
                for key in keys
                if key.region.width and key.region.right <= app.size.width
            }

        await until(pilot, lambda: {"Settings", "Quit", "Keys"} <= visible())
        assert {"Settings", "Quit", "Keys"} <= visible()


async def test_the_footer_keeps_its_keys_while_they_stay_the_same(make_app: Make) -> None:
    """Moving between the builder's fields leaves the keys as they were: the footer keeps
    its key widgets (rebuilding them restyled and laid out the screen at every Tab).
    When the keys change, it shows the new ones."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        await pilot.press("tab")  # from the name to the id: the same keys
        await pilot.pause()
        before = list(footer.query(FooterKey))
        for _ in range(3):
            await pilot.press("tab")
            await pilot.pause()
        assert list(footer.query(FooterKey)) == before  # the very same widgets
        await pilot.press("escape")  # to the list of steps: its own keys come first
        await until(pilot, lambda: list(footer.query(FooterKey)) != before)
        assert [key.description for key in footer.query(FooterKey)] != [
            key.description for key in before
        ]
