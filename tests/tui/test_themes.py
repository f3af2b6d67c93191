"""Themes for everyone: readable in colour and without it, charts that do not rely on hue.

Readability is measured on the screen as drawn: for every piece of text of
the workout screen (letters, digits, the clock's blocks), the WCAG contrast
ratio between its colour and its background after Textual's filters (which
turn every colour grey when NO_COLOR is set).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rich.color import Color
from textual.color import Color as TextualColor

from backtimer.domain.routines.settings import Settings
from backtimer.tui.app import BacktimerApp
from backtimer.tui.themes import ANSI_THEMES, HIGH_CONTRAST, OFFERED
from backtimer.tui.widgets.bar_chart import FILLS, bar_cells
from tests.fakes import FakeClock
from tests.tui.helpers import toasts
from tests.tui.scenes import hold

MakeApp = Callable[..., BacktimerApp]
QUIET = Settings(sound=False, flash=False)


def luminance(red: int, green: int, blue: int) -> float:
    def channel(value: int) -> float:
        share = value / 255
        return share / 12.92 if share <= 0.03928 else ((share + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(one: tuple[int, int, int], other: tuple[int, int, int]) -> float:
    """The WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((luminance(*one), luminance(*other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def least_contrast(app: BacktimerApp) -> tuple[float, str]:
    """The worst-contrasted text on the screen, and the text."""
    worst = (21.0, "")
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            style = segment.style
            if style is None or not any(c.isalnum() or c in "█▀▄" for c in segment.text):
                continue
            front, back = (
                (style.bgcolor, style.color) if style.reverse else (style.color, style.bgcolor)
            )
            if not isinstance(front, Color) or not isinstance(back, Color):
                continue
            ratio = contrast(front.get_truecolor(), back.get_truecolor())
            worst = min(worst, (ratio, segment.text.strip()))
    return worst


async def contrasts(
    app: BacktimerApp, clock: FakeClock, themes: tuple[str, ...]
) -> dict[str, float]:
    """The least contrast of the workout screen in each theme."""
    found = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await hold(pilot, clock)
        for theme in themes:
            app.theme = theme
            await pilot.pause()
            found[theme] = least_contrast(app)[0]
    return found


async def test_every_offered_theme_keeps_its_text_readable_in_colour(
    make_app: MakeApp, clock: FakeClock
) -> None:
    found = await contrasts(make_app(QUIET), clock, OFFERED)
    assert min(found.values()) >= 3.0, found
    assert found[HIGH_CONTRAST.name] >= 7.0  # WCAG AAA


async def test_and_in_grey_when_no_color_is_set(
    make_app: MakeApp, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    found = await contrasts(make_app(QUIET), clock, (*OFFERED, *ANSI_THEMES))
    assert min(found[theme] for theme in OFFERED) >= 3.0, found
    # Why the ansi themes are not offered: in grey, Textual draws their text black on black.
    assert max(found[theme] for theme in ANSI_THEMES) < 1.5, found


async def test_a_saved_ansi_theme_gives_way_to_high_contrast_under_no_color(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(Settings(theme="ansi-dark"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST.name
        assert any("NO_COLOR is set" in message for message in toasts(app))
        assert app.services.settings.theme == "ansi-dark"  # the saved choice is kept


async def test_the_pain_charts_series_differ_in_texture_and_lightness(
    make_app: MakeApp,
) -> None:
    before, after = (bar_cells(7, 10, 4, fill) for fill in FILLS)
    assert before[-1] != after[-1]  # solid and shaded, told apart with no colour at all
    app = make_app(QUIET)
    async with app.run_test(size=(100, 30)) as pilot:
        for theme in OFFERED:
            app.theme = theme
            await pilot.pause()
            variables = app.get_css_variables()
            colours = [TextualColor.parse(variables[f"chart-{s}"]) for s in ("before", "after")]
            one, other = (colour.rgb for colour in colours)
            ratio = contrast(one, other)
            assert ratio >= 2.0, theme
